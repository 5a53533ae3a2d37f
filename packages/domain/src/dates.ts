import { z } from "zod";

/** A calendar date with no time and no zone, as `YYYY-MM-DD` (a license expiry, a start date). */
export const IsoDateSchema = z.iso.date({ error: "Use a date in the form YYYY-MM-DD." });
export type IsoDate = z.infer<typeof IsoDateSchema>;

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

/** The calendar date (`YYYY-MM-DD`) that `instant` falls on in `timeZone`. */
export function isoDateInZone(instant: Date, timeZone: string): IsoDate {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}
