import {
  CHAT_EDIT_WINDOW_MS,
  detectCrisisLanguage,
  type Actor,
  type ChatMessageDto,
  type ChatRoomSummary,
} from "@bridgeway/domain";
import type { AlertService } from "../alerts/alert-service";
import type { AuditLog } from "../audit/audit-log";
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import type { RealtimeServer } from "../realtime/realtime";
import type { ScheduleRepository } from "../schedules/schedule-repository";
import { chatName, type ChatAccess, type RoomAccess } from "./chat-access";
import type { ChatRepository, StoredMessage } from "./chat-repository";

/** A refusal the client is told about (`{ ok: false, error }`), never a crash. */
export class ChatRefusal extends Error {
  constructor(
    readonly code: "not_found" | "forbidden" | "invalid_input",
    message: string,
  ) {
    super(message);
  }
}

const noRoom = () =>
  new ChatRefusal("not_found", "There is no such chat room, or you are not in it.");
const noMessage = () => new ChatRefusal("not_found", "There is no such message.");

export const chatChannel = (roomKey: string) => `chat:${roomKey}`;

/** How long a socket's checked access to a room is trusted before it is checked again. */
const ACCESS_RECHECK_MS = 60_000;

export function toDto(message: StoredMessage, viewerIsStaff: boolean): ChatMessageDto {
  const hidden = message.hiddenAt !== null;
  const deleted = message.deletedAt !== null;
  return {
    id: message.id,
    clientId: message.clientId,
    roomKey: message.roomKey,
    author: { userId: message.authorId, displayName: message.authorName },
    body: deleted || (hidden && !viewerIsStaff) ? "" : message.body,
    createdAt: message.createdAt.toISOString(),
    editedAt: message.editedAt?.toISOString() ?? null,
    deleted,
    hidden: hidden ? { reason: viewerIsStaff ? message.hiddenReason : null } : null,
  };
}

/**
 * Chat: messages are stored before they are acknowledged and then fanned out to the room's
 * sockets (across processes through the adapter). Crisis language raises an alert and the
 * message is still delivered.
 */
export function createChatService(deps: {
  io: RealtimeServer;
  chat: ChatRepository;
  access: ChatAccess;
  schedules: ScheduleRepository;
  alerts: AlertService;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
}) {
  const { io, chat, access, audit, clock, logger } = deps;
  /** Per socket, the rooms it was found to belong to and when. */
  const checked = new WeakMap<object, Map<string, { room: RoomAccess; at: number }>>();
  /** Per socket, the name its author is shown by (looked up once). */
  const names = new WeakMap<object, string>();

  async function authorName(socketKey: object, actor: Actor): Promise<string> {
    const known = names.get(socketKey);
    if (known) return known;
    const person = await deps.schedules.person(actor.userId);
    if (!person) throw noRoom();
    const name = chatName(person, person.displayName);
    names.set(socketKey, name);
    return name;
  }

  async function room(socketKey: object, actor: Actor, roomKey: string): Promise<RoomAccess> {
    let rooms = checked.get(socketKey);
    if (!rooms) {
      rooms = new Map();
      checked.set(socketKey, rooms);
    }
    const cached = rooms.get(roomKey);
    const now = clock.now().getTime();
    if (cached && now - cached.at < ACCESS_RECHECK_MS) return cached.room;
    const found = await access.access(actor, roomKey);
    if (!found) {
      rooms.delete(roomKey);
      await audit.denied({ actor }, "read", { type: "chat-room", id: roomKey });
      throw noRoom();
    }
    rooms.set(roomKey, { room: found, at: now });
    return found;
  }

  async function ownMessage(actor: Actor, messageId: string): Promise<StoredMessage> {
    const message = await chat.message(messageId);
    if (!message || message.authorId !== actor.userId) throw noMessage();
    if (message.deletedAt) throw new ChatRefusal("invalid_input", "That message was deleted.");
    if (clock.now().getTime() - message.createdAt.getTime() > CHAT_EDIT_WINDOW_MS) {
      throw new ChatRefusal("forbidden", "Messages can be changed for 15 minutes after sending.");
    }
    return message;
  }

  function publishUpdate(message: StoredMessage): void {
    io.to(chatChannel(message.roomKey)).emit("chat:updated", toDto(message, false));
  }

  return {
    async rooms(actor: Actor): Promise<ChatRoomSummary[]> {
      const rooms = await access.roomsOf(actor);
      const unread = await chat.unread(
        actor.userId,
        rooms.map((r) => r.roomKey),
      );
      return rooms.map((r) => ({
        roomKey: r.roomKey,
        kind: r.kind,
        title: r.title,
        unread: unread.get(r.roomKey)?.unread ?? 0,
        lastMessageAt: unread.get(r.roomKey)?.lastMessageAt?.toISOString() ?? null,
      }));
    },

    /** Joins the socket to the room's channel and answers the newest page. */
    async subscribe(
      socket: { join(room: string): void | Promise<void> },
      actor: Actor,
      roomKey: string,
      limit: number,
    ) {
      const found = await room(socket, actor, roomKey);
      await socket.join(chatChannel(roomKey));
      const messages = await chat.page(roomKey, limit);
      await audit.record({ actor }, "read", { type: "chat-room", id: roomKey }, "success");
      return messages.map((m) => toDto(m, found.staff));
    },

    async history(
      socketKey: object,
      actor: Actor,
      roomKey: string,
      limit: number,
      before?: string,
    ) {
      const found = await room(socketKey, actor, roomKey);
      const cursor = before ? await chat.message(before) : undefined;
      if (before && (!cursor || cursor.roomKey !== roomKey)) throw noMessage();
      const messages = await chat.page(roomKey, limit, cursor ?? undefined);
      await audit.record({ actor }, "read", { type: "chat-room", id: roomKey }, "success");
      const last = messages.at(-1);
      return {
        messages: messages.map((m) => toDto(m, found.staff)),
        nextBefore: messages.length === limit && last ? last.id : null,
      };
    },

    async since(socketKey: object, actor: Actor, roomKey: string, after: string) {
      const found = await room(socketKey, actor, roomKey);
      const cursor = await chat.message(after);
      if (!cursor || cursor.roomKey !== roomKey) throw noMessage();
      const messages = await chat.since(roomKey, cursor, 500);
      return messages.map((m) => toDto(m, found.staff));
    },

    async send(
      socketKey: object,
      actor: Actor,
      input: { roomKey: string; clientId: string; body: string },
    ): Promise<ChatMessageDto> {
      const found = await room(socketKey, actor, input.roomKey);
      const { message, created } = await chat.storeAudited(
        {
          roomKey: input.roomKey,
          authorId: actor.userId,
          clientId: input.clientId,
          authorName: await authorName(socketKey, actor),
          body: input.body,
          createdAt: clock.now(),
        },
        { organizationId: actor.organizationId, role: actor.role },
      );
      if (message.roomKey !== input.roomKey) {
        throw new ChatRefusal(
          "invalid_input",
          "That client id was already used for another message.",
        );
      }
      const dto = toDto(message, false);
      if (!created) return dto;
      io.to(chatChannel(input.roomKey)).emit("chat:message", dto);
      if (actor.role === "PARTICIPANT") {
        const categories = detectCrisisLanguage(input.body);
        if (categories.length > 0) {
          await deps.alerts
            .raise({
              organizationId: found.organizationId,
              participantId: actor.userId,
              source: "chat",
              categories,
              sourceRef: input.roomKey,
              sourceLabel: found.title,
              sourceItemId: message.id,
              alsoTell: found.staffIds,
            })
            .catch((error: unknown) =>
              logger.error(
                { err: error instanceof Error ? error.name : "error" },
                "crisis alert failed",
              ),
            );
        }
      }
      return dto;
    },

    async typing(
      socket: { to(room: string): { emit: RealtimeServer["emit"] } },
      actor: Actor,
      roomKey: string,
      typing: boolean,
    ) {
      await room(socket, actor, roomKey);
      socket.to(chatChannel(roomKey)).emit("chat:typing", {
        roomKey,
        userId: actor.userId,
        displayName: await authorName(socket, actor),
        typing,
      });
    },

    async read(socketKey: object, actor: Actor, roomKey: string, messageId: string): Promise<void> {
      await room(socketKey, actor, roomKey);
      const message = await chat.message(messageId);
      if (!message || message.roomKey !== roomKey) throw noMessage();
      await chat.markRead(actor.userId, roomKey, message.createdAt);
    },

    async edit(actor: Actor, messageId: string, body: string): Promise<ChatMessageDto> {
      const message = await ownMessage(actor, messageId);
      if (message.hiddenAt)
        throw new ChatRefusal("forbidden", "A hidden message cannot be edited.");
      const updated = await chat.update(messageId, { body, editedAt: clock.now() });
      await audit.record({ actor }, "update", { type: "chat-message", id: messageId }, "success");
      publishUpdate(updated);
      return toDto(updated, false);
    },

    async remove(actor: Actor, messageId: string): Promise<ChatMessageDto> {
      await ownMessage(actor, messageId);
      const updated = await chat.update(messageId, { deletedAt: clock.now() });
      await audit.record({ actor }, "delete", { type: "chat-message", id: messageId }, "success");
      publishUpdate(updated);
      return toDto(updated, false);
    },

    /** A facilitator hides a message; it and the reason are kept for the audit trail. */
    async hide(
      socketKey: object,
      actor: Actor,
      messageId: string,
      reason: string,
    ): Promise<ChatMessageDto> {
      const message = await chat.message(messageId);
      if (!message) throw noMessage();
      const found = await room(socketKey, actor, message.roomKey);
      if (!found.staff) throw new ChatRefusal("forbidden", "Only facilitators can hide messages.");
      const updated = await chat.update(messageId, {
        hiddenAt: clock.now(),
        hiddenByUserId: actor.userId,
        hiddenReason: reason,
      });
      await audit.record(
        { actor },
        "update",
        { type: "chat-message-hidden", id: messageId },
        "success",
      );
      publishUpdate(updated);
      return toDto(updated, true);
    },

    async report(
      socketKey: object,
      actor: Actor,
      messageId: string,
      reason: string,
    ): Promise<void> {
      const message = await chat.message(messageId);
      if (!message) throw noMessage();
      const found = await room(socketKey, actor, message.roomKey);
      await chat.report(messageId, actor.userId, reason);
      await audit.record({ actor }, "create", { type: "chat-report", id: messageId }, "success");
      for (const id of found.staffIds)
        io.to(`user:${id}`).emit("chat:reported", { roomKey: message.roomKey, messageId });
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;
