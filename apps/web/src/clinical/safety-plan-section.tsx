import { useEffect, useId, useRef, useState } from "react";
import { formatMoment } from "../format/session-time";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../session/auth-context";
import { SafetyPlanEditor } from "./safety-plan-editor";
import { SafetyPlanSteps, safetyPlanVersionText } from "./safety-plan-view";
import { useSafetyPlan, useSafetyPlanVersions } from "./use-clinical";

function VersionHistory({ participantId }: { participantId: string }) {
  const { user } = useSignedIn();
  const [open, setOpen] = useState(false);
  const versions = useSafetyPlanVersions(participantId, open);
  return (
    <details className="plan-history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Earlier versions</summary>
      {open && (
        <QueryView
          query={versions}
          loadingLabel="Loading versions…"
          errorTitle="We couldn't load the versions"
        >
          {(list) => (
            <ul className="plain-list plan-history__list">
              {list.map((v) => (
                <li key={v.version}>
                  Version {v.version}: {v.authoredBy},{" "}
                  <time dateTime={v.updatedAt}>{formatMoment(v.updatedAt, user.timeZone)}</time>
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      )}
    </details>
  );
}

/** The chart's safety plan: the current version, its history, and the editor. */
export function SafetyPlanSection({
  participantId,
  name,
}: {
  participantId: string;
  name: string;
}) {
  const { user } = useSignedIn();
  const plan = useSafetyPlan(participantId);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // Back from the editor (saved or not): the keyboard continues from the section's heading.
  const [returned, setReturned] = useState(0);
  useEffect(() => {
    if (returned > 0) headingRef.current?.focus();
  }, [returned]);

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 ref={headingRef} id={headingId} tabIndex={-1} className="card__title">
        Safety plan
        {plan.data && <span className="badge badge--info">Version {plan.data.version}</span>}
      </h2>
      <div className="status-slot" role="status">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <QueryView
        query={plan}
        loadingLabel="Loading the safety plan…"
        errorTitle="We couldn't load the safety plan"
      >
        {(current) =>
          editing ? (
            <SafetyPlanEditor
              key={current?.version ?? 0}
              participantId={participantId}
              plan={current}
              onSaved={(message) => {
                setNotice(message);
                setEditing(false);
                setReturned((n) => n + 1);
              }}
              onCancel={() => {
                setEditing(false);
                setReturned((n) => n + 1);
              }}
              onReload={() => void plan.refetch()}
            />
          ) : (
            <>
              {current === null ? (
                <p>
                  {name} has no safety plan yet. Write it together, step by step, in your next
                  individual session.
                </p>
              ) : (
                <>
                  <p className="muted">{safetyPlanVersionText(current, user.timeZone)}.</p>
                  <SafetyPlanSteps plan={current.content} headingLevel={3} />
                </>
              )}
              <div className="actions section-after">
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setNotice(null);
                    setEditing(true);
                  }}
                >
                  {current === null ? "Write the safety plan" : "Edit the safety plan"}
                </button>
              </div>
              {current !== null && current.version > 1 && (
                <VersionHistory participantId={participantId} />
              )}
            </>
          )
        }
      </QueryView>
    </section>
  );
}
