import { describe, expect, it } from "vitest";
import { answerLabel, instrumentName, plainResult, scoreOutOf, severityTone } from "./severity";

describe("severity wording", () => {
  it("colours the lower bands calmly and the upper two as urgent", () => {
    expect(severityTone("minimal")).toBe("ok");
    expect(severityTone("mild")).toBe("info");
    expect(severityTone("moderate")).toBe("warning");
    expect(severityTone("moderately-severe")).toBe("danger");
    expect(severityTone("severe")).toBe("danger");
  });

  it("names instruments as printed and gives a total out of the instrument's maximum", () => {
    expect(instrumentName("PHQ9")).toBe("PHQ-9");
    expect(instrumentName("GAD7")).toBe("GAD-7");
    expect(scoreOutOf("PHQ9", 13)).toBe("13 of 27");
    expect(scoreOutOf("GAD7", 0)).toBe("0 of 21");
  });

  it("labels item answers with the published choices", () => {
    expect(answerLabel(0)).toBe("Not at all");
    expect(answerLabel(1)).toBe("Several days");
    expect(answerLabel(2)).toBe("More than half the days");
    expect(answerLabel(3)).toBe("Nearly every day");
    expect(answerLabel(7)).toBe("7");
  });

  it("says what a result means in plain words, naming what was measured and the band", () => {
    expect(plainResult("PHQ9", "minimal")).toBe(
      "Your answers suggest low mood has not been bothering you much lately (minimal).",
    );
    expect(plainResult("GAD7", "mild")).toBe(
      "Your answers suggest worry and anxiety has been bothering you on some days (mild).",
    );
    expect(plainResult("PHQ9", "moderate")).toContain("quite a bit (moderate).");
    expect(plainResult("PHQ9", "moderately-severe")).toContain("(moderately severe).");
    expect(plainResult("GAD7", "severe")).toBe(
      "Your answers suggest worry and anxiety has been very hard lately (severe). You don't have to handle it alone.",
    );
  });

  it("never reads as a diagnosis", () => {
    for (const severity of [
      "minimal",
      "mild",
      "moderate",
      "moderately-severe",
      "severe",
    ] as const) {
      const text = plainResult("PHQ9", severity).toLowerCase();
      expect(text).toMatch(/^your answers suggest /);
      expect(text).not.toMatch(/depression|disorder|diagnos/);
    }
  });
});
