import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useServices } from "../app/services-context";
import { problemFromError } from "../forms/form-problem";
import { ErrorState, LoadingState } from "../shell/status-states";
import { MfaEnrolment } from "./mfa-enrolment";

const MFA_QUERY_KEY = ["auth", "mfa"] as const;

/** The account page's "Authenticator app" card: set it up, see it is on, or turn it off. */
export function MfaSection({ onNotice }: { onNotice: (message: string) => void }) {
  const { t } = useTranslation("account");
  const { mfaApi } = useServices();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [enrolling, setEnrolling] = useState(false);
  const status = useQuery({
    queryKey: MFA_QUERY_KEY,
    queryFn: ({ signal }) => mfaApi.status(signal),
  });
  const disable = useMutation({
    mutationFn: () => mfaApi.disable(),
    onSuccess: (next) => {
      queryClient.setQueryData(MFA_QUERY_KEY, next);
      onNotice(t("mfa.turnedOff"));
    },
  });

  let body;
  if (status.isPending) body = <LoadingState label={t("mfa.loading")} />;
  else if (status.isError)
    body = (
      <ErrorState
        title={t("mfa.loadError")}
        error={status.error}
        onRetry={() => void status.refetch()}
        retrying={status.isFetching}
      />
    );
  else if (status.data.enabled && !enrolling)
    body = (
      <div className="stack">
        <p>
          <strong>{t("mfa.on")}</strong>{" "}
          {t("mfa.onDetail", { count: status.data.recoveryCodesLeft })}
        </p>
        {status.data.required ? (
          <p className="hint">{t("mfa.required")}</p>
        ) : (
          <div className="actions">
            {disable.isError && (
              <p className="form__error" role="alert">
                {problemFromError(disable.error).message}
              </p>
            )}
            <button
              type="button"
              className="button button--secondary"
              disabled={disable.isPending}
              onClick={() => disable.mutate()}
            >
              {disable.isPending ? t("mfa.turningOff") : t("mfa.turnOff")}
            </button>
          </div>
        )}
      </div>
    );
  else
    body = (
      <div className="stack">
        <p>{t("mfa.off")}</p>
        <MfaEnrolment
          doneLabel={t("mfa.done")}
          // Until Done, the recovery codes stay on screen whatever the status says meanwhile.
          onStarted={() => setEnrolling(true)}
          onDone={() => {
            setEnrolling(false);
            void queryClient.invalidateQueries({ queryKey: MFA_QUERY_KEY });
            onNotice(t("mfa.setUpDone"));
          }}
        />
      </div>
    );

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t("mfa.title")}
      </h2>
      {body}
    </section>
  );
}
