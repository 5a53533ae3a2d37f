import {
  can,
  cohortClinicians,
  isActiveEnrollment,
  parseRoomKey,
  programClinicians,
  roomKey,
  type Actor,
  type ChatRoomKind,
  type ChatRoomRef,
  type Resource,
} from "@bridgeway/domain";
import type { LiveRepository } from "../live/live-repository";
import type { PeopleRepository } from "../people/people-repository";
import type { CohortRepository } from "../cohorts/cohort-repository";
import type { OccurrenceRepository } from "../sessions/occurrence-repository";
import { sessionTitle } from "../live/live-access";

export type RoomAccess = {
  roomKey: string;
  kind: ChatRoomKind;
  title: string;
  /** Staff moderate: hide messages, receive reports. */
  staff: boolean;
  /** The clinicians who hear of reports and crisis language in this room. */
  staffIds: string[];
  organizationId: string;
};

/** Participants are shown by first name and last initial in chat. */
export function chatName(
  person: { firstName: string; lastName: string; preferredName: string | null; role: string },
  staffName: string,
): string {
  if (person.role === "PARTICIPANT" || person.role === "FAMILY") {
    return `${person.preferredName ?? person.firstName} ${person.lastName.charAt(0)}.`;
  }
  return staffName;
}

type ChatRoom = Extract<Resource, { type: "chat-room" }>;
type RoomFacts = {
  /** What the permission policy decides on. */
  room: ChatRoom;
  /** The room as shown to someone the policy lets in; looked up only then. */
  describe: () => Omit<RoomAccess, "staff"> | Promise<Omit<RoomAccess, "staff">>;
};

/**
 * Who may be in a chat room is the permission policy's `chat-room` decision, worked out from
 * relationships every time; this collects its facts. A cohort's room is its actively enrolled
 * participants and its clinicians; a program's staff room its cohorts' clinicians and the
 * clinic's admins; a session's room the people admitted to its live room; a private thread one
 * participant and one of their own clinicians. Anyone else gets null: the room does not exist.
 */
export function createChatAccess(deps: {
  peopleRepo: PeopleRepository;
  cohortRepo: CohortRepository;
  occurrenceRepo: OccurrenceRepository;
  live: LiveRepository;
}) {
  const { peopleRepo, cohortRepo, occurrenceRepo, live } = deps;

  /** The facts of a room, or null when what it is about does not exist. */
  async function factsOf(actor: Actor, ref: ChatRoomRef, key: string): Promise<RoomFacts | null> {
    switch (ref.kind) {
      case "cohort": {
        const cohort = await cohortRepo.cohort(ref.cohortId);
        if (!cohort) return null;
        const staffIds = cohortClinicians(cohort);
        // Only the actor's own enrollments: whether they are among the members is all it takes.
        const mine = await cohortRepo.enrollments({
          cohortIds: [cohort.id],
          participantId: actor.userId,
        });
        return {
          room: {
            type: "chat-room",
            organizationId: cohort.organizationId,
            roomKind: "cohort",
            moderatorIds: staffIds,
            memberIds: mine.some(isActiveEnrollment) ? [actor.userId] : [],
          },
          describe: () => ({
            roomKey: key,
            kind: "cohort",
            title: `${cohort.name} chat`,
            staffIds,
            organizationId: cohort.organizationId,
          }),
        };
      }
      case "staff": {
        const program = await cohortRepo.program(ref.programId);
        if (!program) return null;
        const cohorts = (
          await cohortRepo.cohorts({ organizationId: program.organizationId })
        ).filter((c) => c.program.id === ref.programId);
        const staffIds = programClinicians(cohorts);
        return {
          room: {
            type: "chat-room",
            organizationId: program.organizationId,
            roomKind: "staff",
            moderatorIds: staffIds,
            memberIds: [],
          },
          describe: async () => {
            const programs = await cohortRepo.listPrograms(program.organizationId);
            const name = programs.find((p) => p.id === ref.programId)?.name ?? "Program";
            return {
              roomKey: key,
              kind: "staff",
              title: `${name} staff room`,
              staffIds,
              organizationId: program.organizationId,
            };
          },
        };
      }
      case "session": {
        const occurrence = await occurrenceRepo.occurrence(ref.sessionId);
        if (!occurrence) return null;
        const attendees = await live.attendees(ref.sessionId);
        const admitted = attendees.filter((a) => a.status === "ADMITTED");
        const me = admitted.find((a) => a.userId === actor.userId);
        return {
          room: {
            type: "chat-room",
            organizationId: occurrence.organizationId,
            roomKind: "session",
            moderatorIds: admitted.filter((a) => a.role === "facilitator").map((a) => a.userId),
            memberIds: admitted.filter((a) => a.role !== "facilitator").map((a) => a.userId),
          },
          describe: () => ({
            roomKey: key,
            kind: "session",
            // The session's chat is part of its room: families see its title as the room shows it.
            title: `${sessionTitle(occurrence, me?.role ?? "participant")} chat`,
            staffIds: attendees.filter((a) => a.role === "facilitator").map((a) => a.userId),
            organizationId: occurrence.organizationId,
          }),
        };
      }
      case "thread": {
        const participant = await peopleRepo.person(ref.participantId);
        if (!participant) return null;
        // The thread lasts as long as the clinician is on the participant's care team.
        const treats = (await peopleRepo.careTeamOf(ref.participantId)).includes(ref.facilitatorId);
        return {
          room: {
            type: "chat-room",
            organizationId: participant.organizationId,
            roomKind: "thread",
            moderatorIds: treats ? [ref.facilitatorId] : [],
            memberIds: treats ? [ref.participantId] : [],
          },
          describe: async () => {
            const other = await peopleRepo.person(
              actor.userId === ref.participantId ? ref.facilitatorId : ref.participantId,
            );
            const otherName = other ? chatName(other, other.displayName) : "your clinician";
            return {
              roomKey: key,
              kind: "thread",
              title: `Private thread with ${otherName}`,
              staffIds: [ref.facilitatorId],
              organizationId: participant.organizationId,
            };
          },
        };
      }
    }
  }

  async function access(actor: Actor, key: string): Promise<RoomAccess | null> {
    const ref = parseRoomKey(key);
    if (!ref) return null;
    const facts = await factsOf(actor, ref, key);
    if (!facts || !can(actor, "read", facts.room)) return null;
    return { ...(await facts.describe()), staff: can(actor, "update", facts.room) };
  }

  /**
   * The rooms to list for someone (session rooms live inside the live room instead): those of
   * their relationships as a participant and as a clinician, and every staff room when the
   * policy lets them into staff rooms of programs they do not work in (the clinic's admins).
   */
  async function roomsOf(actor: Actor): Promise<RoomAccess[]> {
    const keys: string[] = [];
    const enrollments = await cohortRepo.enrollments({ participantId: actor.userId });
    for (const e of enrollments.filter(isActiveEnrollment))
      keys.push(roomKey({ kind: "cohort", cohortId: e.cohortId }));
    for (const facilitatorId of await peopleRepo.careTeamOf(actor.userId)) {
      keys.push(roomKey({ kind: "thread", participantId: actor.userId, facilitatorId }));
    }
    const cohorts = await cohortRepo.cohorts({
      organizationId: actor.organizationId,
      facilitatorId: actor.userId,
    });
    for (const c of cohorts) keys.push(roomKey({ kind: "cohort", cohortId: c.id }));
    for (const programId of new Set(cohorts.map((c) => c.program.id)))
      keys.push(roomKey({ kind: "staff", programId }));
    for (const participantId of await peopleRepo.caseloadOf(actor.userId)) {
      keys.push(roomKey({ kind: "thread", participantId, facilitatorId: actor.userId }));
    }
    const anyStaffRoom: ChatRoom = {
      type: "chat-room",
      organizationId: actor.organizationId,
      roomKind: "staff",
      moderatorIds: [],
      memberIds: [],
    };
    if (can(actor, "read", anyStaffRoom)) {
      for (const p of await cohortRepo.listPrograms(actor.organizationId))
        keys.push(roomKey({ kind: "staff", programId: p.id }));
    }
    const rooms: RoomAccess[] = [];
    for (const key of new Set(keys)) {
      const found = await access(actor, key);
      if (found) rooms.push(found);
    }
    return rooms;
  }

  return { access, roomsOf };
}

export type ChatAccess = ReturnType<typeof createChatAccess>;
