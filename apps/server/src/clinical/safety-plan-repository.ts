import type { SafetyPlanContent } from "@bridgeway/domain";
import type { Transaction } from "../db/database";
import type { PrismaClient } from "../generated/prisma/client";

/** Either the client or a transaction: a write inside `audit.change` takes the transaction. */
type Db = PrismaClient | Transaction;

/** One saved version of a participant's safety plan; `content` is checked by the service. */
export type StoredSafetyPlan = {
  id: string;
  participantUserId: string;
  version: number;
  content: unknown;
  authoredByUserId: string;
  createdAt: Date;
};

const PLAN_SELECT = {
  id: true,
  participantUserId: true,
  version: true,
  content: true,
  authoredByUserId: true,
  createdAt: true,
} as const;

/** The versions of participants' safety plans; the highest version is the current plan. */
export function createSafetyPlanRepository(prisma: PrismaClient) {
  return {
    async latest(participantId: string): Promise<StoredSafetyPlan | null> {
      return prisma.safetyPlanVersion.findFirst({
        where: { participantUserId: participantId },
        orderBy: { version: "desc" },
        select: PLAN_SELECT,
      });
    },

    /** Every version, newest first. */
    async versions(participantId: string): Promise<StoredSafetyPlan[]> {
      return prisma.safetyPlanVersion.findMany({
        where: { participantUserId: participantId },
        orderBy: { version: "desc" },
        select: PLAN_SELECT,
      });
    },

    /** The current version number, or null before the first plan. */
    async latestVersion(db: Db, participantId: string): Promise<number | null> {
      const row = await db.safetyPlanVersion.findFirst({
        where: { participantUserId: participantId },
        orderBy: { version: "desc" },
        select: { version: true },
      });
      return row?.version ?? null;
    },

    /** Stores a version; a second writer of the same number fails on the unique version. */
    async create(
      db: Db,
      plan: {
        organizationId: string;
        participantUserId: string;
        version: number;
        content: SafetyPlanContent;
        authoredByUserId: string;
      },
    ): Promise<StoredSafetyPlan> {
      return db.safetyPlanVersion.create({ data: plan, select: PLAN_SELECT });
    },
  };
}

export type SafetyPlanRepository = ReturnType<typeof createSafetyPlanRepository>;
