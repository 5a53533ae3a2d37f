import type { Prisma, PrismaClient } from "../generated/prisma/client";

export type FollowUpRecord = {
  id: string;
  organizationId: string;
  sessionId: string;
  sessionStartsAt: Date;
  sessionTimeZone: string;
  participantUserId: string;
  createdAt: Date;
  doneAt: Date | null;
  doneNote: string | null;
};

const SELECT = {
  id: true,
  organizationId: true,
  sessionId: true,
  participantUserId: true,
  createdAt: true,
  doneAt: true,
  doneNote: true,
  session: { select: { startsAt: true, timeZone: true } },
} as const;

type Row = Prisma.FollowUpTaskGetPayload<{ select: typeof SELECT }>;

const toRecord = ({ session, ...row }: Row): FollowUpRecord => ({
  ...row,
  sessionStartsAt: session.startsAt,
  sessionTimeZone: session.timeZone,
});

/** Follow-up tasks after missed sessions, and which sessions were already reviewed for them. */
export function createFollowUpRepository(prisma: PrismaClient) {
  return {
    /** Of these sessions, the ones whose no-shows were already reviewed. */
    async reviewed(sessionIds: readonly string[]): Promise<Set<string>> {
      if (sessionIds.length === 0) return new Set();
      const rows = await prisma.noShowReview.findMany({
        where: { sessionId: { in: [...sessionIds] } },
        select: { sessionId: true },
      });
      return new Set(rows.map((r) => r.sessionId));
    },

    /** Who was ever in a session's room. */
    async attendedBy(sessionId: string): Promise<Set<string>> {
      const rows = await prisma.attendanceSpan.findMany({
        where: { sessionId },
        select: { userId: true },
        distinct: ["userId"],
      });
      return new Set(rows.map((r) => r.userId));
    },

    /**
     * Marks the session reviewed; true only for the one caller (of any process) that did, which
     * then writes the tasks in the same transaction.
     */
    async claimReview(tx: Prisma.TransactionClient, sessionId: string, now: Date) {
      const { count } = await tx.noShowReview.createMany({
        data: [{ sessionId, reviewedAt: now }],
        skipDuplicates: true,
      });
      return count === 1;
    },

    async createTask(
      tx: Prisma.TransactionClient,
      row: { organizationId: string; sessionId: string; participantUserId: string; now: Date },
    ): Promise<string> {
      const created = await tx.followUpTask.create({
        data: {
          organizationId: row.organizationId,
          sessionId: row.sessionId,
          participantUserId: row.participantUserId,
          createdAt: row.now,
        },
        select: { id: true },
      });
      return created.id;
    },

    async openFor(participantIds: readonly string[]): Promise<FollowUpRecord[]> {
      if (participantIds.length === 0) return [];
      const rows = await prisma.followUpTask.findMany({
        where: { participantUserId: { in: [...participantIds] }, doneAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: SELECT,
      });
      return rows.map(toRecord);
    },

    async task(id: string): Promise<FollowUpRecord | null> {
      const row = await prisma.followUpTask.findUnique({ where: { id }, select: SELECT });
      return row ? toRecord(row) : null;
    },

    /** Closes an open task; false when someone closed it first. */
    async complete(
      tx: Prisma.TransactionClient,
      id: string,
      done: { at: Date; byUserId: string; note: string },
    ): Promise<boolean> {
      const { count } = await tx.followUpTask.updateMany({
        where: { id, doneAt: null },
        data: { doneAt: done.at, doneByUserId: done.byUserId, doneNote: done.note },
      });
      return count === 1;
    },

    /** Sessions each participant missed (a task was raised) that started in [from, to). */
    async missedBetween(participantIds: readonly string[], from: Date, to: Date) {
      if (participantIds.length === 0) return [];
      const rows = await prisma.followUpTask.findMany({
        where: {
          participantUserId: { in: [...participantIds] },
          session: { startsAt: { gte: from, lt: to } },
        },
        select: { participantUserId: true, session: { select: { startsAt: true } } },
      });
      return rows.map((r) => ({
        participantId: r.participantUserId,
        startsAt: r.session.startsAt,
      }));
    },
  };
}

export type FollowUpRepository = ReturnType<typeof createFollowUpRepository>;
