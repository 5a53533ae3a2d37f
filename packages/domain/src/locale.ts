import { z } from "zod";

/**
 * The languages Bridgeway speaks to participants and families. Staff screens stay in English for
 * now; a person's choice is stored on their account and, before sign-in, taken from the browser.
 */
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The name of each language in itself, as a language picker shows it. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: "English", es: "Español" };

/** BCP 47 tags for Intl formatting of dates, times and numbers (US English, US Spanish). */
export const LOCALE_TAGS: Readonly<Record<Locale, string>> = { en: "en-US", es: "es-US" };

export const localeSchema = z.enum(LOCALES, {
  error: () => `Choose one of: ${LOCALES.join(", ")}.`,
});

/** The body of a request that sets a person's language. */
export const setLocaleSchema = z.object({ locale: localeSchema }).strict();
export type SetLocaleInput = z.infer<typeof setLocaleSchema>;

/** The locale a stored value names, or the default for anything else (an old or unknown value). */
export function parseLocale(value: unknown): Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value)
    ? (value as Locale)
    : DEFAULT_LOCALE;
}

/**
 * The best supported language for a list of preferred language tags (a browser's
 * `navigator.languages`, or the parsed Accept-Language header), in order of preference:
 * "es-MX" and "es" both choose Spanish; nothing supported chooses English.
 */
export function bestLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    const match = LOCALES.find((locale) => locale === primary);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

/** The language tags of an Accept-Language header, highest quality first (ties keep their order). */
export function acceptLanguageTags(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag !== "" && entry.tag !== "*" && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
}
