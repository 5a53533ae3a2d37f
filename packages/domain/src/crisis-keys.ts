/**
 * Key words for a lexicon pattern: a set of strings such that any text the pattern matches
 * contains at least one of them. Lets the detector skip, with one scan for all keys, every entry
 * whose keys a message does not contain, so an ordinary message costs a few regex runs, not one
 * per entry. Works on the lexicon's own small regex dialect (see crisis-lexicon.ts); when it
 * cannot promise a key (an entry of only short or optional words), it returns null: always run.
 */

/** Shortest key worth having: "to" or "me" would be found in almost every message. */
const MIN_KEY = 3;

type Keys = ReadonlySet<string> | null;

function union(sets: Keys[]): Keys {
  if (sets.some((s) => s === null)) return null;
  return new Set(sets.flatMap((s) => [...(s ?? [])]));
}

/** Of the keys of the required parts of a sequence, the most selective (longest shortest key). */
function best(sets: Keys[]): Keys {
  let chosen: Keys = null;
  let score = -1;
  for (const set of sets) {
    if (set === null || set.size === 0) continue;
    const shortest = Math.min(...[...set].map((k) => k.length));
    const s = shortest * 100 - set.size;
    if (s > score) {
      score = s;
      chosen = set;
    }
  }
  return chosen;
}

/** `source` is the pattern with repeats collapsed and diacritics folded, before compiling. */
export function patternKeys(source: string): Keys {
  let i = 0;

  function quantifier(): "required" | "optional" | "none" {
    const c = source[i];
    let kind: "required" | "optional" | "none" = "none";
    if (c === "?" || c === "*") {
      kind = "optional";
      i += 1;
    } else if (c === "+") {
      kind = "required";
      i += 1;
    } else if (c === "{") {
      const close = source.indexOf("}", i);
      kind = source.slice(i + 1, close).startsWith("0") ? "optional" : "required";
      i = close + 1;
    }
    if (kind !== "none" && source[i] === "?") i += 1;
    return kind;
  }

  function item(): Keys {
    const c = source[i] ?? "";
    if (c === "(") {
      let look = false;
      if (source.startsWith("(?:", i)) i += 3;
      else if (/^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
        look = true;
        i += source[i + 2] === "<" ? 4 : 3;
      } else i += 1;
      const inner = alternatives();
      i += 1; // ")"
      const q = quantifier();
      return look || q === "optional" ? null : inner;
    }
    if (c === "[") {
      i = source.indexOf("]", i) + 1;
      quantifier();
      return null;
    }
    if (c === " " || c === "_") {
      i += 1;
      quantifier();
      return null;
    }
    const run = /^[a-z0-9#]+/.exec(source.slice(i))?.[0];
    if (!run) {
      i += 1;
      quantifier();
      return null;
    }
    i += run.length;
    // A quantifier after a run applies to its last letter only. Glued words that share a
    // letter ("want"+"to" is "wanto" once collapsed) still each appear whole in the text.
    const word = quantifier() === "optional" ? run.slice(0, -1) : run;
    return word.length >= MIN_KEY ? new Set([word]) : null;
  }

  function sequence(): Keys {
    const parts: Keys[] = [];
    while (i < source.length && source[i] !== "|" && source[i] !== ")") parts.push(item());
    return best(parts);
  }

  function alternatives(): Keys {
    const options = [sequence()];
    while (source[i] === "|") {
      i += 1;
      options.push(sequence());
    }
    return union(options);
  }

  return alternatives();
}
