import {
  isWaiting,
  roomView,
  JOIN_OPENS_BEFORE_MS,
  roomNotOpenYetMessage,
  seatsLeft,
  type Actor,
  type JoinReply,
} from "@bridgeway/domain";
import { joinAccess } from "./live-access";
import { refuse } from "./live-refusal";
import type { Attendee } from "./live-repository";
import { rooms, type LiveRoom } from "./live-room";

/** How long after the scheduled end the room still lets people in (groups run over). */
const JOIN_CLOSES_AFTER_END_MS = 60 * 60 * 1000;

export type Joiner = { actor: Actor; displayName: string };

/**
 * The door of the room: who may come, the waiting room, letting people in or turning them away,
 * and taking out anyone whose consent no longer allows them in.
 */
export function createLiveAdmission(
  room: LiveRoom,
  presence: { cancelGrace(sessionId: string, userId: string): void },
) {
  const { io, live, media, clock, audit } = room.deps;

  /**
   * The refusals that hold whatever the time and whoever is in the room: no access, cancelled,
   * ended, removed. A removed person's socket listens for being let back in.
   */
  async function atTheDoor(socketId: string, actor: Actor, sessionId: string) {
    const found = await room.access(actor, sessionId);
    const { occurrence } = found;
    const now = clock.now();
    const [state, existing] = await Promise.all([
      live.room(sessionId),
      live.attendee(sessionId, actor.userId),
    ]);
    if (occurrence.status === "CANCELLED") throw refuse("ended", "This session was cancelled.");
    if (state?.endedAt) throw refuse("ended", "This session has ended.");
    if (now.getTime() > occurrence.endsAt.getTime() + JOIN_CLOSES_AFTER_END_MS) {
      throw refuse("ended", "This session has ended.");
    }
    if (existing?.status === "REMOVED") {
      await io.sockets.sockets.get(socketId)?.join(rooms.person(sessionId, actor.userId));
      throw refuse("removed", "You were removed from this session and cannot rejoin it.");
    }
    return { found, state, existing, now };
  }

  /**
   * Lets an admitted person in: their sockets into the room, their media credential, then their
   * attendance from `at` (the moment of admission, so recording it after the credential has gone
   * out loses nothing and keeps the wait in the waiting room as short as it can be).
   */
  async function letIn(sessionId: string, attendee: Attendee, at: Date): Promise<void> {
    const { userId } = attendee;
    io.in(rooms.person(sessionId, userId)).socketsJoin(rooms.admitted(sessionId));
    const credential = await room.credentialFor(sessionId, attendee);
    io.to(rooms.person(sessionId, userId)).emit("room:admitted", { sessionId, credential });
    room.deps.notify?.([userId], "admitted", `/sessions/${sessionId}/room`);
    if (media.mode === "direct") await live.openSpan(sessionId, userId, at, "DIRECT");
  }

  return {
    /** Whether this person may come to the room at all, before their camera starts. */
    async check(socketId: string, actor: Actor, sessionId: string): Promise<void> {
      await atTheDoor(socketId, actor, sessionId);
    },

    /** Joins the room, or its waiting room. */
    async join(socketId: string, joiner: Joiner, sessionId: string): Promise<JoinReply> {
      const { actor } = joiner;
      const { found, state, existing, now } = await atTheDoor(socketId, actor, sessionId);
      const { occurrence } = found;
      const opensAt = occurrence.startsAt.getTime() - JOIN_OPENS_BEFORE_MS;
      if (now.getTime() < opensAt) {
        throw refuse("not_open_yet", roomNotOpenYetMessage(opensAt - now.getTime()));
      }

      let status: "WAITING" | "ADMITTED";
      if (found.role === "facilitator") {
        if (existing?.status !== "ADMITTED") await room.checkCapacity(sessionId, 1);
        await live.openRoom(sessionId, now);
        status = "ADMITTED";
      } else if (existing?.status === "ADMITTED") {
        // Back after a drop or a reload: already let in once, no second wait.
        if (existing.connection === "GONE") await room.checkCapacity(sessionId, 1);
        status = "ADMITTED";
      } else {
        if (state?.lockedAt)
          throw refuse(
            "locked",
            "The session is locked: the facilitator is not letting anyone else in.",
          );
        status = "WAITING";
      }
      presence.cancelGrace(sessionId, actor.userId);
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
      await audit.record({ actor }, "read", { type: "live-session", id: sessionId }, "success");
      // Everyone else hears of the joiner first: in direct mode they start the connection to
      // them on hearing it. The attendance span starts at `now` whenever it is written. The
      // joiner's view is made from what everyone else was just sent.
      const [data] = await Promise.all([
        room.broadcast(sessionId, occurrence),
        status === "ADMITTED" && media.mode === "direct"
          ? live.openSpan(sessionId, actor.userId, now, "DIRECT")
          : undefined,
      ]);
      const credential =
        status === "ADMITTED" ? await room.credentialFor(sessionId, attendee) : undefined;
      return {
        state: status === "ADMITTED" ? ("admitted" as const) : ("waiting" as const),
        room: data
          ? roomView(data, actor.userId, found.role)
          : await room.snapshotFor(sessionId, actor.userId, found),
        ...(credential ? { credential } : {}),
      };
    },

    async admit(actor: Actor, sessionId: string, userId: string): Promise<void> {
      // Read side by side (PostgreSQL answers them at once); nothing is told before access holds.
      const [, state, attendees] = await Promise.all([
        room.staffAccess(actor, sessionId),
        live.room(sessionId),
        live.attendees(sessionId),
      ]);
      if (state?.lockedAt) throw refuse("locked", "Unlock the room to let someone in.");
      const target = attendees.find((a) => a.userId === userId);
      if (!target || target.status !== "WAITING")
        throw refuse("not_found", "That person is not waiting.");
      await room.checkCapacity(sessionId, 1, attendees);
      const now = clock.now();
      const admitted = await live.update(sessionId, userId, {
        status: "ADMITTED",
        admittedAt: now,
        admittedByUserId: actor.userId,
      });
      await letIn(sessionId, admitted, now);
      await room.recordChange(actor, "live-admission", sessionId);
      await room.broadcast(sessionId);
    },

    async admitAll(actor: Actor, sessionId: string): Promise<number> {
      await room.staffAccess(actor, sessionId);
      const state = await live.room(sessionId);
      if (state?.lockedAt) throw refuse("locked", "Unlock the room to let people in.");
      const attendees = await live.attendees(sessionId);
      const waiting = attendees.filter(isWaiting).length;
      const roomLeft = seatsLeft(media.mode, attendees) ?? waiting;
      if (waiting > 0 && roomLeft === 0) await room.checkCapacity(sessionId, 1, attendees);
      const now = clock.now();
      const admitted = await live.admitWaiting(sessionId, actor.userId, now, roomLeft);
      for (const attendee of admitted) await letIn(sessionId, attendee, now);
      await room.recordChange(actor, "live-admission", sessionId);
      await room.broadcast(sessionId);
      return admitted.length;
    },

    async decline(actor: Actor, sessionId: string, userId: string, message: string): Promise<void> {
      await room.staffAccess(actor, sessionId);
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
      await room.broadcast(sessionId);
    },

    /**
     * Consent was withdrawn or narrowed: anyone who may no longer be in a live session is taken
     * out of it at once.
     */
    async enforceAccess(userId: string): Promise<void> {
      const places = await live.activePlacesOf(userId);
      for (const sessionId of places) {
        const person = await room.deps.peopleRepo.person(userId);
        if (!person) continue;
        const still = await joinAccess(
          {
            cohortRepo: room.deps.cohortRepo,
            occurrenceRepo: room.deps.occurrenceRepo,
            directory: room.deps.directory,
          },
          { userId, role: person.role, organizationId: person.organizationId },
          sessionId,
        );
        if (still) continue;
        // Nobody decided this about them: the room says so in words that blame no one.
        await room.takeOut(sessionId, userId, "consent", clock.now());
        await media.remove(sessionId, userId).catch(() => undefined);
        await room.broadcast(sessionId);
      }
    },
  };
}
