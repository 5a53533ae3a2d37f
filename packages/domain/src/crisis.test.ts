import { describe, expect, it } from "vitest";
import { CRISIS_LINE, crisisLineFor, CRISIS_LINES } from "./crisis";
import { LOCALES } from "./locale";

describe("crisis line", () => {
  it("is 988 in every language, with words for each", () => {
    for (const locale of LOCALES) {
      const line = crisisLineFor(locale);
      expect(line.number).toBe("988");
      expect(line.callHref).toBe("tel:988");
      expect(line.textHref.startsWith("sms:988")).toBe(true);
      for (const words of [line.name, line.callLabel, line.textLabel, line.howToReach]) {
        expect(words).toContain("988");
      }
    }
    expect(CRISIS_LINES.en).toMatchObject(CRISIS_LINE);
  });

  it("tells Spanish speakers to press 2 on a call and to text AYUDA", () => {
    const es = crisisLineFor("es");
    expect(es.howToReach).toMatch(/marca 2/);
    expect(es.howToReach).toMatch(/AYUDA/);
    expect(es.callLabel).toMatch(/marca 2/);
    expect(es.textHref).toContain("body=AYUDA");
    expect(es.howToReach).not.toMatch(/\b(call|text|free)\b/i);
  });
});
