import { tzOffset } from "@date-fns/tz";
import { isoDateInZone, wallClockToEpochMs, type TimeOfDay } from "@bridgeway/domain";
import rrule from "rrule";

export type PatternOccurrence = {
  /** The local calendar date of the meeting in the cohort's zone. */
  localDate: string;
  startsAt: Date;
  endsAt: Date;
};

/**
 * A wall-clock date and time in a zone, as an instant. A time skipped by daylight saving moves
 * forward by the gap, a repeated one means the first (the domain's `wallClockToEpochMs`, which
 * the web's forms use too, checked against `DST_CASES`), whatever zone the server runs in.
 */
export function wallClockInstant(date: string, time: TimeOfDay, timeZone: string): Date {
  // Null only for a malformed date or time, which validation refuses before this: an invalid Date.
  return new Date(wallClockToEpochMs(date, time, (ms) => tzOffset(timeZone, new Date(ms))) ?? NaN);
}

/**
 * The meetings a weekly pattern gives between two dates (inclusive), as UTC instants. The RRULE
 * is evaluated in floating time (wall-clock days and times, no zone), and each wall-clock start
 * and end is then placed in the cohort's zone, so an 18:00 group stays at 18:00 local on both
 * sides of a daylight-saving change.
 */
export function patternOccurrences(options: {
  recurrenceRule: string;
  startTime: TimeOfDay;
  endTime: TimeOfDay;
  timeZone: string;
  from: string;
  to: string;
}): PatternOccurrence[] {
  if (options.to < options.from) return [];
  const parsed = rrule.RRule.parseString(options.recurrenceRule);
  const rule = new rrule.RRule({
    ...parsed,
    // Floating time: these Date objects carry wall-clock fields in their UTC fields.
    dtstart: new Date(`${options.from}T00:00:00Z`),
    until: new Date(`${options.to}T23:59:59Z`),
  });
  return rule.all().map((floating) => {
    const localDate = floating.toISOString().slice(0, 10);
    return {
      localDate,
      startsAt: wallClockInstant(localDate, options.startTime, options.timeZone),
      endsAt: wallClockInstant(localDate, options.endTime, options.timeZone),
    };
  });
}

/** The local date of an instant in a zone (re-exported for the schedule code's convenience). */
export const localDateOf = (instant: Date, timeZone: string): string =>
  isoDateInZone(instant, timeZone);

/** Start of a local day in a zone, as an instant. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return wallClockInstant(date, "00:00", timeZone);
}
