import {
  addDaysToDate,
  isoDateInZone,
  plannedWeeks,
  sessionHours,
  type PlannedEnrollmentWeek,
} from "@bridgeway/domain";
import { startOfLocalDay } from "../sessions/pattern-occurrences";
import type { CohortRecord, EnrollmentRecord } from "./cohort-repository";
import type { PeopleRepository } from "../people/people-repository";
import type { SessionDirectory } from "../sessions/session-directory";

/**
 * Hours a participant is planned to attend in a week: the group meetings their phase expects
 * plus sessions booked for them, cancelled ones excluded. Weeks run Monday to Sunday in the
 * clinic's time zone, the week payers count hours in.
 */
export function createPlannedHours(deps: {
  peopleRepo: PeopleRepository;
  directory: SessionDirectory;
}) {
  return {
    async forWeek(
      participantId: string,
      weekStart: string,
      organizationId: string,
    ): Promise<{ weekStart: string; plannedHours: number }> {
      const zone = await deps.peopleRepo.organizationTimeZone(organizationId);
      const from = startOfLocalDay(weekStart, zone);
      const to = startOfLocalDay(addDaysToDate(weekStart, 7), zone);
      const sessions = await deps.directory.sessionsOfParticipant(participantId, from, to);
      const hours = sessions
        .filter((s) => s.status === "SCHEDULED" && s.startsAt >= from && s.startsAt < to)
        .reduce((sum, s) => sum + sessionHours(s.startsAt, s.endsAt), 0);
      return { weekStart, plannedHours: Math.round(hours * 100) / 100 };
    },

    /** Every week of an enrolment, with the weeks below the minimum and why. */
    async forEnrollment(
      enrollment: EnrollmentRecord,
      cohort: CohortRecord,
    ): Promise<PlannedEnrollmentWeek[]> {
      const zone = await deps.peopleRepo.organizationTimeZone(cohort.organizationId);
      const lastDay = enrollment.endedOn ?? enrollment.plannedDischargeOn;
      const from = startOfLocalDay(enrollment.startsOn, zone);
      const to = startOfLocalDay(addDaysToDate(lastDay, 1), zone);
      const sessions = (
        await deps.directory.sessionsOfParticipant(enrollment.participant.id, from, to)
      ).filter((s) => s.startsAt >= from && s.startsAt < to);
      // Cohort meetings are stored a few weeks ahead; after the last stored one the pattern
      // stands in, so later weeks are not shown as empty.
      const lastStored = sessions
        .filter((s) => s.cohortId === cohort.id)
        .map((s) => isoDateInZone(s.startsAt, cohort.timeZone))
        .reduce<string | null>((max, d) => (max === null || d > max ? d : max), null);
      return plannedWeeks({
        startsOn: enrollment.startsOn,
        lastDay,
        timeZone: zone,
        phases: enrollment.phases,
        sessions: sessions.map((s) => ({
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          status: s.status,
          cancelReason: s.cancelReason,
        })),
        storedUntil: lastStored === null ? enrollment.startsOn : addDaysToDate(lastStored, 1),
        patternEndsOn: cohort.endsOn,
        pattern: cohort.weeklyPattern,
      });
    },
  };
}

export type PlannedHours = ReturnType<typeof createPlannedHours>;
