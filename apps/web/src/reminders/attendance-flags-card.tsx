import type { AttendanceConcern } from "@bridgeway/domain";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Link } from "react-router";
import { describeError } from "../api/api-client";
import { formatCalendarDate } from "../format/format";
import { formatHours } from "../format/session-time";
import { LoadingState } from "../shell/status-states";
import { useRemindersApi } from "./use-reminders-api";

/** How the cohort page names a concern. */
export function concernLabel(concern: AttendanceConcern, missed: number): string {
  switch (concern) {
    case "missed-sessions":
      return `Missed ${missed} sessions`;
    case "below-minimum":
      return "Under 9 hours";
  }
}

/**
 * For the cohort page (its clinicians and admins): participants whose week had two missed
 * sessions or stayed under the 9-hour minimum, in the last four weeks.
 */
export function AttendanceFlagsCard({ cohortId }: { cohortId: string }) {
  const api = useRemindersApi();
  const headingId = useId();
  const query = useQuery({
    queryKey: ["attendance-flags", cohortId],
    queryFn: ({ signal }) => api.attendanceFlags(cohortId, signal),
  });
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        Attendance concerns
        {query.data && query.data.flags.length > 0 && (
          <span className="badge badge--danger">{query.data.flags.length}</span>
        )}
      </h2>
      {query.isPending && <LoadingState label="Checking attendance…" />}
      {query.isError && (
        <p className="muted">
          We couldn&apos;t check attendance. {describeError(query.error)}{" "}
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={query.isFetching}
            onClick={() => void query.refetch()}
          >
            Try again
          </button>
        </p>
      )}
      {query.isSuccess &&
        (query.data.flags.length === 0 ? (
          <p className="muted">
            No one missed two sessions in a week or fell under 9 hours in the last four weeks.
          </p>
        ) : (
          <ul className="plain-list">
            {query.data.flags.map((flag) => (
              <li key={`${flag.participantId}-${flag.weekStart}`}>
                <strong>{flag.displayName}</strong>, week of {formatCalendarDate(flag.weekStart)}
                {": "}
                {flag.concerns.map((c) => concernLabel(c, flag.missedSessions)).join("; ")} (
                {formatHours(flag.attendedHours)} attended)
              </li>
            ))}
          </ul>
        ))}
      <p>
        <Link to={`/cohorts/${encodeURIComponent(cohortId)}/attendance`}>
          See the attendance grid
        </Link>
      </p>
    </section>
  );
}
