import { randomUUID } from "node:crypto";
import type { Role } from "@bridgeway/domain";
import { appendChained, type AuditEventInput } from "../audit/audit-repository";
import type { SqlSession } from "../db/sql";
import { isInfrastructureFailure } from "../db/unavailable";
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

// Each message and its audit event go in one transaction (both or neither). A retried send hits
// the unique (author, client id) and inserts nothing.
const MESSAGE_COLUMNS = 7;
const insertMessages = (count: number) => `
  INSERT INTO "ChatMessage" ("id", "roomKey", "authorId", "clientId", "authorName", "body", "createdAt")
  VALUES ${Array.from({ length: count }, (_, row) => `(${Array.from({ length: MESSAGE_COLUMNS }, (_, col) => `$${row * MESSAGE_COLUMNS + col + 1}`).join(", ")})`).join(", ")}
  ON CONFLICT ("authorId", "clientId") DO NOTHING
  RETURNING *`;

/**
 * Sends stored in one transaction at most. Appending to the audit chain holds one lock for the
 * whole clinic until the transaction commits, so sends arriving while a transaction is open
 * wait and go together in the next one: a busy clinic pays for the lock, the chain head and the
 * commit once per batch, not once per message (group commit). 500 keeps the insert under
 * PostgreSQL's limit of parameters.
 */
const MAX_BATCH = 500;

type NewMessage = {
  roomKey: string;
  authorId: string;
  clientId: string;
  authorName: string;
  body: string;
  createdAt: Date;
};

type Stored = { message: StoredMessage; created: boolean };

type PendingSend = {
  id: string;
  message: NewMessage;
  actor: { organizationId: string; role: Role };
  resolve: (stored: Stored) => void;
  reject: (error: unknown) => void;
};

/** Chat messages, read markers and reports. */
export function createChatRepository(prisma: PrismaClient, sql: SqlSession) {
  const queue: PendingSend[] = [];
  let draining = false;

  /**
   * Stores the sends in one transaction; answers the rows inserted (not those already there).
   * Plain SQL on one connection: through Prisma, each of the transaction's statements cost
   * about five times the CPU, on the event loop every socket of the process shares.
   */
  async function write(batch: readonly PendingSend[]): Promise<Map<string, StoredMessage>> {
    const rows = await sql.transaction(async (connection) => {
      const inserted = await connection.query<StoredMessage>(
        insertMessages(batch.length),
        batch.flatMap(({ id, message: m }) => [
          id,
          m.roomKey,
          m.authorId,
          m.clientId,
          m.authorName,
          m.body,
          m.createdAt,
        ]),
      );
      const insertedIds = new Set(inserted.map((row) => row.id));
      const events: AuditEventInput[] = batch
        .filter((send) => insertedIds.has(send.id))
        .map((send) => ({
          organizationId: send.actor.organizationId,
          actorUserId: send.message.authorId,
          actorRole: send.actor.role,
          action: "create",
          recordType: "chat-message",
          recordId: send.id,
          outcome: "success",
        }));
      await appendChained(connection, events);
      return inserted;
    });
    return new Map(rows.map((row) => [row.id, normalise(row)]));
  }

  /** Answers one send: the row it inserted, or the message stored the first time. */
  async function answer(send: PendingSend, inserted: Map<string, StoredMessage>): Promise<Stored> {
    const row = inserted.get(send.id);
    if (row) return { message: row, created: true };
    const { authorId, clientId } = send.message;
    const stored = await prisma.chatMessage.findUnique({
      where: { authorId_clientId: { authorId, clientId } },
    });
    if (!stored) throw new Error("a chat message was neither stored nor found");
    return { message: stored, created: false };
  }

  async function settle(batch: readonly PendingSend[]): Promise<void> {
    let inserted: Map<string, StoredMessage>;
    try {
      inserted = await write(batch);
    } catch (error) {
      // Without the database every send fails alike; otherwise one bad send must not take the
      // others down with it, so each is tried on its own.
      if (batch.length === 1 || isInfrastructureFailure(error)) {
        for (const send of batch) send.reject(error);
        return;
      }
      for (const send of batch) await settle([send]);
      return;
    }
    // In order, so the room hears the messages in the order they were stamped.
    for (const send of batch) {
      await answer(send, inserted).then(send.resolve, send.reject);
    }
  }

  async function drain(): Promise<void> {
    try {
      while (queue.length > 0) await settle(queue.splice(0, MAX_BATCH));
    } finally {
      draining = false;
    }
  }

  return {
    /**
     * Stores a message and its audit event once per (author, client id); a retry answers the
     * message stored the first time. Sends are answered in the order they were made.
     */
    storeAudited(message: NewMessage, actor: { organizationId: string; role: Role }) {
      return new Promise<Stored>((resolve, reject) => {
        queue.push({ id: randomUUID(), message, actor, resolve, reject });
        if (!draining) {
          draining = true;
          // Sends that arrive in the same turn of the event loop go in the first transaction.
          setImmediate(() => void drain());
        }
      });
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
