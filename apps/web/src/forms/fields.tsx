import { useEffect, useId, useRef, type ReactNode } from "react";
import type { FormProblem } from "./form-problem";

/** What a form control needs to be tied to its label, hint and error. */
export type ControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  className: string;
};

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(" ");
  return joined === "" ? undefined : joined;
}

/**
 * A labelled control with an optional hint and its error right under it. The control itself
 * comes from `children`, which receives the id and ARIA wiring to spread on it.
 */
export function Field({
  label,
  hint,
  error,
  warning,
  children,
}: {
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Worth knowing before saving, but not a reason to refuse (a license running out). */
  warning?: string | null;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const warningId = useId();
  const control: ControlProps = {
    id,
    className: "field__input",
    ...(error ? { "aria-invalid": true as const } : {}),
  };
  const described = describedBy(
    hint !== undefined && hintId,
    error !== undefined && errorId,
    Boolean(warning) && warningId,
  );
  if (described) control["aria-describedby"] = described;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {children(control)}
      {error !== undefined && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      {warning && (
        <p id={warningId} className="field__warning">
          {warning}
        </p>
      )}
    </div>
  );
}

export type Choice<T extends string> = { value: T; label: string; disabled?: boolean };

/** Checkboxes for choosing several of a few things, in a fieldset with a legend. */
export function CheckboxGroup<T extends string>({
  legend,
  hint,
  error,
  choices,
  selected,
  onChange,
  inline = false,
}: {
  legend: string;
  hint?: ReactNode;
  error?: string;
  choices: readonly Choice<T>[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
  inline?: boolean;
}) {
  const name = useId();
  const hintId = useId();
  const errorId = useId();
  return (
    <fieldset
      className="field-group"
      aria-describedby={describedBy(hint !== undefined && hintId, error !== undefined && errorId)}
      aria-invalid={error ? true : undefined}
    >
      <legend className="field__label">{legend}</legend>
      {hint !== undefined && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      <div className={inline ? "choices choices--inline" : "choices"}>
        {choices.map((choice) => {
          const checked = selected.includes(choice.value);
          return (
            <label key={choice.value} className="choice">
              <input
                type="checkbox"
                className="choice__input"
                name={name}
                value={choice.value}
                checked={checked}
                disabled={choice.disabled}
                onChange={() =>
                  onChange(
                    checked
                      ? selected.filter((v) => v !== choice.value)
                      : choices
                          .map((c) => c.value)
                          .filter((v) => v === choice.value || selected.includes(v)),
                  )
                }
              />
              <span>{choice.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/**
 * The form's problem, said once at the top and announced. It takes focus when it appears, so
 * a keyboard or screen-reader user hears it and continues from the top of the form.
 */
export function FormAlert({
  problem,
  extra = [],
}: {
  problem: FormProblem | null;
  /** Field messages the form has no field for. */
  extra?: readonly string[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);
  if (!problem) return null;
  return (
    <div ref={ref} className="form__error" role="alert" tabIndex={-1}>
      <p>{problem.message}</p>
      {extra.length > 0 && (
        <ul className="form__error-list">
          {extra.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A submit button that says it is working while the request is in flight. */
export function SubmitButton({
  pending,
  children,
  pendingLabel,
}: {
  pending: boolean;
  children: string;
  pendingLabel: string;
}) {
  return (
    <button type="submit" className="button" disabled={pending}>
      {pending && <span className="spinner spinner--on-dark" aria-hidden="true" />}
      {pending ? pendingLabel : children}
    </button>
  );
}

/** A form's actions: its submit button, then Cancel. */
export function SubmitOrCancel({
  pending,
  pendingLabel,
  children,
  onCancel,
}: {
  pending: boolean;
  pendingLabel: string;
  /** The submit button's label. */
  children: string;
  onCancel: () => void;
}) {
  return (
    <div className="actions">
      <SubmitButton pending={pending} pendingLabel={pendingLabel}>
        {children}
      </SubmitButton>
      <button type="button" className="button button--secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
