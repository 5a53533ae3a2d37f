import { describe, expect, it } from "vitest";
import { crisisWords, detectCrisisLanguage, withinOneEdit } from "./crisis-language";

describe("crisis language", () => {
  it.each([
    ["I want to kill myself", ["suicide"]],
    ["i WANT TO DIE!!!", ["suicide"]],
    ["thinking about suicide again", ["suicide"]],
    ["feeling suicidal tonight...", ["suicide"]],
    ["I'm going to end my life", ["suicide"]],
    ["i just wanna die", ["suicide"]],
    ["want 2 die", ["suicide"]],
    ["k1ll my self", ["suicide"]],
    ["kil myslef", ["suicide"]],
    ["sucidal", ["suicide"]],
    ["everyone would be better off without me", ["suicide"]],
    ["I don't want to be alive anymore", ["suicide"]],
    ["I dont want to wake up tomorrow", ["suicide"]],
    ["I want to diiieee", ["suicide"]],
    ["thinking of cutting myself", ["self-harm"]],
    ["self-harm urges are back", ["self-harm"]],
    ["I might hurt myself", ["self-harm"]],
    ["going to take all my pills", ["overdose"]],
    ["worried I'll overdose", ["overdose"]],
    ["i want to die and i might cut myself", ["suicide", "self-harm"]],
  ] as const)("recognises %j", (text, categories) => {
    expect(detectCrisisLanguage(text)).toEqual(categories);
  });

  it.each([
    "I killed it at work today",
    "my phone died again",
    "I'm dying to see the new movie",
    "that joke killed me",
    "going to dye my hair",
    "the plants are dead, oops",
    "cut my hair short",
    "I feel better than last week",
    "",
  ])("does not alarm on %j", (text) => {
    expect(detectCrisisLanguage(text)).toEqual([]);
  });

  it("normalises case, punctuation, look-alikes and repeated letters", () => {
    expect(crisisWords("K1LL    my-self!!!")).toEqual(["kil", "my", "self"]);
    expect(crisisWords("Don’t")).toEqual(["dont"]);
  });
});

describe("one-edit matching", () => {
  it.each([
    ["suicide", "suicide", true],
    ["sucide", "suicide", true],
    ["suiicide", "suicide", true],
    ["siucide", "suicide", true],
    ["suicdie", "suicide", true],
    ["suicxde", "suicide", true],
    ["sicde", "suicide", false],
    ["myslef", "myself", true],
    ["yourself", "myself", false],
  ] as const)("%s is within one edit of %s: %s", (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
  });
});
