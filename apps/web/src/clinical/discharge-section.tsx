import {
  DISCHARGE_REASONS,
  DischargeInputSchema,
  STEP_DOWN_LEVELS,
  type DischargeDto,
  type DischargeInput,
} from "@bridgeway/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { ApiError, describeError } from "../api/api-client";
import { formatCalendarDate } from "../format/format";
import { formatMoment } from "../format/session-time";
import { ConfirmDialog } from "../forms/confirm-dialog";
import { Field, FormAlert, SubmitOrCancel } from "../forms/fields";
import { problemFromZod, type FormProblem } from "../forms/form-problem";
import { checkedSchema, flattenErrors, keepMessage, useZodForm } from "../forms/use-zod-form";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../sign-in/auth-context";
import { scheduleChanged } from "../sessions/use-sessions";
import { HiddenContext } from "../shell/hidden-context";
import { EditableRows, TextListField } from "./edit-list";
import { EditableSection, OpenFormButton, useSectionEditing } from "./editable-section";
import type { ChartEnrollment } from "./treatment-plan-section";
import { AftercareView } from "./treatment-plan-view";
import { clinicalChanged, useClinicalApi, useDischarge } from "./use-clinical";

type Reason = DischargeInput["reason"];
type Level = DischargeInput["aftercare"]["stepDownLevel"];
type FollowUpDraft = { with: string; on: string; details: string };
type DischargeDraft = {
  reason: Reason | "";
  dischargedOn: string;
  summary: string;
  stepDownLevel: Level | "";
  followUps: FollowUpDraft[];
  resources: string[];
};

export const REASON_LABELS: Record<Reason, string> = {
  COMPLETED: "Completed the program",
  STEPPED_DOWN: "Stepped down to another level of care",
  WITHDREW: "Withdrew",
  REFERRED: "Referred elsewhere",
};

/** The discharge to send, or the problems keyed as the API names them (`aftercare.followUps.0.on`). */
export function toDischargeInput(
  draft: DischargeDraft,
): { ok: true; input: DischargeInput } | { ok: false; problem: FormProblem } {
  const parsed = DischargeInputSchema.safeParse({
    reason: draft.reason === "" ? undefined : draft.reason,
    dischargedOn: draft.dischargedOn,
    summary: draft.summary,
    aftercare: {
      stepDownLevel: draft.stepDownLevel === "" ? undefined : draft.stepDownLevel,
      followUps: draft.followUps.map((f) => ({
        with: f.with,
        on: f.on,
        ...(f.details.trim() === "" ? {} : { details: f.details }),
      })),
      resources: draft.resources,
    },
  });
  return parsed.success
    ? { ok: true, input: parsed.data }
    : { ok: false, problem: problemFromZod(parsed.error) };
}

function FollowUpsField({
  items,
  fields,
  today,
  onChange,
}: {
  items: readonly FollowUpDraft[];
  fields: Readonly<Record<string, string>>;
  today: string;
  onChange: (items: FollowUpDraft[]) => void;
}) {
  return (
    <fieldset className="field-group edit-list">
      <legend className="field__label">Follow-up appointments</legend>
      {fields["aftercare.followUps"] && (
        <p className="field__error">{fields["aftercare.followUps"]}</p>
      )}
      <EditableRows
        items={items}
        onChange={onChange}
        newItem={() => ({ with: "", on: today, details: "" })}
        title={(index) => `Follow-up ${index + 1}`}
        removeLabel={(index) => `Remove follow-up ${index + 1}`}
        addLabel="Add a follow-up appointment"
      >
        {(f, index, set) => {
          const at = `aftercare.followUps.${index}`;
          return (
            <>
              <div className="field-pair">
                <Field label="With" error={fields[`${at}.with`]}>
                  {(control) => (
                    <input
                      {...control}
                      value={f.with}
                      maxLength={200}
                      onChange={(event) => set({ with: event.target.value })}
                    />
                  )}
                </Field>
                <Field label="On" error={fields[`${at}.on`]}>
                  {(control) => (
                    <input
                      {...control}
                      type="date"
                      value={f.on}
                      onChange={(event) => set({ on: event.target.value })}
                    />
                  )}
                </Field>
              </div>
              <Field label="Details (optional)" error={fields[`${at}.details`]}>
                {(control) => (
                  <input
                    {...control}
                    value={f.details}
                    maxLength={500}
                    onChange={(event) => set({ details: event.target.value })}
                  />
                )}
              </Field>
            </>
          );
        }}
      </EditableRows>
    </fieldset>
  );
}

function DischargeForm({
  enrollment,
  name,
  today,
  onDone,
  onCancel,
}: {
  enrollment: ChartEnrollment;
  name: string;
  today: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const clinicalApi = useClinicalApi();
  const queryClient = useQueryClient();
  const reasonName = useId();
  const reasonErrorId = useId();
  const form = useZodForm({
    schema: checkedSchema(toDischargeInput),
    defaultValues: {
      reason: "",
      dischargedOn: today,
      summary: "",
      stepDownLevel: "",
      followUps: [],
      resources: [],
    },
    translate: keepMessage,
  });
  const { problem } = form;
  // The fields are controlled: follow-ups and resources are added and removed while editing.
  const draft = form.watch();
  const [confirming, setConfirming] = useState<DischargeInput | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("input")?.focus();
  }, []);
  const discharge = useMutation({
    mutationFn: (input: DischargeInput) => clinicalApi.discharge(enrollment.id, input),
    onSuccess: async (done) => {
      setConfirming(null);
      await Promise.all([clinicalChanged(queryClient), scheduleChanged(queryClient)]);
      onDone(
        `${name} is discharged from ${enrollment.cohortName} as of ${formatCalendarDate(done.dischargedOn)}. The enrollment is closed.`,
      );
    },
    onError: (error) => {
      // Field problems belong next to the fields, not in the dialog.
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        setConfirming(null);
        form.fail(error);
      }
    },
  });
  // Every field's message, by the API's dotted name (`aftercare.followUps.0.on`).
  const fields = flattenErrors(form.formState.errors);

  const onSubmit = form.submitWith((input) => {
    discharge.reset();
    setConfirming(input);
  });

  // The confirmation is a form of its own, so it sits beside this form, not inside it: a submit
  // inside a nested form would bubble to this onSubmit, which resets the running discharge.
  return (
    <>
      <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
        <FormAlert problem={problem} />
        <fieldset
          className="field-group"
          aria-invalid={fields.reason ? true : undefined}
          aria-describedby={fields.reason ? reasonErrorId : undefined}
        >
          <legend className="field__label">Why the enrollment ends</legend>
          {fields.reason && (
            <p id={reasonErrorId} className="field__error">
              {fields.reason}
            </p>
          )}
          <div className="choices">
            {DISCHARGE_REASONS.map((reason) => (
              <label key={reason} className="choice">
                <input
                  type="radio"
                  className="choice__input"
                  name={reasonName}
                  value={reason}
                  checked={draft.reason === reason}
                  onChange={() => form.setValue("reason", reason)}
                />
                <span>{REASON_LABELS[reason]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field label="Discharge date" error={fields.dischargedOn}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={draft.dischargedOn}
              onChange={(event) => form.setValue("dischargedOn", event.target.value)}
            />
          )}
        </Field>
        <Field
          label="Discharge summary"
          hint="For the clinical record: course of treatment, progress against the plan, risk at discharge. The participant does not see it."
          error={fields.summary}
        >
          {(control) => (
            <textarea
              {...control}
              rows={5}
              maxLength={10_000}
              value={draft.summary}
              onChange={(event) => form.setValue("summary", event.target.value)}
            />
          )}
        </Field>
        <h3 className="section-subtitle">Aftercare plan</h3>
        <p className="muted">The participant keeps reading this, with their safety plan.</p>
        <Field label="Level of care after discharge" error={fields["aftercare.stepDownLevel"]}>
          {(control) => (
            <select
              {...control}
              value={draft.stepDownLevel}
              onChange={(event) => form.setValue("stepDownLevel", event.target.value as Level | "")}
            >
              <option value="">Choose…</option>
              {STEP_DOWN_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {level}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FollowUpsField
          items={draft.followUps}
          fields={fields}
          today={today}
          onChange={(followUps) => form.setValue("followUps", followUps)}
        />
        <TextListField
          legend="Resources"
          hint="Groups, apps, lines and places that can help after the program."
          one="resource"
          name="aftercare.resources"
          items={draft.resources}
          fields={fields}
          onChange={(resources) => form.setValue("resources", resources)}
        />
        <SubmitOrCancel
          pending={discharge.isPending}
          pendingLabel="Discharging…"
          onCancel={onCancel}
        >
          Discharge…
        </SubmitOrCancel>
      </form>
      {confirming && (
        <ConfirmDialog
          title={`Discharge ${name}?`}
          confirmLabel="Discharge and close the enrollment"
          pendingLabel="Discharging…"
          pending={discharge.isPending}
          error={discharge.isError ? describeError(discharge.error) : null}
          danger
          onConfirm={() => discharge.mutate(confirming)}
          onClose={() => setConfirming(null)}
        >
          <p>
            This closes {name}&apos;s enrollment in {enrollment.cohortName} as of{" "}
            {formatCalendarDate(confirming.dischargedOn)}. Their later sessions are no longer
            expected, and the treatment plan can no longer change.
          </p>
          <p>{name} keeps reading their safety plan and this aftercare plan.</p>
        </ConfirmDialog>
      )}
    </>
  );
}

function DischargeSummary({ discharge }: { discharge: DischargeDto }) {
  const { user } = useSignedIn();
  return (
    <div className="stack stack--tight">
      <dl className="facts">
        <div className="facts__item">
          <dt>Discharged on</dt>
          <dd>{formatCalendarDate(discharge.dischargedOn)}</dd>
        </div>
        <div className="facts__item">
          <dt>Reason</dt>
          <dd>{REASON_LABELS[discharge.reason]}</dd>
        </div>
        <div className="facts__item">
          <dt>Written by</dt>
          <dd>
            {discharge.createdBy}, {formatMoment(discharge.createdAt, user.timeZone)}
          </dd>
        </div>
        <div className="facts__item">
          <dt>Summary</dt>
          <dd className="note-text">{discharge.summary}</dd>
        </div>
      </dl>
      <h3 className="section-subtitle">Aftercare plan</h3>
      <AftercareView aftercare={discharge.aftercare} />
    </div>
  );
}

/** Discharge: the form that closes an active enrollment, or the summary of one that is closed. */
export function DischargeSection({
  name,
  enrollment,
  today,
}: {
  name: string;
  enrollment: ChartEnrollment | null;
  today: string;
}) {
  const section = useSectionEditing();
  const discharge = useDischarge(enrollment?.id ?? "", enrollment !== null && !enrollment.active);
  if (!enrollment) return null;
  return (
    <EditableSection
      headingRef={section.headingRef}
      notice={section.notice}
      title={
        <>
          Discharge
          {!enrollment.active && <span className="badge badge--ok">Enrollment closed</span>}
        </>
      }
    >
      {enrollment.active ? (
        section.editing ? (
          <DischargeForm
            enrollment={enrollment}
            name={name}
            today={today}
            onDone={section.done}
            onCancel={section.cancel}
          />
        ) : (
          <>
            <p>
              When {name} finishes or leaves {enrollment.cohortName}, write the discharge summary
              and aftercare plan here. Discharging closes the enrollment.
            </p>
            <OpenFormButton onClick={section.open} className="actions">
              Start discharge<HiddenContext>{`of ${name}`}</HiddenContext>
            </OpenFormButton>
          </>
        )
      ) : discharge.isError &&
        discharge.error instanceof ApiError &&
        discharge.error.status === 404 ? (
        <p className="muted">
          The enrollment in {enrollment.cohortName} has ended without a discharge summary.
        </p>
      ) : (
        <QueryView
          query={discharge}
          loadingLabel="Loading the discharge summary…"
          errorTitle="We couldn't load the discharge summary"
        >
          {(done) => <DischargeSummary discharge={done} />}
        </QueryView>
      )}
    </EditableSection>
  );
}
