import { BOARD_KINDS, type BoardKind } from "@bridgeway/domain";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { ApiError } from "../api/api-client";
import { useSignedIn } from "../sign-in/auth-context";
import { useNow } from "../sessions/use-now";
import { PageHeading } from "../shell/page-heading";
import { EmptyState, ErrorState, LoadingState } from "../shell/status-states";
import { boardTitle, ForumCrisisSupport, ThreadList } from "./forum-parts";
import { threadsOfPages } from "./forum-pages";
import { NewThreadForm } from "./new-thread-form";
import { useBoardThreads, useForumLive } from "./use-forums";
import "./forums.css";

function isBoardKind(kind: string | undefined): kind is BoardKind {
  return (BOARD_KINDS as readonly string[]).includes(kind ?? "");
}

function NotFound() {
  const { t } = useTranslation("forums");
  return (
    <>
      <PageHeading>{t("board.notFoundTitle")}</PageHeading>
      <p>{t("board.notFound")}</p>
      <p>
        <Link to="/forums">{t("board.backToForums")}</Link>
      </p>
    </>
  );
}

function Board({ kind, id }: { kind: BoardKind; id: string }) {
  const { t } = useTranslation("forums");
  const { user } = useSignedIn();
  const now = useNow();
  const navigate = useNavigate();
  // What a page that sent the person here had to say (a thread they deleted).
  const arrivedWith = (useLocation().state as { notice?: unknown } | null)?.notice;
  const notice = typeof arrivedWith === "string" ? arrivedWith : null;
  const threads = useBoardThreads(kind, id);
  useForumLive({ kind, id });
  const [writing, setWriting] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const threadsHeadingId = useId();

  if (threads.isPending) {
    return (
      <>
        <PageHeading>{t("board.heading")}</PageHeading>
        <LoadingState label={t("board.loading")} />
      </>
    );
  }
  // A failed "Load more" keeps what was loaded; only a board that never loaded is an error.
  if (!threads.data) {
    if (threads.error instanceof ApiError && threads.error.status === 404) return <NotFound />;
    return (
      <>
        <PageHeading>{t("board.heading")}</PageHeading>
        <ErrorState
          title={t("board.error")}
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
      <PageHeading>{board ? boardTitle(board, t) : t("board.heading")}</PageHeading>
      <p className="page-back">
        <Link to="/forums">{t("board.allBoards")}</Link>
      </p>
      <ForumCrisisSupport />
      <div className="status-slot" role="status">
        {notice && <p className="notice">{notice}</p>}
      </div>
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
            {t("board.newThread")}
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
          {kind === "announcements" ? t("board.onlyFacilitatorsPost") : t("board.readOnly")}
        </p>
      )}
      <section aria-labelledby={threadsHeadingId} className="forum-section">
        <h2 id={threadsHeadingId} className="section-title">
          {t("board.threads")}
        </h2>
        {list.length === 0 ? (
          <EmptyState title={t("board.noThreads")}>
            <p>{board?.canPost ? t("board.startFirst") : t("board.announcementsAppear")}</p>
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
              {threads.isFetchingNextPage ? t("board.loadingMore") : t("board.loadMore")}
            </button>
          </p>
        )}
        {threads.isFetchNextPageError && (
          <p className="field__error" role="alert">
            {t("board.moreFailed")}
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
