import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "../forms/fields";

/** A password being chosen, shown as plain text while "Show passwords" is pressed. */
export function NewPasswordField({
  label,
  hint,
  error,
  shown,
  input,
  autoComplete = "new-password",
}: {
  label: string;
  hint?: string;
  error: string | undefined;
  shown: boolean;
  /** The form's registration of this field. */
  input: UseFormRegisterReturn;
  autoComplete?: "new-password" | "current-password";
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          {...input}
          type={shown ? "text" : "password"}
          autoComplete={autoComplete}
          autoCapitalize="none"
          spellCheck={false}
        />
      )}
    </Field>
  );
}
