import { expect, type Page } from "@playwright/test";
import { catalogueStrings } from "../../apps/web/src/i18n/catalogue";
import { es } from "../../apps/web/src/i18n/locales/es";
import { en } from "../../apps/web/src/i18n/resources";

/**
 * The untranslated-string check for pages shown in Spanish. It reads everything a person sees or
 * hears on the page (text, including text hidden for screen readers only, accessible names and
 * descriptions, placeholders, titles, alt text, the document title) and fails, listing each one,
 * for any string that
 * - is a string of the English catalogue and of no Spanish one (placeholders such as `{{name}}`
 *   match anything), or
 * - contains a word that is English and never Spanish ("the", "your", "sign", "today"…) or an
 *   English contraction ("don't").
 *
 * What is not the app's own wording is skipped: anything inside `translate="no"` (names, cohort
 * titles, what people wrote), inside an element whose `lang` is English (the "English" choice of
 * the language picker), `<code>`/`<kbd>`, and what is not rendered at all. Numbers, times
 * ("6:00 p.m."), 988 and e-mail addresses hold no English-only words, so they pass.
 */
export async function expectNoUntranslatedText(
  page: Page,
  options: { allow?: readonly (string | RegExp)[] } = {},
): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const problems = await untranslatedText(page, options);
  expect(problems, `Untranslated on ${page.url()}:\n${problems.join("\n")}`).toEqual([]);
}

/** What `expectNoUntranslatedText` would list on the page as it is now. */
export async function untranslatedText(
  page: Page,
  options: { allow?: readonly (string | RegExp)[] } = {},
): Promise<string[]> {
  const shown = await page.evaluate(collectShownText);
  return findUntranslated(shown, options.allow ?? []);
}

/** One string the page shows, and where (for the failure message). */
export type ShownText = { text: string; where: string };

/** Runs in the browser: every string the page shows or speaks, with where it was found. */
function collectShownText(): ShownText[] {
  const SKIP = '[translate="no"], script, style, noscript, template, code, kbd, [data-i18n-ignore]';
  const skipped = (element: Element | null): boolean => {
    if (!element) return true;
    if (element.closest(SKIP)) return true;
    const lang = element.closest("[lang]")?.getAttribute("lang") ?? "";
    if (/^en\b/i.test(lang)) return true;
    return !element.checkVisibility();
  };
  const describe = (element: Element): string => {
    const id = element.id ? `#${element.id}` : "";
    const role = element.getAttribute("role");
    return `<${element.tagName.toLowerCase()}${id}${role ? ` role=${role}` : ""}>`;
  };
  const out: ShownText[] = [{ text: document.title, where: "document title" }];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const withText = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent ?? "";
    if (!parent || text.trim() === "" || skipped(parent)) continue;
    out.push({ text, where: describe(parent) });
    withText.add(parent);
  }
  // Whole elements too, for sentences split over inline markup ("Call <b>988</b> now").
  for (const element of withText) {
    const text = element instanceof HTMLElement ? element.innerText : "";
    if (text.length <= 300 && !element.querySelector(SKIP)) {
      out.push({ text, where: describe(element) });
    }
  }
  const ATTRIBUTES = [
    "aria-label",
    "aria-description",
    "aria-placeholder",
    "aria-roledescription",
    "aria-valuetext",
    "placeholder",
    "title",
    "alt",
  ];
  for (const element of Array.from(document.body.querySelectorAll("*"))) {
    if (skipped(element)) continue;
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value) out.push({ text: value, where: `${describe(element)} ${name}` });
    }
    if (element instanceof HTMLInputElement && ["submit", "button"].includes(element.type)) {
      out.push({ text: element.value, where: `${describe(element)} value` });
    }
  }
  return out;
}

/**
 * Words that are English and not Spanish, nor common in names: one is enough to fail. ("has" is
 * not one: "¿Cómo te has sentido?")
 */
const ENGLISH_ONLY = new Set(
  `the and your you with without please this that these those what when where which who why how
  is are was were will would should could can cannot have had been being does did done not
  from into about after before of for to at by it its our my we they them their an or if then
  than there here any some more now today tomorrow yesterday week weeks day days hour hours
  minute minutes sign signed out back next previous loading save saved cancel close open join
  leave send edit delete search help call text home settings account password forgot reset
  welcome error try again continue submit upcoming session sessions`.split(/\s+/),
);
const CONTRACTION = /[A-Za-z](?:'|’)(?:s|t|re|ll|ve|d|m)\b/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A catalogue string as a pattern matching what it renders to: `{{name}}` matches anything. */
function patternOf(value: string): RegExp | null {
  const literal = value.replace(/\{\{[^}]*\}\}/g, "");
  if (!/\p{L}/u.test(literal)) return null;
  // Whitespace inside is collapsed but kept at the ends: " on " must not match "contraseña".
  const parts = normalise(value)
    .split(/\{\{[^}]*\}\}/)
    .map((part) => escapeRegExp(part));
  return new RegExp(`^${parts.join(".+")}$`, "su");
}

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const ENGLISH_PATTERNS = catalogueStrings(en).flatMap((value) => {
  const pattern = patternOf(value);
  return pattern ? [{ value, pattern }] : [];
});
const SPANISH_PATTERNS = catalogueStrings(es).flatMap((value) => patternOf(value) ?? []);

/** The strings of `shown` that are still English, each with where it was and why it failed. */
export function findUntranslated(
  shown: readonly ShownText[],
  allow: readonly (string | RegExp)[],
): string[] {
  const problems = new Set<string>();
  for (const { text: raw, where } of shown) {
    const text = normalise(raw);
    if (!/\p{L}/u.test(text)) continue;
    if (allow.some((a) => (typeof a === "string" ? a === text : a.test(text)))) continue;
    const english = ENGLISH_PATTERNS.find(({ pattern }) => pattern.test(text));
    if (english && !SPANISH_PATTERNS.some((pattern) => pattern.test(text))) {
      problems.add(`${where}: "${text}" is the English catalogue's "${english.value}"`);
      continue;
    }
    const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
    const word = words.find((w) => ENGLISH_ONLY.has(w));
    if (word) problems.add(`${where}: "${text}" has the English word "${word}"`);
    else if (CONTRACTION.test(text)) problems.add(`${where}: "${text}" has an English contraction`);
  }
  return [...problems];
}
