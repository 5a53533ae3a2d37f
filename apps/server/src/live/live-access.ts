import {
  isEnrolledOn,
  isoDateInZone,
  liveRoleIn,
  liveSessionTitle,
  type Actor,
  type LiveRole,
  type Resource,
} from "@bridgeway/domain";
import type { OccurrenceRecord, OccurrenceRepository } from "../sessions/occurrence-repository";
import type { CohortRepository } from "../cohorts/cohort-repository";
import type { SessionDirectory } from "../sessions/session-directory";

export type JoinAccess = { role: LiveRole; occurrence: OccurrenceRecord; title: string };

/** The session's title as `viewer` sees it (the rule is the domain's `liveSessionTitle`). */
export function sessionTitle(occurrence: OccurrenceRecord, viewer: LiveRole): string {
  return liveSessionTitle(occurrence, viewer);
}

/**
 * Who may enter a session's room, and as what, is the permission policy's `live-room` decision
 * (see `liveRoleIn`); this collects its facts: the session's clinicians; a one-to-one session's
 * participant, or whether the actor is enrolled in the cohort on that day; the family members
 * let in. Anyone else gets null, and learns nothing about the room.
 */
export async function joinAccess(
  deps: {
    cohortRepo: CohortRepository;
    occurrenceRepo: OccurrenceRepository;
    directory: SessionDirectory;
  },
  actor: Actor,
  sessionId: string,
): Promise<JoinAccess | null> {
  const occurrence = await deps.occurrenceRepo.occurrence(sessionId);
  if (!occurrence) return null;
  const role = liveRoleIn(actor, await liveRoom(deps, occurrence, actor.userId));
  return role ? { role, occurrence, title: sessionTitle(occurrence, role) } : null;
}

/**
 * The facts of a session's live room. Of the cohort's enrollments only `userId`'s are looked
 * up: the policy needs to know only whether the one asking is among those let in.
 */
async function liveRoom(
  deps: {
    cohortRepo: CohortRepository;
    occurrenceRepo: OccurrenceRepository;
    directory: SessionDirectory;
  },
  occurrence: OccurrenceRecord,
  userId: string,
): Promise<Extract<Resource, { type: "live-room" }>> {
  const date = isoDateInZone(occurrence.startsAt, occurrence.timeZone);
  const [facilitatorIds, enrollments, familyIds] = await Promise.all([
    deps.directory.facilitatorsOf(occurrence),
    occurrence.cohortId
      ? deps.cohortRepo.enrollments({ cohortIds: [occurrence.cohortId], participantId: userId })
      : [],
    deps.directory.familyOf(occurrence),
  ]);
  const enrolled = enrollments.filter((e) => isEnrolledOn(e, date)).map((e) => e.participant.id);
  return {
    type: "live-room",
    organizationId: occurrence.organizationId,
    facilitatorIds,
    participantIds: occurrence.participantUserId
      ? [occurrence.participantUserId, ...enrolled]
      : enrolled,
    familyIds,
  };
}
