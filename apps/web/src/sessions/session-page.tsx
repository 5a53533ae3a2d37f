import { homePathForRole, sessionKindInfo, type SessionSummary } from "@bridgeway/domain";
import { lazy, Suspense, useId } from "react";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/api-client";
import { formatTimeZone } from "../format/format";
import { formatSessionWhen } from "../format/session-time";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../sign-in/auth-context";
import { PageHeading } from "../shell/page-heading";
import { navItemsFor } from "../shell/nav-items";
import { EmptyState, LoadingState } from "../shell/status-states";
import { LeadName } from "./session-card";
import { SessionJoinPanel } from "./session-join-panel";
import { SessionRoster } from "./session-roster";
import { useNow } from "./use-now";
import { useSession } from "./use-sessions";

// The session note is for the session's clinicians only: its code loads when one opens it.
const SessionNoteSection = lazy(() =>
  import("../clinical/session-note-section").then((m) => ({ default: m.SessionNoteSection })),
);

function SessionDetails({
  session,
  viewerZone,
  staff,
  showCohort,
}: {
  session: SessionSummary;
  viewerZone: string;
  staff: boolean;
  /** Family members see the session, not the participant's group. */
  showCohort: boolean;
}) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        Details
        {session.status === "CANCELLED" && <span className="badge badge--danger">Cancelled</span>}
        {session.status !== "CANCELLED" && session.rescheduled && (
          <span className="badge badge--info">Rescheduled</span>
        )}
      </h2>
      <dl className="facts">
        <div className="facts__item">
          <dt>When</dt>
          <dd>
            {formatSessionWhen(session.startsAt, session.endsAt, viewerZone)}
            {session.timeZone !== viewerZone && (
              <span className="facts__note">
                In {formatTimeZone(session.timeZone)}:{" "}
                {formatSessionWhen(session.startsAt, session.endsAt, session.timeZone)}
              </span>
            )}
          </dd>
        </div>
        <div className="facts__item">
          <dt>Kind</dt>
          <dd>{sessionKindInfo(session.kind).label}</dd>
        </div>
        {showCohort && session.cohort && (
          <div className="facts__item">
            <dt>Group</dt>
            <dd>
              {staff ? (
                <Link to={`/cohorts/${session.cohort.id}`}>{session.cohort.name}</Link>
              ) : (
                session.cohort.name
              )}
            </dd>
          </div>
        )}
        {staff && session.participant && (
          <div className="facts__item">
            <dt>Participant</dt>
            <dd>{session.participant.displayName}</dd>
          </div>
        )}
        <div className="facts__item">
          <dt>Led by</dt>
          <dd>{session.lead ? <LeadName lead={session.lead} /> : "Not assigned yet"}</dd>
        </div>
      </dl>
    </section>
  );
}

function RosterSection({ sessionId }: { sessionId: string }) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        Who is expected
      </h2>
      <SessionRoster sessionId={sessionId} />
    </section>
  );
}

export function SessionPage() {
  const { sessionId = "" } = useParams();
  const { user } = useSignedIn();
  const query = useSession(sessionId);
  const now = useNow();
  const staff = user.role === "ADMIN" || user.role === "FACILITATOR";
  const homeLink = (
    <Link to={homePathForRole(user.role)}>
      Back to {navItemsFor(user.role)[0]?.label ?? "home"}
    </Link>
  );

  if (query.isError && query.error instanceof ApiError && query.error.status === 404) {
    return (
      <>
        <PageHeading>Session not found</PageHeading>
        <EmptyState title="This session does not exist, or it is not one of yours.">
          <p>{homeLink}</p>
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeading>{query.data ? sessionKindInfo(query.data.kind).label : "Session"}</PageHeading>
      <p className="page-back">{homeLink}</p>
      <QueryView
        query={query}
        loadingLabel="Loading the session…"
        errorTitle="We couldn't load this session"
      >
        {(session) => (
          <div className="home-grid">
            <div className="home-grid__main stack">
              <SessionJoinPanel session={session} now={now} viewerZone={user.timeZone} />
              <SessionDetails
                session={session}
                viewerZone={user.timeZone}
                staff={staff}
                showCohort={user.role !== "FAMILY"}
              />
              {user.role === "FACILITATOR" && (
                <Suspense fallback={<LoadingState label="Loading the session note…" />}>
                  <SessionNoteSection session={session} now={now} />
                </Suspense>
              )}
            </div>
            {staff && (
              <div className="home-grid__side">
                <RosterSection sessionId={session.id} />
              </div>
            )}
          </div>
        )}
      </QueryView>
    </>
  );
}
