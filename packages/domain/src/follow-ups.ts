import { z } from "zod";
import { IOP_MIN_WEEKLY_HOURS } from "./schedule";

/** Missing this many expected sessions in one week raises a flag on the cohort page. */
export const MISSED_SESSIONS_FLAG = 2;

/**
 * Whether a participant missed a session: they were expected, it was held (it was not cancelled,
 * and someone was in the room, so a group nobody ran is not counted against anyone), it is over,
 * and they never joined.
 */
export function missedSession(input: {
  expected: boolean;
  cancelled: boolean;
  held: boolean;
  over: boolean;
  attended: boolean;
}): boolean {
  return input.expected && !input.cancelled && input.held && input.over && !input.attended;
}

export const AttendanceConcernSchema = z.enum(["missed-sessions", "below-minimum"]);
export type AttendanceConcern = z.infer<typeof AttendanceConcernSchema>;

/**
 * Why a participant's week is flagged: two or more missed sessions, or (for a week that is over
 * and had sessions planned) fewer than the IOP minimum of 9 hours attended.
 */
export function attendanceConcerns(week: {
  missedSessions: number;
  attendedHours: number;
  plannedHours: number;
  over: boolean;
}): AttendanceConcern[] {
  const concerns: AttendanceConcern[] = [];
  if (week.missedSessions >= MISSED_SESSIONS_FLAG) concerns.push("missed-sessions");
  if (week.over && week.plannedHours > 0 && week.attendedHours < IOP_MIN_WEEKLY_HOURS)
    concerns.push("below-minimum");
  return concerns;
}

/** A flagged week of one participant on the cohort page. */
export const AttendanceFlagSchema = z.object({
  participantId: z.string(),
  displayName: z.string(),
  weekStart: z.string(),
  missedSessions: z.number(),
  attendedHours: z.number(),
  concerns: z.array(AttendanceConcernSchema),
});
export type AttendanceFlag = z.infer<typeof AttendanceFlagSchema>;

/** `GET /api/cohorts/:id/attendance-flags`. */
export const CohortAttendanceFlagsSchema = z.object({
  cohortId: z.string(),
  flags: z.array(AttendanceFlagSchema),
});
export type CohortAttendanceFlags = z.infer<typeof CohortAttendanceFlagsSchema>;

/** A follow-up a participant's care team owes after a missed session. */
export const FollowUpTaskSchema = z.object({
  id: z.string(),
  participant: z.object({ id: z.string(), displayName: z.string() }),
  session: z.object({ id: z.string(), startsAt: z.string(), timeZone: z.string() }),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
  doneNote: z.string().nullable(),
});
export type FollowUpTaskDto = z.infer<typeof FollowUpTaskSchema>;

/** `GET /api/follow-ups`. */
export const FollowUpTaskListSchema = z.array(FollowUpTaskSchema);

export const CompleteFollowUpSchema = z.strictObject({
  note: z
    .string({ error: "Write what you did, for example who you reached and what was agreed." })
    .trim()
    .min(1, { error: "Write what you did, for example who you reached and what was agreed." })
    .max(2000, { error: "Keep the note under 2000 characters." }),
});
export type CompleteFollowUpInput = z.infer<typeof CompleteFollowUpSchema>;
