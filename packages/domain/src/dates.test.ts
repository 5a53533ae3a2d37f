import { describe, expect, it } from "vitest";
import { CohortInputSchema } from "./cohorts";
import {
  BoundedInstantSchema,
  daysBetween,
  IsoDateSchema,
  isIanaTimeZone,
  isInstantInRange,
  isoDateInZone,
  minutesOfDay,
  TimeOfDaySchema,
  TimeZoneSchema,
} from "./dates";

describe("isIanaTimeZone", () => {
  it.each(["America/New_York", "America/Los_Angeles", "Europe/London", "Etc/GMT+5", "UTC"])(
    "accepts %s",
    (zone) => {
      expect(isIanaTimeZone(zone)).toBe(true);
    },
  );

  it.each(["Mars/Olympus", "+05:00", "-0800", "EST", "", " UTC", "America/New_York ", "Nowhere"])(
    "refuses %j",
    (zone) => {
      expect(isIanaTimeZone(zone)).toBe(false);
    },
  );
});

describe("TimeZoneSchema", () => {
  it("refuses a zone that is not text", () => {
    const result = TimeZoneSchema.safeParse(5);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      "Time zone must be text such as America/New_York.",
    );
  });

  it("refuses an unknown zone with a message naming the expected form", () => {
    expect(TimeZoneSchema.safeParse("Mars/Olympus").error?.issues[0]?.message).toBe(
      "Use an IANA time zone such as America/New_York.",
    );
  });
});

describe("TimeOfDaySchema", () => {
  it.each(["00:00", "07:00", "12:59", "23:59"])("accepts %s", (time) => {
    expect(TimeOfDaySchema.safeParse(time).success).toBe(true);
  });

  it.each(["24:00", "7:00", "12:60", "23:5", "18:00:00", "", "noon", " 18:00"])(
    "refuses %j",
    (time) => {
      expect(TimeOfDaySchema.safeParse(time).success).toBe(false);
    },
  );
});

describe("IsoDateSchema", () => {
  it("accepts a calendar date and refuses an impossible one", () => {
    expect(IsoDateSchema.safeParse("2028-02-29").success).toBe(true);
    expect(IsoDateSchema.safeParse("2026-02-30").success).toBe(false);
    expect(IsoDateSchema.safeParse("2026-1-5").success).toBe(false);
  });
});

describe("minutesOfDay", () => {
  it("counts minutes since midnight", () => {
    expect(minutesOfDay("00:00")).toBe(0);
    expect(minutesOfDay("00:01")).toBe(1);
    expect(minutesOfDay("18:30")).toBe(1110);
    expect(minutesOfDay("23:59")).toBe(1439);
  });
});

describe("isoDateInZone", () => {
  it("puts 03:30 UTC on the spring-forward day on the previous evening in Los Angeles", () => {
    expect(isoDateInZone(new Date("2026-03-08T03:30:00Z"), "America/Los_Angeles")).toBe(
      "2026-03-07",
    );
  });

  it("gives the UTC date for the same instant in UTC", () => {
    expect(isoDateInZone(new Date("2026-03-08T03:30:00Z"), "UTC")).toBe("2026-03-08");
  });

  it("moves to the next day in Los Angeles at local midnight, after the clocks changed", () => {
    // 2026-03-09 00:00 PDT (UTC-7) is 07:00 UTC.
    expect(isoDateInZone(new Date("2026-03-09T06:59:59Z"), "America/Los_Angeles")).toBe(
      "2026-03-08",
    );
    expect(isoDateInZone(new Date("2026-03-09T07:00:00Z"), "America/Los_Angeles")).toBe(
      "2026-03-09",
    );
  });

  it("is already tomorrow east of UTC", () => {
    expect(isoDateInZone(new Date("2026-12-31T20:00:00Z"), "Asia/Tokyo")).toBe("2027-01-01");
  });
});

describe("date ranges", () => {
  it.each(["0000-01-01", "1970-01-01", "1999-12-31", "2101-01-01", "9999-12-31"])(
    "refuses %s as outside the years Bridgeway accepts",
    (date) => {
      const result = IsoDateSchema.safeParse(date);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/between 2000-01-01 and 2100-12-31/);
    },
  );

  it.each(["2000-01-01", "2026-12-06", "2100-12-31"])("accepts %s", (date) => {
    expect(IsoDateSchema.safeParse(date).success).toBe(true);
  });

  it.each(["1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z"])(
    "refuses the instant %s",
    (instant) => {
      expect(BoundedInstantSchema.safeParse(instant).success).toBe(false);
    },
  );

  it("accepts an instant with an offset in range", () => {
    expect(BoundedInstantSchema.safeParse("2026-11-24T18:00:00-05:00").success).toBe(true);
    expect(isInstantInRange(new Date("2100-12-31T23:59:59Z"))).toBe(true);
  });

  it("counts days between dates", () => {
    expect(daysBetween("2026-01-01", "2026-12-31")).toBe(364);
    expect(daysBetween("2026-03-01", "2026-02-28")).toBe(-1);
  });
});

describe("cohort span", () => {
  it("refuses a cohort running longer than two years, naming endsOn", () => {
    const result = CohortInputSchema.safeParse({
      programId: "6f1c1c9e-1d1a-4b55-9a53-6f0d2d8e9c11",
      name: "Evening",
      timeZone: "America/New_York",
      startsOn: "2000-01-03",
      endsOn: "2026-03-01",
      weeklyPattern: { days: ["MO"], startTime: "18:00", endTime: "21:00" },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["endsOn"]);
  });
});
