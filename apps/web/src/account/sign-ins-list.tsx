import { useMutation, useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { problemFromError } from "../forms/form-problem";
import { QueryView } from "../homes/query-view";
import { activeLocale } from "../i18n/i18n";
import { useFormat } from "../i18n/use-format";
import { useSignedIn } from "../sign-in/auth-context";
import { accountT } from "./password-forms";
import { useAccountsApi } from "./use-accounts-api";

const SIGN_INS_KEY = "my-sessions";

/** "Firefox 121 on Linux", from what the server could read of the browser's User-Agent. */
export function deviceName(
  signIn: { browser: string | null; os: string | null },
  t: TFunction<"account"> = accountT(),
): string {
  const { browser, os } = signIn;
  if (browser && os) return t("sessions.browserOn", { browser, os });
  if (browser) return browser;
  if (os) return t("sessions.browserOnOs", { os });
  return t("sessions.unknownBrowser");
}

/** The server names the network in English ("Network 203.0.113.x"); other languages say it here. */
export function placeName(place: string, t: TFunction<"account"> = accountT()): string {
  if (activeLocale() === "en") return place;
  if (place === "This device's network") return t("sessions.localNetwork");
  if (place === "Unknown network") return t("sessions.unknownNetwork");
  const range = /^Network (\S+)$/.exec(place)?.[1];
  return range === undefined ? place : t("sessions.network", { range });
}

/** Where the person is signed in, with a button to sign out any other browser or device. */
export function SignInsList({ refreshKey }: { refreshKey: number }) {
  const { t } = useTranslation("account");
  const format = useFormat();
  const { user } = useSignedIn();
  const accounts = useAccountsApi();
  const headingId = useId();
  const query = useQuery({
    queryKey: [SIGN_INS_KEY, user.id, refreshKey],
    queryFn: ({ signal }) => accounts.mySignIns(signal),
  });
  const end = useMutation({
    mutationFn: (signInId: string) => accounts.endMySignIn(signInId),
    onSuccess: () => query.refetch(),
  });
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t("sessions.title")}
      </h2>
      {end.isError && (
        <p className="field__error" role="alert">
          {problemFromError(end.error).message}
        </p>
      )}
      <QueryView
        query={query}
        loadingLabel={t("sessions.loading")}
        errorTitle={t("sessions.error")}
      >
        {(signIns) => (
          <ul className="stack">
            {signIns.map((s) => (
              <li key={s.id}>
                <span id={`${headingId}-${s.id}`}>
                  <strong>{deviceName(s, t)}</strong>
                  {s.current && t("sessions.thisBrowser")}
                  <br />
                  {t("sessions.when", {
                    place: placeName(s.place, t),
                    signedIn: format.moment(s.signedInAt, user.timeZone),
                    lastActive: format.moment(s.lastActiveAt, user.timeZone),
                  })}
                </span>{" "}
                {!s.current && (
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    aria-describedby={`${headingId}-${s.id}`}
                    disabled={end.isPending}
                    onClick={() => end.mutate(s.id)}
                  >
                    {t("sessions.signOut")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
