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

export type AttendanceConcern = "missed-sessions" | "below-minimum";

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
export type AttendanceFlag = {
  participantId: string;
  displayName: string;
  weekStart: string;
  missedSessions: number;
  attendedHours: number;
  concerns: AttendanceConcern[];
};

export type CohortAttendanceFlags = { cohortId: string; flags: AttendanceFlag[] };

/** A follow-up a participant's care team owes after a missed session. */
export type FollowUpTaskDto = {
  id: string;
  participant: { id: string; displayName: string };
  session: { id: string; startsAt: string; timeZone: string };
  createdAt: string;
  doneAt: string | null;
  doneNote: string | null;
};

export const CompleteFollowUpSchema = z.strictObject({
  note: z
    .string({ error: "Write what you did, for example who you reached and what was agreed." })
    .trim()
    .min(1, { error: "Write what you did, for example who you reached and what was agreed." })
    .max(2000, { error: "Keep the note under 2000 characters." }),
});
export type CompleteFollowUpInput = z.infer<typeof CompleteFollowUpSchema>;
