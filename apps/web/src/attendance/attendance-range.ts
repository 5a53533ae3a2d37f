import {
  addDaysToDate,
  IsoDateSchema,
  MAX_ATTENDANCE_RANGE_DAYS,
  weekStartOf,
} from "@bridgeway/domain";
import type { AttendanceRange } from "../api/attendance-api";

/** Monday to Sunday of the week `today` (YYYY-MM-DD) falls in: the week being attended now. */
export function currentWeek(today: string): AttendanceRange {
  const from = weekStartOf(today);
  return { from, to: addDaysToDate(from, 6) };
}

/** The same length of range, `days` later (or earlier when negative). */
export function shiftRange(range: AttendanceRange, days: number): AttendanceRange {
  return { from: addDaysToDate(range.from, days), to: addDaysToDate(range.to, days) };
}

/** Days in the range, both ends included. */
export function rangeDays(range: AttendanceRange): number {
  return Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1;
}

/**
 * What is wrong with a range before asking for it, keyed like the API's errors (`from`, `to`);
 * empty when it is fine.
 */
export function rangeProblems(range: AttendanceRange): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!IsoDateSchema.safeParse(range.from).success) problems.from = "Choose a start date.";
  if (!IsoDateSchema.safeParse(range.to).success) problems.to = "Choose an end date.";
  if (Object.keys(problems).length > 0) return problems;
  if (range.to < range.from) problems.to = "The end date comes before the start.";
  else if (rangeDays(range) > MAX_ATTENDANCE_RANGE_DAYS) {
    problems.to = `Choose at most ${MAX_ATTENDANCE_RANGE_DAYS} days.`;
  }
  return problems;
}

/** The range in the page's address, when it holds a valid one. */
export function rangeFromSearch(search: URLSearchParams): AttendanceRange | null {
  const from = search.get("from");
  const to = search.get("to");
  if (!from || !to) return null;
  return Object.keys(rangeProblems({ from, to })).length === 0 ? { from, to } : null;
}
