import {
  BoardListSchema,
  BoardThreadPageSchema,
  ForumReplySchema,
  ForumReportListSchema,
  PostHiddenSchema,
  PostReportedSchema,
  ThreadDetailSchema,
  ThreadSearchResultsSchema,
  ThreadSummarySchema,
  type BoardKind,
  type BoardSummary,
  type BoardThreadPage,
  type CreateThreadInput,
  type EditThreadInput,
  type ForumReply,
  type ForumReportDto,
  type PostReported,
  type ThreadDetail,
  type ThreadSummary,
} from "@bridgeway/domain";
import type { ApiClient } from "./api-client";

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
    ): Promise<BoardThreadPage> {
      const query = after === undefined ? "" : `?${new URLSearchParams({ after }).toString()}`;
      return api.get(`${boardPath(kind, id)}/threads${query}`, BoardThreadPageSchema, signal);
    },
    async search(q: string, signal?: AbortSignal): Promise<ThreadSummary[]> {
      const query = new URLSearchParams({ q }).toString();
      return (await api.get(`/api/forums/search?${query}`, ThreadSearchResultsSchema, signal))
        .threads;
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
    report(post: PostRef, reason: string): Promise<PostReported> {
      const input = reason.trim() === "" ? {} : { reason };
      return api.write("POST", `${postPath(post)}/report`, input, PostReportedSchema);
    },
    async setHidden(post: PostRef, hidden: boolean): Promise<void> {
      await api.write("POST", `${postPath(post)}/hide`, { hidden }, PostHiddenSchema);
    },
    async reports(signal?: AbortSignal): Promise<ForumReportDto[]> {
      return (await api.get("/api/forums/reports", ForumReportListSchema, signal)).reports;
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
