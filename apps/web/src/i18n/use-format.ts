import { LOCALE_TAGS, type Locale, type Weekday } from "@bridgeway/domain";
import { useMemo } from "react";
import {
  formatCalendarDate,
  formatSchedule,
  formatTimeOfDay,
  formatTimeZone,
} from "../format/format";
import {
  formatClock,
  formatDayHeading,
  formatDuration,
  formatHours,
  formatMoment,
  formatSessionWhen,
  formatShortDay,
  formatTimeRange,
  formatWeekdays,
  weekdayName,
  zoneAbbreviation,
} from "../format/session-time";
import { useLocale } from "./use-locale";

type Instant = string | number | Date;

/** The format helpers bound to one language. */
export function formatHelpers(locale: Locale) {
  return {
    locale,
    /** "1,234.5" / "1234,5" and friends: numbers in the language's style. */
    number: (value: number, options?: Intl.NumberFormatOptions) =>
      new Intl.NumberFormat(LOCALE_TAGS[locale], options).format(value),
    calendarDate: (isoDate: string) => formatCalendarDate(isoDate, locale),
    timeOfDay: (instant: number, timeZone: string) => formatTimeOfDay(instant, timeZone, locale),
    timeZone: (timeZone: string) => formatTimeZone(timeZone, locale),
    schedule: (schedule: string) => formatSchedule(schedule, locale),
    clock: (instant: Instant, timeZone: string) => formatClock(instant, timeZone, locale),
    zoneAbbreviation: (instant: Instant, timeZone: string) =>
      zoneAbbreviation(instant, timeZone, locale),
    timeRange: (startsAt: Instant, endsAt: Instant, timeZone: string) =>
      formatTimeRange(startsAt, endsAt, timeZone, locale),
    dayHeading: (isoDate: string) => formatDayHeading(isoDate, locale),
    shortDay: (isoDate: string) => formatShortDay(isoDate, locale),
    sessionWhen: (startsAt: string, endsAt: string, timeZone: string) =>
      formatSessionWhen(startsAt, endsAt, timeZone, locale),
    moment: (instant: Instant, timeZone: string) => formatMoment(instant, timeZone, locale),
    weekdayName: (day: Weekday) => weekdayName(day, locale),
    weekdays: (days: readonly Weekday[]) => formatWeekdays(days, locale),
    hours: (hours: number) => formatHours(hours, locale),
    duration: (minutes: number) => formatDuration(minutes, locale),
  };
}

export type FormatHelpers = ReturnType<typeof formatHelpers>;

/** Dates, times and numbers in the active language; the component renders again when it changes. */
export function useFormat(): FormatHelpers {
  const locale = useLocale();
  return useMemo(() => formatHelpers(locale), [locale]);
}
