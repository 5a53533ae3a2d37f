import {
  familyLabel,
  familyLabelOfSupporter,
  hasFamilyLabels,
  type RoomAttendee,
  type SessionKind,
} from "@bridgeway/domain";
import type { FamilyRepository } from "../families/family-repository";
import type { PeopleRepository } from "../people/people-repository";

/**
 * Sessions whose labels one process holds at most. A room empties on whichever process saw the
 * last person go, so the others forget it only by making room for newer ones.
 */
export const MAX_LABELLED_SESSIONS = 500;

type Present = Pick<RoomAttendee, "userId" | "role" | "connection">;

/**
 * "Jordan's family" labels for family sessions. They follow from who someone is, and a room sends
 * its state on every raised hand, so they are remembered per session while anyone is in its room;
 * a session is forgotten when it ends or its room empties, and the least recently used goes first
 * when `max` sessions are held.
 */
export function createFamilyLabels(deps: {
  peopleRepo: Pick<PeopleRepository, "person">;
  families: Pick<FamilyRepository, "supportedBy">;
  max?: number;
}) {
  const max = deps.max ?? MAX_LABELLED_SESSIONS;
  const bySession = new Map<string, Map<string, string>>();

  async function labelOf(a: Present, attendees: readonly Present[]): Promise<string | null> {
    if (a.role === "participant") {
      const person = await deps.peopleRepo.person(a.userId);
      return person ? familyLabel(person.preferredName ?? person.firstName) : null;
    }
    return familyLabelOfSupporter(await deps.families.supportedBy(a.userId), attendees);
  }

  return {
    /** Labels by person for the people given; an empty map for sessions without families. */
    async labelsFor(
      sessionId: string,
      kind: SessionKind,
      attendees: readonly Present[],
    ): Promise<Map<string, string>> {
      if (!hasFamilyLabels(kind)) return new Map();
      const labels = bySession.get(sessionId) ?? new Map<string, string>();
      for (const a of attendees) {
        if (labels.has(a.userId) || a.role === "facilitator") continue;
        const label = await labelOf(a, attendees);
        if (label !== null) labels.set(a.userId, label);
      }
      // Re-inserted to count as the most recently used; kept only while someone is in the room.
      bySession.delete(sessionId);
      if (attendees.some((a) => a.connection !== "GONE")) {
        bySession.set(sessionId, labels);
        for (const oldest of bySession.keys()) {
          if (bySession.size <= max) break;
          bySession.delete(oldest);
        }
      }
      return labels;
    },

    /** The session ended: its labels are not needed again. */
    forget(sessionId: string): void {
      bySession.delete(sessionId);
    },

    /** Whether labels for this session are held. */
    holds(sessionId: string): boolean {
      return bySession.has(sessionId);
    },

    /** How many sessions' labels are held. */
    get size(): number {
      return bySession.size;
    },
  };
}

export type FamilyLabels = ReturnType<typeof createFamilyLabels>;
