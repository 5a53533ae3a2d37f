import type { TreatmentPlanContent } from "@bridgeway/domain";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_REVIEW_DAYS,
  draftFromPlan,
  toTreatmentPlanInput,
  withoutBlankInterventions,
  type TreatmentPlanDraft,
} from "./treatment-plan-form";

const TODAY = "2026-11-02";

const content: TreatmentPlanContent = {
  problems: [
    {
      problem: "Low mood most days",
      goals: [
        {
          goal: "Get back to daily routines",
          objectives: [
            { text: "Walk 20 minutes", measure: "5 days a week, logged", targetDate: "2026-12-01" },
          ],
          interventions: ["Behavioral activation"],
        },
      ],
    },
  ],
};

function filled(overrides: Partial<TreatmentPlanDraft> = {}): TreatmentPlanDraft {
  return { ...draftFromPlan({ content, reviewEveryDays: 14 }, TODAY), ...overrides };
}

describe("the treatment plan editor's draft", () => {
  it("starts a new plan with one problem, goal and objective due four weeks out", () => {
    expect(draftFromPlan(null, TODAY)).toEqual({
      problems: [
        {
          problem: "",
          goals: [
            {
              goal: "",
              objectives: [{ text: "", measure: "", targetDate: "2026-11-30" }],
              interventions: [""],
            },
          ],
        },
      ],
      reviewEveryDays: String(DEFAULT_REVIEW_DAYS),
    });
    expect(DEFAULT_REVIEW_DAYS).toBe(14);
  });

  it("starts from the current plan without sharing its lists", () => {
    const draft = draftFromPlan({ content, reviewEveryDays: 30 }, TODAY);
    expect(draft.reviewEveryDays).toBe("30");
    expect(draft.problems[0]?.goals[0]?.objectives).toEqual(
      content.problems[0]?.goals[0]?.objectives,
    );
    draft.problems[0]?.goals[0]?.interventions.push("Another");
    const objective = draft.problems[0]?.goals[0]?.objectives[0];
    if (objective) objective.text = "Changed";
    expect(content.problems[0]?.goals[0]?.interventions).toEqual(["Behavioral activation"]);
    expect(content.problems[0]?.goals[0]?.objectives[0]?.text).toBe("Walk 20 minutes");
  });
});

describe("turning the draft into a plan to save", () => {
  it("saves a complete plan with the review interval as a number, blank interventions dropped", () => {
    const draft = filled({ reviewEveryDays: " 21 " });
    const goal = draft.problems[0]?.goals[0];
    if (goal) goal.interventions = ["", "Behavioral activation", "  "];
    expect(toTreatmentPlanInput(draft)).toEqual({
      ok: true,
      input: { content, reviewEveryDays: 21 },
    });
  });

  it("keys problems the way the API does", () => {
    const draft = draftFromPlan(null, TODAY);
    draft.reviewEveryDays = "5";
    const result = toTreatmentPlanInput(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.fields).toMatchObject({
      "content.problems.0.problem": "Write the problem.",
      "content.problems.0.goals.0.goal": "Write the goal.",
      "content.problems.0.goals.0.objectives.0.text": "Write the objective.",
      "content.problems.0.goals.0.objectives.0.measure": "Write the measure.",
      "content.problems.0.goals.0.interventions": "Name at least one intervention.",
      reviewEveryDays: "Review at most weekly.",
    });
  });

  it("asks for a review interval in whole days between a week and 90 days", () => {
    const problem = (days: string) => {
      const result = toTreatmentPlanInput(filled({ reviewEveryDays: days }));
      return result.ok ? null : result.problem.fields.reviewEveryDays;
    };
    expect(problem("")).toBe("Give the review interval in days.");
    expect(problem("ten")).toBe("Give the review interval in days.");
    expect(problem("7.5")).toBe("Give the review interval in days.");
    expect(problem("91")).toBe("Review at least every 90 days.");
    expect(problem("7")).toBeNull();
    expect(problem("90")).toBeNull();
  });

  it("shows the editor without blank interventions after a failed check, like the check did", () => {
    const draft = filled();
    const goal = draft.problems[0]?.goals[0];
    if (goal) goal.interventions = ["", "Behavioral activation", " "];
    expect(withoutBlankInterventions(draft).problems[0]?.goals[0]?.interventions).toEqual([
      "Behavioral activation",
    ]);
    expect(withoutBlankInterventions(draft).reviewEveryDays).toBe("14");
  });
});
