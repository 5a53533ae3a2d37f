import { MAX_ATTENDANCE_RANGE_DAYS } from "@bridgeway/domain";
import { describe, expect, it } from "vitest";
import {
  currentWeek,
  rangeDays,
  rangeFromSearch,
  rangeProblems,
  shiftRange,
} from "./attendance-range";

describe("attendance date ranges", () => {
  it("starts with this week, Monday to Sunday", () => {
    // Wednesday 2 December 2026: the week of 30 November to 6 December.
    expect(currentWeek("2026-12-02")).toEqual({ from: "2026-11-30", to: "2026-12-06" });
    // A Monday starts its own week; a Sunday still belongs to the week before.
    expect(currentWeek("2026-11-30")).toEqual({ from: "2026-11-30", to: "2026-12-06" });
    expect(currentWeek("2026-11-29")).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    // Across a year's end.
    expect(currentWeek("2027-01-01")).toEqual({ from: "2026-12-28", to: "2027-01-03" });
  });

  it("counts days with both ends included, across daylight-saving changes", () => {
    expect(rangeDays({ from: "2026-11-23", to: "2026-11-29" })).toBe(7);
    expect(rangeDays({ from: "2026-11-23", to: "2026-11-23" })).toBe(1);
    expect(rangeDays({ from: "2026-10-26", to: "2026-11-08" })).toBe(14);
  });

  it("moves a range by whole days, keeping its length", () => {
    const week = { from: "2026-11-23", to: "2026-11-29" };
    expect(shiftRange(week, -7)).toEqual({ from: "2026-11-16", to: "2026-11-22" });
    expect(shiftRange(week, 7)).toEqual({ from: "2026-11-30", to: "2026-12-06" });
    expect(shiftRange({ from: "2026-11-01", to: "2026-11-10" }, 10)).toEqual({
      from: "2026-11-11",
      to: "2026-11-20",
    });
  });

  it("checks a range before asking for it, keyed like the API's errors", () => {
    expect(rangeProblems({ from: "2026-11-23", to: "2026-11-29" })).toEqual({});
    expect(rangeProblems({ from: "", to: "2026-13-01" })).toEqual({
      from: "Choose a start date.",
      to: "Choose an end date.",
    });
    expect(rangeProblems({ from: "2026-11-29", to: "2026-11-23" })).toEqual({
      to: "The end date comes before the start.",
    });
  });

  it(`allows at most ${MAX_ATTENDANCE_RANGE_DAYS} days, both ends included, like the server`, () => {
    expect(MAX_ATTENDANCE_RANGE_DAYS).toBe(92);
    // 1 September to 1 December is 92 days; one more is too many.
    expect(rangeProblems({ from: "2026-09-01", to: "2026-12-01" })).toEqual({});
    expect(rangeProblems({ from: "2026-09-01", to: "2026-12-02" })).toEqual({
      to: "Choose at most 92 days.",
    });
  });

  it("reads a valid range from the page's address and ignores anything else", () => {
    const search = (query: string) => rangeFromSearch(new URLSearchParams(query));
    expect(search("from=2026-11-02&to=2026-11-15")).toEqual({
      from: "2026-11-02",
      to: "2026-11-15",
    });
    expect(search("from=2026-11-02")).toBeNull();
    expect(search("from=2026-11-15&to=2026-11-02")).toBeNull();
    expect(search("from=yesterday&to=2026-11-02")).toBeNull();
    expect(search("")).toBeNull();
  });
});
