import { useState, type ReactNode } from "react";
import type { Path } from "react-hook-form";
import type { z } from "zod";
import { FormAlert, SubmitButton } from "../forms/fields";
import { unplacedFields } from "../forms/form-problem";
import type { FormSchema, ZodForm } from "../forms/use-zod-form";
import { NewPasswordField } from "./new-password-field";

export type PasswordFieldText<Name> = { name: Name; label: string; hint?: string };

/**
 * Choosing a password: optionally the current one, then the new one typed twice, with a
 * "Show passwords" toggle. Used by password links, invitations and the account page; each
 * brings its own form (schema, words, what happens on submit).
 */
export function PasswordChoiceForm<Schema extends FormSchema>({
  form,
  onValid,
  pending,
  className = "form",
  title,
  children,
  username,
  current,
  password,
  again,
  submitLabel,
  pendingLabel,
  showLabel,
}: {
  form: ZodForm<Schema>;
  onValid: (values: z.output<Schema>) => void;
  pending: boolean;
  className?: string;
  /** A heading above the form's problem. */
  title?: ReactNode;
  /** What the form says before its fields. */
  children?: ReactNode;
  /** The account's email, given to a password manager to save with the new password. */
  username?: string;
  current?: PasswordFieldText<Path<z.input<Schema>>>;
  password: PasswordFieldText<Path<z.input<Schema>>>;
  again: PasswordFieldText<Path<z.input<Schema>>>;
  submitLabel: string;
  pendingLabel: string;
  showLabel: string;
}) {
  const [show, setShow] = useState(false);
  const fields = current ? [current, password, again] : [password, again];
  return (
    <form
      className={className}
      noValidate
      onSubmit={form.submitWith((values) => {
        if (!pending) onValid(values);
      })}
      aria-busy={pending}
    >
      {title}
      <FormAlert
        problem={form.problem}
        extra={unplacedFields(
          form.problem,
          fields.map((field) => field.name),
        )}
      />
      {children}
      {username !== undefined && (
        <input
          type="email"
          name="username"
          autoComplete="username"
          value={username}
          readOnly
          hidden
        />
      )}
      {fields.map((field) => (
        <NewPasswordField
          key={field.name}
          label={field.label}
          hint={field.hint}
          autoComplete={field === current ? "current-password" : "new-password"}
          error={form.error(field.name)}
          shown={show}
          input={form.register(field.name)}
        />
      ))}
      <div className="actions">
        <SubmitButton pending={pending} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={show}
          onClick={() => setShow(!show)}
        >
          {showLabel}
        </button>
      </div>
    </form>
  );
}
