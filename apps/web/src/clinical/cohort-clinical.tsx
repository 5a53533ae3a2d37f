import { INSTRUMENTS, type CohortDetail, type CohortSeverities } from "@bridgeway/domain";
import { useId } from "react";
import { Link } from "react-router";
import { formatMoment } from "../format/session-time";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../sign-in/auth-context";
import { HiddenContext } from "../shell/hidden-context";
import { EmptyState } from "../shell/status-states";
import { TableScroll } from "../shell/table-scroll";
import { SeverityBadge } from "./score-chart";
import { instrumentName, scoreOutOf } from "./severity";
import { useSeverities } from "./use-clinical";
import "./clinical.css";

export function chartPath(participantId: string, cohortId: string): string {
  return `/participants/${encodeURIComponent(participantId)}/chart?cohortId=${encodeURIComponent(cohortId)}`;
}

/** "Chart" beside a participant on the cohort roster, for the clinicians (never the admin). */
export function ChartLink({
  participant,
  cohortId,
}: {
  participant: { id: string; displayName: string };
  cohortId: string;
}) {
  const { user } = useSignedIn();
  if (user.role !== "FACILITATOR") return null;
  return (
    <Link className="button button--quiet button--small" to={chartPath(participant.id, cohortId)}>
      Chart<HiddenContext>{`of ${participant.displayName}`}</HiddenContext>
    </Link>
  );
}

type Row = CohortSeverities["participants"][number];

function LatestCell({
  row,
  instrument,
  timeZone,
}: {
  row: Row;
  instrument: (typeof INSTRUMENTS)[number];
  timeZone: string;
}) {
  const latest = row.latest[instrument];
  if (!latest) return <td className="muted">None yet</td>;
  return (
    <td>
      <span className="severity-cell">
        {scoreOutOf(instrument, latest.total)} <SeverityBadge severity={latest.severity} />
      </span>
      {latest.safetyConcern && (
        <span className="badge badge--danger cell-badge">Safety concern: question 9</span>
      )}
      <span className="cell-note">
        <time dateTime={latest.completedAt}>{formatMoment(latest.completedAt, timeZone)}</time>
      </span>
    </td>
  );
}

/** The cohort at a glance: each participant's latest PHQ-9 and GAD-7, safety concerns first. */
function SeveritiesTable({
  severities,
  cohortId,
  timeZone,
}: {
  severities: CohortSeverities;
  cohortId: string;
  timeZone: string;
}) {
  const captionId = useId();
  const rows = [...severities.participants].sort(
    (a, b) =>
      Number(Boolean(b.latest.PHQ9?.safetyConcern)) - Number(Boolean(a.latest.PHQ9?.safetyConcern)),
  );
  if (rows.length === 0) {
    return (
      <EmptyState title="No one is enrolled yet.">
        <p>Scores appear here once participants are enrolled and complete a questionnaire.</p>
      </EmptyState>
    );
  }
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table">
        <caption id={captionId}>Latest scores, safety concerns first</caption>
        <thead>
          <tr>
            <th scope="col">Participant</th>
            {INSTRUMENTS.map((i) => (
              <th key={i} scope="col">
                {instrumentName(i)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.participantId}
              className={row.latest.PHQ9?.safetyConcern ? "row--concern" : undefined}
            >
              <th scope="row">
                <Link to={chartPath(row.participantId, cohortId)}>{row.displayName}</Link>
              </th>
              {INSTRUMENTS.map((i) => (
                <LatestCell key={i} row={row} instrument={i} timeZone={timeZone} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function SeveritiesSection({ cohort }: { cohort: CohortDetail }) {
  const { user } = useSignedIn();
  const headingId = useId();
  const severities = useSeverities(cohort.id);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        Current severities
      </h2>
      <p className="muted section-note">
        The latest PHQ-9 (depression) and GAD-7 (anxiety) of each participant. Open a name for their
        chart.
      </p>
      <QueryView
        query={severities}
        loadingLabel="Loading current severities…"
        errorTitle="We couldn't load the severities"
      >
        {(data) => (
          <SeveritiesTable severities={data} cohortId={cohort.id} timeZone={user.timeZone} />
        )}
      </QueryView>
    </section>
  );
}

function AttendanceLink({ cohort }: { cohort: CohortDetail }) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        Attendance
      </h2>
      <p>
        Minutes attended per session, late arrivals and early leaves, and each participant&apos;s
        weekly hours against the 9-hour minimum, with a CSV export for a date range.
      </p>
      <div className="actions">
        <Link className="button button--secondary" to={`/cohorts/${cohort.id}/attendance`}>
          Open attendance<HiddenContext>{`of ${cohort.name}`}</HiddenContext>
        </Link>
      </div>
    </section>
  );
}

/**
 * What the cohort page shows of the clinical record: attendance for the clinic's staff, and the
 * current severities for the cohort's clinicians only (the admin sees no clinical scores).
 */
export function CohortClinicalSections({ cohort }: { cohort: CohortDetail }) {
  const { user } = useSignedIn();
  return (
    <>
      {user.role === "FACILITATOR" && <SeveritiesSection cohort={cohort} />}
      <AttendanceLink cohort={cohort} />
    </>
  );
}
