import {
  INSTRUMENTS,
  type AssessmentHistory,
  type AssessmentResultDto,
  type CohortDetail,
} from "@bridgeway/domain";
import { useQuery } from "@tanstack/react-query";
import { useId, type ReactNode } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { ApiError } from "../api/api-client";
import { QUERY_KEYS } from "../api/query-keys";
import { useServices } from "../app/services-context";
import { formatMoment } from "../format/session-time";
import { QueryView } from "../homes/query-view";
import { useParticipants } from "../people/use-people";
import { useSignedIn } from "../sign-in/auth-context";
import { useNow } from "../sessions/use-now";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { todayIn } from "../time/zoned-time";
import { AssessmentsPanel } from "./assessments-panel";
import { DischargeSection } from "./discharge-section";
import { SafetyPlanSection } from "./safety-plan-section";
import { ScoreChart, SeverityBadge } from "./score-chart";
import { instrumentName, scoreOutOf } from "./severity";
import { TreatmentPlanSection, type ChartEnrollment } from "./treatment-plan-section";
import { useAssessments } from "./use-clinical";
import "./clinical.css";

/** The cohort the chart acts in, once known; the same cache entry as the cohort page's. */
function useChartCohort(cohortId: string | null) {
  const { cohortsApi } = useServices();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: [QUERY_KEYS.cohorts, user.id, "one", cohortId ?? ""],
    queryFn: ({ signal }) => cohortsApi.cohort(cohortId ?? "", signal),
    enabled: cohortId !== null,
  });
}

/** The participant's enrollment in the cohort: the active one, or else the latest. */
export function chartEnrollment(
  cohort: CohortDetail | undefined,
  participantId: string,
): ChartEnrollment | null {
  const theirs = (cohort?.enrollments ?? [])
    .filter((e) => e.participant.id === participantId)
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  const chosen = theirs.find((e) => e.status === "ACTIVE") ?? theirs[0];
  return chosen && cohort
    ? { id: chosen.id, active: chosen.status === "ACTIVE", cohortName: cohort.name }
    : null;
}

function latestConcern(history: AssessmentHistory): AssessmentResultDto | null {
  const phq = history.results.filter((r) => r.instrument === "PHQ9");
  const latest = phq[phq.length - 1];
  return latest?.safetyConcern ? latest : null;
}

function ScoresSection({ history, timeZone }: { history: AssessmentHistory; timeZone: string }) {
  const headingId = useId();
  const shown = INSTRUMENTS.filter(
    (i) =>
      history.results.some((r) => r.instrument === i) ||
      history.due.some((d) => d.instrument === i),
  );
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        Scores over time
      </h2>
      {shown.length === 0 ? (
        <EmptyState title="No questionnaires yet.">
          <p>Assign a PHQ-9 or GAD-7 below; results appear here as a chart and a table.</p>
        </EmptyState>
      ) : (
        <div className="stack">
          {shown.map((instrument) => {
            const results = history.results.filter((r) => r.instrument === instrument);
            const latest = results[results.length - 1];
            return (
              <InstrumentCard
                key={instrument}
                title={instrumentName(instrument)}
                latest={
                  latest ? (
                    <>
                      Latest {scoreOutOf(instrument, latest.total)}{" "}
                      <SeverityBadge severity={latest.severity} />
                    </>
                  ) : null
                }
              >
                <ScoreChart instrument={instrument} results={results} timeZone={timeZone} />
              </InstrumentCard>
            );
          })}
        </div>
      )}
    </section>
  );
}

function InstrumentCard({
  title,
  latest,
  children,
}: {
  title: string;
  latest: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId} className="card__title">
        {title}
      </h3>
      {latest && <p className="chart-latest">{latest}</p>}
      {children}
    </section>
  );
}

/**
 * `/participants/:participantId/chart`: a participant's clinical chart for their clinicians:
 * scores over time, questionnaires, safety plan, treatment plan and discharge.
 */
export function ChartPage() {
  const { participantId = "" } = useParams();
  const [searchParams] = useSearchParams();
  const { user } = useSignedIn();
  const now = useNow();
  const today = todayIn(user.timeZone, now);
  const history = useAssessments(participantId);
  const people = useParticipants();
  const person = people.data?.find((p) => p.id === participantId);
  const cohortId = searchParams.get("cohortId") ?? person?.activeCohort?.id ?? null;
  const cohort = useChartCohort(cohortId);
  const enrollment = chartEnrollment(cohort.data, participantId);
  const name =
    person?.displayName ??
    cohort.data?.enrollments.find((e) => e.participant.id === participantId)?.participant
      .displayName ??
    "Participant";
  const scoresHeadingId = useId();

  if (history.isError && history.error instanceof ApiError && history.error.status === 404) {
    return (
      <>
        <PageHeading>Chart not found</PageHeading>
        <EmptyState title="This participant does not exist, or you are not on their care team.">
          <p>
            <Link to="/cohorts">Go to cohorts</Link>
          </p>
        </EmptyState>
      </>
    );
  }

  const concern = history.data ? latestConcern(history.data) : null;
  return (
    <>
      <PageHeading>{`Clinical chart: ${name}`}</PageHeading>
      <p className="page-back">
        {cohort.data ? (
          <Link to={`/cohorts/${cohort.data.id}`}>Back to {cohort.data.name}</Link>
        ) : (
          <Link to="/cohorts">Back to cohorts</Link>
        )}
      </p>
      <QueryView
        query={history}
        loadingLabel="Loading the chart…"
        errorTitle="We couldn't load this chart"
      >
        {(data) => (
          <div className="stack">
            {concern && (
              <section className="card card--danger" aria-label="Safety concern">
                <p className="chart-concern">
                  <span className="badge badge--danger">Safety concern</span> On{" "}
                  {formatMoment(concern.completedAt, user.timeZone)}, {name} answered PHQ-9 question
                  9 above 0. Check the safety plan with them. <Link to="/alerts">Go to alerts</Link>
                </p>
              </section>
            )}
            <ScoresSection history={data} timeZone={user.timeZone} />
            <section className="card" aria-labelledby={scoresHeadingId}>
              <h2 id={scoresHeadingId} className="card__title">
                Questionnaires
              </h2>
              <AssessmentsPanel history={data} name={name} today={today} />
            </section>
            <SafetyPlanSection participantId={participantId} name={name} />
            <TreatmentPlanSection
              participantId={participantId}
              name={name}
              enrollment={enrollment}
              today={today}
            />
            <DischargeSection name={name} enrollment={enrollment} today={today} />
          </div>
        )}
      </QueryView>
    </>
  );
}
