import { addDaysToDate, isoDateInZone, weekdayOf, type IsoDate } from "@bridgeway/domain";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: creating them is slow, and forms convert on every keystroke. */
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

function wallClockAt(instantMs: number, timeZone: string): WallClock & { second: number } {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instantMs)) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 1970,
    month: values.month ?? 1,
    day: values.day ?? 1,
    hour: values.hour ?? 0,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

/** Minutes `timeZone` is ahead of UTC at `instantMs` (New York in winter: -300). */
export function offsetMinutesAt(instantMs: number, timeZone: string): number {
  const wall = wallClockAt(instantMs, timeZone);
  const wallAsUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  );
  // Intl works in whole seconds; compare against the instant truncated the same way.
  return Math.round((wallAsUtc - Math.floor(instantMs / 1000) * 1000) / MINUTE_MS);
}

/** "-05:00", "+01:00", "+00:00" */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const absolute = Math.abs(offsetMinutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, "0");
  const minutes = String(absolute % 60).padStart(2, "0");
  return `${sign}${hours}:${minutes}`;
}

const pad = (value: number, length = 2) => String(value).padStart(length, "0");

function parseDate(date: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function parseTime(time: string): { hour: number; minute: number } | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/.exec(time);
  if (!match) return null;
  return { hour: Number(match[1]), minute: Number(match[2]) };
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
  const d = parseDate(date);
  const t = parseTime(time);
  if (!d || !t) return null;
  const wallAsUtc = Date.UTC(d.year, d.month - 1, d.day, t.hour, t.minute);
  if (Number.isNaN(wallAsUtc)) return null;

  // Zones change offset at most once around any given day, so the offsets a day either side
  // are the only candidates.
  const before = offsetMinutesAt(wallAsUtc - DAY_MS, timeZone);
  const after = offsetMinutesAt(wallAsUtc + DAY_MS, timeZone);
  const valid = [...new Set([before, after])]
    .map((offset) => wallAsUtc - offset * MINUTE_MS)
    .filter((instant) => offsetMinutesAt(instant, timeZone) * MINUTE_MS === wallAsUtc - instant)
    .sort((a, b) => a - b);
  // No candidate fits: the time was skipped. Reading it with the offset in force before the
  // change lands just as far after the change as the time was after the start of the gap.
  const instant = valid[0] ?? wallAsUtc - before * MINUTE_MS;
  return formatInstantInZone(instant, timeZone);
}

/** `instantMs` as ISO wall-clock time in `timeZone` with that zone's offset. */
export function formatInstantInZone(instantMs: number, timeZone: string): string {
  const wall = wallClockAt(instantMs, timeZone);
  const offset = formatOffset(offsetMinutesAt(instantMs, timeZone));
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${offset}`;
}

/** The wall-clock date and time (`HH:MM`) of an instant in `timeZone`, for a form's defaults. */
export function instantToLocal(
  instant: string | number,
  timeZone: string,
): { date: IsoDate; time: string } {
  const ms = typeof instant === "number" ? instant : Date.parse(instant);
  const wall = wallClockAt(ms, timeZone);
  return {
    date: `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`,
    time: `${pad(wall.hour)}:${pad(wall.minute)}`,
  };
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
