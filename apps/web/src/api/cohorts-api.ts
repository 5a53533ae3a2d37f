import {
  CohortDetailSchema,
  CohortListSchema,
  EnrollmentSummarySchema,
  ProgramListSchema,
  type CohortDetail,
  type CohortListItem,
  type CreateCohortInput,
  type CreateProgramInput,
  type EnrollmentSummary,
  type EnrollParticipantInput,
  type StepDownInput,
  type UpdateCohortInput,
} from "@bridgeway/domain";
import type { z } from "zod";
import type { ApiClient } from "./api-client";

const ProgramSchema = ProgramListSchema.shape.programs.element;
export type Program = z.infer<typeof ProgramSchema>;

/** Programs, cohorts, enrollments and step-down: what an admin sets up and a facilitator runs. */
export function createCohortsApi(api: ApiClient) {
  return {
    async programs(signal?: AbortSignal): Promise<Program[]> {
      return (await api.get("/api/programs", ProgramListSchema, signal)).programs;
    },
    createProgram(input: CreateProgramInput): Promise<Program> {
      return api.write("POST", "/api/programs", input, ProgramSchema);
    },
    async cohorts(signal?: AbortSignal): Promise<CohortListItem[]> {
      return (await api.get("/api/cohorts", CohortListSchema, signal)).cohorts;
    },
    cohort(id: string, signal?: AbortSignal): Promise<CohortDetail> {
      return api.get(`/api/cohorts/${encodeURIComponent(id)}`, CohortDetailSchema, signal);
    },
    createCohort(input: CreateCohortInput): Promise<CohortDetail> {
      return api.write("POST", "/api/cohorts", input, CohortDetailSchema);
    },
    /** Pattern changes apply to future meetings only. */
    updateCohort(id: string, input: UpdateCohortInput): Promise<CohortDetail> {
      return api.write(
        "PATCH",
        `/api/cohorts/${encodeURIComponent(id)}`,
        input,
        CohortDetailSchema,
      );
    },
    enroll(cohortId: string, input: EnrollParticipantInput): Promise<EnrollmentSummary> {
      return api.write(
        "POST",
        `/api/cohorts/${encodeURIComponent(cohortId)}/enrollments`,
        input,
        EnrollmentSummarySchema,
      );
    },
    stepDown(enrollmentId: string, input: StepDownInput): Promise<EnrollmentSummary> {
      return api.write(
        "POST",
        `/api/enrollments/${encodeURIComponent(enrollmentId)}/step-down`,
        input,
        EnrollmentSummarySchema,
      );
    },
  };
}

export type CohortsApi = ReturnType<typeof createCohortsApi>;
