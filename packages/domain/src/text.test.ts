import { describe, expect, it } from "vitest";
import { CohortInputSchema } from "./cohorts";
import { PersonNameSchema } from "./people";
import { findUnstorableText, nameProblem, nameSchema, unstorableTextProblem } from "./text";

describe("unstorableTextProblem", () => {
  it.each(["a\u0000b", "\uD800", "x\uDC00y", "\uDBFFend"])("refuses %j", (text) => {
    expect(unstorableTextProblem(text)).toBeDefined();
  });

  it.each(["plain", "emoji 😀 and 👩‍👧", "José Ñúñez", "line\nbreak", "مرحبا"])(
    "accepts %j",
    (text) => {
      expect(unstorableTextProblem(text)).toBeUndefined();
    },
  );
});

describe("names", () => {
  it.each([
    "Ann\u202Eeil",
    "\u2066Bob\u2069",
    "Tab\tName",
    "New\nLine",
    "Bell\u0007",
    "DEL\u007F",
    "Mark\u200F",
    "Nul\u0000",
  ])("refuses control characters and direction overrides in %j", (name) => {
    expect(nameProblem(name)).toBeDefined();
    expect(PersonNameSchema.safeParse(name).success).toBe(false);
    expect(nameSchema({ max: 100 }).safeParse(name).success).toBe(false);
  });

  it.each(["Zoë O'Brien-Smith", "李小龍", "محمد", "Renée 😀"])("accepts %j", (name) => {
    expect(PersonNameSchema.safeParse(name).success).toBe(true);
  });

  it("refuses a cohort name with a right-to-left override, naming the field", () => {
    const result = CohortInputSchema.safeParse({
      programId: "6f1c1c9e-1d1a-4b55-9a53-6f0d2d8e9c11",
      name: "Evening \u202Ekcart",
      timeZone: "America/New_York",
      startsOn: "2026-01-05",
      endsOn: "2026-03-01",
      weeklyPattern: { days: ["MO"], startTime: "18:00", endTime: "21:00" },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["name"]);
  });
});

describe("findUnstorableText", () => {
  it("names the first bad string by its path, keys included", () => {
    expect(findUnstorableText({ a: "ok", b: { c: ["fine", "x\u0000"] } })?.field).toBe("b.c.1");
    expect(findUnstorableText({ ["k\u0000"]: 1 })?.field).toBe("k\\u0000");
    expect(findUnstorableText("\uD800")?.field).toBe("");
  });

  it("finds nothing in clean values, and survives very deep nesting", () => {
    expect(findUnstorableText({ a: [1, null, true, "ok 😀"] })).toBeUndefined();
    let deep: unknown = "bad\u0000";
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(findUnstorableText(deep)?.problem).toMatch(/NUL/);
  });
});
