import type { Role, SignedInUser } from "@bridgeway/domain";
import type { SqlSession } from "../db/sql";
import type { PrismaClient } from "../generated/prisma/client";
import { toSignedInUser } from "./user-repository";

export type StoredSignIn = {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** The device that signed in (see device.ts); only written at the start. */
  userAgent?: string | null;
  ipAddress?: string | null;
  /** Set while the sign-in waits for its second factor or for MFA enrolment (see mfa.ts). */
  mfaPending?: MfaPendingStage | null;
  /** When a password or code was last confirmed on this sign-in (signing in counts). */
  reauthenticatedAt?: Date | null;
};

export type MfaPendingStage = "code" | "enrolment";

export type SignInWithUser = {
  signIn: StoredSignIn;
  user: SignedInUser;
  userActive: boolean;
};

type SignInRow = {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  mfaPending: string | null;
  reauthenticatedAt: Date | string | null;
  email: string;
  role: Role;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  timeZone: string;
  locale: string;
  organizationId: string;
  active: boolean;
  organizationName: string;
};

// Every API request checks its sign-in, so this read is one indexed join in plain SQL: Prisma's
// query compiler costs more per call than the query itself (see bench/auth-me.bench.ts).
const FIND_WITH_USER = `
  SELECT s."id", s."userId", s."csrfToken", s."createdAt", s."lastSeenAt", s."expiresAt",
         s."mfaPending", s."reauthenticatedAt",
         u."email", u."role"::text AS "role", u."firstName", u."lastName", u."preferredName",
         u."timeZone", u."locale", u."organizationId", u."active", o."name" AS "organizationName"
    FROM "AuthSession" s
    JOIN "User" u ON u."id" = s."userId"
    JOIN "Organization" o ON o."id" = u."organizationId"
   WHERE s."id" = $1`;

const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

export function createSignInRepository(prisma: PrismaClient, sql: SqlSession) {
  return {
    async create(signIn: StoredSignIn): Promise<void> {
      await prisma.signIn.create({ data: signIn });
    },

    async findWithUser(id: string): Promise<SignInWithUser | null> {
      const [row] = await sql.query<SignInRow>(FIND_WITH_USER, [id], "bw_session_with_user");
      if (!row) return null;
      return {
        signIn: {
          id: row.id,
          userId: row.userId,
          csrfToken: row.csrfToken,
          createdAt: asDate(row.createdAt),
          lastSeenAt: asDate(row.lastSeenAt),
          expiresAt: asDate(row.expiresAt),
          mfaPending:
            row.mfaPending === "code" || row.mfaPending === "enrolment" ? row.mfaPending : null,
          reauthenticatedAt: row.reauthenticatedAt ? asDate(row.reauthenticatedAt) : null,
        },
        user: toSignedInUser({
          id: row.userId,
          email: row.email,
          role: row.role,
          firstName: row.firstName,
          lastName: row.lastName,
          preferredName: row.preferredName,
          timeZone: row.timeZone,
          locale: row.locale,
          organizationId: row.organizationId,
          active: row.active,
          organization: { name: row.organizationName },
        }),
        userActive: row.active,
      };
    },

    async touch(id: string, at: Date): Promise<void> {
      await sql.query(`UPDATE "AuthSession" SET "lastSeenAt" = $2 WHERE "id" = $1`, [id, at]);
    },

    async markReauthenticated(id: string, at: Date): Promise<void> {
      await sql.query(`UPDATE "AuthSession" SET "reauthenticatedAt" = $2 WHERE "id" = $1`, [
        id,
        at,
      ]);
    },

    async reauthenticatedAt(id: string): Promise<Date | null> {
      const row = await prisma.signIn.findUnique({
        where: { id },
        select: { reauthenticatedAt: true },
      });
      return row?.reauthenticatedAt ?? null;
    },

    /** Returns whether a sign-in was there to delete. */
    async delete(id: string): Promise<boolean> {
      const { count } = await prisma.signIn.deleteMany({ where: { id } });
      return count > 0;
    },

    async deleteForUser(userId: string): Promise<number> {
      const { count } = await prisma.signIn.deleteMany({ where: { userId } });
      return count;
    },

    /** Removes sign-ins past their absolute expiry or idle since before `idleCutoff`. */
    async deleteEnded(now: Date, idleCutoff: Date): Promise<number> {
      const { count } = await prisma.signIn.deleteMany({
        where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lt: idleCutoff } }] },
      });
      return count;
    },
  };
}

export type SignInRepository = ReturnType<typeof createSignInRepository>;
