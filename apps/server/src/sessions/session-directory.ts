import {
  cohortClinicians,
  expectedOn,
  isActiveEnrollment,
  isEnrolledOn,
  isoDateInZone,
} from "@bridgeway/domain";
import type { FamilyRepository } from "../families/family-repository";
import type {
  CohortRecord,
  EnrollmentRecord,
  CohortRepository,
} from "../cohorts/cohort-repository";
import type { Db } from "../db/database";
import type { OccurrenceRecord, OccurrenceRepository } from "./occurrence-repository";

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
export function createSessionDirectory(
  repos: { cohortRepo: CohortRepository; occurrenceRepo: OccurrenceRepository },
  family?: FamilyRepository,
) {
  const { cohortRepo, occurrenceRepo } = repos;
  async function cohortsById(ids: string[], db?: Db): Promise<Map<string, CohortRecord>> {
    const cohorts = await cohortRepo.cohortsWithIds(ids, db);
    return new Map(cohorts.map((c) => [c.id, c]));
  }

  /**
   * Who is expected at a cohort's meeting: for its regular meetings, those whose phase attends
   * that weekday; for a one-off meeting of the cohort (a multi-family group), everyone enrolled.
   */
  function expectedParticipants(
    occurrence: OccurrenceRecord,
    enrollments: EnrollmentRecord[],
  ): string[] {
    const date = meetingDate(occurrence);
    return enrollments
      .filter((e) => e.cohortId === occurrence.cohortId)
      .filter((e) =>
        occurrence.patternStartsAt === null ? isEnrolledOn(e, date) : expectedOn(e, date),
      )
      .map((e) => e.participant.id);
  }

  /** A session's clinicians, given its cohort (when it is a cohort's meeting). */
  function clinicians(occurrence: OccurrenceRecord, cohort: CohortRecord | undefined): string[] {
    const staff = cohort ? cohortClinicians(cohort) : [];
    return [...new Set([occurrence.leadFacilitatorId, ...staff].filter((id) => id !== null))];
  }

  /**
   * A session's clinicians: whoever leads it and, for a cohort's meeting, the cohort's lead and
   * co-facilitators. Cheaper than `peopleIn` when only staff matter (every moderation event).
   */
  async function facilitatorsOf(occurrence: OccurrenceRecord, db?: Db): Promise<string[]> {
    const cohort = occurrence.cohortId ? await cohortRepo.cohort(occurrence.cohortId, db) : null;
    return clinicians(occurrence, cohort ?? undefined);
  }

  /** Family members in a session: invited ones with consent in force, or (multi-family) all consented. */
  async function familyIn(
    occurrence: OccurrenceRecord,
    participantIds: string[],
  ): Promise<string[]> {
    if (!family) return [];
    if (occurrence.kind === "FAMILY") {
      const invited = await family.sessionInvites(occurrence.id);
      const consented = await family.consentedFamily(participantIds, "FAMILY");
      return invited.filter((id) => consented.some((c) => c.familyUserId === id));
    }
    if (occurrence.kind === "MULTI_FAMILY") {
      return [
        ...new Set(
          (await family.consentedFamily(participantIds, "MULTI_FAMILY")).map((c) => c.familyUserId),
        ),
      ];
    }
    return [];
  }

  /**
   * Everyone in each of the sessions, read together: their cohorts in one query and those
   * cohorts' enrollments in another, however many sessions there are (a sweep over a day's
   * meetings must not cost a round of queries per meeting).
   */
  async function peopleInEach(
    occurrences: readonly OccurrenceRecord[],
    db?: Db,
  ): Promise<Map<string, SessionPeople>> {
    const cohortIds = [...new Set(occurrences.flatMap((o) => (o.cohortId ? [o.cohortId] : [])))];
    const cohorts = await cohortsById(cohortIds, db);
    const enrollments = new Map<string, EnrollmentRecord[]>();
    if (cohortIds.length > 0) {
      for (const e of await cohortRepo.enrollments({ cohortIds }, db)) {
        const ofCohort = enrollments.get(e.cohortId);
        if (ofCohort) ofCohort.push(e);
        else enrollments.set(e.cohortId, [e]);
      }
    }
    const people = new Map<string, SessionPeople>();
    for (const occurrence of occurrences) {
      const participantIds = participantsOf(
        occurrence,
        (occurrence.cohortId && enrollments.get(occurrence.cohortId)) || [],
      );
      people.set(occurrence.id, {
        facilitatorIds: clinicians(
          occurrence,
          occurrence.cohortId ? cohorts.get(occurrence.cohortId) : undefined,
        ),
        participantIds,
        familyIds: await familyIn(occurrence, participantIds),
      });
    }
    return people;
  }

  /**
   * The participants in a session: those expected at a cohort's meeting (given its cohort's
   * enrollments), or its booked one.
   */
  function participantsOf(occurrence: OccurrenceRecord, enrollments: EnrollmentRecord[]): string[] {
    if (occurrence.cohortId) return expectedParticipants(occurrence, enrollments);
    return occurrence.participantUserId ? [occurrence.participantUserId] : [];
  }

  async function participantsIn(occurrence: OccurrenceRecord): Promise<string[]> {
    const enrollments = occurrence.cohortId
      ? await cohortRepo.enrollments({ cohortIds: [occurrence.cohortId] })
      : [];
    return participantsOf(occurrence, enrollments);
  }

  return {
    expectedParticipants,

    /** Everyone in one session, for permissions, rosters and clash checks. */
    async peopleIn(occurrence: OccurrenceRecord, db?: Db): Promise<SessionPeople> {
      const people = (await peopleInEach([occurrence], db)).get(occurrence.id);
      if (!people) throw new Error("peopleInEach left out the session it was given");
      return people;
    },

    peopleInEach,

    /**
     * The family members let into a session, as `peopleIn` finds them, without looking anyone
     * up for the kinds of session no family member takes part in.
     */
    async familyOf(occurrence: OccurrenceRecord): Promise<string[]> {
      if (occurrence.kind !== "FAMILY" && occurrence.kind !== "MULTI_FAMILY") return [];
      return familyIn(occurrence, await participantsIn(occurrence));
    },

    facilitatorsOf,

    /** A participant's sessions overlapping [from, to): expected group meetings and bookings. */
    async sessionsOfParticipant(
      participantId: string,
      from: Date,
      to: Date,
      db?: Db,
    ): Promise<OccurrenceRecord[]> {
      const enrollments = await cohortRepo.enrollments({ participantId }, db);
      const cohortIds = [...new Set(enrollments.map((e) => e.cohortId))];
      const found = await occurrenceRepo.occurrences(
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
      const mine = await cohortRepo.cohortIdsOf(facilitatorId, db);
      return occurrenceRepo.occurrences(
        { ledBy: facilitatorId, ...(mine.length > 0 ? { cohortIds: mine } : {}), from, to },
        db,
      );
    },

    /** A family member's sessions: family sessions they are invited to, multi-family groups. */
    async sessionsOfFamily(
      familyUserId: string,
      from: Date,
      to: Date,
    ): Promise<OccurrenceRecord[]> {
      if (!family) return [];
      const supported = await family.supportedBy(familyUserId);
      const invitedIds = await family.invitedSessionIds(familyUserId);
      const cohortIds: string[] = [];
      for (const s of supported.filter((x) => x.sessionKinds.includes("MULTI_FAMILY"))) {
        const enrollments = await cohortRepo.enrollments({ participantId: s.participantId });
        cohortIds.push(...enrollments.filter(isActiveEnrollment).map((e) => e.cohortId));
      }
      const candidates = await occurrenceRepo.occurrences({
        ...(invitedIds.length > 0 ? { ids: invitedIds } : {}),
        ...(cohortIds.length > 0 ? { cohortIds: [...new Set(cohortIds)] } : {}),
        from,
        to,
      });
      if (invitedIds.length === 0 && cohortIds.length === 0) return [];
      const mine: OccurrenceRecord[] = [];
      for (const occurrence of candidates) {
        if (occurrence.kind !== "FAMILY" && occurrence.kind !== "MULTI_FAMILY") continue;
        const people = await this.peopleIn(occurrence);
        if (people.familyIds.includes(familyUserId)) mine.push(occurrence);
      }
      return mine;
    },

    cohortsById,
  };
}

export type SessionDirectory = ReturnType<typeof createSessionDirectory>;
