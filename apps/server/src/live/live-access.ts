import { isoDateInZone, sessionKindInfo, type Actor, type LiveRole } from "@bridgeway/domain";
import type { OccurrenceRecord, ScheduleRepository } from "../schedules/schedule-repository";
import type { SessionDirectory } from "../schedules/session-directory";

export type JoinAccess = { role: LiveRole; occurrence: OccurrenceRecord; title: string };

/** "Group therapy · Evening track", or just the kind for one-to-one sessions. */
export function sessionTitle(occurrence: OccurrenceRecord): string {
  const label = sessionKindInfo(occurrence.kind).label;
  return occurrence.cohortName ? `${label} · ${occurrence.cohortName}` : label;
}

/**
 * Who may enter a session's room, and as what: its clinicians; for a group meeting, the
 * participants actively enrolled in the cohort on that day; for a one-to-one session, its
 * participant. Anyone else gets null, and learns nothing about the room.
 */
export async function joinAccess(
  deps: { repo: ScheduleRepository; directory: SessionDirectory },
  actor: Actor,
  sessionId: string,
): Promise<JoinAccess | null> {
  const occurrence = await deps.repo.occurrence(sessionId);
  if (!occurrence || occurrence.organizationId !== actor.organizationId) return null;
  const title = sessionTitle(occurrence);
  if (actor.role === "FACILITATOR") {
    const staff = await deps.directory.facilitatorsOf(occurrence);
    return staff.includes(actor.userId) ? { role: "facilitator", occurrence, title } : null;
  }
  if (actor.role === "FAMILY") {
    const people = await deps.directory.peopleIn(occurrence);
    return people.familyIds.includes(actor.userId) ? { role: "family", occurrence, title } : null;
  }
  if (actor.role !== "PARTICIPANT") return null;
  if (occurrence.participantUserId === actor.userId)
    return { role: "participant", occurrence, title };
  if (occurrence.cohortId) {
    const date = isoDateInZone(occurrence.startsAt, occurrence.timeZone);
    const enrollments = await deps.repo.enrollments({
      cohortIds: [occurrence.cohortId],
      participantId: actor.userId,
    });
    const enrolled = enrollments.some(
      (e) =>
        e.status === "ACTIVE" && e.startsOn <= date && date <= (e.endedOn ?? e.plannedDischargeOn),
    );
    if (enrolled) return { role: "participant", occurrence, title };
  }
  return null;
}
