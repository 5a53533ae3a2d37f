import {
  ASSESSMENT_CADENCES,
  DischargeInputSchema,
  INSTRUMENTS,
  SafetyPlanContentSchema,
  TreatmentPlanContentSchema,
  type AftercareDto,
  type AssessmentAssignmentDto,
  type AssessmentHistory,
  type AssessmentResultDto,
  type AssignAssessmentInput,
  type CohortSeverities,
  type DischargeDto,
  type DischargeInput,
  type SafetyPlanContent,
  type SafetyPlanDto,
  type SessionNoteDto,
  type SessionNoteInput,
  type Severity,
  type TreatmentPlanDto,
  type TreatmentPlanInput,
} from "@bridgeway/domain";
import { z } from "zod";
import type { ApiClient } from "./api-client";

// The domain package describes clinical answers as types only; they are checked here, where read.
const InstrumentSchema = z.enum(INSTRUMENTS);
const SeveritySchema: z.ZodType<Severity> = z.enum([
  "minimal",
  "mild",
  "moderate",
  "moderately-severe",
  "severe",
]);

export const AssessmentAssignmentSchema: z.ZodType<AssessmentAssignmentDto> = z.object({
  id: z.string(),
  instrument: InstrumentSchema,
  cadence: z.enum(ASSESSMENT_CADENCES),
  dueOn: z.string(),
  completedAt: z.string().nullable(),
});

export const AssessmentResultSchema: z.ZodType<AssessmentResultDto> = z.object({
  id: z.string(),
  instrument: InstrumentSchema,
  total: z.number(),
  severity: SeveritySchema,
  safetyConcern: z.boolean(),
  completedAt: z.string(),
  answers: z.array(z.number()),
});

const AssessmentHistorySchema: z.ZodType<AssessmentHistory> = z.object({
  participantId: z.string(),
  due: z.array(AssessmentAssignmentSchema),
  results: z.array(AssessmentResultSchema),
});

const LatestScoreSchema = z.object({
  total: z.number(),
  severity: SeveritySchema,
  completedAt: z.string(),
  safetyConcern: z.boolean(),
});

const CohortSeveritiesSchema: z.ZodType<CohortSeverities> = z.object({
  cohortId: z.string(),
  participants: z.array(
    z.object({
      participantId: z.string(),
      displayName: z.string(),
      latest: z.object({ PHQ9: LatestScoreSchema.optional(), GAD7: LatestScoreSchema.optional() }),
    }),
  ),
});

const SafetyPlanSchema: z.ZodType<SafetyPlanDto> = z.object({
  participantId: z.string(),
  version: z.number(),
  content: SafetyPlanContentSchema,
  authoredBy: z.string(),
  updatedAt: z.string(),
});
const CurrentSafetyPlanSchema = z.object({ plan: SafetyPlanSchema.nullable() });
const SafetyPlanVersionsSchema = z.object({ versions: z.array(SafetyPlanSchema) });

const SessionNoteSchema: z.ZodType<SessionNoteDto> = z.object({
  id: z.string(),
  sessionId: z.string(),
  status: z.enum(["draft", "signed"]),
  topic: z.string(),
  interventions: z.array(z.string()),
  summary: z.string(),
  parts: z.array(
    z.object({
      participantId: z.string(),
      displayName: z.string(),
      data: z.string(),
      assessment: z.string(),
      plan: z.string(),
    }),
  ),
  author: z.object({ id: z.string(), displayName: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  signed: z.object({ at: z.string(), by: z.string() }).nullable(),
  addenda: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      participantId: z.string().nullable(),
      author: z.string(),
      createdAt: z.string(),
    }),
  ),
});

/** A session's note (null until written) and who attended, so who can have a part. */
export type SessionNoteState = {
  note: SessionNoteDto | null;
  attended: { id: string; displayName: string }[];
};
const SessionNoteStateSchema: z.ZodType<SessionNoteState> = z.object({
  note: SessionNoteSchema.nullable(),
  attended: z.array(z.object({ id: z.string(), displayName: z.string() })),
});

const TreatmentPlanSchema: z.ZodType<TreatmentPlanDto> = z.object({
  id: z.string(),
  enrollmentId: z.string(),
  participantId: z.string(),
  version: z.number(),
  content: TreatmentPlanContentSchema,
  reviewEveryDays: z.number(),
  nextReviewOn: z.string(),
  reviewDue: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  phases: z.array(
    z.object({ phase: z.number(), days: z.array(z.string()), effectiveFrom: z.string() }),
  ),
});
const CurrentTreatmentPlanSchema = z.object({ plan: TreatmentPlanSchema.nullable() });

/** An active enrollment whose treatment plan is missing (`nextReviewOn` null) or due a review. */
export type ReviewDue = {
  enrollmentId: string;
  participantId: string;
  displayName: string;
  nextReviewOn: string | null;
};
const ReviewsDueSchema = z.object({
  reviews: z.array(
    z.object({
      enrollmentId: z.string(),
      participantId: z.string(),
      displayName: z.string(),
      nextReviewOn: z.string().nullable(),
    }),
  ),
});

const AftercareSchema = DischargeInputSchema.shape.aftercare;
const DischargeSchema: z.ZodType<DischargeDto> = z.object({
  reason: DischargeInputSchema.shape.reason,
  dischargedOn: z.string(),
  summary: z.string(),
  aftercare: AftercareSchema,
  enrollmentId: z.string(),
  participantId: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
const AftercareListSchema: z.ZodType<{ aftercare: AftercareDto[] }> = z.object({
  aftercare: z.array(
    z.object({ enrollmentId: z.string(), dischargedOn: z.string(), aftercare: AftercareSchema }),
  ),
});

const id = encodeURIComponent;
const participant = (participantId: string) => `/api/participants/${id(participantId)}`;
const enrollment = (enrollmentId: string) => `/api/enrollments/${id(enrollmentId)}`;
const sessionNote = (sessionId: string) => `/api/sessions/${id(sessionId)}/note`;

/**
 * The clinical record: questionnaires and scores, safety plans, session notes, treatment plans,
 * discharge and aftercare. Every answer is clinical data; nothing here is ever logged.
 */
export function createClinicalApi(api: ApiClient) {
  return {
    /** What is due and every result so far, oldest first. */
    assessments(participantId: string, signal?: AbortSignal): Promise<AssessmentHistory> {
      return api.get(`${participant(participantId)}/assessments`, AssessmentHistorySchema, signal);
    },
    assign(participantId: string, input: AssignAssessmentInput): Promise<AssessmentAssignmentDto> {
      return api.write(
        "POST",
        `${participant(participantId)}/assessments`,
        input,
        AssessmentAssignmentSchema,
      );
    },
    /** Stops a series: what is due disappears and nothing further is assigned. */
    stopAssessment(assignmentId: string): Promise<void> {
      return api.writeNoContent("POST", `/api/assessments/${id(assignmentId)}/cancel`);
    },
    /** The participant's own answers; 400 names the item (`answers.8` is question 9). */
    complete(
      assignmentId: string,
      answers: readonly (number | null)[],
    ): Promise<AssessmentResultDto> {
      return api.write(
        "POST",
        `/api/assessments/${id(assignmentId)}/responses`,
        { answers },
        AssessmentResultSchema,
      );
    },
    severities(cohortId: string, signal?: AbortSignal): Promise<CohortSeverities> {
      return api.get(`/api/cohorts/${id(cohortId)}/severities`, CohortSeveritiesSchema, signal);
    },

    async safetyPlan(participantId: string, signal?: AbortSignal): Promise<SafetyPlanDto | null> {
      return (
        await api.get(`${participant(participantId)}/safety-plan`, CurrentSafetyPlanSchema, signal)
      ).plan;
    },
    async safetyPlanVersions(
      participantId: string,
      signal?: AbortSignal,
    ): Promise<SafetyPlanDto[]> {
      return (
        await api.get(
          `${participant(participantId)}/safety-plan/versions`,
          SafetyPlanVersionsSchema,
          signal,
        )
      ).versions;
    },
    /** A new version; 409 when someone saved a newer one than `basedOn`. */
    saveSafetyPlan(
      participantId: string,
      content: SafetyPlanContent,
      basedOn: number | null,
    ): Promise<SafetyPlanDto> {
      return api.write(
        "PUT",
        `${participant(participantId)}/safety-plan`,
        { content, basedOn },
        SafetyPlanSchema,
      );
    },

    note(sessionId: string, signal?: AbortSignal): Promise<SessionNoteState> {
      return api.get(sessionNote(sessionId), SessionNoteStateSchema, signal);
    },
    saveNote(sessionId: string, input: SessionNoteInput): Promise<SessionNoteDto> {
      return api.write("PUT", sessionNote(sessionId), input, SessionNoteSchema);
    },
    signNote(sessionId: string): Promise<SessionNoteDto> {
      return api.write("POST", `${sessionNote(sessionId)}/sign`, undefined, SessionNoteSchema);
    },
    addAddendum(
      sessionId: string,
      input: { text: string; participantId?: string },
    ): Promise<SessionNoteDto> {
      return api.write("POST", `${sessionNote(sessionId)}/addenda`, input, SessionNoteSchema);
    },

    async reviewsDue(signal?: AbortSignal): Promise<ReviewDue[]> {
      return (await api.get("/api/treatment-plans/reviews-due", ReviewsDueSchema, signal)).reviews;
    },
    /** The plan of the participant's current enrollment (or latest one); null before one exists. */
    async treatmentPlan(
      participantId: string,
      signal?: AbortSignal,
    ): Promise<TreatmentPlanDto | null> {
      return (
        await api.get(
          `${participant(participantId)}/treatment-plan`,
          CurrentTreatmentPlanSchema,
          signal,
        )
      ).plan;
    },
    saveTreatmentPlan(
      enrollmentId: string,
      input: TreatmentPlanInput,
      basedOn: number | null,
    ): Promise<TreatmentPlanDto> {
      return api.write(
        "PUT",
        `${enrollment(enrollmentId)}/treatment-plan`,
        { ...input, basedOn },
        TreatmentPlanSchema,
      );
    },
    /** The participant read `version`; 409 when a newer one has been written since. */
    acknowledgeTreatmentPlan(enrollmentId: string, version: number): Promise<void> {
      return api.writeNoContent("POST", `${enrollment(enrollmentId)}/treatment-plan/acknowledge`, {
        version,
      });
    },
    /** Closes the enrollment with a summary and an aftercare plan. */
    discharge(enrollmentId: string, input: DischargeInput): Promise<DischargeDto> {
      return api.write("POST", `${enrollment(enrollmentId)}/discharge`, input, DischargeSchema);
    },
    /** 404 while the enrollment has not been discharged. */
    dischargeOf(enrollmentId: string, signal?: AbortSignal): Promise<DischargeDto> {
      return api.get(`${enrollment(enrollmentId)}/discharge`, DischargeSchema, signal);
    },
    async aftercare(participantId: string, signal?: AbortSignal): Promise<AftercareDto[]> {
      return (await api.get(`${participant(participantId)}/aftercare`, AftercareListSchema, signal))
        .aftercare;
    },
  };
}

export type ClinicalApi = ReturnType<typeof createClinicalApi>;
