import {
  DIRECT_MODE_MAX_PEOPLE,
  isInRoom,
  roomView,
  type Actor,
  type LiveRole,
  type MediaCredential,
  type RemovalReason,
  type RoomSnapshot,
  type RoomViewInput,
} from "@bridgeway/domain";
import type { AuditLog } from "../audit/audit-log";
import type { Clock } from "../clock";
import type { FamilyRepository } from "../families/family-repository";
import type { Logger } from "../logger";
import type { PushNotify } from "../push/push-service";
import type { RealtimeServer } from "../realtime/realtime";
import type { CohortRepository } from "../cohorts/cohort-repository";
import type { PeopleRepository } from "../people/people-repository";
import type { OccurrenceRecord, OccurrenceRepository } from "../sessions/occurrence-repository";
import type { SessionDirectory } from "../sessions/session-directory";
import { createFamilyLabels } from "./family-labels";
import { joinAccess, type JoinAccess } from "./live-access";
import { notYours, refuse } from "./live-refusal";
import type { Attendee, LiveRepository } from "./live-repository";
import type { MediaProvider } from "./media";

/** The socket.io rooms of a live session; with Redis they reach every server process. */
export const rooms = {
  all: (sessionId: string) => `live-all:${sessionId}`,
  admitted: (sessionId: string) => `live:${sessionId}`,
  staff: (sessionId: string) => `live-staff:${sessionId}`,
  person: (sessionId: string, userId: string) => `live-user:${sessionId}:${userId}`,
};

export type LiveDeps = {
  io: RealtimeServer;
  live: LiveRepository;
  peopleRepo: PeopleRepository;
  cohortRepo: CohortRepository;
  occurrenceRepo: OccurrenceRepository;
  directory: SessionDirectory;
  media: MediaProvider;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  /** Tests shorten the wait before a dropped connection counts as gone. */
  reconnectGraceMs?: number;
  breakoutSweepMs?: number;
  families: FamilyRepository;
  /** Tells a waiting person's phone they were let in, for when the tab is in the background. */
  notify?: PushNotify;
};

/** Logs a failure of something that may fail without stopping the room (media server calls). */
export const warnOnFailure =
  (logger: Logger, what: string) =>
  (error: unknown): void =>
    logger.warn({ err: error instanceof Error ? error.name : "error" }, what);

/**
 * What every part of the live room shares: who may act in a session, the room's state as each
 * person sees it (sent to everyone after each change), and media credentials.
 */
export function createLiveRoom(deps: LiveDeps) {
  const { io, live, media } = deps;
  const labels = createFamilyLabels({ peopleRepo: deps.peopleRepo, families: deps.families });

  async function access(actor: Actor, sessionId: string): Promise<JoinAccess> {
    const found = await joinAccess(
      {
        cohortRepo: deps.cohortRepo,
        occurrenceRepo: deps.occurrenceRepo,
        directory: deps.directory,
      },
      actor,
      sessionId,
    );
    if (!found) {
      await deps.audit.denied({ actor }, "read", { type: "live-session", id: sessionId });
      throw notYours();
    }
    return found;
  }

  async function staffAccess(actor: Actor, sessionId: string): Promise<JoinAccess> {
    const found = await access(actor, sessionId);
    if (found.role !== "facilitator")
      throw refuse("forbidden", "Only the session's clinicians can do that.");
    return found;
  }

  async function loadRoom(sessionId: string, occurrence: OccurrenceRecord): Promise<RoomViewInput> {
    const [room, attendees, breakouts] = await Promise.all([
      live.room(sessionId),
      live.attendees(sessionId),
      live.openBreakoutRooms(sessionId),
    ]);
    return {
      sessionId,
      occurrence,
      mediaMode: media.mode,
      room,
      attendees,
      breakouts,
      labels: await labels.labelsFor(sessionId, occurrence.kind, attendees),
    };
  }

  /** The room as one person sees it now. */
  async function snapshotFor(
    sessionId: string,
    viewerId: string,
    found: JoinAccess,
  ): Promise<RoomSnapshot> {
    return roomView(await loadRoom(sessionId, found.occurrence), viewerId, found.role);
  }

  /**
   * Sends each connected person their own view of the room; answers what it was made from (for
   * a reply that needs the room as it is now), or null when the session is gone.
   */
  async function broadcast(
    sessionId: string,
    known?: OccurrenceRecord,
  ): Promise<RoomViewInput | null> {
    const [occurrence, sockets] = await Promise.all([
      known ?? deps.occurrenceRepo.occurrence(sessionId),
      io.in(rooms.all(sessionId)).fetchSockets(),
    ]);
    if (!occurrence) return null;
    const data = await loadRoom(sessionId, occurrence);
    const views = new Map<string, RoomSnapshot>();
    for (const socket of sockets) {
      const viewer = socket.data.userId;
      let view = views.get(viewer);
      if (!view) {
        // Sockets in the room have joined it, so their attendee row says their role.
        view = roomView(data, viewer, socket.data.role === "FAMILY" ? "family" : "participant");
        views.set(viewer, view);
      }
      socket.emit("room:state", view);
    }
    return data;
  }

  async function credentialFor(
    sessionId: string,
    person: {
      breakoutId?: string | null;
      userId: string;
      displayName: string;
      role: LiveRole;
      screenShareAllowed: boolean;
    },
  ): Promise<MediaCredential> {
    return media.credential(sessionId, person, {
      screenShare: person.screenShareAllowed,
      breakoutId: person.breakoutId ?? null,
    });
  }

  /** Refuses to let `adding` more people in when direct video could not carry them. */
  async function checkCapacity(
    sessionId: string,
    adding: number,
    known?: readonly Attendee[],
  ): Promise<void> {
    if (media.mode !== "direct") return;
    const inRoom = (known ?? (await live.attendees(sessionId))).filter(isInRoom).length;
    if (inRoom + adding > DIRECT_MODE_MAX_PEOPLE) {
      throw refuse(
        "room_full",
        `This session already has ${inRoom} people, the most that video without a media server supports (${DIRECT_MODE_MAX_PEOPLE}). Larger groups need the clinic's LiveKit media server; ask your clinic to set it up.`,
      );
    }
  }

  /** Tells someone they are now in another room, with a credential for its media. */
  async function moveTo(
    sessionId: string,
    userId: string,
    breakoutId: string | null,
  ): Promise<void> {
    const attendee = await live.attendee(sessionId, userId);
    if (!attendee) return;
    const credential = await credentialFor(sessionId, { ...attendee, breakoutId });
    io.to(rooms.person(sessionId, userId)).emit("room:moved", {
      sessionId,
      breakoutId,
      credential,
    });
  }

  /**
   * Takes someone out of the session: out of the room, their attendance closed at `at`, told
   * why, and their sockets kept only in their own room (to hear if let back in).
   */
  async function takeOut(
    sessionId: string,
    userId: string,
    reason: RemovalReason,
    at: Date,
  ): Promise<void> {
    await live.update(sessionId, userId, {
      status: "REMOVED",
      connection: "GONE",
      handRaisedAt: null,
    });
    await live.closeSpan(sessionId, userId, at);
    io.to(rooms.person(sessionId, userId)).emit("room:removed", { sessionId, reason });
    io.in(rooms.person(sessionId, userId)).socketsLeave([
      rooms.all(sessionId),
      rooms.admitted(sessionId),
      rooms.staff(sessionId),
    ]);
  }

  /** Records in the audit log that a clinician changed the room, `type` saying how. */
  async function recordChange(actor: Actor, type: string, sessionId: string): Promise<void> {
    await deps.audit.record({ actor }, "update", { type, id: sessionId }, "success");
  }

  /** Whether any of this person's sockets, on any process, is still in the session. */
  async function stillConnected(sessionId: string, userId: string): Promise<boolean> {
    const sockets = await io.in(rooms.person(sessionId, userId)).fetchSockets();
    return sockets.length > 0;
  }

  return {
    deps,
    labels,
    access,
    staffAccess,
    snapshotFor,
    broadcast,
    credentialFor,
    checkCapacity,
    moveTo,
    takeOut,
    recordChange,
    stillConnected,
  };
}

export type LiveRoom = ReturnType<typeof createLiveRoom>;
