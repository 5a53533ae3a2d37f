import {
  careTeamOf,
  decide,
  isoDateInZone,
  type Action,
  type Actor,
  type CareTeam,
} from "@bridgeway/domain";
import type { AuditContext, AuditLog } from "../audit/audit-log";
import type { Clock } from "../clock";
import { forbidden, notFound } from "../http/errors";
import type { PeopleRepository } from "../people/people-repository";

export type Context = AuditContext & { actor: Actor };

/** The clinical records that belong to one participant. */
export type PersonalRecordType =
  | "assessment"
  | "assessment-assignment"
  | "safety-plan"
  | "treatment-plan"
  | "discharge-summary"
  | "aftercare";

/**
 * Who may touch whose clinical record. The care team is the one the permission policy defines
 * (`careTeamOf` in the domain): the clinicians of the participant's active enrollment, plus,
 * read only, those of an enrollment closed within the last 30 days. Only the clinic creates
 * these relationships; leading a one-off session opens that session's note, not the record.
 */
export function createClinicalAccess(deps: {
  peopleRepo: PeopleRepository;
  audit: AuditLog;
  clock: Clock;
}) {
  const { peopleRepo, audit, clock } = deps;

  /** The participant's care team today, in the participant's own time zone. */
  async function clinicalTeamOf(participantId: string, timeZone: string): Promise<CareTeam> {
    const relationships = await peopleRepo.careRelationshipsOf(participantId);
    return careTeamOf(relationships, isoDateInZone(clock.now(), timeZone));
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
    const participant = await peopleRepo.person(participantId);
    if (!participant || participant.role !== "PARTICIPANT") throw notFound("participant");
    const decision = decide(context.actor, action, {
      type,
      organizationId: participant.organizationId,
      participantId,
      ...(await clinicalTeamOf(participantId, participant.timeZone)),
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
