import { describe, expect, it } from "vitest";
import {
  describeExpiry,
  formatCalendarDate,
  formatSchedule,
  formatTimeOfDay,
  formatTimeZone,
  phaseLabel,
} from "./format";

describe("formatting for people", () => {
  it("says a phase as days a week", () => {
    expect(phaseLabel(4)).toBe("4 days a week");
    expect(phaseLabel(2)).toBe("2 days a week");
  });

  it("writes a calendar date out in full without shifting it to another day", () => {
    expect(formatCalendarDate("2026-03-02")).toBe("March 2, 2026");
    expect(formatCalendarDate("2026-12-31")).toBe("December 31, 2026");
  });

  it("rewrites a schedule's 24-hour times as 12-hour times", () => {
    expect(formatSchedule("Mon, Wed, Thu 18:00-21:00")).toBe("Mon, Wed, Thu 6:00 PM–9:00 PM");
    expect(formatSchedule("Tue 09:30-12:00")).toBe("Tue 9:30 AM–12:00 PM");
  });

  it("names a time zone the way people say it", () => {
    expect(formatTimeZone("America/New_York")).toBe("Eastern Time");
    expect(formatTimeZone("Not/AZone")).toBe("Not/AZone");
  });

  it("shows a time of day in the viewer's time zone", () => {
    const instant = Date.UTC(2026, 6, 1, 1, 41);
    expect(formatTimeOfDay(instant, "America/New_York")).toBe("9:41 PM");
    expect(formatTimeOfDay(instant, "America/Chicago")).toBe("8:41 PM");
  });

  it("describes how soon a license expires, or how long ago it did", () => {
    expect(describeExpiry(45)).toBe("Expires in 45 days");
    expect(describeExpiry(1)).toBe("Expires tomorrow");
    expect(describeExpiry(0)).toBe("Expires today");
    expect(describeExpiry(-1)).toBe("Expired yesterday");
    expect(describeExpiry(-12)).toBe("Expired 12 days ago");
  });
});
