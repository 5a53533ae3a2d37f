import {
  can,
  cohortClinicians,
  crisisLanguageAdded,
  decide,
  DomainError,
  isActiveEnrollment,
  programClinicians,
  DELETED_POST_TEXT,
  HIDDEN_POST_TEXT,
  type Action,
  type Actor,
  type BoardKind,
  type BoardSummary,
  type CreateThreadInput,
  type EditThreadInput,
  type ForumChange,
  type ForumReply,
  type ForumReportDto,
  type PostActions,
  type PostAuthor,
  type PostStatus,
  type ReportPostInput,
  type Resource,
  type ThreadDetail,
  type ThreadSummary,
} from "@bridgeway/domain";
import type { AlertService } from "../alerts/alert-service";
import type { AuditContext, AuditLog } from "../audit/audit-log";
import { chatName } from "../chat/chat-access";
import type { Clock } from "../clock";
import { conflict, forbidden, notFound } from "../http/errors";
import type { Logger } from "../logger";
import type { RealtimeServer, RealtimeSocket } from "../realtime/realtime";
import type { PeopleRepository } from "../people/people-repository";
import type { CohortRepository } from "../cohorts/cohort-repository";
import { excerpt, renderMarkdown } from "./markdown";
import type { FamilyRepository } from "../families/family-repository";
import type { ForumRepository, PostKey, StoredReply, StoredThread } from "./forum-repository";

type Context = AuditContext & { actor: Actor };

type Board = {
  kind: BoardKind;
  id: string;
  key: string;
  title: string;
  organizationId: string;
  canPost: boolean;
  canModerate: boolean;
  /** Clinicians told of crisis language on this board; they moderate it. */
  staffIds: string[];
  /** Everyone else who reads it: active participants, and consented family on a family board. */
  memberIds: string[];
};

/** The facts the permission policy decides boards and their posts on. */
const onBoard = (b: Pick<Board, "organizationId" | "kind" | "staffIds" | "memberIds">) => ({
  organizationId: b.organizationId,
  boardKind: b.kind,
  moderatorIds: b.staffIds,
  memberIds: b.memberIds,
});

const statusOf = (post: { deletedAt: Date | null; hiddenAt: Date | null }): PostStatus =>
  post.deletedAt ? "deleted" : post.hiddenAt ? "hidden" : "visible";

const boardKey = (kind: BoardKind, id: string) => `${kind}:${id}`;

/** The socket.io room of a board's followers; only people allowed to read it are put in it. */
export const forumChannel = (kind: BoardKind, id: string) => `forum:${boardKey(kind, id)}`;

/**
 * Forums: a board per cohort (its participants and facilitators) and an announcements board
 * per program (facilitators post; the program's participants read). Posts are markdown rendered
 * safely; crisis language raises an alert and the post still appears.
 */
export function createForumService(deps: {
  forums: ForumRepository;
  peopleRepo: PeopleRepository;
  cohortRepo: CohortRepository;
  alerts: AlertService;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  families: FamilyRepository;
  /** Where live changes go; without it (tests of the HTTP API alone) nothing is sent. */
  io?: RealtimeServer;
}) {
  const { forums, peopleRepo, cohortRepo, audit, clock, logger } = deps;

  /** Tells the board's followers what changed (ids only, never text). */
  function announce(b: Pick<Board, "kind" | "id">, change: Omit<ForumChange, "board">): void {
    deps.io?.to(forumChannel(b.kind, b.id)).emit("forum:changed", {
      board: { kind: b.kind, id: b.id },
      ...change,
    });
  }

  /** The facts of a board, or null when its cohort or program does not exist. */
  async function boardFacts(
    actor: Actor,
    kind: BoardKind,
    id: string,
  ): Promise<Omit<Board, "canPost" | "canModerate"> | null> {
    const base = { kind, id, key: boardKey(kind, id) };
    if (kind === "family" || kind === "cohort") {
      const cohort = await cohortRepo.cohort(id);
      if (!cohort) return null;
      const active = (await cohortRepo.enrollments({ cohortIds: [id] }))
        .filter(isActiveEnrollment)
        .map((e) => e.participant.id);
      const shared = { ...base, organizationId: cohort.organizationId };
      const staffIds = cohortClinicians(cohort);
      if (kind === "cohort")
        return { ...shared, title: `${cohort.name} board`, staffIds, memberIds: active };
      const family = (await deps.families.consentedFamily(active, "MULTI_FAMILY")).map(
        (c) => c.familyUserId,
      );
      return {
        ...shared,
        // Family homes never name the cohort (it can say what the participant is treated for).
        title: family.includes(actor.userId) ? "Family board" : `${cohort.name} family board`,
        staffIds,
        memberIds: [...active, ...family],
      };
    }
    const program = await cohortRepo.program(id);
    if (!program) return null;
    const name =
      (await cohortRepo.listPrograms(program.organizationId)).find((p) => p.id === id)?.name ??
      "Program";
    const cohorts = (await cohortRepo.cohorts({ organizationId: program.organizationId })).filter(
      (c) => c.program.id === id,
    );
    const memberIds =
      cohorts.length === 0
        ? []
        : [
            ...new Set(
              (await cohortRepo.enrollments({ cohortIds: cohorts.map((c) => c.id) }))
                .filter(isActiveEnrollment)
                .map((e) => e.participant.id),
            ),
          ];
    return {
      ...base,
      title: `${name} announcements`,
      organizationId: program.organizationId,
      staffIds: programClinicians(cohorts),
      memberIds,
    };
  }

  /**
   * A board as `actor` may use it, or null when they may not read it: the permission policy's
   * `forum-board` decision (read it; post on it; pin and lock its threads).
   */
  async function board(actor: Actor, kind: BoardKind, id: string): Promise<Board | null> {
    const facts = await boardFacts(actor, kind, id);
    if (!facts) return null;
    const resource: Resource = { type: "forum-board", ...onBoard(facts) };
    if (!can(actor, "read", resource)) return null;
    return {
      ...facts,
      canPost: can(actor, "create", resource),
      canModerate: can(actor, "update", resource),
    };
  }

  /**
   * The boards to list for someone: those of their open enrollments, of the cohorts they run, of
   * the cohorts of everyone who consented to share multi-family groups with them, and every
   * announcements board when the policy lets them read those of programs they have no part in
   * (the clinic's admins). Each is then decided as reading it would be.
   */
  async function boardsOf(actor: Actor): Promise<Board[]> {
    const refs: { kind: BoardKind; id: string }[] = [];
    const boardsOfCohort = (c: { id: string; program: { id: string } }) =>
      refs.push(
        { kind: "cohort", id: c.id },
        { kind: "family", id: c.id },
        { kind: "announcements", id: c.program.id },
      );
    const enrollments = (await cohortRepo.enrollments({ participantId: actor.userId })).filter(
      isActiveEnrollment,
    );
    const enrolledIn = await Promise.all(enrollments.map((e) => cohortRepo.cohort(e.cohortId)));
    for (const c of enrolledIn) if (c) boardsOfCohort(c);
    const run = await cohortRepo.cohorts({
      organizationId: actor.organizationId,
      facilitatorId: actor.userId,
    });
    for (const c of run) boardsOfCohort(c);
    const supported = (await deps.families.supportedBy(actor.userId)).filter((s) =>
      s.sessionKinds.includes("MULTI_FAMILY"),
    );
    for (const s of supported) {
      const theirs = await cohortRepo.enrollments({ participantId: s.participantId });
      for (const e of theirs.filter(isActiveEnrollment))
        refs.push({ kind: "family", id: e.cohortId });
    }
    const anyAnnouncements: Resource = {
      type: "forum-board",
      organizationId: actor.organizationId,
      boardKind: "announcements",
      moderatorIds: [],
      memberIds: [],
    };
    if (can(actor, "read", anyAnnouncements)) {
      for (const p of await cohortRepo.listPrograms(actor.organizationId))
        refs.push({ kind: "announcements", id: p.id });
    }
    const seen = new Set<string>();
    const boards: Board[] = [];
    for (const ref of refs) {
      const key = boardKey(ref.kind, ref.id);
      if (seen.has(key)) continue;
      seen.add(key);
      const found = await board(actor, ref.kind, ref.id);
      if (found) boards.push(found);
    }
    return boards;
  }

  async function requireBoard(context: Context, kind: BoardKind, id: string): Promise<Board> {
    const found = await board(context.actor, kind, id);
    if (!found) {
      await audit.denied(context, "read", { type: "forum-board", id: boardKey(kind, id) });
      throw notFound("board");
    }
    return found;
  }

  async function threadAndBoard(
    context: Context,
    threadId: string,
  ): Promise<{ thread: StoredThread; board: Board }> {
    const thread = await forums.thread(threadId);
    if (!thread || thread.organizationId !== context.actor.organizationId) throw notFound("thread");
    const [kind, id] = thread.boardKey.split(":") as [BoardKind, string];
    const found = await board(context.actor, kind, id);
    if (!found) {
      await audit.denied(context, "read", { type: "forum-thread", id: threadId });
      throw notFound("thread");
    }
    // A thread its author deleted has left the board; only its moderators still find it.
    if (thread.deletedAt && !found.canModerate) throw notFound("thread");
    return { thread, board: found };
  }

  /** A reply and its thread, as the thread is found; replies of other threads are not found. */
  async function replyAndBoard(context: Context, replyId: string) {
    const reply = await forums.reply(replyId);
    if (!reply) throw notFound("reply");
    const found = await threadAndBoard(context, reply.threadId).catch((error: unknown) => {
      throw error instanceof DomainError && error.code === "not_found" ? notFound("reply") : error;
    });
    return { reply, ...found };
  }

  /** The policy's decision on a post, refused as the HTTP answer it stands for. */
  function allowed(
    context: Context,
    action: Action,
    resource: Resource,
    refusal: { what: string; forbidden: string },
  ): void {
    const decision = decide(context.actor, action, resource);
    if (decision === "not-found") throw notFound(refusal.what);
    if (decision === "forbidden") throw forbidden(refusal.forbidden);
  }

  /**
   * What this reader may do to a post (`reported`: the posts they reported) and, for its author
   * while they may edit it, their markdown.
   */
  function actionsOn(
    actor: Actor,
    b: Board,
    post: { authorId: string; body: string; deletedAt: Date | null; hiddenAt: Date | null },
    key: PostKey,
    locked: boolean,
    reported: Set<string>,
  ): PostActions {
    const facts = { ...onBoard(b), authorId: post.authorId };
    const status = statusOf(post);
    const canEdit =
      status === "visible" &&
      (!locked || b.canModerate) &&
      decide(actor, "update", { type: "forum-post", ...facts }) === "allow";
    const reportedByMe = reported.has(key);
    return {
      source: canEdit ? post.body : null,
      canEdit,
      canDelete:
        status !== "deleted" &&
        decide(actor, "delete", { type: "forum-post", ...facts }) === "allow",
      canReport:
        status === "visible" &&
        !reportedByMe &&
        decide(actor, "create", { type: "forum-report", ...facts }) === "allow",
      reportedByMe,
    };
  }

  /**
   * A post's words for this reader: none once deleted or hidden, but to the board's moderators,
   * who still read them (marked): they are the clinicians a crisis alert about the post sends
   * there.
   */
  function shownHtml(
    b: Board,
    post: { body: string; deletedAt: Date | null; hiddenAt: Date | null },
  ) {
    return statusOf(post) !== "visible" && !b.canModerate ? "" : renderMarkdown(post.body);
  }

  const author = (a: {
    authorId: string;
    authorName: string;
    authorIsStaff: boolean;
  }): PostAuthor => ({
    userId: a.authorId,
    displayName: a.authorName,
    staff: a.authorIsStaff,
  });

  function summary(
    thread: StoredThread,
    b: Pick<Board, "kind" | "id" | "title" | "canModerate">,
  ): ThreadSummary {
    const status = statusOf(thread);
    const concealed = status === "hidden" && !b.canModerate;
    return {
      id: thread.id,
      board: { kind: b.kind, id: b.id, title: b.title },
      title: concealed ? HIDDEN_POST_TEXT : thread.title,
      author: author(thread),
      excerpt: concealed ? "" : status === "deleted" ? DELETED_POST_TEXT : excerpt(thread.body),
      status,
      replyCount: thread._count.replies,
      pinned: thread.pinnedAt !== null,
      locked: thread.lockedAt !== null,
      createdAt: thread.createdAt.toISOString(),
      editedAt: thread.editedAt?.toISOString() ?? null,
      lastActivityAt: thread.lastActivityAt.toISOString(),
    };
  }

  const replyDto = (
    actor: Actor,
    b: Board,
    thread: StoredThread,
    r: StoredReply,
    reported: Set<string>,
  ): ForumReply => ({
    id: r.id,
    author: author(r),
    bodyHtml: shownHtml(b, r),
    status: statusOf(r),
    createdAt: r.createdAt.toISOString(),
    editedAt: r.editedAt?.toISOString() ?? null,
    ...actionsOn(actor, b, r, `reply:${r.id}`, thread.lockedAt !== null, reported),
  });

  /** Words a moderator hid or an author deleted are not changed any more. */
  function refuseChangeOf(post: { deletedAt: Date | null; hiddenAt: Date | null }): void {
    if (post.deletedAt) throw conflict("This post was deleted; it can no longer be changed.");
    if (post.hiddenAt)
      throw conflict("A moderator hid this post; it can no longer be changed. Ask them about it.");
  }

  async function poster(actor: Actor) {
    const person = await peopleRepo.person(actor.userId);
    if (!person) throw notFound("board");
    const staff = actor.role === "FACILITATOR" || actor.role === "ADMIN";
    return {
      authorId: actor.userId,
      authorName: chatName(person, person.displayName),
      authorIsStaff: staff,
    };
  }

  /**
   * Raises an alert for crisis language a participant wrote: in a new post, or added by an edit
   * (`previous` is the text before it; an edit that only touches up crisis language already
   * raised does not raise it again). The post is never held back.
   */
  async function checkCrisis(
    actor: Actor,
    b: Board,
    text: string,
    threadId: string,
    itemId: string,
    previous = "",
  ): Promise<void> {
    if (actor.role !== "PARTICIPANT") return;
    const categories = crisisLanguageAdded(previous, text);
    if (categories.length === 0) return;
    await deps.alerts
      .raise({
        organizationId: b.organizationId,
        participantId: actor.userId,
        source: "forum",
        categories,
        sourceRef: threadId,
        sourceLabel: b.title,
        sourceItemId: itemId,
        alsoTell: b.staffIds,
      })
      .catch((error: unknown) =>
        logger.error({ err: error instanceof Error ? error.name : "error" }, "crisis alert failed"),
      );
  }

  return {
    /**
     * Puts a socket in a board's room for live changes, deciding access exactly as reading the
     * board does; without access the board is "not found", as over HTTP.
     */
    async follow(socket: RealtimeSocket, actor: Actor, kind: BoardKind, id: string) {
      const found = await board(actor, kind, id);
      if (!found) return false;
      await socket.join(forumChannel(kind, id));
      return true;
    },

    /** Takes a socket out of the board rooms its person may no longer read. */
    async revalidate(socket: RealtimeSocket, actor: Actor): Promise<void> {
      for (const room of socket.rooms) {
        if (!room.startsWith("forum:")) continue;
        const [, kind, id] = room.split(":") as [string, BoardKind, string];
        if (!(await board(actor, kind, id))) await socket.leave(room);
      }
    },

    async boards(context: Context): Promise<BoardSummary[]> {
      const boards = await boardsOf(context.actor);
      const counts = await forums.threadCounts(boards.map((b) => b.key));
      return boards.map((b) => ({
        kind: b.kind,
        id: b.id,
        title: b.title,
        canPost: b.canPost,
        canModerate: b.canModerate,
        threadCount: counts.get(b.key) ?? 0,
      }));
    },

    async threads(
      context: Context,
      kind: BoardKind,
      id: string,
      options: { limit: number; after?: string; search?: string },
    ) {
      const b = await requireBoard(context, kind, id);
      const after = options.after ? await forums.thread(options.after) : undefined;
      if (options.after && (!after || after.boardKey !== b.key)) throw notFound("thread");
      const page = await forums.threads([b.key], {
        limit: options.limit,
        ...(after ? { after } : {}),
        ...(options.search ? { search: options.search } : {}),
        withDeleted: b.canModerate,
      });
      await audit.record(context, "read", { type: "forum-board", id: b.key }, "success");
      return {
        board: { kind: b.kind, id: b.id, title: b.title, canPost: b.canPost },
        threads: page.threads.map((t) => summary(t, b)),
        nextAfter: page.nextAfter,
      };
    },

    async search(context: Context, query: string): Promise<ThreadSummary[]> {
      const boards = await boardsOf(context.actor);
      if (boards.length === 0) return [];
      const page = await forums.threads(
        boards.map((b) => b.key),
        { limit: 50, search: query },
      );
      await audit.record(context, "read", { type: "forum-search" }, "success");
      const byKey = new Map(boards.map((b) => [b.key, b]));
      return page.threads.flatMap((t) => {
        const b = byKey.get(t.boardKey);
        return b ? [summary(t, b)] : [];
      });
    },

    async createThread(
      context: Context,
      kind: BoardKind,
      id: string,
      input: CreateThreadInput,
    ): Promise<ThreadSummary> {
      const b = await requireBoard(context, kind, id);
      if (!b.canPost) throw forbidden("Only facilitators post announcements.");
      const thread = await forums.createThread({
        organizationId: b.organizationId,
        boardKey: b.key,
        ...(await poster(context.actor)),
        title: input.title,
        body: input.body,
        at: clock.now(),
      });
      await audit.record(context, "create", { type: "forum-thread", id: thread.id }, "success");
      await checkCrisis(context.actor, b, `${input.title}\n${input.body}`, thread.id, thread.id);
      announce(b, { threadId: thread.id, change: "thread-created" });
      return summary(thread, b);
    },

    async thread(
      context: Context,
      threadId: string,
      options: { limit: number; after?: string },
    ): Promise<ThreadDetail> {
      const { thread, board: b } = await threadAndBoard(context, threadId);
      const after = options.after ? await forums.reply(options.after) : undefined;
      if (options.after && (!after || after.threadId !== threadId)) throw notFound("reply");
      const replies = await forums.replies(threadId, options.limit, after ?? undefined);
      const reported = await forums.reportedBy(context.actor.userId, [
        `thread:${threadId}`,
        ...replies.map((r) => `reply:${r.id}` as const),
      ]);
      await audit.record(context, "read", { type: "forum-thread", id: threadId }, "success");
      const last = replies.at(-1);
      const { actor } = context;
      return {
        ...summary(thread, b),
        ...actionsOn(actor, b, thread, `thread:${threadId}`, thread.lockedAt !== null, reported),
        bodyHtml: shownHtml(b, thread),
        replies: replies.map((r) => replyDto(actor, b, thread, r, reported)),
        nextRepliesAfter: replies.length === options.limit && last ? last.id : null,
        canReply: (thread.lockedAt === null && b.canPost) || b.canModerate,
        canModerate: b.canModerate,
      };
    },

    async reply(context: Context, threadId: string, body: string): Promise<ForumReply> {
      const { thread, board: b } = await threadAndBoard(context, threadId);
      if (thread.lockedAt && !b.canModerate)
        throw conflict("This thread is locked; it takes no more replies.");
      if (!b.canPost && !b.canModerate) throw forbidden("Only facilitators post here.");
      const reply = await forums.createReply({
        threadId,
        ...(await poster(context.actor)),
        body,
        at: clock.now(),
      });
      await audit.record(context, "create", { type: "forum-reply", id: reply.id }, "success");
      await checkCrisis(context.actor, b, body, threadId, reply.id);
      announce(b, { threadId, replyId: reply.id, change: "reply-created" });
      return replyDto(context.actor, b, thread, reply, new Set());
    },

    /** The author changes their thread's title or body; crisis language in either is checked. */
    async editThread(
      context: Context,
      threadId: string,
      input: EditThreadInput,
    ): Promise<ThreadSummary> {
      const { thread, board: b } = await threadAndBoard(context, threadId);
      allowed(
        context,
        "update",
        { type: "forum-post", ...onBoard(b), authorId: thread.authorId },
        { what: "thread", forbidden: "Only its author can change a post." },
      );
      if (!b.canPost && !b.canModerate) throw forbidden("Only facilitators post here.");
      refuseChangeOf(thread);
      if (thread.lockedAt && !b.canModerate)
        throw conflict("This thread is locked; its posts can no longer be changed.");
      const updated = await forums.updateThread(threadId, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        editedAt: clock.now(),
      });
      await audit.record(context, "update", { type: "forum-thread", id: threadId }, "success");
      await checkCrisis(
        context.actor,
        b,
        `${updated.title}\n${updated.body}`,
        threadId,
        threadId,
        `${thread.title}\n${thread.body}`,
      );
      announce(b, { threadId, change: "thread-updated" });
      return summary(updated, b);
    },

    /** The author changes their reply; crisis language in it is checked. */
    async editReply(context: Context, replyId: string, body: string): Promise<ForumReply> {
      const { reply, thread, board: b } = await replyAndBoard(context, replyId);
      allowed(
        context,
        "update",
        { type: "forum-post", ...onBoard(b), authorId: reply.authorId },
        { what: "reply", forbidden: "Only its author can change a post." },
      );
      if (!b.canPost && !b.canModerate) throw forbidden("Only facilitators post here.");
      refuseChangeOf(reply);
      if (thread.lockedAt && !b.canModerate)
        throw conflict("This thread is locked; its posts can no longer be changed.");
      const updated = await forums.updateReply(replyId, { body, editedAt: clock.now() });
      await audit.record(context, "update", { type: "forum-reply", id: replyId }, "success");
      await checkCrisis(context.actor, b, body, thread.id, replyId, reply.body);
      announce(b, { threadId: thread.id, replyId, change: "reply-updated" });
      const reported = await forums.reportedBy(context.actor.userId, [`reply:${replyId}`]);
      return replyDto(context.actor, b, thread, updated, reported);
    },

    /**
     * The author deletes their thread: it leaves the board (its moderators still see it, marked
     * deleted). Kept, not erased: a crisis alert raised by it still leads somewhere.
     */
    async deleteThread(context: Context, threadId: string): Promise<ThreadSummary> {
      const { thread, board: b } = await threadAndBoard(context, threadId);
      allowed(
        context,
        "delete",
        { type: "forum-post", ...onBoard(b), authorId: thread.authorId },
        { what: "thread", forbidden: "Only its author can delete a post." },
      );
      if (thread.deletedAt) throw conflict("This thread was already deleted.");
      const deleted = await audit.change(
        context,
        "delete",
        "forum-thread",
        (tx) => forums.deleteThread(threadId, clock.now(), tx),
        (t) => t.id,
      );
      announce(b, { threadId, change: "thread-deleted" });
      return summary(deleted, b);
    },

    /** The author deletes their reply: it stays in the thread as "This post was deleted". */
    async deleteReply(context: Context, replyId: string): Promise<ForumReply> {
      const { reply, thread, board: b } = await replyAndBoard(context, replyId);
      allowed(
        context,
        "delete",
        { type: "forum-post", ...onBoard(b), authorId: reply.authorId },
        { what: "reply", forbidden: "Only its author can delete a post." },
      );
      if (reply.deletedAt) throw conflict("This reply was already deleted.");
      const deleted = await audit.change(
        context,
        "delete",
        "forum-reply",
        (tx) => forums.deleteReply(replyId, clock.now(), tx),
        (r) => r.id,
      );
      announce(b, { threadId: thread.id, replyId, change: "reply-deleted" });
      return replyDto(context.actor, b, thread, deleted, new Set());
    },

    /**
     * Reports a post to the board's moderators, once per person. A reason in crisis language
     * alerts the clinicians as a post would: reporting is no way around the crisis check.
     */
    async report(
      context: Context,
      target: { threadId: string } | { replyId: string },
      input: ReportPostInput,
    ): Promise<{ id: string; createdAt: string }> {
      const found =
        "replyId" in target
          ? await replyAndBoard(context, target.replyId)
          : { ...(await threadAndBoard(context, target.threadId)), reply: null };
      const { thread, reply, board: b } = found;
      const post = reply ?? thread;
      allowed(
        context,
        "create",
        { type: "forum-report", ...onBoard(b), authorId: post.authorId },
        {
          what: reply ? "reply" : "thread",
          forbidden: "You wrote this post: edit or delete it instead.",
        },
      );
      if (statusOf(post) !== "visible")
        throw conflict(
          post.deletedAt ? "This post was deleted." : "A moderator has already hidden this post.",
        );
      const postKey: PostKey = reply ? `reply:${reply.id}` : `thread:${thread.id}`;
      const me = await poster(context.actor);
      const report = await audit.change(
        context,
        "create",
        "forum-report",
        (tx) =>
          forums.createReport(
            {
              organizationId: b.organizationId,
              boardKey: b.key,
              threadId: thread.id,
              replyId: reply?.id ?? null,
              postKey,
              reporterId: context.actor.userId,
              reporterName: me.authorName,
              reason: input.reason ?? null,
              at: clock.now(),
            },
            tx,
          ),
        (r) => r?.id,
      );
      if (!report)
        throw conflict("You have already reported this post; the moderators have your report.");
      if (input.reason) await checkCrisis(context.actor, b, input.reason, thread.id, report.id);
      return { id: report.id, createdAt: report.createdAt.toISOString() };
    },

    /** A moderator hides a post from the board's members (or shows it again); audited, live. */
    async setHidden(
      context: Context,
      target: { threadId: string } | { replyId: string },
      hidden: boolean,
    ): Promise<{ status: PostStatus }> {
      const found =
        "replyId" in target
          ? await replyAndBoard(context, target.replyId)
          : { ...(await threadAndBoard(context, target.threadId)), reply: null };
      const { thread, reply, board: b } = found;
      const post = reply ?? thread;
      // The post is readable here, so a member refused moderation is told so, not "not found".
      if (decide(context.actor, "update", { type: "forum-moderation", ...onBoard(b) }) !== "allow")
        throw forbidden("Only the board's moderators hide posts.");
      if (post.deletedAt) throw conflict("This post was deleted by its author.");
      const postKey: PostKey = reply ? `reply:${reply.id}` : `thread:${thread.id}`;
      const now = clock.now();
      await audit.change(
        context,
        "update",
        hidden ? "forum-post-hidden" : "forum-post-shown",
        async (tx) => {
          await forums.setHidden(
            postKey,
            hidden ? { at: now, by: context.actor.userId } : null,
            now,
            tx,
          );
          return postKey;
        },
        (key) => key,
      );
      announce(b, {
        threadId: thread.id,
        ...(reply ? { replyId: reply.id } : {}),
        change: hidden ? "post-hidden" : "post-unhidden",
      });
      return { status: hidden ? "hidden" : "visible" };
    },

    /** The open reports of the boards this person moderates; nobody else has such a list. */
    async reports(context: Context): Promise<ForumReportDto[]> {
      const moderated = (await boardsOf(context.actor)).filter(
        (b) =>
          decide(context.actor, "read", { type: "forum-moderation", ...onBoard(b) }) === "allow",
      );
      if (moderated.length === 0) throw notFound("reports");
      const byKey = new Map(moderated.map((b) => [b.key, b]));
      const reports = await forums.openReports([...byKey.keys()]);
      await audit.record(context, "read", { type: "forum-reports" }, "success");
      const dtos: ForumReportDto[] = [];
      for (const r of reports) {
        const b = byKey.get(r.boardKey);
        const thread = await forums.thread(r.threadId);
        const reply = r.replyId ? await forums.reply(r.replyId) : null;
        const post = reply ?? thread;
        if (!b || !thread || !post) continue;
        dtos.push({
          id: r.id,
          board: { kind: b.kind, id: b.id, title: b.title },
          post: {
            threadId: thread.id,
            threadTitle: thread.title,
            replyId: reply?.id ?? null,
            author: author(post),
            bodyHtml: shownHtml(b, post),
            status: statusOf(post),
          },
          reporter: { userId: r.reporterId, displayName: r.reporterName },
          reason: r.reason,
          createdAt: r.createdAt.toISOString(),
        });
      }
      return dtos;
    },

    /** A moderator dismisses a report: the post stays as it is. */
    async dismissReport(context: Context, reportId: string): Promise<void> {
      const report = await forums.report(reportId);
      if (!report || report.organizationId !== context.actor.organizationId)
        throw notFound("report");
      const [kind, id] = report.boardKey.split(":") as [BoardKind, string];
      const b = await board(context.actor, kind, id);
      const thread = b ? await forums.thread(report.threadId) : null;
      const resource: Resource | null =
        b && thread ? { type: "forum-report", ...onBoard(b), authorId: thread.authorId } : null;
      // A member who made the report reads it, but it is not theirs to dismiss.
      if (!resource || decide(context.actor, "update", resource) !== "allow") {
        await audit.denied(context, "update", { type: "forum-report", id: reportId });
        throw notFound("report");
      }
      if (report.resolvedAt) throw conflict("This report was already dealt with.");
      await audit.change(
        context,
        "update",
        "forum-report",
        (tx) => forums.dismissReport(reportId, context.actor.userId, clock.now(), tx),
        () => reportId,
      );
    },

    async setPinned(context: Context, threadId: string, pinned: boolean): Promise<ThreadSummary> {
      const { thread, board: b } = await threadAndBoard(context, threadId);
      if (!b.canModerate) throw forbidden("Only facilitators pin threads.");
      await forums.setPinned(threadId, pinned ? clock.now() : null);
      await audit.record(context, "update", { type: "forum-thread", id: threadId }, "success");
      announce(b, { threadId, change: "thread-updated" });
      return summary({ ...thread, pinnedAt: pinned ? clock.now() : null }, b);
    },

    async setLocked(context: Context, threadId: string, locked: boolean): Promise<ThreadSummary> {
      const { thread, board: b } = await threadAndBoard(context, threadId);
      if (!b.canModerate) throw forbidden("Only facilitators lock threads.");
      await forums.setLocked(threadId, locked ? clock.now() : null);
      await audit.record(context, "update", { type: "forum-thread", id: threadId }, "success");
      announce(b, { threadId, change: "thread-updated" });
      return summary({ ...thread, lockedAt: locked ? clock.now() : null }, b);
    },
  };
}

export type ForumService = ReturnType<typeof createForumService>;
