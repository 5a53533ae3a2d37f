import { parseLocale, type Locale } from "@bridgeway/domain";
import { useLayoutEffect, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import type { AuthStatus } from "../api/auth-api";
import { localeFor } from "./active-locale";
import { applyLocale } from "./i18n";
import { publicLocaleChoice, subscribePublicLocale } from "./public-locale";

/** The language the app speaks now; components using it render again when it changes. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return parseLocale(i18n.resolvedLanguage ?? i18n.language);
}

/**
 * Makes the app speak the language `status` calls for (see `localeFor`). Runs before the browser
 * paints, so a language already loaded never flashes another first; Spanish is fetched the first
 * time it is needed (one small file), and the page switches when it arrives.
 */
export function useApplyLocale(status: AuthStatus | undefined): void {
  const publicChoice = useSyncExternalStore(subscribePublicLocale, publicLocaleChoice, () => null);
  const locale = status
    ? localeFor(status, publicChoice, navigator.languages)
    : localeFor({ status: "signed-out", reason: "none" }, publicChoice, navigator.languages);
  useLayoutEffect(() => applyLocale(locale), [locale]);
}
