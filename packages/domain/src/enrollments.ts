import { z } from "zod";
import { IsoDateSchema } from "./dates";

/**
 * Step-down phases: days a week of group a participant is expected at. People start at 4 and
 * step down to 3, then 2, before discharge.
 */
export const ENROLLMENT_PHASES = [4, 3, 2] as const;
export const EnrollmentPhaseSchema = z.union(
  ENROLLMENT_PHASES.map((p) => z.literal(p)),
  { error: "Phase must be 4, 3 or 2 days a week." },
);
export type EnrollmentPhase = (typeof ENROLLMENT_PHASES)[number];

export const ENROLLMENT_STATUSES = ["ACTIVE", "DISCHARGED", "WITHDRAWN"] as const;
export const EnrollmentStatusSchema = z.enum(ENROLLMENT_STATUSES);
export type EnrollmentStatus = z.infer<typeof EnrollmentStatusSchema>;

/** The phase after `phase`, or null when the participant is already at the lowest step. */
export function nextStepDownPhase(phase: EnrollmentPhase): EnrollmentPhase | null {
  switch (phase) {
    case 4:
      return 3;
    case 3:
      return 2;
    case 2:
      return null;
  }
}

const enrollmentFields = {
  cohortId: z.uuid(),
  participantUserId: z.uuid(),
  phase: EnrollmentPhaseSchema.default(4),
  startsOn: IsoDateSchema,
  plannedDischargeOn: IsoDateSchema,
};

export const EnrollmentInputSchema = z
  .strictObject(enrollmentFields)
  .refine((e) => e.plannedDischargeOn > e.startsOn, {
    error: "The planned discharge date must be after the start date.",
    path: ["plannedDischargeOn"],
  });
export type EnrollmentInput = z.infer<typeof EnrollmentInputSchema>;

export const EnrollmentSchema = z.object({
  id: z.uuid(),
  ...enrollmentFields,
  status: EnrollmentStatusSchema,
});
export type Enrollment = z.infer<typeof EnrollmentSchema>;
