import type { DischargeInput, TreatmentPlanContent } from "@bridgeway/domain";
import type { Transaction } from "../db/database";
import type { PrismaClient } from "../generated/prisma/client";

/** Either the client or a transaction: a write inside `audit.change` takes the transaction. */
type Db = PrismaClient | Transaction;

/** One version of an enrollment's treatment plan; `content` is checked by the service. */
export type StoredTreatmentPlan = {
  id: string;
  enrollmentId: string;
  participantUserId: string;
  version: number;
  content: unknown;
  reviewEveryDays: number;
  nextReviewOn: Date;
  createdByUserId: string;
  createdAt: Date;
  acknowledgedAt: Date | null;
};

/** The discharge that closed an enrollment; `reason` and `aftercare` are checked by the service. */
export type StoredDischarge = {
  enrollmentId: string;
  participantUserId: string;
  reason: string;
  dischargedOn: Date;
  summary: string;
  aftercare: unknown;
  createdByUserId: string;
  createdAt: Date;
};

const PLAN_SELECT = {
  id: true,
  enrollmentId: true,
  participantUserId: true,
  version: true,
  content: true,
  reviewEveryDays: true,
  nextReviewOn: true,
  createdByUserId: true,
  createdAt: true,
  acknowledgedAt: true,
} as const;

const DISCHARGE_SELECT = {
  enrollmentId: true,
  participantUserId: true,
  reason: true,
  dischargedOn: true,
  summary: true,
  aftercare: true,
  createdByUserId: true,
  createdAt: true,
} as const;

/** Treatment plan versions per enrollment, and the discharges that close enrollments. */
export function createTreatmentPlanRepository(prisma: PrismaClient) {
  return {
    /** The current (highest) version of the enrollment's plan, or null before the first. */
    async latest(enrollmentId: string): Promise<StoredTreatmentPlan | null> {
      return prisma.treatmentPlanVersion.findFirst({
        where: { enrollmentId },
        orderBy: { version: "desc" },
        select: PLAN_SELECT,
      });
    },

    /** The current version number, or null before the first plan. */
    async latestVersion(db: Db, enrollmentId: string): Promise<number | null> {
      const row = await db.treatmentPlanVersion.findFirst({
        where: { enrollmentId },
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
        enrollmentId: string;
        participantUserId: string;
        version: number;
        content: TreatmentPlanContent;
        reviewEveryDays: number;
        nextReviewOn: Date;
        createdByUserId: string;
        createdAt: Date;
      },
    ): Promise<StoredTreatmentPlan> {
      return db.treatmentPlanVersion.create({ data: plan, select: PLAN_SELECT });
    },

    async acknowledge(db: Db, planId: string, at: Date): Promise<{ id: string }> {
      return db.treatmentPlanVersion.update({
        where: { id: planId },
        data: { acknowledgedAt: at },
        select: { id: true },
      });
    },

    /** When the current plan of each of these enrollments is next due for review. */
    async nextReviews(
      enrollmentIds: string[],
    ): Promise<{ enrollmentId: string; nextReviewOn: Date }[]> {
      return prisma.treatmentPlanVersion.findMany({
        where: { enrollmentId: { in: enrollmentIds } },
        orderBy: { version: "desc" },
        distinct: ["enrollmentId"],
        select: { enrollmentId: true, nextReviewOn: true },
      });
    },

    /** Closes the enrollment if it is still active; false when it had already ended. */
    async endEnrollment(
      db: Db,
      enrollmentId: string,
      status: "DISCHARGED" | "WITHDRAWN",
      endedOn: Date,
    ): Promise<boolean> {
      const { count } = await db.enrollment.updateMany({
        where: { id: enrollmentId, status: "ACTIVE" },
        data: { status, endedOn },
      });
      return count > 0;
    },

    /** Stores the discharge; a second one for the enrollment fails on its unique enrollment. */
    async createDischarge(
      db: Db,
      discharge: {
        organizationId: string;
        enrollmentId: string;
        participantUserId: string;
        reason: DischargeInput["reason"];
        dischargedOn: Date;
        summary: string;
        aftercare: DischargeInput["aftercare"];
        createdByUserId: string;
        createdAt: Date;
      },
    ): Promise<StoredDischarge & { id: string }> {
      return db.discharge.create({ data: discharge, select: { ...DISCHARGE_SELECT, id: true } });
    },

    async discharge(enrollmentId: string): Promise<StoredDischarge | null> {
      return prisma.discharge.findUnique({ where: { enrollmentId }, select: DISCHARGE_SELECT });
    },

    /** A participant's aftercare plans, the latest discharge first. */
    async aftercareOf(
      participantId: string,
    ): Promise<{ enrollmentId: string; dischargedOn: Date; aftercare: unknown }[]> {
      return prisma.discharge.findMany({
        where: { participantUserId: participantId },
        orderBy: { dischargedOn: "desc" },
        select: { enrollmentId: true, dischargedOn: true, aftercare: true },
      });
    },
  };
}

export type TreatmentPlanRepository = ReturnType<typeof createTreatmentPlanRepository>;
