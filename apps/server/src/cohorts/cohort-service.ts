import {
  addDaysToDate,
  cohortClinicians,
  decide,
  defaultPhaseDays,
  describeWeeklyPattern,
  expectedOn,
  isActiveEnrollment,
  isLicenseValidOn,
  isoDateInZone,
  nextStepDownPhase,
  phaseDaysProblem,
  phaseOn,
  SCHEDULE_HORIZON_WEEKS,
  weeklyPatternToRRule,
  weekStartOf,
  weeklyHoursStatus,
  type Actor,
  type CohortDetail,
  type CohortListItem,
  type CreateCohortInput,
  type CreateProgramInput,
  type EnrollmentSummary,
  type EnrollParticipantInput,
  type StepDownInput,
  type UpdateCohortInput,
  type BookMultiFamilyInput,
} from "@bridgeway/domain";
import type { AuditContext, AuditLog } from "../audit/audit-log";
import type { Clock } from "../clock";
import { badRequest, conflict, notFound } from "../http/errors";
import { cohortResource, guard } from "../audit/guard";
import { describeClash, findClash, formatWhen } from "../sessions/clashes";
import { patternOccurrences } from "../sessions/pattern-occurrences";
import type { Clinician, PeopleRepository } from "../people/people-repository";
import type { CohortRecord, EnrollmentRecord, CohortRepository } from "./cohort-repository";
import type { Db } from "../db/database";
import type { NewOccurrence, OccurrenceRepository } from "../sessions/occurrence-repository";
import type { SessionDirectory } from "../sessions/session-directory";
import type { PlannedHours } from "./planned-hours";

type Context = AuditContext & { actor: Actor };

/** Programs, cohorts, their meetings, enrollments and step-down. */
export function createCohortService(deps: {
  peopleRepo: PeopleRepository;
  cohortRepo: CohortRepository;
  occurrenceRepo: OccurrenceRepository;
  directory: SessionDirectory;
  audit: AuditLog;
  clock: Clock;
  plannedHours: PlannedHours;
  /**
   * Clinicians taken off a cohort: called after the change is stored, so their open sockets
   * leave the cohort's rooms at once (realtime access control).
   */
  onStaffRemoved?: (userIds: readonly string[]) => Promise<void>;
}) {
  const { peopleRepo, cohortRepo, occurrenceRepo, directory, audit, clock } = deps;

  const today = (timeZone: string) => isoDateInZone(clock.now(), timeZone);

  /** The cohort's meetings from `from` to the horizon (or its end), not yet stored. */
  function meetingsFor(
    cohort: CohortRecord,
    from: string,
    lead: Clinician | undefined,
  ): NewOccurrence[] {
    const horizon = addDaysToDate(today(cohort.timeZone), SCHEDULE_HORIZON_WEEKS * 7);
    const to = cohort.endsOn < horizon ? cohort.endsOn : horizon;
    return patternOccurrences({
      recurrenceRule: cohort.recurrenceRule,
      startTime: cohort.weeklyPattern.startTime,
      endTime: cohort.weeklyPattern.endTime,
      timeZone: cohort.timeZone,
      from: from > cohort.startsOn ? from : cohort.startsOn,
      to,
    }).map((m) => ({
      organizationId: cohort.organizationId,
      cohortId: cohort.id,
      kind: cohort.groupSessionKind,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      patternStartsAt: m.startsAt,
      timeZone: cohort.timeZone,
      // Nobody leads a meeting past the expiry of their license; the gap shows as "no lead".
      leadFacilitatorId:
        lead && isLicenseValidOn(lead.licenseExpiresOn, m.localDate) ? lead.id : null,
      participantUserId: null,
      createdByUserId: null,
    }));
  }

  async function leadOf(cohort: CohortRecord, db?: Db): Promise<Clinician | undefined> {
    if (!cohort.leadId) return undefined;
    const [lead] = await peopleRepo.clinicians(
      { organizationId: cohort.organizationId, ids: [cohort.leadId] },
      db,
    );
    return lead;
  }

  /** Stores the cohort's meetings up to the horizon; existing ones are kept as they are. */
  async function ensureMeetings(
    cohort: CohortRecord,
    db: Db,
    from = cohort.startsOn,
  ): Promise<number> {
    return occurrenceRepo.insertOccurrences(
      db,
      meetingsFor(cohort, from, await leadOf(cohort, db)),
    );
  }

  /** Refuses a lead whose license has lapsed by the first meeting they would lead. */
  function checkLicense(
    lead: Clinician,
    meetings: { startsAt: Date; timeZone: string }[],
    field: string,
  ): void {
    const lapsed = meetings.find(
      (m) => !isLicenseValidOn(lead.licenseExpiresOn, isoDateInZone(m.startsAt, m.timeZone)),
    );
    if (lapsed) {
      throw badRequest(
        `${lead.displayName}'s license (${lead.credential}, ${lead.licenseState}) expires on ${lead.licenseExpiresOn}, before the meeting on ${formatWhen(lapsed.startsAt, lapsed.timeZone)}. Renew the license first, or choose another lead.`,
        {
          [field]: `License expires ${lead.licenseExpiresOn}, before a meeting they would lead.`,
        },
      );
    }
  }

  /** An expired license never leads, even a cohort whose meetings are not generated yet. */
  function refuseExpiredLead(lead: Clinician, timeZone: string): void {
    const date = today(timeZone);
    if (!isLicenseValidOn(lead.licenseExpiresOn, date)) {
      throw badRequest(
        `${lead.displayName}'s license (${lead.credential}, ${lead.licenseState}) expired on ${lead.licenseExpiresOn}. Renew the license first, or choose another lead.`,
        { leadFacilitatorId: `License expired on ${lead.licenseExpiresOn}.` },
      );
    }
  }

  async function staff(organizationId: string, leadId: string, coIds: string[]) {
    const ids = [leadId, ...coIds];
    const found = await peopleRepo.clinicians({ organizationId, ids });
    const byId = new Map(found.map((c) => [c.id, c]));
    const lead = byId.get(leadId);
    if (!lead)
      throw badRequest("Choose a facilitator of this clinic as lead.", {
        leadFacilitatorId: "No such facilitator.",
      });
    const missing = coIds.filter((id) => !byId.has(id));
    if (missing.length > 0) {
      throw badRequest("Choose co-facilitators from this clinic.", {
        coFacilitatorIds: "No such facilitator.",
      });
    }
    return {
      lead,
      co: coIds.map((id) => byId.get(id)).filter((c): c is Clinician => c !== undefined),
    };
  }

  /** Whether an update would change who runs the cohort (not merely repeat it). */
  function staffingChanges(cohort: CohortRecord, input: UpdateCohortInput): boolean {
    const leadChanges =
      input.leadFacilitatorId !== undefined && input.leadFacilitatorId !== cohort.leadId;
    const coChanges =
      input.coFacilitatorIds !== undefined &&
      [...new Set(input.coFacilitatorIds)].sort().join() !== [...cohort.coIds].sort().join();
    return leadChanges || coChanges;
  }

  async function loadCohort(context: Context, id: string, action: "read" | "update") {
    const cohort = await cohortRepo.cohort(id);
    if (!cohort) throw notFound("cohort");
    const enrollments = await cohortRepo.enrollments({ cohortIds: [id] });
    const participantIds = enrollments.filter(isActiveEnrollment).map((e) => e.participant.id);
    await guard(
      audit,
      context,
      action,
      cohortResource(cohort, participantIds),
      { type: "cohort", id },
      "cohort",
    );
    // Enrolled participants may see that their cohort exists, but its roster and planning are
    // staff views (`cohort-planning`).
    const planning = decide(context.actor, "read", {
      type: "cohort-planning",
      organizationId: cohort.organizationId,
      facilitatorIds: cohortClinicians(cohort),
    });
    if (planning !== "allow") throw notFound("cohort");
    return { cohort, enrollments };
  }

  async function enrollmentSummary(
    enrollment: EnrollmentRecord,
    cohort: CohortRecord,
  ): Promise<EnrollmentSummary> {
    const date = today(cohort.timeZone);
    const current = phaseOn(enrollment.phases, date) ?? enrollment.phases[0];
    const [week, weeks] = await Promise.all([
      deps.plannedHours.forWeek(
        enrollment.participant.id,
        weekStartOf(date),
        cohort.organizationId,
      ),
      deps.plannedHours.forEnrollment(enrollment, cohort),
    ]);
    return {
      id: enrollment.id,
      participant: enrollment.participant,
      phase: current?.phase ?? enrollment.phase,
      days: current?.days ?? [],
      startsOn: enrollment.startsOn,
      plannedDischargeOn: enrollment.plannedDischargeOn,
      status: enrollment.status,
      phases: enrollment.phases,
      plannedThisWeek: { ...week, status: weeklyHoursStatus(week.plannedHours) },
      plannedWeeks: weeks,
    };
  }

  async function detail(
    cohort: CohortRecord,
    enrollments: EnrollmentRecord[],
  ): Promise<CohortDetail> {
    const people = await peopleRepo.clinicians({
      organizationId: cohort.organizationId,
      ids: cohortClinicians(cohort),
    });
    const ref = (c: Clinician) => ({
      id: c.id,
      displayName: c.displayName,
      credential: c.credential,
    });
    const lead = people.find((p) => p.id === cohort.leadId);
    const summaries: EnrollmentSummary[] = [];
    for (const e of enrollments) summaries.push(await enrollmentSummary(e, cohort));
    return {
      id: cohort.id,
      name: cohort.name,
      program: cohort.program,
      timeZone: cohort.timeZone,
      capacity: cohort.capacity,
      startsOn: cohort.startsOn,
      endsOn: cohort.endsOn,
      weeklyPattern: cohort.weeklyPattern,
      recurrenceRule: cohort.recurrenceRule,
      groupSessionKind: cohort.groupSessionKind,
      lead: lead ? ref(lead) : null,
      coFacilitators: people.filter((p) => cohort.coIds.includes(p.id)).map(ref),
      enrollments: summaries,
    };
  }

  /** Refuses an enrollment (or phase) whose meetings clash with the participant's other sessions. */
  async function checkParticipantClashes(
    cohort: CohortRecord,
    participantId: string,
    window: Parameters<typeof expectedOn>[0],
    from: string,
    ignoreCohort: boolean,
    db: Db,
  ): Promise<void> {
    const meetings = (
      await occurrenceRepo.occurrences(
        {
          cohortIds: [cohort.id],
          from: new Date(`${from}T00:00:00Z`),
          to: new Date(`${addDaysToDate(window.plannedDischargeOn, 2)}T00:00:00Z`),
        },
        db,
      )
    ).filter(
      (o) =>
        o.status === "SCHEDULED" &&
        expectedOn(window, isoDateInZone(o.patternStartsAt ?? o.startsAt, o.timeZone)),
    );
    if (meetings.length === 0) return;
    const clash = await findClash(
      { peopleRepo, directory },
      meetings,
      { facilitatorIds: [], participantIds: [participantId] },
      {
        db,
        ...(ignoreCohort ? { ignore: meetings.map((m) => m.id) } : {}),
      },
    );
    if (clash) throw conflict(describeClash(clash));
  }

  return {
    ensureMeetings,

    /** Extends every running cohort's stored meetings to the horizon (run periodically). */
    async extendHorizon(): Promise<number> {
      let added = 0;
      const running = await cohortRepo.cohorts({
        endsOnOrAfter: isoDateInZone(clock.now(), "UTC"),
      });
      for (const cohort of running) {
        added += await ensureMeetings(
          cohort,
          cohortRepo.prisma,
          addDaysToDate(today(cohort.timeZone), -1),
        );
      }
      return added;
    },

    async listPrograms(context: Context) {
      await guard(
        audit,
        context,
        "read",
        { type: "program", organizationId: context.actor.organizationId },
        { type: "program" },
        "page",
      );
      return cohortRepo.listPrograms(context.actor.organizationId);
    },

    async createProgram(context: Context, input: CreateProgramInput) {
      await guard(
        audit,
        context,
        "create",
        { type: "program", organizationId: context.actor.organizationId },
        { type: "program" },
        "page",
      );
      return audit.change(
        context,
        "create",
        "program",
        (tx) => cohortRepo.createProgram(tx, context.actor.organizationId, input),
        (p) => p.id,
      );
    },

    async listCohorts(context: Context): Promise<CohortListItem[]> {
      const { actor } = context;
      const scope =
        actor.role === "ADMIN"
          ? { organizationId: actor.organizationId }
          : actor.role === "FACILITATOR"
            ? { organizationId: actor.organizationId, facilitatorId: actor.userId }
            : actor.role === "PARTICIPANT"
              ? { organizationId: actor.organizationId, participantId: actor.userId }
              : null;
      if (!scope) return [];
      const cohorts = await cohortRepo.cohorts(scope);
      const enrollments = await cohortRepo.enrollments({ cohortIds: cohorts.map((c) => c.id) });
      return cohorts.map((c) => ({
        id: c.id,
        name: c.name,
        programName: c.program.name,
        timeZone: c.timeZone,
        schedule: describeWeeklyPattern(c.weeklyPattern),
        enrolled: enrollments.filter((e) => e.cohortId === c.id && isActiveEnrollment(e)).length,
        capacity: c.capacity,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
      }));
    },

    async getCohort(context: Context, id: string): Promise<CohortDetail> {
      const { cohort, enrollments } = await loadCohort(context, id, "read");
      await audit.record(context, "read", { type: "cohort-roster", id }, "success");
      return detail(cohort, enrollments);
    },

    async createCohort(context: Context, input: CreateCohortInput): Promise<CohortDetail> {
      const { actor } = context;
      const program = await cohortRepo.program(input.programId);
      if (!program || program.organizationId !== actor.organizationId) {
        throw badRequest("Choose a program of this clinic.", { programId: "No such program." });
      }
      await guard(
        audit,
        context,
        "create",
        {
          type: "cohort",
          organizationId: actor.organizationId,
          facilitatorIds: [input.leadFacilitatorId, ...input.coFacilitatorIds],
          participantIds: [],
        },
        { type: "cohort" },
        "page",
      );
      const { lead } = await staff(
        actor.organizationId,
        input.leadFacilitatorId,
        input.coFacilitatorIds,
      );
      refuseExpiredLead(lead, input.timeZone);
      const id = await audit.change(
        context,
        "create",
        "cohort",
        async (tx) => {
          const cohortId = await cohortRepo.createCohort(tx, {
            programId: input.programId,
            name: input.name,
            timeZone: input.timeZone,
            capacity: input.capacity,
            startsOn: input.startsOn,
            endsOn: input.endsOn,
            weeklyPattern: input.weeklyPattern,
            recurrenceRule: weeklyPatternToRRule(input.weeklyPattern),
            groupSessionKind: input.groupSessionKind,
            leadId: input.leadFacilitatorId,
            coIds: input.coFacilitatorIds,
          });
          const cohort = await cohortRepo.cohort(cohortId, tx);
          if (!cohort) throw notFound("cohort");
          const upcoming = meetingsFor(cohort, today(cohort.timeZone), lead);
          checkLicense(lead, upcoming, "leadFacilitatorId");
          const clash = await findClash(
            { peopleRepo, directory },
            upcoming,
            {
              facilitatorIds: [input.leadFacilitatorId, ...input.coFacilitatorIds],
              participantIds: [],
            },
            { db: tx },
          );
          if (clash) throw conflict(describeClash(clash));
          await ensureMeetings(cohort, tx);
          return cohortId;
        },
        (cohortId) => cohortId,
      );
      const cohort = await cohortRepo.cohort(id);
      if (!cohort) throw notFound("cohort");
      return detail(cohort, []);
    },

    async updateCohort(
      context: Context,
      id: string,
      input: UpdateCohortInput,
    ): Promise<CohortDetail> {
      const { cohort, enrollments: current } = await loadCohort(context, id, "update");
      if (staffingChanges(cohort, input)) {
        // Assigning clinicians creates care relationships with everyone enrolled: the clinic's call.
        await guard(
          audit,
          context,
          "update",
          {
            type: "cohort-staff",
            organizationId: cohort.organizationId,
            facilitatorIds: cohortClinicians(cohort),
            participantIds: current.filter(isActiveEnrollment).map((e) => e.participant.id),
          },
          { type: "cohort", id },
          "cohort's clinicians",
        );
      }
      const endsOn = input.endsOn ?? cohort.endsOn;
      if (endsOn < cohort.startsOn) {
        throw badRequest("The end date must not be before the start date.", {
          endsOn: "Before the start date.",
        });
      }
      const leadId = input.leadFacilitatorId ?? cohort.leadId;
      const coIds = input.coFacilitatorIds ?? cohort.coIds;
      if (!leadId)
        throw badRequest("Choose the lead facilitator.", { leadFacilitatorId: "Required." });
      if (coIds.includes(leadId)) {
        throw badRequest("The lead facilitator cannot also be a co-facilitator.", {
          coFacilitatorIds: "Includes the lead.",
        });
      }
      const { lead } = await staff(cohort.organizationId, leadId, coIds);
      if (input.leadFacilitatorId !== undefined) refuseExpiredLead(lead, cohort.timeZone);
      const now = clock.now();
      await audit.change(
        context,
        "update",
        "cohort",
        async (tx) => {
          if (input.capacity !== undefined) {
            const enrolled = await cohortRepo.countActiveEnrollments(tx, id);
            if (input.capacity < enrolled) {
              throw badRequest(`${enrolled} people are enrolled; capacity cannot go below that.`, {
                capacity: `At least ${enrolled}.`,
              });
            }
          }
          await cohortRepo.updateCohort(tx, id, {
            name: input.name,
            capacity: input.capacity,
            endsOn: input.endsOn,
            weeklyPattern: input.weeklyPattern,
            recurrenceRule: input.weeklyPattern
              ? weeklyPatternToRRule(input.weeklyPattern)
              : undefined,
          });
          if (input.leadFacilitatorId !== undefined || input.coFacilitatorIds !== undefined) {
            await cohortRepo.setCohortFacilitators(tx, id, leadId, coIds);
          }
          // Changes apply from now on: past meetings, cancelled ones and ones moved by hand stay.
          if (input.weeklyPattern !== undefined || input.endsOn !== undefined) {
            await occurrenceRepo.deleteUntouchedFutureMeetings(tx, id, now);
          }
          if (input.leadFacilitatorId !== undefined) {
            await occurrenceRepo.setFutureLead(tx, id, now, leadId, cohort.leadId);
          }
          const updated = await cohortRepo.cohort(id, tx);
          if (!updated) throw notFound("cohort");
          const upcoming = meetingsFor(updated, today(updated.timeZone), lead);
          checkLicense(lead, upcoming, "leadFacilitatorId");
          if (
            input.weeklyPattern !== undefined ||
            input.leadFacilitatorId !== undefined ||
            input.coFacilitatorIds !== undefined
          ) {
            const existing = await occurrenceRepo.occurrences(
              { cohortIds: [id], from: now, to: new Date(now.getTime() + 366 * 86_400_000) },
              tx,
            );
            const clash = await findClash(
              { peopleRepo, directory },
              upcoming,
              { facilitatorIds: cohortClinicians({ leadId, coIds }), participantIds: [] },
              { db: tx, ignore: existing.map((o) => o.id) },
            );
            if (clash) throw conflict(describeClash(clash));
          }
          await ensureMeetings(updated, tx, today(updated.timeZone));
          return id;
        },
        (cohortId) => cohortId,
      );
      const kept = new Set(cohortClinicians({ leadId, coIds }));
      const removed = cohortClinicians(cohort).filter((x) => !kept.has(x));
      if (removed.length > 0) await deps.onStaffRemoved?.(removed);
      const { cohort: updated, enrollments } = await loadCohort(context, id, "read");
      return detail(updated, enrollments);
    },

    async enroll(
      context: Context,
      cohortId: string,
      input: EnrollParticipantInput,
    ): Promise<EnrollmentSummary> {
      const cohort = await cohortRepo.cohort(cohortId);
      if (!cohort) throw notFound("cohort");
      await guard(
        audit,
        context,
        "create",
        {
          type: "enrollment",
          organizationId: cohort.organizationId,
          participantId: input.participantUserId,
          facilitatorIds: cohortClinicians(cohort),
        },
        { type: "cohort", id: cohortId },
        "cohort",
      );
      const participant = await peopleRepo.person(input.participantUserId);
      if (
        !participant ||
        participant.organizationId !== cohort.organizationId ||
        participant.role !== "PARTICIPANT" ||
        !participant.active
      ) {
        throw badRequest("Choose a participant of this clinic.", {
          participantUserId: "No such participant.",
        });
      }
      if (input.startsOn < cohort.startsOn || input.startsOn > cohort.endsOn) {
        throw badRequest(
          `Start between ${cohort.startsOn} and ${cohort.endsOn}, while the cohort runs.`,
          { startsOn: "Outside the cohort's dates." },
        );
      }
      const days = input.days ?? defaultPhaseDays(cohort.weeklyPattern.days, input.phase);
      const problem = phaseDaysProblem(cohort.weeklyPattern.days, input.phase, days);
      if (problem) throw badRequest(problem, { days: problem });

      const id = await audit.change(
        context,
        "create",
        "enrollment",
        async (tx) => {
          const existing = await cohortRepo.activeEnrollmentOf(tx, input.participantUserId);
          if (existing) {
            throw conflict(
              `${participant.displayName} is already enrolled in ${existing.cohort.name}. Discharge or withdraw them there first.`,
            );
          }
          const enrolled = await cohortRepo.countActiveEnrollments(tx, cohortId);
          if (enrolled >= cohort.capacity) {
            throw conflict(`${cohort.name} is full (${enrolled} of ${cohort.capacity} places).`);
          }
          const window = {
            startsOn: input.startsOn,
            plannedDischargeOn: input.plannedDischargeOn,
            endedOn: null,
            phases: [{ phase: input.phase, days, effectiveFrom: input.startsOn }],
          };
          await checkParticipantClashes(
            cohort,
            input.participantUserId,
            window,
            input.startsOn,
            false,
            tx,
          );
          return cohortRepo.createEnrollment(tx, {
            cohortId,
            participantId: input.participantUserId,
            phase: input.phase,
            days,
            startsOn: input.startsOn,
            plannedDischargeOn: input.plannedDischargeOn,
            createdByUserId: context.actor.userId,
          });
        },
        (created) => created,
      );
      const enrollment = await cohortRepo.enrollment(id);
      if (!enrollment) throw notFound("enrollment");
      return enrollmentSummary(enrollment, cohort);
    },

    /** Books a multi-family group for a cohort: its participants and their consenting families. */
    async bookMultiFamily(
      context: Context,
      cohortId: string,
      input: BookMultiFamilyInput,
    ): Promise<string> {
      const cohort = await cohortRepo.cohort(cohortId);
      if (!cohort) throw notFound("cohort");
      const enrollments = await cohortRepo.enrollments({ cohortIds: [cohortId] });
      const participantIds = enrollments.filter(isActiveEnrollment).map((e) => e.participant.id);
      await guard(
        audit,
        context,
        "update",
        cohortResource(cohort, participantIds),
        { type: "cohort", id: cohortId },
        "cohort",
      );
      const leadId = context.actor.role === "FACILITATOR" ? context.actor.userId : cohort.leadId;
      if (!leadId)
        throw badRequest("The cohort has no lead facilitator.", { cohortId: "No lead." });
      const [lead] = await peopleRepo.clinicians({
        organizationId: cohort.organizationId,
        ids: [leadId],
      });
      if (!lead) throw notFound("cohort");
      const startsAt = new Date(input.startsAt);
      const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);
      checkLicense(lead, [{ startsAt, timeZone: cohort.timeZone }], "startsAt");
      const staffIds = [
        ...new Set([leadId, ...cohort.coIds, ...(cohort.leadId ? [cohort.leadId] : [])]),
      ];
      return audit.change(
        context,
        "create",
        "session",
        async (tx) => {
          const clash = await findClash(
            { peopleRepo, directory },
            [{ startsAt, endsAt }],
            { facilitatorIds: staffIds, participantIds },
            { db: tx },
          );
          if (clash) throw conflict(describeClash(clash));
          return occurrenceRepo.createOccurrence(tx, {
            organizationId: cohort.organizationId,
            cohortId,
            kind: "MULTI_FAMILY",
            startsAt,
            endsAt,
            patternStartsAt: null,
            timeZone: cohort.timeZone,
            leadFacilitatorId: leadId,
            participantUserId: null,
            createdByUserId: context.actor.userId,
          });
        },
        (x) => x,
      );
    },

    async stepDown(
      context: Context,
      enrollmentId: string,
      input: StepDownInput,
    ): Promise<EnrollmentSummary> {
      const enrollment = await cohortRepo.enrollment(enrollmentId);
      if (!enrollment) throw notFound("enrollment");
      const cohort = await cohortRepo.cohort(enrollment.cohortId);
      if (!cohort) throw notFound("enrollment");
      await guard(
        audit,
        context,
        "update",
        {
          type: "enrollment",
          organizationId: cohort.organizationId,
          participantId: enrollment.participant.id,
          facilitatorIds: cohortClinicians(cohort),
        },
        { type: "enrollment", id: enrollmentId },
        "enrollment",
      );
      if (!isActiveEnrollment(enrollment))
        throw conflict("This enrollment has ended; it cannot step down.");
      const current = phaseOn(enrollment.phases, input.effectiveFrom) ?? enrollment.phases.at(-1);
      const from = current?.phase ?? enrollment.phase;
      const phase = input.phase ?? nextStepDownPhase(from);
      if (phase === null) {
        throw badRequest(
          "Already at the lowest phase (2 days a week); plan the discharge instead.",
          { phase: "No lower phase." },
        );
      }
      if (phase >= from) {
        throw badRequest(`Step down goes to fewer days than the current ${from}.`, {
          phase: `Must be below ${from}.`,
        });
      }
      if (
        input.effectiveFrom <= enrollment.startsOn ||
        input.effectiveFrom > enrollment.plannedDischargeOn
      ) {
        throw badRequest(
          `Choose a date after ${enrollment.startsOn} and no later than the planned discharge on ${enrollment.plannedDischargeOn}.`,
          {
            effectiveFrom: "Outside the enrollment.",
          },
        );
      }
      if (input.effectiveFrom < today(cohort.timeZone)) {
        throw badRequest(
          "Step-down changes what is expected from now on; choose today or a later date.",
          { effectiveFrom: "In the past." },
        );
      }
      const days = input.days ?? defaultPhaseDays(cohort.weeklyPattern.days, phase);
      const problem = phaseDaysProblem(cohort.weeklyPattern.days, phase, days);
      if (problem) throw badRequest(problem, { days: problem });
      await audit.change(
        context,
        "update",
        "enrollment",
        async (tx) => {
          await cohortRepo.setPhaseFrom(
            tx,
            enrollmentId,
            { phase, days, effectiveFrom: input.effectiveFrom },
            context.actor.userId,
          );
          const updated = await cohortRepo.enrollment(enrollmentId, tx);
          if (updated)
            await checkParticipantClashes(
              cohort,
              updated.participant.id,
              updated,
              input.effectiveFrom,
              true,
              tx,
            );
          return enrollmentId;
        },
        (x) => x,
      );
      const updated = await cohortRepo.enrollment(enrollmentId);
      if (!updated) throw notFound("enrollment");
      return enrollmentSummary(updated, cohort);
    },
  };
}

export type CohortService = ReturnType<typeof createCohortService>;
