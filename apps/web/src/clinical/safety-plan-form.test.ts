import type { SafetyPlanContent } from "@bridgeway/domain";
import { describe, expect, it } from "vitest";
import { CHECK_FIELDS_MESSAGE } from "../forms/form-problem";
import {
  compactDraft,
  draftFromPlan,
  isEmptyDraft,
  toSafetyPlanContent,
  type SafetyPlanDraft,
} from "./safety-plan-form";

const content: SafetyPlanContent = {
  warningSigns: ["Not sleeping"],
  copingStrategies: ["Walk the dog"],
  distractions: [{ name: "The library" }],
  peopleToAsk: [{ name: "Sam", phone: "555-0101" }],
  professionals: [{ name: "Dana Whitfield", phone: "555-0199" }],
  environmentSafety: ["Pharmacy keeps the medication"],
  reasonsForLiving: "My kids",
};

const empty = draftFromPlan(null);
const draft = (overrides: Partial<SafetyPlanDraft>): SafetyPlanDraft => ({
  ...empty,
  ...overrides,
});

describe("the safety plan editor's draft", () => {
  it("starts empty when there is no plan yet", () => {
    expect(empty).toEqual({
      warningSigns: [],
      copingStrategies: [],
      distractions: [],
      peopleToAsk: [],
      professionals: [],
      environmentSafety: [],
      reasonsForLiving: "",
    });
    expect(isEmptyDraft(empty)).toBe(true);
  });

  it("starts from the current plan, with a blank phone where none was given", () => {
    const fromPlan = draftFromPlan(content);
    expect(fromPlan.distractions).toEqual([{ name: "The library", phone: "" }]);
    expect(fromPlan.peopleToAsk).toEqual([{ name: "Sam", phone: "555-0101" }]);
    expect(fromPlan.reasonsForLiving).toBe("My kids");
    // Editing the draft must not change the plan it came from.
    fromPlan.warningSigns.push("Skipping meals");
    expect(content.warningSigns).toEqual(["Not sleeping"]);
  });

  it("drops rows left blank, but keeps a contact with only a phone number", () => {
    const compact = compactDraft(
      draft({
        warningSigns: ["Not sleeping", "   ", ""],
        peopleToAsk: [
          { name: "", phone: "" },
          { name: "", phone: "555-0101" },
          { name: " ", phone: " " },
        ],
        reasonsForLiving: "  ",
      }),
    );
    expect(compact.warningSigns).toEqual(["Not sleeping"]);
    expect(compact.peopleToAsk).toEqual([{ name: "", phone: "555-0101" }]);
    expect(
      isEmptyDraft(draft({ warningSigns: [" "], distractions: [{ name: "", phone: "" }] })),
    ).toBe(true);
  });

  it("is not empty when only what matters most is written", () => {
    expect(isEmptyDraft(draft({ reasonsForLiving: "My kids" }))).toBe(false);
    expect(isEmptyDraft(draft({ professionals: [{ name: "Dr. Ruiz", phone: "" }] }))).toBe(false);
  });
});

describe("turning the draft into a safety plan to save", () => {
  it("leaves out empty phone numbers and an empty reason, and trims what was typed", () => {
    const result = toSafetyPlanContent(
      draft({
        warningSigns: ["  Not sleeping "],
        peopleToAsk: [{ name: "Sam", phone: "555-0101" }],
        professionals: [{ name: "Dr. Ruiz", phone: "  " }],
        reasonsForLiving: " ",
      }),
    );
    expect(result).toEqual({
      ok: true,
      content: {
        warningSigns: ["Not sleeping"],
        copingStrategies: [],
        distractions: [],
        peopleToAsk: [{ name: "Sam", phone: "555-0101" }],
        professionals: [{ name: "Dr. Ruiz" }],
        environmentSafety: [],
      },
    });
  });

  it("round-trips a whole plan", () => {
    expect(toSafetyPlanContent(draftFromPlan(content))).toEqual({ ok: true, content });
  });

  it("names problems the way the API does, under content.", () => {
    const result = toSafetyPlanContent(
      draft({
        peopleToAsk: [
          { name: "Sam", phone: "" },
          { name: "", phone: "555-0101" },
        ],
        warningSigns: Array.from({ length: 21 }, (_, i) => `Sign ${i + 1}`),
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.message).toBe(CHECK_FIELDS_MESSAGE);
    expect(result.problem.fields).toEqual({
      "content.peopleToAsk.1.name": "Write the name.",
      "content.warningSigns": "At most 20 warning signs.",
    });
  });
});
