/**
 * Crisis language in chat messages and forum posts. A match never blocks the message: it raises
 * an alert to the author's care team and shows the author 988 and their safety plan. Matching is
 * deliberately generous (case, punctuation, spacing, look-alike characters, repeated letters,
 * one-letter slips in longer words): a false alarm costs a clinician a glance, a miss costs more.
 */

export type CrisisCategory = "suicide" | "self-harm" | "overdose";

/** Phrases as words; each is matched against the words of the normalised text. */
const PHRASES: Record<CrisisCategory, readonly string[]> = {
  suicide: [
    "suicide",
    "suicidal",
    "kill myself",
    "killing myself",
    "kms",
    "end my life",
    "ending my life",
    "end it all",
    "take my own life",
    "take my life",
    "want to die",
    "wanna die",
    "want to be dead",
    "wish i was dead",
    "wish i were dead",
    "better off dead",
    "better off without me",
    "no reason to live",
    "nothing to live for",
    "dont want to live",
    "dont want to be alive",
    "dont want to wake up",
    "not want to wake up",
    "cant go on",
    "hang myself",
    "shoot myself",
    "jump off a bridge",
    "goodbye forever",
  ],
  "self-harm": [
    "hurt myself",
    "hurting myself",
    "harm myself",
    "self harm",
    "selfharm",
    "cut myself",
    "cutting myself",
    "burn myself",
    "cutting again",
  ],
  overdose: [
    "overdose",
    "take all my pills",
    "take all the pills",
    "swallow all my pills",
    "od on",
  ],
};

const LOOKALIKES: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
  "!": "i",
};

/** Words for matching: lower case, look-alikes mapped, apostrophes dropped, repeats squeezed. */
export function crisisWords(text: string): string[] {
  const mapped = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    // A look-alike counts only inside a word ("k1ll"), not as punctuation ("die!!!").
    .replace(/(?<=[a-z])[013457@$!]+(?=[a-z])/g, (run) =>
      [...run].map((c) => LOOKALIKES[c] ?? c).join(""),
    )
    .replace(/\b2\b/g, "to")
    .replace(/['’`]/g, "")
    .replace(/[^a-z]+/g, " ");
  return mapped
    .split(" ")
    .filter((w) => w.length > 0)
    .map((w) => w.replace(/(.)\1+/g, "$1"));
}

/** Damerau-Levenshtein distance, stopping early once it exceeds `max`. */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 0; j <= b.length; j += 1) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const row = d[i] as number[];
    const prev = d[i - 1] as number[];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((d[i - 2] as number[])[j - 2] ?? 0) + 1);
      }
      row[j] = best;
    }
  }
  return ((d[a.length] as number[])[b.length] ?? Infinity) <= max;
}

function wordMatches(word: string, expected: string): boolean {
  if (word === expected) return true;
  // Short words must be exact: "die" and "dye" are different things.
  return expected.length >= 5 && withinEdits(word, expected, 1);
}

const COMPILED = (Object.entries(PHRASES) as [CrisisCategory, readonly string[]][]).flatMap(
  ([category, phrases]) => phrases.map((phrase) => ({ category, words: crisisWords(phrase) })),
);

/**
 * The crisis categories `text` touches, in a fixed order; empty when none. Also tries each pair
 * of neighbouring words joined ("my self" as "myself", "self harm" as "selfharm").
 */
export function detectCrisisLanguage(text: string): CrisisCategory[] {
  const words = crisisWords(text);
  const joined = words.flatMap((w, i) =>
    i + 1 < words.length ? [`${w}${words[i + 1] ?? ""}`] : [],
  );
  const found = new Set<CrisisCategory>();
  const sequences = [words, mergePairs(words)];
  for (const { category, words: phrase } of COMPILED) {
    if (found.has(category)) continue;
    const matches =
      sequences.some((seq) => containsSequence(seq, phrase)) ||
      (phrase.length === 1 && joined.some((j) => wordMatches(j, phrase[0] ?? "")));
    if (matches) found.add(category);
  }
  return (["suicide", "self-harm", "overdose"] as const).filter((c) => found.has(c));
}

/** "my self" -> "myself", "self harm" stays; lets split words meet phrases written joined. */
function mergePairs(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i] ?? "";
    const next = words[i + 1];
    if ((w === "my" || w === "her" || w === "him") && next === "self") {
      out.push(`${w}self`);
      i += 1;
    } else out.push(w);
  }
  return out;
}

function containsSequence(words: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i += 1) {
    for (let j = 0; j < phrase.length; j += 1) {
      if (!wordMatches(words[i + j] ?? "", phrase[j] ?? "")) continue outer;
    }
    return true;
  }
  return false;
}

export function crisisCategoryLabel(category: CrisisCategory): string {
  switch (category) {
    case "suicide":
      return "Suicidal thoughts";
    case "self-harm":
      return "Self-harm";
    case "overdose":
      return "Overdose";
  }
}
