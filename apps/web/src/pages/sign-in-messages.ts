import type { TFunction } from "i18next";
import { ApiError, describeError, NetworkError } from "../api/api-client";
import type { SignedOutReason } from "../api/auth-api";

export type SignInField = "email" | "password";
export type SignInProblem = {
  /** Said once at the top of the form, announced as an alert. */
  message: string;
  fields: Partial<Record<SignInField, string>>;
};

/** What the sign-in page says about how the last session ended, if anything. */
export function signedOutMessage(t: TFunction<"signIn">, reason: SignedOutReason): string | null {
  switch (reason) {
    case "none":
      return null;
    case "signed-out":
    case "idle":
    case "time-limit":
    case "expired":
      return t(`signedOut.${reason}`);
  }
}

function waitFor(t: TFunction<"signIn">, seconds: number | undefined): string {
  if (seconds === undefined) return t("problems.waitFewMinutes");
  const minutes = Math.ceil(seconds / 60);
  if (minutes <= 1) return t("problems.waitMinute");
  return t("problems.waitMinutes", { count: minutes });
}

function isSignInField(name: string): name is SignInField {
  return name === "email" || name === "password";
}

/** Turns a failed sign-in into words for the form: a message and, where known, per field. */
export function signInProblem(t: TFunction<"signIn">, error: unknown): SignInProblem {
  if (!(error instanceof ApiError) || error instanceof NetworkError) {
    return { message: describeError(error), fields: {} };
  }
  switch (error.code) {
    case "invalid_credentials":
      return { message: t("problems.invalidCredentials"), fields: {} };
    case "rate_limited":
      return {
        message: t("problems.rateLimited", { wait: waitFor(t, error.retryAfterSeconds) }),
        fields: {},
      };
    case "invalid_input": {
      const fields: SignInProblem["fields"] = {};
      for (const [name, problem] of Object.entries(error.fields)) {
        if (isSignInField(name)) fields[name] = problem;
      }
      return Object.keys(fields).length > 0
        ? { message: t("problems.checkFields"), fields }
        : { message: describeError(error), fields };
    }
    case "invalid_json":
    case "unsupported_media_type":
    case "payload_too_large":
    case "unauthenticated":
    case "session_expired":
    case "mfa_required":
    case "mfa_enrolment_required":
    case "reauthentication_required":
    case "csrf_failed":
    case "forbidden":
    case "not_found":
    case "conflict":
    case "service_unavailable":
    case "internal":
      return { message: describeError(error), fields: {} };
  }
}
