import {
  ChatEditSchema,
  ChatHideSchema,
  ChatHistorySchema,
  ChatMessageOnlySchema,
  ChatReadSchema,
  ChatReportSchema,
  ChatRoomOnlySchema,
  ChatSendSchema,
  ChatSinceSchema,
  ChatTypingSchema,
  CHAT_PAGE_SIZE,
  type Actor,
} from "@bridgeway/domain";
import { z } from "zod";
import { eventRegistrar } from "../realtime/event-handler";
import type { Logger } from "../logger";
import type { Realtime } from "../realtime/realtime";
import { chatChannel, ChatRefusal, type ChatService } from "./chat-service";
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

    const handle = eventRegistrar(socket, logger, (error) =>
      error instanceof ChatRefusal ? { code: error.code, message: error.message } : undefined,
    );

    handle("chat:rooms", z.looseObject({}), async () => ({
      rooms: await chat.rooms(actor),
    }));
    handle("chat:subscribe", ChatRoomOnlySchema, async (p) => ({
      messages: await chat.subscribe(socket, actor, p.roomKey, CHAT_PAGE_SIZE),
    }));
    handle("chat:unsubscribe", ChatRoomOnlySchema, async (p) => {
      await socket.leave(chatChannel(p.roomKey));
      return {};
    });
    handle("chat:history", ChatHistorySchema, (p) =>
      chat.history(socket, actor, p.roomKey, p.limit, p.before),
    );
    handle("chat:since", ChatSinceSchema, (p) =>
      chat.since(socket, actor, p.roomKey, p.after, p.limit),
    );
    // Refused before any database work: a flood costs the flooder, not everyone else.
    const tooFast = (p: { body: string }) =>
      limiter.take(actor.userId, Buffer.byteLength(p.body, "utf8"))
        ? undefined
        : { code: "rate_limited" as const, message: CHAT_TOO_FAST };
    handle(
      "chat:send",
      ChatSendSchema,
      async (p) => ({ message: await chat.send(socket, actor, p) }),
      tooFast,
    );
    handle("chat:typing", ChatTypingSchema, async (p) => {
      await chat.typing(socket, actor, p.roomKey, p.typing);
      return {};
    });
    handle("chat:read", ChatReadSchema, async (p) => {
      await chat.read(socket, actor, p.roomKey, p.messageId);
      return {};
    });
    handle("chat:edit", ChatEditSchema, async (p) => ({
      message: await chat.edit(actor, p.messageId, p.body),
    }));
    handle("chat:delete", ChatMessageOnlySchema, async (p) => ({
      message: await chat.remove(actor, p.messageId),
    }));
    handle("chat:hide", ChatHideSchema, async (p) => ({
      message: await chat.hide(socket, actor, p.messageId, p.reason),
    }));
    handle("chat:report", ChatReportSchema, async (p) => {
      await chat.report(socket, actor, p.messageId, p.reason);
      return {};
    });
  });
}
