import type { ChangeEvent, ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "./fields";

type NameValues = { firstName: string; lastName: string };

/**
 * First and last name side by side, for someone being added or invited by another person;
 * the browser offers no autofill, which would be the person typing's own name.
 */
export function NameFields({
  values,
  onChange,
  error,
  autoFocus = false,
  labels = { firstName: "First name", lastName: "Last name" },
}: {
  values: NameValues;
  onChange: (name: keyof NameValues, value: string) => void;
  error: (name: keyof NameValues) => string | undefined;
  /** Focus the first name when the form opens. */
  autoFocus?: boolean;
  /** The fields' labels, for a page in another language. */
  labels?: { firstName: string; lastName: string };
}) {
  return (
    <div className="field-pair">
      <Field label={labels.firstName} error={error("firstName")}>
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            autoFocus={autoFocus}
            value={values.firstName}
            onChange={(event) => onChange("firstName", event.target.value)}
          />
        )}
      </Field>
      <Field label={labels.lastName} error={error("lastName")}>
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            value={values.lastName}
            onChange={(event) => onChange("lastName", event.target.value)}
          />
        )}
      </Field>
    </div>
  );
}

/** Someone else's email address: an email keyboard, no capitals, no spelling marks, no autofill. */
export function EmailField({
  error,
  hint,
  label = "Email",
  ...input
}: (
  | { value: string; onChange: (value: string) => void }
  /** The field's registration in a react-hook-form form. */
  | { registration: UseFormRegisterReturn }
) & {
  error: string | undefined;
  hint?: ReactNode;
  /** The field's label, for a page in another language. */
  label?: string;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          type="email"
          inputMode="email"
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          {...("registration" in input
            ? input.registration
            : {
                value: input.value,
                onChange: (event: ChangeEvent<HTMLInputElement>) =>
                  input.onChange(event.target.value),
              })}
        />
      )}
    </Field>
  );
}
