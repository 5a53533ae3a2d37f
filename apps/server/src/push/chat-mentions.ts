import { isActiveEnrollment, mentions, parseRoomKey, type Actor } from "@bridgeway/domain";
import type { ChatAccess, RoomAccess } from "../chat/chat-access";
import { chatName } from "../chat/chat-access";
import type { PeopleRepository } from "../people/people-repository";
import type { CohortRepository } from "../cohorts/cohort-repository";
import type { PushNotify } from "./push-service";

/**
 * Finds who a chat message mentions ("@" and the name the room shows them by, or their first
 * name) among the people who may read the room, and tells their devices. The author is never
 * told of their own message; nobody outside the room is, whatever the message says.
 */
export function createMentionNotifier(deps: {
  peopleRepo: PeopleRepository;
  cohortRepo: CohortRepository;
  access: ChatAccess;
  notify: PushNotify;
}) {
  const { peopleRepo, cohortRepo, access, notify } = deps;

  /** The people who may be in the room, before each is checked against the room's rules. */
  async function candidates(found: RoomAccess): Promise<string[]> {
    const ref = parseRoomKey(found.roomKey);
    if (!ref) return [];
    switch (ref.kind) {
      case "cohort": {
        const enrolled = await cohortRepo.enrollments({ cohortIds: [ref.cohortId] });
        return [
          ...found.staffIds,
          ...enrolled.filter(isActiveEnrollment).map((e) => e.participant.id),
        ];
      }
      case "thread":
        return [ref.participantId, ref.facilitatorId];
      case "staff":
      case "session":
        // A session's chat lives in its live room, open on screen; staff rooms: the clinicians.
        return found.staffIds;
    }
  }

  return async (found: RoomAccess, author: Actor, body: string): Promise<void> => {
    if (!body.includes("@")) return;
    const mentioned: string[] = [];
    for (const id of new Set(await candidates(found))) {
      if (id === author.userId) continue;
      const person = await peopleRepo.person(id);
      if (!person || !person.active || person.organizationId !== author.organizationId) continue;
      const names = [
        chatName(person, person.displayName),
        person.preferredName ?? person.firstName,
      ];
      if (!names.some((name) => mentions(body, name))) continue;
      const actor: Actor = {
        userId: person.id,
        role: person.role,
        organizationId: person.organizationId,
      };
      if ((await access.access(actor, found.roomKey)) === null) continue;
      mentioned.push(id);
    }
    if (mentioned.length > 0) notify(mentioned, "chat-mention", "/chat");
  };
}

export type MentionNotifier = ReturnType<typeof createMentionNotifier>;
