import type { AftercareDto } from "@bridgeway/domain";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { HomeFor } from "../api/home-api";
import { AftercareView } from "../clinical/treatment-plan-view";
import { useAftercare } from "../clinical/use-clinical";
import "../clinical/clinical.css";
import { formatWeekdays } from "../format/session-time";
import { formatCalendarDate, formatSchedule, formatTimeZone } from "../format/format";
import { useSignedIn } from "../sign-in/auth-context";
import { SAFETY_PLAN_PATH } from "../shell/nav-items";
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

const AFTERCARE_PATH = "/participant/aftercare";

type Enrollment = HomeFor<"PARTICIPANT">["enrollments"][number];

function ProgramCard({ enrollment, viewerZone }: { enrollment: Enrollment; viewerZone: string }) {
  const { t } = useTranslation("home");
  const headingId = useId();
  const zone = formatTimeZone(enrollment.timeZone);
  return (
    <article className="card" aria-labelledby={headingId}>
      <p className="card__eyebrow" translate="no">
        {enrollment.programName}
      </p>
      <h3 id={headingId} className="card__title" translate="no">
        {enrollment.cohortName}
      </h3>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t("groupMeets")}</dt>
          <dd>
            {formatSchedule(enrollment.schedule)} <span className="muted">({zone})</span>
            {enrollment.timeZone !== viewerZone && (
              <span className="facts__note">
                {t("otherZone", { zone, yours: formatTimeZone(viewerZone) })}
              </span>
            )}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t("yourPhase")}</dt>
          <dd>
            {t("phase", { count: enrollment.phase })}
            {enrollment.nextPhase && (
              <span className="facts__note">
                {t("nextChange", {
                  phase: t("phase", { count: enrollment.nextPhase.phase }),
                  days: formatWeekdays(enrollment.nextPhase.days),
                  date: formatCalendarDate(enrollment.nextPhase.effectiveFrom),
                })}
              </span>
            )}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t("startDate")}</dt>
          <dd>{formatCalendarDate(enrollment.startsOn)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t("plannedDischarge")}</dt>
          <dd>{formatCalendarDate(enrollment.plannedDischargeOn)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t("facilitators")}</dt>
          <dd>
            {enrollment.facilitators.length === 0 ? (
              t("noFacilitators")
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
  const { t } = useTranslation("home");
  const headingId = useId();
  // Re-read every 30 seconds: join buttons open by themselves, and "today" moves at midnight.
  const now = useNow();
  const query = useSessionList(dayRange(now, viewerZone, 7));
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {t("myWeek")}
      </h2>
      <p className="muted section-note">{t("timesIn", { zone: formatTimeZone(viewerZone) })}</p>
      <QueryView query={query} loadingLabel={t("loadingSessions")} errorTitle={t("sessionsFailed")}>
        {(sessions) =>
          sessions.length === 0 ? (
            <EmptyState title={t("noSessions")}>
              <p>{t("noSessionsHint")}</p>
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

/** After discharge: when the program ended, the aftercare plan, and the safety plan. */
function DischargedCard({ latest }: { latest: AftercareDto }) {
  const { t } = useTranslation("home");
  const headingId = useId();
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId} className="card__title">
        {t("endedOn", { date: formatCalendarDate(latest.dischargedOn) })}
      </h3>
      <p>{t("discharged")}</p>
      <AftercareView aftercare={latest.aftercare} />
      <div className="actions">
        <Link className="button" to={AFTERCARE_PATH}>
          {t("myAftercarePlan")}
        </Link>
        <Link className="button button--secondary" to={SAFETY_PLAN_PATH}>
          {t("mySafetyPlan")}
        </Link>
      </div>
    </article>
  );
}

/** No active enrolment: either discharged (with an aftercare plan) or not yet enrolled. */
function NotEnrolled({ participantId }: { participantId: string }) {
  const { t } = useTranslation("home");
  const aftercare = useAftercare(participantId);
  return (
    <QueryView
      query={aftercare}
      loadingLabel={t("loadingProgram")}
      errorTitle={t("aftercareFailed")}
    >
      {(list) => {
        const latest = [...list].sort((a, b) => b.dischargedOn.localeCompare(a.dischargedOn))[0];
        return latest ? (
          <DischargedCard latest={latest} />
        ) : (
          <EmptyState title={t("notEnrolled")}>
            <p>{t("notEnrolledHint")}</p>
          </EmptyState>
        );
      }}
    </QueryView>
  );
}

export function ParticipantHome() {
  const { t } = useTranslation("home");
  const { user } = useSignedIn();
  const query = useRoleHome("PARTICIPANT");
  const programHeadingId = useId();
  return (
    <>
      <PageHeading>{t("welcome", { name: user.firstName })}</PageHeading>
      <div className="home-grid">
        <div className="home-grid__main stack">
          <MyWeek viewerZone={user.timeZone} />
          <section aria-labelledby={programHeadingId}>
            <h2 id={programHeadingId} className="section-title">
              {t("yourProgram")}
            </h2>
            <QueryView
              query={query}
              loadingLabel={t("loadingProgram")}
              errorTitle={t("programFailed")}
            >
              {(home) =>
                home.enrollments.length === 0 ? (
                  <NotEnrolled participantId={user.id} />
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
