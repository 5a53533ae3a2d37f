import { describe, expect, it } from "vitest";
import {
  addDaysToDate,
  BookSessionInputSchema,
  defaultPhaseDays,
  expectedOn,
  intervalsOverlap,
  joinWindow,
  phaseDaysProblem,
  phaseOn,
  roomNotOpenYetMessage,
  SessionRangeQuerySchema,
  weekdayOf,
  weeklyHoursStatus,
  weekStartOf,
  type EnrollmentWindow,
} from "./schedule";

const at = (iso: string) => new Date(iso);

describe("weekly planned hours", () => {
  it.each([
    [0, "below-minimum"],
    [8.99, "below-minimum"],
    [9, "within-range"],
    [19.99, "within-range"],
    [20, "php-range"],
    [30, "php-range"],
  ] as const)("classes %s hours as %s", (hours, status) => {
    expect(weeklyHoursStatus(hours)).toBe(status);
  });
});

describe("the join window", () => {
  const start = at("2026-11-23T23:00:00Z");
  const end = at("2026-11-24T02:00:00Z");
  it("is closed until 10 minutes before the start", () => {
    expect(joinWindow(start, end, at("2026-11-23T22:49:59Z"))).toBe("not-yet");
    expect(joinWindow(start, end, at("2026-11-23T22:50:00Z"))).toBe("open");
  });
  it("stays open through the session and closes at its end", () => {
    expect(joinWindow(start, end, at("2026-11-24T01:59:59Z"))).toBe("open");
    expect(joinWindow(start, end, end)).toBe("ended");
  });
});

describe("what someone too early is told", () => {
  it("says how long until the room opens, and when that is", () => {
    expect(roomNotOpenYetMessage(7 * 60_000)).toBe(
      "The room opens in 7 minutes, 10 minutes before the start.",
    );
    expect(roomNotOpenYetMessage(1)).toBe(
      "The room opens in 1 minute, 10 minutes before the start.",
    );
    expect(roomNotOpenYetMessage(119 * 60_000)).toBe(
      "The room opens in 119 minutes, 10 minutes before the start.",
    );
  });
  it("counts a long wait in hours", () => {
    expect(roomNotOpenYetMessage(970 * 60_000)).toBe(
      "The room opens in about 16 hours, 10 minutes before the start.",
    );
  });
});

describe("overlapping sessions", () => {
  const a = { startsAt: at("2026-11-23T10:00:00Z"), endsAt: at("2026-11-23T11:00:00Z") };
  it("overlap when they share any time", () => {
    expect(
      intervalsOverlap(a, {
        startsAt: at("2026-11-23T10:59:00Z"),
        endsAt: at("2026-11-23T12:00:00Z"),
      }),
    ).toBe(true);
    expect(
      intervalsOverlap(a, {
        startsAt: at("2026-11-23T09:00:00Z"),
        endsAt: at("2026-11-23T13:00:00Z"),
      }),
    ).toBe(true);
  });
  it("do not overlap back to back", () => {
    expect(
      intervalsOverlap(a, {
        startsAt: at("2026-11-23T11:00:00Z"),
        endsAt: at("2026-11-23T12:00:00Z"),
      }),
    ).toBe(false);
    expect(
      intervalsOverlap(a, {
        startsAt: at("2026-11-23T09:00:00Z"),
        endsAt: at("2026-11-23T10:00:00Z"),
      }),
    ).toBe(false);
  });
});

describe("phase days", () => {
  it("default to the first days of the pattern in calendar order", () => {
    expect(defaultPhaseDays(["TH", "MO", "WE", "TU"], 3)).toEqual(["MO", "TU", "WE"]);
    expect(defaultPhaseDays(["MO", "WE", "TH"], 4)).toEqual(["MO", "WE", "TH"]);
    expect(defaultPhaseDays(["MO", "WE", "TH"], 2)).toEqual(["MO", "WE"]);
  });
  it("must be meeting days, once each, as many as the phase attends", () => {
    expect(phaseDaysProblem(["MO", "WE", "TH"], 2, ["MO", "TH"])).toBeNull();
    expect(phaseDaysProblem(["MO", "WE", "TH"], 2, ["MO", "FR"])).toMatch(/does not meet on FR/);
    expect(phaseDaysProblem(["MO", "WE", "TH"], 2, ["MO", "MO"])).toMatch(/once/);
    expect(phaseDaysProblem(["MO", "WE", "TH"], 2, ["MO"])).toMatch(/attends 2 of the cohort's 3/);
    expect(phaseDaysProblem(["MO", "WE", "TH"], 4, ["MO", "WE", "TH"])).toBeNull();
  });
});

describe("expected attendance", () => {
  const enrollment: EnrollmentWindow = {
    startsOn: "2026-11-02",
    plannedDischargeOn: "2026-12-31",
    endedOn: null,
    phases: [
      { phase: 4, days: ["MO", "TU", "WE", "TH"], effectiveFrom: "2026-11-02" },
      { phase: 3, days: ["MO", "TU", "WE"], effectiveFrom: "2026-11-16" },
    ],
  };
  it("uses the phase in effect on the meeting's date", () => {
    expect(phaseOn(enrollment.phases, "2026-11-15")?.phase).toBe(4);
    expect(phaseOn(enrollment.phases, "2026-11-16")?.phase).toBe(3);
    expect(phaseOn(enrollment.phases, "2026-11-01")).toBeUndefined();
    expect(expectedOn(enrollment, "2026-11-12")).toBe(true); // a Thursday at phase 4
    expect(expectedOn(enrollment, "2026-11-19")).toBe(false); // a Thursday at phase 3
    expect(expectedOn(enrollment, "2026-11-18")).toBe(true); // a Wednesday at phase 3
  });
  it("expects nothing before the start, after the planned discharge, or after the enrollment ended", () => {
    expect(expectedOn(enrollment, "2026-10-26")).toBe(false);
    expect(expectedOn(enrollment, "2027-01-04")).toBe(false);
    expect(expectedOn({ ...enrollment, endedOn: "2026-11-20" }, "2026-11-23")).toBe(false);
    expect(expectedOn({ ...enrollment, endedOn: "2026-11-20" }, "2026-11-18")).toBe(true);
  });
});

describe("calendar dates", () => {
  it("know their weekday and week", () => {
    expect(weekdayOf("2026-11-23")).toBe("MO");
    expect(weekdayOf("2026-11-29")).toBe("SU");
    expect(weekStartOf("2026-11-29")).toBe("2026-11-23");
    expect(weekStartOf("2026-11-23")).toBe("2026-11-23");
    expect(addDaysToDate("2026-12-31", 1)).toBe("2027-01-01");
  });
});

describe("session inputs", () => {
  it("refuse a start time without an offset and group kinds for booking", () => {
    const base = {
      kind: "INDIVIDUAL",
      participantUserId: "0b8f7a0e-1c4c-4a55-9d43-8f3f62f2d3a1",
      startsAt: "2026-11-24T18:00:00-05:00",
      durationMinutes: 50,
    };
    expect(BookSessionInputSchema.safeParse(base).success).toBe(true);
    expect(
      BookSessionInputSchema.safeParse({ ...base, startsAt: "2026-11-24T18:00:00" }).success,
    ).toBe(false);
    expect(BookSessionInputSchema.safeParse({ ...base, kind: "GROUP_THERAPY" }).success).toBe(
      false,
    );
    expect(BookSessionInputSchema.safeParse({ ...base, durationMinutes: 5 }).success).toBe(false);
  });
  it("limit a listing to 62 days, forwards", () => {
    expect(
      SessionRangeQuerySchema.safeParse({ from: "2026-11-01", to: "2027-01-02" }).success,
    ).toBe(true);
    expect(
      SessionRangeQuerySchema.safeParse({ from: "2026-11-01", to: "2027-01-03" }).success,
    ).toBe(false);
    expect(
      SessionRangeQuerySchema.safeParse({ from: "2026-11-02", to: "2026-11-01" }).success,
    ).toBe(false);
  });
});
