import {
  SafetyPlanContentSchema,
  type SafetyPlanContent,
  type SafetyPlanDto,
} from "@bridgeway/domain";
import type { AuditLog } from "../audit/audit-log";
import { conflict } from "../http/errors";
import { isUniqueViolation } from "../http/error-handler";
import type { PeopleRepository } from "../people/people-repository";
import type { ClinicalAccess, Context } from "./clinical-access";
import type { SafetyPlanRepository, StoredSafetyPlan } from "./safety-plan-repository";

/**
 * The Stanley-Brown safety plan: written by the therapist with the participant, saved as a new
 * version every time, and always readable by the participant.
 */
export function createSafetyPlanService(deps: {
  plans: SafetyPlanRepository;
  peopleRepo: PeopleRepository;
  access: ClinicalAccess;
  audit: AuditLog;
}) {
  const { plans, peopleRepo, access, audit } = deps;

  async function toDto(row: StoredSafetyPlan): Promise<SafetyPlanDto> {
    const author = await peopleRepo.person(row.authoredByUserId);
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
      const row = await plans.latest(participantId);
      await audit.record(context, "read", { type: "safety-plan", id: participantId }, "success");
      return row ? toDto(row) : null;
    },

    async versions(context: Context, participantId: string) {
      await access.requirePersonal(context, "safety-plan", participantId, "update");
      const rows = await plans.versions(participantId);
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
            const latest = await plans.latestVersion(tx, participantId);
            if (latest !== basedOn) {
              throw conflict(
                "Someone saved a newer version of this safety plan. Reload it and make your changes again.",
                { basedOn: "Not the current version." },
              );
            }
            return plans.create(tx, {
              organizationId: participant.organizationId,
              participantUserId: participantId,
              version: (latest ?? 0) + 1,
              content,
              authoredByUserId: context.actor.userId,
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
