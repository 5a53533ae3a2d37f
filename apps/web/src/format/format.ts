import type { CohortFacilitatorRole, CredentialKind, EnrollmentPhase } from "@bridgeway/domain";

const LOCALE = "en-US";

/** "4 days a week" */
export function phaseLabel(phase: EnrollmentPhase): string {
  return `${phase} days a week`;
}

/**
 * "March 3, 2026" for a calendar date (`YYYY-MM-DD`). A calendar date has no time zone, so it
 * is formatted as itself and never shifted into the viewer's zone.
 */
export function formatCalendarDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match.map(Number);
  const instant = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1);
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: "long", timeZone: "UTC" }).format(instant);
}

/** "9:41 PM" for an instant, in the viewer's time zone. */
export function formatTimeOfDay(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeStyle: "short", timeZone }).format(instant);
}

/** "Eastern Time" for `America/New_York`; the zone's own name when Intl has none better. */
export function formatTimeZone(timeZone: string): string {
  try {
    const part = new Intl.DateTimeFormat(LOCALE, { timeZone, timeZoneName: "longGeneric" })
      .formatToParts(0)
      .find((p) => p.type === "timeZoneName");
    return part?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

function formatWallClock(time: string): string {
  const [hours, minutes] = time.split(":").map(Number);
  return new Intl.DateTimeFormat(LOCALE, {
    hour: "numeric",
    minute: "2-digit",
    timeZone: "UTC",
  }).format(Date.UTC(2000, 0, 1, hours ?? 0, minutes ?? 0));
}

/**
 * "Mon, Wed, Thu 6:00 PM–9:00 PM" from the API's "Mon, Wed, Thu 18:00-21:00". The times are
 * wall-clock times in the cohort's zone, so they are rewritten, never converted.
 */
export function formatSchedule(schedule: string): string {
  return schedule.replace(
    /\b([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)\b/,
    (_match, h1: string, m1: string, h2: string, m2: string) =>
      `${formatWallClock(`${h1}:${m1}`)}–${formatWallClock(`${h2}:${m2}`)}`,
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
