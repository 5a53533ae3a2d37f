import {
  CHAT_EDIT_WINDOW_MS,
  crisisLanguageAdded,
  CHAT_SINCE_PAGE_SIZE,
  detectCrisisLanguage,
  forbidden,
  invalidInput,
  notFound,
  type Actor,
  type ChatMessageDto,
  type ChatRoomSummary,
} from "@bridgeway/domain";
import type { AlertService } from "../alerts/alert-service";
import type { AuditLog } from "../audit/audit-log";
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import { HeldBackError, isInfrastructureFailure } from "../db/unavailable";
import { trustFor, type RealtimeServer, type RealtimeSocket } from "../realtime/realtime";
import type { PeopleRepository } from "../people/people-repository";
import { chatName, type ChatAccess, type RoomAccess } from "./chat-access";
import type { ChatRepository, StoredMessage } from "./chat-repository";

// Refusals the client is told about (`{ ok: false, error }`), never a crash.
const noRoom = () => notFound("There is no such chat room, or you are not in it.");
const noMessage = () => notFound("There is no such message.");

export const chatChannel = (roomKey: string) => `chat:${roomKey}`;

/**
 * How long a socket's checked access to a room is trusted before it is checked again. A change
 * of access clears it at once (`revalidate`); this only bounds how stale it can get if that
 * news is lost (Redis unavailable).
 */
const ACCESS_RECHECK_MS = 5_000;
/**
 * How long it is trusted when no news can have been lost since it was checked (one process, or
 * Redis up all along). Every change of access someone makes is pushed to the sockets at once
 * (`revalidate`); this only bounds changes nobody announces, such as an enrollment's last day
 * passing. Checking again every minute was most of the database work of 5,000 idle-ish
 * sockets. Each check draws its own share of it (see `trustFor`).
 */
const ACCESS_TRUST_MS = 5 * 60_000;

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
  peopleRepo: PeopleRepository;
  alerts: AlertService;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  /**
   * Since when this process has heard every change of access (Realtime.accessNewsSince);
   * without it, a checked access is trusted for ACCESS_RECHECK_MS only.
   */
  accessNewsSince?: () => Date | undefined;
  /** Tells the devices of the people a message mentions (see push/chat-mentions.ts). */
  mentions?: (found: RoomAccess, author: Actor, body: string) => Promise<void>;
}) {
  const { io, chat, access, audit, clock, logger } = deps;
  /** Per socket, the rooms it was found to belong to and when. */
  const checked = new WeakMap<
    object,
    Map<string, { room: RoomAccess; at: number; trustMs: number }>
  >();
  /** Per socket, the name its author is shown by (looked up once). */
  const names = new WeakMap<object, string>();
  /** Per socket, the send being handled now: the next waits for it (see `send`). */
  /** Each socket's sends, one after another; `held` once one failed for want of the database. */
  const sending = new WeakMap<object, { tail: Promise<unknown>; pending: number; held: boolean }>();
  /** Per room, the last time this process gave a message (see `stamp`). */
  const lastStamp = new Map<string, number>();

  /**
   * A message's time, later than any message this process stamped in the room before, so that
   * messages sent within one millisecond (or under a stopped test clock) keep the order they
   * were stored in, rather than falling back on their random ids.
   */
  function stamp(roomKey: string): Date {
    const at = Math.max(clock.now().getTime(), (lastStamp.get(roomKey) ?? 0) + 1);
    lastStamp.set(roomKey, at);
    return new Date(at);
  }

  async function authorName(socketKey: object, actor: Actor): Promise<string> {
    const known = names.get(socketKey);
    if (known) return known;
    const person = await deps.peopleRepo.person(actor.userId);
    if (!person) throw noRoom();
    const name = chatName(person, person.displayName);
    names.set(socketKey, name);
    return name;
  }

  /** Whether access checked at `at` may still be trusted. */
  function fresh({ at, trustMs }: { at: number; trustMs: number }, now: number): boolean {
    if (now - at < ACCESS_RECHECK_MS) return true;
    const heardAllSince = deps.accessNewsSince?.()?.getTime();
    return heardAllSince !== undefined && at >= heardAllSince && now - at < trustMs;
  }

  async function room(socketKey: object, actor: Actor, roomKey: string): Promise<RoomAccess> {
    let rooms = checked.get(socketKey);
    if (!rooms) {
      rooms = new Map();
      checked.set(socketKey, rooms);
    }
    const cached = rooms.get(roomKey);
    const now = clock.now().getTime();
    if (cached && fresh(cached, now)) return cached.room;
    const found = await access.access(actor, roomKey);
    if (!found) {
      rooms.delete(roomKey);
      await audit.denied({ actor }, "read", { type: "chat-room", id: roomKey });
      throw noRoom();
    }
    rooms.set(roomKey, { room: found, at: now, trustMs: trustFor(ACCESS_TRUST_MS) });
    return found;
  }

  async function ownMessage(actor: Actor, messageId: string): Promise<StoredMessage> {
    const message = await chat.message(messageId);
    if (!message || message.authorId !== actor.userId) throw noMessage();
    if (message.deletedAt) throw invalidInput("That message was deleted.");
    if (clock.now().getTime() - message.createdAt.getTime() > CHAT_EDIT_WINDOW_MS) {
      throw forbidden("Messages can be changed for 15 minutes after sending.");
    }
    return message;
  }

  function publishUpdate(message: StoredMessage): void {
    io.to(chatChannel(message.roomKey)).emit("chat:updated", toDto(message, false));
  }

  async function sendNow(
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
        createdAt: stamp(input.roomKey),
      },
      { organizationId: actor.organizationId, role: actor.role },
    );
    if (message.roomKey !== input.roomKey) {
      throw invalidInput("That client id was already used for another message.");
    }
    const dto = toDto(message, false);
    if (!created) return dto;
    io.to(chatChannel(input.roomKey)).emit("chat:message", dto);
    void deps
      .mentions?.(found, actor, input.body)
      .catch((error: unknown) =>
        logger.warn({ err: error instanceof Error ? error.name : "error" }, "mention push failed"),
      );
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

    /**
     * One page of the messages after `after`, oldest first. `hasMore` says the page stopped
     * short of the present, so the client asks again from its last message.
     */
    async since(
      socketKey: object,
      actor: Actor,
      roomKey: string,
      after: string,
      limit: number = CHAT_SINCE_PAGE_SIZE,
    ): Promise<{ messages: ChatMessageDto[]; hasMore: boolean }> {
      const found = await room(socketKey, actor, roomKey);
      const cursor = await chat.message(after);
      if (!cursor || cursor.roomKey !== roomKey) throw noMessage();
      // One more than the page, to know without a second query whether more follow.
      const rows = await chat.since(roomKey, cursor, limit + 1);
      return {
        messages: rows.slice(0, limit).map((m) => toDto(m, found.staff)),
        hasMore: rows.length > limit,
      };
    },

    /**
     * Stores and fans out a message. One socket's sends are handled one after another, so a
     * sender's messages are stored, stamped and delivered in the order they were sent, even
     * when the client sends several without waiting for each answer. When one cannot reach the
     * database, the ones already queued behind it are held back (answered `unavailable` too)
     * rather than stored ahead of it; the client sends them all again, in order.
     */
    send(
      socketKey: object,
      actor: Actor,
      input: { roomKey: string; clientId: string; body: string },
    ): Promise<ChatMessageDto> {
      let queue = sending.get(socketKey);
      if (!queue) {
        queue = { tail: Promise.resolve(), pending: 0, held: false };
        sending.set(socketKey, queue);
      }
      const q = queue;
      q.pending += 1;
      const mine = q.tail.then(async () => {
        try {
          if (q.held) throw new HeldBackError();
          return await sendNow(socketKey, actor, input);
        } catch (error) {
          if (isInfrastructureFailure(error)) q.held = true;
          throw error;
        } finally {
          q.pending -= 1;
          if (q.pending === 0) q.held = false;
        }
      });
      q.tail = mine.catch(() => undefined);
      return mine;
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
      if (message.hiddenAt) throw forbidden("A hidden message cannot be edited.");
      const updated = await chat.update(messageId, { body, editedAt: clock.now() });
      await audit.record({ actor }, "update", { type: "chat-message", id: messageId }, "success");
      publishUpdate(updated);
      // Crisis language edited in raises an alert as a new message would (the edit still goes
      // out); touching up language that already raised one does not raise it twice.
      const categories =
        actor.role === "PARTICIPANT" ? crisisLanguageAdded(message.body, body) : [];
      const found = categories.length > 0 ? await access.access(actor, message.roomKey) : null;
      if (found) {
        await deps.alerts
          .raise({
            organizationId: found.organizationId,
            participantId: actor.userId,
            source: "chat",
            categories,
            sourceRef: message.roomKey,
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
      if (!found.staff) throw forbidden("Only facilitators can hide messages.");
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

    /**
     * The person's access changed: forget what this socket was allowed, check each chat room it
     * is in again, and take it out of those it may no longer be in.
     */
    async revalidate(
      socket: {
        rooms: Set<string>;
        leave(room: string): void | Promise<void>;
        emit: RealtimeSocket["emit"];
      },
      actor: Actor,
    ): Promise<void> {
      checked.delete(socket);
      const prefix = chatChannel("");
      for (const channel of [...socket.rooms].filter((r) => r.startsWith(prefix))) {
        const key = channel.slice(prefix.length);
        if (await access.access(actor, key)) continue;
        await socket.leave(channel);
        socket.emit("chat:removed", { roomKey: key, reason: "access_changed" });
      }
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;
