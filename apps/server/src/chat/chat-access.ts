import { parseRoomKey, roomKey, type Actor, type ChatRoomKind } from "@bridgeway/domain";
import type { LiveRepository } from "../live/live-repository";
import type { ScheduleRepository } from "../schedules/schedule-repository";
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

/**
 * Who may be in a chat room, worked out from relationships every time: a cohort's room is its
 * active participants and facilitators; a program's staff room its cohorts' facilitators and the
 * clinic's admins; a session's room the people let into its live room; a private thread one
 * participant and one of their own clinicians. Anyone else gets null: the room does not exist.
 */
export function createChatAccess(deps: { schedules: ScheduleRepository; live: LiveRepository }) {
  const { schedules, live } = deps;

  async function access(actor: Actor, key: string): Promise<RoomAccess | null> {
    const ref = parseRoomKey(key);
    if (!ref) return null;
    switch (ref.kind) {
      case "cohort": {
        const cohort = await schedules.cohort(ref.cohortId);
        if (!cohort || cohort.organizationId !== actor.organizationId) return null;
        const staffIds = [cohort.leadId, ...cohort.coIds].filter((id): id is string => id !== null);
        const base = {
          roomKey: key,
          kind: "cohort" as const,
          title: `${cohort.name} chat`,
          staffIds,
          organizationId: cohort.organizationId,
        };
        if (actor.role === "FACILITATOR" && staffIds.includes(actor.userId))
          return { ...base, staff: true };
        if (actor.role === "PARTICIPANT") {
          const enrollments = await schedules.enrollments({
            cohortIds: [cohort.id],
            participantId: actor.userId,
          });
          if (enrollments.some((e) => e.status === "ACTIVE")) return { ...base, staff: false };
        }
        return null;
      }
      case "staff": {
        if (actor.role !== "FACILITATOR" && actor.role !== "ADMIN") return null;
        const program = await schedules.program(ref.programId);
        if (!program || program.organizationId !== actor.organizationId) return null;
        const programs = await schedules.listPrograms(actor.organizationId);
        const name = programs.find((p) => p.id === ref.programId)?.name ?? "Program";
        const cohorts = (await schedules.cohorts({ organizationId: actor.organizationId })).filter(
          (c) => c.program.id === ref.programId,
        );
        const staffIds = [
          ...new Set(
            cohorts
              .flatMap((c) => [c.leadId, ...c.coIds])
              .filter((id): id is string => id !== null),
          ),
        ];
        if (actor.role === "FACILITATOR" && !staffIds.includes(actor.userId)) return null;
        return {
          roomKey: key,
          kind: "staff",
          title: `${name} staff room`,
          staff: true,
          staffIds,
          organizationId: program.organizationId,
        };
      }
      case "session": {
        const occurrence = await schedules.occurrence(ref.sessionId);
        if (!occurrence || occurrence.organizationId !== actor.organizationId) return null;
        const me = await live.attendee(ref.sessionId, actor.userId);
        if (me?.status !== "ADMITTED") return null;
        const attendees = await live.attendees(ref.sessionId);
        return {
          roomKey: key,
          kind: "session",
          title: `${sessionTitle(occurrence)} chat`,
          staff: me.role === "facilitator",
          staffIds: attendees.filter((a) => a.role === "facilitator").map((a) => a.userId),
          organizationId: occurrence.organizationId,
        };
      }
      case "thread": {
        const isParticipant = actor.role === "PARTICIPANT" && actor.userId === ref.participantId;
        const isClinician = actor.role === "FACILITATOR" && actor.userId === ref.facilitatorId;
        if (!isParticipant && !isClinician) return null;
        const participant = await schedules.person(ref.participantId);
        if (!participant || participant.organizationId !== actor.organizationId) return null;
        const careTeam = await schedules.careTeamOf(ref.participantId);
        if (!careTeam.includes(ref.facilitatorId)) return null;
        const other = await schedules.person(isParticipant ? ref.facilitatorId : ref.participantId);
        const otherName = other ? chatName(other, other.displayName) : "your clinician";
        return {
          roomKey: key,
          kind: "thread",
          title: `Private thread with ${otherName}`,
          staff: isClinician,
          staffIds: [ref.facilitatorId],
          organizationId: participant.organizationId,
        };
      }
    }
  }

  /** The rooms to list for someone (session rooms live inside the live room instead). */
  async function roomsOf(actor: Actor): Promise<RoomAccess[]> {
    const keys: string[] = [];
    if (actor.role === "PARTICIPANT") {
      const enrollments = await schedules.enrollments({ participantId: actor.userId });
      for (const e of enrollments.filter((x) => x.status === "ACTIVE"))
        keys.push(roomKey({ kind: "cohort", cohortId: e.cohortId }));
      for (const facilitatorId of await schedules.careTeamOf(actor.userId)) {
        keys.push(roomKey({ kind: "thread", participantId: actor.userId, facilitatorId }));
      }
    } else if (actor.role === "FACILITATOR") {
      const cohorts = await schedules.cohorts({
        organizationId: actor.organizationId,
        facilitatorId: actor.userId,
      });
      for (const c of cohorts) keys.push(roomKey({ kind: "cohort", cohortId: c.id }));
      for (const programId of new Set(cohorts.map((c) => c.program.id)))
        keys.push(roomKey({ kind: "staff", programId }));
      for (const participantId of await schedules.caseloadOf(actor.userId)) {
        keys.push(roomKey({ kind: "thread", participantId, facilitatorId: actor.userId }));
      }
    } else if (actor.role === "ADMIN") {
      for (const p of await schedules.listPrograms(actor.organizationId))
        keys.push(roomKey({ kind: "staff", programId: p.id }));
    }
    const rooms: RoomAccess[] = [];
    for (const key of keys) {
      const found = await access(actor, key);
      if (found) rooms.push(found);
    }
    return rooms;
  }

  return { access, roomsOf };
}

export type ChatAccess = ReturnType<typeof createChatAccess>;
