import {
  INSTRUMENT_DEFINITIONS,
  severityLabel,
  type AssessmentAssignmentDto,
  type AssessmentHistory,
} from "@bridgeway/domain";
import { useId } from "react";
import { Link } from "react-router";
import { formatCalendarDate, plural } from "../format/format";
import { formatMoment } from "../format/session-time";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../session/auth-context";
import { useNow } from "../sessions/use-now";
import { HiddenContext } from "../shell/hidden-context";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { TableScroll } from "../shell/table-scroll";
import { todayIn } from "../time/zoned-time";
import { HelpNow, LiveCrisisSupport } from "./help-now";
import { instrumentName, scoreOutOf } from "./severity";
import { useAssessments } from "./use-clinical";
import "./clinical.css";

/** Results shown under "Your recent check-ins". */
const RECENT_RESULTS = 6;

function dueText(dueOn: string, today: string): string {
  if (dueOn === today) return "Due today";
  if (dueOn < today) return `Waiting since ${formatCalendarDate(dueOn)}`;
  return `Next one on ${formatCalendarDate(dueOn)}`;
}

function DueCard({ item, today }: { item: AssessmentAssignmentDto; today: string }) {
  const headingId = useId();
  const definition = INSTRUMENT_DEFINITIONS[item.instrument];
  return (
    <li>
      <article className="card check-in-card" aria-labelledby={headingId}>
        <p className="card__eyebrow">{definition.name}</p>
        <h3 id={headingId} className="card__title">
          {definition.title}
        </h3>
        <p>
          {dueText(item.dueOn, today)} · {plural(definition.items.length, "question", "questions")},
          about 2 minutes
        </p>
        <Link
          className="button button--block check-in-card__start"
          to={`/participant/check-ins/${item.id}`}
        >
          Start<HiddenContext>{`the ${definition.name}`}</HiddenContext>
        </Link>
      </article>
    </li>
  );
}

function DueList({ history, today }: { history: AssessmentHistory; today: string }) {
  const headingId = useId();
  const now = history.due.filter((d) => d.dueOn <= today);
  const later = history.due.filter((d) => d.dueOn > today);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        Waiting for you
      </h2>
      {now.length === 0 ? (
        <EmptyState title="Nothing to fill in right now.">
          <p>
            {later.length > 0
              ? `Your next check-in is on ${formatCalendarDate(later[0]?.dueOn ?? "")}.`
              : "When your care team asks for a check-in, it appears here."}{" "}
            <Link to="/participant">Go to My week</Link>
          </p>
        </EmptyState>
      ) : (
        <ul className="card-list">
          {now.map((item) => (
            <DueCard key={item.id} item={item} today={today} />
          ))}
        </ul>
      )}
      {now.length > 0 && later.length > 0 && (
        <p className="muted section-after">
          Coming up:{" "}
          {later
            .map((d) => `${instrumentName(d.instrument)} on ${formatCalendarDate(d.dueOn)}`)
            .join(", ")}
          .
        </p>
      )}
    </section>
  );
}

function RecentResults({ history, timeZone }: { history: AssessmentHistory; timeZone: string }) {
  const headingId = useId();
  const captionId = useId();
  const recent = [...history.results].reverse().slice(0, RECENT_RESULTS);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        Your recent check-ins
      </h2>
      {recent.length === 0 ? (
        <EmptyState title="No check-ins yet.">
          <p>Your scores appear here after your first check-in, so you can see how things move.</p>
        </EmptyState>
      ) : (
        <TableScroll labelledBy={captionId}>
          <table className="table">
            <caption id={captionId}>Your recent check-ins, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Check-in</th>
                <th scope="col">Score</th>
                <th scope="col">Band</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <time dateTime={r.completedAt}>{formatMoment(r.completedAt, timeZone)}</time>
                  </th>
                  <td>{instrumentName(r.instrument)}</td>
                  <td>{scoreOutOf(r.instrument, r.total)}</td>
                  <td>{severityLabel(r.severity)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

/** `/participant/check-ins`: the questionnaires waiting for the participant, and recent scores. */
export function CheckInsPage() {
  const { user } = useSignedIn();
  const history = useAssessments(user.id);
  const now = useNow();
  const today = todayIn(user.timeZone, now);
  return (
    <>
      <PageHeading>Check-ins</PageHeading>
      <p className="section-note page-intro">
        Short questionnaires about how you have been feeling. Your care team uses them to see how
        things change over time.
      </p>
      <LiveCrisisSupport />
      <QueryView
        query={history}
        loadingLabel="Loading your check-ins…"
        errorTitle="We couldn't load your check-ins"
      >
        {(data) => (
          <div className="stack">
            <DueList history={data} today={today} />
            <RecentResults history={data} timeZone={user.timeZone} />
            <HelpNow />
          </div>
        )}
      </QueryView>
    </>
  );
}
