import {
  addDaysToDate,
  canPrescribe,
  cohortClinicians,
  decide,
  isLicenseValidOn,
  isoDateInZone,
  phaseOn,
  weekStartOf,
  weeklyHoursStatus,
  type Actor,
  type BookSessionInput,
  type CancelSessionInput,
  type PlannedWeek,
  type RescheduleSessionInput,
  type SessionRangeQuery,
  type SessionSummary,
} from "@bridgeway/domain";
import type { AuditContext, AuditLog } from "../audit/audit-log";
import { badRequest, conflict, forbidden, notFound } from "../http/errors";
import { guard } from "../audit/guard";
import { describeClash, findClash, formatWhen } from "./clashes";
import { startOfLocalDay } from "./pattern-occurrences";
import type { FamilyRepository } from "../families/family-repository";
import type { PlannedHours } from "../cohorts/planned-hours";
import type { Clinician, PeopleRepository } from "../people/people-repository";
import type { OccurrenceRecord, OccurrenceRepository } from "./occurrence-repository";
import type { CohortRepository } from "../cohorts/cohort-repository";
import { meetingDate, type SessionDirectory } from "./session-directory";

type Context = AuditContext & { actor: Actor };

export type RosterPerson = { id: string; displayName: string; phase: 4 | 3 | 2 | null };

/** Listing, booking, moving and cancelling sessions, and planned hours. */
export function createSessionService(deps: {
  peopleRepo: PeopleRepository;
  cohortRepo: CohortRepository;
  occurrenceRepo: OccurrenceRepository;
  directory: SessionDirectory;
  audit: AuditLog;
  plannedHours: PlannedHours;
  families: FamilyRepository;
}) {
  const { peopleRepo, cohortRepo, occurrenceRepo, directory, audit } = deps;

  async function summaries(
    occurrences: OccurrenceRecord[],
    viewer: Actor,
  ): Promise<SessionSummary[]> {
    const clinicianIds = [
      ...new Set(
        occurrences.map((o) => o.leadFacilitatorId).filter((id): id is string => id !== null),
      ),
    ];
    const clinicians = new Map(
      // A clinician who left still led the sessions they led.
      (
        await peopleRepo.clinicians({
          organizationId: viewer.organizationId,
          ids: clinicianIds,
          includeDeactivated: true,
        })
      ).map((c) => [c.id, c]),
    );
    const participants = new Map<string, string>();
    for (const id of new Set(
      occurrences.map((o) => o.participantUserId).filter((x): x is string => x !== null),
    )) {
      const person = await peopleRepo.person(id);
      if (person) participants.set(id, person.displayName);
    }
    return occurrences.map((o) => {
      const lead = o.leadFacilitatorId ? clinicians.get(o.leadFacilitatorId) : undefined;
      const participantName = o.participantUserId
        ? participants.get(o.participantUserId)
        : undefined;
      return {
        id: o.id,
        kind: o.kind,
        status: o.status,
        startsAt: o.startsAt.toISOString(),
        endsAt: o.endsAt.toISOString(),
        timeZone: o.timeZone,
        // Which program the participant is in is theirs to share: family members never get it.
        cohort:
          o.cohortId && o.cohortName && viewer.role !== "FAMILY"
            ? { id: o.cohortId, name: o.cohortName }
            : null,
        lead: lead
          ? { id: lead.id, displayName: lead.displayName, credential: lead.credential }
          : null,
        participant:
          o.participantUserId && participantName
            ? { id: o.participantUserId, displayName: participantName }
            : null,
        cancelReason: o.cancelReason,
        rescheduled:
          o.patternStartsAt !== null && o.patternStartsAt.getTime() !== o.startsAt.getTime(),
        endedAt: o.endedAt?.toISOString() ?? null,
      };
    });
  }

  async function loadSession(context: Context, id: string, action: "read" | "update") {
    const occurrence = await occurrenceRepo.occurrence(id);
    if (!occurrence) throw notFound("session");
    const people = await directory.peopleIn(occurrence);
    await guard(
      audit,
      context,
      action,
      { type: "session", organizationId: occurrence.organizationId, ...people },
      { type: "session", id },
      "session",
    );
    return { occurrence, people };
  }

  /**
   * A session that has a note or attendance is history: its time is part of the clinical and
   * attendance record, so it is never moved (book a new session instead).
   */
  async function refuseMovingHistory(id: string): Promise<void> {
    const history = await occurrenceRepo.historyOf(id);
    const why =
      history.note === "SIGNED"
        ? "it has a signed note"
        : history.note === "DRAFT"
          ? "it has a session note"
          : history.attended
            ? "people attended it"
            : null;
    if (why)
      throw conflict(
        `This session cannot be rescheduled because ${why}; it is part of the record. Book a new session instead.`,
        { startsAt: `Cannot change the time: ${why}.` },
      );
  }

  async function clinician(organizationId: string, id: string, field: string): Promise<Clinician> {
    const [found] = await peopleRepo.clinicians({ organizationId, ids: [id] });
    if (!found)
      throw badRequest("Choose a facilitator of this clinic.", { [field]: "No such facilitator." });
    return found;
  }

  function checkLicenseOn(lead: Clinician, startsAt: Date, timeZone: string, field: string): void {
    const date = isoDateInZone(startsAt, timeZone);
    if (!isLicenseValidOn(lead.licenseExpiresOn, date)) {
      throw badRequest(
        `${lead.displayName}'s license (${lead.credential}, ${lead.licenseState}) expired on ${lead.licenseExpiresOn}, before this session on ${formatWhen(startsAt, timeZone)}. Renew the license first, or choose another clinician.`,
        { [field]: `License expired ${lead.licenseExpiresOn}.` },
      );
    }
  }

  return {
    async list(
      context: Context,
      query: SessionRangeQuery,
      viewerTimeZone: string,
    ): Promise<SessionSummary[]> {
      const { actor } = context;
      const from = startOfLocalDay(query.from, viewerTimeZone);
      const to = startOfLocalDay(addDaysToDate(query.to, 1), viewerTimeZone);
      let found: OccurrenceRecord[];
      switch (actor.role) {
        case "PARTICIPANT":
          found = await directory.sessionsOfParticipant(actor.userId, from, to);
          break;
        case "FACILITATOR":
          found = await directory.sessionsOfFacilitator(actor.userId, from, to);
          break;
        case "ADMIN":
          found = await occurrenceRepo.occurrences({
            organizationId: actor.organizationId,
            ...(query.cohortId ? { cohortIds: [query.cohortId] } : {}),
            from,
            to,
          });
          break;
        case "FAMILY":
          found = await directory.sessionsOfFamily(actor.userId, from, to);
          break;
      }
      if (query.cohortId) {
        const cohort = await cohortRepo.cohort(query.cohortId);
        // Filtering by a cohort is reading its schedule: the policy's `cohort-schedule`. Of its
        // attendees only the actor matters: whether they have a session of it to list.
        const mayFilter =
          cohort !== null &&
          decide(actor, "read", {
            type: "cohort-schedule",
            organizationId: cohort.organizationId,
            facilitatorIds: cohortClinicians(cohort),
            attendeeIds: found.some((o) => o.cohortId === cohort.id) ? [actor.userId] : [],
          }) === "allow";
        if (!mayFilter) throw notFound("cohort");
        found = found.filter((o) => o.cohortId === query.cohortId);
      }
      await audit.record(
        context,
        "read",
        { type: "schedule", id: query.cohortId ?? actor.userId },
        "success",
      );
      return summaries(found, actor);
    },

    async get(context: Context, id: string): Promise<SessionSummary> {
      const { occurrence } = await loadSession(context, id, "read");
      await audit.record(context, "read", { type: "session", id }, "success");
      const [summary] = await summaries([occurrence], context.actor);
      if (!summary) throw notFound("session");
      return summary;
    },

    async roster(context: Context, id: string): Promise<RosterPerson[]> {
      const { occurrence, people } = await loadSession(context, id, "read");
      // Who else attends is a staff view (`session-roster`); participants see their own
      // sessions, not the list.
      const decision = decide(context.actor, "read", {
        type: "session-roster",
        organizationId: occurrence.organizationId,
        facilitatorIds: people.facilitatorIds,
      });
      if (decision !== "allow") throw notFound("session");
      await audit.record(context, "read", { type: "session-roster", id }, "success");
      const enrollments = occurrence.cohortId
        ? await cohortRepo.enrollments({ cohortIds: [occurrence.cohortId] })
        : [];
      const date = meetingDate(occurrence);
      const roster: RosterPerson[] = [];
      for (const participantId of people.participantIds) {
        const enrollment = enrollments.find((e) => e.participant.id === participantId);
        const person = enrollment?.participant ?? (await peopleRepo.person(participantId));
        if (!person) continue;
        roster.push({
          id: participantId,
          displayName: person.displayName,
          phase: enrollment ? (phaseOn(enrollment.phases, date)?.phase ?? null) : null,
        });
      }
      return roster.sort((a, b) => a.displayName.localeCompare(b.displayName));
    },

    async book(context: Context, input: BookSessionInput): Promise<SessionSummary> {
      const { actor } = context;
      if (
        decide(actor, "create", { type: "schedule", organizationId: actor.organizationId }) !==
        "allow"
      )
        throw forbidden("Only clinic staff book sessions.");
      const leadId =
        input.facilitatorUserId ?? (actor.role === "FACILITATOR" ? actor.userId : undefined);
      if (!leadId)
        throw badRequest("Choose the clinician for this session.", {
          facilitatorUserId: "Required.",
        });
      const lead = await clinician(actor.organizationId, leadId, "facilitatorUserId");
      if (input.kind === "MEDICATION_MANAGEMENT" && !canPrescribe(lead.credential)) {
        throw badRequest("Medication management needs a prescriber (MD or NP).", {
          facilitatorUserId: `${lead.credential} cannot prescribe.`,
        });
      }
      const participant = await peopleRepo.person(input.participantUserId);
      const careTeam = await peopleRepo.careTeamOf(input.participantUserId);
      const visible =
        participant?.role === "PARTICIPANT" &&
        participant.active &&
        decide(actor, "read", {
          type: "participant",
          organizationId: participant.organizationId,
          participantId: participant.id,
          facilitatorIds: careTeam,
          familyIds: [],
        }) === "allow";
      if (!participant || !visible) {
        throw badRequest("Choose one of your participants.", {
          participantUserId: "No such participant.",
        });
      }
      let familyIds: string[] = [];
      if (input.kind === "FAMILY") {
        const consented = await deps.families.consentedFamily([participant.id], "FAMILY");
        const allowed = consented.map((c) => c.familyUserId);
        familyIds = input.familyUserIds ?? allowed;
        if (familyIds.some((id) => !allowed.includes(id))) {
          throw badRequest(
            "Invite only family members who have the participant's consent for family sessions.",
            {
              familyUserIds: "Someone chosen has no consent for family sessions.",
            },
          );
        }
      } else if (input.familyUserIds && input.familyUserIds.length > 0) {
        throw badRequest("Family members join family sessions only.", {
          familyUserIds: "Only for family therapy.",
        });
      }
      const timeZone = input.timeZone ?? lead.timeZone;
      const startsAt = new Date(input.startsAt);
      const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);
      checkLicenseOn(lead, startsAt, timeZone, "facilitatorUserId");
      await guard(
        audit,
        context,
        "create",
        {
          type: "session",
          organizationId: actor.organizationId,
          facilitatorIds: [leadId],
          participantIds: [participant.id],
          familyIds: [],
        },
        { type: "session" },
        "session",
      );
      const id = await audit.change(
        context,
        "create",
        "session",
        async (tx) => {
          const clash = await findClash(
            { peopleRepo, directory },
            [{ startsAt, endsAt }],
            {
              facilitatorIds: [leadId],
              participantIds: [participant.id],
            },
            { db: tx },
          );
          if (clash) throw conflict(describeClash(clash));
          const created = await occurrenceRepo.createOccurrence(tx, {
            organizationId: actor.organizationId,
            cohortId: null,
            kind: input.kind,
            startsAt,
            endsAt,
            patternStartsAt: null,
            timeZone,
            leadFacilitatorId: leadId,
            participantUserId: participant.id,
            createdByUserId: actor.userId,
          });
          if (familyIds.length > 0) await deps.families.setSessionInvites(created, familyIds, tx);
          return created;
        },
        (created) => created,
      );
      const created = await occurrenceRepo.occurrence(id);
      if (!created) throw notFound("session");
      const [summary] = await summaries([created], actor);
      if (!summary) throw notFound("session");
      return summary;
    },

    async reschedule(
      context: Context,
      id: string,
      input: RescheduleSessionInput,
    ): Promise<SessionSummary> {
      const { occurrence, people } = await loadSession(context, id, "update");
      if (occurrence.status === "CANCELLED")
        throw conflict("This session was cancelled; book a new one instead.");
      const startsAt = input.startsAt ? new Date(input.startsAt) : occurrence.startsAt;
      const minutes =
        input.durationMinutes ??
        (occurrence.endsAt.getTime() - occurrence.startsAt.getTime()) / 60_000;
      const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
      const moved =
        startsAt.getTime() !== occurrence.startsAt.getTime() ||
        endsAt.getTime() !== occurrence.endsAt.getTime();
      if (moved) await refuseMovingHistory(id);
      const leadId = input.leadFacilitatorId ?? occurrence.leadFacilitatorId;
      if (leadId) {
        const lead = await clinician(
          occurrence.organizationId,
          leadId,
          input.leadFacilitatorId ? "leadFacilitatorId" : "startsAt",
        );
        checkLicenseOn(
          lead,
          startsAt,
          occurrence.timeZone,
          input.leadFacilitatorId ? "leadFacilitatorId" : "startsAt",
        );
      }
      const facilitatorIds = [
        ...people.facilitatorIds.filter((f) => f !== occurrence.leadFacilitatorId),
        ...(leadId ? [leadId] : []),
      ];
      await audit.change(
        context,
        "update",
        "session",
        async (tx) => {
          const clash = await findClash(
            { peopleRepo, directory },
            [{ startsAt, endsAt }],
            {
              facilitatorIds,
              participantIds: people.participantIds,
            },
            { db: tx, ignore: [id] },
          );
          if (clash) throw conflict(describeClash(clash));
          await occurrenceRepo.updateOccurrence(tx, id, {
            startsAt,
            endsAt,
            ...(leadId ? { leadFacilitatorId: leadId } : {}),
          });
          return id;
        },
        (x) => x,
      );
      return this.get(context, id);
    },

    async cancel(context: Context, id: string, input: CancelSessionInput): Promise<SessionSummary> {
      const { occurrence } = await loadSession(context, id, "update");
      if (occurrence.status === "CANCELLED") throw conflict("This session is already cancelled.");
      await audit.change(
        context,
        "update",
        "session",
        async (tx) => {
          await occurrenceRepo.updateOccurrence(tx, id, {
            status: "CANCELLED",
            cancelReason: input.reason,
          });
          return id;
        },
        (x) => x,
      );
      return this.get(context, id);
    },

    async plannedWeek(context: Context, participantId: string, date: string): Promise<PlannedWeek> {
      const participant = await peopleRepo.person(participantId);
      if (!participant || participant.role !== "PARTICIPANT") throw notFound("participant");
      await guard(
        audit,
        context,
        "read",
        {
          type: "participant",
          organizationId: participant.organizationId,
          participantId,
          facilitatorIds: await peopleRepo.careTeamOf(participantId),
          familyIds: [],
        },
        { type: "participant", id: participantId },
        "participant",
      );
      // Family members may see the participant's name, never their schedule.
      if (context.actor.role === "FAMILY") throw notFound("participant");
      const week = await deps.plannedHours.forWeek(
        participantId,
        weekStartOf(date),
        participant.organizationId,
      );
      await audit.record(context, "read", { type: "planned-hours", id: participantId }, "success");
      return { ...week, status: weeklyHoursStatus(week.plannedHours) };
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
