/*
 * How to translate an area of the web app (participant and family pages; staff pages stay English)
 *
 * 1. Strings live in the area's namespace: `locales/en/<ns>.ts` (English, the source) and
 *    `locales/es/<ns>.ts` (typed `Translation<typeof en>`, so a missing or extra key is a type
 *    error). Namespaces are registered in `resources.ts`; add a pair there for a new area.
 *    Write Spanish for Latin-American/US readers, "tú", warm and plain. An area loaded on demand
 *    can keep its English out of the first load: list it in `AREA_NAMESPACES` and have its code
 *    call `addAreaCatalogue` (the live room does, in room-view.ts).
 * 2. In components: `const { t } = useTranslation("ns")`, then `t("key")` (keys are typed),
 *    `t("key", { name })` for `{{name}}`, `t("key", { count })` with `key_one`/`key_other` keys for
 *    plurals, `<Trans>` only for markup inside a sentence. Keep names, cohort titles and anything a
 *    person wrote out of catalogues, and wrap them in `translate="no"` where they stand alone.
 *    Plain TypeScript that builds text takes `t` (a `TFunction<"ns">`) as a parameter.
 * 3. Dates, times and numbers: `useFormat()` from `./use-format` gives the format helpers bound to the
 *    active language (`useLocale()` gives the language itself); the helpers in `../format` and
 *    `../time` also take a trailing `locale`, defaulting to the active one.
 * 4. Lint: add the area's files to `TRANSLATED_FILES` in the root `eslint.config.mjs`; literal JSX
 *    text and literal `aria-label`/`placeholder`/`title`/`alt`/`label` props are then errors.
 * 5. Browser test: add the area's pages to `SPANISH_PAGES` in `e2e/tests/spanish.e2e.ts`; each is
 *    opened on a 360 px phone in Spanish and checked by `expectNoUntranslatedText` from
 *    `e2e/support/untranslated.ts` (plus axe and no sideways scroll).
 *
 * The active language: signed-in participants and family members get their account's `locale`
 * (`PUT /api/auth/me/locale` changes it), staff always English, and before sign-in the language
 * picked on a public page or else the browser's languages (`bestLocale(navigator.languages)`).
 * `<html lang>` follows it.
 */
import { DEFAULT_LOCALE, LOCALES, parseLocale, type Locale } from "@bridgeway/domain";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { AREA_NAMESPACES, bundled, type en, type Namespace } from "./resources";

const NAMESPACES = [...Object.keys(bundled), ...AREA_NAMESPACES] as Namespace[];

/** The app's one i18next instance; React components reach it through `useTranslation`. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: bundled },
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  ns: NAMESPACES,
  defaultNS: "common",
  // English is bundled, so initialising need not wait for anything; other languages are added
  // by `loadLocale` before the app switches to them.
  initAsync: false,
  // React escapes what it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

/** Adds the English of a namespace that loads with its area (see `AREA_NAMESPACES`). */
export function addAreaCatalogue<N extends (typeof AREA_NAMESPACES)[number]>(
  namespace: N,
  catalogue: (typeof en)[N],
): void {
  if (!i18n.hasResourceBundle("en", namespace)) i18n.addResourceBundle("en", namespace, catalogue);
}

/** The language the app speaks now. */
export function activeLocale(): Locale {
  return parseLocale(i18n.resolvedLanguage ?? i18n.language);
}

/** Catalogues of the languages that are not bundled, each its own chunk, fetched once. */
const LOADERS: Readonly<Record<Exclude<Locale, "en">, () => Promise<Record<Namespace, object>>>> = {
  es: () => import("./locales/es").then((m) => m.es),
};
const loading = new Map<Locale, Promise<void>>();
/** The language last asked for. */
let wanted: Locale = DEFAULT_LOCALE;

/** Makes `locale`'s catalogues available (fetching them the first time); English always is. */
export function loadLocale(locale: Locale): Promise<void> {
  if (locale === "en" || i18n.hasResourceBundle(locale, "common")) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = LOADERS[locale]()
      .then((catalogues) => {
        for (const ns of NAMESPACES) i18n.addResourceBundle(locale, ns, catalogues[ns], true, true);
      })
      .finally(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

/**
 * Switches the app's language and the page's `lang`, so screen readers pronounce it right. A
 * language not loaded yet is fetched first (the page keeps speaking the current one meanwhile);
 * if it cannot be fetched (offline), the page stays as it is and the next switch tries again.
 */
export function applyLocale(locale: Locale): void {
  wanted = locale;
  const apply = () => {
    if (typeof document !== "undefined") document.documentElement.lang = locale;
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  };
  if (locale === "en" || i18n.hasResourceBundle(locale, "common")) {
    apply();
    return;
  }
  loadLocale(locale).then(
    () => {
      // A later switch (back to English, say) wins over this one's late arrival.
      if (wanted === locale) apply();
    },
    () => undefined,
  );
}
