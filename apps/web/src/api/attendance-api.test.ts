import { describe, expect, it } from "vitest";
import { json, stubApi } from "../test/fake-api";
import { IDS } from "../test/schedule-fixtures";
import { createApiClient } from "./api-client";
import { attendanceCsvPath, createAttendanceApi } from "./attendance-api";

const week = { from: "2026-11-16", to: "2026-11-22" };

describe("the attendance API", () => {
  it("asks for the cohort grid of a date range", async () => {
    const grid = {
      cohortId: IDS.cohort,
      cohortName: "Evening track",
      timeZone: "America/New_York",
      ...week,
      sessions: [],
      participants: [],
    };
    const { requests } = stubApi({
      [`GET /api/cohorts/${IDS.cohort}/attendance`]: json(200, grid),
    });

    await expect(
      createAttendanceApi(createApiClient({ getCsrfToken: () => undefined })).cohort(
        IDS.cohort,
        week,
      ),
    ).resolves.toEqual(grid);
    expect(requests[0]?.path).toBe(
      `/api/cohorts/${IDS.cohort}/attendance?from=2026-11-16&to=2026-11-22`,
    );
  });

  it("links the CSV export of the same range, with the cohort id made safe for a path", () => {
    expect(attendanceCsvPath(IDS.cohort, week)).toBe(
      `/api/cohorts/${IDS.cohort}/attendance.csv?from=2026-11-16&to=2026-11-22`,
    );
    expect(attendanceCsvPath("a/b", week)).toBe(
      "/api/cohorts/a%2Fb/attendance.csv?from=2026-11-16&to=2026-11-22",
    );
  });
});
