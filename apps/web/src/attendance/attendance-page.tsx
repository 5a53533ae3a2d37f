import { EARLY_LEAVE_MINUTES, IOP_MIN_WEEKLY_HOURS, LATE_AFTER_MINUTES } from "@bridgeway/domain";
import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState, type SubmitEvent } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { ApiError } from "../api/api-client";
import {
  attendanceCsvPath,
  createAttendanceApi,
  type AttendanceRange,
} from "../api/attendance-api";
import { QUERY_KEYS } from "../api/query-keys";
import { useServices } from "../app/services-context";
import { formatCalendarDate } from "../format/format";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import { problemFromError, type FormProblem } from "../forms/form-problem";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../sign-in/auth-context";
import { useConfirmedDownload } from "../sign-in/use-confirmed-download";
import { useNow } from "../sessions/use-now";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { todayIn } from "../time/zoned-time";
import { SessionGrid, WeeklyHours } from "./attendance-grid";
import {
  currentWeek,
  rangeDays,
  rangeFromSearch,
  rangeProblems,
  shiftRange,
} from "./attendance-range";
import "./attendance.css";

function useCohortAttendance(cohortId: string, range: AttendanceRange) {
  const { api } = useServices();
  const { user } = useSignedIn();
  const attendanceApi = useMemo(() => createAttendanceApi(api), [api]);
  return useQuery({
    queryKey: [QUERY_KEYS.attendance, user.id, cohortId, range.from, range.to],
    queryFn: ({ signal }) => attendanceApi.cohort(cohortId, range, signal),
  });
}

function RangeForm({
  range,
  serverProblem,
  onChange,
}: {
  range: AttendanceRange;
  serverProblem: FormProblem | null;
  onChange: (range: AttendanceRange) => void;
}) {
  const [values, setValues] = useState(range);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const shown = problem ?? serverProblem;
  // A range changed from outside (the week buttons) shows in the fields.
  const [last, setLast] = useState(range);
  if (last.from !== range.from || last.to !== range.to) {
    setLast(range);
    setValues(range);
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = rangeProblems(values);
    if (Object.keys(problems).length > 0) {
      setProblem({ message: "Check the dates marked below.", fields: problems });
      return;
    }
    setProblem(null);
    onChange(values);
  }

  return (
    <form className="form attendance-range" noValidate onSubmit={onSubmit}>
      <FormAlert problem={shown} />
      <div className="attendance-range__fields">
        <Field label="From" error={shown?.fields.from}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.from}
              onChange={(event) => setValues({ ...values, from: event.target.value })}
            />
          )}
        </Field>
        <Field label="To" error={shown?.fields.to}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.to}
              onChange={(event) => setValues({ ...values, to: event.target.value })}
            />
          )}
        </Field>
        <div className="attendance-range__submit">
          <SubmitButton pending={false} pendingLabel="Showing…">
            Show
          </SubmitButton>
        </div>
      </div>
    </form>
  );
}

/**
 * `/cohorts/:cohortId/attendance`: the cohort's attendance for a date range (this week to
 * start with): participants by sessions, weekly hours against the 9-hour minimum, and a CSV.
 */
export function AttendancePage() {
  const { cohortId = "" } = useParams();
  const { user } = useSignedIn();
  const now = useNow();
  const [search] = useSearchParams();
  // Kept in the page, not the address: a new address would move focus to the page's heading.
  const [range, setRange] = useState<AttendanceRange>(
    () => rangeFromSearch(search) ?? currentWeek(todayIn(user.timeZone, now)),
  );
  const query = useCohortAttendance(cohortId, range);
  const download = useConfirmedDownload();
  const gridHeadingId = useId();
  const hoursHeadingId = useId();
  const days = rangeDays(range);

  if (query.isError && query.error instanceof ApiError && query.error.status === 404) {
    return (
      <>
        <PageHeading>Cohort not found</PageHeading>
        <EmptyState title="This cohort does not exist, or you do not facilitate it.">
          <p>
            <Link to="/cohorts">Go to cohorts</Link>
          </p>
        </EmptyState>
      </>
    );
  }
  const invalid =
    query.isError && query.error instanceof ApiError && query.error.code === "invalid_input"
      ? problemFromError(query.error)
      : null;

  return (
    <>
      <PageHeading>
        {query.data ? `Attendance: ${query.data.cohortName}` : "Attendance"}
      </PageHeading>
      <p className="page-back">
        <Link to={`/cohorts/${cohortId}`}>Back to the cohort</Link>
      </p>
      <div className="stack">
        <section className="card" aria-label="Date range">
          <RangeForm range={range} serverProblem={invalid} onChange={setRange} />
          <div className="actions attendance-actions">
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => setRange(shiftRange(range, -days))}
            >
              Previous {days === 7 ? "week" : `${days} days`}
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => setRange(shiftRange(range, days))}
            >
              Next {days === 7 ? "week" : `${days} days`}
            </button>
            <a
              className="button button--secondary button--small"
              href={attendanceCsvPath(cohortId, range)}
              download
              onClick={(event) => {
                // Exports need a recent password or code: ask first, then download.
                event.preventDefault();
                void download(attendanceCsvPath(cohortId, range));
              }}
            >
              Download CSV
            </a>
          </div>
          <p className="muted attendance-note">
            {formatCalendarDate(range.from)} to {formatCalendarDate(range.to)}. Times are in the
            cohort&apos;s time zone. A participant is flagged when a week that is over stays under
            the {IOP_MIN_WEEKLY_HOURS}-hour IOP minimum.
          </p>
        </section>
        {invalid ? null : (
          <QueryView
            query={query}
            loadingLabel="Loading attendance…"
            errorTitle="We couldn't load the attendance"
          >
            {(data) =>
              data.participants.length === 0 ? (
                <EmptyState title="No one was enrolled in these dates.">
                  <p>Choose other dates, or enroll participants from the cohort page.</p>
                </EmptyState>
              ) : (
                <>
                  <section aria-labelledby={hoursHeadingId}>
                    <h2 id={hoursHeadingId} className="section-title">
                      Weekly hours
                    </h2>
                    <WeeklyHours data={data} />
                  </section>
                  <section aria-labelledby={gridHeadingId}>
                    <h2 id={gridHeadingId} className="section-title">
                      Sessions
                    </h2>
                    {data.sessions.length === 0 ? (
                      <EmptyState title="No sessions in these dates.">
                        <p>Choose other dates to see minutes attended per session.</p>
                      </EmptyState>
                    ) : (
                      <>
                        <p className="muted section-note">
                          Minutes in the room within the scheduled time. Late: arrived more than{" "}
                          {LATE_AFTER_MINUTES} minutes after the start. Left early: left more than{" "}
                          {EARLY_LEAVE_MINUTES} minutes before the end. Absent: expected, not there.
                        </p>
                        <SessionGrid data={data} />
                      </>
                    )}
                  </section>
                </>
              )
            }
          </QueryView>
        )}
      </div>
    </>
  );
}
