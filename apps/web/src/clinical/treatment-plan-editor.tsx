import type { TreatmentPlanDto, TreatmentPlanInput } from "@bridgeway/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type SyntheticEvent } from "react";
import { ApiError } from "../api/api-client";
import { formatCalendarDate } from "../format/format";
import { Field, FormAlert, SubmitOrCancel } from "../forms/fields";
import { problemFromError } from "../forms/form-problem";
import { checkedSchema, flattenErrors, keepMessage, useZodForm } from "../forms/use-zod-form";
import { HiddenContext } from "../shell/hidden-context";
import { EditableRows, TextListField, useEditableRows } from "./edit-list";
import { LoadLatestVersion, saveVersionLabel } from "./plan-versions";
import {
  draftFromPlan,
  emptyGoal,
  emptyObjective,
  emptyProblem,
  toTreatmentPlanInput,
  withoutBlankInterventions,
  type GoalDraft,
  type ProblemDraft,
} from "./treatment-plan-form";
import { clinicalChanged, useClinicalApi } from "./use-clinical";

export const NEWER_PLAN_MESSAGE =
  "Someone saved a newer version of this treatment plan while you were editing. Load the latest version to see their changes, then make yours again.";

/** The 409 that says someone saved another version first, not a clash of one field. */
function isNewerPlan(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && "basedOn" in error.fields;
}

/** Field names of the editor, to say at the top any error that has no field here. */
const PLACED =
  /^(reviewEveryDays|content\.problems(\.\d+(\.problem|\.goals(\.\d+(\.goal|\.objectives(\.\d+\.(text|measure|targetDate))?|\.interventions(\.\d+)?))?)?)?)$/;

function GoalFields({
  goal,
  path,
  label,
  fields,
  today,
  onChange,
  onRemove,
}: {
  goal: GoalDraft;
  path: string;
  label: string;
  fields: Readonly<Record<string, string>>;
  today: string;
  onChange: (goal: GoalDraft) => void;
  onRemove: (() => void) | null;
}) {
  const objectivesError = fields[`${path}.objectives`];
  return (
    <fieldset className="plan-edit plan-edit--goal">
      <legend className="plan-edit__legend">{label}</legend>
      <Field label="Goal" error={fields[`${path}.goal`]}>
        {(control) => (
          <input
            {...control}
            value={goal.goal}
            maxLength={500}
            onChange={(event) => onChange({ ...goal, goal: event.target.value })}
          />
        )}
      </Field>
      <fieldset className="field-group plan-edit__objectives">
        <legend className="field__label">Measurable objectives</legend>
        {objectivesError && <p className="field__error">{objectivesError}</p>}
        <EditableRows
          items={goal.objectives}
          onChange={(objectives) => onChange({ ...goal, objectives })}
          newItem={() => emptyObjective(today)}
          title={(o) => `Objective ${o + 1}`}
          removeLabel={(o) => (
            <>
              Remove objective {o + 1}
              <HiddenContext>{`of ${label.toLowerCase()}`}</HiddenContext>
            </>
          )}
          addLabel={
            <>
              Add an objective<HiddenContext>{`to ${label.toLowerCase()}`}</HiddenContext>
            </>
          }
          listWhenEmpty
        >
          {(objective, o, set) => {
            const at = `${path}.objectives.${o}`;
            return (
              <>
                <Field label="Objective" error={fields[`${at}.text`]}>
                  {(control) => (
                    <input
                      {...control}
                      value={objective.text}
                      maxLength={500}
                      onChange={(event) => set({ text: event.target.value })}
                    />
                  )}
                </Field>
                <div className="field-pair">
                  <Field label="Measured by" error={fields[`${at}.measure`]}>
                    {(control) => (
                      <input
                        {...control}
                        value={objective.measure}
                        maxLength={300}
                        onChange={(event) => set({ measure: event.target.value })}
                      />
                    )}
                  </Field>
                  <Field label="Target date" error={fields[`${at}.targetDate`]}>
                    {(control) => (
                      <input
                        {...control}
                        type="date"
                        value={objective.targetDate}
                        onChange={(event) => set({ targetDate: event.target.value })}
                      />
                    )}
                  </Field>
                </div>
              </>
            );
          }}
        </EditableRows>
      </fieldset>
      <TextListField
        legend="Interventions"
        one="intervention"
        name={`${path}.interventions`}
        items={goal.interventions}
        fields={fields}
        maxLength={200}
        onChange={(interventions) => onChange({ ...goal, interventions })}
      />
      {onRemove && (
        <div>
          <button
            type="button"
            className="button button--danger-quiet button--small"
            onClick={onRemove}
          >
            Remove {label.toLowerCase()}
          </button>
        </div>
      )}
    </fieldset>
  );
}

function ProblemFields({
  problem,
  index,
  fields,
  today,
  onChange,
  onRemove,
}: {
  problem: ProblemDraft;
  index: number;
  fields: Readonly<Record<string, string>>;
  today: string;
  onChange: (problem: ProblemDraft) => void;
  onRemove: (() => void) | null;
}) {
  const path = `content.problems.${index}`;
  const goals = useEditableRows(problem.goals, (next) => onChange({ ...problem, goals: next }));
  return (
    <fieldset className="plan-edit plan-edit--problem">
      <legend className="plan-edit__legend">Problem {index + 1}</legend>
      <Field label="Problem" error={fields[`${path}.problem`]}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={problem.problem}
            maxLength={500}
            onChange={(event) => onChange({ ...problem, problem: event.target.value })}
          />
        )}
      </Field>
      {fields[`${path}.goals`] && <p className="field__error">{fields[`${path}.goals`]}</p>}
      {problem.goals.map((goal, g) => (
        <div key={g} id={goals.rowId(g)} tabIndex={-1} className="plan-edit__goal-slot">
          <GoalFields
            goal={goal}
            path={`${path}.goals.${g}`}
            label={`Goal ${g + 1} of problem ${index + 1}`}
            fields={fields}
            today={today}
            onChange={(next) => goals.update(g, next)}
            onRemove={problem.goals.length > 1 ? () => goals.remove(g) : null}
          />
        </div>
      ))}
      <div className="actions">
        <button
          id={goals.addId}
          type="button"
          className="button button--secondary button--small"
          onClick={() => goals.add(emptyGoal(today))}
        >
          Add a goal<HiddenContext>{`to problem ${index + 1}`}</HiddenContext>
        </button>
        {onRemove && (
          <button
            type="button"
            className="button button--danger-quiet button--small"
            onClick={onRemove}
          >
            Remove problem {index + 1}
          </button>
        )}
      </div>
    </fieldset>
  );
}

/**
 * The treatment plan as nested lists: problems, each with goals, each with measurable objectives
 * (what, how measured, by when) and interventions; and how often it is reviewed. Saving makes a
 * new version on top of the one the editor started from.
 */
export function TreatmentPlanEditor({
  enrollmentId,
  plan,
  today,
  onSaved,
  onCancel,
  onReload,
}: {
  enrollmentId: string;
  plan: TreatmentPlanDto | null;
  today: string;
  onSaved: (message: string) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const clinicalApi = useClinicalApi();
  const queryClient = useQueryClient();
  const [stale, setStale] = useState(false);
  const form = useZodForm({
    schema: checkedSchema(toTreatmentPlanInput),
    defaultValues: draftFromPlan(plan, today),
    translate: keepMessage,
    describe: (error) =>
      isNewerPlan(error) ? { message: NEWER_PLAN_MESSAGE, fields: {} } : problemFromError(error),
  });
  const { problem } = form;
  // The lists are controlled: problems, goals and objectives are added and removed while editing.
  const draft = form.watch();
  const problems = useEditableRows(draft.problems, (next) => form.setValue("problems", next));
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("textarea, input")?.focus();
  }, []);
  const basedOn = plan?.version ?? null;
  const save = useMutation({
    mutationFn: (input: TreatmentPlanInput) =>
      clinicalApi.saveTreatmentPlan(enrollmentId, input, basedOn),
    onSuccess: async (saved) => {
      await clinicalChanged(queryClient);
      onSaved(
        `Treatment plan saved as version ${saved.version}. Next review on ${formatCalendarDate(saved.nextReviewOn)}.`,
      );
    },
    onError: (error) => {
      if (isNewerPlan(error)) setStale(true);
      form.fail(error);
    },
  });
  // Every field's message, by the API's dotted name (`content.problems.0.goals.1.goal`).
  const fields = flattenErrors(form.formState.errors);

  const submit = form.submitWith((input) => save.mutate(input));
  function onSubmit(event: SyntheticEvent) {
    if (save.isPending || stale) {
      event.preventDefault();
      return;
    }
    // Blank interventions go before checking, as the check drops them too.
    form.setValue("problems", withoutBlankInterventions(form.getValues()).problems);
    submit(event);
  }

  return (
    <form
      ref={formRef}
      className="form plan-editor"
      noValidate
      onSubmit={onSubmit}
      aria-busy={save.isPending}
    >
      <FormAlert
        problem={problem}
        extra={Object.entries(fields)
          .filter(([name]) => !PLACED.test(name) || name === "content.problems")
          .map(([, message]) => message)}
      />
      {stale && <LoadLatestVersion onReload={onReload} />}
      {draft.problems.map((p, index) => (
        <div
          key={index}
          id={problems.rowId(index)}
          tabIndex={-1}
          className="plan-edit__problem-slot"
        >
          <ProblemFields
            problem={p}
            index={index}
            fields={fields}
            today={today}
            onChange={(next) => problems.update(index, next)}
            onRemove={draft.problems.length > 1 ? () => problems.remove(index) : null}
          />
        </div>
      ))}
      <div>
        <button
          id={problems.addId}
          type="button"
          className="button button--secondary"
          onClick={() => problems.add(emptyProblem(today))}
        >
          Add a problem
        </button>
      </div>
      <Field
        label="Review every (days)"
        hint="Between 7 and 90 days. The next review is counted from today."
        error={fields.reviewEveryDays}
      >
        {(control) => (
          <input
            {...control}
            className="field__input field__input--short"
            type="number"
            inputMode="numeric"
            min={7}
            max={90}
            value={draft.reviewEveryDays}
            onChange={(event) => form.setValue("reviewEveryDays", event.target.value)}
          />
        )}
      </Field>
      <SubmitOrCancel pending={save.isPending} pendingLabel="Saving…" onCancel={onCancel}>
        {saveVersionLabel(plan)}
      </SubmitOrCancel>
    </form>
  );
}
