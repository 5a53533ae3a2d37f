import type { Actor, ClientEvent, LiveError, ParsedPayload } from "@bridgeway/domain";
import { eventRegistrar, type HandlerResult } from "../realtime/event-handler";
import type { Logger } from "../logger";
import type { Realtime, RealtimeSocket } from "../realtime/realtime";
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
  realtime.onConnection((socket) => {
    const actor: Actor = {
      userId: socket.data.userId,
      role: socket.data.role,
      organizationId: socket.data.organizationId,
    };

    const handle = eventRegistrar(socket, logger);
    const inSession = (payload: { sessionId: string }): LiveError | undefined =>
      payload.sessionId === socket.data.liveSessionId
        ? undefined
        : { code: "not_admitted", message: "Join the session first." };
    /** Events only someone in this session's room may send. */
    const inRoom = <E extends RoomEvent>(
      event: E,
      run: (payload: ParsedPayload<E>) => Promise<HandlerResult<E>>,
    ) => {
      handle(event, run, inSession);
    };

    handle("room:check", async (p) => {
      await live.check(socket.id, actor, p.sessionId);
      return {};
    });
    handle("room:join", (p) =>
      live.join(socket.id, { actor, displayName: p.displayName }, p.sessionId),
    );
    inRoom("room:leave", async (p) => {
      await live.leave(actor, p.sessionId, socket.id);
      return {};
    });
    inRoom("room:admit", async (p) => {
      await live.admit(actor, p.sessionId, p.userId);
      return {};
    });
    inRoom("room:admit-all", async (p) => ({
      admitted: await live.admitAll(actor, p.sessionId),
    }));
    inRoom("room:decline", async (p) => {
      await live.decline(actor, p.sessionId, p.userId, p.message);
      return {};
    });
    inRoom("room:remove", async (p) => {
      await live.remove(actor, p.sessionId, p.userId);
      return {};
    });
    inRoom("room:readmit", async (p) => {
      await live.readmit(actor, p.sessionId, p.userId);
      return {};
    });
    inRoom("room:lock", async (p) => {
      await live.lock(actor, p.sessionId, p.locked);
      return {};
    });
    inRoom("room:end", async (p) => {
      await live.end(actor, p.sessionId);
      return {};
    });
    inRoom("room:turn-off", async (p) => {
      await live.turnOff(actor, p.sessionId, p.target, p.kind);
      return {};
    });
    inRoom("room:ask-unmute", async (p) => {
      await live.askToUnmute(actor, p.sessionId, p.userId);
      return {};
    });
    inRoom("room:allow-screen-share", async (p) => {
      await live.allowScreenShare(actor, p.sessionId, p.userId, p.allowed);
      return {};
    });
    inRoom("room:breakouts-open", async (p) => ({
      rooms: await live.openBreakouts(actor, p.sessionId, p.rooms, p.minutes, p.whenTimeIsUp),
    }));
    inRoom("room:breakouts-close", async (p) => {
      await live.closeBreakouts(actor, p.sessionId);
      return {};
    });
    inRoom("room:breakouts-message", async (p) => {
      await live.breakoutMessage(actor, p.sessionId, p.message);
      return {};
    });
    inRoom("room:visit", async (p) => ({
      credential: await live.visit(actor, p.sessionId, p.breakoutId),
    }));
    inRoom("hand:raise", async (p) => {
      await live.raiseHand(actor, p.sessionId, p.raised);
      return {};
    });
    inRoom("hand:lower", async (p) => {
      await live.lowerHand(actor, p.sessionId, p.userId);
      return {};
    });
    inRoom("media:state", async (p) => {
      await live.mediaState(actor, p.sessionId, p);
      return {};
    });
    inRoom("media:signal", async (p) => {
      const senderInRoom = socket.rooms.has(rooms.admitted(p.sessionId));
      await live.relaySignal(actor, p.sessionId, p.to, p.signal, senderInRoom);
      return {};
    });
    inRoom("media:refresh-credential", async (p) => ({
      credential: await live.refreshCredential(actor, p.sessionId),
    }));

    const sessionId = socket.data.liveSessionId;
    if (socket.recovered && sessionId) {
      live.recovered(sessionId, actor.userId).catch((error: unknown) => {
        logger.warn(
          { err: error instanceof Error ? error.name : typeof error },
          "live recovery failed",
        );
      });
    }

    socket.on("disconnect", (reason) => {
      const current = socket.data.liveSessionId;
      if (!current) return;
      const work = NETWORK_REASONS.has(reason)
        ? live.dropped(current, actor.userId)
        : live.leave(actor, current, socket.id);
      work.catch((error: unknown) => {
        logger.warn(
          { err: error instanceof Error ? error.name : typeof error },
          "live disconnect handling failed",
        );
      });
    });
  });
}

export type { RealtimeSocket };
