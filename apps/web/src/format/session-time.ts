import { WEEKDAYS, type Weekday } from "@bridgeway/domain";

const LOCALE = "en-US";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALE, options);
    formatters.set(key, found);
  }
  return found;
}

/** Some ICU versions put narrow no-break spaces in times; people and tests expect spaces. */
function plainSpaces(text: string): string {
  return text.replace(/[\u202f\u00a0\u2009]/g, " ");
}

const toMs = (instant: string | number | Date) =>
  typeof instant === "string"
    ? Date.parse(instant)
    : typeof instant === "number"
      ? instant
      : instant.getTime();

/** "5:50 PM" for an instant in `timeZone`. */
export function formatClock(instant: string | number | Date, timeZone: string): string {
  return plainSpaces(
    formatter(`clock:${timeZone}`, { hour: "numeric", minute: "2-digit", timeZone }).format(
      toMs(instant),
    ),
  );
}

/** "EST", "EDT", "PST", "GMT+1": the zone's short name at that instant. */
export function zoneAbbreviation(instant: string | number | Date, timeZone: string): string {
  const part = formatter(`abbr:${timeZone}`, { timeZone, timeZoneName: "short" })
    .formatToParts(toMs(instant))
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** "6:00 PM–9:00 PM EST", in `timeZone`, named by the zone's abbreviation at the start. */
export function formatTimeRange(
  startsAt: string | number | Date,
  endsAt: string | number | Date,
  timeZone: string,
): string {
  return `${formatClock(startsAt, timeZone)}–${formatClock(endsAt, timeZone)} ${zoneAbbreviation(startsAt, timeZone)}`;
}

function dateAsUtc(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`);
}

/** "Monday, November 23" for a calendar date, never shifted into another zone. */
export function formatDayHeading(isoDate: string): string {
  return formatter("day-heading", {
    weekday: "long",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  }).format(dateAsUtc(isoDate));
}

/** "Mon, Nov 23" for a calendar date. */
export function formatShortDay(isoDate: string): string {
  return formatter("short-day", {
    weekday: "short",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(dateAsUtc(isoDate));
}

/** "Monday, November 23, 6:00 PM–9:00 PM EST": a session's day and time in `timeZone`. */
export function formatSessionWhen(startsAt: string, endsAt: string, timeZone: string): string {
  const day = formatter(`when-day:${timeZone}`, {
    weekday: "long",
    month: "long",
    day: "numeric",
    timeZone,
  }).format(Date.parse(startsAt));
  return `${day}, ${formatTimeRange(startsAt, endsAt, timeZone)}`;
}

/** "November 23, 2026 at 4:12 PM EST": when something happened, for the record. */
export function formatMoment(instant: string | number | Date, timeZone: string): string {
  const day = formatter(`moment:${timeZone}`, { dateStyle: "long", timeZone }).format(
    toMs(instant),
  );
  return `${day} at ${formatClock(instant, timeZone)} ${zoneAbbreviation(instant, timeZone)}`;
}

const WEEKDAY_NAMES: Record<Weekday, string> = {
  MO: "Monday",
  TU: "Tuesday",
  WE: "Wednesday",
  TH: "Thursday",
  FR: "Friday",
  SA: "Saturday",
  SU: "Sunday",
};

/** "Monday" */
export function weekdayName(day: Weekday): string {
  return WEEKDAY_NAMES[day];
}

/** "Mon, Wed, Thu" for attendance days, in calendar order. */
export function formatWeekdays(days: readonly Weekday[]): string {
  return WEEKDAYS.filter((d) => days.includes(d))
    .map((d) => WEEKDAY_NAMES[d].slice(0, 3))
    .join(", ");
}

/** "6 hours", "1 hour", "10.5 hours" */
export function formatHours(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return `${rounded} ${rounded === 1 ? "hour" : "hours"}`;
}

/** "50 minutes", "1 hour", "1 hour 30 minutes" */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} ${hours === 1 ? "hour" : "hours"}`);
  if (rest > 0 || hours === 0) parts.push(`${rest} ${rest === 1 ? "minute" : "minutes"}`);
  return parts.join(" ");
}
