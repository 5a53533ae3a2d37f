import {
  DomainError,
  invalidInput,
  notFound as domainNotFound,
  rateLimited,
  unavailable,
} from "@bridgeway/domain";

export { conflict, forbidden, sessionExpired, unauthenticated } from "@bridgeway/domain";

/*
 * The server's names for the domain's errors. Each returns a `DomainError`; the HTTP error
 * handler and the socket event registrar decide, each in one place, how it is answered.
 */

export const badRequest = (message: string, fields?: Record<string, string>) =>
  invalidInput(message, fields);

export const invalidJson = () =>
  new DomainError("invalid_json", "The request body is not valid JSON.", {
    fields: { body: "Invalid JSON." },
  });

export const unsupportedMediaType = () =>
  new DomainError("unsupported_media_type", "Send the request body as application/json.", {
    fields: { body: "Content-Type must be application/json." },
  });

export const payloadTooLarge = (limit: string) =>
  new DomainError("payload_too_large", `The request body is larger than ${limit}.`, {
    fields: { body: `Larger than ${limit}.` },
  });

export const invalidCredentials = () =>
  new DomainError("invalid_credentials", "That email and password do not match an account.");

export const mfaRequired = () =>
  new DomainError(
    "mfa_required",
    "Enter the code from your authenticator app to finish signing in.",
  );

export const mfaEnrolmentRequired = () =>
  new DomainError(
    "mfa_enrolment_required",
    "Set up your authenticator app before you continue: your clinic requires it.",
  );

export const reauthenticationRequired = () =>
  new DomainError(
    "reauthentication_required",
    "Confirm it is you: enter your password or a code from your authenticator app.",
  );

export const csrfFailed = () =>
  new DomainError(
    "csrf_failed",
    "This request could not be verified. Reload the page and try again.",
  );

/** Used both for records that do not exist and for records the caller may not see. */
export const notFound = (what = "record") => domainNotFound(`No such ${what}.`);

export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  rateLimited(message, retryAfterSeconds);

export const serviceUnavailable = (message: string) => unavailable(message);
