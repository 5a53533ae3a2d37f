import { z } from "zod";
import { localeSchema } from "./locale";
import { RoleSchema } from "./roles";

/** A sign-in ends after this long without activity (HIPAA automatic logoff). */
export const SIGN_IN_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** A sign-in ends this long after it began, whatever the activity. */
export const SIGN_IN_ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/**
 * The server records activity at most this often, so the idle logoff can come up to this much
 * earlier than 30 minutes after the last request; the web app plans for that.
 */
export const SIGN_IN_TOUCH_INTERVAL_MS = 60 * 1000;
/** How long before the idle logoff the web app warns. */
export const IDLE_WARNING_LEAD_MS = 2 * 60 * 1000;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export const LoginInputSchema = z.strictObject({
  email: z
    .string({
      error: (issue) => (issue.input === undefined ? "Email is required." : "Email must be text."),
    })
    .trim()
    .min(1, { error: "Email is required." })
    .max(254, { error: "Email is too long." }),
  password: z
    .string({
      error: (issue) =>
        issue.input === undefined ? "Password is required." : "Password must be text.",
    })
    .min(1, { error: "Password is required." })
    .max(MAX_PASSWORD_LENGTH, { error: "Password is too long." }),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

/** The signed-in person as the API shows them to themselves. */
export const SignedInUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: RoleSchema,
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  timeZone: z.string(),
  /** The language the person chose (see locale.ts); staff screens stay English whatever it is. */
  locale: localeSchema,
});
export type SignedInUser = z.infer<typeof SignedInUserSchema>;

export const SignInTimesSchema = z.object({
  idleExpiresAt: z.iso.datetime(),
  absoluteExpiresAt: z.iso.datetime(),
});
export type SignInTimes = z.infer<typeof SignInTimesSchema>;

/** Answer of login, `GET /api/auth/me` and keep-alive. */
export const AuthStateSchema = z.object({
  user: SignedInUserSchema,
  /** The language the app speaks to this person: the same as `user.locale`, here for short. */
  locale: localeSchema,
  csrfToken: z.string(),
  /** Named `session` in the API since before "session" came to mean only a therapy session. */
  session: SignInTimesSchema,
});
export type AuthState = z.infer<typeof AuthStateSchema>;

/** Answer of `PUT /api/auth/me/locale`: the language now stored. */
export const LocaleAnswerSchema = z.object({ locale: localeSchema });

/** When the sign-in will end if nothing else happens: the earlier of idle and absolute expiry. */
export function signInEndsAt(times: SignInTimes): Date {
  return new Date(Math.min(Date.parse(times.idleExpiresAt), Date.parse(times.absoluteExpiresAt)));
}

/** Name of the header that carries the CSRF token on cookie-authenticated writes. */
export const CSRF_HEADER = "x-csrf-token";

/**
 * Sent by the web app on reads it makes by itself (loading and refreshing what a page shows):
 * such a read is not activity, so a page left open cannot keep an idle sign-in alive. What the
 * person does (pointer, keys, writes) keeps it alive instead.
 */
export const BACKGROUND_REQUEST_HEADER = "x-bridgeway-background";
