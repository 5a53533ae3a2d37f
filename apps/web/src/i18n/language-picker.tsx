import { LOCALE_NAMES, LOCALES, parseLocale, type Locale } from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { AuthStatus } from "../api/auth-api";
import { useServices } from "../app/services-context";
import { useAuthStatusIfKnown } from "../sign-in/auth-status-context";
import { AUTH_QUERY_KEY } from "../sign-in/sign-in-controller";
import { choosePublicLocale } from "./public-locale";
import { useLocale } from "./use-locale";

/**
 * The language picker. Before sign-in it remembers the choice on this device; for a signed-in
 * participant or family member it saves the choice on their account. Staff screens are English
 * only for now, so staff see no picker. Each language is named in itself ("Español"), so someone
 * who cannot read the current language can still find theirs.
 */
export function LanguagePicker() {
  const status = useAuthStatusIfKnown();
  if (status?.status === "signed-in") {
    const { role } = status.auth.user;
    return role === "PARTICIPANT" || role === "FAMILY" ? <AccountLanguagePicker /> : null;
  }
  return <PublicLanguagePicker />;
}

/** The account page's language section; staff screens are English only, so staff see none. */
export function LanguageCard() {
  const { t } = useTranslation("common");
  const status = useAuthStatusIfKnown();
  const headingId = useId();
  if (status?.status !== "signed-in") return null;
  const { role } = status.auth.user;
  if (role !== "PARTICIPANT" && role !== "FAMILY") return null;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t("language.cardTitle")}
      </h2>
      <p>{t("language.cardHint")}</p>
      <AccountLanguagePicker />
    </section>
  );
}

function PublicLanguagePicker() {
  return <LanguageSelect value={useLocale()} onChange={choosePublicLocale} />;
}

function AccountLanguagePicker() {
  const { t } = useTranslation("common");
  const { authApi, queryClient } = useServices();
  const locale = useLocale();
  const save = useMutation({
    mutationFn: (next: Locale) => authApi.setLocale(next),
    onSuccess: (saved) => {
      queryClient.setQueryData<AuthStatus>(AUTH_QUERY_KEY, (current) =>
        current?.status === "signed-in"
          ? {
              ...current,
              auth: {
                ...current.auth,
                locale: saved,
                user: { ...current.auth.user, locale: saved },
              },
            }
          : current,
      );
    },
  });
  return (
    <div className="language-picker">
      <LanguageSelect
        value={locale}
        onChange={(next) => save.mutate(next)}
        disabled={save.isPending}
      />
      <p role="status" className="language-picker__status">
        {save.isSuccess ? t("language.saved") : save.isError ? t("language.notSaved") : null}
      </p>
    </div>
  );
}

function LanguageSelect({
  value,
  onChange,
  disabled = false,
}: {
  value: Locale;
  onChange: (locale: Locale) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation("common");
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id}>{t("language.label")}</label>
      <select
        id={id}
        className="field__input language-select__input"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(parseLocale(event.target.value))}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
