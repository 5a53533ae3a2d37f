import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  CohortInputSchema,
  DEFAULT_COHORT_CAPACITY,
  describeWeeklyPattern,
  MAX_COHORT_CAPACITY,
  patternDurationMinutes,
  patternWeeklyHours,
  WeeklyPatternSchema,
  weeklyPatternToRRule,
  type WeeklyPattern,
} from "./cohorts";

/** The paths of every issue, joined with dots, so a test can say which field was named. */
function issuePaths(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
}

const eveningTrack: WeeklyPattern = {
  days: ["MO", "WE", "TH"],
  startTime: "18:00",
  endTime: "21:00",
};

const validCohort = {
  programId: "3f1c2a4e-8b7d-4c1a-9e2f-5a6b7c8d9e0f",
  name: "Adult mental health, evening track",
  timeZone: "America/New_York",
  capacity: 10,
  startsOn: "2026-01-05",
  endsOn: "2026-03-27",
  weeklyPattern: eveningTrack,
};

describe("WeeklyPatternSchema", () => {
  it("accepts Mon/Wed/Thu 18:00-21:00", () => {
    expect(WeeklyPatternSchema.parse(eveningTrack)).toEqual(eveningTrack);
  });

  it("refuses a pattern with no days, naming days", () => {
    const result = WeeklyPatternSchema.safeParse({ ...eveningTrack, days: [] });
    expect(result.success).toBe(false);
    expect(issuePaths(result)).toContain("days");
  });

  it("refuses a day given twice", () => {
    const result = WeeklyPatternSchema.safeParse({ ...eveningTrack, days: ["MO", "WE", "MO"] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Each day may appear once.");
    expect(issuePaths(result)).toEqual(["days"]);
  });

  it("refuses a day name it does not know", () => {
    const result = WeeklyPatternSchema.safeParse({ ...eveningTrack, days: ["MO", "Monday"] });
    expect(issuePaths(result)).toEqual(["days.1"]);
  });

  it("refuses an end time before the start time, naming endTime", () => {
    const result = WeeklyPatternSchema.safeParse({
      ...eveningTrack,
      startTime: "18:00",
      endTime: "17:59",
    });
    expect(result.success).toBe(false);
    expect(issuePaths(result)).toEqual(["endTime"]);
    expect(result.error?.issues[0]?.message).toBe("The end time must be after the start time.");
  });

  it("refuses an end time equal to the start time, naming endTime", () => {
    const result = WeeklyPatternSchema.safeParse({
      ...eveningTrack,
      startTime: "18:00",
      endTime: "18:00",
    });
    expect(issuePaths(result)).toEqual(["endTime"]);
  });

  it("accepts a meeting one minute long", () => {
    expect(
      WeeklyPatternSchema.safeParse({ ...eveningTrack, startTime: "18:00", endTime: "18:01" })
        .success,
    ).toBe(true);
  });
});

describe("CohortInputSchema", () => {
  it("accepts a complete cohort", () => {
    expect(CohortInputSchema.parse(validCohort)).toEqual(validCohort);
  });

  it("gives a cohort without a capacity the usual group size of 12", () => {
    const { capacity: _omitted, ...withoutCapacity } = validCohort;
    const parsed = CohortInputSchema.parse(withoutCapacity);
    expect(parsed.capacity).toBe(12);
    expect(DEFAULT_COHORT_CAPACITY).toBe(12);
  });

  it.each(["Mars/Olympus", "+05:00", "EST", "", " America/New_York", "New York"])(
    "refuses the time zone %j, naming timeZone",
    (timeZone) => {
      const result = CohortInputSchema.safeParse({ ...validCohort, timeZone });
      expect(result.success).toBe(false);
      expect(issuePaths(result)).toEqual(["timeZone"]);
    },
  );

  it("refuses an end date before the start date, naming endsOn", () => {
    const result = CohortInputSchema.safeParse({
      ...validCohort,
      startsOn: "2026-03-01",
      endsOn: "2026-02-28",
    });
    expect(result.success).toBe(false);
    expect(issuePaths(result)).toEqual(["endsOn"]);
  });

  it("accepts a cohort that starts and ends on the same day", () => {
    const result = CohortInputSchema.safeParse({
      ...validCohort,
      startsOn: "2026-03-01",
      endsOn: "2026-03-01",
    });
    expect(result.success).toBe(true);
  });

  it("refuses a date that is not YYYY-MM-DD, naming it", () => {
    const result = CohortInputSchema.safeParse({ ...validCohort, startsOn: "01/05/2026" });
    expect(issuePaths(result)).toEqual(["startsOn"]);
  });

  it.each([0, -1, MAX_COHORT_CAPACITY + 1, 10000, 2.5])(
    "refuses a capacity of %d, naming capacity",
    (capacity) => {
      const result = CohortInputSchema.safeParse({ ...validCohort, capacity });
      expect(result.success).toBe(false);
      expect(issuePaths(result)).toEqual(["capacity"]);
    },
  );

  it("accepts capacities from 1 to the 30 of a multi-family group", () => {
    expect(CohortInputSchema.safeParse({ ...validCohort, capacity: 1 }).success).toBe(true);
    expect(CohortInputSchema.safeParse({ ...validCohort, capacity: 30 }).success).toBe(true);
    expect(MAX_COHORT_CAPACITY).toBe(30);
  });

  it("refuses a field it does not know", () => {
    const result = CohortInputSchema.safeParse({ ...validCohort, facilitatorNotes: "x" });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.code).toBe("unrecognized_keys");
    expect(issue?.code === "unrecognized_keys" ? issue.keys : []).toEqual(["facilitatorNotes"]);
  });

  it("refuses a name of only spaces", () => {
    const result = CohortInputSchema.safeParse({ ...validCohort, name: "   " });
    expect(issuePaths(result)).toEqual(["name"]);
  });

  it("names the nested field of a bad weekly pattern", () => {
    const result = CohortInputSchema.safeParse({
      ...validCohort,
      weeklyPattern: { ...eveningTrack, endTime: "17:00" },
    });
    expect(issuePaths(result)).toEqual(["weeklyPattern.endTime"]);
  });
});

describe("weeklyPatternToRRule", () => {
  it("writes the evening track as an exact weekly rule", () => {
    expect(weeklyPatternToRRule(eveningTrack)).toBe(
      "FREQ=WEEKLY;BYDAY=MO,WE,TH;BYHOUR=18;BYMINUTE=0;BYSECOND=0",
    );
  });

  it("writes the days in calendar order whatever order they were chosen in", () => {
    const shuffled: WeeklyPattern = { ...eveningTrack, days: ["TH", "MO", "WE"] };
    expect(weeklyPatternToRRule(shuffled)).toBe(weeklyPatternToRRule(eveningTrack));
    expect(
      weeklyPatternToRRule({ days: ["SU", "SA", "MO"], startTime: "09:30", endTime: "12:00" }),
    ).toBe("FREQ=WEEKLY;BYDAY=MO,SA,SU;BYHOUR=9;BYMINUTE=30;BYSECOND=0");
  });

  it("writes midnight starts as hour 0", () => {
    expect(weeklyPatternToRRule({ days: ["FR"], startTime: "00:05", endTime: "01:00" })).toBe(
      "FREQ=WEEKLY;BYDAY=FR;BYHOUR=0;BYMINUTE=5;BYSECOND=0",
    );
  });
});

describe("describeWeeklyPattern", () => {
  it("says the days in calendar order with the times", () => {
    expect(describeWeeklyPattern({ ...eveningTrack, days: ["TH", "WE", "MO"] })).toBe(
      "Mon, Wed, Thu 18:00-21:00",
    );
  });

  it("describes a single day", () => {
    expect(describeWeeklyPattern({ days: ["SA"], startTime: "09:00", endTime: "12:30" })).toBe(
      "Sat 09:00-12:30",
    );
  });
});

describe("pattern hours", () => {
  it("counts Mon/Wed/Thu 18:00-21:00 as 9 hours a week", () => {
    expect(patternWeeklyHours(eveningTrack)).toBe(9);
  });

  it("counts 3 hours 30 minutes a meeting as 210 minutes", () => {
    const pattern: WeeklyPattern = {
      days: ["MO", "TU", "TH", "FR"],
      startTime: "09:00",
      endTime: "12:30",
    };
    expect(patternDurationMinutes(pattern)).toBe(210);
    expect(patternWeeklyHours(pattern)).toBe(14);
  });
});
