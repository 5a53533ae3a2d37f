import type { Actor } from "@bridgeway/domain";
import { rooms, warnOnFailure, type LiveRoom } from "./live-room";

/** How long a dropped connection may take to come back before the person counts as gone. */
export const RECONNECT_GRACE_MS = 2 * 60 * 1000;

/**
 * Who is connected: leaving, a dropped connection shown as "reconnecting" for a grace period,
 * and its recovery. The grace timers live in this process; what they decide is in the database.
 */
export function createLivePresence(room: LiveRoom, graceMs: number) {
  const { io, live, clock, logger } = room.deps;
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

  function cancelGrace(sessionId: string, userId: string): void {
    const key = `${sessionId}:${userId}`;
    const timer = graceTimers.get(key);
    if (timer) clearTimeout(timer);
    graceTimers.delete(key);
  }

  async function markDropped(sessionId: string, userId: string): Promise<void> {
    if (await room.stillConnected(sessionId, userId)) return;
    const me = await live.attendee(sessionId, userId);
    if (!me || me.status === "REMOVED" || me.status === "DECLINED") return;
    const droppedAt = clock.now();
    // Leaving lowers a raised hand: it is not still up when they come back.
    await live.update(sessionId, userId, { connection: "RECONNECTING", handRaisedAt: null });
    await room.broadcast(sessionId);
    cancelGrace(sessionId, userId);
    const timer = setTimeout(() => {
      graceTimers.delete(`${sessionId}:${userId}`);
      serially(sessionId, userId, async () => {
        if (await room.stillConnected(sessionId, userId)) return;
        const current = await live.attendee(sessionId, userId);
        if (current?.connection !== "RECONNECTING") return;
        await live.update(sessionId, userId, { connection: "GONE", handRaisedAt: null });
        // They were gone from the moment the connection dropped.
        await live.closeSpan(sessionId, userId, droppedAt, "DIRECT");
        await room.broadcast(sessionId);
      }).catch(warnOnFailure(logger, "reconnect grace failed"));
    }, graceMs);
    timer.unref();
    graceTimers.set(`${sessionId}:${userId}`, timer);
  }

  async function leave(actor: Actor, sessionId: string, socketId: string): Promise<void> {
    const socket = io.sockets.sockets.get(socketId);
    if (socket) {
      await socket.leave(rooms.all(sessionId));
      await socket.leave(rooms.admitted(sessionId));
      await socket.leave(rooms.staff(sessionId));
      await socket.leave(rooms.person(sessionId, actor.userId));
      delete socket.data.liveSessionId;
    }
    if (await room.stillConnected(sessionId, actor.userId)) return;
    const me = await live.attendee(sessionId, actor.userId);
    if (!me) return;
    await live.update(sessionId, actor.userId, { connection: "GONE", handRaisedAt: null });
    await live.closeSpan(sessionId, actor.userId, clock.now(), "DIRECT");
    await room.broadcast(sessionId);
  }

  /** The network dropped: show "reconnecting", and count them gone if they do not come back. */
  function dropped(sessionId: string, userId: string): Promise<void> {
    return serially(sessionId, userId, () => markDropped(sessionId, userId));
  }

  /** A dropped socket came back with its state (socket.io connection state recovery). */
  function recovered(sessionId: string, userId: string): Promise<void> {
    return serially(sessionId, userId, async () => {
      cancelGrace(sessionId, userId);
      const me = await live.attendee(sessionId, userId);
      if (!me || me.status === "REMOVED" || me.status === "DECLINED") return;
      await live.update(sessionId, userId, { connection: "CONNECTED" });
      await room.broadcast(sessionId);
    });
  }

  return {
    /** Someone arrives (again): a drop they come back from no longer counts against them. */
    cancelGrace,
    leave,
    dropped,
    recovered,

    stop(): void {
      for (const timer of graceTimers.values()) clearTimeout(timer);
      graceTimers.clear();
    },
  };
}
