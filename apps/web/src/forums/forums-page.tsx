import type { Role } from "@bridgeway/domain";
import type { TFunction } from "i18next";
import { useId, useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../sign-in/auth-context";
import { useNow } from "../sessions/use-now";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { boardTitle, ForumCrisisSupport, ThreadList } from "./forum-parts";
import { ReportsSection } from "./reports-section";
import { useBoards, useForumSearch } from "./use-forums";
import "./forums.css";

const MIN_SEARCH = 2;

function emptyBoardsNote(role: Role, t: TFunction<"forums">): string {
  switch (role) {
    case "PARTICIPANT":
      return t("noBoardsNote.PARTICIPANT");
    case "FAMILY":
      return t("noBoardsNote.FAMILY");
    case "FACILITATOR":
    case "ADMIN":
      return t("noBoardsNote.STAFF");
  }
}

function SearchForm({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation("forums");
  const [q, setQ] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const errorId = useId();
  return (
    <form
      role="search"
      className="forum-search"
      noValidate
      onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
        event.preventDefault();
        const query = q.trim();
        if (query.length < MIN_SEARCH) {
          setError(t("search.tooShort", { min: MIN_SEARCH }));
          return;
        }
        setError(null);
        onSearch(query);
      }}
    >
      <label className="field__label" htmlFor={id}>
        {t("search.label")}
      </label>
      <div className="field__row">
        <input
          id={id}
          type="search"
          className="field__input"
          value={q}
          maxLength={100}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setQ(event.target.value)}
        />
        <button type="submit" className="button">
          {t("search.button")}
        </button>
      </div>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </form>
  );
}

function SearchResults({ q }: { q: string }) {
  const { t } = useTranslation("forums");
  const { user } = useSignedIn();
  const now = useNow();
  const results = useForumSearch(q);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="forum-section">
      <h2 id={headingId} className="section-title">
        {t("search.results", { q })}
      </h2>
      <QueryView
        query={results}
        loadingLabel={t("search.searching")}
        errorTitle={t("search.error")}
      >
        {(threads) =>
          threads.length === 0 ? (
            <EmptyState title={t("search.none")}>
              <p>{t("search.noneHint")}</p>
            </EmptyState>
          ) : (
            <ThreadList threads={threads} now={now} timeZone={user.timeZone} showBoard />
          )
        }
      </QueryView>
    </section>
  );
}

/** `/forums`: the boards someone can read, and search across them. */
export function ForumsPage() {
  const { t } = useTranslation("forums");
  const { user } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const q = (params.get("q") ?? "").trim();
  const boards = useBoards();
  const boardsHeadingId = useId();
  return (
    <>
      <PageHeading>{t("title")}</PageHeading>
      <ForumCrisisSupport />
      <SearchForm key={q} initial={q} onSearch={(query) => setParams({ q: query })} />
      {q.length >= MIN_SEARCH && (
        <>
          <SearchResults q={q} />
          <p className="forum-clear">
            <Link to="/forums">{t("search.clear")}</Link>
          </p>
        </>
      )}
      {boards.data?.some((b) => b.canModerate) && <ReportsSection />}
      <section aria-labelledby={boardsHeadingId} className="forum-section">
        <h2 id={boardsHeadingId} className="section-title">
          {t("boards")}
        </h2>
        <QueryView query={boards} loadingLabel={t("loadingBoards")} errorTitle={t("boardsError")}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title={t("noBoards")}>
                <p>{emptyBoardsNote(user.role, t)}</p>
              </EmptyState>
            ) : (
              <ul className="board-list">
                {list.map((board) => (
                  <li key={`${board.kind}:${board.id}`} className="board-item">
                    <h3 className="board-item__title">
                      <Link to={`/forums/boards/${board.kind}/${board.id}`}>
                        {boardTitle(board, t)}
                      </Link>
                    </h3>
                    <p className="board-item__meta">
                      {t(`kind.${board.kind}`)}
                      {" · "}
                      {t("threadCount", { count: board.threadCount })}
                    </p>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      </section>
    </>
  );
}
