import {
  CHECK_IN_LEAD_MINUTES,
  type QuietHours,
  type ReminderChannel,
  type ReminderPreferences,
  type Role,
} from "@bridgeway/domain";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

export type ReminderPerson = {
  id: string;
  email: string;
  timeZone: string;
  role: Role;
  /** The language they chose (see i18n/messages.ts for who is written to in it). */
  locale: string;
  /** Null when the person kept the defaults. */
  preferences: ReminderPreferences | null;
};

export type NewReminder = {
  userId: string;
  sessionId: string;
  /** A reminder's lead (`ReminderLead`), or `CHECK_IN_LEAD_MINUTES` for a facilitator's check-in. */
  leadMinutes: number;
  channel: ReminderChannel;
  sessionStartsAt: Date;
  status: "PENDING" | "SKIPPED";
  reason?: string;
};

export type PendingReminder = {
  id: string;
  userId: string;
  sessionId: string;
  leadMinutes: number;
  channel: ReminderChannel;
  sessionStartsAt: Date;
};

type PreferenceRow = {
  enabled: boolean;
  byEmail: boolean;
  bySms: boolean;
  phone: string | null;
  quietStart: string | null;
  quietEnd: string | null;
};

function toPreferences(row: PreferenceRow): ReminderPreferences {
  const quietHours: QuietHours | null =
    row.quietStart !== null && row.quietEnd !== null
      ? { start: row.quietStart, end: row.quietEnd }
      : null;
  return {
    enabled: row.enabled,
    byEmail: row.byEmail,
    bySms: row.bySms,
    phone: row.phone,
    quietHours,
  };
}

const PREFERENCE_SELECT = {
  enabled: true,
  byEmail: true,
  bySms: true,
  phone: true,
  quietStart: true,
  quietEnd: true,
} as const;

/** Reminder preferences and the table of reminders: each row is one reminder, sent at most once. */
export function createReminderRepository(prisma: PrismaClient) {
  return {
    async preferences(userId: string): Promise<{
      timeZone: string;
      preferences: ReminderPreferences | null;
    } | null> {
      const row = await prisma.user.findUnique({
        where: { id: userId },
        select: { timeZone: true, reminderPreference: { select: PREFERENCE_SELECT } },
      });
      if (!row) return null;
      return {
        timeZone: row.timeZone,
        preferences: row.reminderPreference ? toPreferences(row.reminderPreference) : null,
      };
    },

    async savePreferences(
      db: Db,
      userId: string,
      preferences: ReminderPreferences,
      now: Date,
    ): Promise<void> {
      const data = {
        enabled: preferences.enabled,
        byEmail: preferences.byEmail,
        bySms: preferences.bySms,
        phone: preferences.phone,
        quietStart: preferences.quietHours?.start ?? null,
        quietEnd: preferences.quietHours?.end ?? null,
        updatedAt: now,
      };
      await db.reminderPreference.upsert({
        where: { userId },
        create: { userId, ...data },
        update: data,
      });
    },

    /** Active people with the address and zone reminders need, and their choices. */
    async people(ids: readonly string[]): Promise<ReminderPerson[]> {
      if (ids.length === 0) return [];
      const rows = await prisma.user.findMany({
        where: { id: { in: [...new Set(ids)] }, active: true },
        select: {
          id: true,
          email: true,
          timeZone: true,
          role: true,
          locale: true,
          reminderPreference: { select: PREFERENCE_SELECT },
        },
      });
      return rows.map((r) => ({
        id: r.id,
        email: r.email,
        timeZone: r.timeZone,
        role: r.role,
        locale: r.locale,
        preferences: r.reminderPreference ? toPreferences(r.reminderPreference) : null,
      }));
    },

    /** Stores reminders that are not stored yet; an existing one (sent or not) is left alone. */
    async insert(rows: readonly NewReminder[], now: Date): Promise<void> {
      if (rows.length === 0) return;
      await prisma.reminderDelivery.createMany({
        data: rows.map((r) => ({ ...r, reason: r.reason ?? null, createdAt: now })),
        skipDuplicates: true,
      });
    },

    async pending(limit: number): Promise<PendingReminder[]> {
      return prisma.reminderDelivery.findMany({
        // Check-ins are sent by the request that stores them, never by the sweep.
        where: { status: "PENDING", leadMinutes: { not: CHECK_IN_LEAD_MINUTES } },
        orderBy: { createdAt: "asc" },
        take: limit,
        select: {
          id: true,
          userId: true,
          sessionId: true,
          leadMinutes: true,
          channel: true,
          sessionStartsAt: true,
        },
      });
    },

    async pendingFor(userId: string, sessionId: string, leadMinutes: number) {
      return prisma.reminderDelivery.findMany({
        where: { userId, sessionId, leadMinutes, status: "PENDING" },
        select: { id: true, channel: true },
      });
    },

    /**
     * Takes a pending reminder for this process: a conditional update that only one process can
     * win, on PGlite and PostgreSQL alike. A claimed reminder is never claimed again.
     */
    async claim(id: string, now: Date): Promise<boolean> {
      const { count } = await prisma.reminderDelivery.updateMany({
        where: { id, status: "PENDING" },
        data: { status: "SENDING", claimedAt: now },
      });
      return count === 1;
    },

    /** Gives a claimed reminder back, unsent (quiet hours began): a later sweep sends it. */
    async release(id: string): Promise<void> {
      await prisma.reminderDelivery.updateMany({
        where: { id, status: "SENDING" },
        data: { status: "PENDING", claimedAt: null },
      });
    },

    /** Everyone who asked to join a session's room or was ever in it. */
    async joinedUserIds(sessionId: string): Promise<Set<string>> {
      const [attendees, spans] = await Promise.all([
        prisma.liveAttendee.findMany({ where: { sessionId }, select: { userId: true } }),
        prisma.attendanceSpan.findMany({
          where: { sessionId },
          select: { userId: true },
          distinct: ["userId"],
        }),
      ]);
      return new Set([...attendees, ...spans].map((r) => r.userId));
    },

    /** When each person of a session was sent a facilitator's check-in (the first channel). */
    async checkIns(sessionId: string, leadMinutes: number): Promise<Map<string, Date>> {
      const rows = await prisma.reminderDelivery.findMany({
        where: { sessionId, leadMinutes },
        orderBy: { createdAt: "asc" },
        select: { userId: true, createdAt: true },
      });
      const map = new Map<string, Date>();
      for (const row of rows) if (!map.has(row.userId)) map.set(row.userId, row.createdAt);
      return map;
    },

    async finish(
      id: string,
      outcome: { status: "SENT"; at: Date } | { status: "SKIPPED" | "FAILED"; reason: string },
    ): Promise<void> {
      await prisma.reminderDelivery.update({
        where: { id },
        data:
          outcome.status === "SENT"
            ? { status: "SENT", sentAt: outcome.at }
            : { status: outcome.status, reason: outcome.reason },
      });
    },
  };
}

export type ReminderRepository = ReturnType<typeof createReminderRepository>;
