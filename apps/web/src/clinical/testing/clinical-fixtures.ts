import type {
  AssessmentAssignmentDto,
  AssessmentHistory,
  AssessmentResultDto,
  SafetyPlanContent,
  SafetyPlanDto,
  SessionNoteDto,
  TreatmentPlanDto,
} from "@bridgeway/domain";
import { IDS } from "../../test/schedule-fixtures";

/** Clinical records as the API answers them, for the clinical pages' tests. */

export const ASSIGNMENT = "00000000-0000-4000-8000-0000000000a9";
export const GAD_ASSIGNMENT = "00000000-0000-4000-8000-0000000000a8";
export const NOTE_ID = "00000000-0000-4000-8000-0000000000d1";
export const PLAN_ID = "00000000-0000-4000-8000-0000000000d2";

export const resultId = (n: number) =>
  `00000000-0000-4000-8000-0000000001${String(n).padStart(2, "0")}`;

export function assignment(
  overrides: Partial<AssessmentAssignmentDto> = {},
): AssessmentAssignmentDto {
  return {
    id: ASSIGNMENT,
    instrument: "PHQ9",
    cadence: "WEEKLY",
    dueOn: "2026-11-23",
    completedAt: null,
    ...overrides,
  };
}

export function result(overrides: Partial<AssessmentResultDto> = {}): AssessmentResultDto {
  return {
    id: resultId(1),
    instrument: "PHQ9",
    total: 13,
    severity: "moderate",
    safetyConcern: false,
    completedAt: "2026-11-16T15:00:00.000Z",
    answers: [2, 2, 1, 2, 1, 2, 1, 2, 0],
    ...overrides,
  };
}

export function history(overrides: Partial<AssessmentHistory> = {}): AssessmentHistory {
  return { participantId: IDS.jordan, due: [], results: [], ...overrides };
}

export const planContent: SafetyPlanContent = {
  warningSigns: ["Not sleeping", "Staying in my room"],
  copingStrategies: ["Walk the dog"],
  distractions: [{ name: "The library" }],
  peopleToAsk: [{ name: "Sam (brother)", phone: "555-0101" }],
  professionals: [{ name: "Dana Whitfield, LCSW", phone: "(555) 010-0199" }],
  environmentSafety: [],
  reasonsForLiving: "My kids",
};

export function safetyPlan(overrides: Partial<SafetyPlanDto> = {}): SafetyPlanDto {
  return {
    participantId: IDS.jordan,
    version: 2,
    content: planContent,
    authoredBy: "Dana Whitfield",
    updatedAt: "2026-11-25T21:12:00.000Z",
    ...overrides,
  };
}

export function sessionNote(overrides: Partial<SessionNoteDto> = {}): SessionNoteDto {
  return {
    id: NOTE_ID,
    sessionId: "00000000-0000-4000-8000-000000000001",
    status: "draft",
    topic: "Sleep and mood",
    interventions: ["DBT: mindfulness"],
    summary: "The group practised a body scan.",
    parts: [],
    author: { id: IDS.dana, displayName: "Dana Whitfield" },
    createdAt: "2026-11-24T02:05:00.000Z",
    updatedAt: "2026-11-24T02:05:00.000Z",
    signed: null,
    addenda: [],
    ...overrides,
  };
}

export function treatmentPlan(overrides: Partial<TreatmentPlanDto> = {}): TreatmentPlanDto {
  return {
    id: PLAN_ID,
    enrollmentId: IDS.jordanEnrollment,
    participantId: IDS.jordan,
    version: 3,
    content: {
      problems: [
        {
          problem: "Low mood most days",
          goals: [
            {
              goal: "Get back to daily routines",
              objectives: [
                {
                  text: "Walk 20 minutes",
                  measure: "5 days a week, in a log",
                  targetDate: "2026-12-14",
                },
              ],
              interventions: ["Behavioral activation"],
            },
          ],
        },
      ],
    },
    reviewEveryDays: 14,
    nextReviewOn: "2026-12-07",
    reviewDue: false,
    createdBy: "Dana Whitfield",
    createdAt: "2026-11-23T20:00:00.000Z",
    acknowledgedAt: null,
    phases: [{ phase: 4, days: ["MO", "TU", "WE", "TH"], effectiveFrom: "2026-11-02" }],
    ...overrides,
  };
}
