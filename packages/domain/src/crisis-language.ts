/**
 * Crisis language in chat messages and forum posts. A match never blocks the message: it raises
 * an alert to the author's care team and shows the author 988 and their safety plan.
 *
 * Detection is the curated lexicon in crisis-lexicon.ts matched against text normalised by
 * crisis-normalise.ts (case, look-alike letters, invisible characters, leetspeak, split letters,
 * repeated letters), plus one-letter slips in a few long key words ("sucidal", "myslef").
 * Everything is compiled once at load; a message with no crisis language costs one regular
 * expression scan per normalised form (usually one).
 */
import {
  CRISIS_LEXICON,
  type CrisisCategory,
  type CrisisKind,
  type LexiconEntry,
} from "./crisis-lexicon";
import { patternKeys } from "./crisis-keys";
import { collapseRepeats, crisisForms } from "./crisis-normalise";

export { CRISIS_KINDS, CRISIS_LEXICON } from "./crisis-lexicon";
export type { CrisisCategory, CrisisKind, LexiconEntry } from "./crisis-lexicon";

const CATEGORY_ORDER: readonly CrisisCategory[] = ["suicide", "self-harm", "overdose"];

/** Key words matched despite one slip (a changed, added, dropped or swapped letter). */
const FUZZY_ANCHORS = [
  "suicide",
  "suicidal",
  "myself",
  "overdose",
  "unalive",
  "unaliving",
  "suicidarme",
];
/** Real words one slip away from an anchor, never corrected ("the steak was overdone"). */
const NOT_SLIPS = new Set([
  "overdone",
  "overdoes",
  "overdo",
  "overdos",
  "suicides",
  "suicida",
  "suicidas",
]);
/** Words a censoring asterisk may stand in ("k*ll", "s*icide"), collapsed like the text. */
const CENSOR_ANCHORS = [
  ...FUZZY_ANCHORS,
  "kil",
  "kiling",
  "kms",
  "die",
  "dead",
  "cut",
  "cuting",
  "hang",
  "pils",
  "harm",
  "self",
  "life",
  "suicidio",
  "morir",
  "matarme",
  "morirme",
];
/** Neighbouring words that together spell a key word: "sui cide", "my self", "over dose". */
const JOINABLE = new Set([...FUZZY_ANCHORS, "kil", "kiling", "matarme", "morirme", "suicidio"]);
const JOINABLE_LENGTH = {
  min: Math.min(...[...JOINABLE].map((w) => w.length)) - 1,
  max: Math.max(...[...JOINABLE].map((w) => w.length)),
};

/**
 * Whether `a` becomes `b` with at most one edit: a changed, added or dropped letter, or two
 * neighbouring letters swapped. Linear time: this runs for every long word of every message.
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

function censoredMatch(word: string, anchor: string): boolean {
  if (word.length !== anchor.length) return false;
  for (let i = 0; i < word.length; i += 1) {
    if (word[i] !== "#" && word[i] !== anchor[i]) return false;
  }
  return true;
}

const fixedWords = new Map<string, string>();

/** The word as the lexicon knows it: slips and censoring in key words undone. */
function fixWord(word: string): string {
  const known = fixedWords.get(word);
  if (known !== undefined) return known;
  let fixed = word;
  if (word.includes("#")) {
    fixed = CENSOR_ANCHORS.find((anchor) => censoredMatch(word, anchor)) ?? word.replace(/#/g, "");
  } else if (word.length >= 5 && !NOT_SLIPS.has(word) && !FUZZY_ANCHORS.includes(word)) {
    fixed = FUZZY_ANCHORS.find((anchor) => withinOneEdit(word, anchor)) ?? word;
  }
  // Bounded: words are few, but a flood of random words must not grow this without end.
  if (fixedWords.size > 20_000) fixedWords.clear();
  fixedWords.set(word, fixed);
  return fixed;
}

function fixWords(form: string): string {
  const words = form.trim().split(" ").map(fixWord);
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] ?? "";
    const next = words[i + 1];
    const length = word.length + (next?.length ?? 0);
    if (
      next !== undefined &&
      length >= JOINABLE_LENGTH.min &&
      length <= JOINABLE_LENGTH.max + 1 &&
      !/^[.,]$/.test(word) &&
      !/^[.,]$/.test(next) &&
      JOINABLE.has(fixWord(word + next))
    ) {
      out.push(fixWord(word + next));
      i += 1;
    } else out.push(word);
  }
  return ` ${out.join(" ")} `;
}

/**
 * Lexicon source to regular-expression source: diacritics folded and repeats collapsed as in
 * the text, a space optional between words, `_` a required space, `~` any one word.
 */
function folded(pattern: string): string {
  return collapseRepeats(pattern.normalize("NFD").replace(/\p{M}/gu, ""));
}

function toSource(pattern: string): string {
  return (
    folded(pattern)
      // An optional space; glued words share a letter once collapsed ("wanttodie" is "wantodie").
      .replace(/ ([a-z])/g, "(?:¤$1|(?<=$1))")
      .replace(/ /g, "¤")
      .replace(/_/g, " ")
      .replace(/~/g, "(?:[a-z0-9#]+ )")
      .replace(/¤/g, " ?")
  );
}

const WORD_START = "(?<![a-z0-9#])";
const WORD_END = "(?![a-z0-9#])";

type Compiled = {
  entry: LexiconEntry;
  find: RegExp;
  notBefore: RegExp | null;
  notAfter: RegExp | null;
};

const COMPILED: readonly Compiled[] = CRISIS_LEXICON.map((entry) => ({
  entry,
  find: new RegExp(`${WORD_START}(?:${toSource(entry.pattern)})${WORD_END}`, "g"),
  notBefore: entry.notBefore ? new RegExp(`(?:^| )(?:${toSource(entry.notBefore)}) ?$`) : null,
  notAfter: entry.notAfter ? new RegExp(`^ (?:${toSource(entry.notAfter)})${WORD_END}`) : null,
}));

/** For each key word, the entries (by index) that cannot match without it. */
const ENTRIES_BY_KEY = new Map<string, number[]>();
/** Entries with no key word to wait for: always run. */
const ALWAYS: number[] = [];
CRISIS_LEXICON.forEach((entry, index) => {
  const keys = patternKeys(folded(entry.pattern).replace(/~/g, "(?:[a-z0-9#]+_)"));
  if (keys === null) ALWAYS.push(index);
  else for (const key of keys) ENTRIES_BY_KEY.set(key, [...(ENTRIES_BY_KEY.get(key) ?? []), index]);
});
const LONGEST_KEY = Math.max(...[...ENTRIES_BY_KEY.keys()].map((k) => k.length));

const keysOfWord = new Map<string, readonly string[]>();
const MAX_KEYED_WORD = 100;

/** The key words inside a word (glued text holds several: "kilmyself"). */
function keysIn(word: string): readonly string[] {
  const known = keysOfWord.get(word);
  if (known) return known;
  const found: string[] = [];
  for (let start = 0; start < word.length; start += 1) {
    const last = Math.min(word.length, start + LONGEST_KEY);
    for (let end = start + 3; end <= last; end += 1) {
      const piece = word.slice(start, end);
      if (ENTRIES_BY_KEY.has(piece)) found.push(piece);
    }
  }
  if (keysOfWord.size > 20_000) keysOfWord.clear();
  keysOfWord.set(word, found);
  return found;
}

/** The entries that could match one of `forms`, in lexicon order. */
function candidates(forms: readonly string[]): number[] {
  const picked = new Set<number>(ALWAYS);
  for (const form of forms) {
    for (const word of form.split(" ")) {
      if (word.length < 3) continue;
      // Not a word: a long run of glued letters. Try every entry rather than every substring.
      if (word.length > MAX_KEYED_WORD) return COMPILED.map((_, index) => index);
      for (const key of keysIn(word))
        for (const index of ENTRIES_BY_KEY.get(key) ?? []) picked.add(index);
    }
  }
  return [...picked].sort((a, b) => a - b);
}

/** "not", "never", "don't"... with a few words between them and the phrase: "I'd never kill myself". */
const NEGATED = new RegExp(
  `(?:^| )(?:${toSource(
    "not|never|dont|do not|didnt|did not|doesnt|does not|havent|have not|hasnt|has not|hadnt|had not|wont|will not|wouldnt|would not|no longer|isnt|arent|wasnt|no|nor|nunca|jamas|tampoco",
  )})(?: (?:${toSource(
    "plans to|plan to|intention to|intentions to|intention of|desire to|urge to|urges to|wish to|need to|thoughts about|thought about|really|ever|actually|truly|even|currently|honestly|at all|going to|gonna|want to|wanna|plan to|plan on|planning to|planning on|intend to|try to|trying to|be|been|am|feel|feeling|have|had|any|thoughts of|thought of|thinking of|thinking about|think about|having|about|me|la|lo|te|se|voy a|quiero|pienso|pienso en|en|me voy a|me quiero|tengo|tengo ganas de|ganas de|would|will|ll|d|ever going to|ever gonna|in a million years|anymore|any more",
  )}))* ?$`,
);

/** A clause about news, films, prevention or study, where a bare term is a topic, not a feeling. */
const TOPIC = new RegExp(
  `${WORD_START}(?:${toSource(
    "watched|watching|reasons why|paper|papers|teens|adolescents|youth|prevalence|literature|journal|evidence|clinicians|nursing|psychology|psychiatry|news|article|articles|story|stories|headline|headlines|documentary|documentaries|docuseries|movie|movies|film|films|show|shows|series|episode|episodes|season|book|books|novel|novels|podcast|podcasts|song|songs|lyrics|album|band|video game|videogame|squad|prevention|awareness|hotline|hotlines|helpline|lifeline|statistics|stats|rate|rates|research|researcher|researchers|study|studies|report|reported|reports|reporter|reporters|journalist|journalists|celebrity|celebrities|actor|actress|singer|rapper|famous|history|historical|historian|lecture|essay|homework|assignment|thesis|training|course|workshop|bomber|bombers|bombing|bombings|character|characters|anime|manga|netflix|hbo|theatre|theater|poem|poetry|fiction|fictional|playlist|trope|plot|noticias|noticia|pelicula|peliculas|serie|libro|articulo|prevencion|cancion|documental|estadisticas|epidemic|opioid|opioids|naloxone|narcan|museum|the 1990s|decades ago|years ago|in 19[0-9]{2}|in 20[0-9]{2}|last century|shakespeare|romeo|juliet|hamlet|kurt cobain|robin williams|nirvana|awareness month|awareness week|conference|webinar|pamphlet|brochure|poster|campaign|statistic|survey|policy|protocol|screening|questionnaire|worksheet",
  )})${WORD_END}`,
);

/** The text before and after a match, within the match's clause (breaks: in `marks`). */
function around(
  form: string,
  start: number,
  end: number,
  marks: readonly string[],
): [string, string] {
  const from = Math.max(...marks.map((m) => form.lastIndexOf(` ${m} `, start)));
  const tos = marks.map((m) => form.indexOf(` ${m} `, end)).filter((i) => i !== -1);
  const to = tos.length > 0 ? Math.min(...tos) : -1;
  return [
    form.slice(from === -1 ? 0 : from + 2, start),
    form.slice(end, to === -1 ? form.length : to + 1),
  ];
}
const CLAUSE_MARKS = [".", ","];
const SENTENCE_MARKS = ["."];

function counts(compiled: Compiled, form: string): boolean {
  const { entry, find, notBefore, notAfter } = compiled;
  find.lastIndex = 0;
  for (let m = find.exec(form); m !== null; m = find.exec(form)) {
    const start = m.index;
    const end = start + m[0].length;
    find.lastIndex = start + 1;
    const [before, after] = around(form, start, end, CLAUSE_MARKS);
    if (notBefore?.test(before)) continue;
    if (notAfter?.test(after)) continue;
    if (entry.negatable && NEGATED.test(before)) continue;
    if (entry.topical) {
      const [sentenceBefore, sentenceAfter] = around(form, start, end, SENTENCE_MARKS);
      if (TOPIC.test(`${sentenceBefore}${m[0]}${sentenceAfter}`)) continue;
    }
    return true;
  }
  return false;
}

export type CrisisMatch = {
  /** Alert categories, in a fixed order; empty when none. */
  categories: CrisisCategory[];
  /** The kinds of warning sign found (lexicon tags), in lexicon order. */
  kinds: CrisisKind[];
};

/**
 * What crisis language `text` holds: alert categories and the lexicon kinds that matched.
 * Returns tags only, never the text, so callers can log the result.
 */
export function matchCrisisLanguage(text: string): CrisisMatch {
  const forms = crisisForms(text).map(fixWords);
  const categories = new Set<CrisisCategory>();
  const kinds = new Set<CrisisKind>();
  for (const index of candidates(forms)) {
    const compiled = COMPILED[index];
    if (!compiled) continue;
    if (kinds.has(compiled.entry.kind) && categories.has(compiled.entry.category)) continue;
    if (forms.some((form) => counts(compiled, form))) {
      categories.add(compiled.entry.category);
      kinds.add(compiled.entry.kind);
      // Pills put by for an overdose are a plan to die, not only a risk of overdose.
      if (compiled.entry.kind === "plan-or-means" && compiled.entry.category === "overdose")
        categories.add("suicide");
    }
  }
  return {
    categories: CATEGORY_ORDER.filter((c) => categories.has(c)),
    kinds: [...kinds],
  };
}

/** The crisis categories `text` touches, in a fixed order; empty when none. */
export function detectCrisisLanguage(text: string): CrisisCategory[] {
  return matchCrisisLanguage(text).categories;
}

/**
 * The categories to raise when `before` is edited into `after`: those of `after` when it shows
 * a kind or category of crisis language that `before` did not ("ok" edited to "I bought a
 * rope"), else none, so fixing a typo in a message that already raised an alert does not raise
 * it again.
 */
export function crisisLanguageAdded(before: string, after: string): CrisisCategory[] {
  const now = matchCrisisLanguage(after);
  if (now.categories.length === 0) return [];
  const was = matchCrisisLanguage(before);
  const added =
    now.categories.some((c) => !was.categories.includes(c)) ||
    now.kinds.some((k) => !was.kinds.includes(k));
  return added ? now.categories : [];
}

/** Words for matching: the normalised text as written, split into words (for tests and tools). */
export function crisisWords(text: string): string[] {
  return (crisisForms(text)[0] ?? "").split(" ").filter((w) => w !== "" && w !== "." && w !== ",");
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
