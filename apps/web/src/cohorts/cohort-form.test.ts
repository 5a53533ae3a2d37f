import { describe, expect, it } from "vitest";
import { emptyCohortForm, toCreateCohortInput, type CohortFormValues } from "./cohort-form";

const PROGRAM = "00000000-0000-4000-8000-0000000000b1";
const DANA = "00000000-0000-4000-8000-000000000002";
const MARCUS = "00000000-0000-4000-8000-000000000005";

const filled: CohortFormValues = {
  ...emptyCohortForm("America/New_York"),
  programId: PROGRAM,
  name: "Evening track",
  startsOn: "2026-03-02",
  endsOn: "2026-05-29",
  days: ["MO", "WE", "TH"],
  leadFacilitatorId: DANA,
  coFacilitatorIds: [MARCUS],
};

describe("new cohort form", () => {
  it("starts with capacity 12, an evening pattern and the admin's zone", () => {
    expect(emptyCohortForm("America/Chicago")).toMatchObject({
      capacity: "12",
      timeZone: "America/Chicago",
      startTime: "18:00",
      endTime: "21:00",
      groupSessionKind: "GROUP_THERAPY",
    });
  });

  it("turns filled-in values into the create-cohort request", () => {
    expect(toCreateCohortInput(filled)).toEqual({
      ok: true,
      input: {
        programId: PROGRAM,
        name: "Evening track",
        timeZone: "America/New_York",
        capacity: 12,
        startsOn: "2026-03-02",
        endsOn: "2026-05-29",
        weeklyPattern: { days: ["MO", "WE", "TH"], startTime: "18:00", endTime: "21:00" },
        groupSessionKind: "GROUP_THERAPY",
        leadFacilitatorId: DANA,
        coFacilitatorIds: [MARCUS],
      },
    });
  });

  it("names the fields the server would name, in plain words for empty ones", () => {
    const result = toCreateCohortInput({
      ...filled,
      programId: "",
      days: [],
      endTime: "17:00",
      capacity: "0",
      timeZone: "Mars/Olympus",
      leadFacilitatorId: "",
    });
    expect(result).toMatchObject({
      ok: false,
      problem: {
        fields: {
          programId: "Choose a program.",
          "weeklyPattern.days": "Choose at least one day of the week.",
          capacity: "Capacity must be at least 1.",
          timeZone: "Use an IANA time zone such as America/New_York.",
          leadFacilitatorId: "Choose the lead facilitator.",
        },
      },
    });
  });

  it("refuses an end date before the start and an end time before the start time", () => {
    const result = toCreateCohortInput({ ...filled, endsOn: "2026-02-01" });
    expect(result).toMatchObject({
      ok: false,
      problem: { fields: { endsOn: "The end date must not be before the start date." } },
    });
    const times = toCreateCohortInput({ ...filled, startTime: "18:00", endTime: "17:00" });
    expect(times).toMatchObject({
      ok: false,
      problem: {
        fields: { "weeklyPattern.endTime": "The end time must be after the start time." },
      },
    });
  });

  it("never sends the lead as a co-facilitator too", () => {
    const result = toCreateCohortInput({ ...filled, coFacilitatorIds: [DANA, MARCUS] });
    expect(result.ok && result.input.coFacilitatorIds).toEqual([MARCUS]);
  });
});
