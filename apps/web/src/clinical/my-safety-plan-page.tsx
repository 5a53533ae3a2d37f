import { useId } from "react";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../session/auth-context";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { HelpNow } from "./help-now";
import { SafetyPlanSteps, safetyPlanVersionText } from "./safety-plan-view";
import { useSafetyPlan } from "./use-clinical";
import "./clinical.css";

/**
 * `/participant/safety`: 988 first, then the participant's own safety plan. It stays readable
 * after discharge, and if it cannot be loaded 988 is still right here.
 */
export function MySafetyPlanPage() {
  const { user } = useSignedIn();
  const plan = useSafetyPlan(user.id);
  const headingId = useId();
  return (
    <>
      <PageHeading>My safety plan</PageHeading>
      <div className="stack">
        <HelpNow planLink={false} />
        <section aria-labelledby={headingId} className="card safety-plan">
          <h2 id={headingId} className="card__title">
            My plan for hard moments
          </h2>
          <QueryView
            query={plan}
            loadingLabel="Loading your safety plan…"
            errorTitle="We couldn't load your safety plan"
          >
            {(current) =>
              current === null ? (
                <EmptyState title="Your safety plan has not been written yet.">
                  <p>
                    Your therapist writes it with you, usually in an individual session. Ask them
                    about it next time you meet. Until then, you can call or text 988 at any time.
                  </p>
                </EmptyState>
              ) : (
                <>
                  <p className="muted">
                    Go through the steps in order, as far as you need to. Written with your care
                    team. {safetyPlanVersionText(current, user.timeZone)}.
                  </p>
                  <SafetyPlanSteps plan={current.content} headingLevel={3} />
                </>
              )
            }
          </QueryView>
        </section>
      </div>
    </>
  );
}
