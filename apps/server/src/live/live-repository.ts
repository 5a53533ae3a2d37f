import type {
  AttendeeConnection,
  AttendeeStatus,
  LiveBreakoutRoom,
  LiveRole,
  LiveRoomState,
  RoomAttendee,
} from "@bridgeway/domain";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { createStandingCache } from "./standing-cache";

/** Someone who came to a live room, as stored: what the room view needs, and their request. */
export type Attendee = RoomAttendee & {
  requestedAt: Date;
  admittedAt: Date | null;
  declineMessage: string | null;
};

export type RoomState = LiveRoomState;

/** Breakouts whose timer closes them, with when it runs out and whether the warning went out. */
export type BreakoutDeadline = { sessionId: string; endsAt: Date; warned: boolean };

export type BreakoutRoom = LiveBreakoutRoom;

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
  audioOnly: row.audioOnly,
  breakoutId: row.breakoutId,
});

const MODALITY = { VIDEO: "video", AUDIO_ONLY: "audio-only" } as const;
/** A span younger than this when the modality changes is corrected in place. */
const FRESH_SPAN_MS = 10_000;

/** Live rooms, who is in them, and attendance spans. */
export function createLiveRepository(prisma: PrismaClient) {
  async function readAttendee(sessionId: string, userId: string): Promise<Attendee | null> {
    const row = await prisma.liveAttendee.findUnique({
      where: { sessionId_userId: { sessionId, userId } },
    });
    return row ? toAttendee(row) : null;
  }
  const standings = createStandingCache(readAttendee);
  /** A change to one person's place: the relay's cache holds the row as written. */
  async function changingOne(
    sessionId: string,
    userId: string,
    write: () => Promise<Prisma.LiveAttendeeGetPayload<object>>,
  ): Promise<Attendee> {
    try {
      const attendee = toAttendee(await write());
      standings.set(sessionId, userId, attendee);
      return attendee;
    } catch (error) {
      standings.forget(sessionId, userId);
      throw error;
    }
  }
  /** A change to several people's places: the relay reads the room again. */
  async function changingMany<T>(sessionId: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      standings.forget(sessionId);
    }
  }

  return {
    async room(sessionId: string): Promise<RoomState | null> {
      return prisma.liveRoom.findUnique({
        where: { sessionId },
        select: {
          openedAt: true,
          lockedAt: true,
          endedAt: true,
          breakoutsEndAt: true,
          breakoutsCloseAtEnd: true,
        },
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
      await changingMany(sessionId, () =>
        prisma.$transaction([
          prisma.liveRoom.update({ where: { sessionId }, data: { endedAt: at, lockedAt: at } }),
          prisma.attendanceSpan.updateMany({
            where: { sessionId, leftAt: null },
            data: { leftAt: at },
          }),
          prisma.liveAttendee.updateMany({
            where: { sessionId },
            data: { connection: "GONE", handRaisedAt: null },
          }),
        ]),
      );
    },

    /** Everyone who came to the room; the read also refreshes the relay's cache of the room. */
    async attendees(sessionId: string): Promise<Attendee[]> {
      const token = standings.beginFill(sessionId);
      const rows = await prisma.liveAttendee.findMany({
        where: { sessionId },
        orderBy: { requestedAt: "asc" },
      });
      const attendees = rows.map(toAttendee);
      standings.fill(
        token,
        attendees.map((a) => [a.userId, a]),
      );
      return attendees;
    },

    attendee: readAttendee,

    /**
     * Someone's place in the room for the signal relay: a read of up to a second ago when this
     * process has not changed the session since (see `createStandingCache`). Good for letting a
     * signal through; a refusal must rest on `attendee`.
     */
    standing(sessionId: string, userId: string): Promise<Attendee | null> {
      return standings.get(sessionId, userId);
    },

    /** Records someone arriving: creates their place or refreshes it, keeping an admission. */
    async arrive(
      sessionId: string,
      person: { userId: string; role: LiveRole; displayName: string },
      status: AttendeeStatus,
      at: Date,
    ): Promise<Attendee> {
      return changingOne(sessionId, person.userId, () =>
        prisma.liveAttendee.upsert({
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
            // Arriving again (after leaving or a drop) starts with the hand down.
            handRaisedAt: null,
            ...(status === "WAITING" ? { requestedAt: at } : {}),
          },
        }),
      );
    },

    async update(
      sessionId: string,
      userId: string,
      data: Partial<{
        status: AttendeeStatus;
        connection: AttendeeConnection;
        admittedAt: Date;
        admittedByUserId: string;
        declineMessage: string | null;
        handRaisedAt: Date | null;
        microphone: boolean;
        camera: boolean;
        screen: boolean;
        audioOnly: boolean;
        screenShareAllowed: boolean;
        breakoutId: string | null;
      }>,
    ): Promise<Attendee> {
      return changingOne(sessionId, userId, () =>
        prisma.liveAttendee.update({
          where: { sessionId_userId: { sessionId, userId } },
          data,
        }),
      );
    },

    /** Moves waiting people to admitted in one step; answers who was let in, as they are now. */
    async admitWaiting(
      sessionId: string,
      by: string,
      at: Date,
      limit: number,
    ): Promise<Attendee[]> {
      return changingMany(sessionId, () =>
        prisma.$transaction(async (tx) => {
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
        }),
      );
    },

    async openSpan(
      sessionId: string,
      userId: string,
      at: Date,
      source: "DIRECT" | "LIVEKIT",
    ): Promise<void> {
      const [open, attendee] = await Promise.all([
        prisma.attendanceSpan.findFirst({ where: { sessionId, userId, leftAt: null, source } }),
        prisma.liveAttendee.findUnique({
          where: { sessionId_userId: { sessionId, userId } },
          select: { audioOnly: true },
        }),
      ]);
      // The span takes the modality the person is in now (they may have chosen audio-only
      // before joining, or kept it through a dropped connection).
      const modality = attendee?.audioOnly ? "AUDIO_ONLY" : "VIDEO";
      if (!open)
        await prisma.attendanceSpan.create({
          data: { sessionId, userId, joinedAt: at, source, modality },
        });
    },

    /**
     * Someone switched between video and audio-only: each open span ends at `at` and a span in
     * the new modality starts there, so billed minutes split exactly at the switch.
     */
    async switchModality(
      sessionId: string,
      userId: string,
      at: Date,
      audioOnly: boolean,
    ): Promise<void> {
      const modality = audioOnly ? "AUDIO_ONLY" : "VIDEO";
      await prisma.$transaction(async (tx) => {
        const open = await tx.attendanceSpan.findMany({
          where: { sessionId, userId, leftAt: null, modality: { not: modality } },
          select: { id: true, source: true, joinedAt: true },
        });
        if (open.length === 0) return;
        // A span only just begun took the modality before the person's choice arrived (they
        // chose audio-only before joining): it is corrected, not split into a sliver.
        const fresh = open.filter((s) => s.joinedAt.getTime() > at.getTime() - FRESH_SPAN_MS);
        const older = open.filter((s) => !fresh.includes(s));
        if (fresh.length > 0)
          await tx.attendanceSpan.updateMany({
            where: { id: { in: fresh.map((s) => s.id) } },
            data: { modality },
          });
        if (older.length === 0) return;
        await tx.attendanceSpan.updateMany({
          where: { id: { in: older.map((s) => s.id) } },
          data: { leftAt: at },
        });
        await tx.attendanceSpan.createMany({
          data: older.map((s) => ({ sessionId, userId, joinedAt: at, source: s.source, modality })),
        });
      });
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

    /**
     * Opens breakout rooms: stores them, puts their members in them, sets the shared timer and
     * whether the rooms close by themselves when it runs out.
     */
    async openBreakouts(
      sessionId: string,
      rooms: { name: string; members: string[] }[],
      endsAt: Date,
      at: Date,
      closeAtEnd: boolean,
    ): Promise<BreakoutRoom[]> {
      return changingMany(sessionId, () =>
        prisma.$transaction(async (tx) => {
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
          await tx.liveRoom.update({
            where: { sessionId },
            data: {
              breakoutsEndAt: endsAt,
              breakoutsCloseAtEnd: closeAtEnd,
              breakoutsWarnedAt: null,
            },
          });
          return created;
        }),
      );
    },

    async closeBreakouts(sessionId: string, at: Date): Promise<void> {
      await changingMany(sessionId, () =>
        prisma.$transaction([
          prisma.breakout.updateMany({
            where: { sessionId, closedAt: null },
            data: { closedAt: at },
          }),
          prisma.liveAttendee.updateMany({ where: { sessionId }, data: { breakoutId: null } }),
          prisma.liveRoom.update({
            where: { sessionId },
            data: { breakoutsEndAt: null, breakoutsCloseAtEnd: false, breakoutsWarnedAt: null },
          }),
        ]),
      );
    },

    /** Open breakouts set to close when their timer runs out by `before` (or already has). */
    async breakoutDeadlines(before: Date): Promise<BreakoutDeadline[]> {
      const rows = await prisma.liveRoom.findMany({
        where: { breakoutsCloseAtEnd: true, breakoutsEndAt: { lte: before }, endedAt: null },
        select: { sessionId: true, breakoutsEndAt: true, breakoutsWarnedAt: true },
      });
      return rows.flatMap((r) =>
        r.breakoutsEndAt
          ? [
              {
                sessionId: r.sessionId,
                endsAt: r.breakoutsEndAt,
                warned: r.breakoutsWarnedAt !== null,
              },
            ]
          : [],
      );
    },

    /**
     * Marks the one-minute warning of the breakouts ending at `endsAt` as given. A conditional
     * update: of several server processes, only the one that answers true gives the warning.
     */
    async claimBreakoutWarning(sessionId: string, endsAt: Date, at: Date): Promise<boolean> {
      const { count } = await prisma.liveRoom.updateMany({
        where: {
          sessionId,
          breakoutsEndAt: endsAt,
          breakoutsCloseAtEnd: true,
          breakoutsWarnedAt: null,
        },
        data: { breakoutsWarnedAt: at },
      });
      return count === 1;
    },

    /**
     * Closes the breakouts whose timer ran out at `endsAt`, if they are still those breakouts
     * (not closed by hand or reopened meanwhile). The first step is a conditional update, so of
     * several server processes exactly one closes them; it answers who was in a breakout room,
     * or null when another process (or the facilitator) got there first.
     */
    async closeBreakoutsAtDeadline(
      sessionId: string,
      endsAt: Date,
      at: Date,
    ): Promise<string[] | null> {
      return changingMany(sessionId, () =>
        prisma.$transaction(async (tx) => {
          const { count } = await tx.liveRoom.updateMany({
            where: { sessionId, breakoutsEndAt: endsAt, breakoutsCloseAtEnd: true },
            data: { breakoutsEndAt: null, breakoutsCloseAtEnd: false, breakoutsWarnedAt: null },
          });
          if (count !== 1) return null;
          const moved = await tx.liveAttendee.findMany({
            where: { sessionId, breakoutId: { not: null } },
            select: { userId: true },
          });
          await tx.breakout.updateMany({
            where: { sessionId, closedAt: null },
            data: { closedAt: at },
          });
          await tx.liveAttendee.updateMany({ where: { sessionId }, data: { breakoutId: null } });
          return moved.map((m) => m.userId);
        }),
      );
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
      const rows = await prisma.attendanceSpan.findMany({
        where: {
          sessionId: { in: where.sessionIds },
          ...(where.userId ? { userId: where.userId } : {}),
        },
        orderBy: { joinedAt: "asc" },
        select: { sessionId: true, userId: true, joinedAt: true, leftAt: true, modality: true },
      });
      return rows.map((r) => ({ ...r, modality: MODALITY[r.modality] }));
    },
  };
}

export type LiveRepository = ReturnType<typeof createLiveRepository>;
