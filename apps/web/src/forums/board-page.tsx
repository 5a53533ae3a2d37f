import { BOARD_KINDS, type BoardKind } from "@bridgeway/domain";
import { useId, useRef, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../api/api-client";
import { useSignedIn } from "../session/auth-context";
import { useNow } from "../sessions/use-now";
import { PageHeading } from "../shell/page-heading";
import { EmptyState, ErrorState, LoadingState } from "../shell/status-states";
import { ForumCrisisSupport, ThreadList } from "./forum-parts";
import { threadsOfPages } from "./forum-pages";
import { NewThreadForm, ONLY_FACILITATORS_POST } from "./new-thread-form";
import { useBoardThreads } from "./use-forums";
import "./forums.css";

function isBoardKind(kind: string | undefined): kind is BoardKind {
  return (BOARD_KINDS as readonly string[]).includes(kind ?? "");
}

function NotFound() {
  return (
    <>
      <PageHeading>Board not found</PageHeading>
      <p>This board does not exist, or it is not one you can read.</p>
      <p>
        <Link to="/forums">Back to the forums</Link>
      </p>
    </>
  );
}

function Board({ kind, id }: { kind: BoardKind; id: string }) {
  const { user } = useSignedIn();
  const now = useNow();
  const navigate = useNavigate();
  const threads = useBoardThreads(kind, id);
  const [writing, setWriting] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const threadsHeadingId = useId();

  if (threads.isPending) {
    return (
      <>
        <PageHeading>Forum board</PageHeading>
        <LoadingState label="Loading the board…" />
      </>
    );
  }
  // A failed "Load more" keeps what was loaded; only a board that never loaded is an error.
  if (!threads.data) {
    if (threads.error instanceof ApiError && threads.error.status === 404) return <NotFound />;
    return (
      <>
        <PageHeading>Forum board</PageHeading>
        <ErrorState
          title="We couldn't load this board"
          error={threads.error}
          onRetry={() => void threads.refetch()}
          retrying={threads.isFetching}
        />
      </>
    );
  }

  const board = threads.data.pages[0]?.board;
  const list = threadsOfPages(threads.data.pages);
  return (
    <>
      <PageHeading>{board?.title ?? "Forum board"}</PageHeading>
      <p className="page-back">
        <Link to="/forums">All boards</Link>
      </p>
      <ForumCrisisSupport />
      {board?.canPost ? (
        <div className="forum-new">
          <button
            ref={newButton}
            type="button"
            className="button"
            aria-expanded={writing}
            aria-controls={panelId}
            onClick={() => setWriting(!writing)}
          >
            New thread
          </button>
          <div id={panelId} className="panel" hidden={!writing}>
            {writing && (
              <NewThreadForm
                kind={kind}
                boardId={id}
                onCreated={(thread) => void navigate(`/forums/threads/${thread.id}`)}
                onCancel={() => {
                  setWriting(false);
                  newButton.current?.focus();
                }}
              />
            )}
          </div>
        </div>
      ) : (
        <p className="notice">
          {kind === "announcements" ? ONLY_FACILITATORS_POST : "You can read this board."}
        </p>
      )}
      <section aria-labelledby={threadsHeadingId} className="forum-section">
        <h2 id={threadsHeadingId} className="section-title">
          Threads
        </h2>
        {list.length === 0 ? (
          <EmptyState title="No threads yet.">
            <p>
              {board?.canPost
                ? "Start the first one with New thread."
                : "Announcements from the facilitators will appear here."}
            </p>
          </EmptyState>
        ) : (
          <ThreadList threads={list} now={now} timeZone={user.timeZone} />
        )}
        {threads.hasNextPage && (
          <p className="forum-more">
            <button
              type="button"
              className="button button--secondary"
              disabled={threads.isFetchingNextPage}
              onClick={() => void threads.fetchNextPage()}
            >
              {threads.isFetchingNextPage ? "Loading…" : "Load more threads"}
            </button>
          </p>
        )}
        {threads.isFetchNextPageError && (
          <p className="field__error" role="alert">
            More threads could not be loaded. Try again.
          </p>
        )}
      </section>
    </>
  );
}

/** `/forums/boards/:kind/:boardId`: one board's threads, pinned first, and starting a new one. */
export function BoardPage() {
  const { kind, boardId = "" } = useParams();
  if (!isBoardKind(kind)) return <NotFound />;
  return <Board key={`${kind}:${boardId}`} kind={kind} id={boardId} />;
}
