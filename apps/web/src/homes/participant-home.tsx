import { useId } from "react";
import type { HomeFor } from "../api/home-api";
import { formatCalendarDate, formatSchedule, formatTimeZone, phaseLabel } from "../format/format";
import { useSignedIn } from "../session/auth-context";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { JoinControl } from "../sessions/join-control";
import { SessionCard, SessionDays } from "../sessions/session-card";
import { useNow } from "../sessions/use-now";
import { dayRange, useSessionList } from "../sessions/use-sessions";
import { ClinicianName } from "./clinician-name";
import { CrisisCard } from "./crisis-card";
import { QueryView } from "./query-view";
import { useRoleHome } from "./use-role-home";

type Enrollment = HomeFor<"PARTICIPANT">["enrollments"][number];

function ProgramCard({ enrollment, viewerZone }: { enrollment: Enrollment; viewerZone: string }) {
  const headingId = useId();
  const zone = formatTimeZone(enrollment.timeZone);
  return (
    <article className="card" aria-labelledby={headingId}>
      <p className="card__eyebrow">{enrollment.programName}</p>
      <h3 id={headingId} className="card__title">
        {enrollment.cohortName}
      </h3>
      <dl className="facts">
        <div className="facts__item">
          <dt>Group meets</dt>
          <dd>
            {formatSchedule(enrollment.schedule)} <span className="muted">({zone})</span>
            {enrollment.timeZone !== viewerZone && (
              <span className="facts__note">
                These times are in {zone}. Your account is set to {formatTimeZone(viewerZone)}.
              </span>
            )}
          </dd>
        </div>
        <div className="facts__item">
          <dt>Your phase</dt>
          <dd>{phaseLabel(enrollment.phase)}</dd>
        </div>
        <div className="facts__item">
          <dt>Start date</dt>
          <dd>{formatCalendarDate(enrollment.startsOn)}</dd>
        </div>
        <div className="facts__item">
          <dt>Planned discharge</dt>
          <dd>{formatCalendarDate(enrollment.plannedDischargeOn)}</dd>
        </div>
        <div className="facts__item">
          <dt>Facilitators</dt>
          <dd>
            {enrollment.facilitators.length === 0 ? (
              "Your care team will let you know who leads your group."
            ) : (
              <ul className="plain-list">
                {enrollment.facilitators.map((f) => (
                  <li key={`${f.displayName}-${f.credential}`}>
                    <ClinicianName displayName={f.displayName} credential={f.credential} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </article>
  );
}

/** The next 7 days of sessions, today included, by day, each with its join button. */
function MyWeek({ viewerZone }: { viewerZone: string }) {
  const headingId = useId();
  // Re-read every 30 seconds: join buttons open by themselves, and "today" moves at midnight.
  const now = useNow();
  const query = useSessionList(dayRange(now, viewerZone, 7));
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        My week
      </h2>
      <p className="muted section-note">Times are in {formatTimeZone(viewerZone)}.</p>
      <QueryView
        query={query}
        loadingLabel="Loading your sessions…"
        errorTitle="We couldn't load your sessions"
      >
        {(sessions) =>
          sessions.length === 0 ? (
            <EmptyState title="No sessions in the next 7 days.">
              <p>When your care team schedules sessions for you, they appear here.</p>
            </EmptyState>
          ) : (
            <SessionDays
              sessions={sessions}
              viewerZone={viewerZone}
              renderCard={(session) => (
                <SessionCard session={session} viewerZone={viewerZone} headingLevel={4}>
                  <JoinControl session={session} now={now} viewerZone={viewerZone} />
                </SessionCard>
              )}
            />
          )
        }
      </QueryView>
    </section>
  );
}

export function ParticipantHome() {
  const { user } = useSignedIn();
  const query = useRoleHome("PARTICIPANT");
  const programHeadingId = useId();
  return (
    <>
      <PageHeading>{`Welcome, ${user.firstName}`}</PageHeading>
      <div className="home-grid">
        <div className="home-grid__main stack">
          <MyWeek viewerZone={user.timeZone} />
          <section aria-labelledby={programHeadingId}>
            <h2 id={programHeadingId} className="section-title">
              Your program
            </h2>
            <QueryView
              query={query}
              loadingLabel="Loading your program…"
              errorTitle="We couldn't load your program"
            >
              {(home) =>
                home.enrollments.length === 0 ? (
                  <EmptyState title="You are not enrolled in a program yet.">
                    <p>
                      Your care team will add you. Your group times and facilitators will appear
                      here once they do.
                    </p>
                  </EmptyState>
                ) : (
                  <ul className="card-list">
                    {home.enrollments.map((enrollment) => (
                      <li key={`${enrollment.cohortName}-${enrollment.startsOn}`}>
                        <ProgramCard enrollment={enrollment} viewerZone={user.timeZone} />
                      </li>
                    ))}
                  </ul>
                )
              }
            </QueryView>
          </section>
        </div>
        <div className="home-grid__side">
          <CrisisCard />
        </div>
      </div>
    </>
  );
}
