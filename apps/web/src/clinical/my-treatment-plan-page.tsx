import type { TreatmentPlanDto } from "@bridgeway/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import { Link } from "react-router";
import { ApiError, describeError } from "../api/api-client";
import { formatCalendarDate } from "../format/format";
import { formatMoment } from "../format/session-time";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../session/auth-context";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { TreatmentPlanContentView } from "./treatment-plan-view";
import { clinicalChanged, useAftercare, useClinicalApi, useTreatmentPlan } from "./use-clinical";
import "./clinical.css";

/** Reading a plan and saying so: the care team sees which version the participant has read. */
function AcknowledgeCard({ plan }: { plan: TreatmentPlanDto }) {
  const { user } = useSignedIn();
  const clinicalApi = useClinicalApi();
  const queryClient = useQueryClient();
  const headingId = useId();
  const doneRef = useRef<HTMLParagraphElement>(null);
  const acknowledge = useMutation({
    mutationFn: () => clinicalApi.acknowledgeTreatmentPlan(plan.enrollmentId, plan.version),
    onSuccess: () => clinicalChanged(queryClient),
  });
  const stale = acknowledge.error instanceof ApiError && acknowledge.error.status === 409;
  const acknowledged = plan.acknowledgedAt !== null;
  useEffect(() => {
    if (acknowledged && acknowledge.isSuccess) doneRef.current?.focus();
  }, [acknowledged, acknowledge.isSuccess]);

  if (acknowledged) {
    return (
      <p ref={doneRef} tabIndex={-1} className="notice">
        You read and acknowledged version {plan.version} on{" "}
        {formatMoment(plan.acknowledgedAt ?? "", user.timeZone)}.
      </p>
    );
  }
  return (
    <section className="card card--open" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        Have you read this version?
      </h2>
      <p>
        When you have read your plan, let your care team know. If something does not look right,
        talk to them about it at your next session.
      </p>
      {acknowledge.isError && (
        <div className="form__error" role="alert">
          <p>
            {stale
              ? "Your plan was updated since you opened it. Reload it to read the new version, then acknowledge that one."
              : describeError(acknowledge.error)}
          </p>
        </div>
      )}
      <div className="actions">
        {stale ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              acknowledge.reset();
              void clinicalChanged(queryClient);
            }}
          >
            Reload my plan
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={acknowledge.isPending}
            onClick={() => acknowledge.mutate()}
          >
            {acknowledge.isPending ? "Saving…" : `Acknowledge version ${plan.version}`}
          </button>
        )}
      </div>
    </section>
  );
}

function AftercareLink() {
  const { user } = useSignedIn();
  const aftercare = useAftercare(user.id);
  if (!aftercare.data || aftercare.data.length === 0) return null;
  return (
    <p className="notice">
      Your program has ended. <Link to="/participant/aftercare">Read your aftercare plan</Link>
    </p>
  );
}

/** `/participant/treatment-plan`: the plan written with the care team, to read and acknowledge. */
export function MyTreatmentPlanPage() {
  const { user } = useSignedIn();
  const plan = useTreatmentPlan(user.id);
  const planHeadingId = useId();
  return (
    <>
      <PageHeading>My treatment plan</PageHeading>
      <AftercareLink />
      <QueryView
        query={plan}
        loadingLabel="Loading your treatment plan…"
        errorTitle="We couldn't load your treatment plan"
      >
        {(current) =>
          current === null ? (
            <EmptyState title="Your treatment plan has not been written yet.">
              <p>
                Your care team writes it with you in your first weeks: what you want to work on,
                your goals, and how you will know things are getting better.{" "}
                <Link to="/participant">Go to My week</Link>
              </p>
            </EmptyState>
          ) : (
            <div className="stack">
              <AcknowledgeCard plan={current} />
              <section className="card" aria-labelledby={planHeadingId}>
                <h2 id={planHeadingId} className="card__title">
                  What we are working on
                </h2>
                <p className="muted">
                  Version {current.version}, written by {current.createdBy} on{" "}
                  {formatMoment(current.createdAt, user.timeZone)}. You review it together every{" "}
                  {current.reviewEveryDays} days; the next review is on{" "}
                  {formatCalendarDate(current.nextReviewOn)}.
                </p>
                <TreatmentPlanContentView content={current.content} />
              </section>
            </div>
          )
        }
      </QueryView>
    </>
  );
}
