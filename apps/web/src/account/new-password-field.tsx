import { Field } from "../forms/fields";

/** A password being chosen, shown as plain text while "Show passwords" is pressed. */
export function NewPasswordField({
  label,
  hint,
  error,
  shown,
  value,
  onChange,
  autoComplete = "new-password",
}: {
  label: string;
  hint?: string;
  error: string | undefined;
  shown: boolean;
  value: string;
  onChange: (value: string) => void;
  autoComplete?: "new-password" | "current-password";
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          type={shown ? "text" : "password"}
          autoComplete={autoComplete}
          autoCapitalize="none"
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
