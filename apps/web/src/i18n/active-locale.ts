import { bestLocale, DEFAULT_LOCALE, parseLocale, type Locale } from "@bridgeway/domain";
import type { AuthStatus } from "../api/auth-api";

/**
 * The language a page speaks: a signed-in participant's or family member's own choice, English
 * for staff (their screens are English-only for now), and before sign-in the language picked on
 * this device, or else the browser's.
 */
export function localeFor(
  status: AuthStatus,
  publicChoice: Locale | null,
  browserLanguages: readonly string[],
): Locale {
  if (status.status === "signed-in") {
    const { user } = status.auth;
    if (user.role !== "PARTICIPANT" && user.role !== "FAMILY") return DEFAULT_LOCALE;
    return parseLocale(user.locale);
  }
  return publicChoice ?? bestLocale(browserLanguages);
}
