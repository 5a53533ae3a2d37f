// The subpath, not the package root: the root also loads TZDate, whose module fills in its
// prototype when loaded, so the bundler cannot drop it from any chunk importing this file; that
// cost 1.2 KB gzipped in the participant home, which imports `todayIn` from here.
import { tzOffset } from "@date-fns/tz/tzOffset";
import {
  addDaysToDate,
  isoDateInZone,
  wallClockToEpochMs,
  weekdayOf,
  type IsoDate,
} from "@bridgeway/domain";

const MINUTE_MS = 60_000;

// A zone's offset at an instant comes from @date-fns/tz, as on the server; the rule for times
// that daylight saving skips or repeats is the domain's `wallClockToEpochMs`, which the server
// uses too. Not `new TZDate(year, month, ..., zone)`: how that reads a skipped or repeated time
// depends on the zone of the machine it runs on, which in a browser is the user's.

/** Minutes `timeZone` is ahead of UTC at `instantMs` (New York in winter: -300). */
export function offsetMinutesAt(instantMs: number, timeZone: string): number {
  return tzOffset(timeZone, new Date(instantMs));
}

/** "-05:00", "+01:00", "+00:00" */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const absolute = Math.abs(offsetMinutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, "0");
  const minutes = String(absolute % 60).padStart(2, "0");
  return `${sign}${hours}:${minutes}`;
}

/**
 * The instant a wall-clock `date` (`YYYY-MM-DD`) and `time` (`HH:MM`) names in `timeZone`, as
 * an ISO string with that zone's offset on that date: `2026-03-09T18:00:00-04:00`.
 *
 * Daylight-saving changes are resolved the way calendars (and `Temporal`'s "compatible" mode)
 * do: a time that does not exist, in the hour skipped in spring, moves forward by the length
 * of the gap (02:30 becomes 03:30); a time that happens twice, in the hour repeated in autumn,
 * means the first of the two. Returns null for a date or time that is not well formed.
 */
export function localDateTimeToInstant(
  date: string,
  time: string,
  timeZone: string,
): string | null {
  const instant = wallClockToEpochMs(date, time, (ms) => offsetMinutesAt(ms, timeZone));
  return instant === null ? null : formatInstantInZone(instant, timeZone);
}

/** `instantMs` as ISO wall-clock time in `timeZone` with that zone's offset. */
export function formatInstantInZone(instantMs: number, timeZone: string): string {
  const offset = offsetMinutesAt(instantMs, timeZone);
  // The zone's wall clock is UTC's moved by its offset (as TZDate keeps it), written to whole
  // seconds as forms and the API write instants: "2026-03-09T18:00:00-04:00".
  const wallClock = new Date(instantMs + offset * MINUTE_MS).toISOString().slice(0, 19);
  return `${wallClock}${formatOffset(offset)}`;
}

/** The wall-clock date and time (`HH:MM`) of an instant in `timeZone`, for a form's defaults. */
export function instantToLocal(
  instant: string | number,
  timeZone: string,
): { date: IsoDate; time: string } {
  const ms = typeof instant === "number" ? instant : Date.parse(instant);
  const local = formatInstantInZone(ms, timeZone);
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** Today's date in `timeZone`. */
export function todayIn(timeZone: string, now: Date): IsoDate {
  return isoDateInZone(now, timeZone);
}

/** The first Monday strictly after `date`: when a step-down usually starts. */
export function nextMondayAfter(date: IsoDate): IsoDate {
  let next = addDaysToDate(date, 1);
  while (weekdayOf(next) !== "MO") next = addDaysToDate(next, 1);
  return next;
}
