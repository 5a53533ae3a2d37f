import type { LiveRole } from "@bridgeway/domain";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

export type AttendeeStatus = "WAITING" | "ADMITTED" | "DECLINED" | "REMOVED";
export type Connection = "CONNECTED" | "RECONNECTING" | "GONE";

export type Attendee = {
  userId: string;
  role: LiveRole;
  displayName: string;
  status: AttendeeStatus;
  connection: Connection;
  requestedAt: Date;
  admittedAt: Date | null;
  declineMessage: string | null;
  handRaisedAt: Date | null;
  microphone: boolean;
  camera: boolean;
  screen: boolean;
  screenShareAllowed: boolean;
  breakoutId: string | null;
};

export type RoomState = {
  openedAt: Date;
  lockedAt: Date | null;
  endedAt: Date | null;
  breakoutsEndAt: Date | null;
};

export type BreakoutRoom = { id: string; name: string; members: string[] };

const toAttendee = (row: Prisma.LiveAttendeeGetPayload<object>): Attendee => ({
  userId: row.userId,
  role: row.role as LiveRole,
  displayName: row.displayName,
  status: row.status,
  connection: row.connection,
  requestedAt: row.requestedAt,
  admittedAt: row.admittedAt,
  declineMessage: row.declineMessage,
  handRaisedAt: row.handRaisedAt,
  microphone: row.microphone,
  camera: row.camera,
  screen: row.screen,
  screenShareAllowed: row.screenShareAllowed,
  breakoutId: row.breakoutId,
});

/** Live rooms, who is in them, and attendance spans. */
export function createLiveRepository(prisma: PrismaClient) {
  return {
    async room(sessionId: string): Promise<RoomState | null> {
      return prisma.liveRoom.findUnique({
        where: { sessionId },
        select: { openedAt: true, lockedAt: true, endedAt: true, breakoutsEndAt: true },
      });
    },

    async openRoom(sessionId: string, at: Date): Promise<void> {
      await prisma.liveRoom.upsert({
        where: { sessionId },
        create: { sessionId, openedAt: at },
        update: {},
      });
    },

    async setLocked(sessionId: string, lockedAt: Date | null): Promise<void> {
      await prisma.liveRoom.update({ where: { sessionId }, data: { lockedAt } });
    },

    async endRoom(sessionId: string, at: Date): Promise<void> {
      await prisma.$transaction([
        prisma.liveRoom.update({ where: { sessionId }, data: { endedAt: at, lockedAt: at } }),
        prisma.attendanceSpan.updateMany({
          where: { sessionId, leftAt: null },
          data: { leftAt: at },
        }),
        prisma.liveAttendee.updateMany({
          where: { sessionId },
          data: { connection: "GONE", handRaisedAt: null },
        }),
      ]);
    },

    async attendees(sessionId: string): Promise<Attendee[]> {
      const rows = await prisma.liveAttendee.findMany({
        where: { sessionId },
        orderBy: { requestedAt: "asc" },
      });
      return rows.map(toAttendee);
    },

    async attendee(sessionId: string, userId: string): Promise<Attendee | null> {
      const row = await prisma.liveAttendee.findUnique({
        where: { sessionId_userId: { sessionId, userId } },
      });
      return row ? toAttendee(row) : null;
    },

    /** Records someone arriving: creates their place or refreshes it, keeping an admission. */
    async arrive(
      sessionId: string,
      person: { userId: string; role: LiveRole; displayName: string },
      status: AttendeeStatus,
      at: Date,
    ): Promise<Attendee> {
      const row = await prisma.liveAttendee.upsert({
        where: { sessionId_userId: { sessionId, userId: person.userId } },
        create: {
          sessionId,
          userId: person.userId,
          role: person.role,
          displayName: person.displayName,
          status,
          connection: "CONNECTED",
          requestedAt: at,
          admittedAt: status === "ADMITTED" ? at : null,
        },
        update: {
          displayName: person.displayName,
          status,
          connection: "CONNECTED",
          declineMessage: null,
          ...(status === "WAITING" ? { requestedAt: at } : {}),
        },
      });
      return toAttendee(row);
    },

    async update(
      sessionId: string,
      userId: string,
      data: Partial<{
        status: AttendeeStatus;
        connection: Connection;
        admittedAt: Date;
        admittedByUserId: string;
        declineMessage: string | null;
        handRaisedAt: Date | null;
        microphone: boolean;
        camera: boolean;
        screen: boolean;
        screenShareAllowed: boolean;
        breakoutId: string | null;
      }>,
      db: Db = prisma,
    ): Promise<Attendee> {
      const row = await db.liveAttendee.update({
        where: { sessionId_userId: { sessionId, userId } },
        data,
      });
      return toAttendee(row);
    },

    /** Moves waiting people to admitted in one step; answers who was let in, as they are now. */
    async admitWaiting(
      sessionId: string,
      by: string,
      at: Date,
      limit: number,
    ): Promise<Attendee[]> {
      return prisma.$transaction(async (tx) => {
        const waiting = await tx.liveAttendee.findMany({
          where: { sessionId, status: "WAITING", connection: { not: "GONE" } },
          orderBy: { requestedAt: "asc" },
          take: limit,
        });
        if (waiting.length > 0) {
          await tx.liveAttendee.updateMany({
            where: { sessionId, userId: { in: waiting.map((w) => w.userId) } },
            data: { status: "ADMITTED", admittedAt: at, admittedByUserId: by },
          });
        }
        return waiting.map((row) =>
          toAttendee({ ...row, status: "ADMITTED", admittedAt: at, admittedByUserId: by }),
        );
      });
    },

    async openSpan(
      sessionId: string,
      userId: string,
      at: Date,
      source: "DIRECT" | "LIVEKIT",
    ): Promise<void> {
      const open = await prisma.attendanceSpan.findFirst({
        where: { sessionId, userId, leftAt: null, source },
      });
      if (!open)
        await prisma.attendanceSpan.create({ data: { sessionId, userId, joinedAt: at, source } });
    },

    async closeSpan(
      sessionId: string,
      userId: string,
      at: Date,
      source?: "DIRECT" | "LIVEKIT",
    ): Promise<void> {
      await prisma.attendanceSpan.updateMany({
        where: { sessionId, userId, leftAt: null, ...(source ? { source } : {}) },
        data: { leftAt: at },
      });
    },

    /** Opens breakout rooms: stores them, puts their members in them, sets the shared timer. */
    async openBreakouts(
      sessionId: string,
      rooms: { name: string; members: string[] }[],
      endsAt: Date,
      at: Date,
    ): Promise<BreakoutRoom[]> {
      return prisma.$transaction(async (tx) => {
        await tx.breakout.updateMany({
          where: { sessionId, closedAt: null },
          data: { closedAt: at },
        });
        const created: BreakoutRoom[] = [];
        for (const room of rooms) {
          const row = await tx.breakout.create({
            data: { sessionId, name: room.name, members: room.members, createdAt: at },
          });
          created.push({ id: row.id, name: row.name, members: row.members });
          if (room.members.length > 0) {
            await tx.liveAttendee.updateMany({
              where: { sessionId, userId: { in: room.members } },
              data: { breakoutId: row.id },
            });
          }
        }
        await tx.liveRoom.update({ where: { sessionId }, data: { breakoutsEndAt: endsAt } });
        return created;
      });
    },

    async closeBreakouts(sessionId: string, at: Date): Promise<void> {
      await prisma.$transaction([
        prisma.breakout.updateMany({
          where: { sessionId, closedAt: null },
          data: { closedAt: at },
        }),
        prisma.liveAttendee.updateMany({ where: { sessionId }, data: { breakoutId: null } }),
        prisma.liveRoom.update({ where: { sessionId }, data: { breakoutsEndAt: null } }),
      ]);
    },

    async openBreakoutRooms(sessionId: string): Promise<BreakoutRoom[]> {
      const rows = await prisma.breakout.findMany({
        where: { sessionId, closedAt: null },
        orderBy: { createdAt: "asc" },
      });
      return rows.map((r) => ({ id: r.id, name: r.name, members: r.members }));
    },

    /** Sessions someone is currently in or waiting for. */
    async activePlacesOf(userId: string): Promise<string[]> {
      const rows = await prisma.liveAttendee.findMany({
        where: { userId, connection: { not: "GONE" }, status: { in: ["WAITING", "ADMITTED"] } },
        select: { sessionId: true },
      });
      return rows.map((r) => r.sessionId);
    },

    async closeAllSpans(sessionId: string, at: Date): Promise<void> {
      await prisma.attendanceSpan.updateMany({
        where: { sessionId, leftAt: null },
        data: { leftAt: at },
      });
    },

    async spans(where: { sessionIds: string[]; userId?: string }) {
      return prisma.attendanceSpan.findMany({
        where: {
          sessionId: { in: where.sessionIds },
          ...(where.userId ? { userId: where.userId } : {}),
        },
        orderBy: { joinedAt: "asc" },
        select: { sessionId: true, userId: true, joinedAt: true, leftAt: true },
      });
    },
  };
}

export type LiveRepository = ReturnType<typeof createLiveRepository>;
