import {
  addDaysToDate,
  credentialLabel,
  LICENSE_EXPIRY_WARNING_DAYS,
  MAX_SESSION_RANGE_DAYS,
  sessionKindInfo,
} from "@bridgeway/domain";
import { lazy, Suspense, useId } from "react";
import { Link } from "react-router";
import type { HomeFor } from "../api/home-api";
import {
  describeExpiry,
  facilitatorRoleLabel,
  formatCalendarDate,
  formatSchedule,
  formatTimeZone,
  phaseLabel,
} from "../format/format";
import { formatDayHeading, formatSessionWhen } from "../format/session-time";
import { useSignedIn } from "../sign-in/auth-context";
import { FollowUpsCard } from "../reminders/follow-ups-card";
import { SessionCard, sessionContext } from "../sessions/session-card";
import { RosterToggle } from "../sessions/session-roster";
import { useNow } from "../sessions/use-now";
import { dayRange, useSessionList } from "../sessions/use-sessions";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { TableScroll } from "../shell/table-scroll";
import { QueryView } from "./query-view";
import { useRoleHome } from "./use-role-home";
import { HiddenContext } from "../shell/hidden-context";

// Treatment plan reviews come from the clinical record, whose code loads after the home.
const ReviewsDueCard = lazy(() =>
  import("../clinical/reviews-due-card").then((m) => ({ default: m.ReviewsDueCard })),
);

type FacilitatorHomeData = HomeFor<"FACILITATOR">;
type License = NonNullable<FacilitatorHomeData["license"]>;
type Cohort = FacilitatorHomeData["cohorts"][number];

function LicenseCard({ license }: { license: License | null }) {
  const headingId = useId();
  if (!license) {
    return (
      <section className="card" aria-labelledby={headingId}>
        <h2 id={headingId} className="card__title">
          Your license
        </h2>
        <p>No license is on file for you. Ask your clinic admin to record your credential.</p>
      </section>
    );
  }
  const expired = license.daysUntilExpiry < 0;
  const soon = !expired && license.daysUntilExpiry <= LICENSE_EXPIRY_WARNING_DAYS;
  const tone = expired ? "card--danger" : soon ? "card--warning" : "";
  return (
    <section className={`card ${tone}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        Your license
        {expired && <span className="badge badge--danger">Expired</span>}
        {soon && <span className="badge badge--warning">Expires soon</span>}
      </h2>
      <dl className="facts">
        <div className="facts__item">
          <dt>Credential</dt>
          <dd>{credentialLabel(license.credential)}</dd>
        </div>
        <div className="facts__item">
          <dt>State</dt>
          <dd>{license.licenseState}</dd>
        </div>
        <div className="facts__item">
          <dt>{expired ? "Expired on" : "Expires on"}</dt>
          <dd>
            {formatCalendarDate(license.licenseExpiresOn)}{" "}
            <span className="muted">({describeExpiry(license.daysUntilExpiry)})</span>
          </dd>
        </div>
      </dl>
      {expired && (
        <p className="card__callout">
          Your license has expired. Renew it and send the new expiry date to your clinic admin.
        </p>
      )}
      {soon && (
        <p className="card__callout">
          Renew your license before it expires and send the new expiry date to your clinic admin.
        </p>
      )}
    </section>
  );
}

function CohortSection({ cohort }: { cohort: Cohort }) {
  const headingId = useId();
  const captionId = useId();
  const enrolled = cohort.participants.length;
  return (
    <section className="card" aria-labelledby={headingId}>
      <p className="card__eyebrow">{cohort.programName}</p>
      <h3 id={headingId} className="card__title">
        <Link to={`/cohorts/${cohort.id}`}>{cohort.name}</Link>
      </h3>
      <dl className="facts">
        <div className="facts__item">
          <dt>Meets</dt>
          <dd>
            {formatSchedule(cohort.schedule)}{" "}
            <span className="muted">({formatTimeZone(cohort.timeZone)})</span>
          </dd>
        </div>
        <div className="facts__item">
          <dt>Your role</dt>
          <dd>{facilitatorRoleLabel(cohort.myRole)}</dd>
        </div>
        <div className="facts__item">
          <dt>Enrolled</dt>
          <dd>
            {enrolled} of {cohort.capacity} places
          </dd>
        </div>
      </dl>
      {enrolled === 0 ? (
        <p className="muted">
          No one is enrolled yet. Participants appear here when your clinic admin enrolls them.
        </p>
      ) : (
        <TableScroll labelledBy={captionId}>
          <table className="table">
            <caption id={captionId}>Participants in {cohort.name}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Phase</th>
              </tr>
            </thead>
            <tbody>
              {cohort.participants.map((p, index) => (
                <tr key={`${p.displayName}-${index}`}>
                  <th scope="row">{p.displayName}</th>
                  <td>{phaseLabel(p.phase)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

/** On an empty day: the next session still to come, in the facilitator's zone, with a link. */
function NextSession({ viewerZone, today }: { viewerZone: string; today: string }) {
  const query = useSessionList({
    from: addDaysToDate(today, 1),
    to: addDaysToDate(today, MAX_SESSION_RANGE_DAYS),
  });
  if (query.isPending) return <p className="muted">Looking for your next session…</p>;
  const next = query.data?.find((s) => s.status === "SCHEDULED");
  if (!next) {
    return (
      <p>
        {query.isError
          ? "We couldn't look up your next session. "
          : `Nothing is scheduled for you in the next ${MAX_SESSION_RANGE_DAYS} days. `}
        Your group meetings and booked sessions appear here on their day.
      </p>
    );
  }
  return (
    <p>
      Your next session: {sessionKindInfo(next.kind).label}
      {next.cohort ? `, ${next.cohort.name}` : ""}, on{" "}
      {formatSessionWhen(next.startsAt, next.endsAt, viewerZone)}.{" "}
      <Link to={`/sessions/${next.id}`}>
        Open the next session
        <HiddenContext>{sessionContext(next, viewerZone)}</HiddenContext>
      </Link>
    </p>
  );
}

/** Today's sessions in the facilitator's zone, each with its roster and a link to it. */
function TodaySessions({ viewerZone }: { viewerZone: string }) {
  const headingId = useId();
  const now = useNow();
  const range = dayRange(now, viewerZone, 1);
  const query = useSessionList(range);
  return (
    <section aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId} className="section-title">
          Today
        </h2>
        <Link className="button button--secondary" to="/sessions/new">
          Book a session
        </Link>
      </div>
      <p className="muted section-note">
        {formatDayHeading(range.from)}. Times are in {formatTimeZone(viewerZone)}.
      </p>
      <QueryView
        query={query}
        loadingLabel="Loading today's sessions…"
        errorTitle="We couldn't load today's sessions"
      >
        {(sessions) =>
          sessions.length === 0 ? (
            <EmptyState title="No sessions today.">
              <NextSession viewerZone={viewerZone} today={range.from} />
            </EmptyState>
          ) : (
            <ul className="card-list">
              {sessions.map((session) => (
                <li key={session.id}>
                  <SessionCard session={session} viewerZone={viewerZone} showParticipant>
                    <Link className="button" to={`/sessions/${session.id}`}>
                      Open session
                      <HiddenContext>{sessionContext(session, viewerZone)}</HiddenContext>
                    </Link>
                    {session.status !== "CANCELLED" && (
                      <RosterToggle session={session} viewerZone={viewerZone} />
                    )}
                  </SessionCard>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

export function FacilitatorHome() {
  const { user } = useSignedIn();
  const query = useRoleHome("FACILITATOR");
  const cohortsHeadingId = useId();
  return (
    <>
      <PageHeading>{`Welcome, ${user.firstName}`}</PageHeading>
      <div className="stack">
        <TodaySessions viewerZone={user.timeZone} />
        <FollowUpsCard />
        <Suspense fallback={null}>
          <ReviewsDueCard />
        </Suspense>
        <QueryView
          query={query}
          loadingLabel="Loading your cohorts…"
          errorTitle="We couldn't load your cohorts"
        >
          {(home) => (
            <div className="stack">
              <LicenseCard license={home.license} />
              <section aria-labelledby={cohortsHeadingId}>
                <h2 id={cohortsHeadingId} className="section-title">
                  Your cohorts
                </h2>
                {home.cohorts.length === 0 ? (
                  <EmptyState title="You are not facilitating any cohorts yet.">
                    <p>
                      Cohorts appear here, with their schedules and rosters, when your clinic admin
                      assigns you to one.
                    </p>
                  </EmptyState>
                ) : (
                  <div className="stack">
                    {home.cohorts.map((cohort) => (
                      <CohortSection key={cohort.id} cohort={cohort} />
                    ))}
                  </div>
                )}
              </section>
            </div>
          )}
        </QueryView>
      </div>
    </>
  );
}
