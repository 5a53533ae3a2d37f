import { z } from "zod";
import { AuthStateSchema } from "./auth";
import type { Role } from "./roles";

/** Authenticator app codes (RFC 6238): six digits, a new one every 30 seconds, HMAC-SHA-1. */
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** Codes from one step either side of now are accepted, for phones whose clocks drift. */
export const TOTP_SKEW_STEPS = 1;
/** How many single-use recovery codes enrolment hands out (shown once). */
export const RECOVERY_CODE_COUNT = 10;
/**
 * Signing a note, changing family consent, exporting records and deactivating an account need a
 * password or code confirmed on this session at most this long ago.
 */
export const REAUTHENTICATION_WINDOW_MS = 5 * 60 * 1000;
/** A sign-in waiting for its code (or a staff account for its enrolment) lapses after this. */
export const MFA_PENDING_LIFETIME_MS = 15 * 60 * 1000;

/** Roles that hold clinical records or run the clinic: the clinic may require MFA of them. */
const STAFF_ROLES: ReadonlySet<Role> = new Set(["ADMIN", "FACILITATOR"]);

/** Whether this person must use an authenticator app, given their clinic's setting. */
export function mfaRequiredFor(role: Role, clinicRequiresForStaff: boolean): boolean {
  return clinicRequiresForStaff && STAFF_ROLES.has(role);
}

/**
 * Whether a code matching time step `step` may be used, given the last step accepted for this
 * person: each step works once, and nothing older than the last one used (no replay).
 */
export function totpStepUsable(step: number, lastUsedStep: number | null): boolean {
  return lastUsedStep === null || step > lastUsedStep;
}

/** Whether a confirmation at `reauthenticatedAt` still covers a sensitive action at `now`. */
export function reauthenticationFresh(reauthenticatedAt: Date | null, now: Date): boolean {
  if (!reauthenticatedAt) return false;
  const age = now.getTime() - reauthenticatedAt.getTime();
  return age >= 0 && age < REAUTHENTICATION_WINDOW_MS;
}

/** Letters and digits that cannot be misread for one another (no 0/o, 1/l/i). */
export const RECOVERY_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const RECOVERY_CODE_LENGTH = 10;

/** What someone typed, sorted into an authenticator code, a recovery code, or neither. */
export type MfaCode = { kind: "totp"; code: string } | { kind: "recovery"; code: string };

/** Reads a typed code: spaces are ignored; recovery codes ignore case and the dash. */
export function parseMfaCode(input: string): MfaCode | null {
  const compact = input.replace(/\s+/g, "");
  if (new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(compact)) return { kind: "totp", code: compact };
  const recovery = compact.replace(/-/g, "").toLowerCase();
  const pattern = new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{${RECOVERY_CODE_LENGTH}}$`);
  return pattern.test(recovery) ? { kind: "recovery", code: recovery } : null;
}

/** Shows a recovery code as two groups of five, the way it is handed out. */
export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

const codeField = z
  .string({
    error: (issue) => (issue.input === undefined ? "Enter the code." : "The code must be text."),
  })
  .trim()
  .min(1, { error: "Enter the code." })
  .max(32, { error: "That is not a code from your app or a recovery code." });

/** A code typed at sign-in or to confirm enrolment: six digits, or a recovery code. */
export const MfaCodeInputSchema = z.strictObject({ code: codeField });
export type MfaCodeInput = z.infer<typeof MfaCodeInputSchema>;

/** Confirming who you are again: your password, or a code when you use an authenticator app. */
export const ReauthenticateInputSchema = z.union([
  z.strictObject({
    password: z
      .string({ error: "Enter your password." })
      .min(1, { error: "Enter your password." })
      .max(256, { error: "Password is too long." }),
  }),
  z.strictObject({ code: codeField }),
]);
export type ReauthenticateInput = z.infer<typeof ReauthenticateInputSchema>;

/** One's own MFA as the account page shows it. */
export const MfaStatusSchema = z.object({
  enabled: z.boolean(),
  /** The clinic requires it for this person's role: it cannot be turned off. */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int().min(0),
});
export type MfaStatus = z.infer<typeof MfaStatusSchema>;

/** A started enrolment: scan the QR code, or type the secret into the app. */
export const MfaEnrolmentSchema = z.object({
  /** Base32, for typing into the app by hand. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as a QR code, an SVG data URL. */
  qrCodeDataUrl: z.string().startsWith("data:image/svg+xml"),
});
export type MfaEnrolment = z.infer<typeof MfaEnrolmentSchema>;

/** Enrolment confirmed: the recovery codes, shown this once, and the (possibly new) session. */
export const MfaConfirmedSchema = z.object({
  recoveryCodes: z.array(z.string()).length(RECOVERY_CODE_COUNT),
  auth: AuthStateSchema,
});
export type MfaConfirmed = z.infer<typeof MfaConfirmedSchema>;

/**
 * A sign-in that is not finished: the password was right, and now the code is needed (`code`),
 * or a staff account must set up its authenticator app first (`enrolment`).
 */
export const MfaPendingStateSchema = z.object({
  mfaPending: z.enum(["code", "enrolment"]),
  csrfToken: z.string(),
});
export type MfaPendingState = z.infer<typeof MfaPendingStateSchema>;

/** The answer of password sign-in (and of `GET /api/auth/me`): signed in, or half-way. */
export const SignInAnswerSchema = z.union([AuthStateSchema, MfaPendingStateSchema]);
export type SignInAnswer = z.infer<typeof SignInAnswerSchema>;

/** What the sign-in page may know before anyone signs in. */
export const SignInOptionsSchema = z.object({
  /** The demo clinic is loaded; its accounts sign in with a password alone. */
  demoClinicWithoutMfa: z.boolean(),
});
export type SignInOptions = z.infer<typeof SignInOptionsSchema>;

/** When this session last confirmed a password or code, for the web app's step-up dialog. */
export const ReauthenticationStateSchema = z.object({
  fresh: z.boolean(),
  /** The person has an authenticator app, so a code is offered besides the password. */
  canUseCode: z.boolean(),
});
export type ReauthenticationState = z.infer<typeof ReauthenticationStateSchema>;
