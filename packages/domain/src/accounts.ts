import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./auth";
import { localeSchema } from "./locale";

/** A new account's link to choose a first password works this long (as family invitations do). */
export const ACCOUNT_INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** A "forgot password" link works this long. */
export const PASSWORD_RESET_TTL_MS = 30 * 60 * 1000;

/**
 * Where an account stands: `invited` until the person chose their own password through their
 * link, `active` after, `deactivated` when an admin switched it off (it keeps its history).
 */
export const ACCOUNT_STATUSES = ["invited", "active", "deactivated"] as const;
export const AccountStatusSchema = z.enum(ACCOUNT_STATUSES);
export type AccountStatus = z.infer<typeof AccountStatusSchema>;

export function accountStatus(account: {
  active: boolean;
  passwordSetAt: Date | string | null;
}): AccountStatus {
  if (!account.active) return "deactivated";
  return account.passwordSetAt === null ? "invited" : "active";
}

/** A password someone chooses for themself: length here, common and breached ones on the server. */
export const NewPasswordSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined ? "Choose a password." : "The password must be text.",
  })
  .min(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters.` })
  .max(MAX_PASSWORD_LENGTH, { error: `Use at most ${MAX_PASSWORD_LENGTH} characters.` });

/** The secret in an invitation or reset link: 32 random bytes, base64url. */
export const PasswordLinkTokenSchema = z
  .string({ error: "The link is incomplete." })
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: "The link is not valid." });

export const PASSWORD_LINK_PURPOSES = ["invitation", "reset"] as const;
export type PasswordLinkPurpose = (typeof PASSWORD_LINK_PURPOSES)[number];

/** What a password link is for, shown before the person chooses a password. */
export const PasswordLinkPreviewSchema = z.object({
  purpose: z.enum(PASSWORD_LINK_PURPOSES),
  firstName: z.string(),
  email: z.string(),
  clinicName: z.string(),
  expiresAt: z.iso.datetime(),
});
export type PasswordLinkPreview = z.infer<typeof PasswordLinkPreviewSchema>;

export const SetPasswordInputSchema = z.strictObject({
  token: PasswordLinkTokenSchema,
  password: NewPasswordSchema,
});
export type SetPasswordInput = z.infer<typeof SetPasswordInputSchema>;

export const ForgotPasswordInputSchema = z.strictObject({
  email: z
    .string({ error: "Enter your email address." })
    .trim()
    .min(1, { error: "Enter your email address." })
    .max(254, { error: "Email is too long." })
    .transform((email) => email.toLowerCase()),
  /**
   * The browser's language (the page is not signed in). The email is in Spanish when the
   * account or this says Spanish; without it, the request's Accept-Language is read.
   */
  locale: localeSchema.optional(),
});
export type ForgotPasswordInput = z.infer<typeof ForgotPasswordInputSchema>;

/** The one answer to "forgot password", whether or not the email has an account. */
export const FORGOT_PASSWORD_ANSWER =
  "If that email belongs to a Bridgeway account, we sent it a link to choose a new password. The link works once, for 30 minutes.";

export const ChangePasswordInputSchema = z.strictObject({
  currentPassword: z
    .string({ error: "Enter your current password." })
    .min(1, { error: "Enter your current password." })
    .max(MAX_PASSWORD_LENGTH, { error: "That password is too long." }),
  newPassword: NewPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInputSchema>;

/**
 * One of a person's sign-ins (a browser or device). `id` is the stored hash of the sign-in's
 * secret, never the secret, and is shown only to its owner.
 */
export const SignInSummarySchema = z.object({
  id: z.string(),
  signedInAt: z.iso.datetime(),
  lastActiveAt: z.iso.datetime(),
  current: z.boolean(),
  /** Browser and operating system read from the User-Agent at sign-in; null when unknown. */
  browser: z.string().nullable(),
  os: z.string().nullable(),
  /** Roughly where it signed in from: the local network, or a public address cut short. */
  place: z.string(),
});
export type SignInSummary = z.infer<typeof SignInSummarySchema>;
/** `sessions` is the field name the API has always used. */
export const SignInListSchema = z.object({ sessions: z.array(SignInSummarySchema) });

/** Answer of deactivate, reactivate and resend-invitation: where the account stands now. */
export const AccountStateSchema = z.object({ userId: z.uuid(), status: AccountStatusSchema });
export type AccountState = z.infer<typeof AccountStateSchema>;

/** Answer of forgot-password: the same words whether or not the email has an account. */
export const ForgotPasswordAnswerSchema = z.object({ message: z.string() });

/** Answer of an admin's "sign out everywhere": how many sign-ins it ended. */
export const EndedSignInsSchema = z.object({ ended: z.number() });
export type EndedSignIns = z.infer<typeof EndedSignInsSchema>;
