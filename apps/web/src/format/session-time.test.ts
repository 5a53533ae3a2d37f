import { describe, expect, it } from "vitest";
import {
  formatClock,
  formatDayHeading,
  formatDuration,
  formatHours,
  formatSessionWhen,
  formatTimeRange,
  formatWeekdays,
  zoneAbbreviation,
} from "./session-time";

describe("session times for people", () => {
  it("shows a time range in the viewer's zone with the zone's abbreviation", () => {
    const start = "2026-11-23T23:00:00Z";
    const end = "2026-11-24T02:00:00Z";
    expect(formatTimeRange(start, end, "America/New_York")).toBe("6:00 PM–9:00 PM EST");
    expect(formatTimeRange(start, end, "America/Los_Angeles")).toBe("3:00 PM–6:00 PM PST");
  });

  it("names daylight time in summer and standard time in winter", () => {
    expect(zoneAbbreviation("2026-07-01T12:00:00Z", "America/New_York")).toBe("EDT");
    expect(zoneAbbreviation("2026-01-01T12:00:00Z", "America/New_York")).toBe("EST");
  });

  it("writes a day heading with weekday and date, without shifting the date", () => {
    expect(formatDayHeading("2026-11-23")).toBe("Monday, November 23");
  });

  it("puts a session on the day it falls on in the viewer's zone", () => {
    // 02:30 UTC on the 24th is still the evening of the 23rd in New York.
    expect(
      formatSessionWhen("2026-11-24T02:30:00Z", "2026-11-24T03:00:00Z", "America/New_York"),
    ).toBe("Monday, November 23, 9:30 PM–10:00 PM EST");
    expect(formatClock("2026-11-24T02:30:00Z", "Europe/London")).toBe("2:30 AM");
  });

  it("says days, hours and durations the way people say them", () => {
    expect(formatWeekdays(["TH", "MO", "WE"])).toBe("Mon, Wed, Thu");
    expect(formatHours(6)).toBe("6 hours");
    expect(formatHours(10.5)).toBe("10.5 hours");
    expect(formatHours(1)).toBe("1 hour");
    expect(formatDuration(50)).toBe("50 minutes");
    expect(formatDuration(60)).toBe("1 hour");
    expect(formatDuration(90)).toBe("1 hour 30 minutes");
  });
});
