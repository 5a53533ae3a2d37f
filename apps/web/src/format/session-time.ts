import { LOCALE_TAGS, WEEKDAYS, type Locale, type Weekday } from "@bridgeway/domain";
import { activeLocale, i18n } from "../i18n/i18n";

// Every helper takes a trailing `locale`, the app's active language unless told otherwise.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  locale: Locale,
  key: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const cacheKey = `${locale}:${key}`;
  let found = formatters.get(cacheKey);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALE_TAGS[locale], options);
    formatters.set(cacheKey, found);
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
export function formatClock(
  instant: string | number | Date,
  timeZone: string,
  locale: Locale = activeLocale(),
): string {
  return plainSpaces(
    formatter(locale, `clock:${timeZone}`, { hour: "numeric", minute: "2-digit", timeZone }).format(
      toMs(instant),
    ),
  );
}

/** "EST", "EDT", "PST", "GMT+1": the zone's short name at that instant. */
export function zoneAbbreviation(
  instant: string | number | Date,
  timeZone: string,
  locale: Locale = activeLocale(),
): string {
  const part = formatter(locale, `abbr:${timeZone}`, { timeZone, timeZoneName: "short" })
    .formatToParts(toMs(instant))
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** "6:00 PM–9:00 PM EST", in `timeZone`, named by the zone's abbreviation at the start. */
export function formatTimeRange(
  startsAt: string | number | Date,
  endsAt: string | number | Date,
  timeZone: string,
  locale: Locale = activeLocale(),
): string {
  return `${formatClock(startsAt, timeZone, locale)}–${formatClock(endsAt, timeZone, locale)} ${zoneAbbreviation(startsAt, timeZone, locale)}`;
}

function dateAsUtc(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`);
}

/** "Monday, November 23" for a calendar date, never shifted into another zone. */
export function formatDayHeading(isoDate: string, locale: Locale = activeLocale()): string {
  return formatter(locale, "day-heading", {
    weekday: "long",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  }).format(dateAsUtc(isoDate));
}

/** "Mon, Nov 23" for a calendar date. */
export function formatShortDay(isoDate: string, locale: Locale = activeLocale()): string {
  return formatter(locale, "short-day", {
    weekday: "short",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(dateAsUtc(isoDate));
}

/** "Monday, November 23, 6:00 PM–9:00 PM EST": a session's day and time in `timeZone`. */
export function formatSessionWhen(
  startsAt: string,
  endsAt: string,
  timeZone: string,
  locale: Locale = activeLocale(),
): string {
  const day = formatter(locale, `when-day:${timeZone}`, {
    weekday: "long",
    month: "long",
    day: "numeric",
    timeZone,
  }).format(Date.parse(startsAt));
  return `${day}, ${formatTimeRange(startsAt, endsAt, timeZone, locale)}`;
}

/** "November 23, 2026 at 4:12 PM EST": when something happened, for the record. */
export function formatMoment(
  instant: string | number | Date,
  timeZone: string,
  locale: Locale = activeLocale(),
): string {
  const day = formatter(locale, `moment:${timeZone}`, { dateStyle: "long", timeZone }).format(
    toMs(instant),
  );
  return i18n.t("format.moment", {
    lng: locale,
    day,
    time: formatClock(instant, timeZone, locale),
    zone: zoneAbbreviation(instant, timeZone, locale),
  });
}

/** A Monday (2024-01-01), from which each weekday's name is read in any language. */
const WEEKDAY_DATES: Record<Weekday, number> = Object.fromEntries(
  WEEKDAYS.map((day, index) => [day, Date.UTC(2024, 0, 1 + index)]),
) as Record<Weekday, number>;

/** "Monday", "lunes" */
export function weekdayName(day: Weekday, locale: Locale = activeLocale()): string {
  return formatter(locale, "weekday", { weekday: "long", timeZone: "UTC" }).format(
    WEEKDAY_DATES[day],
  );
}

/** "Mon, Wed, Thu" ("lun, mié, jue") for attendance days, in calendar order. */
export function formatWeekdays(days: readonly Weekday[], locale: Locale = activeLocale()): string {
  const short = formatter(locale, "weekday-short", { weekday: "short", timeZone: "UTC" });
  return WEEKDAYS.filter((d) => days.includes(d))
    .map((d) => short.format(WEEKDAY_DATES[d]).replace(/\.$/, ""))
    .join(", ");
}

function formatUnit(value: number, unit: "hour" | "minute", locale: Locale): string {
  return new Intl.NumberFormat(LOCALE_TAGS[locale], {
    style: "unit",
    unit,
    unitDisplay: "long",
    maximumFractionDigits: 1,
  }).format(value);
}

/** "6 hours", "1 hour", "10.5 hours" ("10.5 horas") */
export function formatHours(hours: number, locale: Locale = activeLocale()): string {
  return formatUnit(Math.round(hours * 10) / 10, "hour", locale);
}

/** "50 minutes", "1 hour", "1 hour 30 minutes" ("1 hora 30 minutos") */
export function formatDuration(minutes: number, locale: Locale = activeLocale()): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(formatUnit(hours, "hour", locale));
  if (rest > 0 || hours === 0) parts.push(formatUnit(rest, "minute", locale));
  return parts.join(" ");
}
