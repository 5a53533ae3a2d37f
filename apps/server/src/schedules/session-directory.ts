import { expectedOn, isoDateInZone } from "@bridgeway/domain";
import type {
  CohortRecord,
  Db,
  EnrollmentRecord,
  OccurrenceRecord,
  ScheduleRepository,
} from "./schedule-repository";

/** The date a meeting counts as for expectations: the day the pattern gave it, even if moved. */
export function meetingDate(occurrence: OccurrenceRecord): string {
  return isoDateInZone(occurrence.patternStartsAt ?? occurrence.startsAt, occurrence.timeZone);
}

export type SessionPeople = {
  facilitatorIds: string[];
  participantIds: string[];
  familyIds: string[];
};

/**
 * Who is in which session. Group meetings are not stored per person: a participant is expected
 * at a meeting of their cohort when their enrollment and the phase in effect that day say so.
 */
export function createSessionDirectory(repo: ScheduleRepository) {
  async function cohortsById(ids: string[], db?: Db): Promise<Map<string, CohortRecord>> {
    const map = new Map<string, CohortRecord>();
    for (const id of [...new Set(ids)]) {
      const cohort = await repo.cohort(id, db);
      if (cohort) map.set(id, cohort);
    }
    return map;
  }

  function expectedParticipants(
    occurrence: OccurrenceRecord,
    enrollments: EnrollmentRecord[],
  ): string[] {
    const date = meetingDate(occurrence);
    return enrollments
      .filter((e) => e.cohortId === occurrence.cohortId && expectedOn(e, date))
      .map((e) => e.participant.id);
  }

  return {
    expectedParticipants,

    /** Everyone in one session, for permissions, rosters and clash checks. */
    async peopleIn(occurrence: OccurrenceRecord, db?: Db): Promise<SessionPeople> {
      if (!occurrence.cohortId) {
        return {
          facilitatorIds: occurrence.leadFacilitatorId ? [occurrence.leadFacilitatorId] : [],
          participantIds: occurrence.participantUserId ? [occurrence.participantUserId] : [],
          familyIds: [],
        };
      }
      const cohort = await repo.cohort(occurrence.cohortId, db);
      const enrollments = await repo.enrollments({ cohortIds: [occurrence.cohortId] }, db);
      const staff = [occurrence.leadFacilitatorId, cohort?.leadId, ...(cohort?.coIds ?? [])].filter(
        (id): id is string => typeof id === "string",
      );
      return {
        facilitatorIds: [...new Set(staff)],
        participantIds: expectedParticipants(occurrence, enrollments),
        familyIds: [],
      };
    },

    /** A participant's sessions overlapping [from, to): expected group meetings and bookings. */
    async sessionsOfParticipant(
      participantId: string,
      from: Date,
      to: Date,
      db?: Db,
    ): Promise<OccurrenceRecord[]> {
      const enrollments = await repo.enrollments({ participantId }, db);
      const cohortIds = [...new Set(enrollments.map((e) => e.cohortId))];
      const found = await repo.occurrences(
        { bookedFor: participantId, ...(cohortIds.length > 0 ? { cohortIds } : {}), from, to },
        db,
      );
      return found.filter(
        (o) =>
          o.participantUserId === participantId ||
          (o.cohortId !== null && expectedParticipants(o, enrollments).includes(participantId)),
      );
    },

    /** A clinician's sessions overlapping [from, to): those they lead and their cohorts' meetings. */
    async sessionsOfFacilitator(
      facilitatorId: string,
      from: Date,
      to: Date,
      db?: Db,
    ): Promise<OccurrenceRecord[]> {
      const mine = await repo.cohortIdsOf(facilitatorId, db);
      return repo.occurrences(
        { ledBy: facilitatorId, ...(mine.length > 0 ? { cohortIds: mine } : {}), from, to },
        db,
      );
    },

    cohortsById,
  };
}

export type SessionDirectory = ReturnType<typeof createSessionDirectory>;
