import { z } from "zod";
import { CohortFacilitatorRoleSchema, WeekdaySchema } from "./cohorts";
import { EnrollmentPhaseSchema } from "./enrollments";
import { CredentialKindSchema, FamilyRelationshipSchema, LicenseStateSchema } from "./people";

/** What each role's home page shows, answered by `GET /api/home`. */

const ClinicianSchema = z.object({
  displayName: z.string(),
  credential: CredentialKindSchema,
});

const LicenseSummarySchema = z.object({
  credential: CredentialKindSchema,
  licenseState: LicenseStateSchema,
  licenseExpiresOn: z.string(),
  daysUntilExpiry: z.number().int(),
});

export const ParticipantHomeSchema = z.object({
  role: z.literal("PARTICIPANT"),
  enrollments: z.array(
    z.object({
      cohortName: z.string(),
      programName: z.string(),
      /** The phase in effect today in the cohort's zone (the first one before the start). */
      phase: EnrollmentPhaseSchema,
      /** The next planned step-down, not yet in effect. */
      nextPhase: z
        .object({
          phase: EnrollmentPhaseSchema,
          days: z.array(WeekdaySchema),
          effectiveFrom: z.string(),
        })
        .nullable(),
      startsOn: z.string(),
      plannedDischargeOn: z.string(),
      schedule: z.string(),
      timeZone: z.string(),
      facilitators: z.array(ClinicianSchema),
    }),
  ),
});

export const FacilitatorHomeSchema = z.object({
  role: z.literal("FACILITATOR"),
  license: LicenseSummarySchema.nullable(),
  cohorts: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      programName: z.string(),
      schedule: z.string(),
      timeZone: z.string(),
      myRole: CohortFacilitatorRoleSchema,
      capacity: z.number().int(),
      participants: z.array(z.object({ displayName: z.string(), phase: EnrollmentPhaseSchema })),
    }),
  ),
});

export const FamilyHomeSchema = z.object({
  role: z.literal("FAMILY"),
  supporting: z.array(
    z.object({
      participantFirstName: z.string(),
      relationship: FamilyRelationshipSchema,
    }),
  ),
});

export const AdminHomeSchema = z.object({
  role: z.literal("ADMIN"),
  organization: z.object({ name: z.string(), timeZone: z.string() }),
  counts: z.object({
    programs: z.number().int(),
    cohorts: z.number().int(),
    facilitators: z.number().int(),
    participants: z.number().int(),
    familyMembers: z.number().int(),
  }),
  programs: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      cohorts: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          schedule: z.string(),
          timeZone: z.string(),
          enrolled: z.number().int(),
          capacity: z.number().int(),
        }),
      ),
    }),
  ),
  licenseAlerts: z.array(LicenseSummarySchema.extend({ displayName: z.string() })),
});

export const HomeSummarySchema = z.discriminatedUnion("role", [
  ParticipantHomeSchema,
  FacilitatorHomeSchema,
  FamilyHomeSchema,
  AdminHomeSchema,
]);
export type HomeSummary = z.infer<typeof HomeSummarySchema>;
export type ParticipantHome = z.infer<typeof ParticipantHomeSchema>;
export type FacilitatorHome = z.infer<typeof FacilitatorHomeSchema>;
export type FamilyHome = z.infer<typeof FamilyHomeSchema>;
export type AdminHome = z.infer<typeof AdminHomeSchema>;
