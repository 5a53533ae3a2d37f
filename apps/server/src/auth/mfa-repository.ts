import type { Role } from "@bridgeway/domain";
import type { PrismaClient } from "../generated/prisma/client";

export type StoredFactor = {
  secretEncrypted: string;
  confirmedAt: Date | null;
  lastUsedStep: number | null;
};

export type MfaAccount = {
  id: string;
  email: string;
  role: Role;
  passwordHash: string;
  clinicRequiresMfaForStaff: boolean;
};

/** Authenticator factors and recovery codes; rules live in mfa-service.ts and the domain. */
export function createMfaRepository(prisma: PrismaClient) {
  return {
    async account(userId: string): Promise<MfaAccount | null> {
      const row = await prisma.user.findUnique({
        where: { id: userId },
        select: {
          id: true,
          email: true,
          role: true,
          passwordHash: true,
          organization: { select: { mfaRequiredForStaff: true } },
        },
      });
      return row
        ? {
            id: row.id,
            email: row.email,
            role: row.role,
            passwordHash: row.passwordHash,
            clinicRequiresMfaForStaff: row.organization.mfaRequiredForStaff,
          }
        : null;
    },

    factor(userId: string): Promise<StoredFactor | null> {
      return prisma.mfaFactor.findUnique({
        where: { userId },
        select: { secretEncrypted: true, confirmedAt: true, lastUsedStep: true },
      });
    },

    /** Replaces an unconfirmed factor with a new secret; false when one is already confirmed. */
    async startFactor(userId: string, secretEncrypted: string, now: Date): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const existing = await tx.mfaFactor.findUnique({
          where: { userId },
          select: { confirmedAt: true },
        });
        if (existing?.confirmedAt) return false;
        await tx.mfaFactor.upsert({
          where: { userId },
          create: { userId, secretEncrypted, createdAt: now },
          update: { secretEncrypted, createdAt: now, lastUsedStep: null },
        });
        return true;
      });
    },

    /**
     * Confirms the pending factor with the step of its first code, and replaces every recovery
     * code with new ones, all or nothing. False when there was no pending factor to confirm.
     */
    async confirmFactor(
      userId: string,
      step: number,
      recoveryCodeHashes: readonly string[],
      now: Date,
    ): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.mfaFactor.updateMany({
          where: { userId, confirmedAt: null },
          data: { confirmedAt: now, lastUsedStep: step },
        });
        if (count === 0) return false;
        await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
        await tx.mfaRecoveryCode.createMany({
          data: recoveryCodeHashes.map((codeHash) => ({ userId, codeHash, createdAt: now })),
        });
        return true;
      });
    },

    /**
     * Records `step` as used, only if it is later than the last used one: one conditional
     * write, so two requests racing with the same code cannot both succeed.
     */
    async useStep(userId: string, step: number): Promise<boolean> {
      const { count } = await prisma.mfaFactor.updateMany({
        where: {
          userId,
          confirmedAt: { not: null },
          OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }],
        },
        data: { lastUsedStep: step },
      });
      return count > 0;
    },

    /** Uses up one recovery code; false when it is not this person's or was used before. */
    async useRecoveryCode(userId: string, codeHash: string, now: Date): Promise<boolean> {
      const { count } = await prisma.mfaRecoveryCode.updateMany({
        where: { userId, codeHash, usedAt: null },
        data: { usedAt: now },
      });
      return count > 0;
    },

    recoveryCodesLeft(userId: string): Promise<number> {
      return prisma.mfaRecoveryCode.count({ where: { userId, usedAt: null } });
    },

    async removeFactor(userId: string): Promise<void> {
      await prisma.$transaction([
        prisma.mfaRecoveryCode.deleteMany({ where: { userId } }),
        prisma.mfaFactor.deleteMany({ where: { userId } }),
      ]);
    },
  };
}

export type MfaRepository = ReturnType<typeof createMfaRepository>;
