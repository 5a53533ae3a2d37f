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
      run.replace(/./g, (c) => LOOKALIKES[c] ?? c),
    )
    .replace(/\b2\b/g, "to")
    .replace(/['’`]/g, "")
    .replace(/[^a-z]+/g, " ");
  return mapped
    .split(" ")
    .filter((w) => w.length > 0)
    .map((w) => w.replace(/(.)\1+/g, "$1"));
}

/**
 * Whether `a` becomes `b` with at most one edit: a changed, added or dropped letter, or two
 * neighbouring letters swapped. Linear time: this runs for every word of every message.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  if (short.length === long.length) {
    // One substitution, or one transposition of neighbours.
    if (short.slice(i + 1) === long.slice(i + 1)) return true;
    return (
      short[i] === long[i + 1] &&
      short[i + 1] === long[i] &&
      short.slice(i + 2) === long.slice(i + 2)
    );
  }
  // One letter more in `long`.
  return short.slice(i) === long.slice(i + 1);
}

function wordMatches(word: string, expected: string): boolean {
  if (word === expected) return true;
  // Short words must be exact: "die" and "dye" are different things.
  return expected.length >= 5 && withinOneEdit(word, expected);
}

const COMPILED = (Object.entries(PHRASES) as [CrisisCategory, readonly string[]][]).flatMap(
  ([category, phrases]) => phrases.map((phrase) => ({ category, words: crisisWords(phrase) })),
);
const PHRASE_WORDS = [...new Set(COMPILED.flatMap((p) => p.words))];

/**
 * For each word of the text, the phrase words it matches, worked out once per word: the phrase
 * search below is then only lookups, so a message costs microseconds, not a scan per phrase.
 */
function matcher(words: readonly string[]): (index: number, expected: string) => boolean {
  const cache = new Map<string, Set<string>>();
  const matchesOf = (word: string): Set<string> => {
    let found = cache.get(word);
    if (!found) {
      found = new Set(
        PHRASE_WORDS.filter((p) => Math.abs(p.length - word.length) <= 1 && wordMatches(word, p)),
      );
      cache.set(word, found);
    }
    return found;
  };
  return (index, expected) => matchesOf(words[index] ?? "").has(expected);
}

/**
 * The crisis categories `text` touches, in a fixed order; empty when none. Also tries each pair
 * of neighbouring words joined ("my self" as "myself", "self harm" as "selfharm").
 */
export function detectCrisisLanguage(text: string): CrisisCategory[] {
  const words = crisisWords(text);
  const joined = words.flatMap((w, i) =>
    i + 1 < words.length ? [`${w}${words[i + 1] ?? ""}`] : [],
  );
  const sequences = [words, mergePairs(words)].map((seq) => ({ seq, match: matcher(seq) }));
  const joinedMatch = matcher(joined);
  const found = new Set<CrisisCategory>();
  for (const { category, words: phrase } of COMPILED) {
    if (found.has(category)) continue;
    const inSequence = sequences.some(({ seq, match }) =>
      containsSequence(seq.length, phrase, match),
    );
    const asJoined = phrase.length === 1 && joined.some((_, i) => joinedMatch(i, phrase[0] ?? ""));
    if (inSequence || asJoined) found.add(category);
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

function containsSequence(
  length: number,
  phrase: readonly string[],
  match: (index: number, expected: string) => boolean,
): boolean {
  outer: for (let i = 0; i + phrase.length <= length; i += 1) {
    for (let j = 0; j < phrase.length; j += 1) {
      if (!match(i + j, phrase[j] ?? "")) continue outer;
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
