import {
  describeWeeklyPattern,
  nextStepDownPhase,
  sessionKindInfo,
  weekStartOf,
  type CohortDetail,
  type EnrollmentSummary,
  type SessionSummary,
} from "@bridgeway/domain";
import { useId, useState } from "react";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/api-client";
import { ChartLink, CohortClinicalSections } from "../clinical/cohort-clinical";
import {
  formatCalendarDate,
  formatSchedule,
  formatTimeZone,
  phaseLabel,
  plural,
} from "../format/format";
import { formatHours, formatShortDay, formatWeekdays } from "../format/session-time";
import { QueryView } from "../homes/query-view";
import { useFacilitators, useParticipants } from "../people/use-people";
import { useSignedIn } from "../sign-in/auth-context";
import { AttendanceFlagsCard } from "../reminders/attendance-flags-card";
import { PageHeading } from "../shell/page-heading";
import { EmptyState, ErrorState, LoadingState } from "../shell/status-states";
import { TableScroll } from "../shell/table-scroll";
import { CancelSessionForm } from "../sessions/cancel-session-form";
import { RescheduleForm } from "../sessions/reschedule-form";
import { LeadName, SessionCard, SessionDays, sessionContext } from "../sessions/session-card";
import { useNow } from "../sessions/use-now";
import { dayRange, useSessionList } from "../sessions/use-sessions";
import { todayIn } from "../time/zoned-time";
import { EditScheduleForm } from "./edit-schedule-form";
import { EnrollForm } from "./enroll-form";
import { MultiFamilyForm } from "./multi-family-form";
import { flaggedWeeksAhead, plannedHoursWarning, shortWeekReasons } from "./planned-hours";
import { latestPhase, StepDownForm } from "./step-down-form";
import { useCohort } from "./use-cohorts";
import { HiddenContext } from "../shell/hidden-context";

/** Weeks of meetings the cohort page lists, from today. */
const SESSION_WEEKS = 4;

function Notice({ message }: { message: string | null }) {
  return (
    <div role="status" className="status-slot">
      {message !== null && <p className="notice">{message}</p>}
    </div>
  );
}

function CohortSummary({ cohort }: { cohort: CohortDetail }) {
  const { user } = useSignedIn();
  const headingId = useId();
  const panelId = useId();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const facilitators = useFacilitators();
  const zone = formatTimeZone(cohort.timeZone);
  return (
    <section className="card" aria-labelledby={headingId}>
      <p className="card__eyebrow">{cohort.program.name}</p>
      <h2 id={headingId} className="card__title">
        Schedule and facilitators
      </h2>
      <dl className="facts">
        <div className="facts__item">
          <dt>Meets</dt>
          <dd>
            {formatSchedule(describeWeeklyPattern(cohort.weeklyPattern))}{" "}
            <span className="muted">({zone})</span>
          </dd>
        </div>
        <div className="facts__item">
          <dt>Group</dt>
          <dd>{sessionKindInfo(cohort.groupSessionKind).label}</dd>
        </div>
        <div className="facts__item">
          <dt>Dates</dt>
          <dd>
            {formatCalendarDate(cohort.startsOn)} to {formatCalendarDate(cohort.endsOn)}
          </dd>
        </div>
        <div className="facts__item">
          <dt>Capacity</dt>
          <dd>
            {cohort.enrollments.filter((e) => e.status === "ACTIVE").length} of {cohort.capacity}{" "}
            places taken
          </dd>
        </div>
        <div className="facts__item">
          <dt>Lead facilitator</dt>
          <dd>{cohort.lead ? <LeadName lead={cohort.lead} /> : "Not assigned"}</dd>
        </div>
        <div className="facts__item">
          <dt>Co-facilitators</dt>
          <dd>
            {cohort.coFacilitators.length === 0 ? (
              "None"
            ) : (
              <ul className="plain-list">
                {cohort.coFacilitators.map((f) => (
                  <li key={f.id}>
                    <LeadName lead={f} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      <Notice message={notice} />
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={editing}
          aria-controls={panelId}
          onClick={() => {
            setEditing(!editing);
            setNotice(null);
          }}
        >
          Edit schedule
        </button>
      </div>
      <div id={panelId} hidden={!editing} className="panel">
        {editing &&
          (facilitators.isPending ? (
            <LoadingState label="Loading facilitators…" />
          ) : facilitators.isError ? (
            <ErrorState
              title="We couldn't load the facilitators"
              error={facilitators.error}
              onRetry={() => void facilitators.refetch()}
              retrying={facilitators.isFetching}
            />
          ) : (
            <EditScheduleForm
              cohort={cohort}
              facilitators={facilitators.data}
              assignsStaff={user.role === "ADMIN"}
              today={todayIn(user.timeZone, new Date())}
              onDone={(message) => {
                setEditing(false);
                setNotice(message);
              }}
              onClose={() => setEditing(false)}
            />
          ))}
      </div>
    </section>
  );
}

/** This week's planned hours, or the start date for an enrolment that has not begun. */
function PlannedHoursCell({ enrollment, today }: { enrollment: EnrollmentSummary; today: string }) {
  const week = enrollment.plannedThisWeek;
  const notStarted = enrollment.startsOn > today;
  const warning = notStarted ? null : plannedHoursWarning(week.status);
  const weekStart = weekStartOf(today);
  const flagged = flaggedWeeksAhead(enrollment.plannedWeeks, weekStart);
  const ahead = enrollment.plannedWeeks.filter((w) => w.weekStart >= weekStart);
  return (
    <td className={warning ? `hours hours--${warning.tone}` : "hours"}>
      {notStarted ? (
        <span>Starts {formatCalendarDate(enrollment.startsOn)}</span>
      ) : (
        <>
          {formatHours(week.plannedHours)}
          <span className="cell-note">this week</span>
        </>
      )}
      {warning && (
        <span className={`badge badge--${warning.tone} hours__warning`}>{warning.text}</span>
      )}
      {ahead.length > 0 && (
        <details className="hours__weeks">
          <summary>
            {flagged.length === 0
              ? `${plural(ahead.length, "week", "weeks")} ahead, all in range`
              : `${plural(flagged.length, "week", "weeks")} of ${ahead.length} flagged`}
            <HiddenContext>{`for ${enrollment.participant.displayName}`}</HiddenContext>
          </summary>
          <ul className="plain-list hours__week-list">
            {ahead.map((w) => {
              const flag = plannedHoursWarning(w.status);
              const why = shortWeekReasons(w.reasons);
              return (
                <li key={w.weekStart} className={flag ? `hours--${flag.tone}` : undefined}>
                  Week of {formatShortDay(w.weekStart)}: {formatHours(w.plannedHours)}
                  {flag && (
                    <span className="cell-note">
                      {flag.text}
                      {why && ` (${why})`}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </td>
  );
}

const STATUS_LABELS: Record<EnrollmentSummary["status"], string> = {
  ACTIVE: "Active",
  DISCHARGED: "Discharged",
  WITHDRAWN: "Withdrawn",
};

function ParticipantsSection({ cohort }: { cohort: CohortDetail }) {
  const { user } = useSignedIn();
  const headingId = useId();
  const captionId = useId();
  const [steppingDown, setSteppingDown] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const stepping = cohort.enrollments.find((e) => e.id === steppingDown);
  const today = todayIn(cohort.timeZone, new Date());
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        Participants
      </h2>
      <Notice message={notice} />
      {cohort.enrollments.length === 0 ? (
        <EmptyState title="No one is enrolled yet.">
          <p>
            {user.role === "ADMIN"
              ? "Enroll participants below. They then see this cohort's sessions in My week."
              : "The clinic's admins enroll participants. They then see this cohort's sessions in My week."}
          </p>
        </EmptyState>
      ) : (
        <TableScroll labelledBy={captionId}>
          <table className="table">
            <caption id={captionId}>Participants in {cohort.name}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Phase</th>
                <th scope="col">Days attended</th>
                <th scope="col">Start</th>
                <th scope="col">Planned discharge</th>
                <th scope="col">Planned hours</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {cohort.enrollments.map((enrollment) => {
                const name = enrollment.participant.displayName;
                const canStepDown =
                  enrollment.status === "ACTIVE" &&
                  nextStepDownPhase(latestPhase(enrollment)) !== null;
                return (
                  <tr key={enrollment.id}>
                    <th scope="row">
                      {name}
                      {enrollment.status !== "ACTIVE" && (
                        <span className="cell-note">{STATUS_LABELS[enrollment.status]}</span>
                      )}
                    </th>
                    <td>
                      {phaseLabel(enrollment.phase)}
                      {enrollment.phases
                        .filter((period) => period.effectiveFrom > today)
                        .map((period) => (
                          <span key={period.effectiveFrom} className="cell-note">
                            {phaseLabel(period.phase)} from{" "}
                            {formatCalendarDate(period.effectiveFrom)}
                          </span>
                        ))}
                    </td>
                    <td>{formatWeekdays(enrollment.days)}</td>
                    <td>{formatCalendarDate(enrollment.startsOn)}</td>
                    <td>{formatCalendarDate(enrollment.plannedDischargeOn)}</td>
                    <PlannedHoursCell enrollment={enrollment} today={today} />
                    <td>
                      <div className="cell-actions">
                        {canStepDown && (
                          <button
                            type="button"
                            className="button button--quiet button--small"
                            aria-expanded={steppingDown === enrollment.id}
                            onClick={() => {
                              setNotice(null);
                              setSteppingDown(
                                steppingDown === enrollment.id ? null : enrollment.id,
                              );
                            }}
                          >
                            Step down<HiddenContext>{name}</HiddenContext>
                          </button>
                        )}
                        {enrollment.status === "ACTIVE" && (
                          <Link
                            className="button button--quiet button--small"
                            to={`/sessions/new?participantId=${enrollment.participant.id}&cohortId=${cohort.id}`}
                          >
                            Book a session<HiddenContext>{`with ${name}`}</HiddenContext>
                          </Link>
                        )}
                        <Link
                          className="button button--quiet button--small"
                          to={`/participants/${enrollment.participant.id}/family?cohortId=${cohort.id}`}
                        >
                          Family<HiddenContext>{`of ${name}`}</HiddenContext>
                        </Link>
                        <ChartLink participant={enrollment.participant} cohortId={cohort.id} />
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {stepping && (
        <div className="panel">
          <StepDownForm
            key={stepping.id}
            cohort={cohort}
            enrollment={stepping}
            onDone={(message) => {
              setSteppingDown(null);
              setNotice(message);
            }}
            onClose={() => setSteppingDown(null)}
          />
        </div>
      )}
    </section>
  );
}

function EnrollSection({ cohort }: { cohort: CohortDetail }) {
  const headingId = useId();
  const participants = useParticipants();
  const [notice, setNotice] = useState<string | null>(null);
  const today = todayIn(cohort.timeZone, new Date());
  const defaultStart = cohort.startsOn > today ? cohort.startsOn : today;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        Enroll a participant
      </h2>
      <Notice message={notice} />
      {participants.isPending ? (
        <LoadingState label="Loading participants…" />
      ) : participants.isError ? (
        <ErrorState
          title="We couldn't load the participants"
          error={participants.error}
          onRetry={() => void participants.refetch()}
          retrying={participants.isFetching}
        />
      ) : (
        <EnrollForm
          cohort={cohort}
          participants={participants.data}
          defaultStart={defaultStart}
          onDone={setNotice}
        />
      )}
    </section>
  );
}

function MultiFamilySection({ cohort }: { cohort: CohortDetail }) {
  const headingId = useId();
  const [booked, setBooked] = useState<{ id: string; when: string } | null>(null);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        Book a multi-family group
      </h2>
      <p>
        Everyone enrolled in {cohort.name} is invited, with the family members whose consent covers
        multi-family groups. They join from the same waiting room as other sessions; breakout rooms
        can be opened for each family.
      </p>
      <div role="status" className="status-slot">
        {booked !== null && (
          <p className="notice">
            Multi-family group booked: {booked.when}.{" "}
            <Link to={`/sessions/${booked.id}`}>Open the session</Link>
          </p>
        )}
      </div>
      <MultiFamilyForm cohort={cohort} onBooked={(id, when) => setBooked({ id, when })} />
    </section>
  );
}

type Panel = { sessionId: string; kind: "reschedule" | "cancel" } | null;

function CohortSessionCard({
  session,
  viewerZone,
  now,
  panel,
  setPanel,
  onChanged,
}: {
  session: SessionSummary;
  viewerZone: string;
  now: Date;
  panel: Panel;
  setPanel: (panel: Panel) => void;
  onChanged: (message: string) => void;
}) {
  const facilitators = useFacilitators();
  const context = sessionContext(session, viewerZone);
  const open = panel?.sessionId === session.id ? panel.kind : null;
  const changeable = session.status === "SCHEDULED" && Date.parse(session.endsAt) > now.getTime();
  const panelId = useId();
  return (
    <SessionCard session={session} viewerZone={viewerZone} headingLevel={4} showParticipant>
      <Link className="session-card__link" to={`/sessions/${session.id}`}>
        Open session<HiddenContext>{context}</HiddenContext>
      </Link>
      {changeable && (
        <>
          <button
            type="button"
            className="button button--quiet button--small"
            aria-expanded={open === "reschedule"}
            aria-controls={panelId}
            onClick={() =>
              setPanel(open === "reschedule" ? null : { sessionId: session.id, kind: "reschedule" })
            }
          >
            Reschedule<HiddenContext>{context}</HiddenContext>
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            aria-expanded={open === "cancel"}
            aria-controls={panelId}
            onClick={() =>
              setPanel(open === "cancel" ? null : { sessionId: session.id, kind: "cancel" })
            }
          >
            Cancel session<HiddenContext>{context}</HiddenContext>
          </button>
        </>
      )}
      <div id={panelId} className="session-card__panel" hidden={open === null}>
        {open === "reschedule" && (
          <RescheduleForm
            session={session}
            viewerZone={viewerZone}
            facilitators={facilitators.data}
            today={todayIn(viewerZone, now)}
            onDone={() => {
              setPanel(null);
              onChanged(`${context}: changes saved.`);
            }}
            onClose={() => setPanel(null)}
          />
        )}
        {open === "cancel" && (
          <CancelSessionForm
            session={session}
            onDone={() => {
              setPanel(null);
              onChanged(`${context}: cancelled. The other meetings are unchanged.`);
            }}
            onClose={() => setPanel(null)}
          />
        )}
      </div>
    </SessionCard>
  );
}

function CohortSessions({ cohort }: { cohort: CohortDetail }) {
  const { user } = useSignedIn();
  const headingId = useId();
  const now = useNow();
  const range = dayRange(now, user.timeZone, SESSION_WEEKS * 7);
  const query = useSessionList({ ...range, cohortId: cohort.id });
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        Sessions in the next {SESSION_WEEKS} weeks
      </h2>
      <p className="muted section-note">
        Times are in {formatTimeZone(user.timeZone)}
        {cohort.timeZone !== user.timeZone &&
          `, with the group's own time in ${formatTimeZone(cohort.timeZone)}`}
        . Rescheduling or cancelling changes one meeting only.
      </p>
      <Notice message={notice} />
      <QueryView
        query={query}
        loadingLabel="Loading sessions…"
        errorTitle="We couldn't load the sessions"
      >
        {(sessions) =>
          sessions.length === 0 ? (
            <EmptyState title={`No sessions in the next ${SESSION_WEEKS} weeks.`}>
              <p>Meetings appear here from the cohort&apos;s weekly pattern and start date.</p>
            </EmptyState>
          ) : (
            <SessionDays
              sessions={sessions}
              viewerZone={user.timeZone}
              renderCard={(session) => (
                <CohortSessionCard
                  session={session}
                  viewerZone={user.timeZone}
                  now={now}
                  panel={panel}
                  setPanel={setPanel}
                  onChanged={setNotice}
                />
              )}
            />
          )
        }
      </QueryView>
    </section>
  );
}

/** One cohort: its schedule, participants with phases and planned hours, and its sessions. */
export function CohortPage() {
  const { cohortId = "" } = useParams();
  const { user } = useSignedIn();
  const query = useCohort(cohortId);
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
  return (
    <>
      <PageHeading>{query.data?.name ?? "Cohort"}</PageHeading>
      <p className="page-back">
        <Link to="/cohorts">Back to cohorts</Link>
      </p>
      <QueryView
        query={query}
        loadingLabel="Loading the cohort…"
        errorTitle="We couldn't load this cohort"
      >
        {(cohort) => (
          <div className="stack">
            <CohortSummary cohort={cohort} />
            <ParticipantsSection cohort={cohort} />
            <AttendanceFlagsCard cohortId={cohort.id} />
            <CohortClinicalSections cohort={cohort} />
            {/* Enrolling creates a care relationship: the clinic's (admin's) decision. */}
            {user.role === "ADMIN" && <EnrollSection cohort={cohort} />}
            <MultiFamilySection cohort={cohort} />
            <CohortSessions cohort={cohort} />
          </div>
        )}
      </QueryView>
    </>
  );
}
