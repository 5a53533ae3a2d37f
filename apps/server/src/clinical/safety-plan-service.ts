import {
  SafetyPlanContentSchema,
  type SafetyPlanContent,
  type SafetyPlanDto,
} from "@bridgeway/domain";
import type { AuditLog } from "../audit/audit-log";
import type { PrismaClient } from "../generated/prisma/client";
import { conflict } from "../http/errors";
import { isUniqueViolation } from "../http/error-handler";
import type { ScheduleRepository } from "../schedules/schedule-repository";
import type { ClinicalAccess, Context } from "./clinical-access";

/**
 * The Stanley-Brown safety plan: written by the therapist with the participant, saved as a new
 * version every time, and always readable by the participant.
 */
export function createSafetyPlanService(deps: {
  prisma: PrismaClient;
  schedules: ScheduleRepository;
  access: ClinicalAccess;
  audit: AuditLog;
}) {
  const { prisma, schedules, access, audit } = deps;

  async function toDto(row: {
    participantUserId: string;
    version: number;
    content: unknown;
    authoredByUserId: string;
    createdAt: Date;
  }): Promise<SafetyPlanDto> {
    const author = await schedules.person(row.authoredByUserId);
    return {
      participantId: row.participantUserId,
      version: row.version,
      content: SafetyPlanContentSchema.parse(row.content),
      authoredBy: author?.displayName ?? "A clinician",
      updatedAt: row.createdAt.toISOString(),
    };
  }

  return {
    /** The current plan, or null before the first one is written. */
    async current(context: Context, participantId: string): Promise<SafetyPlanDto | null> {
      await access.requirePersonal(context, "safety-plan", participantId, "read");
      const row = await prisma.safetyPlanVersion.findFirst({
        where: { participantUserId: participantId },
        orderBy: { version: "desc" },
      });
      await audit.record(context, "read", { type: "safety-plan", id: participantId }, "success");
      return row ? toDto(row) : null;
    },

    async versions(context: Context, participantId: string) {
      await access.requirePersonal(context, "safety-plan", participantId, "update");
      const rows = await prisma.safetyPlanVersion.findMany({
        where: { participantUserId: participantId },
        orderBy: { version: "desc" },
      });
      await audit.record(context, "read", { type: "safety-plan", id: participantId }, "success");
      return Promise.all(rows.map(toDto));
    },

    /** Saves a new version; `basedOn` is the version the writer started from, to catch overlaps. */
    async save(
      context: Context,
      participantId: string,
      content: SafetyPlanContent,
      basedOn: number | null,
    ): Promise<SafetyPlanDto> {
      const participant = await access.requirePersonal(
        context,
        "safety-plan",
        participantId,
        "update",
      );
      try {
        const row = await audit.change(
          context,
          "update",
          "safety-plan",
          async (tx) => {
            const latest = await tx.safetyPlanVersion.findFirst({
              where: { participantUserId: participantId },
              orderBy: { version: "desc" },
              select: { version: true },
            });
            if ((latest?.version ?? null) !== basedOn) {
              throw conflict(
                "Someone saved a newer version of this safety plan. Reload it and make your changes again.",
                { basedOn: "Not the current version." },
              );
            }
            return tx.safetyPlanVersion.create({
              data: {
                organizationId: participant.organizationId,
                participantUserId: participantId,
                version: (latest?.version ?? 0) + 1,
                content,
                authoredByUserId: context.actor.userId,
              },
            });
          },
          (r) => r.id,
        );
        return await toDto(row);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw conflict(
            "Someone saved this safety plan at the same moment. Reload it and try again.",
          );
        }
        throw error;
      }
    },
  };
}

export type SafetyPlanService = ReturnType<typeof createSafetyPlanService>;
