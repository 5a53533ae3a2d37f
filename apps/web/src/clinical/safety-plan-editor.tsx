import { SAFETY_PLAN_STEPS, type SafetyPlanContent, type SafetyPlanDto } from "@bridgeway/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type SyntheticEvent } from "react";
import { ApiError } from "../api/api-client";
import { Field, FormAlert, SubmitOrCancel } from "../forms/fields";
import { problemFromError, type FormProblem } from "../forms/form-problem";
import { checkedSchema, flattenErrors, keepMessage, useZodForm } from "../forms/use-zod-form";
import { HiddenContext } from "../shell/hidden-context";
import {
  AddRowButton,
  article,
  RemoveRowButton,
  TextListField,
  useEditableRows,
} from "./edit-list";
import { LoadLatestVersion, saveVersionLabel } from "./plan-versions";
import {
  compactDraft,
  draftFromPlan,
  isEmptyDraft,
  STEP_ITEM,
  toSafetyPlanContent,
  type ContactDraft,
  type ContactStep,
  type SafetyPlanDraft,
} from "./safety-plan-form";
import { clinicalChanged, useClinicalApi } from "./use-clinical";

/** The content to save from a compacted draft, or what to say instead. */
function checkDraft(
  draft: SafetyPlanDraft,
): { ok: true; input: { content: SafetyPlanContent } } | { ok: false; problem: FormProblem } {
  if (isEmptyDraft(draft)) {
    return {
      ok: false,
      problem: { message: "Write at least one step of the plan before saving.", fields: {} },
    };
  }
  const result = toSafetyPlanContent(draft);
  return result.ok ? { ok: true, input: { content: result.content } } : result;
}

export const NEWER_VERSION_MESSAGE =
  "Someone saved a newer version of this safety plan while you were editing. Load the latest version to see their changes, then make yours again.";

function ContactListField({
  legend,
  step,
  items,
  fields,
  onChange,
}: {
  legend: string;
  step: ContactStep;
  items: readonly ContactDraft[];
  fields: Readonly<Record<string, string>>;
  onChange: (items: ContactDraft[]) => void;
}) {
  const rows = useEditableRows(items, onChange);
  const hintId = useId();
  const { one, hint } = STEP_ITEM[step];
  const name = `content.${step}`;
  return (
    <fieldset className="field-group edit-list" aria-describedby={hintId}>
      <legend className="field__label">{legend}</legend>
      <p id={hintId} className="field__hint">
        {hint}
      </p>
      {fields[name] && <p className="field__error">{fields[name]}</p>}
      {items.length > 0 && (
        <ul className="edit-list__rows">
          {items.map((contact, index) => {
            const nameError = fields[`${name}.${index}.name`];
            const phoneError = fields[`${name}.${index}.phone`];
            const which = `${one} ${index + 1}`;
            const id = rows.rowId(index);
            const set = (change: Partial<ContactDraft>) =>
              rows.update(index, { ...contact, ...change });
            return (
              <li key={index} className="edit-list__row edit-list__row--contact">
                <div className="field">
                  <label className="field__label field__label--small" htmlFor={id}>
                    Name<HiddenContext>{`of ${which}`}</HiddenContext>
                  </label>
                  <input
                    id={id}
                    className="field__input"
                    value={contact.name}
                    maxLength={120}
                    aria-invalid={nameError ? true : undefined}
                    aria-describedby={nameError ? `${id}-name-error` : undefined}
                    onChange={(event) => set({ name: event.target.value })}
                  />
                  {nameError && (
                    <p id={`${id}-name-error`} className="field__error">
                      {nameError}
                    </p>
                  )}
                </div>
                <div className="field">
                  <label className="field__label field__label--small" htmlFor={`${id}-phone`}>
                    Phone (optional)<HiddenContext>{`of ${which}`}</HiddenContext>
                  </label>
                  <input
                    id={`${id}-phone`}
                    className="field__input"
                    type="tel"
                    value={contact.phone}
                    maxLength={40}
                    aria-invalid={phoneError ? true : undefined}
                    aria-describedby={phoneError ? `${id}-phone-error` : undefined}
                    onChange={(event) => set({ phone: event.target.value })}
                  />
                  {phoneError && (
                    <p id={`${id}-phone-error`} className="field__error">
                      {phoneError}
                    </p>
                  )}
                </div>
                <RemoveRowButton className="edit-list__remove" onClick={() => rows.remove(index)}>
                  Remove<HiddenContext>{which}</HiddenContext>
                </RemoveRowButton>
              </li>
            );
          })}
        </ul>
      )}
      <AddRowButton id={rows.addId} onClick={() => rows.add({ name: "", phone: "" })}>
        Add {article(one)} {one}
      </AddRowButton>
    </fieldset>
  );
}

/**
 * The six steps of the safety plan as editable lists. Saving makes a new version on top of the
 * one the editor started from; if someone saved another in between, nothing is overwritten and
 * the clinician is told so.
 */
export function SafetyPlanEditor({
  participantId,
  plan,
  onSaved,
  onCancel,
  onReload,
}: {
  participantId: string;
  plan: SafetyPlanDto | null;
  onSaved: (message: string) => void;
  onCancel: () => void;
  /** Fetch the latest version; the editor then starts again from it. */
  onReload: () => void;
}) {
  const clinicalApi = useClinicalApi();
  const queryClient = useQueryClient();
  const [stale, setStale] = useState(false);
  const form = useZodForm({
    schema: checkedSchema(checkDraft),
    defaultValues: draftFromPlan(plan?.content ?? null),
    translate: keepMessage,
    describe: (error) =>
      error instanceof ApiError && error.status === 409
        ? { message: NEWER_VERSION_MESSAGE, fields: {} }
        : problemFromError(error),
  });
  const { problem } = form;
  // The lists are controlled: rows are added and removed as the clinician edits.
  const draft = form.watch();
  const basedOn = plan?.version ?? null;
  const save = useMutation({
    mutationFn: (content: SafetyPlanContent) =>
      clinicalApi.saveSafetyPlan(participantId, content, basedOn),
    onSuccess: async (saved) => {
      await clinicalChanged(queryClient);
      onSaved(`Safety plan saved as version ${saved.version}.`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) setStale(true);
      form.fail(error);
    },
  });
  // Every field's message, by dotted name (`content.peopleToAsk.0.name`), for the lists below.
  const fields = flattenErrors(form.formState.errors);
  const formRef = useRef<HTMLFormElement>(null);
  // The button that opened the editor is gone: start the keyboard at the first step.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("input, button")?.focus();
  }, []);

  const submit = form.submitWith(({ content }) => save.mutate(content));
  function onSubmit(event: SyntheticEvent) {
    if (save.isPending || stale) {
      event.preventDefault();
      return;
    }
    // Blank rows go before checking, so each message points at the row the clinician sees.
    const compact = compactDraft(form.getValues());
    for (const key of Object.keys(compact) as (keyof SafetyPlanDraft)[]) {
      form.setValue(key, compact[key]);
    }
    submit(event);
  }

  const known = (name: string) =>
    name === "content.reasonsForLiving" ||
    SAFETY_PLAN_STEPS.some(
      (s) => name === `content.${s.key}` || name.startsWith(`content.${s.key}.`),
    );
  return (
    <form
      ref={formRef}
      className="form safety-editor"
      noValidate
      onSubmit={onSubmit}
      aria-busy={save.isPending}
    >
      <FormAlert
        problem={problem}
        extra={Object.entries(fields)
          .filter(([name]) => !known(name) && name !== "basedOn")
          .map(([, message]) => message)}
      />
      {stale && <LoadLatestVersion onReload={onReload} />}
      {SAFETY_PLAN_STEPS.map((step, index) => {
        const legend = `Step ${index + 1}: ${step.title}`;
        switch (step.key) {
          case "warningSigns":
          case "copingStrategies":
          case "environmentSafety":
            return (
              <TextListField
                key={step.key}
                legend={legend}
                hint={STEP_ITEM[step.key].hint}
                one={STEP_ITEM[step.key].one}
                name={`content.${step.key}`}
                items={draft[step.key]}
                fields={fields}
                onChange={(items) => form.setValue(step.key, items)}
              />
            );
          case "distractions":
          case "peopleToAsk":
          case "professionals":
            return (
              <ContactListField
                key={step.key}
                legend={legend}
                step={step.key}
                items={draft[step.key]}
                fields={fields}
                onChange={(items) => form.setValue(step.key, items)}
              />
            );
        }
      })}
      <Field
        label="What matters most, worth living for (optional)"
        error={fields["content.reasonsForLiving"]}
      >
        {(control) => (
          <textarea {...control} rows={2} maxLength={1000} {...form.register("reasonsForLiving")} />
        )}
      </Field>
      <SubmitOrCancel pending={save.isPending} pendingLabel="Saving…" onCancel={onCancel}>
        {saveVersionLabel(plan)}
      </SubmitOrCancel>
    </form>
  );
}
