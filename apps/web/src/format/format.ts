import {
  LOCALE_TAGS,
  type CohortFacilitatorRole,
  type CredentialKind,
  type EnrollmentPhase,
  type Locale,
} from "@bridgeway/domain";
import { activeLocale } from "../i18n/i18n";

/** "4 days a week" */
export function phaseLabel(phase: EnrollmentPhase): string {
  return `${phase} days a week`;
}

/**
 * "March 3, 2026" for a calendar date (`YYYY-MM-DD`). A calendar date has no time zone, so it
 * is formatted as itself and never shifted into the viewer's zone.
 */
export function formatCalendarDate(isoDate: string, locale: Locale = activeLocale()): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match.map(Number);
  const instant = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1);
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(instant);
}

/** "9:41 PM" for an instant, in the viewer's time zone. */
export function formatTimeOfDay(
  instant: number,
  timeZone: string,
  locale: Locale = activeLocale(),
): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { timeStyle: "short", timeZone }).format(
    instant,
  );
}

/** "Eastern Time" for `America/New_York`; the zone's own name when Intl has none better. */
export function formatTimeZone(timeZone: string, locale: Locale = activeLocale()): string {
  try {
    const part = new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
      timeZone,
      timeZoneName: "longGeneric",
    })
      .formatToParts(0)
      .find((p) => p.type === "timeZoneName");
    return part?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

function formatWallClock(time: string, locale: Locale): string {
  const [hours, minutes] = time.split(":").map(Number);
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    hour: "numeric",
    minute: "2-digit",
    timeZone: "UTC",
  }).format(Date.UTC(2000, 0, 1, hours ?? 0, minutes ?? 0));
}

const SCHEDULE_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/**
 * "Mon, Wed, Thu 6:00 PM–9:00 PM" from the API's "Mon, Wed, Thu 18:00-21:00". The times are
 * wall-clock times in the cohort's zone, so they are rewritten, never converted.
 */
export function formatSchedule(schedule: string, locale: Locale = activeLocale()): string {
  const days = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { weekday: "short", timeZone: "UTC" });
  return schedule
    .replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/g, (day) =>
      // 2024-01-01 was a Monday; the API writes days in English, a reader sees their own language.
      days.format(Date.UTC(2024, 0, 1 + SCHEDULE_DAYS.indexOf(day))).replace(/\.$/, ""),
    )
    .replace(
      /\b([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)\b/,
      (_match, h1: string, m1: string, h2: string, m2: string) =>
        `${formatWallClock(`${h1}:${m1}`, locale)}–${formatWallClock(`${h2}:${m2}`, locale)}`,
    );
}

/** "Expires in 45 days", "Expires today", "Expired 3 days ago" for a license. */
export function describeExpiry(daysUntilExpiry: number): string {
  if (daysUntilExpiry > 1) return `Expires in ${daysUntilExpiry} days`;
  if (daysUntilExpiry === 1) return "Expires tomorrow";
  if (daysUntilExpiry === 0) return "Expires today";
  if (daysUntilExpiry === -1) return "Expired yesterday";
  return `Expired ${-daysUntilExpiry} days ago`;
}

/** "1 participant", "8 participants" */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

const CREDENTIAL_SHORT: Record<CredentialKind, string> = {
  LPC: "LPC",
  LCSW: "LCSW",
  LMFT: "LMFT",
  PSYD: "PsyD",
  MD: "MD",
  NP: "NP",
  RN: "RN",
};

/** "LCSW", "PsyD": how a credential is written after a name. */
export function credentialShort(credential: CredentialKind): string {
  return CREDENTIAL_SHORT[credential];
}

/** "Lead facilitator" or "Co-facilitator" */
export function facilitatorRoleLabel(role: CohortFacilitatorRole): string {
  return role === "LEAD" ? "Lead facilitator" : "Co-facilitator";
}
