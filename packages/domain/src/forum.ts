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

/** What the `forum:changed` socket event says changed; never the post's text. */
export type ForumChange = {
  board: { kind: BoardKind; id: string };
  threadId: string;
  replyId?: string;
  change:
    | "thread-created"
    | "thread-updated"
    | "thread-deleted"
    | "reply-created"
    | "reply-updated"
    | "reply-deleted"
    /** A moderator hid or unhid the thread's opening post or (with `replyId`) a reply. */
    | "post-hidden"
    | "post-unhidden";
};

/**
 * A post as the reader sees it: shown; deleted by its author (a reply reads "This post was
 * deleted", a thread leaves the board); or hidden by a moderator ("Hidden by a moderator";
 * moderators still read it, marked hidden).
 */
export const POST_STATUSES = ["visible", "hidden", "deleted"] as const;
export type PostStatus = (typeof POST_STATUSES)[number];
export const HIDDEN_POST_TEXT = "Hidden by a moderator";
export const DELETED_POST_TEXT = "This post was deleted";

export const MAX_THREAD_TITLE = 200;
export const MAX_POST_LENGTH = 20_000;
export const FORUM_PAGE_SIZE = 20;

const PostBody = z
  .string({ error: "Write something." })
  .trim()
  .min(1, { error: "Write something." })
  .max(MAX_POST_LENGTH, { error: `Keep posts under ${MAX_POST_LENGTH} characters.` });

const ThreadTitle = z
  .string({ error: "Give the thread a title." })
  .trim()
  .min(1, { error: "Give the thread a title." })
  .max(MAX_THREAD_TITLE, { error: `Keep titles under ${MAX_THREAD_TITLE} characters.` });

export const CreateThreadSchema = z.strictObject({ title: ThreadTitle, body: PostBody });
export type CreateThreadInput = z.infer<typeof CreateThreadSchema>;

/** An author changes their thread's title, body or both. */
export const EditThreadSchema = z
  .strictObject({ title: ThreadTitle.optional(), body: PostBody.optional() })
  .refine((input) => input.title !== undefined || input.body !== undefined, {
    error: "Change the title or the body.",
    path: ["body"],
  });
export type EditThreadInput = z.infer<typeof EditThreadSchema>;

export const CreateReplySchema = z.strictObject({ body: PostBody });
/** An author changes their reply. */
export const EditReplySchema = CreateReplySchema;
export const PinThreadSchema = z.strictObject({
  pinned: z.boolean({ error: "pinned must be true or false." }),
});
export const LockThreadSchema = z.strictObject({
  locked: z.boolean({ error: "locked must be true or false." }),
});

export const MAX_REPORT_REASON = 500;
/** Someone reports a post to the board's moderators, optionally saying why. */
export const ReportPostSchema = z.strictObject({
  reason: z
    .string({ error: "The reason must be text." })
    .trim()
    .max(MAX_REPORT_REASON, { error: `Keep the reason under ${MAX_REPORT_REASON} characters.` })
    .optional()
    .transform((reason) => (reason === "" ? undefined : reason)),
});
export type ReportPostInput = z.infer<typeof ReportPostSchema>;
/** A moderator hides a post from the board's members, or shows it again. */
export const HidePostSchema = z.strictObject({
  hidden: z.boolean({ error: "hidden must be true or false." }),
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

const BoardKindSchema = z.enum(BOARD_KINDS);
const PostStatusSchema = z.enum(POST_STATUSES);
const BoardRefSchema = z.object({ kind: BoardKindSchema, id: z.string(), title: z.string() });

// Response schemas. The defaults read answers that leave a field out as the server means it.

export const BoardSummarySchema = z.object({
  kind: BoardKindSchema,
  id: z.string(),
  title: z.string(),
  canPost: z.boolean(),
  /** Whether this person moderates the board (sees its reports, hides posts). */
  canModerate: z.boolean().default(false),
  threadCount: z.number(),
});
export type BoardSummary = z.infer<typeof BoardSummarySchema>;

/** `GET /api/forums/boards`. */
export const BoardListSchema = z.object({ boards: z.array(BoardSummarySchema) });

export const PostAuthorSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  staff: z.boolean(),
});
export type PostAuthor = z.infer<typeof PostAuthorSchema>;

const threadSummaryShape = {
  id: z.string(),
  board: BoardRefSchema,
  title: z.string(),
  author: PostAuthorSchema,
  excerpt: z.string(),
  replyCount: z.number(),
  pinned: z.boolean(),
  locked: z.boolean(),
  createdAt: z.string(),
  /** When the author last edited it (shown as "edited"); null if never. */
  editedAt: z.string().nullable().default(null),
  /** Hidden: its title reads "Hidden by a moderator" to all but moderators. */
  status: PostStatusSchema.default("visible"),
  lastActivityAt: z.string(),
};
export const ThreadSummarySchema = z.object(threadSummaryShape);
export type ThreadSummary = z.infer<typeof ThreadSummarySchema>;

/** What the reader may do to a post, and the author's own words to edit. */
const postActionsShape = {
  /** The author's markdown, only for the author while they may edit it. */
  source: z.string().nullable().default(null),
  canEdit: z.boolean().default(false),
  canDelete: z.boolean().default(false),
  canReport: z.boolean().default(false),
  /** This person already reported the post. */
  reportedByMe: z.boolean().default(false),
};
export const PostActionsSchema = z.object(postActionsShape);
export type PostActions = z.infer<typeof PostActionsSchema>;

export const ForumReplySchema = z.object({
  id: z.string(),
  author: PostAuthorSchema,
  /**
   * Sanitised on the server (markdown-it, raw HTML off, safe links only). Empty when deleted, and
   * when hidden for all but moderators.
   */
  bodyHtml: z.string(),
  status: PostStatusSchema.default("visible"),
  createdAt: z.string(),
  /** When the author last edited it (shown as "edited"); null if never. */
  editedAt: z.string().nullable().default(null),
  ...postActionsShape,
});
export type ForumReply = z.infer<typeof ForumReplySchema>;

export const ThreadDetailSchema = z.object({
  ...threadSummaryShape,
  ...postActionsShape,
  bodyHtml: z.string(),
  replies: z.array(ForumReplySchema),
  nextRepliesAfter: z.string().nullable(),
  canReply: z.boolean(),
  canModerate: z.boolean(),
});
export type ThreadDetail = z.infer<typeof ThreadDetailSchema>;

/** One page of a board's threads, pinned first (`GET /api/forums/boards/:kind/:id/threads`). */
export const BoardThreadPageSchema = z.object({
  board: z.object({
    kind: BoardKindSchema,
    id: z.string(),
    title: z.string(),
    canPost: z.boolean(),
  }),
  threads: z.array(ThreadSummarySchema),
  nextAfter: z.string().nullable(),
});
export type BoardThreadPage = z.infer<typeof BoardThreadPageSchema>;

/** `GET /api/forums/search`. */
export const ThreadSearchResultsSchema = z.object({ threads: z.array(ThreadSummarySchema) });

/** An open report of a post, as the board's moderators see it. */
export const ForumReportSchema = z.object({
  id: z.string(),
  board: BoardRefSchema,
  post: z.object({
    threadId: z.string(),
    threadTitle: z.string(),
    /** null when the thread's opening post is reported. */
    replyId: z.string().nullable(),
    author: PostAuthorSchema,
    bodyHtml: z.string(),
    status: PostStatusSchema,
  }),
  reporter: z.object({ userId: z.string(), displayName: z.string() }),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type ForumReportDto = z.infer<typeof ForumReportSchema>;

/** `GET /api/forums/reports`. */
export const ForumReportListSchema = z.object({ reports: z.array(ForumReportSchema) });

/** Answer of reporting a post. */
export const PostReportedSchema = z.object({ id: z.string(), createdAt: z.string() });
export type PostReported = z.infer<typeof PostReportedSchema>;

/** Answer of hiding or unhiding a post: where it stands now. */
export const PostHiddenSchema = z.object({ status: PostStatusSchema });
