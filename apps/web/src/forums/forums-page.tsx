import type { BoardKind, Role } from "@bridgeway/domain";
import { useId, useState, type SubmitEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { plural } from "../format/format";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../session/auth-context";
import { useNow } from "../sessions/use-now";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { ForumCrisisSupport, ThreadList } from "./forum-parts";
import { useBoards, useForumSearch } from "./use-forums";
import "./forums.css";

const MIN_SEARCH = 2;

const BOARD_KIND_LABELS: Record<BoardKind, string> = {
  cohort: "Cohort board",
  announcements: "Announcements from the facilitators",
  family: "Family board, shared with the families of the group",
};

function emptyBoardsNote(role: Role): string {
  switch (role) {
    case "PARTICIPANT":
      return "Your cohort's board appears here once you are enrolled in a cohort.";
    case "FAMILY":
      return "The family board of your family member's group appears here while their consent lets you take part.";
    case "FACILITATOR":
    case "ADMIN":
      return "Boards appear here for the cohorts and programs you work with.";
  }
}

function SearchForm({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
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
          setError(`Search for at least ${MIN_SEARCH} characters.`);
          return;
        }
        setError(null);
        onSearch(query);
      }}
    >
      <label className="field__label" htmlFor={id}>
        Search the forums
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
          Search
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
  const { user } = useSignedIn();
  const now = useNow();
  const results = useForumSearch(q);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="forum-section">
      <h2 id={headingId} className="section-title">
        Results for “{q}”
      </h2>
      <QueryView
        query={results}
        loadingLabel="Searching…"
        errorTitle="We couldn't search the forums"
      >
        {(threads) =>
          threads.length === 0 ? (
            <EmptyState title="No threads match.">
              <p>Try another word, or look through the boards below.</p>
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
  const { user } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const q = (params.get("q") ?? "").trim();
  const boards = useBoards();
  const boardsHeadingId = useId();
  return (
    <>
      <PageHeading>Forums</PageHeading>
      <ForumCrisisSupport />
      <SearchForm key={q} initial={q} onSearch={(query) => setParams({ q: query })} />
      {q.length >= MIN_SEARCH && (
        <>
          <SearchResults q={q} />
          <p className="forum-clear">
            <Link to="/forums">Clear the search</Link>
          </p>
        </>
      )}
      <section aria-labelledby={boardsHeadingId} className="forum-section">
        <h2 id={boardsHeadingId} className="section-title">
          Boards
        </h2>
        <QueryView
          query={boards}
          loadingLabel="Loading boards…"
          errorTitle="We couldn't load the boards"
        >
          {(list) =>
            list.length === 0 ? (
              <EmptyState title="No boards yet.">
                <p>{emptyBoardsNote(user.role)}</p>
              </EmptyState>
            ) : (
              <ul className="board-list">
                {list.map((board) => (
                  <li key={`${board.kind}:${board.id}`} className="board-item">
                    <h3 className="board-item__title">
                      <Link to={`/forums/boards/${board.kind}/${board.id}`}>{board.title}</Link>
                    </h3>
                    <p className="board-item__meta">
                      {BOARD_KIND_LABELS[board.kind]}
                      {" · "}
                      {plural(board.threadCount, "thread", "threads")}
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
