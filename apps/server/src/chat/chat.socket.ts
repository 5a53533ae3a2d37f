import { CHAT_PAGE_SIZE, type Actor } from "@bridgeway/domain";
import { eventRegistrar } from "../realtime/event-handler";
import type { Logger } from "../logger";
import type { Realtime } from "../realtime/realtime";
import { chatChannel, type ChatService } from "./chat-service";
import type { ChatRateLimiter } from "./chat-rate-limit";

/** What a person sending too fast is told; the web app shows it under the message box. */
export const CHAT_TOO_FAST = "You are sending messages too fast. Wait a moment and try again.";

/**
 * Chat socket events. Each payload is validated; refusals answer `{ ok: false, error }` and a
 * `room:error` event naming the event, so a bad message never stops the socket.
 */
export function registerChatSockets(
  realtime: Realtime,
  chat: ChatService,
  logger: Logger,
  limiter: ChatRateLimiter,
): void {
  realtime.onAccessCheck((socket) =>
    chat.revalidate(socket, {
      userId: socket.data.userId,
      role: socket.data.role,
      organizationId: socket.data.organizationId,
    }),
  );
  realtime.onConnection((socket) => {
    const actor: Actor = {
      userId: socket.data.userId,
      role: socket.data.role,
      organizationId: socket.data.organizationId,
    };

    const handle = eventRegistrar(socket, logger);

    handle("chat:rooms", async () => ({
      rooms: await chat.rooms(actor),
    }));
    handle("chat:subscribe", async (p) => ({
      messages: await chat.subscribe(socket, actor, p.roomKey, CHAT_PAGE_SIZE),
    }));
    handle("chat:unsubscribe", async (p) => {
      await socket.leave(chatChannel(p.roomKey));
      return {};
    });
    handle("chat:history", (p) => chat.history(socket, actor, p.roomKey, p.limit, p.before));
    handle("chat:since", (p) => chat.since(socket, actor, p.roomKey, p.after, p.limit));
    // Refused before any database work: a flood costs the flooder, not everyone else.
    const tooFast = (p: { body: string }) =>
      limiter.take(actor.userId, Buffer.byteLength(p.body, "utf8"))
        ? undefined
        : { code: "rate_limited" as const, message: CHAT_TOO_FAST };
    handle("chat:send", async (p) => ({ message: await chat.send(socket, actor, p) }), tooFast);
    handle("chat:typing", async (p) => {
      await chat.typing(socket, actor, p.roomKey, p.typing);
      return {};
    });
    handle("chat:read", async (p) => {
      await chat.read(socket, actor, p.roomKey, p.messageId);
      return {};
    });
    handle("chat:edit", async (p) => ({
      message: await chat.edit(actor, p.messageId, p.body),
    }));
    handle("chat:delete", async (p) => ({
      message: await chat.remove(actor, p.messageId),
    }));
    handle("chat:hide", async (p) => ({
      message: await chat.hide(socket, actor, p.messageId, p.reason),
    }));
    handle("chat:report", async (p) => {
      await chat.report(socket, actor, p.messageId, p.reason);
      return {};
    });
  });
}
