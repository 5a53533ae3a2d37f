import { useState } from "react";
import { formatMoment } from "../format/session-time";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../sign-in/auth-context";
import { EditableSection, OpenFormButton, useSectionEditing } from "./editable-section";
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
  const section = useSectionEditing();

  return (
    <EditableSection
      headingRef={section.headingRef}
      notice={section.notice}
      title={
        <>
          Safety plan
          {plan.data && <span className="badge badge--info">Version {plan.data.version}</span>}
        </>
      }
    >
      <QueryView
        query={plan}
        loadingLabel="Loading the safety plan…"
        errorTitle="We couldn't load the safety plan"
      >
        {(current) =>
          section.editing ? (
            <SafetyPlanEditor
              key={current?.version ?? 0}
              participantId={participantId}
              plan={current}
              onSaved={section.done}
              onCancel={section.cancel}
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
              <OpenFormButton onClick={section.open}>
                {current === null ? "Write the safety plan" : "Edit the safety plan"}
              </OpenFormButton>
              {current !== null && current.version > 1 && (
                <VersionHistory participantId={participantId} />
              )}
            </>
          )
        }
      </QueryView>
    </EditableSection>
  );
}
