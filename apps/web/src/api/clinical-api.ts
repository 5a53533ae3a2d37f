import {
  AftercareListSchema,
  AssessmentAssignmentSchema,
  AssessmentHistorySchema,
  AssessmentResultSchema,
  CohortSeveritiesSchema,
  CurrentSafetyPlanSchema,
  CurrentTreatmentPlanSchema,
  DischargeSchema,
  ReviewsDueSchema,
  SafetyPlanSchema,
  SafetyPlanVersionsSchema,
  SessionNoteSchema,
  SessionNoteStateSchema,
  TreatmentPlanSchema,
  type AftercareDto,
  type AssessmentAssignmentDto,
  type AssessmentHistory,
  type AssessmentResultDto,
  type AssignAssessmentInput,
  type CohortSeverities,
  type DischargeDto,
  type DischargeInput,
  type ReviewDue,
  type SafetyPlanContent,
  type SafetyPlanDto,
  type SessionNoteDto,
  type SessionNoteInput,
  type SessionNoteState,
  type TreatmentPlanDto,
  type TreatmentPlanInput,
} from "@bridgeway/domain";
import type { ApiClient } from "./api-client";

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
