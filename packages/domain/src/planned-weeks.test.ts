import { describe, expect, it } from "vitest";
import {
  isHolidayCancellation,
  phaseOutlook,
  plannedWeeks,
  type PlannedSession,
  type PlannedWeeksInput,
} from "./planned-weeks";

const zone = "America/New_York";
// Evening track: Mon, Wed, Thu 18:00–21:00 New York time (23:00–02:00 UTC in winter).
const pattern = { days: ["MO", "WE", "TH"] as const, startTime: "18:00", endTime: "21:00" };
const meeting = (date: string, extra: Partial<PlannedSession> = {}): PlannedSession => ({
  startsAt: new Date(`${date}T23:00:00Z`),
  endsAt: new Date(`${addDay(date)}T02:00:00Z`),
  status: "SCHEDULED",
  cancelReason: null,
  ...extra,
});
function addDay(date: string) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
const fourDays = { phase: 4 as const, days: ["MO", "WE", "TH"] as const };

function input(over: Partial<PlannedWeeksInput>): PlannedWeeksInput {
  return {
    startsOn: "2026-11-30",
    lastDay: "2026-12-20",
    timeZone: zone,
    phases: [{ ...fourDays, days: [...fourDays.days], effectiveFrom: "2026-11-30" }],
    sessions: [],
    storedUntil: "2026-11-30",
    patternEndsOn: "2027-06-30",
    pattern: { ...pattern, days: [...pattern.days] },
    ...over,
  };
}

describe("planned hours for each week of an enrolment", () => {
  it("lists every week from the start, so an enrolment starting next week is not shown as 0 hours", () => {
    const sessions = ["2026-11-30", "2026-12-02", "2026-12-03", "2026-12-07", "2026-12-09"].map(
      (d) => meeting(d),
    );
    const weeks = plannedWeeks(input({ sessions, storedUntil: "2026-12-10" }));
    expect(weeks.map((w) => [w.weekStart, w.plannedHours, w.status])).toEqual([
      ["2026-11-30", 9, "within-range"],
      // Thursday 10th is beyond the stored horizon: the pattern stands in for it.
      ["2026-12-07", 9, "within-range"],
      ["2026-12-14", 9, "within-range"],
    ]);
  });

  it("counts a session on the clinic's date, not the UTC date it falls on", () => {
    // Sunday 20:00 in New York is Monday 01:00 UTC: it belongs to the week before.
    const late = {
      startsAt: new Date("2026-12-07T01:00:00Z"),
      endsAt: new Date("2026-12-07T02:00:00Z"),
      status: "SCHEDULED" as const,
      cancelReason: null,
    };
    const weeks = plannedWeeks(input({ sessions: [late], storedUntil: "2026-12-21" }));
    expect(weeks[0]?.plannedHours).toBe(1);
    expect(weeks[1]?.plannedHours).toBe(0);
  });

  it("flags a week weeks ahead that drops below 9 hours after a step-down, with the reason", () => {
    const weeks = plannedWeeks(
      input({
        storedUntil: "2026-11-30",
        patternEndsOn: "2027-06-30",
        phases: [
          { phase: 4, days: ["MO", "WE", "TH"], effectiveFrom: "2026-11-30" },
          { phase: 2, days: ["MO", "WE"], effectiveFrom: "2026-12-14" },
        ],
      }),
    );
    expect(weeks.map((w) => [w.plannedHours, w.status, w.reasons])).toEqual([
      [9, "within-range", []],
      [9, "within-range", []],
      [6, "below-minimum", ["step-down"]],
    ]);
  });

  it("names cancellations and holidays apart", () => {
    const sessions = [
      meeting("2026-11-30", { status: "CANCELLED", cancelReason: "Facilitator unwell" }),
      meeting("2026-12-02"),
      meeting("2026-12-03"),
      meeting("2026-12-07"),
      meeting("2026-12-09"),
      meeting("2026-12-10", { status: "CANCELLED", cancelReason: "Thanksgiving week" }),
      meeting("2026-12-14"),
      meeting("2026-12-16"),
      meeting("2026-12-17"),
    ];
    const weeks = plannedWeeks(input({ sessions, storedUntil: "2026-12-21" }));
    expect(weeks.map((w) => [w.plannedHours, w.reasons])).toEqual([
      [6, ["cancellations"]],
      [6, ["holidays"]],
      [9, []],
    ]);
  });

  it("does not blame a short week on an end that cuts off no meeting day", () => {
    // Ends Friday: the weekend has no meetings, so the week is not partial.
    const weeks = plannedWeeks(input({ lastDay: "2026-12-18", patternEndsOn: "2026-12-13" }));
    expect(weeks[2]).toMatchObject({ plannedHours: 0, reasons: [] });
  });

  it("says a short first or last week is partial", () => {
    const weeks = plannedWeeks(input({ startsOn: "2026-12-02", lastDay: "2026-12-07" }));
    expect(weeks.map((w) => [w.weekStart, w.plannedHours, w.reasons])).toEqual([
      ["2026-11-30", 6, ["partial-week"]],
      ["2026-12-07", 3, ["partial-week"]],
    ]);
  });

  it("projects no meetings past the cohort's end, so later weeks show only what is booked", () => {
    const weeks = plannedWeeks(input({ patternEndsOn: "2026-12-06" }));
    expect(weeks.map((w) => [w.plannedHours, w.status])).toEqual([
      [9, "within-range"],
      [0, "below-minimum"],
      [0, "below-minimum"],
    ]);
  });

  it("ignores sessions outside the enrolment and has no weeks for an empty one", () => {
    const weeks = plannedWeeks(input({ sessions: [meeting("2026-11-23")] }));
    expect(weeks[0]?.plannedHours).toBe(9);
    expect(plannedWeeks(input({ startsOn: "2026-12-20", lastDay: "2026-12-19" }))).toEqual([]);
  });

  it("keeps weeks right across the end of daylight saving time", () => {
    // 2026-11-01: New York falls back; 18:00 local is 22:00 UTC before and 23:00 UTC after.
    const before = {
      startsAt: new Date("2026-10-29T22:00:00Z"),
      endsAt: new Date("2026-10-30T01:00:00Z"),
      status: "SCHEDULED" as const,
      cancelReason: null,
    };
    const after = meeting("2026-11-02");
    const weeks = plannedWeeks(
      input({
        startsOn: "2026-10-26",
        lastDay: "2026-11-08",
        phases: [{ phase: 4, days: ["MO", "WE", "TH"], effectiveFrom: "2026-10-26" }],
        sessions: [before, after],
        storedUntil: "2026-11-09",
      }),
    );
    expect(weeks.map((w) => [w.weekStart, w.plannedHours])).toEqual([
      ["2026-10-26", 3],
      ["2026-11-02", 3],
    ]);
  });
});

describe("holiday cancellations", () => {
  it.each([
    ["Thanksgiving week", true],
    ["Clinic closed for the holidays", true],
    ["Christmas Eve", true],
    ["Facilitator unwell", false],
    [null, false],
  ] as const)("reads %s as a holiday: %s", (reason, holiday) => {
    expect(isHolidayCancellation(reason)).toBe(holiday);
  });
});

describe("the phase now and the next change", () => {
  const periods = [
    {
      phase: 4 as const,
      days: ["MO", "WE", "TH"] as ("MO" | "WE" | "TH")[],
      effectiveFrom: "2026-11-02",
    },
    {
      phase: 3 as const,
      days: ["MO", "WE", "TH"] as ("MO" | "WE" | "TH")[],
      effectiveFrom: "2026-12-07",
    },
  ];
  it("keeps the current phase until a scheduled step-down takes effect, and names it next", () => {
    const outlook = phaseOutlook(periods, "2026-12-01");
    expect(outlook.current?.phase).toBe(4);
    expect(outlook.next).toEqual(periods[1]);
  });
  it("has no next change once the step-down is in effect", () => {
    expect(phaseOutlook(periods, "2026-12-07")).toEqual({ current: periods[1], next: undefined });
  });
  it("before the enrolment starts, the first phase is current and the next is the one after it", () => {
    expect(phaseOutlook(periods, "2026-10-01")).toEqual({
      current: periods[0],
      next: periods[1],
    });
  });
});
