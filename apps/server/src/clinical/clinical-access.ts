import { decide, type Action, type Actor } from "@bridgeway/domain";
import type { AuditContext, AuditLog } from "../audit/audit-log";
import type { PrismaClient } from "../generated/prisma/client";
import { forbidden, notFound } from "../http/errors";
import type { ScheduleRepository } from "../schedules/schedule-repository";

export type Context = AuditContext & { actor: Actor };

/** The clinical records that belong to one participant. */
export type PersonalRecordType =
  "assessment" | "safety-plan" | "treatment-plan" | "discharge-summary" | "aftercare";

/**
 * Who may touch whose clinical record. The clinical team of a participant is every clinician of
 * a cohort they are or were enrolled in, and anyone who led a session of theirs: discharge does
 * not take the record away from the people who treated them.
 */
export function createClinicalAccess(deps: {
  prisma: PrismaClient;
  schedules: ScheduleRepository;
  audit: AuditLog;
}) {
  const { prisma, schedules, audit } = deps;

  async function clinicalTeamOf(participantId: string): Promise<string[]> {
    const [cohortStaff, leads] = await Promise.all([
      prisma.cohortFacilitator.findMany({
        where: { cohort: { enrollments: { some: { participantUserId: participantId } } } },
        select: { facilitatorUserId: true },
      }),
      prisma.sessionOccurrence.findMany({
        where: { participantUserId: participantId, leadFacilitatorId: { not: null } },
        select: { leadFacilitatorId: true },
        distinct: ["leadFacilitatorId"],
      }),
    ]);
    return [
      ...new Set([
        ...cohortStaff.map((r) => r.facilitatorUserId),
        ...leads.flatMap((r) => (r.leadFacilitatorId ? [r.leadFacilitatorId] : [])),
      ]),
    ];
  }

  /**
   * The participant whose record it is, once the actor may `action` it; otherwise the refusal is
   * audited and answers not found (or forbidden when they may see but not change it).
   */
  async function requirePersonal(
    context: Context,
    type: PersonalRecordType,
    participantId: string,
    action: Action,
  ) {
    const participant = await schedules.person(participantId);
    if (!participant || participant.role !== "PARTICIPANT") throw notFound("participant");
    const decision = decide(context.actor, action, {
      type,
      organizationId: participant.organizationId,
      participantId,
      facilitatorIds: await clinicalTeamOf(participantId),
    });
    if (decision !== "allow") {
      await audit.denied(context, action, { type, id: participantId });
      throw decision === "not-found" ? notFound("participant") : forbidden();
    }
    return participant;
  }

  return { clinicalTeamOf, requirePersonal };
}

export type ClinicalAccess = ReturnType<typeof createClinicalAccess>;
