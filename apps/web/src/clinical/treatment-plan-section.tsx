import { WEEKDAYS, type TreatmentPlanDto, type Weekday } from "@bridgeway/domain";
import { useId } from "react";
import { formatCalendarDate } from "../format/format";
import { formatMoment, formatWeekdays } from "../format/session-time";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../sign-in/auth-context";
import { TableScroll } from "../shell/table-scroll";
import { EditableSection, OpenFormButton, useSectionEditing } from "./editable-section";
import { TreatmentPlanEditor } from "./treatment-plan-editor";
import { TreatmentPlanContentView } from "./treatment-plan-view";
import { useTreatmentPlan } from "./use-clinical";

/** The enrollment a chart acts on: the participant's current one, or their latest. */
export type ChartEnrollment = { id: string; active: boolean; cohortName: string };

function weekdays(days: readonly string[]): Weekday[] {
  return WEEKDAYS.filter((d) => days.includes(d));
}

function PhaseHistory({ plan, name }: { plan: TreatmentPlanDto; name: string }) {
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table">
        <caption id={captionId}>Step-down history of {name}</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Days a week</th>
            <th scope="col">Days</th>
          </tr>
        </thead>
        <tbody>
          {plan.phases.map((p) => (
            <tr key={p.effectiveFrom}>
              <th scope="row">{formatCalendarDate(p.effectiveFrom)}</th>
              <td>{p.phase}</td>
              <td>{formatWeekdays(weekdays(p.days))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function PlanStatus({ plan, name }: { plan: TreatmentPlanDto; name: string }) {
  const { user } = useSignedIn();
  return (
    <dl className="facts">
      <div className="facts__item">
        <dt>Version</dt>
        <dd>
          {plan.version}, by {plan.createdBy} on {formatMoment(plan.createdAt, user.timeZone)}
        </dd>
      </div>
      <div className="facts__item">
        <dt>Next review</dt>
        <dd>
          {formatCalendarDate(plan.nextReviewOn)}{" "}
          <span className="muted">(every {plan.reviewEveryDays} days)</span>
          {plan.reviewDue && <span className="badge badge--warning cell-badge">Review due</span>}
        </dd>
      </div>
      <div className="facts__item">
        <dt>Read by {name}</dt>
        <dd>
          {plan.acknowledgedAt ? (
            <>Acknowledged on {formatMoment(plan.acknowledgedAt, user.timeZone)}</>
          ) : (
            <span className="badge badge--info">Not acknowledged yet</span>
          )}
        </dd>
      </div>
    </dl>
  );
}

/**
 * The chart's treatment plan: its review cadence and whether a review is due, whether the
 * participant acknowledged this version, the step-down history, and the editor.
 */
export function TreatmentPlanSection({
  participantId,
  name,
  enrollment,
  today,
}: {
  participantId: string;
  name: string;
  enrollment: ChartEnrollment | null;
  today: string;
}) {
  const plan = useTreatmentPlan(participantId);
  const section = useSectionEditing();

  return (
    <EditableSection
      headingRef={section.headingRef}
      notice={section.notice}
      title={
        <>
          Treatment plan
          {plan.data?.reviewDue && <span className="badge badge--warning">Review due</span>}
        </>
      }
    >
      <QueryView
        query={plan}
        loadingLabel="Loading the treatment plan…"
        errorTitle="We couldn't load the treatment plan"
      >
        {(current) => {
          const enrollmentId = current?.enrollmentId ?? enrollment?.id ?? null;
          const canEdit = enrollmentId !== null && (enrollment?.active ?? false);
          if (section.editing && enrollmentId !== null) {
            return (
              <TreatmentPlanEditor
                key={current?.version ?? 0}
                enrollmentId={enrollmentId}
                plan={current}
                today={today}
                onSaved={section.done}
                onCancel={section.cancel}
                onReload={() => void plan.refetch()}
              />
            );
          }
          return (
            <>
              {current === null ? (
                <p>
                  {enrollment
                    ? `${name} has no treatment plan yet. Write it with them in their first weeks.`
                    : `${name} is not enrolled in a cohort, so there is no plan to write.`}
                </p>
              ) : (
                <div className="stack stack--tight">
                  <PlanStatus plan={current} name={name} />
                  <TreatmentPlanContentView content={current.content} />
                  {current.phases.length > 0 && <PhaseHistory plan={current} name={name} />}
                </div>
              )}
              {enrollment && !enrollment.active && (
                <p className="muted section-after">
                  The enrollment in {enrollment.cohortName} has ended; the plan can no longer
                  change.
                </p>
              )}
              {canEdit && (
                <OpenFormButton onClick={section.open}>
                  {current === null ? "Write the treatment plan" : "Review and edit the plan"}
                </OpenFormButton>
              )}
            </>
          );
        }}
      </QueryView>
    </EditableSection>
  );
}
