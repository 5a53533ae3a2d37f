import type { ReviewDue } from "@bridgeway/domain";
import { useId } from "react";
import { Link } from "react-router";
import { formatCalendarDate } from "../format/format";
import { describeError } from "../api/api-client";
import { HiddenContext } from "../shell/hidden-context";
import { LoadingState } from "../shell/status-states";
import { useReviewsDue } from "./use-clinical";

function ReviewsList({ list }: { list: readonly ReviewDue[] }) {
  if (list.length === 0) {
    return (
      <p className="muted">
        Every treatment plan in your cohorts is up to date. Reviews appear here on the day they are
        due.
      </p>
    );
  }
  return (
    <ul className="plain-list reviews-due">
      {list.map((r) => (
        <li key={r.enrollmentId} className="reviews-due__item">
          <Link to={`/participants/${encodeURIComponent(r.participantId)}/chart`}>
            {r.displayName}
            <HiddenContext>chart</HiddenContext>
          </Link>
          <span className="cell-note">
            {r.nextReviewOn === null
              ? "No treatment plan yet"
              : `Review due: ${formatCalendarDate(r.nextReviewOn)}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * For a facilitator's home: the participants in their cohorts whose treatment plan is due for
 * review, or not written yet, each linking to their chart.
 */
export function ReviewsDueCard() {
  const headingId = useId();
  const reviews = useReviewsDue();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        Treatment plan reviews due
        {reviews.data && reviews.data.length > 0 && (
          <span className="badge badge--warning">{reviews.data.length}</span>
        )}
      </h2>
      {reviews.isPending && <LoadingState label="Loading reviews due…" />}
      {reviews.isError && (
        // A side card of the home: its failure is said here, quietly, not as an alert.
        <p className="muted">
          We couldn&apos;t load the reviews due. {describeError(reviews.error)}{" "}
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={reviews.isFetching}
            onClick={() => void reviews.refetch()}
          >
            Try again
          </button>
        </p>
      )}
      {reviews.isSuccess && <ReviewsList list={reviews.data} />}
    </section>
  );
}
