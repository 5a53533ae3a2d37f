import { familyLabel } from "./families";
import {
  DIRECT_MODE_MAX_PEOPLE,
  type LivePerson,
  type LiveRole,
  type PresenceStatus,
  type RoomSnapshot,
} from "./live";
import { sessionKindInfo, type SessionKind } from "./session-kinds";

/**
 * The live room as each person sees it, worked out from what the server stores: who is there,
 * who waits, who is in which breakout room, family labels, and what a clinician may act on.
 * Pure: the server loads the state and sends the result; the rules are tested here.
 */

/** Where someone stands with the room: asked to come in, let in, turned away or taken out. */
export type AttendeeStatus = "WAITING" | "ADMITTED" | "DECLINED" | "REMOVED";
/** Their connection: a dropped one counts as "reconnecting" until the grace period runs out. */
export type AttendeeConnection = "CONNECTED" | "RECONNECTING" | "GONE";

/** What the room view needs to know of someone who came to the room. */
export type RoomAttendee = {
  userId: string;
  role: LiveRole;
  displayName: string;
  status: AttendeeStatus;
  connection: AttendeeConnection;
  handRaisedAt: Date | null;
  microphone: boolean;
  camera: boolean;
  screen: boolean;
  screenShareAllowed: boolean;
  audioOnly: boolean;
  /** The breakout room they are in; null is the main room. */
  breakoutId: string | null;
};

type Presence = Pick<RoomAttendee, "status" | "connection">;

/** The room itself, once a clinician has opened it. */
export type LiveRoomState = {
  openedAt: Date;
  lockedAt: Date | null;
  endedAt: Date | null;
  breakoutsEndAt: Date | null;
  breakoutsCloseAtEnd: boolean;
};

export type LiveBreakoutRoom = { id: string; name: string; members: string[] };

/** Where someone is, as the roster shows it. */
export function presenceOf(a: Presence): PresenceStatus {
  if (a.status === "WAITING") return a.connection === "GONE" ? "left" : "waiting";
  if (a.connection === "RECONNECTING") return "reconnecting";
  if (a.connection === "GONE") return "left";
  return "in-room";
}

/** Let in and not gone: counts toward the room's size and can be muted, moved or signalled. */
export function isInRoom(a: Presence): boolean {
  return a.status === "ADMITTED" && a.connection !== "GONE";
}

/** Waiting to be let in, with the waiting room still open in front of them. */
export function isWaiting(a: Presence): boolean {
  return a.status === "WAITING" && a.connection !== "GONE";
}

/**
 * "Group therapy · Evening track", or just the kind for one-to-one sessions. Family members see
 * only the kind: the cohort's name says which program the participant is in, which their family
 * home deliberately keeps from them.
 */
export function liveSessionTitle(
  occurrence: { kind: SessionKind; cohortName: string | null },
  viewer: LiveRole,
): string {
  const label = sessionKindInfo(occurrence.kind).label;
  return occurrence.cohortName && viewer !== "family"
    ? `${label} · ${occurrence.cohortName}`
    : label;
}

/** Sessions where people are grouped and labelled by family ("Jordan's family"). */
export function hasFamilyLabels(kind: SessionKind): boolean {
  return kind === "FAMILY" || kind === "MULTI_FAMILY";
}

/**
 * The participant whose family a family member is labelled with: the one in this session when
 * they support several, else the first they support; null when they support nobody.
 */
export function familyLabelOfSupporter(
  supported: readonly { participantId: string; participantFirstName: string }[],
  inSession: readonly { userId: string }[],
): string | null {
  const chosen =
    supported.find((s) => inSession.some((a) => a.userId === s.participantId)) ?? supported[0];
  return chosen ? familyLabel(chosen.participantFirstName) : null;
}

function personView(a: RoomAttendee, labels: ReadonlyMap<string, string>): LivePerson {
  return {
    userId: a.userId,
    displayName: a.displayName,
    role: a.role,
    familyLabel: labels.get(a.userId) ?? null,
    breakoutId: a.breakoutId,
    status: presenceOf(a),
    handRaisedAt: a.handRaisedAt?.toISOString() ?? null,
    microphone: a.microphone,
    camera: a.camera,
    screen: a.screen,
    screenShareAllowed: a.screenShareAllowed,
    audioOnly: a.audioOnly,
  };
}

/** Everything the room view is worked out from. */
export type RoomViewInput = {
  sessionId: string;
  occurrence: { kind: SessionKind; cohortName: string | null; startsAt: Date; endsAt: Date };
  mediaMode: RoomSnapshot["mediaMode"];
  room: LiveRoomState | null;
  attendees: readonly RoomAttendee[];
  /** Family labels by person, for sessions with families. */
  labels: ReadonlyMap<string, string>;
  /** The breakout rooms open now. */
  breakouts: readonly LiveBreakoutRoom[];
};

/**
 * What one person sees of the room. Clinicians see everyone in it and everyone waiting, the
 * people removed (to let them back) and every breakout room; others see the people in the room
 * only once they are in it themselves, and only their own breakout room. `viewerRole` stands for
 * someone with no attendee row yet.
 */
export function roomView(
  input: RoomViewInput,
  viewerId: string,
  viewerRole: LiveRole,
): RoomSnapshot {
  const { room, attendees, occurrence } = input;
  const me = attendees.find((a) => a.userId === viewerId);
  const staff = me?.role === "facilitator";
  const admittedMe = me?.status === "ADMITTED";
  const people = attendees
    .filter((a) =>
      staff
        ? a.status === "ADMITTED" || isWaiting(a)
        : // Participants see who is in the room only once they are in it themselves.
          admittedMe && isInRoom(a),
    )
    .map((a) => personView(a, input.labels));
  const removed = staff
    ? attendees
        .filter((a) => a.status === "REMOVED")
        .map((a) => ({ userId: a.userId, displayName: a.displayName }))
    : undefined;
  const myStatus: RoomSnapshot["me"]["status"] =
    me?.status === "DECLINED"
      ? "declined"
      : me?.status === "REMOVED"
        ? "removed"
        : me
          ? presenceOf(me)
          : "left";
  const breakoutsOpen = input.breakouts.length > 0 && admittedMe;
  return {
    sessionId: input.sessionId,
    kind: occurrence.kind,
    title: liveSessionTitle(occurrence, me?.role ?? viewerRole),
    startsAt: occurrence.startsAt.toISOString(),
    endsAt: occurrence.endsAt.toISOString(),
    openedAt: room?.openedAt.toISOString() ?? null,
    locked: room?.lockedAt !== null && room?.lockedAt !== undefined,
    ended: room?.endedAt !== null && room?.endedAt !== undefined,
    mediaMode: input.mediaMode,
    me: {
      userId: viewerId,
      role: me?.role ?? "participant",
      status: myStatus,
      breakoutId: me?.breakoutId ?? null,
    },
    people,
    ...(removed ? { removed } : {}),
    breakouts: breakoutsOpen
      ? {
          endsAt: room?.breakoutsEndAt?.toISOString() ?? null,
          whenTimeIsUp: room?.breakoutsCloseAtEnd ? ("close" as const) : ("keep-open" as const),
          // Clinicians see every room; others only the one they are in.
          rooms: input.breakouts.filter((b) => staff || b.id === me.breakoutId),
        }
      : null,
  };
}

/**
 * How many more people direct (browser-to-browser) video can take; null means no limit (a media
 * server carries the room).
 */
export function seatsLeft(
  mediaMode: RoomSnapshot["mediaMode"],
  attendees: readonly Presence[],
): number | null {
  if (mediaMode !== "direct") return null;
  return Math.max(0, DIRECT_MODE_MAX_PEOPLE - attendees.filter(isInRoom).length);
}

/**
 * Whom "turn off" reaches: one person in the room, or everyone in it but the clinicians (and the
 * one asking).
 */
export function muteTargets<A extends RoomAttendee>(
  attendees: readonly A[],
  actorId: string,
  target: string,
): A[] {
  const inRoom = attendees.filter(isInRoom);
  return target === "everyone"
    ? inRoom.filter((a) => a.userId !== actorId && a.role !== "facilitator")
    : inRoom.filter((a) => a.userId === target);
}

/**
 * One breakout room per family, named by its label; someone with no family label gets a room of
 * their own ("Sam's room"). Clinicians stay in the main room.
 */
export function breakoutsByFamily(
  attendees: readonly RoomAttendee[],
  labels: ReadonlyMap<string, string>,
): { name: string; members: string[] }[] {
  const byLabel = new Map<string, string[]>();
  for (const a of attendees) {
    if (!isInRoom(a) || a.role === "facilitator") continue;
    const label = labels.get(a.userId) ?? `${a.displayName}'s room`;
    byLabel.set(label, [...(byLabel.get(label) ?? []), a.userId]);
  }
  return [...byLabel].map(([name, members]) => ({ name, members }));
}

/**
 * Whether a direct-mode signal (offer, answer, candidate) may pass from one person to another:
 * both in the room and in the same room, main or breakout, since breakout rooms are separate
 * meshes. Null when it may; otherwise why not.
 */
export function signalRefusal(
  from: (Presence & { breakoutId: string | null }) | null,
  to: (Presence & { breakoutId: string | null }) | null,
): "sender-not-admitted" | "not-in-session" | "other-room" | null {
  if (from?.status !== "ADMITTED") return "sender-not-admitted";
  if (!to || !isInRoom(to)) return "not-in-session";
  if (to.breakoutId !== from.breakoutId) return "other-room";
  return null;
}
