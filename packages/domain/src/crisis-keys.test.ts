import { describe, expect, it } from "vitest";
import { patternKeys } from "./crisis-keys";

const keys = (source: string) => {
  const found = patternKeys(source);
  return found === null ? null : [...found].sort();
};

describe("key words of a lexicon pattern", () => {
  it("takes the most selective required word of a sequence", () => {
    expect(keys("nobody would mis me")).toEqual(["nobody"]);
  });

  it("unions the keys of alternatives, and gives none when one alternative has none", () => {
    expect(keys("(?:suicide|overdose)")).toEqual(["overdose", "suicide"]);
    expect(keys("kms|k m s")).toBeNull();
  });

  it("ignores optional parts, lookarounds, classes and any-word gaps", () => {
    expect(keys("(?:really )?want(?! to)")).toEqual(["want"]);
    expect(keys("[a-z]+ (?:[a-z0-9#]+_){0,3}pils")).toEqual(["pils"]);
    expect(keys("(?:maybe)? ?od")).toBeNull();
  });

  it("keeps whole words, since glued words that share a letter still each appear whole", () => {
    // "want to die" glued and collapsed is "wantodie", which holds "want" and "die".
    expect(keys("want to die")).toEqual(["want"]);
    expect(keys("i (?:want|wish) to die")).toEqual(["want", "wish"]);
    expect(keys("i (?:am|was) (?:so )?suicidal")).toEqual(["suicidal"]);
  });
});
