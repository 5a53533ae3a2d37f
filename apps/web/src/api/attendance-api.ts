import { SessionKindSchema, type CohortAttendance } from "@bridgeway/domain";
import { z } from "zod";
import type { ApiClient } from "./api-client";

// Described as a type in the domain package; checked here, where it is read.
const CohortAttendanceSchema: z.ZodType<CohortAttendance> = z.object({
  cohortId: z.string(),
  cohortName: z.string(),
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  sessions: z.array(
    z.object({
      id: z.string(),
      kind: SessionKindSchema,
      startsAt: z.string(),
      endsAt: z.string(),
      upcoming: z.boolean(),
    }),
  ),
  participants: z.array(
    z.object({
      participantId: z.string(),
      displayName: z.string(),
      cells: z.array(
        z.object({
          sessionId: z.string(),
          expected: z.boolean(),
          attended: z.boolean(),
          minutes: z.number(),
          late: z.boolean(),
          leftEarly: z.boolean(),
          audioOnlyMinutes: z.number(),
          videoMinutes: z.number(),
        }),
      ),
      weeks: z.array(
        z.object({
          weekStart: z.string(),
          plannedHours: z.number(),
          attendedHours: z.number(),
          status: z.enum(["below-minimum", "within-range", "php-range"]),
          flagged: z.boolean(),
        }),
      ),
    }),
  ),
});

export type AttendanceRange = { from: string; to: string };

const rangeQuery = (range: AttendanceRange) =>
  new URLSearchParams({ from: range.from, to: range.to }).toString();

/** The cohort attendance grid, for its clinicians and the clinic admin, and its CSV export. */
export function createAttendanceApi(api: ApiClient) {
  return {
    cohort(
      cohortId: string,
      range: AttendanceRange,
      signal?: AbortSignal,
    ): Promise<CohortAttendance> {
      return api.get(
        `/api/cohorts/${encodeURIComponent(cohortId)}/attendance?${rangeQuery(range)}`,
        CohortAttendanceSchema,
        signal,
      );
    },
  };
}

/** The CSV export of the same grid: a plain link, downloaded by the browser with the cookie. */
export function attendanceCsvPath(cohortId: string, range: AttendanceRange): string {
  return `/api/cohorts/${encodeURIComponent(cohortId)}/attendance.csv?${rangeQuery(range)}`;
}

export type AttendanceApi = ReturnType<typeof createAttendanceApi>;
