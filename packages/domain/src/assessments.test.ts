import { describe, expect, it } from "vitest";
import {
  answersSchema,
  cadenceDays,
  INSTRUMENT_DEFINITIONS,
  maxScore,
  scoreAssessment,
  severityFor,
  type Instrument,
  type Severity,
} from "./assessments";

/** Answers adding up to `total`, filled from the first item, with item 9 (PHQ-9) left at 0. */
function answersFor(instrument: Instrument, total: number): number[] {
  const count = INSTRUMENT_DEFINITIONS[instrument].items.length;
  const answers = new Array<number>(count).fill(0);
  let left = total;
  for (let i = 0; i < count && left > 0; i += 1) {
    if (instrument === "PHQ9" && i === 8) continue;
    answers[i] = Math.min(3, left);
    left -= answers[i] ?? 0;
  }
  if (left > 0) answers[8] = left; // only the PHQ-9 maximum needs item 9
  return answers;
}

describe("PHQ-9 scoring, as published", () => {
  const bands: [number, Severity][] = [
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "moderately-severe"],
    [19, "moderately-severe"],
    [20, "severe"],
    [27, "severe"],
  ];
  it.each(bands)("scores a total of %i as %s", (total, severity) => {
    const answers = answersFor("PHQ9", total);
    expect(answers.reduce((a, b) => a + b, 0)).toBe(total);
    expect(scoreAssessment("PHQ9", answers)).toMatchObject({ total, severity });
    expect(severityFor("PHQ9", total)).toBe(severity);
  });

  it("has nine items and a maximum of 27", () => {
    expect(INSTRUMENT_DEFINITIONS.PHQ9.items).toHaveLength(9);
    expect(maxScore("PHQ9")).toBe(27);
  });

  it("flags any item 9 answer above 0, whatever the total", () => {
    const low = [0, 0, 0, 0, 0, 0, 0, 0, 1];
    expect(scoreAssessment("PHQ9", low)).toEqual({
      instrument: "PHQ9",
      total: 1,
      severity: "minimal",
      safetyItem: 1,
      safetyConcern: true,
    });
    const high = [3, 3, 3, 3, 3, 3, 3, 3, 0];
    expect(scoreAssessment("PHQ9", high)).toMatchObject({ total: 24, safetyConcern: false });
    for (const answer of [2, 3]) {
      expect(scoreAssessment("PHQ9", [0, 0, 0, 0, 0, 0, 0, 0, answer]).safetyConcern).toBe(true);
    }
  });
});

describe("GAD-7 scoring, as published", () => {
  const bands: [number, Severity][] = [
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "severe"],
    [21, "severe"],
  ];
  it.each(bands)("scores a total of %i as %s", (total, severity) => {
    expect(scoreAssessment("GAD7", answersFor("GAD7", total))).toMatchObject({ total, severity });
  });

  it("has seven items, a maximum of 21 and no safety item", () => {
    expect(INSTRUMENT_DEFINITIONS.GAD7.items).toHaveLength(7);
    expect(maxScore("GAD7")).toBe(21);
    expect(scoreAssessment("GAD7", [3, 3, 3, 3, 3, 3, 3])).toMatchObject({
      safetyItem: null,
      safetyConcern: false,
    });
  });

  it("refuses a total outside the scale", () => {
    expect(() => severityFor("GAD7", 22)).toThrow(RangeError);
    expect(() => severityFor("PHQ9", -1)).toThrow(RangeError);
  });
});

describe("answers", () => {
  const issues = (instrument: Instrument, answers: unknown) => {
    const result = answersSchema(instrument).safeParse(answers);
    return result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message]);
  };

  it("accepts one whole answer 0–3 per item", () => {
    expect(issues("PHQ9", [0, 1, 2, 3, 0, 1, 2, 3, 0])).toEqual([]);
    expect(issues("GAD7", [0, 1, 2, 3, 0, 1, 2])).toEqual([]);
  });

  it("names the unanswered item", () => {
    expect(issues("PHQ9", [0, 1, 2, 3, 0, 1, 2, 3])).toEqual([["8", "Answer question 9."]]);
    expect(issues("GAD7", [0, null, 2, 3, 0, 1, 2])).toEqual([["1", "Answer question 2."]]);
  });

  it("names an out-of-range or fractional answer", () => {
    expect(issues("GAD7", [0, 1, 4, 3, 0, 1, 2])).toEqual([
      ["2", "Question 3: choose one of the four answers."],
    ]);
    expect(issues("GAD7", [0, 1, 2, -1, 0, 1, 2])).toEqual([
      ["3", "Question 4: choose one of the four answers."],
    ]);
    expect(issues("PHQ9", [0, 1, 2, 3, 0, 1.5, 2, 3, 0])).toEqual([["5", "Answer question 6."]]);
    expect(issues("GAD7", [0, 1, 2, "3", 0, 1, 2])).toEqual([["3", "Answer question 4."]]);
  });

  it("refuses extra answers and a non-list", () => {
    expect(issues("GAD7", [0, 0, 0, 0, 0, 0, 0, 0])).toEqual([["", "There are only 7 questions."]]);
    expect(issues("GAD7", "0000000")).toEqual([["", "Answer every question."]]);
  });

  it("refuses scoring anything that did not pass", () => {
    expect(() => scoreAssessment("GAD7", [0, 0, 0])).toThrow(RangeError);
  });
});

describe("cadence", () => {
  it("repeats weekly, fortnightly or every four weeks, or not at all", () => {
    expect([
      cadenceDays("ONCE"),
      cadenceDays("WEEKLY"),
      cadenceDays("EVERY_2_WEEKS"),
      cadenceDays("EVERY_4_WEEKS"),
    ]).toEqual([null, 7, 14, 28]);
  });
});
