import { DST_CASES } from "@bridgeway/domain";
import { describe, expect, it } from "vitest";
import {
  formatOffset,
  instantToLocal,
  localDateTimeToInstant,
  nextMondayAfter,
  offsetMinutesAt,
} from "./zoned-time";

/** The helper's answer, and the UTC instant it names, which is what the server stores. */
function convert(date: string, time: string, zone: string) {
  const iso = localDateTimeToInstant(date, time, zone);
  return { iso, utc: iso === null ? null : new Date(iso).toISOString() };
}

/** Runs `check` as if the machine's own clock were in `zone`: in a browser, the user's zone. */
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

describe("local date and time to an instant with offset", () => {
  it.each(DST_CASES)(
    "reads $time on $date in $zone ($kind) as $utc, at $offset",
    ({ date, time, zone, utc, offset }) => {
      const { iso, utc: stored } = convert(date, time, zone);
      expect(iso?.slice(-6)).toBe(offset);
      expect(stored).toBe(utc);
    },
  );

  it.each(["America/Los_Angeles", "Europe/London", "Australia/Sydney", "Asia/Kolkata"])(
    "gives the same instants on a machine whose own clock is in %s",
    (machineZone) => {
      onMachineIn(machineZone, () => {
        // The switch took effect, or this test would prove nothing.
        expect(new Date(Date.UTC(2026, 6, 15)).getTimezoneOffset()).toBe(
          -offsetMinutesAt(Date.UTC(2026, 6, 15), machineZone),
        );
        for (const c of DST_CASES) {
          expect(convert(c.date, c.time, c.zone).utc, `${c.zone} ${c.date} ${c.time}`).toBe(c.utc);
        }
      });
    },
  );

  it("keeps a meeting's local time on the form when it is read back", () => {
    const iso = localDateTimeToInstant("2026-03-09", "18:00", "America/New_York");
    expect(iso).toBe("2026-03-09T18:00:00-04:00");
    expect(instantToLocal(iso ?? "", "America/New_York")).toEqual({
      date: "2026-03-09",
      time: "18:00",
    });
  });

  it("handles zones with half-hour offsets and zones without daylight saving", () => {
    expect(convert("2026-07-01", "09:00", "Asia/Kolkata").iso).toBe("2026-07-01T09:00:00+05:30");
    expect(convert("2026-07-01", "09:00", "America/Phoenix").iso).toBe("2026-07-01T09:00:00-07:00");
    expect(convert("2026-07-01", "09:00", "UTC").iso).toBe("2026-07-01T09:00:00+00:00");
  });

  it("answers null for a date or time that is not well formed", () => {
    expect(localDateTimeToInstant("2026-7-1", "09:00", "UTC")).toBeNull();
    expect(localDateTimeToInstant("2026-07-01", "9am", "UTC")).toBeNull();
    expect(localDateTimeToInstant("", "", "UTC")).toBeNull();
  });
});

describe("reading an instant in a zone", () => {
  it("gives the zone's offset at that instant", () => {
    expect(offsetMinutesAt(Date.UTC(2026, 0, 15, 12), "America/New_York")).toBe(-300);
    expect(offsetMinutesAt(Date.UTC(2026, 6, 15, 12), "America/New_York")).toBe(-240);
    expect(offsetMinutesAt(Date.UTC(2026, 6, 15, 12), "Europe/London")).toBe(60);
  });

  it("writes offsets with a sign, hours and minutes", () => {
    expect(formatOffset(-300)).toBe("-05:00");
    expect(formatOffset(330)).toBe("+05:30");
    expect(formatOffset(0)).toBe("+00:00");
  });

  it("gives the wall-clock date and time of an instant, which may be another day than UTC's", () => {
    expect(instantToLocal("2026-11-24T02:30:00Z", "America/New_York")).toEqual({
      date: "2026-11-23",
      time: "21:30",
    });
  });

  it("finds the next Monday strictly after a date", () => {
    expect(nextMondayAfter("2026-11-23")).toBe("2026-11-30"); // a Monday
    expect(nextMondayAfter("2026-11-25")).toBe("2026-11-30");
    expect(nextMondayAfter("2026-11-29")).toBe("2026-11-30"); // a Sunday
  });
});
