import { z } from "zod";

/**
 * The calendar years Bridgeway accepts anywhere (bodies and queries). Everything it schedules,
 * records or reports falls well inside them; a date outside is a mistake or an attack (year 0000
 * made a date loop run for ever; a cohort starting in 1990 generated 13,500 meetings).
 */
export const MIN_ISO_DATE = "2000-01-01";
export const MAX_ISO_DATE = "2100-12-31";
const DATE_RANGE_MESSAGE = `Use a date between ${MIN_ISO_DATE} and ${MAX_ISO_DATE}.`;

/** Whether a `YYYY-MM-DD` date lies in the years Bridgeway accepts. */
export function isDateInRange(date: string): boolean {
  return date >= MIN_ISO_DATE && date <= MAX_ISO_DATE;
}

/** Whether an instant lies in the years Bridgeway accepts (compared in UTC). */
export function isInstantInRange(instant: string | Date): boolean {
  const ms = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  return (
    Number.isFinite(ms) &&
    ms >= Date.parse(`${MIN_ISO_DATE}T00:00:00Z`) &&
    ms < Date.parse(`${MAX_ISO_DATE}T00:00:00Z`) + 86_400_000
  );
}

/**
 * A calendar date with no time and no zone, as `YYYY-MM-DD` (a license expiry, a start date),
 * between MIN_ISO_DATE and MAX_ISO_DATE.
 */
export const IsoDateSchema = z.iso
  .date({ error: "Use a date in the form YYYY-MM-DD.", abort: true })
  .refine(isDateInRange, { error: DATE_RANGE_MESSAGE });
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** An instant with an explicit offset, e.g. 2026-11-24T18:00:00-05:00 or ...Z, in range. */
export const BoundedInstantSchema = z.iso
  .datetime({
    offset: true,
    error: "Use a date and time with its offset, such as 2026-11-24T18:00:00-05:00.",
    abort: true,
  })
  .refine((value) => isInstantInRange(value), { error: DATE_RANGE_MESSAGE });

/** Days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A wall-clock time of day, `HH:MM` in 24-hour form. */
export const TimeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Use a time in the form HH:MM (24-hour)." });
export type TimeOfDay = z.infer<typeof TimeOfDaySchema>;

/** Minutes since midnight for an `HH:MM` time. */
export function minutesOfDay(time: TimeOfDay): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Whether `zone` is an IANA time zone this runtime knows, such as `America/New_York`. */
export function isIanaTimeZone(zone: string): boolean {
  if (zone.trim() !== zone || zone.length === 0) return false;
  try {
    // Throws RangeError for unknown zones; offsets like "+05:00" are refused below.
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    return false;
  }
  return zone === "UTC" || zone.includes("/");
}

export const TimeZoneSchema = z
  .string({ error: "Time zone must be text such as America/New_York." })
  .refine(isIanaTimeZone, { error: "Use an IANA time zone such as America/New_York." });

/** One formatter per time zone: making one costs far more than formatting with it. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (`YYYY-MM-DD`) that `instant` falls on in `timeZone`. */
export function isoDateInZone(instant: Date, timeZone: string): IsoDate {
  let format = dateFormats.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dateFormats.set(timeZone, format);
  }
  return format.format(instant);
}
