import {
  BreakoutsMessageSchema,
  BreakoutsOpenSchema,
  VisitSchema,
  DeclineSchema,
  HandSchema,
  JoinRoomSchema,
  LockSchema,
  MediaStateSchema,
  MuteSchema,
  PersonInSessionSchema,
  ScreenShareSchema,
  SessionOnlySchema,
  SignalSchema,
  type Actor,
  type LiveError,
} from "@bridgeway/domain";
import { eventRegistrar } from "../realtime/event-handler";
import type { Logger } from "../logger";
import type { Realtime, RealtimeSocket } from "../realtime/realtime";
import { LiveRefusal } from "./live-refusal";
import type { LiveService } from "./live-service";

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

    const handle = eventRegistrar(socket, logger, (error) =>
      error instanceof LiveRefusal ? error.error : undefined,
    );
    const inSession = (payload: unknown): LiveError | undefined =>
      (payload as { sessionId?: string }).sessionId === socket.data.liveSessionId
        ? undefined
        : { code: "not_admitted", message: "Join the session first." };
    const inRoom: typeof handle = (event, schema, run) => {
      handle(event, schema, run, inSession);
    };

    handle("room:check", SessionOnlySchema, async (p) => {
      await live.check(socket.id, actor, p.sessionId);
      return {};
    });
    handle("room:join", JoinRoomSchema, (p) =>
      live.join(socket.id, { actor, displayName: p.displayName }, p.sessionId),
    );
    inRoom("room:leave", SessionOnlySchema, async (p) => {
      await live.leave(actor, p.sessionId, socket.id);
      return {};
    });
    inRoom("room:admit", PersonInSessionSchema, async (p) => {
      await live.admit(actor, p.sessionId, p.userId);
      return {};
    });
    inRoom("room:admit-all", SessionOnlySchema, async (p) => ({
      admitted: await live.admitAll(actor, p.sessionId),
    }));
    inRoom("room:decline", DeclineSchema, async (p) => {
      await live.decline(actor, p.sessionId, p.userId, p.message);
      return {};
    });
    inRoom("room:remove", PersonInSessionSchema, async (p) => {
      await live.remove(actor, p.sessionId, p.userId);
      return {};
    });
    inRoom("room:readmit", PersonInSessionSchema, async (p) => {
      await live.readmit(actor, p.sessionId, p.userId);
      return {};
    });
    inRoom("room:lock", LockSchema, async (p) => {
      await live.lock(actor, p.sessionId, p.locked);
      return {};
    });
    inRoom("room:end", SessionOnlySchema, async (p) => {
      await live.end(actor, p.sessionId);
      return {};
    });
    inRoom("room:turn-off", MuteSchema, async (p) => {
      await live.turnOff(actor, p.sessionId, p.target, p.kind);
      return {};
    });
    inRoom("room:ask-unmute", PersonInSessionSchema, async (p) => {
      await live.askToUnmute(actor, p.sessionId, p.userId);
      return {};
    });
    inRoom("room:allow-screen-share", ScreenShareSchema, async (p) => {
      await live.allowScreenShare(actor, p.sessionId, p.userId, p.allowed);
      return {};
    });
    inRoom("room:breakouts-open", BreakoutsOpenSchema, async (p) => ({
      rooms: await live.openBreakouts(actor, p.sessionId, p.rooms, p.minutes, p.whenTimeIsUp),
    }));
    inRoom("room:breakouts-close", SessionOnlySchema, async (p) => {
      await live.closeBreakouts(actor, p.sessionId);
      return {};
    });
    inRoom("room:breakouts-message", BreakoutsMessageSchema, async (p) => {
      await live.breakoutMessage(actor, p.sessionId, p.message);
      return {};
    });
    inRoom("room:visit", VisitSchema, async (p) => ({
      credential: await live.visit(actor, p.sessionId, p.breakoutId),
    }));
    inRoom("hand:raise", HandSchema, async (p) => {
      await live.raiseHand(actor, p.sessionId, p.raised);
      return {};
    });
    inRoom("hand:lower", PersonInSessionSchema, async (p) => {
      await live.lowerHand(actor, p.sessionId, p.userId);
      return {};
    });
    inRoom("media:state", MediaStateSchema, async (p) => {
      await live.mediaState(actor, p.sessionId, p);
      return {};
    });
    inRoom("media:signal", SignalSchema, async (p) => {
      await live.relaySignal(actor, p.sessionId, p.to, p.signal);
      return {};
    });
    inRoom("media:refresh-credential", SessionOnlySchema, async (p) => ({
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
