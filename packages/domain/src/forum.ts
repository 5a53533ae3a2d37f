import { z } from "zod";

/**
 * Forums: asynchronous threads. Each cohort has a board for its participants and facilitators;
 * each program has an announcements board that only facilitators post to (everyone in the
 * program reads it); a cohort running multi-family groups has a family board shared with the
 * families who hold consent. Bodies are markdown, rendered on the server with raw HTML off.
 */
export const BOARD_KINDS = ["cohort", "announcements", "family"] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

export const BoardParamsSchema = z.strictObject({
  kind: z.enum(BOARD_KINDS, { error: "Not a kind of board." }),
  id: z.uuid({ error: "Not a valid board id." }),
});

export const MAX_THREAD_TITLE = 200;
export const MAX_POST_LENGTH = 20_000;
export const FORUM_PAGE_SIZE = 20;

const PostBody = z
  .string({ error: "Write something." })
  .trim()
  .min(1, { error: "Write something." })
  .max(MAX_POST_LENGTH, { error: `Keep posts under ${MAX_POST_LENGTH} characters.` });

export const CreateThreadSchema = z.strictObject({
  title: z
    .string({ error: "Give the thread a title." })
    .trim()
    .min(1, { error: "Give the thread a title." })
    .max(MAX_THREAD_TITLE, { error: `Keep titles under ${MAX_THREAD_TITLE} characters.` }),
  body: PostBody,
});
export type CreateThreadInput = z.infer<typeof CreateThreadSchema>;

export const CreateReplySchema = z.strictObject({ body: PostBody });
export const PinThreadSchema = z.strictObject({
  pinned: z.boolean({ error: "pinned must be true or false." }),
});
export const LockThreadSchema = z.strictObject({
  locked: z.boolean({ error: "locked must be true or false." }),
});

export const ThreadListQuerySchema = z.strictObject({
  /** Threads last active before this thread (its id): the next page. */
  after: z.uuid().optional(),
  search: z
    .string()
    .trim()
    .min(2, { error: "Search for at least 2 characters." })
    .max(100)
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(FORUM_PAGE_SIZE),
});
export const ForumSearchQuerySchema = z.strictObject({
  q: z
    .string({ error: "Say what to search for." })
    .trim()
    .min(2, { error: "Search for at least 2 characters." })
    .max(100),
});
export const RepliesQuerySchema = z.strictObject({
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export type BoardSummary = {
  kind: BoardKind;
  id: string;
  title: string;
  canPost: boolean;
  threadCount: number;
};

export type PostAuthor = { userId: string; displayName: string; staff: boolean };

export type ThreadSummary = {
  id: string;
  board: { kind: BoardKind; id: string; title: string };
  title: string;
  author: PostAuthor;
  excerpt: string;
  replyCount: number;
  pinned: boolean;
  locked: boolean;
  createdAt: string;
  lastActivityAt: string;
};

export type ForumReply = { id: string; author: PostAuthor; bodyHtml: string; createdAt: string };

export type ThreadDetail = ThreadSummary & {
  bodyHtml: string;
  replies: ForumReply[];
  nextRepliesAfter: string | null;
  canReply: boolean;
  canModerate: boolean;
};
