import {
  BOARD_KINDS,
  POST_STATUSES,
  type BoardKind,
  type BoardSummary,
  type CreateThreadInput,
  type EditThreadInput,
  type ForumReply,
  type ForumReportDto,
  type PostActions,
  type PostAuthor,
  type ThreadDetail,
  type ThreadSummary,
} from "@bridgeway/domain";
import { z } from "zod";
import type { ApiClient } from "./api-client";

// The domain package describes forum answers as types only; they are checked here, where read.
const PostAuthorSchema: z.ZodType<PostAuthor> = z.object({
  userId: z.string(),
  displayName: z.string(),
  staff: z.boolean(),
});

const BoardKindSchema = z.enum(BOARD_KINDS);

export const BoardSummarySchema: z.ZodType<BoardSummary> = z.object({
  kind: BoardKindSchema,
  id: z.string(),
  title: z.string(),
  canPost: z.boolean(),
  canModerate: z.boolean().default(false),
  threadCount: z.number(),
});

const PostStatusSchema = z.enum(POST_STATUSES);

const postActionsShape = {
  source: z.string().nullable().default(null),
  canEdit: z.boolean().default(false),
  canDelete: z.boolean().default(false),
  canReport: z.boolean().default(false),
  reportedByMe: z.boolean().default(false),
} satisfies Record<keyof PostActions, z.ZodType>;

const threadSummaryShape = {
  id: z.string(),
  board: z.object({ kind: BoardKindSchema, id: z.string(), title: z.string() }),
  title: z.string(),
  author: PostAuthorSchema,
  excerpt: z.string(),
  replyCount: z.number(),
  pinned: z.boolean(),
  locked: z.boolean(),
  createdAt: z.string(),
  editedAt: z.string().nullable().default(null),
  status: PostStatusSchema.default("visible"),
  lastActivityAt: z.string(),
};
export const ThreadSummarySchema: z.ZodType<ThreadSummary> = z.object(threadSummaryShape);

export const ForumReplySchema: z.ZodType<ForumReply> = z.object({
  id: z.string(),
  author: PostAuthorSchema,
  /** Sanitised on the server (markdown-it, raw HTML off, safe links only). */
  bodyHtml: z.string(),
  status: PostStatusSchema.default("visible"),
  createdAt: z.string(),
  editedAt: z.string().nullable().default(null),
  ...postActionsShape,
});

export const ThreadDetailSchema: z.ZodType<ThreadDetail> = z.object({
  ...threadSummaryShape,
  ...postActionsShape,
  bodyHtml: z.string(),
  replies: z.array(ForumReplySchema),
  nextRepliesAfter: z.string().nullable(),
  canReply: z.boolean(),
  canModerate: z.boolean(),
});

const ForumReportSchema: z.ZodType<ForumReportDto> = z.object({
  id: z.string(),
  board: z.object({ kind: BoardKindSchema, id: z.string(), title: z.string() }),
  post: z.object({
    threadId: z.string(),
    threadTitle: z.string(),
    replyId: z.string().nullable(),
    author: PostAuthorSchema,
    bodyHtml: z.string(),
    status: PostStatusSchema,
  }),
  reporter: z.object({ userId: z.string(), displayName: z.string() }),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
const ReportListSchema = z.object({ reports: z.array(ForumReportSchema) });
const ReportedSchema = z.object({ id: z.string(), createdAt: z.string() });
const HiddenSchema = z.object({ status: PostStatusSchema });

const BoardListSchema = z.object({ boards: z.array(BoardSummarySchema) });
const ThreadSearchSchema = z.object({ threads: z.array(ThreadSummarySchema) });

export type BoardPage = {
  board: { kind: BoardKind; id: string; title: string; canPost: boolean };
  threads: ThreadSummary[];
  nextAfter: string | null;
};
const BoardPageSchema: z.ZodType<BoardPage> = z.object({
  board: z.object({
    kind: BoardKindSchema,
    id: z.string(),
    title: z.string(),
    canPost: z.boolean(),
  }),
  threads: z.array(ThreadSummarySchema),
  nextAfter: z.string().nullable(),
});

const boardPath = (kind: BoardKind, id: string) =>
  `/api/forums/boards/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`;
const threadPath = (id: string) => `/api/forums/threads/${encodeURIComponent(id)}`;
const replyPath = (id: string) => `/api/forums/replies/${encodeURIComponent(id)}`;
/** A thread's opening post or a reply. */
export type PostRef = { kind: "thread" | "reply"; id: string };
const postPath = (post: PostRef) => (post.kind === "thread" ? threadPath : replyPath)(post.id);

/** Forums: boards, threads a page at a time, search, posting, and moderation. */
export function createForumsApi(api: ApiClient) {
  return {
    async boards(signal?: AbortSignal): Promise<BoardSummary[]> {
      return (await api.get("/api/forums/boards", BoardListSchema, signal)).boards;
    },
    /** One page of a board's threads, pinned first; `after` is the last thread of the page before. */
    threads(
      kind: BoardKind,
      id: string,
      after: string | undefined,
      signal?: AbortSignal,
    ): Promise<BoardPage> {
      const query = after === undefined ? "" : `?${new URLSearchParams({ after }).toString()}`;
      return api.get(`${boardPath(kind, id)}/threads${query}`, BoardPageSchema, signal);
    },
    async search(q: string, signal?: AbortSignal): Promise<ThreadSummary[]> {
      const query = new URLSearchParams({ q }).toString();
      return (await api.get(`/api/forums/search?${query}`, ThreadSearchSchema, signal)).threads;
    },
    createThread(kind: BoardKind, id: string, input: CreateThreadInput): Promise<ThreadSummary> {
      return api.write("POST", `${boardPath(kind, id)}/threads`, input, ThreadSummarySchema);
    },
    /** A thread with a page of its replies; `after` is the last reply already shown. */
    thread(id: string, after: string | undefined, signal?: AbortSignal): Promise<ThreadDetail> {
      const query = after === undefined ? "" : `?${new URLSearchParams({ after }).toString()}`;
      return api.get(`${threadPath(id)}${query}`, ThreadDetailSchema, signal);
    },
    reply(threadId: string, body: string): Promise<ForumReply> {
      return api.write("POST", `${threadPath(threadId)}/replies`, { body }, ForumReplySchema);
    },
    pin(threadId: string, pinned: boolean): Promise<ThreadSummary> {
      return api.write("POST", `${threadPath(threadId)}/pin`, { pinned }, ThreadSummarySchema);
    },
    lock(threadId: string, locked: boolean): Promise<ThreadSummary> {
      return api.write("POST", `${threadPath(threadId)}/lock`, { locked }, ThreadSummarySchema);
    },
    editThread(threadId: string, input: EditThreadInput): Promise<ThreadSummary> {
      return api.write("PATCH", threadPath(threadId), input, ThreadSummarySchema);
    },
    editReply(replyId: string, body: string): Promise<ForumReply> {
      return api.write("PATCH", replyPath(replyId), { body }, ForumReplySchema);
    },
    /** The author deletes their post (a thread leaves the board; a reply shows as deleted). */
    async deletePost(post: PostRef): Promise<void> {
      if (post.kind === "thread")
        await api.write("DELETE", postPath(post), undefined, ThreadSummarySchema);
      else await api.write("DELETE", postPath(post), undefined, ForumReplySchema);
    },
    report(post: PostRef, reason: string): Promise<{ id: string; createdAt: string }> {
      const input = reason.trim() === "" ? {} : { reason };
      return api.write("POST", `${postPath(post)}/report`, input, ReportedSchema);
    },
    async setHidden(post: PostRef, hidden: boolean): Promise<void> {
      await api.write("POST", `${postPath(post)}/hide`, { hidden }, HiddenSchema);
    },
    async reports(signal?: AbortSignal): Promise<ForumReportDto[]> {
      return (await api.get("/api/forums/reports", ReportListSchema, signal)).reports;
    },
    async dismissReport(reportId: string): Promise<void> {
      await api.writeNoContent(
        "POST",
        `/api/forums/reports/${encodeURIComponent(reportId)}/dismiss`,
        {},
      );
    },
  };
}

export type ForumsApi = ReturnType<typeof createForumsApi>;
