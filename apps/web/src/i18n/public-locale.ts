import { LOCALES, type Locale } from "@bridgeway/domain";

/** The language picked on a public page of this browser, before anyone signs in. */
const STORAGE_KEY = "bridgeway.locale";

const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    // Storage can be refused (privacy settings); the browser's languages still apply.
    return null;
  }
}

/** The language picked on this device before sign-in, or null if none was. */
export function publicLocaleChoice(): Locale | null {
  const stored = storage()?.getItem(STORAGE_KEY);
  return LOCALES.find((locale) => locale === stored) ?? null;
}

/** Remembers the language picked on a public page, for this and later visits on this device. */
export function choosePublicLocale(locale: Locale): void {
  storage()?.setItem(STORAGE_KEY, locale);
  for (const listener of listeners) listener();
}

/** Forgets the picked language (tests, and a person who wants the browser's language back). */
export function clearPublicLocaleChoice(): void {
  storage()?.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener();
}

export function subscribePublicLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
