import { CohortAttendanceSchema, type CohortAttendance } from "@bridgeway/domain";
import type { ApiClient } from "./api-client";

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
