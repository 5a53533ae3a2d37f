import {
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
import type { z } from "zod";
import { fieldsFromZodError } from "../http/validate";
import type { Logger } from "../logger";
import type { Realtime, RealtimeSocket } from "../realtime/realtime";
import { LiveRefusal, type LiveService } from "./live-service";

type Reply = (reply: unknown) => void;

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

    function handle<S extends z.ZodType>(
      event: string,
      schema: S,
      run: (payload: z.infer<S>) => Promise<object>,
      options: { mustBeInSession?: boolean } = { mustBeInSession: true },
    ): void {
      const listener = (raw: unknown, maybeReply: unknown) => {
        const reply: Reply | undefined =
          typeof maybeReply === "function" ? (maybeReply as Reply) : undefined;
        const fail = (error: LiveError) => {
          socket.emit("room:error", { ...error, event });
          reply?.({ ok: false, error });
        };
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
          fail({
            code: "invalid_input",
            message: `The ${event} event was not valid.`,
            fields: fieldsFromZodError(parsed.error),
          });
          return;
        }
        const payload = parsed.data as { sessionId?: string };
        if (options.mustBeInSession !== false && payload.sessionId !== socket.data.liveSessionId) {
          fail({ code: "not_admitted", message: "Join the session first." });
          return;
        }
        run(parsed.data).then(
          (result) => reply?.({ ok: true, ...result }),
          (error: unknown) => {
            if (error instanceof LiveRefusal) {
              fail(error.error);
              return;
            }
            logger.error(
              { event, err: error instanceof Error ? error.name : typeof error },
              "live event failed",
            );
            fail({ code: "invalid_input", message: "That did not work. Try again." });
          },
        );
      };
      socket.on(event as never, listener as never);
    }

    handle(
      "room:join",
      JoinRoomSchema,
      (p) => live.join(socket.id, { actor, displayName: p.displayName }, p.sessionId),
      { mustBeInSession: false },
    );
    handle("room:leave", SessionOnlySchema, async (p) => {
      await live.leave(actor, p.sessionId, socket.id);
      return {};
    });
    handle("room:admit", PersonInSessionSchema, async (p) => {
      await live.admit(actor, p.sessionId, p.userId);
      return {};
    });
    handle("room:admit-all", SessionOnlySchema, async (p) => ({
      admitted: await live.admitAll(actor, p.sessionId),
    }));
    handle("room:decline", DeclineSchema, async (p) => {
      await live.decline(actor, p.sessionId, p.userId, p.message);
      return {};
    });
    handle("room:remove", PersonInSessionSchema, async (p) => {
      await live.remove(actor, p.sessionId, p.userId);
      return {};
    });
    handle("room:lock", LockSchema, async (p) => {
      await live.lock(actor, p.sessionId, p.locked);
      return {};
    });
    handle("room:end", SessionOnlySchema, async (p) => {
      await live.end(actor, p.sessionId);
      return {};
    });
    handle("room:turn-off", MuteSchema, async (p) => {
      await live.turnOff(actor, p.sessionId, p.target, p.kind);
      return {};
    });
    handle("room:ask-unmute", PersonInSessionSchema, async (p) => {
      await live.askToUnmute(actor, p.sessionId, p.userId);
      return {};
    });
    handle("room:allow-screen-share", ScreenShareSchema, async (p) => {
      await live.allowScreenShare(actor, p.sessionId, p.userId, p.allowed);
      return {};
    });
    handle("hand:raise", HandSchema, async (p) => {
      await live.raiseHand(actor, p.sessionId, p.raised);
      return {};
    });
    handle("media:state", MediaStateSchema, async (p) => {
      await live.mediaState(actor, p.sessionId, p);
      return {};
    });
    handle("media:signal", SignalSchema, async (p) => {
      await live.relaySignal(actor, p.sessionId, p.to, p.signal);
      return {};
    });
    handle("media:refresh-credential", SessionOnlySchema, async (p) => ({
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
