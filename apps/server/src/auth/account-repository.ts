import type { Role } from "@bridgeway/domain";
import type { PrismaClient } from "../generated/prisma/client";

export type AccountTokenKind = "INVITATION" | "PASSWORD_RESET";

export type AccountForPassword = {
  id: string;
  organizationId: string;
  role: Role;
  email: string;
  firstName: string;
  preferredName: string | null;
  /** The stored language (see i18n/messages.ts). */
  locale: string;
  active: boolean;
  passwordSetAt: Date | null;
};

export type StoredAccountToken = {
  id: string;
  userId: string;
  purpose: AccountTokenKind;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  user: AccountForPassword;
};

const ACCOUNT_SELECT = {
  id: true,
  organizationId: true,
  role: true,
  email: true,
  firstName: true,
  preferredName: true,
  locale: true,
  active: true,
  passwordSetAt: true,
} as const;

/** Password links, password hashes and the active flag of sign-in accounts. */
export function createAccountRepository(prisma: PrismaClient) {
  return {
    account(id: string): Promise<AccountForPassword | null> {
      return prisma.user.findUnique({ where: { id }, select: ACCOUNT_SELECT });
    },

    accountByEmail(email: string): Promise<AccountForPassword | null> {
      return prisma.user.findUnique({
        where: { email: email.trim().toLowerCase() },
        select: ACCOUNT_SELECT,
      });
    },

    async passwordHash(userId: string): Promise<string | null> {
      const row = await prisma.user.findUnique({
        where: { id: userId },
        select: { passwordHash: true },
      });
      return row?.passwordHash ?? null;
    },

    async organizationName(organizationId: string): Promise<string> {
      const org = await prisma.organization.findUniqueOrThrow({
        where: { id: organizationId },
        select: { name: true },
      });
      return org.name;
    },

    /**
     * Stores a new link for the person. Earlier unused links of the same purpose stop working:
     * only the newest email's link opens anything.
     */
    async createToken(data: {
      userId: string;
      purpose: AccountTokenKind;
      tokenHash: string;
      createdAt: Date;
      expiresAt: Date;
    }): Promise<void> {
      await prisma.$transaction([
        prisma.accountToken.updateMany({
          where: { userId: data.userId, purpose: data.purpose, usedAt: null },
          data: { usedAt: data.createdAt },
        }),
        prisma.accountToken.create({ data }),
      ]);
    },

    tokenByHash(tokenHash: string): Promise<StoredAccountToken | null> {
      return prisma.accountToken.findUnique({
        where: { tokenHash },
        select: {
          id: true,
          userId: true,
          purpose: true,
          createdAt: true,
          expiresAt: true,
          usedAt: true,
          user: { select: ACCOUNT_SELECT },
        },
      });
    },

    /**
     * Uses a link once: sets the password and uses up every open link of that person, all or
     * nothing. False when the link was used, expired or the account deactivated meanwhile.
     */
    async usePasswordLink(tokenId: string, passwordHash: string, at: Date): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.accountToken.updateMany({
          where: { id: tokenId, usedAt: null, expiresAt: { gt: at }, user: { active: true } },
          data: { usedAt: at },
        });
        if (count !== 1) return false;
        const token = await tx.accountToken.findUniqueOrThrow({
          where: { id: tokenId },
          select: { userId: true },
        });
        await tx.user.update({
          where: { id: token.userId },
          data: { passwordHash, passwordSetAt: at },
        });
        await tx.accountToken.updateMany({
          where: { userId: token.userId, usedAt: null },
          data: { usedAt: at },
        });
        return true;
      });
    },

    async setPassword(userId: string, passwordHash: string, at: Date): Promise<void> {
      await prisma.$transaction([
        prisma.user.update({ where: { id: userId }, data: { passwordHash, passwordSetAt: at } }),
        // A reset link mailed before the change must not undo it.
        prisma.accountToken.updateMany({
          where: { userId, usedAt: null, purpose: "PASSWORD_RESET" },
          data: { usedAt: at },
        }),
      ]);
    },

    /** Switches the account off (or on again); false when it already was. */
    async setActive(userId: string, active: boolean, at: Date): Promise<boolean> {
      const { count } = await prisma.user.updateMany({
        where: { id: userId, active: !active },
        data: { active, deactivatedAt: active ? null : at },
      });
      if (!active && count === 1) {
        await prisma.accountToken.updateMany({
          where: { userId, usedAt: null },
          data: { usedAt: at },
        });
      }
      return count === 1;
    },

    /** A person's sign-ins, most recently used first. */
    signInsOf(userId: string): Promise<
      {
        id: string;
        createdAt: Date;
        lastSeenAt: Date;
        userAgent: string | null;
        ipAddress: string | null;
      }[]
    > {
      return prisma.signIn.findMany({
        where: { userId },
        orderBy: { lastSeenAt: "desc" },
        select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ipAddress: true },
      });
    },

    /** The ids of a person's sign-ins other than `exceptSignInId`. */
    async otherSignInIds(userId: string, exceptSignInId: string): Promise<string[]> {
      const rows = await prisma.signIn.findMany({
        where: { userId, id: { not: exceptSignInId } },
        select: { id: true },
      });
      return rows.map((r) => r.id);
    },
  };
}

export type AccountRepository = ReturnType<typeof createAccountRepository>;
