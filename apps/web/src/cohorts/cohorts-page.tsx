import { useId } from "react";
import { Link } from "react-router";
import { formatCalendarDate, formatSchedule, formatTimeZone } from "../format/format";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../sign-in/auth-context";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { TableScroll } from "../shell/table-scroll";
import { useCohortList } from "./use-cohorts";

/** Every cohort an admin runs, or the ones a facilitator facilitates. */
export function CohortsPage() {
  const { user } = useSignedIn();
  const isAdmin = user.role === "ADMIN";
  const query = useCohortList();
  const captionId = useId();
  return (
    <>
      <PageHeading>Cohorts</PageHeading>
      {isAdmin && (
        <p className="page-actions">
          <Link className="button" to="/cohorts/new">
            New cohort
          </Link>
        </p>
      )}
      <QueryView
        query={query}
        loadingLabel="Loading cohorts…"
        errorTitle="We couldn't load the cohorts"
      >
        {(cohorts) =>
          cohorts.length === 0 ? (
            isAdmin ? (
              <EmptyState title="No cohorts yet.">
                <p>Create the first cohort with its weekly pattern and facilitators.</p>
              </EmptyState>
            ) : (
              <EmptyState title="You are not facilitating any cohorts yet.">
                <p>Cohorts appear here when your clinic admin assigns you to one.</p>
              </EmptyState>
            )
          ) : (
            <TableScroll labelledBy={captionId}>
              <table className="table">
                <caption id={captionId}>{isAdmin ? "All cohorts" : "Your cohorts"}</caption>
                <thead>
                  <tr>
                    <th scope="col">Cohort</th>
                    <th scope="col">Program</th>
                    <th scope="col">Meets</th>
                    <th scope="col">Dates</th>
                    <th scope="col">Enrolled</th>
                  </tr>
                </thead>
                <tbody>
                  {cohorts.map((cohort) => (
                    <tr key={cohort.id}>
                      <th scope="row">
                        <Link to={`/cohorts/${cohort.id}`}>{cohort.name}</Link>
                      </th>
                      <td>{cohort.programName}</td>
                      <td>
                        {formatSchedule(cohort.schedule)}
                        <span className="cell-note">{formatTimeZone(cohort.timeZone)}</span>
                      </td>
                      <td>
                        {formatCalendarDate(cohort.startsOn)} to {formatCalendarDate(cohort.endsOn)}
                      </td>
                      <td>
                        {cohort.enrolled} of {cohort.capacity}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </QueryView>
    </>
  );
}
