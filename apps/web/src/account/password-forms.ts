import {
  ChangePasswordInputSchema,
  ForgotPasswordInputSchema,
  MIN_PASSWORD_LENGTH,
  SetPasswordInputSchema,
  type ChangePasswordInput,
  type SetPasswordInput,
} from "@bridgeway/domain";
import type { TFunction } from "i18next";
import { z } from "zod";
import { checkFieldsMessage, problemFromZod, type FormProblem } from "../forms/form-problem";
import { activeLocale, i18n } from "../i18n/i18n";

type T = TFunction<"account">;

/** The account catalogue in the language the app speaks now. */
export function accountT(): T {
  return i18n.getFixedT(null, "account");
}

export type Checked<T> = { ok: true; input: T } | { ok: false; problem: FormProblem };

function confirmProblem(password: string, confirm: string, t: T): string | undefined {
  if (confirm === "") return t("problems.typeAgain");
  if (confirm !== password) return t("problems.notSame");
  return undefined;
}

/** The schemas word their messages in English; in another language each field says its own. */
export function schemaMessage(field: string, english: string, t: T): string {
  if (activeLocale() === "en") return english;
  switch (field) {
    case "password":
    case "newPassword":
      return t("problems.newPassword", { min: MIN_PASSWORD_LENGTH });
    case "currentPassword":
      return t("problems.currentPassword");
    case "email":
      return t("problems.email");
    default:
      return english;
  }
}

function checked<Input>(
  parsed: z.ZodSafeParseResult<Input>,
  extra: Record<string, string | undefined>,
  t: T,
): Checked<Input> {
  const fields: Record<string, string> = {};
  if (!parsed.success) {
    const english = problemFromZod(parsed.error).fields;
    for (const [name, message] of Object.entries(english)) {
      fields[name] = schemaMessage(name, message, t);
    }
  }
  for (const [name, message] of Object.entries(extra)) if (message) fields[name] = message;
  if (parsed.success && Object.keys(fields).length === 0) return { ok: true, input: parsed.data };
  return { ok: false, problem: { message: checkFieldsMessage(), fields } };
}

/** The form on a password link: the link's token and the new password typed twice. */
export const SetPasswordFormSchema = SetPasswordInputSchema.extend({ confirmPassword: z.string() });

/** What the set-password form checks across its fields, in the active language. */
export function setPasswordChecks(
  values: { password: string; confirmPassword: string },
  t: T = accountT(),
): Record<string, string | undefined> {
  return { confirmPassword: confirmProblem(values.password, values.confirmPassword, t) };
}

/** The change-password form: the current password and the new one typed twice. */
export const ChangePasswordFormSchema = ChangePasswordInputSchema.extend({
  confirmPassword: z.string(),
});

/** What the change-password form checks across its fields, in the active language. */
export function changePasswordChecks(
  values: { currentPassword: string; newPassword: string; confirmPassword: string },
  t: T = accountT(),
): Record<string, string | undefined> {
  return {
    newPassword:
      values.newPassword !== "" && values.newPassword === values.currentPassword
        ? t("problems.sameAsCurrent")
        : undefined,
    confirmPassword: confirmProblem(values.newPassword, values.confirmPassword, t),
  };
}

/** The new password from an invitation or reset link, typed twice. */
export function checkSetPassword(
  token: string,
  password: string,
  confirm: string,
  t: T = accountT(),
): Checked<SetPasswordInput> {
  return checked(
    SetPasswordInputSchema.safeParse({ token, password }),
    setPasswordChecks({ password, confirmPassword: confirm }, t),
    t,
  );
}

/** Changing one's password: the current one, and the new one typed twice. */
export function checkChangePassword(
  values: {
    currentPassword: string;
    newPassword: string;
    confirmPassword: string;
  },
  t: T = accountT(),
): Checked<ChangePasswordInput> {
  return checked(
    ChangePasswordInputSchema.safeParse({
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
    }),
    changePasswordChecks(values, t),
    t,
  );
}

export function checkForgotPassword(email: string, t: T = accountT()): Checked<{ email: string }> {
  return checked(ForgotPasswordInputSchema.safeParse({ email }), {}, t);
}

export type PasswordLinkProblem = {
  kind: "incomplete" | "invalid" | "expired" | "used" | "deactivated";
  title: string;
  message: string;
};

export function incompletePasswordLink(t: T = accountT()): PasswordLinkProblem {
  return {
    kind: "incomplete",
    title: t("link.incompleteTitle"),
    message: t("link.incompleteMessage"),
  };
}

/**
 * What the page says when the server turns a password link down. It answers "not found" for
 * every unusable link; its message says which case. Anything else is not about the link: null.
 */
export function passwordLinkProblem(
  error: { status: number; code?: string; message: string } | null,
  t: T = accountT(),
): PasswordLinkProblem | null {
  if (error === null || error.status !== 404) return null;
  const message = error.message.toLowerCase();
  const kind = message.includes("already used")
    ? "used"
    : message.includes("expired")
      ? "expired"
      : message.includes("deactivated")
        ? "deactivated"
        : "invalid";
  return { kind, title: t(`link.${kind}Title`), message: t(`link.${kind}Message`) };
}
