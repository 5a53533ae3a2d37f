import { CHAT_PAGE_SIZE } from "@bridgeway/domain";
import { actorOf, type Realtime, type RealtimeSocket } from "../realtime/realtime";
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
  limiter: ChatRateLimiter,
): void {
  realtime.onAccessCheck((socket) => chat.revalidate(socket, actorOf(socket)));
  const { on } = realtime;
  on("chat:rooms", async (socket) => ({ rooms: await chat.rooms(actorOf(socket)) }));
  on("chat:subscribe", async (socket, p) => ({
    messages: await chat.subscribe(socket, actorOf(socket), p.roomKey, CHAT_PAGE_SIZE),
  }));
  on("chat:unsubscribe", async (socket, p) => {
    await socket.leave(chatChannel(p.roomKey));
    return {};
  });
  on("chat:history", (socket, p) =>
    chat.history(socket, actorOf(socket), p.roomKey, p.limit, p.before),
  );
  on("chat:since", (socket, p) => chat.since(socket, actorOf(socket), p.roomKey, p.after, p.limit));
  // Refused before any database work: a flood costs the flooder, not everyone else.
  const tooFast = (socket: RealtimeSocket, p: { body: string }) =>
    limiter.take(socket.data.userId, Buffer.byteLength(p.body, "utf8"))
      ? undefined
      : { code: "rate_limited" as const, message: CHAT_TOO_FAST };
  on(
    "chat:send",
    async (socket, p) => ({ message: await chat.send(socket, actorOf(socket), p) }),
    tooFast,
  );
  on("chat:typing", async (socket, p) => {
    await chat.typing(socket, actorOf(socket), p.roomKey, p.typing);
    return {};
  });
  on("chat:read", async (socket, p) => {
    await chat.read(socket, actorOf(socket), p.roomKey, p.messageId);
    return {};
  });
  on("chat:edit", async (socket, p) => ({
    message: await chat.edit(actorOf(socket), p.messageId, p.body),
  }));
  on("chat:delete", async (socket, p) => ({
    message: await chat.remove(actorOf(socket), p.messageId),
  }));
  on("chat:hide", async (socket, p) => ({
    message: await chat.hide(socket, actorOf(socket), p.messageId, p.reason),
  }));
  on("chat:report", async (socket, p) => {
    await chat.report(socket, actorOf(socket), p.messageId, p.reason);
    return {};
  });
}
