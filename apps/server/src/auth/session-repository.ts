import type { SessionUser } from "@bridgeway/domain";
import type { PrismaClient } from "../generated/prisma/client";
import { SESSION_USER_SELECT, toSessionUser } from "./user-repository";

export type StoredSession = {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
};

export type SessionWithUser = {
  session: StoredSession;
  user: SessionUser;
  userActive: boolean;
};

export function createSessionRepository(prisma: PrismaClient) {
  return {
    async create(session: StoredSession): Promise<void> {
      await prisma.authSession.create({ data: session });
    },

    async findWithUser(id: string): Promise<SessionWithUser | null> {
      const row = await prisma.authSession.findUnique({
        where: { id },
        select: {
          id: true,
          userId: true,
          csrfToken: true,
          createdAt: true,
          lastSeenAt: true,
          expiresAt: true,
          user: { select: SESSION_USER_SELECT },
        },
      });
      if (!row) return null;
      const { user, ...session } = row;
      return { session, user: toSessionUser(user), userActive: user.active };
    },

    async touch(id: string, at: Date): Promise<void> {
      await prisma.authSession.updateMany({ where: { id }, data: { lastSeenAt: at } });
    },

    /** Returns whether a session was there to delete. */
    async delete(id: string): Promise<boolean> {
      const { count } = await prisma.authSession.deleteMany({ where: { id } });
      return count > 0;
    },

    /** Removes sessions past their absolute expiry or idle since before `idleCutoff`. */
    async deleteEnded(now: Date, idleCutoff: Date): Promise<number> {
      const { count } = await prisma.authSession.deleteMany({
        where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lt: idleCutoff } }] },
      });
      return count;
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
