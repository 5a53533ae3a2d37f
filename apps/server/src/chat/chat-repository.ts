import type { Prisma, PrismaClient } from "../generated/prisma/client";

export type StoredMessage = Prisma.ChatMessageGetPayload<object>;

/** Chat messages, read markers and reports. */
export function createChatRepository(prisma: PrismaClient) {
  return {
    /** Stores a message once per (author, client id); a retry answers the stored one. */
    async store(message: {
      roomKey: string;
      authorId: string;
      clientId: string;
      authorName: string;
      body: string;
      createdAt: Date;
    }): Promise<{ message: StoredMessage; created: boolean }> {
      const key = { authorId_clientId: { authorId: message.authorId, clientId: message.clientId } };
      const existing = await prisma.chatMessage.findUnique({ where: key });
      if (existing) return { message: existing, created: false };
      try {
        return { message: await prisma.chatMessage.create({ data: message }), created: true };
      } catch (error) {
        // Two sends of the same message raced; the other one stored it.
        const stored = await prisma.chatMessage.findUnique({ where: key });
        if (stored) return { message: stored, created: false };
        throw error;
      }
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
