import type { Prisma, PrismaClient } from "../generated/prisma/client";

export type StoredThread = Prisma.ForumThreadGetPayload<{
  include: { _count: { select: { replies: true } } };
}>;
export type StoredReply = Prisma.ForumReplyGetPayload<object>;

export function createForumRepository(prisma: PrismaClient) {
  const withCount = { _count: { select: { replies: true } } } as const;

  return {
    async threadCounts(boardKeys: string[]): Promise<Map<string, number>> {
      const rows = await prisma.forumThread.groupBy({
        by: ["boardKey"],
        where: { boardKey: { in: boardKeys } },
        _count: { _all: true },
      });
      return new Map(rows.map((r) => [r.boardKey, r._count._all]));
    },

    /**
     * Threads of the boards: on the first page every pinned thread, then the most recently active
     * others; `after` (an unpinned thread) continues from it.
     */
    async threads(
      boardKeys: string[],
      options: { limit: number; after?: StoredThread; search?: string },
    ) {
      // Prisma's `contains` becomes LIKE '%...%' without escaping: % and _ typed by a person mean
      // themselves, so they are escaped here.
      const text = options.search?.replace(/[\\%_]/g, (c) => `\\${c}`);
      const search = text
        ? {
            OR: [
              { title: { contains: text, mode: "insensitive" as const } },
              { body: { contains: text, mode: "insensitive" as const } },
              { replies: { some: { body: { contains: text, mode: "insensitive" as const } } } },
            ],
          }
        : {};
      const after = options.after;
      const pinned = after
        ? []
        : await prisma.forumThread.findMany({
            where: { boardKey: { in: boardKeys }, pinnedAt: { not: null }, ...search },
            orderBy: [{ pinnedAt: "desc" }, { id: "desc" }],
            include: withCount,
          });
      const rest = await prisma.forumThread.findMany({
        where: {
          boardKey: { in: boardKeys },
          pinnedAt: null,
          ...search,
          ...(after
            ? {
                AND: [
                  {
                    OR: [
                      { lastActivityAt: { lt: after.lastActivityAt } },
                      { lastActivityAt: after.lastActivityAt, id: { lt: after.id } },
                    ],
                  },
                ],
              }
            : {}),
        },
        orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
        take: options.limit,
        include: withCount,
      });
      const last = rest.at(-1);
      return {
        threads: [...pinned, ...rest],
        nextAfter: rest.length === options.limit && last ? last.id : null,
      };
    },

    async thread(id: string): Promise<StoredThread | null> {
      return prisma.forumThread.findUnique({ where: { id }, include: withCount });
    },

    async createThread(data: {
      organizationId: string;
      boardKey: string;
      authorId: string;
      authorName: string;
      authorIsStaff: boolean;
      title: string;
      body: string;
      at: Date;
    }): Promise<StoredThread> {
      const { at, ...thread } = data;
      return prisma.forumThread.create({
        data: { ...thread, createdAt: at, lastActivityAt: at },
        include: withCount,
      });
    },

    async replies(threadId: string, limit: number, after?: StoredReply): Promise<StoredReply[]> {
      return prisma.forumReply.findMany({
        where: {
          threadId,
          ...(after
            ? {
                OR: [
                  { createdAt: { gt: after.createdAt } },
                  { createdAt: after.createdAt, id: { gt: after.id } },
                ],
              }
            : {}),
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: limit,
      });
    },

    async reply(id: string): Promise<StoredReply | null> {
      return prisma.forumReply.findUnique({ where: { id } });
    },

    async createReply(data: {
      threadId: string;
      authorId: string;
      authorName: string;
      authorIsStaff: boolean;
      body: string;
      at: Date;
    }): Promise<StoredReply> {
      const { at, ...reply } = data;
      const [created] = await prisma.$transaction([
        prisma.forumReply.create({ data: { ...reply, createdAt: at } }),
        prisma.forumThread.update({ where: { id: data.threadId }, data: { lastActivityAt: at } }),
      ]);
      return created;
    },

    async setPinned(id: string, at: Date | null): Promise<void> {
      await prisma.forumThread.update({ where: { id }, data: { pinnedAt: at } });
    },

    async setLocked(id: string, at: Date | null): Promise<void> {
      await prisma.forumThread.update({ where: { id }, data: { lockedAt: at } });
    },
  };
}

export type ForumRepository = ReturnType<typeof createForumRepository>;
