import {
  BREAKOUT_WARNING_MS,
  breakoutsByFamily,
  isInRoom,
  type Actor,
  type BreakoutTimeUp,
  type MediaCredential,
} from "@bridgeway/domain";
import { refuse } from "./live-refusal";
import { rooms, warnOnFailure, type LiveRoom } from "./live-room";

/**
 * How often each server process looks for breakout timers that ran out (or are a minute from
 * it). A timer in the database, not in one browser or one process: it closes the rooms even when
 * the facilitator's browser has gone, and whichever process looks first does it, once.
 */
export const BREAKOUT_SWEEP_MS = 1_000;

/** Breakout rooms in multi-family sessions: opening them, their timer, visits, closing them. */
export function createLiveBreakouts(room: LiveRoom, sweepMs: number) {
  const { io, live, clock, logger } = room.deps;

  /**
   * Breakouts whose timer runs out: a warning to everyone a minute before, then everyone back in
   * the main room. Each step is claimed with a conditional update, so of several processes
   * looking at once, one acts.
   */
  async function sweepBreakouts(): Promise<void> {
    const now = clock.now();
    const due = await live.breakoutDeadlines(new Date(now.getTime() + BREAKOUT_WARNING_MS));
    for (const { sessionId, endsAt, warned } of due) {
      if (endsAt.getTime() <= now.getTime()) {
        const moved = await live.closeBreakoutsAtDeadline(sessionId, endsAt, now);
        if (moved === null) continue;
        for (const userId of moved) await room.moveTo(sessionId, userId, null);
        await room.broadcast(sessionId);
      } else if (!warned && (await live.claimBreakoutWarning(sessionId, endsAt, now))) {
        io.to(rooms.admitted(sessionId)).emit("room:breakouts-ending", {
          sessionId,
          endsAt: endsAt.toISOString(),
        });
      }
    }
  }

  let sweeping = false;
  const sweeper = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    sweepBreakouts()
      .catch(warnOnFailure(logger, "breakout sweep failed"))
      .finally(() => {
        sweeping = false;
      });
  }, sweepMs);
  sweeper.unref();

  return {
    /** Opens breakout rooms (one per family, or as given) with a timer everyone sees. */
    async openBreakouts(
      actor: Actor,
      sessionId: string,
      plan: "by-family" | { name: string; members: string[] }[],
      minutes: number,
      whenTimeIsUp: BreakoutTimeUp = "close",
    ): Promise<number> {
      const found = await room.staffAccess(actor, sessionId);
      if (found.occurrence.kind !== "MULTI_FAMILY") {
        throw refuse("forbidden", "Breakout rooms are for multi-family groups.");
      }
      const inRoom = (await live.attendees(sessionId)).filter(
        (a) => isInRoom(a) && a.role !== "facilitator",
      );
      let planned: { name: string; members: string[] }[];
      if (plan === "by-family") {
        const labels = await room.labels.labelsFor(sessionId, found.occurrence.kind, inRoom);
        planned = breakoutsByFamily(inRoom, labels);
      } else {
        const known = new Set(inRoom.map((a) => a.userId));
        const unknown = plan.flatMap((r) => r.members).filter((id) => !known.has(id));
        if (unknown.length > 0)
          throw refuse("invalid_input", "Some people chosen for breakouts are not in the session.");
        planned = plan;
      }
      if (planned.length === 0)
        throw refuse("invalid_input", "Nobody is in the session to send to breakout rooms.");
      const now = clock.now();
      const created = await live.openBreakouts(
        sessionId,
        planned,
        new Date(now.getTime() + minutes * 60_000),
        now,
        whenTimeIsUp === "close",
      );
      for (const opened of created) {
        for (const userId of opened.members) await room.moveTo(sessionId, userId, opened.id);
      }
      await room.recordChange(actor, "live-breakouts", sessionId);
      await room.broadcast(sessionId);
      return created.length;
    },

    async closeBreakouts(actor: Actor, sessionId: string): Promise<void> {
      await room.staffAccess(actor, sessionId);
      const moved = (await live.attendees(sessionId)).filter((a) => a.breakoutId !== null);
      await live.closeBreakouts(sessionId, clock.now());
      for (const a of moved) await room.moveTo(sessionId, a.userId, null);
      await room.broadcast(sessionId);
    },

    async breakoutMessage(actor: Actor, sessionId: string, message: string): Promise<void> {
      await room.staffAccess(actor, sessionId);
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
      await room.staffAccess(actor, sessionId);
      if (
        breakoutId !== null &&
        !(await live.openBreakoutRooms(sessionId)).some((b) => b.id === breakoutId)
      ) {
        throw refuse("not_found", "That breakout room is not open.");
      }
      await live.update(sessionId, actor.userId, { breakoutId });
      const me = await live.attendee(sessionId, actor.userId);
      if (!me) throw refuse("not_admitted", "Join the session first.");
      await room.broadcast(sessionId);
      return room.credentialFor(sessionId, me);
    },

    /** Looks for breakout timers that ran out now (a timer does it every second). */
    sweepBreakouts,

    stop(): void {
      clearInterval(sweeper);
    },
  };
}
