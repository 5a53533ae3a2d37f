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

/**
 * The first of the two meanings of "active enrolment": the enrollment is open now (not
 * discharged, not withdrawn), whatever its dates. Cohort and family boards, cohort chat rooms,
 * care teams and caseloads follow it: they are about who is in treatment today.
 */
export function isActiveEnrollment(enrollment: { status: EnrollmentStatus }): boolean {
  return enrollment.status === "ACTIVE";
}

/** The dates an enrollment covers, and whether it is still open. */
export type EnrollmentSpan = {
  status: EnrollmentStatus;
  startsOn: string;
  plannedDischargeOn: string;
  /** The day it closed (discharge or withdrawal); null while it is open. */
  endedOn: string | null;
};

/**
 * The second meaning: the enrollment is open and `date` (`YYYY-MM-DD`, the meeting's local date)
 * falls within it, from its first day to its last (the day it ended, or else its planned
 * discharge), both included. A meeting's live room and who is expected at a one-off meeting of
 * a cohort follow it: someone enrolled from next Monday is not yet in this week's meetings.
 */
export function isEnrolledOn(enrollment: EnrollmentSpan, date: string): boolean {
  return isActiveEnrollment(enrollment) && isWithinEnrollment(enrollment, date);
}

/**
 * Whether `date` falls within an enrollment's dates, whatever its status now: a discharged
 * participant's past weeks still count for attendance.
 */
export function isWithinEnrollment(
  enrollment: Omit<EnrollmentSpan, "status">,
  date: string,
): boolean {
  return enrollmentOverlaps(enrollment, date, date);
}

/** Whether an enrollment's dates meet [from, to] (both included), whatever its status now. */
export function enrollmentOverlaps(
  enrollment: Omit<EnrollmentSpan, "status">,
  from: string,
  to: string,
): boolean {
  return enrollment.startsOn <= to && (enrollment.endedOn ?? enrollment.plannedDischargeOn) >= from;
}

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
