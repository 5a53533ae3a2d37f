import { randomUUID } from "node:crypto";
import type { Role } from "@bridgeway/domain";
import type { SqlSession } from "../db/sql";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

export type StoredMessage = Prisma.ChatMessageGetPayload<object>;

/** Raw rows from PGlite may carry timestamps as strings; Prisma's always carry Dates. */
function normalise(row: StoredMessage): StoredMessage {
  const date = (v: Date | string | null) =>
    v === null ? null : v instanceof Date ? v : new Date(v);
  return {
    ...row,
    createdAt: date(row.createdAt) ?? new Date(),
    editedAt: date(row.editedAt),
    deletedAt: date(row.deletedAt),
    hiddenAt: date(row.hiddenAt),
  };
}

// Sending is the hot path of chat: the message and its audit event go in one statement, in one
// round trip, atomically (both or neither), without Prisma's per-query compilation (see
// bench/chat.bench.ts). A retried send hits the unique (author, client id) and inserts nothing.
const INSERT_WITH_AUDIT = `
  WITH inserted AS (
    INSERT INTO "ChatMessage" ("id", "roomKey", "authorId", "clientId", "authorName", "body", "createdAt")
    VALUES ($1, $2, $3, $4, $5, $6, $7)
    ON CONFLICT ("authorId", "clientId") DO NOTHING
    RETURNING *
  ), audited AS (
    INSERT INTO "AuditEvent" ("organizationId", "actorUserId", "actorRole", "action", "recordType", "recordId", "outcome", "occurredAt")
    SELECT $8, $3, $9::"Role", 'create', 'chat-message', inserted."id"::text, 'success', $7 FROM inserted
  )
  SELECT * FROM inserted`;

/** Chat messages, read markers and reports. */
export function createChatRepository(prisma: PrismaClient, sql: SqlSession) {
  return {
    /**
     * Stores a message and its audit event once per (author, client id); a retry answers the
     * message stored the first time.
     */
    async storeAudited(
      message: {
        roomKey: string;
        authorId: string;
        clientId: string;
        authorName: string;
        body: string;
        createdAt: Date;
      },
      actor: { organizationId: string; role: Role },
    ): Promise<{ message: StoredMessage; created: boolean }> {
      const [row] = await sql.query<StoredMessage>(
        INSERT_WITH_AUDIT,
        [
          randomUUID(),
          message.roomKey,
          message.authorId,
          message.clientId,
          message.authorName,
          message.body,
          message.createdAt,
          actor.organizationId,
          actor.role,
        ],
        "bw_chat_insert_audited",
      );
      if (row) return { message: normalise(row), created: true };
      const stored = await prisma.chatMessage.findUnique({
        where: { authorId_clientId: { authorId: message.authorId, clientId: message.clientId } },
      });
      if (!stored) throw new Error("a chat message was neither stored nor found");
      return { message: stored, created: false };
    },

    async message(id: string): Promise<StoredMessage | null> {
      return prisma.chatMessage.findUnique({ where: { id } });
    },

    /** Newest first, older than `before` when given. */
    async page(roomKey: string, limit: number, before?: StoredMessage): Promise<StoredMessage[]> {
      return prisma.chatMessage.findMany({
        where: {
          roomKey,
          ...(before
            ? {
                OR: [
                  { createdAt: { lt: before.createdAt } },
                  { createdAt: before.createdAt, id: { lt: before.id } },
                ],
              }
            : {}),
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: limit,
      });
    },

    /** Oldest first, newer than `after`. */
    async since(roomKey: string, after: StoredMessage, limit: number): Promise<StoredMessage[]> {
      return prisma.chatMessage.findMany({
        where: {
          roomKey,
          OR: [
            { createdAt: { gt: after.createdAt } },
            { createdAt: after.createdAt, id: { gt: after.id } },
          ],
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: limit,
      });
    },

    async update(
      id: string,
      data: Partial<
        Pick<
          StoredMessage,
          "body" | "editedAt" | "deletedAt" | "hiddenAt" | "hiddenByUserId" | "hiddenReason"
        >
      >,
    ): Promise<StoredMessage> {
      return prisma.chatMessage.update({ where: { id }, data });
    },

    async markRead(userId: string, roomKey: string, at: Date): Promise<void> {
      await prisma.chatReadMarker.upsert({
        where: { userId_roomKey: { userId, roomKey } },
        create: { userId, roomKey, lastReadAt: at },
        update: { lastReadAt: at },
      });
    },

    /** Unread messages (by others, not deleted) and the latest message time, per room. */
    async unread(
      userId: string,
      roomKeys: string[],
    ): Promise<Map<string, { unread: number; lastMessageAt: Date | null }>> {
      const result = new Map<string, { unread: number; lastMessageAt: Date | null }>();
      if (roomKeys.length === 0) return result;
      const markers = await prisma.chatReadMarker.findMany({
        where: { userId, roomKey: { in: roomKeys } },
      });
      const lastRead = new Map(markers.map((m) => [m.roomKey, m.lastReadAt]));
      for (const roomKey of roomKeys) {
        const since = lastRead.get(roomKey);
        const [unread, last] = await Promise.all([
          prisma.chatMessage.count({
            where: {
              roomKey,
              authorId: { not: userId },
              deletedAt: null,
              ...(since ? { createdAt: { gt: since } } : {}),
            },
          }),
          prisma.chatMessage.findFirst({
            where: { roomKey },
            orderBy: { createdAt: "desc" },
            select: { createdAt: true },
          }),
        ]);
        result.set(roomKey, { unread, lastMessageAt: last?.createdAt ?? null });
      }
      return result;
    },

    async report(messageId: string, reporterId: string, reason: string): Promise<void> {
      await prisma.chatReport.upsert({
        where: { messageId_reporterId: { messageId, reporterId } },
        create: { messageId, reporterId, reason },
        update: { reason },
      });
    },
  };
}

export type ChatRepository = ReturnType<typeof createChatRepository>;
