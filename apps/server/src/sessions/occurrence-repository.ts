import type { SessionKind, SessionStatus } from "@bridgeway/domain";
import type { Db } from "../db/database";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

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

/** Schedules: programs, people, cohorts, enrollments and sessions. Plain records out. */ /** Therapy sessions: a cohort's meetings and one-off bookings, as stored occurrences. */
export function createOccurrenceRepository(prisma: PrismaClient) {
  return {
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
  };
}

export type OccurrenceRepository = ReturnType<typeof createOccurrenceRepository>;
