import { ApiError, NetworkError } from "../api/api-client";
import type { SignedOutReason } from "../api/auth-api";

export type SignInField = "email" | "password";
export type SignInProblem = {
  /** Said once at the top of the form, announced as an alert. */
  message: string;
  fields: Partial<Record<SignInField, string>>;
};

export const IDLE_SIGN_OUT_MESSAGE =
  "You were signed out after 30 minutes without activity, to protect your privacy.";

/** What the sign-in page says about how the last session ended, if anything. */
export function signedOutMessage(reason: SignedOutReason): string | null {
  switch (reason) {
    case "none":
      return null;
    case "signed-out":
      return "You have signed out.";
    case "idle":
      return IDLE_SIGN_OUT_MESSAGE;
    case "time-limit":
      return "You were signed out because your session reached its 12-hour limit. Sign in again to continue.";
    case "expired":
      return "Your session ended. Sign in again to continue.";
  }
}

function waitFor(seconds: number | undefined): string {
  if (seconds === undefined) return "Wait a few minutes, then try again.";
  const minutes = Math.ceil(seconds / 60);
  if (minutes <= 1) return "Wait a minute, then try again.";
  return `Wait about ${minutes} minutes, then try again.`;
}

function isSignInField(name: string): name is SignInField {
  return name === "email" || name === "password";
}

/** Turns a failed sign-in into words for the form: a message and, where known, per field. */
export function signInProblem(error: unknown): SignInProblem {
  if (error instanceof NetworkError) return { message: error.message, fields: {} };
  if (!(error instanceof ApiError))
    return { message: "Something went wrong. Try again.", fields: {} };
  switch (error.code) {
    case "invalid_credentials":
      return {
        message: "That email and password don't match an account. Check them and try again.",
        fields: {},
      };
    case "rate_limited":
      return {
        message: `Too many sign-in attempts. To protect your account, signing in is paused. ${waitFor(error.retryAfterSeconds)}`,
        fields: {},
      };
    case "invalid_input": {
      const fields: SignInProblem["fields"] = {};
      for (const [name, problem] of Object.entries(error.fields)) {
        if (isSignInField(name)) fields[name] = problem;
      }
      return Object.keys(fields).length > 0
        ? { message: "Check the fields marked below.", fields }
        : { message: error.message, fields };
    }
    case "invalid_json":
    case "unsupported_media_type":
    case "payload_too_large":
    case "unauthenticated":
    case "session_expired":
    case "csrf_failed":
    case "forbidden":
    case "not_found":
    case "conflict":
    case "service_unavailable":
    case "internal":
      return { message: error.message, fields: {} };
  }
}
