import type { Role } from "@bridgeway/domain";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

export type StoredPushSubscription = {
  id: string;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
};

/** A subscription with what decides the language its notifications are written in. */
export type RecipientPushSubscription = StoredPushSubscription & {
  user: { role: Role; locale: string };
};

const SELECT = { id: true, userId: true, endpoint: true, p256dh: true, auth: true } as const;

/** Browsers' push subscriptions, one per endpoint. */
export function createPushRepository(prisma: PrismaClient) {
  return {
    /** Stores this device's subscription for the person; a device moves to whoever signs in on it. */
    async save(
      db: Db,
      userId: string,
      input: { endpoint: string; p256dh: string; auth: string },
    ): Promise<StoredPushSubscription> {
      return db.pushSubscription.upsert({
        where: { endpoint: input.endpoint },
        create: { userId, ...input },
        update: { userId, p256dh: input.p256dh, auth: input.auth },
        select: SELECT,
      });
    },

    /** Removes the person's own subscription for one endpoint; answers how many went. */
    async remove(db: Db, userId: string, endpoint: string): Promise<number> {
      const result = await db.pushSubscription.deleteMany({ where: { userId, endpoint } });
      return result.count;
    },

    async forUsers(userIds: string[]): Promise<RecipientPushSubscription[]> {
      if (userIds.length === 0) return [];
      return prisma.pushSubscription.findMany({
        where: { userId: { in: userIds }, user: { active: true } },
        select: { ...SELECT, user: { select: { role: true, locale: true } } },
      });
    },

    /** Claims the announcement of one session start; true for the one process that gets it. */
    async claimSessionStart(sessionId: string, sessionStartsAt: Date, now: Date): Promise<boolean> {
      const result = await prisma.sessionStartPush.createMany({
        data: [{ sessionId, sessionStartsAt, sentAt: now }],
        skipDuplicates: true,
      });
      return result.count === 1;
    },

    /** The push service said the subscription is gone (404/410). */
    async forget(id: string): Promise<void> {
      await prisma.pushSubscription.deleteMany({ where: { id } });
    },
  };
}

export type PushRepository = ReturnType<typeof createPushRepository>;
