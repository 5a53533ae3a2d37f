import {
  CreateReplySchema,
  MAX_POST_LENGTH,
  type ForumReply,
  type PostStatus,
  type ThreadDetail,
} from "@bridgeway/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { z } from "zod";
import { ApiError, describeError } from "../api/api-client";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import { problemFromError, type FormProblem } from "../forms/form-problem";
import { useZodForm, type FieldMessages } from "../forms/use-zod-form";
import { useFormat } from "../i18n/use-format";
import { useSignedIn } from "../sign-in/auth-context";
import { PageHeading } from "../shell/page-heading";
import { ErrorState, LoadingState } from "../shell/status-states";
import { AuthorName, boardTitle, ForumCrisisSupport, threadTitle } from "./forum-parts";
import { repliesOfPages, replyAllowance } from "./forum-pages";
import { PostActionBar, PostEditor } from "./post-actions";
import { refreshForums, useForumLive, useForumsApi, useThread } from "./use-forums";
import "./forums.css";

/**
 * A post's body. `html` is the server's rendering of the markdown with raw HTML escaped and only
 * safe links kept (markdown-it, sanitised): the one place this app shows HTML.
 */
function PostBody({ html }: { html: string }) {
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** The "(edited)" mark of a post its author changed, with when as its tooltip. */
function EditedMark({ editedAt, timeZone }: { editedAt: string | null; timeZone: string }) {
  const { t } = useTranslation("forums");
  const format = useFormat();
  if (editedAt === null) return null;
  return (
    <span
      className="forum-post__edited"
      title={t("thread.editedAt", { when: format.moment(editedAt, timeZone) })}
    >
      {t("thread.edited")}
    </span>
  );
}

/**
 * A post's words as this reader may see them: deleted and hidden posts say so; moderators read
 * them, marked (the mark is in the post's heading).
 */
function PostContent({
  status,
  html,
  moderates,
}: {
  status: PostStatus;
  html: string;
  moderates: boolean;
}) {
  const { t } = useTranslation("forums");
  if (moderates) return <PostBody html={html} />;
  if (status === "deleted") return <p className="forum-post__gone">{t("postDeleted")}</p>;
  if (status === "hidden") return <p className="forum-post__gone">{t("hiddenByModerator")}</p>;
  return <PostBody html={html} />;
}

/** Whether a post is open for editing; closing it puts focus back on its Edit button. */
function useEditing() {
  const [editing, setEditing] = useState(false);
  const wasEditing = useRef(false);
  const articleRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (wasEditing.current && !editing)
      articleRef.current?.querySelector<HTMLButtonElement>("[data-edit]")?.focus();
    wasEditing.current = editing;
  }, [editing]);
  return { editing, setEditing, articleRef };
}

function Reply({
  reply,
  timeZone,
  moderates,
  onNotice,
}: {
  reply: ForumReply;
  timeZone: string;
  moderates: boolean;
  onNotice: (message: string) => void;
}) {
  const { t } = useTranslation("forums");
  const format = useFormat();
  const headingId = useId();
  const { editing, setEditing, articleRef } = useEditing();
  const post = { kind: "reply", id: reply.id } as const;
  return (
    <li>
      <article
        ref={articleRef}
        className={`forum-post forum-post--${reply.status}`}
        aria-labelledby={headingId}
      >
        <h3 id={headingId} className="forum-post__meta">
          <AuthorName author={reply.author} />
          <span className="forum-post__time">
            <time dateTime={reply.createdAt}>{format.moment(reply.createdAt, timeZone)}</time>
            <EditedMark editedAt={reply.editedAt} timeZone={timeZone} />
          </span>
          {reply.status === "hidden" && moderates && (
            <span className="badge badge--warning">{t("hiddenByModerator")}</span>
          )}
          {reply.status === "deleted" && moderates && (
            <span className="badge badge--warning">{t("deletedByAuthor")}</span>
          )}
        </h3>
        {editing && reply.source !== null ? (
          <PostEditor
            post={post}
            source={reply.source}
            onDone={(saved) => {
              setEditing(false);
              if (saved) onNotice(t("thread.replySaved"));
            }}
          />
        ) : (
          <>
            <PostContent status={reply.status} html={reply.bodyHtml} moderates={moderates} />
            <PostActionBar
              post={post}
              actions={reply}
              status={reply.status}
              what={t("thread.replyBy", { name: reply.author.displayName })}
              moderates={moderates}
              onEdit={() => setEditing(true)}
              onNotice={onNotice}
            />
          </>
        )}
      </article>
    </li>
  );
}

/** The thread's opening post, with its author's and moderators' actions. */
function OpeningPost({
  thread,
  timeZone,
  onNotice,
}: {
  thread: ThreadDetail;
  timeZone: string;
  onNotice: (message: string) => void;
}) {
  const { t } = useTranslation("forums");
  const format = useFormat();
  const navigate = useNavigate();
  const { editing, setEditing, articleRef } = useEditing();
  const post = { kind: "thread", id: thread.id } as const;
  const boardPath = `/forums/boards/${thread.board.kind}/${thread.board.id}`;
  return (
    <article
      ref={articleRef}
      className={`forum-post forum-post--opening forum-post--${thread.status}`}
      aria-label={t("thread.openingPost")}
    >
      <p className="forum-post__meta">
        <AuthorName author={thread.author} />
        <span className="forum-post__time">
          <time dateTime={thread.createdAt}>{format.moment(thread.createdAt, timeZone)}</time>
          <EditedMark editedAt={thread.editedAt} timeZone={timeZone} />
        </span>
        {thread.pinned && <span className="badge badge--info">{t("pinned")}</span>}
        {thread.locked && <span className="badge badge--ok">{t("locked")}</span>}
        {thread.status === "hidden" && thread.canModerate && (
          <span className="badge badge--warning">{t("hiddenByModerator")}</span>
        )}
        {thread.status === "deleted" && (
          <span className="badge badge--warning">{t("deletedByAuthor")}</span>
        )}
      </p>
      {editing && thread.source !== null ? (
        <PostEditor
          post={post}
          source={thread.source}
          title={thread.title}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onNotice(t("thread.threadSaved"));
          }}
        />
      ) : (
        <>
          <PostContent
            status={thread.status}
            html={thread.bodyHtml}
            moderates={thread.canModerate}
          />
          <PostActionBar
            post={post}
            actions={thread}
            status={thread.status}
            what={t("thread.threadBy", { name: thread.author.displayName })}
            moderates={thread.canModerate}
            onEdit={() => setEditing(true)}
            onNotice={onNotice}
            onDeleted={() =>
              void navigate(boardPath, { state: { notice: t("thread.threadDeleted") } })
            }
          />
        </>
      )}
    </article>
  );
}

/** The reply a person typed, checked by the server's rule (`CreateReplySchema`). */
const ReplyValuesSchema = z.object({ body: z.string() });

/**
 * A blank or overlong reply: the field says what is wrong, and the top says it for the whole
 * form ("root", react-hook-form's name for the form, is what the form's summary reads).
 */
function replyChecks({ body }: { body: string }, t: TFunction<"forums">): FieldMessages {
  if (CreateReplySchema.safeParse({ body }).success) return {};
  return body.trim() === ""
    ? { root: t("thread.writeFirst"), body: t("newThread.bodyRequired") }
    : {
        root: t("thread.tooLong"),
        body: t("newThread.bodyTooLong", { max: MAX_POST_LENGTH }),
      };
}

/** What a failed reply says: a thread locked meanwhile, or what went wrong. */
function replyProblem(error: unknown, t: TFunction<"forums">): FormProblem {
  return error instanceof ApiError && error.status === 409
    ? { message: t("thread.lockedMeanwhile"), fields: {} }
    : problemFromError(error);
}

function ReplyForm({ threadId, onPosted }: { threadId: string; onPosted: () => void }) {
  const { t } = useTranslation("forums");
  const forumsApi = useForumsApi();
  const queryClient = useQueryClient();
  const { user } = useSignedIn();
  const form = useZodForm({
    schema: ReplyValuesSchema,
    defaultValues: { body: "" },
    check: (values) => replyChecks(values, t),
    describe: (error) => replyProblem(error, t),
  });
  const post = useMutation({
    // The reply is sent as typed; the server trims it.
    mutationFn: (body: string) => forumsApi.reply(threadId, body),
    onSuccess: async () => {
      form.reset({ body: "" });
      await refreshForums(queryClient, user.id);
      onPosted();
    },
    onError: (error) => {
      form.fail(error);
      if (error instanceof ApiError && error.status === 409) {
        void refreshForums(queryClient, user.id);
      }
    },
  });
  return (
    <form className="form" noValidate onSubmit={form.submitWith(({ body }) => post.mutate(body))}>
      <FormAlert problem={form.problem} />
      <Field label={t("thread.yourReply")} hint={t("markdownHint")} error={form.error("body")}>
        {(control) => <textarea {...control} rows={5} {...form.register("body")} />}
      </Field>
      <div className="actions">
        <SubmitButton pending={post.isPending} pendingLabel={t("newThread.posting")}>
          {t("thread.postReply")}
        </SubmitButton>
      </div>
    </form>
  );
}

function Moderation({
  thread,
  onChanged,
}: {
  thread: ThreadDetail;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation("forums");
  const forumsApi = useForumsApi();
  const queryClient = useQueryClient();
  const { user } = useSignedIn();
  const [error, setError] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (action: "pin" | "unpin" | "lock" | "unlock") =>
      action === "pin" || action === "unpin"
        ? forumsApi.pin(thread.id, action === "pin")
        : forumsApi.lock(thread.id, action === "lock"),
    onSuccess: async (_thread, action) => {
      setError(null);
      await refreshForums(queryClient, user.id);
      onChanged(
        {
          pin: t("moderation.pinned"),
          unpin: t("moderation.unpinned"),
          lock: t("moderation.locked"),
          unlock: t("moderation.unlocked"),
        }[action],
      );
    },
    onError: (e) => setError(describeError(e)),
  });
  return (
    <div className="forum-moderation">
      <p className="forum-moderation__title">{t("moderation.title")}</p>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={change.isPending}
          onClick={() => change.mutate(thread.pinned ? "unpin" : "pin")}
        >
          {thread.pinned ? t("moderation.unpin") : t("moderation.pin")}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={change.isPending}
          onClick={() => change.mutate(thread.locked ? "unlock" : "lock")}
        >
          {thread.locked ? t("moderation.unlock") : t("moderation.lock")}
        </button>
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** `/forums/threads/:threadId`: the post, its replies, replying, and moderation for staff. */
export function ThreadPage() {
  const { t } = useTranslation("forums");
  const { threadId = "" } = useParams();
  const { user } = useSignedIn();
  const query = useThread(threadId);
  useForumLive(query.data?.pages[0]?.board);
  const [notice, setNotice] = useState<string | null>(null);
  const repliesHeadingId = useId();
  const replyHeadingId = useId();

  if (query.isPending) {
    return (
      <>
        <PageHeading>{t("thread.heading")}</PageHeading>
        <LoadingState label={t("thread.loading")} />
      </>
    );
  }
  if (!query.data) {
    const missing = query.error instanceof ApiError && [400, 404].includes(query.error.status);
    return (
      <>
        <PageHeading>{missing ? t("thread.notFoundTitle") : t("thread.heading")}</PageHeading>
        {missing ? (
          <>
            <p>{t("thread.notFound")}</p>
            <p>
              <Link to="/forums">{t("board.backToForums")}</Link>
            </p>
          </>
        ) : (
          <ErrorState
            title={t("thread.error")}
            error={query.error}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        )}
      </>
    );
  }

  const first = query.data.pages[0];
  if (!first) return null;
  const thread = first;
  const replies = repliesOfPages(query.data.pages);
  const allowance = replyAllowance(thread, t);
  return (
    <>
      <PageHeading>{threadTitle(thread.title, t)}</PageHeading>
      <p className="page-back">
        <Link to={`/forums/boards/${thread.board.kind}/${thread.board.id}`}>
          {t("thread.backTo", { board: boardTitle(thread.board, t) })}
        </Link>
      </p>
      <ForumCrisisSupport />
      <OpeningPost thread={thread} timeZone={user.timeZone} onNotice={setNotice} />
      <div className="status-slot" role="status">
        {notice && <p className="notice">{notice}</p>}
      </div>
      {thread.canModerate && <Moderation thread={thread} onChanged={setNotice} />}
      <section aria-labelledby={repliesHeadingId} className="forum-section">
        <h2 id={repliesHeadingId} className="section-title">
          {replies.length === 0
            ? t("thread.replies")
            : t("thread.repliesCount", { count: thread.replyCount })}
        </h2>
        {replies.length === 0 ? (
          <p className="muted">{t("thread.noReplies")}</p>
        ) : (
          <ol className="forum-replies">
            {replies.map((reply) => (
              <Reply
                key={reply.id}
                reply={reply}
                timeZone={user.timeZone}
                moderates={thread.canModerate}
                onNotice={setNotice}
              />
            ))}
          </ol>
        )}
        {query.hasNextPage && (
          <p className="forum-more">
            <button
              type="button"
              className="button button--secondary"
              disabled={query.isFetchingNextPage}
              onClick={() => void query.fetchNextPage()}
            >
              {query.isFetchingNextPage ? t("thread.loadingMore") : t("thread.loadMore")}
            </button>
          </p>
        )}
        {query.isFetchNextPageError && (
          <p className="field__error" role="alert">
            {t("thread.moreFailed")}
          </p>
        )}
      </section>
      <section aria-labelledby={replyHeadingId} className="forum-section">
        <h2 id={replyHeadingId} className="section-title">
          {t("thread.reply")}
        </h2>
        {allowance.allowed ? (
          <>
            {allowance.note && <p className="notice">{allowance.note}</p>}
            <ReplyForm threadId={thread.id} onPosted={() => setNotice(t("thread.replyPosted"))} />
          </>
        ) : (
          <p className="notice">{allowance.reason}</p>
        )}
      </section>
    </>
  );
}
