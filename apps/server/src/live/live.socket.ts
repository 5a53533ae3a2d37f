import type { ClientEvent, LiveError, ParsedPayload } from "@bridgeway/domain";
import type { SocketEventRun } from "../realtime/event-handler";
import type { Logger } from "../logger";
import { actorOf, type Realtime, type RealtimeSocket } from "../realtime/realtime";
import { rooms } from "./live-room";
import type { LiveService } from "./live-service";

/** Client events about one live session: their payload names it. */
type RoomEvent = {
  [E in ClientEvent]: ParsedPayload<E> extends { sessionId: string } ? E : never;
}[ClientEvent];

/** Disconnect reasons that mean the network, not the person, ended the connection. */
const NETWORK_REASONS = new Set(["transport close", "transport error", "ping timeout"]);

/**
 * Socket events of the live room. Every payload is validated; a bad or refused event answers
 * `{ ok: false, error }` to its acknowledgement and a `room:error` event, and the room goes on.
 */
export function registerLiveSockets(realtime: Realtime, live: LiveService, logger: Logger): void {
  const handle = realtime.on;
  const inSession = (
    socket: RealtimeSocket,
    payload: { sessionId: string },
  ): LiveError | undefined =>
    payload.sessionId === socket.data.liveSessionId
      ? undefined
      : { code: "not_admitted", message: "Join the session first." };
  /** Events only someone in this session's room may send. */
  const inRoom = <E extends RoomEvent>(event: E, run: SocketEventRun<E>) => {
    handle(event, run, inSession);
  };

  handle("room:check", async (socket, p) => {
    await live.check(socket.id, actorOf(socket), p.sessionId);
    return {};
  });
  handle("room:join", (socket, p) =>
    live.join(socket.id, { actor: actorOf(socket), displayName: p.displayName }, p.sessionId),
  );
  inRoom("room:leave", async (socket, p) => {
    await live.leave(actorOf(socket), p.sessionId, socket.id);
    return {};
  });
  inRoom("room:admit", async (socket, p) => {
    await live.admit(actorOf(socket), p.sessionId, p.userId);
    return {};
  });
  inRoom("room:admit-all", async (socket, p) => ({
    admitted: await live.admitAll(actorOf(socket), p.sessionId),
  }));
  inRoom("room:decline", async (socket, p) => {
    await live.decline(actorOf(socket), p.sessionId, p.userId, p.message);
    return {};
  });
  inRoom("room:remove", async (socket, p) => {
    await live.remove(actorOf(socket), p.sessionId, p.userId);
    return {};
  });
  inRoom("room:readmit", async (socket, p) => {
    await live.readmit(actorOf(socket), p.sessionId, p.userId);
    return {};
  });
  inRoom("room:lock", async (socket, p) => {
    await live.lock(actorOf(socket), p.sessionId, p.locked);
    return {};
  });
  inRoom("room:end", async (socket, p) => {
    await live.end(actorOf(socket), p.sessionId);
    return {};
  });
  inRoom("room:turn-off", async (socket, p) => {
    await live.turnOff(actorOf(socket), p.sessionId, p.target, p.kind);
    return {};
  });
  inRoom("room:ask-unmute", async (socket, p) => {
    await live.askToUnmute(actorOf(socket), p.sessionId, p.userId);
    return {};
  });
  inRoom("room:allow-screen-share", async (socket, p) => {
    await live.allowScreenShare(actorOf(socket), p.sessionId, p.userId, p.allowed);
    return {};
  });
  inRoom("room:breakouts-open", async (socket, p) => ({
    rooms: await live.openBreakouts(
      actorOf(socket),
      p.sessionId,
      p.rooms,
      p.minutes,
      p.whenTimeIsUp,
    ),
  }));
  inRoom("room:breakouts-close", async (socket, p) => {
    await live.closeBreakouts(actorOf(socket), p.sessionId);
    return {};
  });
  inRoom("room:breakouts-message", async (socket, p) => {
    await live.breakoutMessage(actorOf(socket), p.sessionId, p.message);
    return {};
  });
  inRoom("room:visit", async (socket, p) => ({
    credential: await live.visit(actorOf(socket), p.sessionId, p.breakoutId),
  }));
  inRoom("hand:raise", async (socket, p) => {
    await live.raiseHand(actorOf(socket), p.sessionId, p.raised);
    return {};
  });
  inRoom("hand:lower", async (socket, p) => {
    await live.lowerHand(actorOf(socket), p.sessionId, p.userId);
    return {};
  });
  inRoom("media:state", async (socket, p) => {
    await live.mediaState(actorOf(socket), p.sessionId, p);
    return {};
  });
  inRoom("media:signal", async (socket, p) => {
    const senderInRoom = socket.rooms.has(rooms.admitted(p.sessionId));
    await live.relaySignal(actorOf(socket), p.sessionId, p.to, p.signal, senderInRoom);
    return {};
  });
  inRoom("media:refresh-credential", async (socket, p) => ({
    credential: await live.refreshCredential(actorOf(socket), p.sessionId),
  }));

  const failed = (what: string) => (error: unknown) => {
    logger.warn({ err: error instanceof Error ? error.name : typeof error }, what);
  };
  // Shared by every socket (socket.io calls it with the socket as `this`).
  function disconnected(this: RealtimeSocket, reason: string): void {
    const current = this.data.liveSessionId;
    if (!current) return;
    const actor = actorOf(this);
    const work = NETWORK_REASONS.has(reason)
      ? live.dropped(current, actor.userId)
      : live.leave(actor, current, this.id);
    work.catch(failed("live disconnect handling failed"));
  }

  realtime.onConnection((socket) => {
    const sessionId = socket.data.liveSessionId;
    if (socket.recovered && sessionId) {
      live.recovered(sessionId, socket.data.userId).catch(failed("live recovery failed"));
    }
    socket.on("disconnect", disconnected);
  });
}

export type { RealtimeSocket };
