import type { Prisma, PrismaClient } from "../generated/prisma/client";

export type StoredThread = Prisma.ForumThreadGetPayload<{
  include: { _count: { select: { replies: true } } };
}>;
export type StoredReply = Prisma.ForumReplyGetPayload<object>;
export type StoredReport = Prisma.ForumReportGetPayload<object>;
type Db = PrismaClient | Prisma.TransactionClient;

/** What names a post in reports: `thread:<id>` (its opening post) or `reply:<id>`. */
export type PostKey = `thread:${string}` | `reply:${string}`;

export function createForumRepository(prisma: PrismaClient) {
  const withCount = { _count: { select: { replies: true } } } as const;

  return {
    async threadCounts(boardKeys: string[]): Promise<Map<string, number>> {
      const rows = await prisma.forumThread.groupBy({
        by: ["boardKey"],
        where: { boardKey: { in: boardKeys }, deletedAt: null },
        _count: { _all: true },
      });
      return new Map(rows.map((r) => [r.boardKey, r._count._all]));
    },

    /**
     * Threads of the boards: on the first page every pinned thread, then the most recently active
     * others; `after` (an unpinned thread) continues from it. Threads their authors deleted only
     * with `withDeleted` (moderators); a search never matches hidden or deleted words.
     */
    async threads(
      boardKeys: string[],
      options: { limit: number; after?: StoredThread; search?: string; withDeleted?: boolean },
    ) {
      // Prisma's `contains` becomes LIKE '%...%' without escaping: % and _ typed by a person mean
      // themselves, so they are escaped here.
      const text = options.search?.replace(/[\\%_]/g, (c) => `\\${c}`);
      const search = text
        ? {
            OR: [
              { hiddenAt: null, title: { contains: text, mode: "insensitive" as const } },
              { hiddenAt: null, body: { contains: text, mode: "insensitive" as const } },
              {
                replies: {
                  some: {
                    deletedAt: null,
                    hiddenAt: null,
                    body: { contains: text, mode: "insensitive" as const },
                  },
                },
              },
            ],
          }
        : {};
      const live = options.withDeleted ? {} : { deletedAt: null };
      const after = options.after;
      const pinned = after
        ? []
        : await prisma.forumThread.findMany({
            where: { boardKey: { in: boardKeys }, pinnedAt: { not: null }, ...live, ...search },
            orderBy: [{ pinnedAt: "desc" }, { id: "desc" }],
            include: withCount,
          });
      const rest = await prisma.forumThread.findMany({
        where: {
          boardKey: { in: boardKeys },
          pinnedAt: null,
          ...live,
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

    async updateThread(
      id: string,
      data: { title?: string; body?: string; editedAt: Date },
    ): Promise<StoredThread> {
      return prisma.forumThread.update({ where: { id }, data, include: withCount });
    },

    async updateReply(id: string, data: { body: string; editedAt: Date }): Promise<StoredReply> {
      return prisma.forumReply.update({ where: { id }, data });
    },

    /** Soft delete by the author: the row stays (for the record and any crisis alert about it). */
    async deleteThread(id: string, at: Date, db: Db = prisma): Promise<StoredThread> {
      return db.forumThread.update({
        where: { id },
        data: { deletedAt: at },
        include: withCount,
      });
    },

    async deleteReply(id: string, at: Date, db: Db = prisma): Promise<StoredReply> {
      return db.forumReply.update({ where: { id }, data: { deletedAt: at } });
    },

    /**
     * A moderator hides (`at`) or shows again (null) a post; hiding settles the open reports of
     * the post, which the moderator has acted on.
     */
    async setHidden(
      post: PostKey,
      hidden: { at: Date; by: string } | null,
      resolvedAt: Date,
      db: Db = prisma,
    ): Promise<void> {
      const data = { hiddenAt: hidden?.at ?? null, hiddenById: hidden?.by ?? null };
      const id = post.slice(post.indexOf(":") + 1);
      if (post.startsWith("thread:")) await db.forumThread.update({ where: { id }, data });
      else await db.forumReply.update({ where: { id }, data });
      if (hidden)
        await db.forumReport.updateMany({
          where: { postKey: post, resolvedAt: null },
          data: { resolvedAt, resolution: "hidden", resolvedById: hidden.by },
        });
    },

    /** Stores a report, or answers null when this person already reported the post. */
    async createReport(
      data: {
        organizationId: string;
        boardKey: string;
        threadId: string;
        replyId: string | null;
        postKey: PostKey;
        reporterId: string;
        reporterName: string;
        reason: string | null;
        at: Date;
      },
      db: Db = prisma,
    ): Promise<StoredReport | null> {
      const { at, ...report } = data;
      const existing = await db.forumReport.findUnique({
        where: { postKey_reporterId: { postKey: data.postKey, reporterId: data.reporterId } },
      });
      if (existing) return null;
      return db.forumReport.create({ data: { ...report, createdAt: at } });
    },

    /** Which of these posts this person has reported. */
    async reportedBy(reporterId: string, posts: PostKey[]): Promise<Set<string>> {
      if (posts.length === 0) return new Set();
      const rows = await prisma.forumReport.findMany({
        where: { reporterId, postKey: { in: posts } },
        select: { postKey: true },
      });
      return new Set(rows.map((r) => r.postKey));
    },

    /** The open reports of these boards, oldest first. */
    async openReports(boardKeys: string[]): Promise<StoredReport[]> {
      return prisma.forumReport.findMany({
        where: { boardKey: { in: boardKeys }, resolvedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 200,
      });
    },

    async report(id: string): Promise<StoredReport | null> {
      return prisma.forumReport.findUnique({ where: { id } });
    },

    async dismissReport(id: string, by: string, at: Date, db: Db = prisma): Promise<void> {
      await db.forumReport.update({
        where: { id },
        data: { resolvedAt: at, resolution: "dismissed", resolvedById: by },
      });
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
