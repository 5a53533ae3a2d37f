import {
  DST_CASES,
  TimeOfDaySchema,
  weeklyPatternToRRule,
  type WeeklyPattern,
} from "@bridgeway/domain";
import { describe, expect, it } from "vitest";
import { patternOccurrences, startOfLocalDay, wallClockInstant } from "./pattern-occurrences";

const EVENING: WeeklyPattern = { days: ["MO", "WE", "TH"], startTime: "18:00", endTime: "21:00" };

function meetings(pattern: WeeklyPattern, timeZone: string, from: string, to: string) {
  return patternOccurrences({
    recurrenceRule: weeklyPatternToRRule(pattern),
    startTime: pattern.startTime,
    endTime: pattern.endTime,
    timeZone,
    from,
    to,
  });
}

function localTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
}

describe("meetings from a weekly pattern", () => {
  it("fall on the pattern's days only, within the dates asked for", () => {
    const result = meetings(EVENING, "America/New_York", "2026-11-23", "2026-12-06");
    expect(result.map((m) => m.localDate)).toEqual([
      "2026-11-23",
      "2026-11-25",
      "2026-11-26",
      "2026-11-30",
      "2026-12-02",
      "2026-12-03",
    ]);
  });

  it.each([
    // Spring forward: Sunday 8 March 2026 in the US.
    [
      "America/New_York",
      "2026-03-02",
      "2026-03-13",
      "2026-03-04T23:00:00.000Z",
      "2026-03-09T22:00:00.000Z",
    ],
    // Fall back: Sunday 1 November 2026 in the US.
    [
      "America/New_York",
      "2026-10-26",
      "2026-11-06",
      "2026-10-28T22:00:00.000Z",
      "2026-11-02T23:00:00.000Z",
    ],
    // British Summer Time starts Sunday 29 March 2026.
    [
      "Europe/London",
      "2026-03-23",
      "2026-04-03",
      "2026-03-25T18:00:00.000Z",
      "2026-03-30T17:00:00.000Z",
    ],
    // And ends Sunday 25 October 2026.
    [
      "Europe/London",
      "2026-10-19",
      "2026-10-30",
      "2026-10-21T17:00:00.000Z",
      "2026-10-26T18:00:00.000Z",
    ],
  ])(
    "keep 18:00 local in %s on both sides of a daylight-saving change",
    (zone, from, to, beforeChange, afterChange) => {
      const result = meetings(EVENING, zone, from, to);
      expect(result.length).toBe(6);
      for (const m of result) {
        expect(localTime(m.startsAt, zone)).toMatch(/18:00$/);
        expect(localTime(m.endsAt, zone)).toMatch(/21:00$/);
        expect(m.endsAt.getTime() - m.startsAt.getTime()).toBe(3 * 3_600_000);
      }
      const starts = result.map((m) => m.startsAt.toISOString());
      expect(starts).toContain(beforeChange);
      expect(starts).toContain(afterChange);
    },
  );

  it("place a morning group correctly in a zone ahead of UTC", () => {
    const morning: WeeklyPattern = { days: ["TU"], startTime: "09:30", endTime: "12:30" };
    const [first] = meetings(morning, "Asia/Kolkata", "2026-11-23", "2026-11-29");
    expect(first?.localDate).toBe("2026-11-24");
    expect(first?.startsAt.toISOString()).toBe("2026-11-24T04:00:00.000Z");
  });

  it("give nothing when the end is before the start", () => {
    expect(meetings(EVENING, "America/New_York", "2026-12-01", "2026-11-01")).toEqual([]);
  });

  it("find the start of a local day across an offset", () => {
    expect(startOfLocalDay("2026-11-02", "America/New_York").toISOString()).toBe(
      "2026-11-02T05:00:00.000Z",
    );
    expect(startOfLocalDay("2026-10-31", "America/New_York").toISOString()).toBe(
      "2026-10-31T04:00:00.000Z",
    );
  });
});

/** Runs `check` as if the server's own clock were in `zone` (hosts are not always on UTC). */
function onMachineIn(zone: string, check: () => void) {
  const saved = process.env.TZ;
  process.env.TZ = zone;
  try {
    check();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

describe("a wall-clock time in a cohort's zone, as the instant stored", () => {
  it.each(DST_CASES)(
    "reads $time on $date in $zone ($kind) as $utc",
    ({ date, time, zone, utc }) => {
      expect(wallClockInstant(date, TimeOfDaySchema.parse(time), zone).toISOString()).toBe(utc);
    },
  );

  it.each(["America/Los_Angeles", "Europe/London", "Australia/Sydney", "Asia/Kolkata"])(
    "is the same on a server whose own clock is in %s",
    (machineZone) => {
      onMachineIn(machineZone, () => {
        // The switch took effect, or this test would prove nothing.
        expect(new Date(Date.UTC(2026, 6, 15)).getTimezoneOffset()).not.toBe(0);
        for (const c of DST_CASES) {
          const stored = wallClockInstant(c.date, TimeOfDaySchema.parse(c.time), c.zone);
          expect(stored.toISOString(), `${c.zone} ${c.date} ${c.time}`).toBe(c.utc);
        }
      });
    },
  );
});
