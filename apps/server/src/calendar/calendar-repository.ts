import type { Db } from "../db/database";
import type { PrismaClient } from "../generated/prisma/client";

/** Calendar feed tokens (stored hashed) and the person a token opens. */
export function createCalendarRepository(prisma: PrismaClient) {
  return {
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

export type CalendarRepository = ReturnType<typeof createCalendarRepository>;
