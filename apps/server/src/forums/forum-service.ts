import {
  detectCrisisLanguage,
  type Actor,
  type BoardKind,
  type BoardSummary,
  type CreateThreadInput,
  type ForumReply,
  type PostAuthor,
  type ThreadDetail,
  type ThreadSummary,
} from "@bridgeway/domain";
import type { AlertService } from "../alerts/alert-service";
import type { AuditContext, AuditLog } from "../audit/audit-log";
import { chatName } from "../chat/chat-access";
import type { Clock } from "../clock";
import { conflict, forbidden, notFound } from "../http/errors";
import type { Logger } from "../logger";
import type { ScheduleRepository } from "../schedules/schedule-repository";
import { excerpt, renderMarkdown } from "./markdown";
import type { FamilyRepository } from "../families/family-repository";
import type { ForumRepository, StoredReply, StoredThread } from "./forum-repository";

type Context = AuditContext & { actor: Actor };

type Board = {
  kind: BoardKind;
  id: string;
  key: string;
  title: string;
  organizationId: string;
  canPost: boolean;
  canModerate: boolean;
  /** Clinicians told of crisis language on this board. */
  staffIds: string[];
};

const boardKey = (kind: BoardKind, id: string) => `${kind}:${id}`;

/**
 * Forums: a board per cohort (its participants and facilitators) and an announcements board
 * per program (facilitators post; the program's participants read). Posts are markdown rendered
 * safely; crisis language raises an alert and the post still appears.
 */
export function createForumService(deps: {
  forums: ForumRepository;
  schedules: ScheduleRepository;
  alerts: AlertService;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  families: FamilyRepository;
}) {
  const { forums, schedules, audit, clock, logger } = deps;

  async function board(actor: Actor, kind: BoardKind, id: string): Promise<Board | null> {
    if (kind === "family") {
      const cohort = await schedules.cohort(id);
      if (!cohort || cohort.organizationId !== actor.organizationId) return null;
      const staffIds = [cohort.leadId, ...cohort.coIds].filter((x): x is string => x !== null);
      const base = {
        kind,
        id,
        key: boardKey(kind, id),
        title: `${cohort.name} family board`,
        organizationId: cohort.organizationId,
        staffIds,
      };
      if (actor.role === "FACILITATOR" && staffIds.includes(actor.userId))
        return { ...base, canPost: true, canModerate: true };
      const active = (await schedules.enrollments({ cohortIds: [id] }))
        .filter((e) => e.status === "ACTIVE")
        .map((e) => e.participant.id);
      if (actor.role === "PARTICIPANT" && active.includes(actor.userId))
        return { ...base, canPost: true, canModerate: false };
      if (actor.role === "FAMILY") {
        const consented = await deps.families.consentedFamily(active, "MULTI_FAMILY");
        if (consented.some((c) => c.familyUserId === actor.userId))
          return { ...base, canPost: true, canModerate: false };
      }
      return null;
    }
    if (kind === "cohort") {
      const cohort = await schedules.cohort(id);
      if (!cohort || cohort.organizationId !== actor.organizationId) return null;
      const staffIds = [cohort.leadId, ...cohort.coIds].filter((x): x is string => x !== null);
      const base = {
        kind,
        id,
        key: boardKey(kind, id),
        title: `${cohort.name} board`,
        organizationId: cohort.organizationId,
        staffIds,
      };
      if (actor.role === "FACILITATOR" && staffIds.includes(actor.userId))
        return { ...base, canPost: true, canModerate: true };
      if (actor.role === "PARTICIPANT") {
        const enrollments = await schedules.enrollments({
          cohortIds: [id],
          participantId: actor.userId,
        });
        if (enrollments.some((e) => e.status === "ACTIVE"))
          return { ...base, canPost: true, canModerate: false };
      }
      return null;
    }
    const program = await schedules.program(id);
    if (!program || program.organizationId !== actor.organizationId) return null;
    const name =
      (await schedules.listPrograms(actor.organizationId)).find((p) => p.id === id)?.name ??
      "Program";
    const cohorts = (await schedules.cohorts({ organizationId: actor.organizationId })).filter(
      (c) => c.program.id === id,
    );
    const staffIds = [
      ...new Set(
        cohorts.flatMap((c) => [c.leadId, ...c.coIds]).filter((x): x is string => x !== null),
      ),
    ];
    const base = {
      kind,
      id,
      key: boardKey(kind, id),
      title: `${name} announcements`,
      organizationId: program.organizationId,
      staffIds,
    };
    if (
      actor.role === "ADMIN" ||
      (actor.role === "FACILITATOR" && staffIds.includes(actor.userId))
    ) {
      return { ...base, canPost: true, canModerate: true };
    }
    if (actor.role === "PARTICIPANT") {
      const enrollments = await schedules.enrollments({ participantId: actor.userId });
      if (
        enrollments.some((e) => e.status === "ACTIVE" && cohorts.some((c) => c.id === e.cohortId))
      ) {
        return { ...base, canPost: false, canModerate: false };
      }
    }
    return null;
  }

  async function boardsOf(actor: Actor): Promise<Board[]> {
    const refs: { kind: BoardKind; id: string }[] = [];
    if (actor.role === "PARTICIPANT") {
      const enrollments = (await schedules.enrollments({ participantId: actor.userId })).filter(
        (e) => e.status === "ACTIVE",
      );
      const cohorts = await Promise.all(enrollments.map((e) => schedules.cohort(e.cohortId)));
      for (const c of cohorts)
        if (c)
          refs.push(
            { kind: "cohort", id: c.id },
            { kind: "family", id: c.id },
            { kind: "announcements", id: c.program.id },
          );
    } else if (actor.role === "FACILITATOR") {
      const cohorts = await schedules.cohorts({
        organizationId: actor.organizationId,
        facilitatorId: actor.userId,
      });
      for (const c of cohorts)
        refs.push(
          { kind: "cohort", id: c.id },
          { kind: "family", id: c.id },
          { kind: "announcements", id: c.program.id },
        );
    } else if (actor.role === "FAMILY") {
      // The family boards of the cohorts of everyone who consented to multi-family sharing.
      const supported = (await deps.families.supportedBy(actor.userId)).filter((s) =>
        s.sessionKinds.includes("MULTI_FAMILY"),
      );
      for (const s of supported) {
        const enrollments = await schedules.enrollments({ participantId: s.participantId });
        for (const e of enrollments)
          if (e.status === "ACTIVE") refs.push({ kind: "family", id: e.cohortId });
      }
    } else {
      for (const p of await schedules.listPrograms(actor.organizationId))
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
    return { thread, board: found };
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

  function summary(thread: StoredThread, b: Pick<Board, "kind" | "id" | "title">): ThreadSummary {
    return {
      id: thread.id,
      board: { kind: b.kind, id: b.id, title: b.title },
      title: thread.title,
      author: author(thread),
      excerpt: excerpt(thread.body),
      replyCount: thread._count.replies,
      pinned: thread.pinnedAt !== null,
      locked: thread.lockedAt !== null,
      createdAt: thread.createdAt.toISOString(),
      lastActivityAt: thread.lastActivityAt.toISOString(),
    };
  }

  const replyDto = (r: StoredReply): ForumReply => ({
    id: r.id,
    author: author(r),
    bodyHtml: renderMarkdown(r.body),
    createdAt: r.createdAt.toISOString(),
  });

  async function poster(actor: Actor) {
    const person = await schedules.person(actor.userId);
    if (!person) throw notFound("board");
    const staff = actor.role === "FACILITATOR" || actor.role === "ADMIN";
    return {
      authorId: actor.userId,
      authorName: chatName(person, person.displayName),
      authorIsStaff: staff,
    };
  }

  async function checkCrisis(
    actor: Actor,
    b: Board,
    text: string,
    threadId: string,
    itemId: string,
  ): Promise<void> {
    if (actor.role !== "PARTICIPANT") return;
    const categories = detectCrisisLanguage(text);
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
    async boards(context: Context): Promise<BoardSummary[]> {
      const boards = await boardsOf(context.actor);
      const counts = await forums.threadCounts(boards.map((b) => b.key));
      return boards.map((b) => ({
        kind: b.kind,
        id: b.id,
        title: b.title,
        canPost: b.canPost,
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
      await audit.record(context, "read", { type: "forum-thread", id: threadId }, "success");
      const last = replies.at(-1);
      return {
        ...summary(thread, b),
        bodyHtml: renderMarkdown(thread.body),
        replies: replies.map(replyDto),
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
      return replyDto(reply);
    },

    async setPinned(context: Context, threadId: string, pinned: boolean): Promise<ThreadSummary> {
      const { thread, board: b } = await threadAndBoard(context, threadId);
      if (!b.canModerate) throw forbidden("Only facilitators pin threads.");
      await forums.setPinned(threadId, pinned ? clock.now() : null);
      await audit.record(context, "update", { type: "forum-thread", id: threadId }, "success");
      return summary({ ...thread, pinnedAt: pinned ? clock.now() : null }, b);
    },

    async setLocked(context: Context, threadId: string, locked: boolean): Promise<ThreadSummary> {
      const { thread, board: b } = await threadAndBoard(context, threadId);
      if (!b.canModerate) throw forbidden("Only facilitators lock threads.");
      await forums.setLocked(threadId, locked ? clock.now() : null);
      await audit.record(context, "update", { type: "forum-thread", id: threadId }, "success");
      return summary({ ...thread, lockedAt: locked ? clock.now() : null }, b);
    },
  };
}

export type ForumService = ReturnType<typeof createForumService>;
