import { MAX_POST_LENGTH, type ForumReply, type ThreadDetail } from "@bridgeway/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { Link, useParams } from "react-router";
import { ApiError, describeError } from "../api/api-client";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import { fieldError, problemFromError, type FormProblem } from "../forms/form-problem";
import { formatMoment } from "../format/session-time";
import { useSignedIn } from "../session/auth-context";
import { PageHeading } from "../shell/page-heading";
import { ErrorState, LoadingState } from "../shell/status-states";
import { AuthorName, ForumCrisisSupport, MARKDOWN_HINT } from "./forum-parts";
import { repliesOfPages, replyAllowance } from "./forum-pages";
import { refreshForums, useForumsApi, useThread } from "./use-forums";
import "./forums.css";

/**
 * A post's body. `html` is the server's rendering of the markdown with raw HTML escaped and only
 * safe links kept (markdown-it, sanitised): the one place this app shows HTML.
 */
function PostBody({ html }: { html: string }) {
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}

function Reply({ reply, timeZone }: { reply: ForumReply; timeZone: string }) {
  const headingId = useId();
  return (
    <li>
      <article className="forum-post" aria-labelledby={headingId}>
        <h3 id={headingId} className="forum-post__meta">
          <AuthorName author={reply.author} />
          <span className="forum-post__time">
            <time dateTime={reply.createdAt}>{formatMoment(reply.createdAt, timeZone)}</time>
          </span>
        </h3>
        <PostBody html={reply.bodyHtml} />
      </article>
    </li>
  );
}

function ReplyForm({ threadId, onPosted }: { threadId: string; onPosted: () => void }) {
  const forumsApi = useForumsApi();
  const queryClient = useQueryClient();
  const { user } = useSignedIn();
  const [body, setBody] = useState("");
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const post = useMutation({
    mutationFn: () => forumsApi.reply(threadId, body),
    onSuccess: async () => {
      setBody("");
      setProblem(null);
      await refreshForums(queryClient, user.id);
      onPosted();
    },
    onError: (error) => {
      setProblem(
        error instanceof ApiError && error.status === 409
          ? { message: "This thread was locked meanwhile. It takes no more replies.", fields: {} }
          : problemFromError(error),
      );
      if (error instanceof ApiError && error.status === 409) {
        void refreshForums(queryClient, user.id);
      }
    },
  });
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
        event.preventDefault();
        if (body.trim() === "") {
          setProblem({ message: "Write your reply first.", fields: { body: "Write something." } });
          return;
        }
        if (body.trim().length > MAX_POST_LENGTH) {
          setProblem({
            message: "Your reply is too long.",
            fields: { body: `Keep posts under ${MAX_POST_LENGTH} characters.` },
          });
          return;
        }
        post.mutate();
      }}
    >
      <FormAlert problem={problem} />
      <Field label="Your reply" hint={MARKDOWN_HINT} error={fieldError(problem, "body")}>
        {(control) => (
          <textarea
            {...control}
            rows={5}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        )}
      </Field>
      <div className="actions">
        <SubmitButton pending={post.isPending} pendingLabel="Posting…">
          Post reply
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
          pin: "Thread pinned to the top of the board.",
          unpin: "Thread unpinned.",
          lock: "Thread locked: participants can no longer reply.",
          unlock: "Thread unlocked: everyone can reply again.",
        }[action],
      );
    },
    onError: (e) => setError(describeError(e)),
  });
  return (
    <div className="forum-moderation">
      <p className="forum-moderation__title">Moderation</p>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={change.isPending}
          onClick={() => change.mutate(thread.pinned ? "unpin" : "pin")}
        >
          {thread.pinned ? "Unpin thread" : "Pin thread"}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={change.isPending}
          onClick={() => change.mutate(thread.locked ? "unlock" : "lock")}
        >
          {thread.locked ? "Unlock thread" : "Lock thread"}
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
  const { threadId = "" } = useParams();
  const { user } = useSignedIn();
  const query = useThread(threadId);
  const [notice, setNotice] = useState<string | null>(null);
  const repliesHeadingId = useId();
  const replyHeadingId = useId();

  if (query.isPending) {
    return (
      <>
        <PageHeading>Forum thread</PageHeading>
        <LoadingState label="Loading the thread…" />
      </>
    );
  }
  if (!query.data) {
    const missing = query.error instanceof ApiError && [400, 404].includes(query.error.status);
    return (
      <>
        <PageHeading>{missing ? "Thread not found" : "Forum thread"}</PageHeading>
        {missing ? (
          <>
            <p>This thread does not exist, or it is not one you can read.</p>
            <p>
              <Link to="/forums">Back to the forums</Link>
            </p>
          </>
        ) : (
          <ErrorState
            title="We couldn't load this thread"
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
  const allowance = replyAllowance(thread);
  return (
    <>
      <PageHeading>{thread.title}</PageHeading>
      <p className="page-back">
        <Link to={`/forums/boards/${thread.board.kind}/${thread.board.id}`}>
          Back to {thread.board.title}
        </Link>
      </p>
      <ForumCrisisSupport />
      <article className="forum-post forum-post--opening" aria-label="Opening post">
        <p className="forum-post__meta">
          <AuthorName author={thread.author} />
          <span className="forum-post__time">
            <time dateTime={thread.createdAt}>{formatMoment(thread.createdAt, user.timeZone)}</time>
          </span>
          {thread.pinned && <span className="badge badge--info">Pinned</span>}
          {thread.locked && <span className="badge badge--ok">Locked</span>}
        </p>
        <PostBody html={thread.bodyHtml} />
      </article>
      <div className="status-slot" role="status">
        {notice && <p className="notice">{notice}</p>}
      </div>
      {thread.canModerate && <Moderation thread={thread} onChanged={setNotice} />}
      <section aria-labelledby={repliesHeadingId} className="forum-section">
        <h2 id={repliesHeadingId} className="section-title">
          {replies.length === 0 ? "Replies" : `Replies (${thread.replyCount})`}
        </h2>
        {replies.length === 0 ? (
          <p className="muted">No replies yet.</p>
        ) : (
          <ol className="forum-replies">
            {replies.map((reply) => (
              <Reply key={reply.id} reply={reply} timeZone={user.timeZone} />
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
              {query.isFetchingNextPage ? "Loading…" : "Load more replies"}
            </button>
          </p>
        )}
        {query.isFetchNextPageError && (
          <p className="field__error" role="alert">
            More replies could not be loaded. Try again.
          </p>
        )}
      </section>
      <section aria-labelledby={replyHeadingId} className="forum-section">
        <h2 id={replyHeadingId} className="section-title">
          Reply
        </h2>
        {allowance.allowed ? (
          <>
            {allowance.note && <p className="notice">{allowance.note}</p>}
            <ReplyForm threadId={thread.id} onPosted={() => setNotice("Your reply was posted.")} />
          </>
        ) : (
          <p className="notice">{allowance.reason}</p>
        )}
      </section>
    </>
  );
}
