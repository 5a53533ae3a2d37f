import { useId } from "react";
import { Link } from "react-router";
import type { AftercareDto } from "@bridgeway/domain";
import { formatCalendarDate } from "../format/format";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../session/auth-context";
import { SAFETY_PLAN_PATH } from "../shell/nav-items";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { AftercareView } from "./treatment-plan-view";
import { useAftercare } from "./use-clinical";
import "./clinical.css";

function AftercareCard({ entry }: { entry: AftercareDto }) {
  const headingId = useId();
  return (
    <li>
      <article className="card" aria-labelledby={headingId}>
        <h2 id={headingId} className="card__title">
          After your program ended on {formatCalendarDate(entry.dischargedOn)}
        </h2>
        <AftercareView aftercare={entry.aftercare} />
      </article>
    </li>
  );
}

/** `/participant/aftercare`: what comes after the program, kept after discharge. */
export function MyAftercarePage() {
  const { user } = useSignedIn();
  const aftercare = useAftercare(user.id);
  return (
    <>
      <PageHeading>My aftercare plan</PageHeading>
      <p className="section-note page-intro">
        Your <Link to={SAFETY_PLAN_PATH}>safety plan</Link> stays here for you too, with 988.
      </p>
      <QueryView
        query={aftercare}
        loadingLabel="Loading your aftercare plan…"
        errorTitle="We couldn't load your aftercare plan"
      >
        {(list) =>
          list.length === 0 ? (
            <EmptyState title="You have no aftercare plan yet.">
              <p>
                It is written with your care team when you finish the program: who you will see
                next, when, and what can help. <Link to="/participant">Go to My week</Link>
              </p>
            </EmptyState>
          ) : (
            <ul className="card-list">
              {list.map((entry) => (
                <AftercareCard key={entry.enrollmentId} entry={entry} />
              ))}
            </ul>
          )
        }
      </QueryView>
    </>
  );
}
