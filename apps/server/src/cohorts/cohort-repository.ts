import {
  type EnrollmentPhase,
  type EnrollmentStatus,
  type PhasePeriod,
  type SessionKind,
  type Weekday,
  type WeeklyPattern,
} from "@bridgeway/domain";
import type { Db } from "../db/database";
import { asDate, dateOnly } from "../db/dates";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { PERSON, personRef } from "../people/people-repository";

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
/** Programs, cohorts with their clinicians, and enrollments with their phases. */
export function createCohortRepository(prisma: PrismaClient) {
  return {
    prisma,

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

    /** The cohorts with these ids (one read for all of them); missing ones are left out. */
    async cohortsWithIds(ids: readonly string[], db: Db = prisma): Promise<CohortRecord[]> {
      if (ids.length === 0) return [];
      const rows = await db.cohort.findMany({
        where: { id: { in: [...new Set(ids)] } },
        select: COHORT_SELECT,
      });
      return rows.map(toCohort);
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
  };
}

export type CohortRepository = ReturnType<typeof createCohortRepository>;
