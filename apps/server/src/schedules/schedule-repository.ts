import {
  careTeamOf as careTeam,
  type CareRelationship,
  type CredentialKind,
  type EnrollmentPhase,
  type EnrollmentStatus,
  type LicenseState,
  type Locale,
  type PhasePeriod,
  type SessionKind,
  type SessionStatus,
  type Weekday,
  type WeeklyPattern,
} from "@bridgeway/domain";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

/** Either the client or a transaction: reads inside a change see the change's own writes. */
export type Db = PrismaClient | Prisma.TransactionClient;

export const dateOnly = (date: Date): string => date.toISOString().slice(0, 10);
export const asDate = (isoDate: string): Date => new Date(`${isoDate}T00:00:00Z`);

const PERSON = { id: true, firstName: true, lastName: true, preferredName: true } as const;
type PersonRow = { id: string; firstName: string; lastName: string; preferredName: string | null };
export const displayName = (p: PersonRow): string =>
  `${p.preferredName ?? p.firstName} ${p.lastName}`;
const personRef = (p: PersonRow) => ({ id: p.id, displayName: displayName(p) });

export type Clinician = {
  id: string;
  displayName: string;
  email: string;
  organizationId: string;
  timeZone: string;
  /** Deactivated clinicians appear only when asked for (the admin's staff list). */
  active: boolean;
  passwordSetAt: Date | null;
  credential: CredentialKind;
  licenseState: LicenseState;
  licenseExpiresOn: string;
};

export type CohortRecord = {
  id: string;
  organizationId: string;
  name: string;
  program: { id: string; name: string };
  timeZone: string;
  capacity: number;
  startsOn: string;
  endsOn: string;
  weeklyPattern: WeeklyPattern;
  recurrenceRule: string;
  groupSessionKind: SessionKind;
  leadId: string | null;
  coIds: string[];
};

export type EnrollmentRecord = {
  id: string;
  cohortId: string;
  participant: { id: string; displayName: string };
  phase: EnrollmentPhase;
  status: EnrollmentStatus;
  startsOn: string;
  plannedDischargeOn: string;
  endedOn: string | null;
  phases: PhasePeriod[];
};

export type OccurrenceRecord = {
  id: string;
  organizationId: string;
  cohortId: string | null;
  cohortName: string | null;
  kind: SessionKind;
  status: SessionStatus;
  startsAt: Date;
  endsAt: Date;
  patternStartsAt: Date | null;
  timeZone: string;
  leadFacilitatorId: string | null;
  participantUserId: string | null;
  cancelReason: string | null;
  /** When a facilitator ended the live room early (or on time); null while it has not ended. */
  endedAt: Date | null;
};

const COHORT_SELECT = {
  id: true,
  name: true,
  timeZone: true,
  capacity: true,
  startsOn: true,
  endsOn: true,
  meetingDays: true,
  startTime: true,
  endTime: true,
  recurrenceRule: true,
  groupSessionKind: true,
  program: { select: { id: true, name: true, organizationId: true } },
  facilitators: { select: { facilitatorUserId: true, role: true } },
} as const;

type CohortRow = Prisma.CohortGetPayload<{ select: typeof COHORT_SELECT }>;

function toCohort(row: CohortRow): CohortRecord {
  return {
    id: row.id,
    organizationId: row.program.organizationId,
    name: row.name,
    program: { id: row.program.id, name: row.program.name },
    timeZone: row.timeZone,
    capacity: row.capacity,
    startsOn: dateOnly(row.startsOn),
    endsOn: dateOnly(row.endsOn),
    weeklyPattern: {
      days: row.meetingDays as Weekday[],
      startTime: row.startTime,
      endTime: row.endTime,
    },
    recurrenceRule: row.recurrenceRule,
    groupSessionKind: row.groupSessionKind,
    leadId: row.facilitators.find((f) => f.role === "LEAD")?.facilitatorUserId ?? null,
    coIds: row.facilitators.filter((f) => f.role === "CO").map((f) => f.facilitatorUserId),
  };
}

const ENROLLMENT_SELECT = {
  id: true,
  cohortId: true,
  phase: true,
  status: true,
  startsOn: true,
  plannedDischargeOn: true,
  endedOn: true,
  participant: { select: PERSON },
  phases: {
    orderBy: { effectiveFrom: "asc" },
    select: { phase: true, days: true, effectiveFrom: true },
  },
} as const;

type EnrollmentRow = Prisma.EnrollmentGetPayload<{ select: typeof ENROLLMENT_SELECT }>;

function toEnrollment(row: EnrollmentRow): EnrollmentRecord {
  return {
    id: row.id,
    cohortId: row.cohortId,
    participant: personRef(row.participant),
    phase: row.phase as EnrollmentPhase,
    status: row.status,
    startsOn: dateOnly(row.startsOn),
    plannedDischargeOn: dateOnly(row.plannedDischargeOn),
    endedOn: row.endedOn ? dateOnly(row.endedOn) : null,
    phases: row.phases.map((p) => ({
      phase: p.phase as EnrollmentPhase,
      days: p.days as Weekday[],
      effectiveFrom: dateOnly(p.effectiveFrom),
    })),
  };
}

const OCCURRENCE_SELECT = {
  id: true,
  organizationId: true,
  cohortId: true,
  cohort: { select: { name: true } },
  kind: true,
  status: true,
  startsAt: true,
  endsAt: true,
  patternStartsAt: true,
  timeZone: true,
  leadFacilitatorId: true,
  participantUserId: true,
  cancelReason: true,
  liveRoom: { select: { endedAt: true } },
} as const;

type OccurrenceRow = Prisma.SessionOccurrenceGetPayload<{ select: typeof OCCURRENCE_SELECT }>;

function toOccurrence(row: OccurrenceRow): OccurrenceRecord {
  const { cohort, liveRoom, ...rest } = row;
  return { ...rest, cohortName: cohort?.name ?? null, endedAt: liveRoom?.endedAt ?? null };
}

export type NewOccurrence = {
  organizationId: string;
  cohortId: string | null;
  kind: SessionKind;
  startsAt: Date;
  endsAt: Date;
  patternStartsAt: Date | null;
  timeZone: string;
  leadFacilitatorId: string | null;
  participantUserId: string | null;
  createdByUserId: string | null;
};

/** Schedules: programs, people, cohorts, enrollments and sessions. Plain records out. */
export function createScheduleRepository(prisma: PrismaClient) {
  /**
   * Every clinician of every cohort a participant is or was enrolled in, with that
   * enrollment's status: the facts `careTeamOf` in the domain turns into the care team.
   */
  async function careRelationshipsOf(participantId: string): Promise<CareRelationship[]> {
    const rows = await prisma.enrollment.findMany({
      where: { participantUserId: participantId },
      select: {
        status: true,
        endedOn: true,
        cohort: { select: { facilitators: { select: { facilitatorUserId: true } } } },
      },
    });
    return rows.flatMap((row) =>
      row.cohort.facilitators.map((f) => ({
        facilitatorId: f.facilitatorUserId,
        enrollmentStatus: row.status,
        endedOn: row.endedOn ? dateOnly(row.endedOn) : null,
      })),
    );
  }

  return {
    prisma,

    async organizationName(organizationId: string): Promise<string> {
      const org = await prisma.organization.findUniqueOrThrow({
        where: { id: organizationId },
        select: { name: true },
      });
      return org.name;
    },

    async organizationTimeZone(organizationId: string): Promise<string> {
      const org = await prisma.organization.findUniqueOrThrow({
        where: { id: organizationId },
        select: { timeZone: true },
      });
      return org.timeZone;
    },

    async listPrograms(organizationId: string) {
      return prisma.program.findMany({
        where: { organizationId },
        orderBy: { name: "asc" },
        select: { id: true, name: true, description: true },
      });
    },

    async createProgram(
      db: Db,
      organizationId: string,
      input: { name: string; description: string },
    ) {
      return db.program.create({
        data: { organizationId, ...input },
        select: { id: true, name: true, description: true },
      });
    },

    async program(id: string) {
      return prisma.program.findUnique({
        where: { id },
        select: { id: true, organizationId: true },
      });
    },

    async clinicians(
      where: { organizationId: string; ids?: string[]; includeDeactivated?: boolean },
      db: Db = prisma,
    ): Promise<Clinician[]> {
      const rows = await db.facilitatorProfile.findMany({
        where: {
          user: {
            organizationId: where.organizationId,
            ...(where.includeDeactivated ? {} : { active: true }),
          },
          ...(where.ids ? { userId: { in: where.ids } } : {}),
        },
        orderBy: [{ user: { lastName: "asc" } }, { user: { firstName: "asc" } }],
        select: {
          credential: true,
          licenseState: true,
          licenseExpiresOn: true,
          user: {
            select: {
              ...PERSON,
              email: true,
              organizationId: true,
              timeZone: true,
              active: true,
              passwordSetAt: true,
            },
          },
        },
      });
      return rows.map((r) => ({
        id: r.user.id,
        displayName: displayName(r.user),
        email: r.user.email,
        organizationId: r.user.organizationId,
        timeZone: r.user.timeZone,
        active: r.user.active,
        passwordSetAt: r.user.passwordSetAt,
        credential: r.credential,
        licenseState: r.licenseState as LicenseState,
        licenseExpiresOn: dateOnly(r.licenseExpiresOn),
      }));
    },

    async emailTaken(email: string): Promise<boolean> {
      return (await prisma.user.count({ where: { email } })) > 0;
    },

    async createFacilitator(
      db: Db,
      data: {
        organizationId: string;
        email: string;
        passwordHash: string;
        firstName: string;
        lastName: string;
        timeZone: string;
        locale: Locale;
        credential: CredentialKind;
        licenseState: LicenseState;
        licenseExpiresOn: string;
      },
    ): Promise<string> {
      const user = await db.user.create({
        data: {
          organizationId: data.organizationId,
          email: data.email,
          passwordHash: data.passwordHash,
          role: "FACILITATOR",
          firstName: data.firstName,
          lastName: data.lastName,
          timeZone: data.timeZone,
          locale: data.locale,
          facilitator: {
            create: {
              credential: data.credential,
              licenseState: data.licenseState,
              licenseExpiresOn: asDate(data.licenseExpiresOn),
            },
          },
        },
        select: { id: true },
      });
      return user.id;
    },

    async updateFacilitator(
      db: Db,
      userId: string,
      input: {
        firstName?: string | undefined;
        lastName?: string | undefined;
        credential?: CredentialKind | undefined;
        licenseState?: LicenseState | undefined;
        licenseExpiresOn?: string | undefined;
      },
    ): Promise<void> {
      const { firstName, lastName, licenseExpiresOn, credential, licenseState } = input;
      if (firstName !== undefined || lastName !== undefined) {
        await db.user.update({ where: { id: userId }, data: { firstName, lastName } });
      }
      if (
        credential !== undefined ||
        licenseState !== undefined ||
        licenseExpiresOn !== undefined
      ) {
        await db.facilitatorProfile.update({
          where: { userId },
          data: {
            credential,
            licenseState,
            ...(licenseExpiresOn ? { licenseExpiresOn: asDate(licenseExpiresOn) } : {}),
          },
        });
      }
    },

    async participants(where: {
      organizationId: string;
      ids?: string[];
      includeDeactivated?: boolean;
    }) {
      const rows = await prisma.user.findMany({
        where: {
          organizationId: where.organizationId,
          role: "PARTICIPANT",
          ...(where.includeDeactivated ? {} : { active: true }),
          ...(where.ids ? { id: { in: where.ids } } : {}),
        },
        orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
        select: {
          ...PERSON,
          email: true,
          timeZone: true,
          organizationId: true,
          active: true,
          passwordSetAt: true,
          enrollments: {
            where: { status: "ACTIVE" },
            select: { cohort: { select: { id: true, name: true } } },
            take: 1,
          },
        },
      });
      return rows.map((r) => ({
        id: r.id,
        displayName: displayName(r),
        email: r.email,
        timeZone: r.timeZone,
        organizationId: r.organizationId,
        active: r.active,
        passwordSetAt: r.passwordSetAt,
        activeCohort: r.enrollments[0]?.cohort ?? null,
      }));
    },

    async createParticipant(
      db: Db,
      data: {
        organizationId: string;
        email: string;
        passwordHash: string;
        firstName: string;
        lastName: string;
        preferredName: string | undefined;
        timeZone: string;
        locale: Locale;
      },
    ): Promise<string> {
      const user = await db.user.create({
        data: { ...data, preferredName: data.preferredName ?? null, role: "PARTICIPANT" },
        select: { id: true },
      });
      return user.id;
    },

    /** A person's name, role, zone and clinic, for messages and checks. */
    async person(id: string, db: Db = prisma) {
      const row = await db.user.findUnique({
        where: { id },
        select: { ...PERSON, role: true, organizationId: true, timeZone: true, active: true },
      });
      return row ? { ...row, displayName: displayName(row) } : null;
    },

    careRelationshipsOf,

    /** The current care team: the facilitators of the cohorts a participant is actively enrolled in. */
    async careTeamOf(participantId: string): Promise<string[]> {
      const relationships = await careRelationshipsOf(participantId);
      return careTeam(relationships, dateOnly(new Date())).facilitatorIds;
    },

    /** Participants actively enrolled in the cohorts a facilitator works in. */
    async caseloadOf(facilitatorId: string): Promise<string[]> {
      const rows = await prisma.enrollment.findMany({
        where: {
          status: "ACTIVE",
          cohort: { facilitators: { some: { facilitatorUserId: facilitatorId } } },
        },
        select: { participantUserId: true },
      });
      return [...new Set(rows.map((r) => r.participantUserId))];
    },

    /** Cohorts a clinician leads or co-facilitates. */
    async cohortIdsOf(facilitatorId: string, db: Db = prisma): Promise<string[]> {
      const rows = await db.cohortFacilitator.findMany({
        where: { facilitatorUserId: facilitatorId },
        select: { cohortId: true },
      });
      return rows.map((r) => r.cohortId);
    },

    async cohort(id: string, db: Db = prisma): Promise<CohortRecord | null> {
      const row = await db.cohort.findUnique({ where: { id }, select: COHORT_SELECT });
      return row ? toCohort(row) : null;
    },

    async cohorts(
      where:
        | { organizationId: string }
        | { organizationId: string; facilitatorId: string }
        | { organizationId: string; participantId: string }
        | { endsOnOrAfter: string },
    ): Promise<CohortRecord[]> {
      const filter: Prisma.CohortWhereInput =
        "endsOnOrAfter" in where
          ? { endsOn: { gte: asDate(where.endsOnOrAfter) } }
          : {
              program: { organizationId: where.organizationId },
              ...("facilitatorId" in where
                ? { facilitators: { some: { facilitatorUserId: where.facilitatorId } } }
                : {}),
              ...("participantId" in where
                ? { enrollments: { some: { participantUserId: where.participantId } } }
                : {}),
            };
      const rows = await prisma.cohort.findMany({
        where: filter,
        orderBy: [{ startsOn: "desc" }, { name: "asc" }],
        select: COHORT_SELECT,
      });
      return rows.map(toCohort);
    },

    async createCohort(
      db: Db,
      data: Omit<CohortRecord, "id" | "organizationId" | "program" | "leadId" | "coIds"> & {
        programId: string;
        leadId: string;
        coIds: string[];
      },
    ): Promise<string> {
      const row = await db.cohort.create({
        data: {
          programId: data.programId,
          name: data.name,
          timeZone: data.timeZone,
          capacity: data.capacity,
          startsOn: asDate(data.startsOn),
          endsOn: asDate(data.endsOn),
          meetingDays: data.weeklyPattern.days,
          startTime: data.weeklyPattern.startTime,
          endTime: data.weeklyPattern.endTime,
          recurrenceRule: data.recurrenceRule,
          groupSessionKind: data.groupSessionKind,
          facilitators: {
            create: [
              { facilitatorUserId: data.leadId, role: "LEAD" },
              ...data.coIds.map((id) => ({ facilitatorUserId: id, role: "CO" as const })),
            ],
          },
        },
        select: { id: true },
      });
      return row.id;
    },

    async updateCohort(
      db: Db,
      id: string,
      data: {
        name?: string | undefined;
        capacity?: number | undefined;
        endsOn?: string | undefined;
        weeklyPattern?: WeeklyPattern | undefined;
        recurrenceRule?: string | undefined;
      },
    ): Promise<void> {
      await db.cohort.update({
        where: { id },
        data: {
          name: data.name,
          capacity: data.capacity,
          ...(data.endsOn ? { endsOn: asDate(data.endsOn) } : {}),
          ...(data.weeklyPattern
            ? {
                meetingDays: data.weeklyPattern.days,
                startTime: data.weeklyPattern.startTime,
                endTime: data.weeklyPattern.endTime,
                recurrenceRule: data.recurrenceRule,
              }
            : {}),
        },
      });
    },

    async setCohortFacilitators(
      db: Db,
      cohortId: string,
      leadId: string,
      coIds: string[],
    ): Promise<void> {
      await db.cohortFacilitator.deleteMany({ where: { cohortId } });
      await db.cohortFacilitator.createMany({
        data: [
          { cohortId, facilitatorUserId: leadId, role: "LEAD" },
          ...coIds.map((id) => ({ cohortId, facilitatorUserId: id, role: "CO" as const })),
        ],
      });
    },

    async enrollments(where: { cohortIds?: string[]; participantId?: string }, db: Db = prisma) {
      const rows = await db.enrollment.findMany({
        where: {
          ...(where.cohortIds ? { cohortId: { in: where.cohortIds } } : {}),
          ...(where.participantId ? { participantUserId: where.participantId } : {}),
        },
        orderBy: [{ participant: { lastName: "asc" } }, { startsOn: "asc" }],
        select: ENROLLMENT_SELECT,
      });
      return rows.map(toEnrollment);
    },

    async enrollment(id: string, db: Db = prisma): Promise<EnrollmentRecord | null> {
      const row = await db.enrollment.findUnique({ where: { id }, select: ENROLLMENT_SELECT });
      return row ? toEnrollment(row) : null;
    },

    async countActiveEnrollments(db: Db, cohortId: string): Promise<number> {
      return db.enrollment.count({ where: { cohortId, status: "ACTIVE" } });
    },

    async activeEnrollmentOf(db: Db, participantId: string) {
      return db.enrollment.findFirst({
        where: { participantUserId: participantId, status: "ACTIVE" },
        select: { id: true, cohort: { select: { name: true } } },
      });
    },

    async createEnrollment(
      db: Db,
      data: {
        cohortId: string;
        participantId: string;
        phase: EnrollmentPhase;
        days: Weekday[];
        startsOn: string;
        plannedDischargeOn: string;
        createdByUserId: string;
      },
    ): Promise<string> {
      const row = await db.enrollment.create({
        data: {
          cohortId: data.cohortId,
          participantUserId: data.participantId,
          phase: data.phase,
          startsOn: asDate(data.startsOn),
          plannedDischargeOn: asDate(data.plannedDischargeOn),
          phases: {
            create: {
              phase: data.phase,
              days: data.days,
              effectiveFrom: asDate(data.startsOn),
              createdByUserId: data.createdByUserId,
            },
          },
        },
        select: { id: true },
      });
      return row.id;
    },

    /** Adds (or replaces, for the same date) the phase in effect from `effectiveFrom`. */
    async setPhaseFrom(
      db: Db,
      enrollmentId: string,
      period: { phase: EnrollmentPhase; days: Weekday[]; effectiveFrom: string },
      createdByUserId: string,
    ): Promise<void> {
      // Later plans are superseded by this step-down.
      await db.enrollmentPhasePeriod.deleteMany({
        where: { enrollmentId, effectiveFrom: { gte: asDate(period.effectiveFrom) } },
      });
      await db.enrollmentPhasePeriod.create({
        data: {
          enrollmentId,
          phase: period.phase,
          days: period.days,
          effectiveFrom: asDate(period.effectiveFrom),
          createdByUserId,
        },
      });
      await db.enrollment.update({ where: { id: enrollmentId }, data: { phase: period.phase } });
    },

    async insertOccurrences(db: Db, rows: NewOccurrence[]): Promise<number> {
      if (rows.length === 0) return 0;
      const { count } = await db.sessionOccurrence.createMany({ data: rows, skipDuplicates: true });
      return count;
    },

    /** Removes a cohort's future generated meetings still as the pattern made them. */
    async deleteUntouchedFutureMeetings(db: Db, cohortId: string, after: Date): Promise<void> {
      const rows = await db.sessionOccurrence.findMany({
        where: {
          cohortId,
          status: "SCHEDULED",
          startsAt: { gt: after },
          patternStartsAt: { not: null },
        },
        select: { id: true, startsAt: true, patternStartsAt: true },
      });
      const untouched = rows
        .filter((r) => r.patternStartsAt?.getTime() === r.startsAt.getTime())
        .map((r) => r.id);
      if (untouched.length > 0)
        await db.sessionOccurrence.deleteMany({ where: { id: { in: untouched } } });
    },

    async setFutureLead(
      db: Db,
      cohortId: string,
      after: Date,
      leadId: string,
      previousLeadId: string | null,
    ) {
      await db.sessionOccurrence.updateMany({
        where: {
          cohortId,
          startsAt: { gt: after },
          OR: [{ leadFacilitatorId: previousLeadId }, { leadFacilitatorId: null }],
        },
        data: { leadFacilitatorId: leadId },
      });
    },

    async occurrence(id: string, db: Db = prisma): Promise<OccurrenceRecord | null> {
      const row = await db.sessionOccurrence.findUnique({
        where: { id },
        select: OCCURRENCE_SELECT,
      });
      return row ? toOccurrence(row) : null;
    },

    /** What makes a session history: its note (signed or not) and whether anyone attended. */
    async historyOf(
      id: string,
      db: Db = prisma,
    ): Promise<{ note: "SIGNED" | "DRAFT" | null; attended: boolean }> {
      const [note, span] = await Promise.all([
        db.sessionNote.findUnique({ where: { sessionId: id }, select: { signedAt: true } }),
        db.attendanceSpan.findFirst({ where: { sessionId: id }, select: { id: true } }),
      ]);
      return {
        note: note ? (note.signedAt ? "SIGNED" : "DRAFT") : null,
        attended: span !== null,
      };
    },

    async occurrences(
      where: {
        organizationId?: string;
        cohortIds?: string[];
        ledBy?: string;
        bookedFor?: string;
        ids?: string[];
        from: Date;
        to: Date;
      },
      db: Db = prisma,
    ): Promise<OccurrenceRecord[]> {
      const or: Prisma.SessionOccurrenceWhereInput[] = [];
      if (where.cohortIds) or.push({ cohortId: { in: where.cohortIds } });
      if (where.ledBy) or.push({ leadFacilitatorId: where.ledBy });
      if (where.bookedFor) or.push({ participantUserId: where.bookedFor });
      if (where.ids) or.push({ id: { in: where.ids } });
      const rows = await db.sessionOccurrence.findMany({
        where: {
          startsAt: { lt: where.to },
          endsAt: { gt: where.from },
          ...(where.organizationId ? { organizationId: where.organizationId } : {}),
          ...(or.length > 0 ? { OR: or } : {}),
        },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        select: OCCURRENCE_SELECT,
      });
      return rows.map(toOccurrence);
    },

    async createOccurrence(db: Db, row: NewOccurrence): Promise<string> {
      const created = await db.sessionOccurrence.create({ data: row, select: { id: true } });
      return created.id;
    },

    async updateOccurrence(
      db: Db,
      id: string,
      data: {
        startsAt?: Date;
        endsAt?: Date;
        leadFacilitatorId?: string;
        status?: SessionStatus;
        cancelReason?: string;
      },
    ): Promise<void> {
      await db.sessionOccurrence.update({ where: { id }, data });
    },

    async calendarFeed(userId: string) {
      return prisma.calendarFeed.findUnique({ where: { userId } });
    },

    async setCalendarFeed(db: Db, userId: string, tokenHash: string) {
      return db.calendarFeed.upsert({
        where: { userId },
        create: { userId, tokenHash },
        update: { tokenHash, createdAt: new Date() },
      });
    },

    async deleteCalendarFeed(db: Db, userId: string): Promise<boolean> {
      const { count } = await db.calendarFeed.deleteMany({ where: { userId } });
      return count > 0;
    },

    async userByCalendarToken(tokenHash: string) {
      const feed = await prisma.calendarFeed.findUnique({
        where: { tokenHash },
        select: {
          user: {
            select: { id: true, role: true, organizationId: true, timeZone: true, active: true },
          },
        },
      });
      return feed?.user.active ? feed.user : null;
    },
  };
}

export type ScheduleRepository = ReturnType<typeof createScheduleRepository>;
