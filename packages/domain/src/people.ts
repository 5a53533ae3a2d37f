import { z } from "zod";
import { IsoDateSchema, TimeZoneSchema } from "./dates";
import { refuseUnsafeName } from "./text";

export const PersonNameSchema = z
  .string({ error: "Name must be text." })
  .trim()
  .min(1, { error: "Name is required." })
  .max(100, { error: "Name must be 100 characters or fewer." })
  .superRefine(refuseUnsafeName);

export const EmailSchema = z
  .email({ error: "Enter a valid email address." })
  .max(254)
  .transform((email) => email.toLowerCase());

/** Licensed clinician credentials a facilitator may hold. */
export const CREDENTIAL_KINDS = ["LPC", "LCSW", "LMFT", "PSYD", "MD", "NP", "RN"] as const;
export const CredentialKindSchema = z.enum(CREDENTIAL_KINDS);
export type CredentialKind = z.infer<typeof CredentialKindSchema>;

const CREDENTIAL_LABELS: Record<CredentialKind, string> = {
  LPC: "Licensed Professional Counselor (LPC)",
  LCSW: "Licensed Clinical Social Worker (LCSW)",
  LMFT: "Licensed Marriage and Family Therapist (LMFT)",
  PSYD: "Doctor of Psychology (PsyD)",
  MD: "Physician (MD)",
  NP: "Nurse Practitioner (NP)",
  RN: "Registered Nurse (RN)",
};

export function credentialLabel(kind: CredentialKind): string {
  return CREDENTIAL_LABELS[kind];
}

/** Credentials that may prescribe, and so may run medication management. */
export function canPrescribe(kind: CredentialKind): boolean {
  return kind === "MD" || kind === "NP";
}

/** US states, DC and territories that issue clinical licenses. */
// prettier-ignore
export const LICENSE_STATES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
  "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
  "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
  "WV", "WI", "WY", "AS", "GU", "MP", "PR", "VI",
] as const;
export const LicenseStateSchema = z.enum(LICENSE_STATES, {
  error: "Use a two-letter US state or territory code such as NY.",
});
export type LicenseState = z.infer<typeof LicenseStateSchema>;

export const FacilitatorSchema = z.object({
  userId: z.uuid(),
  firstName: PersonNameSchema,
  lastName: PersonNameSchema,
  credential: CredentialKindSchema,
  licenseState: LicenseStateSchema,
  licenseExpiresOn: IsoDateSchema,
});
export type Facilitator = z.infer<typeof FacilitatorSchema>;

/**
 * Whether the license is still valid on `date` (both `YYYY-MM-DD`). A license is valid through
 * the whole of its expiry day.
 */
export function isLicenseValidOn(licenseExpiresOn: string, date: string): boolean {
  return date <= licenseExpiresOn;
}

/** Days from `today` until the license expires; negative once it has expired. */
export function daysUntilLicenseExpiry(licenseExpiresOn: string, today: string): number {
  const ms = Date.parse(`${licenseExpiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** How soon an admin is warned of a license about to expire. */
export const LICENSE_EXPIRY_WARNING_DAYS = 60;

export const ParticipantSchema = z.object({
  userId: z.uuid(),
  firstName: PersonNameSchema,
  lastName: PersonNameSchema,
  preferredName: PersonNameSchema.optional(),
  timeZone: TimeZoneSchema,
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const FAMILY_RELATIONSHIPS = [
  "PARENT",
  "SPOUSE_OR_PARTNER",
  "SIBLING",
  "CHILD",
  "GRANDPARENT",
  "GUARDIAN",
  "OTHER_RELATIVE",
  "FRIEND",
  "OTHER",
] as const;
export const FamilyRelationshipSchema = z.enum(FAMILY_RELATIONSHIPS);
export type FamilyRelationship = z.infer<typeof FamilyRelationshipSchema>;

const RELATIONSHIP_LABELS: Record<FamilyRelationship, string> = {
  PARENT: "Parent",
  SPOUSE_OR_PARTNER: "Spouse or partner",
  SIBLING: "Sibling",
  CHILD: "Child",
  GRANDPARENT: "Grandparent",
  GUARDIAN: "Guardian",
  OTHER_RELATIVE: "Other relative",
  FRIEND: "Friend",
  OTHER: "Other support person",
};

export function relationshipLabel(relationship: FamilyRelationship): string {
  return RELATIONSHIP_LABELS[relationship];
}

/** A family member, always tied to the one participant who invited them. */
export const FamilyMemberSchema = z.object({
  userId: z.uuid(),
  participantUserId: z.uuid(),
  firstName: PersonNameSchema,
  lastName: PersonNameSchema,
  relationship: FamilyRelationshipSchema,
});
export type FamilyMember = z.infer<typeof FamilyMemberSchema>;
