import {
  DIRECT_MODE_MAX_PEOPLE,
  familyLabel,
  JOIN_OPENS_BEFORE_MS,
  type Actor,
  type LiveError,
  type LivePerson,
  type LiveRole,
  type MediaCredential,
  type PresenceStatus,
  type RoomSnapshot,
} from "@bridgeway/domain";
import type { AuditLog } from "../audit/audit-log";
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import type { RealtimeServer } from "../realtime/realtime";
import type { ScheduleRepository } from "../schedules/schedule-repository";
import type { SessionDirectory } from "../schedules/session-directory";
import { joinAccess, sessionTitle, type JoinAccess } from "./live-access";
import type { FamilyRepository } from "../families/family-repository";
import type { Attendee, BreakoutRoom, LiveRepository, RoomState } from "./live-repository";
import type { MediaProvider } from "./media";

/** How long after the scheduled end the room still lets people in (groups run over). */
const JOIN_CLOSES_AFTER_END_MS = 60 * 60 * 1000;
/** How long a dropped connection may take to come back before the person counts as gone. */
export const RECONNECT_GRACE_MS = 2 * 60 * 1000;

/** An expected refusal: it reaches the client as `{ ok: false, error }`, never as a crash. */
export class LiveRefusal extends Error {
  constructor(readonly error: LiveError) {
    super(error.message);
  }
}

const refuse = (code: LiveError["code"], message: string) => new LiveRefusal({ code, message });

/** Refusal for anyone who may not join; it says nothing about who is in the room. */
const notYours = () =>
  refuse(
    "not_found",
    "We couldn't find that session, or it isn't one you can join. Check My week for your sessions.",
  );

export const rooms = {
  all: (sessionId: string) => `live-all:${sessionId}`,
  admitted: (sessionId: string) => `live:${sessionId}`,
  staff: (sessionId: string) => `live-staff:${sessionId}`,
  person: (sessionId: string, userId: string) => `live-user:${sessionId}:${userId}`,
};

export type Joiner = { actor: Actor; displayName: string };

/**
 * The live room: waiting room, admission, presence, hands, facilitator controls, media
 * credentials and attendance. State lives in the database so several server processes agree;
 * sockets find each other through socket.io rooms (and Redis when several processes run).
 */
export function createLiveService(deps: {
  io: RealtimeServer;
  live: LiveRepository;
  schedules: ScheduleRepository;
  directory: SessionDirectory;
  media: MediaProvider;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  /** Tests shorten the wait before a dropped connection counts as gone. */
  reconnectGraceMs?: number;
  families: FamilyRepository;
}) {
  const { io, live, media, clock, logger } = deps;
  const graceMs = deps.reconnectGraceMs ?? RECONNECT_GRACE_MS;
  const graceTimers = new Map<string, NodeJS.Timeout>();
  const queues = new Map<string, Promise<void>>();

  /**
   * Runs presence changes for one person in one room one after another: a drop and the recovery
   * that follows it 50 ms later must not overtake each other.
   */
  function serially(sessionId: string, userId: string, work: () => Promise<void>): Promise<void> {
    const key = `${sessionId}:${userId}`;
    const next = (queues.get(key) ?? Promise.resolve()).then(work, work);
    const settled = next.catch(() => undefined);
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return next;
  }

  async function access(actor: Actor, sessionId: string): Promise<JoinAccess> {
    const found = await joinAccess(
      { repo: deps.schedules, directory: deps.directory },
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

  function presence(a: Attendee): PresenceStatus {
    if (a.status === "WAITING") return a.connection === "GONE" ? "left" : "waiting";
    if (a.connection === "RECONNECTING") return "reconnecting";
    if (a.connection === "GONE") return "left";
    return "in-room";
  }

  function personView(a: Attendee, labels: Map<string, string>): LivePerson {
    return {
      userId: a.userId,
      displayName: a.displayName,
      role: a.role,
      familyLabel: labels.get(a.userId) ?? null,
      breakoutId: a.breakoutId,
      status: presence(a),
      handRaisedAt: a.handRaisedAt?.toISOString() ?? null,
      microphone: a.microphone,
      camera: a.camera,
      screen: a.screen,
      screenShareAllowed: a.screenShareAllowed,
    };
  }

  type RoomData = {
    room: RoomState | null;
    attendees: Attendee[];
    labels: Map<string, string>;
    breakouts: BreakoutRoom[];
  };

  /** "Jordan's family" labels, remembered per session: they follow from who someone is. */
  const labelCache = new Map<string, Map<string, string>>();

  async function labelsFor(
    sessionId: string,
    kind: string,
    attendees: Attendee[],
  ): Promise<Map<string, string>> {
    let labels = labelCache.get(sessionId);
    if (!labels) {
      labels = new Map();
      labelCache.set(sessionId, labels);
    }
    if (kind !== "FAMILY" && kind !== "MULTI_FAMILY") return labels;
    for (const a of attendees) {
      if (labels.has(a.userId) || a.role === "facilitator") continue;
      if (a.role === "participant") {
        const person = await deps.schedules.person(a.userId);
        if (person) labels.set(a.userId, familyLabel(person.preferredName ?? person.firstName));
      } else {
        const supported = await deps.families.supportedBy(a.userId);
        const inSession =
          supported.find((s) => attendees.some((x) => x.userId === s.participantId)) ??
          supported[0];
        if (inSession) labels.set(a.userId, familyLabel(inSession.participantFirstName));
      }
    }
    return labels;
  }

  async function loadRoom(sessionId: string, kind: string): Promise<RoomData> {
    const [room, attendees, breakouts] = await Promise.all([
      live.room(sessionId),
      live.attendees(sessionId),
      live.openBreakoutRooms(sessionId),
    ]);
    return { room, attendees, breakouts, labels: await labelsFor(sessionId, kind, attendees) };
  }

  async function snapshotFor(
    sessionId: string,
    viewerId: string,
    access: JoinAccess,
  ): Promise<RoomSnapshot> {
    return buildSnapshot(
      sessionId,
      viewerId,
      access,
      await loadRoom(sessionId, access.occurrence.kind),
    );
  }

  function buildSnapshot(
    sessionId: string,
    viewerId: string,
    access: Pick<JoinAccess, "occurrence" | "title">,
    data: RoomData,
  ): RoomSnapshot {
    const { room, attendees } = data;
    const me = attendees.find((a) => a.userId === viewerId);
    const staff = me?.role === "facilitator";
    const admittedMe = me?.status === "ADMITTED";
    const people = attendees
      .filter((a) =>
        staff
          ? a.status === "ADMITTED" || (a.status === "WAITING" && a.connection !== "GONE")
          : // Participants see who is in the room only once they are in it themselves.
            admittedMe && a.status === "ADMITTED" && a.connection !== "GONE",
      )
      .map((a) => personView(a, data.labels));
    const myStatus: RoomSnapshot["me"]["status"] =
      me?.status === "DECLINED"
        ? "declined"
        : me?.status === "REMOVED"
          ? "removed"
          : me
            ? presence(me)
            : "left";
    const breakoutsOpen = data.breakouts.length > 0 && admittedMe;
    return {
      sessionId,
      kind: access.occurrence.kind,
      title: access.title,
      startsAt: access.occurrence.startsAt.toISOString(),
      endsAt: access.occurrence.endsAt.toISOString(),
      openedAt: room?.openedAt.toISOString() ?? null,
      locked: room?.lockedAt !== null && room?.lockedAt !== undefined,
      ended: room?.endedAt !== null && room?.endedAt !== undefined,
      mediaMode: media.mode,
      me: {
        userId: viewerId,
        role: me?.role ?? "participant",
        status: myStatus,
        breakoutId: me?.breakoutId ?? null,
      },
      people,
      breakouts: breakoutsOpen
        ? {
            endsAt: room?.breakoutsEndAt?.toISOString() ?? null,
            // Clinicians see every room; others only the one they are in.
            rooms: data.breakouts.filter((b) => staff || b.id === me.breakoutId),
          }
        : null,
    };
  }

  /** Sends each connected person their own view of the room. */
  async function broadcast(sessionId: string): Promise<void> {
    const [occurrence, sockets] = await Promise.all([
      deps.schedules.occurrence(sessionId),
      io.in(rooms.all(sessionId)).fetchSockets(),
    ]);
    if (!occurrence) return;
    const data = await loadRoom(sessionId, occurrence.kind);
    const title = sessionTitle(occurrence);
    const views = new Map<string, RoomSnapshot>();
    for (const socket of sockets) {
      const viewer = socket.data.userId;
      let view = views.get(viewer);
      if (!view) {
        view = buildSnapshot(sessionId, viewer, { occurrence, title }, data);
        views.set(viewer, view);
      }
      socket.emit("room:state", view);
    }
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

  async function checkCapacity(
    sessionId: string,
    adding: number,
    known?: readonly Attendee[],
  ): Promise<void> {
    if (media.mode !== "direct") return;
    const inRoom = (known ?? (await live.attendees(sessionId))).filter(
      (a) => a.status === "ADMITTED" && a.connection !== "GONE",
    ).length;
    if (inRoom + adding > DIRECT_MODE_MAX_PEOPLE) {
      throw refuse(
        "room_full",
        `This session already has ${inRoom} people, the most that video without a media server supports (${DIRECT_MODE_MAX_PEOPLE}). Larger groups need the clinic's LiveKit media server; ask your clinic to set it up.`,
      );
    }
  }

  /**
   * Lets an admitted person in: their sockets into the room, their media credential, then their
   * attendance from `at` (the moment of admission, so recording it after the credential has gone
   * out loses nothing and keeps the wait in the waiting room as short as it can be).
   */
  async function letIn(sessionId: string, attendee: Attendee, at: Date): Promise<void> {
    const { userId } = attendee;
    io.in(rooms.person(sessionId, userId)).socketsJoin(rooms.admitted(sessionId));
    const credential = await credentialFor(sessionId, attendee);
    io.to(rooms.person(sessionId, userId)).emit("room:admitted", { sessionId, credential });
    if (media.mode === "direct") await live.openSpan(sessionId, userId, at, "DIRECT");
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

  function cancelGrace(sessionId: string, userId: string): void {
    const key = `${sessionId}:${userId}`;
    const timer = graceTimers.get(key);
    if (timer) clearTimeout(timer);
    graceTimers.delete(key);
  }

  async function stillConnected(sessionId: string, userId: string): Promise<boolean> {
    const sockets = await io.in(rooms.person(sessionId, userId)).fetchSockets();
    return sockets.length > 0;
  }

  async function markDropped(sessionId: string, userId: string): Promise<void> {
    if (await stillConnected(sessionId, userId)) return;
    const me = await live.attendee(sessionId, userId);
    if (!me || me.status === "REMOVED" || me.status === "DECLINED") return;
    const droppedAt = clock.now();
    await live.update(sessionId, userId, { connection: "RECONNECTING" });
    await broadcast(sessionId);
    cancelGrace(sessionId, userId);
    const timer = setTimeout(() => {
      graceTimers.delete(`${sessionId}:${userId}`);
      serially(sessionId, userId, async () => {
        if (await stillConnected(sessionId, userId)) return;
        const current = await live.attendee(sessionId, userId);
        if (current?.connection !== "RECONNECTING") return;
        await live.update(sessionId, userId, { connection: "GONE", handRaisedAt: null });
        // They were gone from the moment the connection dropped.
        await live.closeSpan(sessionId, userId, droppedAt, "DIRECT");
        await broadcast(sessionId);
      }).catch((error: unknown) =>
        logger.warn(
          { err: error instanceof Error ? error.name : "error" },
          "reconnect grace failed",
        ),
      );
    }, graceMs);
    timer.unref();
    graceTimers.set(`${sessionId}:${userId}`, timer);
  }

  return {
    /** Joins the room, or its waiting room. */
    async join(socketId: string, joiner: Joiner, sessionId: string) {
      const { actor } = joiner;
      const found = await access(actor, sessionId);
      const now = clock.now();
      const { occurrence } = found;
      const room = await live.room(sessionId);
      if (occurrence.status === "CANCELLED") throw refuse("ended", "This session was cancelled.");
      if (room?.endedAt) throw refuse("ended", "This session has ended.");
      const opensAt = occurrence.startsAt.getTime() - JOIN_OPENS_BEFORE_MS;
      if (now.getTime() < opensAt) {
        throw refuse(
          "not_open_yet",
          `The room opens ${Math.ceil((opensAt - now.getTime()) / 60_000)} minutes before the start.`,
        );
      }
      if (now.getTime() > occurrence.endsAt.getTime() + JOIN_CLOSES_AFTER_END_MS) {
        throw refuse("ended", "This session has ended.");
      }
      const existing = await live.attendee(sessionId, actor.userId);
      if (existing?.status === "REMOVED")
        throw refuse("removed", "You were removed from this session and cannot rejoin it.");

      let status: "WAITING" | "ADMITTED";
      if (found.role === "facilitator") {
        if (existing?.status !== "ADMITTED") await checkCapacity(sessionId, 1);
        await live.openRoom(sessionId, now);
        status = "ADMITTED";
      } else if (existing?.status === "ADMITTED") {
        // Back after a drop or a reload: already let in once, no second wait.
        if (existing.connection === "GONE") await checkCapacity(sessionId, 1);
        status = "ADMITTED";
      } else {
        if (room?.lockedAt)
          throw refuse(
            "locked",
            "The session is locked: the facilitator is not letting anyone else in.",
          );
        status = "WAITING";
      }
      cancelGrace(sessionId, actor.userId);
      const attendee = await live.arrive(
        sessionId,
        { userId: actor.userId, role: found.role, displayName: joiner.displayName },
        status,
        now,
      );
      const socket = io.sockets.sockets.get(socketId);
      if (socket) {
        socket.data.liveSessionId = sessionId;
        await socket.join([rooms.all(sessionId), rooms.person(sessionId, actor.userId)]);
        if (found.role === "facilitator") await socket.join(rooms.staff(sessionId));
        if (status === "ADMITTED") await socket.join(rooms.admitted(sessionId));
      }
      let credential: MediaCredential | undefined;
      if (status === "ADMITTED") {
        if (media.mode === "direct") await live.openSpan(sessionId, actor.userId, now, "DIRECT");
        credential = await credentialFor(sessionId, attendee);
      }
      await deps.audit.record(
        { actor },
        "read",
        { type: "live-session", id: sessionId },
        "success",
      );
      await broadcast(sessionId);
      return {
        state: status === "ADMITTED" ? ("admitted" as const) : ("waiting" as const),
        room: await snapshotFor(sessionId, actor.userId, found),
        ...(credential ? { credential } : {}),
      };
    },

    async admit(actor: Actor, sessionId: string, userId: string): Promise<void> {
      // Read side by side (PostgreSQL answers them at once); nothing is told before access holds.
      const [, room, attendees] = await Promise.all([
        staffAccess(actor, sessionId),
        live.room(sessionId),
        live.attendees(sessionId),
      ]);
      if (room?.lockedAt) throw refuse("locked", "Unlock the room to let someone in.");
      const target = attendees.find((a) => a.userId === userId);
      if (!target || target.status !== "WAITING")
        throw refuse("not_found", "That person is not waiting.");
      await checkCapacity(sessionId, 1, attendees);
      const now = clock.now();
      const admitted = await live.update(sessionId, userId, {
        status: "ADMITTED",
        admittedAt: now,
        admittedByUserId: actor.userId,
      });
      await letIn(sessionId, admitted, now);
      await deps.audit.record(
        { actor },
        "update",
        { type: "live-admission", id: sessionId },
        "success",
      );
      await broadcast(sessionId);
    },

    async admitAll(actor: Actor, sessionId: string): Promise<number> {
      await staffAccess(actor, sessionId);
      const room = await live.room(sessionId);
      if (room?.lockedAt) throw refuse("locked", "Unlock the room to let people in.");
      const attendees = await live.attendees(sessionId);
      const inRoom = attendees.filter(
        (a) => a.status === "ADMITTED" && a.connection !== "GONE",
      ).length;
      const waiting = attendees.filter(
        (a) => a.status === "WAITING" && a.connection !== "GONE",
      ).length;
      const room_left =
        media.mode === "direct" ? Math.max(0, DIRECT_MODE_MAX_PEOPLE - inRoom) : waiting;
      if (waiting > 0 && room_left === 0) await checkCapacity(sessionId, 1, attendees);
      const now = clock.now();
      const admitted = await live.admitWaiting(sessionId, actor.userId, now, room_left);
      for (const attendee of admitted) await letIn(sessionId, attendee, now);
      await deps.audit.record(
        { actor },
        "update",
        { type: "live-admission", id: sessionId },
        "success",
      );
      await broadcast(sessionId);
      return admitted.length;
    },

    async decline(actor: Actor, sessionId: string, userId: string, message: string): Promise<void> {
      await staffAccess(actor, sessionId);
      const target = await live.attendee(sessionId, userId);
      if (!target || target.status !== "WAITING")
        throw refuse("not_found", "That person is not waiting.");
      await live.update(sessionId, userId, {
        status: "DECLINED",
        declineMessage: message,
        connection: "GONE",
      });
      const text =
        message ||
        "The facilitator could not let you in to this session. Contact your care team if you need help.";
      io.to(rooms.person(sessionId, userId)).emit("room:declined", { sessionId, message: text });
      io.in(rooms.person(sessionId, userId)).socketsLeave([
        rooms.all(sessionId),
        rooms.admitted(sessionId),
      ]);
      await broadcast(sessionId);
    },

    async remove(actor: Actor, sessionId: string, userId: string): Promise<void> {
      const found = await staffAccess(actor, sessionId);
      const target = await live.attendee(sessionId, userId);
      if (!target || target.status === "REMOVED")
        throw refuse("not_found", "That person is not in the session.");
      if (
        target.role === "facilitator" &&
        found.role === "facilitator" &&
        userId === actor.userId
      ) {
        throw refuse("forbidden", "Leave the session instead of removing yourself.");
      }
      const now = clock.now();
      await live.update(sessionId, userId, {
        status: "REMOVED",
        connection: "GONE",
        handRaisedAt: null,
      });
      await live.closeSpan(sessionId, userId, now);
      io.to(rooms.person(sessionId, userId)).emit("room:removed", { sessionId });
      io.in(rooms.person(sessionId, userId)).socketsLeave([
        rooms.all(sessionId),
        rooms.admitted(sessionId),
        rooms.staff(sessionId),
      ]);
      await media
        .remove(sessionId, userId)
        .catch((error: unknown) =>
          logger.warn(
            { err: error instanceof Error ? error.name : "error" },
            "media remove failed",
          ),
        );
      await deps.audit.record(
        { actor },
        "update",
        { type: "live-removal", id: sessionId },
        "success",
      );
      await broadcast(sessionId);
    },

    async lock(actor: Actor, sessionId: string, locked: boolean): Promise<void> {
      await staffAccess(actor, sessionId);
      await live.openRoom(sessionId, clock.now());
      await live.setLocked(sessionId, locked ? clock.now() : null);
      await broadcast(sessionId);
    },

    async end(actor: Actor, sessionId: string): Promise<void> {
      await staffAccess(actor, sessionId);
      await live.openRoom(sessionId, clock.now());
      await live.endRoom(sessionId, clock.now());
      io.to(rooms.all(sessionId)).emit("room:ended", { sessionId });
      await media
        .end(sessionId)
        .catch((error: unknown) =>
          logger.warn({ err: error instanceof Error ? error.name : "error" }, "media end failed"),
        );
      await deps.audit.record(
        { actor },
        "update",
        { type: "live-session-end", id: sessionId },
        "success",
      );
      await broadcast(sessionId);
      io.in(rooms.all(sessionId)).socketsLeave([
        rooms.all(sessionId),
        rooms.admitted(sessionId),
        rooms.staff(sessionId),
      ]);
    },

    /** A clinician turns someone's microphone or camera off; only its owner can turn it on again. */
    async turnOff(
      actor: Actor,
      sessionId: string,
      target: string,
      kind: "microphone" | "camera",
    ): Promise<void> {
      await staffAccess(actor, sessionId);
      const attendees = (await live.attendees(sessionId)).filter(
        (a) => a.status === "ADMITTED" && a.connection !== "GONE",
      );
      const targets =
        target === "everyone"
          ? attendees.filter((a) => a.userId !== actor.userId && a.role !== "facilitator")
          : attendees.filter((a) => a.userId === target);
      if (targets.length === 0 && target !== "everyone")
        throw refuse("not_found", "That person is not in the session.");
      const by = (await live.attendee(sessionId, actor.userId))?.displayName ?? "The facilitator";
      for (const person of targets) {
        await live.update(
          sessionId,
          person.userId,
          kind === "microphone" ? { microphone: false } : { camera: false },
        );
        io.to(rooms.person(sessionId, person.userId)).emit("room:turned-off", {
          sessionId,
          kind,
          by,
        });
        await media
          .turnOff(sessionId, person.userId, kind)
          .catch((error: unknown) =>
            logger.warn(
              { err: error instanceof Error ? error.name : "error" },
              "media mute failed",
            ),
          );
      }
      await broadcast(sessionId);
    },

    async askToUnmute(actor: Actor, sessionId: string, userId: string): Promise<void> {
      await staffAccess(actor, sessionId);
      const target = await live.attendee(sessionId, userId);
      if (target?.status !== "ADMITTED")
        throw refuse("not_found", "That person is not in the session.");
      const me = await live.attendee(sessionId, actor.userId);
      io.to(rooms.person(sessionId, userId)).emit("room:unmute-requested", {
        sessionId,
        by: me?.displayName ?? "Your facilitator",
      });
    },

    async allowScreenShare(
      actor: Actor,
      sessionId: string,
      userId: string,
      allowed: boolean,
    ): Promise<void> {
      await staffAccess(actor, sessionId);
      const target = await live.attendee(sessionId, userId);
      if (target?.status !== "ADMITTED")
        throw refuse("not_found", "That person is not in the session.");
      await live.update(sessionId, userId, {
        screenShareAllowed: allowed,
        ...(allowed ? {} : { screen: false }),
      });
      io.to(rooms.person(sessionId, userId)).emit("room:screen-share", { sessionId, allowed });
      await media
        .setScreenShare(
          sessionId,
          { userId, displayName: target.displayName, role: target.role },
          allowed,
        )
        .catch((error: unknown) =>
          logger.warn(
            { err: error instanceof Error ? error.name : "error" },
            "media permission failed",
          ),
        );
      await broadcast(sessionId);
    },

    async raiseHand(actor: Actor, sessionId: string, raised: boolean): Promise<void> {
      const me = await live.attendee(sessionId, actor.userId);
      if (me?.status !== "ADMITTED") throw refuse("not_admitted", "Wait to be let in first.");
      await live.update(sessionId, actor.userId, {
        handRaisedAt: raised ? (me.handRaisedAt ?? clock.now()) : null,
      });
      await broadcast(sessionId);
    },

    async lowerHand(actor: Actor, sessionId: string, userId: string): Promise<void> {
      await staffAccess(actor, sessionId);
      const person = await live.attendee(sessionId, userId);
      if (person?.status !== "ADMITTED")
        throw refuse("not_found", "That person is not in the session.");
      if (person.handRaisedAt === null) return;
      await live.update(sessionId, userId, { handRaisedAt: null });
      await broadcast(sessionId);
    },

    async mediaState(
      actor: Actor,
      sessionId: string,
      state: { microphone: boolean; camera: boolean; screen: boolean },
    ): Promise<void> {
      const me = await live.attendee(sessionId, actor.userId);
      if (me?.status !== "ADMITTED") throw refuse("not_admitted", "Wait to be let in first.");
      if (state.screen && !me.screenShareAllowed && me.role !== "facilitator") {
        throw refuse("forbidden", "Ask the facilitator to let you share your screen.");
      }
      await live.update(sessionId, actor.userId, state);
      await broadcast(sessionId);
    },

    /** Direct mode: relays an offer, answer or candidate between two people in the room. */
    async relaySignal(actor: Actor, sessionId: string, to: string, signal: unknown): Promise<void> {
      if (media.mode !== "direct")
        throw refuse("forbidden", "This session's video runs through the media server.");
      const [from, target] = await Promise.all([
        live.attendee(sessionId, actor.userId),
        live.attendee(sessionId, to),
      ]);
      if (from?.status !== "ADMITTED") throw refuse("not_admitted", "Wait to be let in first.");
      if (target?.status !== "ADMITTED" || target.connection === "GONE")
        throw refuse("not_found", "That person is not in the session.");
      // Breakout rooms are separate meshes: video flows only between people in the same room.
      if (target.breakoutId !== from.breakoutId)
        throw refuse("not_found", "That person is in another room.");
      io.to(rooms.person(sessionId, to)).emit("media:signal", {
        sessionId,
        from: actor.userId,
        signal: signal as never,
      });
    },

    async refreshCredential(actor: Actor, sessionId: string): Promise<MediaCredential> {
      await access(actor, sessionId);
      const [me, room] = await Promise.all([
        live.attendee(sessionId, actor.userId),
        live.room(sessionId),
      ]);
      if (room?.endedAt) throw refuse("ended", "This session has ended.");
      if (me?.status !== "ADMITTED") throw refuse("not_admitted", "Wait to be let in first.");
      return credentialFor(sessionId, me);
    },

    async leave(actor: Actor, sessionId: string, socketId: string): Promise<void> {
      const socket = io.sockets.sockets.get(socketId);
      if (socket) {
        await socket.leave(rooms.all(sessionId));
        await socket.leave(rooms.admitted(sessionId));
        await socket.leave(rooms.staff(sessionId));
        await socket.leave(rooms.person(sessionId, actor.userId));
        delete socket.data.liveSessionId;
      }
      if (await stillConnected(sessionId, actor.userId)) return;
      const me = await live.attendee(sessionId, actor.userId);
      if (!me) return;
      await live.update(sessionId, actor.userId, { connection: "GONE", handRaisedAt: null });
      await live.closeSpan(sessionId, actor.userId, clock.now(), "DIRECT");
      await broadcast(sessionId);
    },

    /** The network dropped: show "reconnecting", and count them gone if they do not come back. */
    dropped(sessionId: string, userId: string): Promise<void> {
      return serially(sessionId, userId, () => markDropped(sessionId, userId));
    },

    /** A dropped socket came back with its state (socket.io connection state recovery). */
    recovered(sessionId: string, userId: string): Promise<void> {
      return serially(sessionId, userId, async () => {
        cancelGrace(sessionId, userId);
        const me = await live.attendee(sessionId, userId);
        if (!me || me.status === "REMOVED" || me.status === "DECLINED") return;
        await live.update(sessionId, userId, { connection: "CONNECTED" });
        await broadcast(sessionId);
      });
    },

    /** Opens breakout rooms (one per family, or as given) with a timer everyone sees. */
    async openBreakouts(
      actor: Actor,
      sessionId: string,
      plan: "by-family" | { name: string; members: string[] }[],
      minutes: number,
    ): Promise<number> {
      const found = await staffAccess(actor, sessionId);
      if (found.occurrence.kind !== "MULTI_FAMILY") {
        throw refuse("forbidden", "Breakout rooms are for multi-family groups.");
      }
      const inRoom = (await live.attendees(sessionId)).filter(
        (a) => a.status === "ADMITTED" && a.connection !== "GONE" && a.role !== "facilitator",
      );
      let rooms: { name: string; members: string[] }[];
      if (plan === "by-family") {
        const labels = await labelsFor(sessionId, found.occurrence.kind, inRoom);
        const byLabel = new Map<string, string[]>();
        for (const a of inRoom) {
          const label = labels.get(a.userId) ?? `${a.displayName}'s room`;
          byLabel.set(label, [...(byLabel.get(label) ?? []), a.userId]);
        }
        rooms = [...byLabel].map(([name, members]) => ({ name, members }));
      } else {
        const known = new Set(inRoom.map((a) => a.userId));
        const unknown = plan.flatMap((r) => r.members).filter((id) => !known.has(id));
        if (unknown.length > 0)
          throw refuse("invalid_input", "Some people chosen for breakouts are not in the session.");
        rooms = plan;
      }
      if (rooms.length === 0)
        throw refuse("invalid_input", "Nobody is in the session to send to breakout rooms.");
      const now = clock.now();
      const created = await live.openBreakouts(
        sessionId,
        rooms,
        new Date(now.getTime() + minutes * 60_000),
        now,
      );
      for (const room of created) {
        for (const userId of room.members) await moveTo(sessionId, userId, room.id);
      }
      await deps.audit.record(
        { actor },
        "update",
        { type: "live-breakouts", id: sessionId },
        "success",
      );
      await broadcast(sessionId);
      return created.length;
    },

    async closeBreakouts(actor: Actor, sessionId: string): Promise<void> {
      await staffAccess(actor, sessionId);
      const moved = (await live.attendees(sessionId)).filter((a) => a.breakoutId !== null);
      await live.closeBreakouts(sessionId, clock.now());
      for (const a of moved) await moveTo(sessionId, a.userId, null);
      await broadcast(sessionId);
    },

    async breakoutMessage(actor: Actor, sessionId: string, message: string): Promise<void> {
      await staffAccess(actor, sessionId);
      const me = await live.attendee(sessionId, actor.userId);
      io.to(rooms.admitted(sessionId)).emit("room:broadcast", {
        sessionId,
        from: me?.displayName ?? "Facilitator",
        message,
      });
    },

    /** A clinician goes into a breakout room (or back to the main room) to see how it goes. */
    async visit(
      actor: Actor,
      sessionId: string,
      breakoutId: string | null,
    ): Promise<MediaCredential> {
      await staffAccess(actor, sessionId);
      if (
        breakoutId !== null &&
        !(await live.openBreakoutRooms(sessionId)).some((b) => b.id === breakoutId)
      ) {
        throw refuse("not_found", "That breakout room is not open.");
      }
      await live.update(sessionId, actor.userId, { breakoutId });
      const me = await live.attendee(sessionId, actor.userId);
      if (!me) throw refuse("not_admitted", "Join the session first.");
      await broadcast(sessionId);
      return credentialFor(sessionId, me);
    },

    /**
     * Consent was withdrawn or narrowed: anyone who may no longer be in a live session is taken
     * out of it at once.
     */
    async enforceAccess(userId: string): Promise<void> {
      const places = await live.activePlacesOf(userId);
      for (const sessionId of places) {
        const person = await deps.schedules.person(userId);
        if (!person) continue;
        const still = await joinAccess(
          { repo: deps.schedules, directory: deps.directory },
          { userId, role: person.role, organizationId: person.organizationId },
          sessionId,
        );
        if (still) continue;
        await live.update(sessionId, userId, {
          status: "REMOVED",
          connection: "GONE",
          handRaisedAt: null,
        });
        await live.closeSpan(sessionId, userId, clock.now());
        io.to(rooms.person(sessionId, userId)).emit("room:removed", {
          sessionId,
          reason: "consent",
        });
        io.in(rooms.person(sessionId, userId)).socketsLeave([
          rooms.all(sessionId),
          rooms.admitted(sessionId),
        ]);
        await media.remove(sessionId, userId).catch(() => undefined);
        await broadcast(sessionId);
      }
    },

    stop(): void {
      for (const timer of graceTimers.values()) clearTimeout(timer);
      graceTimers.clear();
    },
  };
}

export type LiveService = ReturnType<typeof createLiveService>;
