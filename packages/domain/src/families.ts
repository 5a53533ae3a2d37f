import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./auth";
import { localeSchema } from "./locale";
import { EmailSchema, FamilyRelationshipSchema, PersonNameSchema } from "./people";

/**
 * Families take part only with the participant's consent: an invitation by email, a consent
 * that says which sessions they may join, withdrawn at any time with immediate effect. A family
 * member sees the sessions they are invited to and the family board, never notes, assessments,
 * chat or the participant's schedule.
 */
export const FAMILY_SESSION_KINDS = ["FAMILY", "MULTI_FAMILY"] as const;
export const FamilySessionKindSchema = z.enum(FAMILY_SESSION_KINDS);
export type FamilySessionKind = z.infer<typeof FamilySessionKindSchema>;

/** Invitation links stop working after this long. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const SessionKindsSchema = z
  .array(FamilySessionKindSchema)
  .min(1, { error: "Choose at least one kind of session they may join." })
  .refine((kinds) => new Set(kinds).size === kinds.length, { error: "Each kind once." });

export const InviteFamilyInputSchema = z.strictObject({
  /** Set when a facilitator invites on a participant's behalf. */
  participantUserId: z.uuid().optional(),
  email: EmailSchema,
  firstName: PersonNameSchema,
  lastName: PersonNameSchema,
  relationship: FamilyRelationshipSchema,
  sessionKinds: SessionKindsSchema,
  /** A facilitator confirms the participant consented (required when inviting on their behalf). */
  participantConsented: z.boolean().optional(),
  /**
   * The language of the invitation and of the account it makes. Without it: the inviting
   * participant's own language, or, when staff invite, the participant's.
   */
  locale: localeSchema.optional(),
});
export type InviteFamilyInput = z.infer<typeof InviteFamilyInputSchema>;

export const InvitationTokenSchema = z
  .string({ error: "The invitation link is incomplete." })
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: "The invitation link is not valid." });

export const AcceptInvitationSchema = z.strictObject({
  token: InvitationTokenSchema,
  password: z
    .string({ error: "Choose a password." })
    .min(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters.` })
    .max(MAX_PASSWORD_LENGTH, { error: "That password is too long." }),
});

export const UpdateConsentSchema = z.strictObject({
  sessionKinds: SessionKindsSchema,
  /**
   * Staff confirm the participant agreed: required when anyone but the participant grants a
   * kind of session not consented to now (as after the participant withdrew consent).
   */
  participantConsented: z.boolean().optional(),
});
export type UpdateConsentInput = z.infer<typeof UpdateConsentSchema>;

export const FAMILY_MEMBER_STATUSES = [
  "invited",
  "active",
  "consent-withdrawn",
  "expired",
] as const;
export type FamilyMemberStatus = (typeof FAMILY_MEMBER_STATUSES)[number];

/** One of a participant's family, as the API answers it. */
export const FamilyMemberSummarySchema = z.object({
  /** The family member's account once they accepted; null while invited. */
  userId: z.string().nullable(),
  invitationId: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  relationship: FamilyRelationshipSchema,
  status: z.enum(FAMILY_MEMBER_STATUSES),
  sessionKinds: z.array(FamilySessionKindSchema),
  invitedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type FamilyMemberSummary = z.infer<typeof FamilyMemberSummarySchema>;

/** The answer to listing a participant's family. */
export const FamilyMemberListSchema = z.object({ members: z.array(FamilyMemberSummarySchema) });

/** What an invitation link is for, shown before anyone signs in. */
export const InvitationPreviewSchema = z.object({
  firstName: z.string(),
  email: z.string(),
  relationship: FamilyRelationshipSchema,
  participantFirstName: z.string(),
  clinicName: z.string(),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

/** For a family member: whom they support, and which sessions that person's consent covers. */
export const SupportedPersonSchema = z.object({
  participantId: z.string(),
  participantFirstName: z.string(),
  sessionKinds: z.array(FamilySessionKindSchema),
});
export type SupportedPerson = z.infer<typeof SupportedPersonSchema>;

/** The answer to "whom do I support". */
export const SupportedPeopleSchema = z.object({ supporting: z.array(SupportedPersonSchema) });

/** The answer to booking a multi-family group: the new session's id. */
export const MultiFamilyBookedSchema = z.object({ id: z.string() });

/** "Jordan's family": how family members and their participant are grouped and labelled. */
export function familyLabel(participantFirstName: string): string {
  return `${participantFirstName}'s family`;
}

/** A place a family member can turn to for their own support, outside the program. */
export type FamilyResource = {
  name: string;
  what: string;
  /** A phone line: shown as the number, dialled from `tel:`. */
  phone?: { display: string; tel: string };
  text?: { display: string; sms: string };
  /** The organisation's home page (https). */
  url?: string;
};

/**
 * Support for family members themselves, shown on their home page with the sessions and the
 * family board (the "resources" their consent always allows). National US lines and groups;
 * 988 first, for a crisis of the person they support or their own.
 */
export const FAMILY_RESOURCES: readonly FamilyResource[] = [
  {
    name: "988 Suicide & Crisis Lifeline",
    what: "Call or text any time, day or night, if you are worried about someone's safety or your own.",
    phone: { display: "988", tel: "tel:988" },
    text: { display: "988", sms: "sms:988" },
  },
  {
    name: "SAMHSA National Helpline",
    what: "Free, confidential information and treatment referral for mental health and substance use, 24 hours a day, in English and Spanish.",
    phone: { display: "1-800-662-4357", tel: "tel:+18006624357" },
    url: "https://www.samhsa.gov",
  },
  {
    name: "NAMI HelpLine",
    what: "Answers and support for families living with mental illness, and NAMI's free Family-to-Family classes.",
    phone: { display: "1-800-950-6264", tel: "tel:+18009506264" },
    url: "https://www.nami.org",
  },
  {
    name: "Al-Anon Family Groups",
    what: "Meetings for families and friends of people with a drinking problem, in person and online.",
    url: "https://al-anon.org",
  },
  {
    name: "Nar-Anon Family Groups",
    what: "Meetings for families and friends of people with a drug problem, in person and online.",
    url: "https://www.nar-anon.org",
  },
];
