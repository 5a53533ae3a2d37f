import { muteTargets, type Actor } from "@bridgeway/domain";
import { notInSession, refuse } from "./live-refusal";
import { rooms, warnOnFailure, type LiveRoom } from "./live-room";

/**
 * What only the session's clinicians do to the room and the people in it: remove and let back,
 * lock, end, turn off a microphone or camera, ask to unmute, allow screen sharing, lower a hand.
 */
export function createFacilitatorControls(room: LiveRoom) {
  const { io, live, media, clock, logger } = room.deps;

  async function inRoom(sessionId: string, userId: string) {
    const target = await live.attendee(sessionId, userId);
    if (target?.status !== "ADMITTED") throw notInSession();
    return target;
  }

  return {
    async remove(actor: Actor, sessionId: string, userId: string): Promise<void> {
      const found = await room.staffAccess(actor, sessionId);
      const target = await live.attendee(sessionId, userId);
      if (!target || target.status === "REMOVED") throw notInSession();
      if (
        target.role === "facilitator" &&
        found.role === "facilitator" &&
        userId === actor.userId
      ) {
        throw refuse("forbidden", "Leave the session instead of removing yourself.");
      }
      await room.takeOut(sessionId, userId, "facilitator", clock.now());
      await media.remove(sessionId, userId).catch(warnOnFailure(logger, "media remove failed"));
      await room.recordChange(actor, "live-removal", sessionId);
      await room.broadcast(sessionId);
    },

    /** Lets a removed person back in: they return to the waiting room and can be admitted. */
    async readmit(actor: Actor, sessionId: string, userId: string): Promise<void> {
      await room.staffAccess(actor, sessionId);
      const target = await live.attendee(sessionId, userId);
      if (target?.status !== "REMOVED")
        throw refuse("not_found", "That person was not removed from this session.");
      await live.update(sessionId, userId, {
        status: "WAITING",
        connection: "GONE",
        handRaisedAt: null,
      });
      io.to(rooms.person(sessionId, userId)).emit("room:readmitted", { sessionId });
      await room.recordChange(actor, "live-readmission", sessionId);
      await room.broadcast(sessionId);
    },

    async lock(actor: Actor, sessionId: string, locked: boolean): Promise<void> {
      await room.staffAccess(actor, sessionId);
      await live.openRoom(sessionId, clock.now());
      await live.setLocked(sessionId, locked ? clock.now() : null);
      await room.broadcast(sessionId);
    },

    async end(actor: Actor, sessionId: string): Promise<void> {
      await room.staffAccess(actor, sessionId);
      await live.openRoom(sessionId, clock.now());
      await live.endRoom(sessionId, clock.now());
      io.to(rooms.all(sessionId)).emit("room:ended", { sessionId });
      await media.end(sessionId).catch(warnOnFailure(logger, "media end failed"));
      await room.recordChange(actor, "live-session-end", sessionId);
      await room.broadcast(sessionId);
      io.in(rooms.all(sessionId)).socketsLeave([
        rooms.all(sessionId),
        rooms.admitted(sessionId),
        rooms.staff(sessionId),
      ]);
      room.labels.forget(sessionId);
    },

    /** A clinician turns someone's microphone or camera off; only its owner can turn it on again. */
    async turnOff(
      actor: Actor,
      sessionId: string,
      target: string,
      kind: "microphone" | "camera",
    ): Promise<void> {
      await room.staffAccess(actor, sessionId);
      const targets = muteTargets(await live.attendees(sessionId), actor.userId, target);
      if (targets.length === 0 && target !== "everyone") throw notInSession();
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
          .catch(warnOnFailure(logger, "media mute failed"));
      }
      await room.broadcast(sessionId);
    },

    async askToUnmute(actor: Actor, sessionId: string, userId: string): Promise<void> {
      await room.staffAccess(actor, sessionId);
      await inRoom(sessionId, userId);
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
      await room.staffAccess(actor, sessionId);
      const target = await inRoom(sessionId, userId);
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
        .catch(warnOnFailure(logger, "media permission failed"));
      await room.broadcast(sessionId);
    },

    async lowerHand(actor: Actor, sessionId: string, userId: string): Promise<void> {
      await room.staffAccess(actor, sessionId);
      const person = await inRoom(sessionId, userId);
      if (person.handRaisedAt === null) return;
      await live.update(sessionId, userId, { handRaisedAt: null });
      await room.broadcast(sessionId);
    },
  };
}
