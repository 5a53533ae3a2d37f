import {
  daysUntilLicenseExpiry,
  LICENSE_EXPIRY_WARNING_DAYS,
  type FacilitatorListItem,
} from "@bridgeway/domain";
import { credentialShort, describeExpiry, formatCalendarDate } from "../format/format";

export type LicenseTone = "expired" | "soon" | "ok";

/** How a license stands on `today`: its tone for styling and "Expires in 45 days". */
export function licenseStanding(
  licenseExpiresOn: string,
  today: string,
): { tone: LicenseTone; days: number; text: string } {
  const days = daysUntilLicenseExpiry(licenseExpiresOn, today);
  const tone: LicenseTone =
    days < 0 ? "expired" : days <= LICENSE_EXPIRY_WARNING_DAYS ? "soon" : "ok";
  return { tone, days, text: describeExpiry(days) };
}

/** "Dana Whitfield, LCSW (NY), license expires May 1, 2026" for a select option. */
export function facilitatorOption(facilitator: FacilitatorListItem, today: string): string {
  const expired = facilitator.licenseExpiresOn < today;
  return `${facilitator.displayName}, ${credentialShort(facilitator.credential)} (${facilitator.licenseState}), license ${expired ? "expired" : "expires"} ${formatCalendarDate(facilitator.licenseExpiresOn)}`;
}

/**
 * A warning when the lead's license runs out before the cohort ends, or null. They cannot be
 * assigned to lead sessions after it expires, so the admin should know now.
 */
export function leadLicenseWarning(
  facilitator: FacilitatorListItem | undefined,
  endsOn: string,
): string | null {
  if (!facilitator || endsOn === "" || facilitator.licenseExpiresOn >= endsOn) return null;
  return `${facilitator.displayName}'s license expires on ${formatCalendarDate(facilitator.licenseExpiresOn)}, before this cohort ends on ${formatCalendarDate(endsOn)}. They cannot lead sessions after their license expires.`;
}

/**
 * The facilitators who may be chosen to lead on `today`: an expired license never leads. The
 * one already chosen (`keepId`) stays listed so the form shows it, marked and not choosable.
 */
export function leadChoices(
  facilitators: readonly FacilitatorListItem[],
  today: string,
  keepId = "",
): { facilitator: FacilitatorListItem; expired: boolean }[] {
  return facilitators
    .map((facilitator) => ({ facilitator, expired: facilitator.licenseExpiresOn < today }))
    .filter(({ facilitator, expired }) => !expired || facilitator.id === keepId);
}

/** A warning for a license expiry date already past on `today`, or null. */
export function expiredLicenseWarning(licenseExpiresOn: string, today: string): string | null {
  if (licenseExpiresOn === "" || licenseExpiresOn >= today) return null;
  return `This license expired on ${formatCalendarDate(licenseExpiresOn)}. They can be added, but they cannot lead a cohort or a session until the license is renewed.`;
}
