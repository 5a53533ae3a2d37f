import type { ApiErrorCode } from "@bridgeway/domain";

/** An error with a meaning for the client: it becomes `{"error":{code,message,fields}}`. */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields?: Record<string, string>) =>
  new HttpError(400, "invalid_input", message, fields);

export const invalidJson = () =>
  new HttpError(400, "invalid_json", "The request body is not valid JSON.", {
    body: "Invalid JSON.",
  });

export const unsupportedMediaType = () =>
  new HttpError(415, "unsupported_media_type", "Send the request body as application/json.", {
    body: "Content-Type must be application/json.",
  });

export const payloadTooLarge = (limit: string) =>
  new HttpError(413, "payload_too_large", `The request body is larger than ${limit}.`, {
    body: `Larger than ${limit}.`,
  });

export const unauthenticated = (message = "Sign in to continue.") =>
  new HttpError(401, "unauthenticated", message);

export const sessionExpired = () =>
  new HttpError(401, "session_expired", "Your session ended. Sign in again to continue.");

export const mfaRequired = () =>
  new HttpError(
    401,
    "mfa_required",
    "Enter the code from your authenticator app to finish signing in.",
  );

export const mfaEnrolmentRequired = () =>
  new HttpError(
    403,
    "mfa_enrolment_required",
    "Set up your authenticator app before you continue: your clinic requires it.",
  );

export const reauthenticationRequired = () =>
  new HttpError(
    403,
    "reauthentication_required",
    "Confirm it is you: enter your password or a code from your authenticator app.",
  );

export const forbidden = (message = "You are not allowed to do that.") =>
  new HttpError(403, "forbidden", message);

export const csrfFailed = () =>
  new HttpError(
    403,
    "csrf_failed",
    "This request could not be verified. Reload the page and try again.",
  );

/** Used both for records that do not exist and for records the caller may not see. */
export const notFound = (what = "record") => new HttpError(404, "not_found", `No such ${what}.`);

export const conflict = (message: string, fields?: Record<string, string>) =>
  new HttpError(409, "conflict", message, fields);

export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new HttpError(429, "rate_limited", message, undefined, {
    "Retry-After": String(retryAfterSeconds),
  });

export const serviceUnavailable = (message: string) =>
  new HttpError(503, "service_unavailable", message);
