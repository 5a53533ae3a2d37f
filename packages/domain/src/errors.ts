import { z } from "zod";
import type { LiveErrorCode } from "./live";

/** Machine-readable error codes the API answers with; the web app maps them to next steps. */
export const API_ERROR_CODES = [
  "invalid_input",
  "invalid_json",
  "unsupported_media_type",
  "payload_too_large",
  "unauthenticated",
  "invalid_credentials",
  "session_expired",
  "mfa_required",
  "mfa_enrolment_required",
  "reauthentication_required",
  "csrf_failed",
  "forbidden",
  "not_found",
  "conflict",
  "rate_limited",
  "service_unavailable",
  "internal",
] as const;
export const ApiErrorCodeSchema = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

/** Every error body: `{"error":{"code","message","fields"?}}`; `fields` names invalid input. */
export const ApiErrorBodySchema = z.object({
  error: z.object({
    code: ApiErrorCodeSchema,
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

/** Written only by the HTTP layer: an outage is thrown as "unavailable", "internal" never. */
const HTTP_ONLY_CODES: readonly string[] = ["service_unavailable", "internal"];
type HttpOnlyCode = "service_unavailable" | "internal";
/** Refusals of the live room, answered only on sockets. */
const LIVE_ROOM_CODES = [
  "not_open_yet",
  "ended",
  "locked",
  "removed",
  "declined",
  "room_full",
  "not_admitted",
] as const satisfies readonly LiveErrorCode[];

/**
 * Every reason the server refuses a request, whichever way it arrived (HTTP or a socket event).
 * The HTTP error handler and the socket event registrar each map these once to their answer;
 * business code only says what went wrong, never which status or reply carries it.
 */
export const ERROR_CODES = [
  ...API_ERROR_CODES.filter(
    (code): code is Exclude<ApiErrorCode, HttpOnlyCode> => !HTTP_ONLY_CODES.includes(code),
  ),
  /** What it depends on (the database, a mail or media server) is down; try again later. */
  "unavailable",
  ...LIVE_ROOM_CODES,
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An expected refusal with a meaning for the client; anything else is a failure to log. */
export class DomainError extends Error {
  override name = "DomainError";
  readonly fields?: Record<string, string>;
  /** How long the caller should wait before trying again (rate limits). */
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    details: { fields?: Record<string, string>; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.fields = details.fields;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

export const invalidInput = (message: string, fields?: Record<string, string>) =>
  new DomainError("invalid_input", message, { fields });

export const unauthenticated = (message = "Sign in to continue.") =>
  new DomainError("unauthenticated", message);

export const sessionExpired = (message = "Your session ended. Sign in again to continue.") =>
  new DomainError("session_expired", message);

export const forbidden = (message = "You are not allowed to do that.") =>
  new DomainError("forbidden", message);

/** Used both for records that do not exist and for records the caller may not see. */
export const notFound = (message = "No such record.") => new DomainError("not_found", message);

export const conflict = (message: string, fields?: Record<string, string>) =>
  new DomainError("conflict", message, { fields });

export const rateLimited = (message: string, retryAfterSeconds?: number) =>
  new DomainError("rate_limited", message, { retryAfterSeconds });

export const unavailable = (message: string) => new DomainError("unavailable", message);
