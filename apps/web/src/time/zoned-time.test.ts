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

describe("local date and time to an instant with offset", () => {
  describe("America/New_York, clocks go forward on 2026-03-08", () => {
    const zone = "America/New_York";

    it("keeps 18:00 at 18:00 local on the days either side, with the offset of each", () => {
      expect(convert("2026-03-07", "18:00", zone)).toEqual({
        iso: "2026-03-07T18:00:00-05:00",
        utc: "2026-03-07T23:00:00.000Z",
      });
      expect(convert("2026-03-08", "18:00", zone)).toEqual({
        iso: "2026-03-08T18:00:00-04:00",
        utc: "2026-03-08T22:00:00.000Z",
      });
      expect(convert("2026-03-09", "18:00", zone).iso).toBe("2026-03-09T18:00:00-04:00");
    });

    it("uses standard time just before the change and daylight time just after", () => {
      expect(convert("2026-03-08", "01:59", zone).iso).toBe("2026-03-08T01:59:00-05:00");
      expect(convert("2026-03-08", "03:00", zone).iso).toBe("2026-03-08T03:00:00-04:00");
    });

    it("moves a time in the skipped hour forward by an hour", () => {
      expect(convert("2026-03-08", "02:30", zone)).toEqual({
        iso: "2026-03-08T03:30:00-04:00",
        utc: "2026-03-08T07:30:00.000Z",
      });
    });
  });

  describe("America/New_York, clocks go back on 2026-11-01", () => {
    const zone = "America/New_York";

    it("keeps 18:00 at 18:00 local on the days either side, with the offset of each", () => {
      expect(convert("2026-10-31", "18:00", zone)).toEqual({
        iso: "2026-10-31T18:00:00-04:00",
        utc: "2026-10-31T22:00:00.000Z",
      });
      expect(convert("2026-11-01", "18:00", zone)).toEqual({
        iso: "2026-11-01T18:00:00-05:00",
        utc: "2026-11-01T23:00:00.000Z",
      });
    });

    it("takes the first of the two 01:30s of the repeated hour", () => {
      expect(convert("2026-11-01", "01:30", zone)).toEqual({
        iso: "2026-11-01T01:30:00-04:00",
        utc: "2026-11-01T05:30:00.000Z",
      });
      expect(convert("2026-11-01", "02:00", zone).iso).toBe("2026-11-01T02:00:00-05:00");
    });
  });

  describe("Europe/London, clocks go forward on 2026-03-29", () => {
    const zone = "Europe/London";

    it("keeps 18:00 at 18:00 local on the days either side, with the offset of each", () => {
      expect(convert("2026-03-28", "18:00", zone)).toEqual({
        iso: "2026-03-28T18:00:00+00:00",
        utc: "2026-03-28T18:00:00.000Z",
      });
      expect(convert("2026-03-29", "18:00", zone)).toEqual({
        iso: "2026-03-29T18:00:00+01:00",
        utc: "2026-03-29T17:00:00.000Z",
      });
    });

    it("moves a time in the skipped hour forward by an hour", () => {
      expect(convert("2026-03-29", "00:30", zone).iso).toBe("2026-03-29T00:30:00+00:00");
      expect(convert("2026-03-29", "01:30", zone)).toEqual({
        iso: "2026-03-29T02:30:00+01:00",
        utc: "2026-03-29T01:30:00.000Z",
      });
    });
  });

  describe("Europe/London, clocks go back on 2026-10-25", () => {
    const zone = "Europe/London";

    it("keeps 18:00 at 18:00 local on the days either side, with the offset of each", () => {
      expect(convert("2026-10-24", "18:00", zone)).toEqual({
        iso: "2026-10-24T18:00:00+01:00",
        utc: "2026-10-24T17:00:00.000Z",
      });
      expect(convert("2026-10-25", "18:00", zone)).toEqual({
        iso: "2026-10-25T18:00:00+00:00",
        utc: "2026-10-25T18:00:00.000Z",
      });
    });

    it("takes the first of the two 01:30s of the repeated hour", () => {
      expect(convert("2026-10-25", "01:30", zone)).toEqual({
        iso: "2026-10-25T01:30:00+01:00",
        utc: "2026-10-25T00:30:00.000Z",
      });
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
