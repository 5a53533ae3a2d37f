/**
 * Text normalisation for crisis detection. People write around filters, on purpose or not:
 * "k i l l  m y s e l f", "s-u-i-c-i-d-e", "su1c1de", Cyrillic "о" for Latin "o", a zero-width
 * space inside a word, "diiieee". Everything here folds such writing to one plain form, lower-case
 * Latin letters, digits and single spaces, so the lexicon can be written once in plain words.
 * Sentence breaks (. ! ? new line) survive as " . " and clause breaks (, ; :) as " , ", so a
 * phrase never spans two clauses, negation ("no, I want to die") is judged within its own clause
 * and the topic of a bare term ("a film, about suicide") within its sentence.
 */

/** Cyrillic and Greek letters that look like Latin ones (lower case; text is lowered first). */
const CONFUSABLES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  з: "3",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  ь: "b",
  ѕ: "s",
  і: "i",
  ї: "i",
  ј: "j",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  ѡ: "w",
  һ: "h",
  ӏ: "l",
  ү: "y",
  // Greek
  α: "a",
  β: "b",
  γ: "y",
  δ: "d",
  ε: "e",
  η: "n",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  σ: "o",
  ς: "s",
  τ: "t",
  υ: "u",
  χ: "x",
  ω: "w",
  // Latin look-alikes outside ASCII that NFKC leaves alone, small capitals among them
  ᴀ: "a",
  ʙ: "b",
  ᴄ: "c",
  ᴅ: "d",
  ᴇ: "e",
  ꜰ: "f",
  ɢ: "g",
  ʜ: "h",
  ɪ: "i",
  ᴊ: "j",
  ᴋ: "k",
  ᴍ: "m",
  ɴ: "n",
  ᴏ: "o",
  ᴘ: "p",
  ʀ: "r",
  ꜱ: "s",
  ᴛ: "t",
  ᴜ: "u",
  ᴠ: "v",
  ᴡ: "w",
  ʏ: "y",
  ᴢ: "z",
  ı: "i",
  ɩ: "i",
  ɡ: "g",
  ɑ: "a",
  ʟ: "l",
  ℓ: "l",
  ø: "o",
  đ: "d",
  ł: "l",
  ß: "ss",
  æ: "ae",
  œ: "oe",
};

/** Leetspeak: digits and symbols used as letters inside a word. */
const LEET: Readonly<Record<string, string>> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
  "!": "i",
  "|": "l",
};

// Format characters (zero-width space and joiners, soft hyphen, bidi controls, tags) and the
// blank-looking letters that render as nothing. Variation selectors and other combining marks go
// with the diacritics below.
const INVISIBLE = /[\p{Cf}\u115f\u1160\u2800\u3164\uffa0]/gu;
const COMBINING = /\p{M}/gu;
const CONFUSABLE = new RegExp(`[${Object.keys(CONFUSABLES).join("")}]`, "gu");
const APOSTROPHE = /['’‘`´ʼ]/g;
/**
 * Three or more single characters split by spaces, dots, hyphens and the like: "k i l l",
 * "s.u.i.c.i.d.e", "k-m-s". The characters may be leetspeak ("s-u-1-c-1-d-e").
 */
const SPLIT_LETTERS =
  /(?<![\p{L}\p{N}@$])[\p{L}\p{N}@$](?:[\s.\-_*·•,/\\|+~]+[\p{L}\p{N}@$](?![\p{L}\p{N}@$])){2,}/gu;
const SPLIT_SEPARATORS = /[\s.\-_*·•,/\\|+~]+/gu;
// A censoring asterisk inside a word ("s*icide") stands for one unknown letter.
const CENSORED = /(?<=\p{L})\*+(?=\p{L})/gu;
// A leetspeak run inside, before or after letters; "!" only inside ("die!!!" stays).
const LEET_INSIDE = /(?<=[a-z])[013457@$!|]+(?=[a-z])/g;
const LEET_BEFORE = /(?<![a-z0-9@$])[013457@$]+(?=[a-z])/g;
const LEET_AFTER = /(?<=[a-z])[013457@$|]+(?![a-z0-9])/g;
const ELLIPSIS = /\.{2,}|…/g;
const SENTENCE_BREAK = /[.!?¿¡\n\r]+/g;
const CLAUSE_BREAK = /[,;:]+/g;
const OTHER = /[^a-z0-9#., ]+/g;
const REPEATS = /([a-z])\1+/g;
const SPACES = /\s+/g;

/** Lower case, invisible characters dropped, look-alikes and diacritics folded to plain Latin. */
export function foldCharacters(text: string): string {
  return text
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .toLowerCase()
    .replace(CONFUSABLE, (c) => CONFUSABLES[c] ?? c)
    .normalize("NFD")
    .replace(COMBINING, "")
    .replace(APOSTROPHE, "");
}

function leet(text: string, one: "i" | "l"): string {
  // "1" and "|" are read as "i" in one form and as "l" in another ("k1ll", "ki11", "k|ll").
  const map = (run: string) =>
    run.replace(/./g, (c) => (c === "1" || c === "|" ? one : (LEET[c] ?? c)));
  return text.replace(LEET_INSIDE, map).replace(LEET_BEFORE, map).replace(LEET_AFTER, map);
}

function finish(text: string): string {
  return ` ${text
    .replace(/\b2\b/g, "to")
    .replace(ELLIPSIS, " ")
    .replace(SENTENCE_BREAK, " . ")
    .replace(CLAUSE_BREAK, " , ")
    .replace(OTHER, " ")
    .replace(REPEATS, "$1")
    .replace(SPACES, " ")
    .trim()} `;
}

/**
 * The forms of `text` to search, each " word word . word " (padded with spaces): the text as
 * written, and when they differ, with split letters joined and with "1" read as "l" ("ki11").
 * Matching any form counts. Repeated letters are collapsed in every form ("diiie" -> "die",
 * "kill" -> "kil"); the lexicon is collapsed the same way.
 */
export function crisisForms(text: string): string[] {
  const folded = foldCharacters(text).replace(CENSORED, (run) => "#".repeat(run.length));
  const joined = folded.replace(SPLIT_LETTERS, (run) =>
    /\p{L}.*\p{L}/u.test(run) ? run.replace(SPLIT_SEPARATORS, "") : run,
  );
  const forms = new Set<string>();
  for (const base of joined === folded ? [folded] : [folded, joined]) {
    forms.add(finish(leet(base, "i")));
    if (/[1|]/.test(base)) forms.add(finish(leet(base, "l")));
  }
  return [...forms];
}

/** A lexicon phrase's literal letters collapsed the way text is ("kill" -> "kil"). */
export function collapseRepeats(source: string): string {
  return source.replace(REPEATS, "$1");
}
