import {
  addDaysToDate,
  TreatmentPlanInputSchema,
  type TreatmentPlanContent,
  type TreatmentPlanInput,
} from "@bridgeway/domain";
import { problemFromZod, type FormProblem } from "../forms/form-problem";

export type ObjectiveDraft = { text: string; measure: string; targetDate: string };
export type GoalDraft = { goal: string; objectives: ObjectiveDraft[]; interventions: string[] };
export type ProblemDraft = { problem: string; goals: GoalDraft[] };
/** The treatment plan as its editor holds it; the review interval as typed. */
export type TreatmentPlanDraft = { problems: ProblemDraft[]; reviewEveryDays: string };

/** The usual review cadence of a new plan. */
export const DEFAULT_REVIEW_DAYS = 14;

export function emptyObjective(today: string): ObjectiveDraft {
  return { text: "", measure: "", targetDate: addDaysToDate(today, 28) };
}

export function emptyGoal(today: string): GoalDraft {
  return { goal: "", objectives: [emptyObjective(today)], interventions: [""] };
}

export function emptyProblem(today: string): ProblemDraft {
  return { problem: "", goals: [emptyGoal(today)] };
}

export function draftFromPlan(
  plan: { content: TreatmentPlanContent; reviewEveryDays: number } | null,
  today: string,
): TreatmentPlanDraft {
  if (!plan) {
    return { problems: [emptyProblem(today)], reviewEveryDays: String(DEFAULT_REVIEW_DAYS) };
  }
  return {
    problems: plan.content.problems.map((p) => ({
      problem: p.problem,
      goals: p.goals.map((g) => ({
        goal: g.goal,
        objectives: g.objectives.map((o) => ({ ...o })),
        interventions: [...g.interventions],
      })),
    })),
    reviewEveryDays: String(plan.reviewEveryDays),
  };
}

/**
 * The plan to save, or the problems keyed as the API names them
 * (`content.problems.0.goals.1.objectives.0.measure`, `reviewEveryDays`). Blank interventions
 * are dropped: an empty row left after "Add" is not a mistake worth a message.
 */
export function toTreatmentPlanInput(
  draft: TreatmentPlanDraft,
): { ok: true; input: TreatmentPlanInput } | { ok: false; problem: FormProblem } {
  const days = draft.reviewEveryDays.trim();
  const parsed = TreatmentPlanInputSchema.safeParse({
    content: {
      problems: draft.problems.map((p) => ({
        problem: p.problem,
        goals: p.goals.map((g) => ({
          goal: g.goal,
          objectives: g.objectives,
          interventions: g.interventions.filter((i) => i.trim() !== ""),
        })),
      })),
    },
    reviewEveryDays: days === "" ? undefined : Number(days),
  });
  if (!parsed.success) return { ok: false, problem: problemFromZod(parsed.error) };
  return { ok: true, input: parsed.data };
}

/** Interventions as the editor shows them after a failed check: blanks gone, like in the check. */
export function withoutBlankInterventions(draft: TreatmentPlanDraft): TreatmentPlanDraft {
  return {
    ...draft,
    problems: draft.problems.map((p) => ({
      ...p,
      goals: p.goals.map((g) => ({
        ...g,
        interventions: g.interventions.filter((i) => i.trim() !== ""),
      })),
    })),
  };
}
