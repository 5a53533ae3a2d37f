import type { ErrorRequestHandler } from "express";
import {
  DomainError,
  type ApiErrorBody,
  type ApiErrorCode,
  type ErrorCode,
} from "@bridgeway/domain";
import type { Logger } from "../logger";
import {
  badRequest,
  conflict,
  invalidJson,
  notFound,
  payloadTooLarge,
  unsupportedMediaType,
} from "./errors";

/**
 * The one mapping from a domain error's code to its HTTP answer: the status and the code the
 * body carries. The live room's refusals are socket answers only: `null`, never sent over HTTP.
 */
const HTTP_ANSWERS: Record<ErrorCode, { status: number; code: ApiErrorCode } | null> = {
  invalid_input: { status: 400, code: "invalid_input" },
  invalid_json: { status: 400, code: "invalid_json" },
  unsupported_media_type: { status: 415, code: "unsupported_media_type" },
  payload_too_large: { status: 413, code: "payload_too_large" },
  unauthenticated: { status: 401, code: "unauthenticated" },
  invalid_credentials: { status: 401, code: "invalid_credentials" },
  session_expired: { status: 401, code: "session_expired" },
  mfa_required: { status: 401, code: "mfa_required" },
  mfa_enrolment_required: { status: 403, code: "mfa_enrolment_required" },
  reauthentication_required: { status: 403, code: "reauthentication_required" },
  csrf_failed: { status: 403, code: "csrf_failed" },
  forbidden: { status: 403, code: "forbidden" },
  not_found: { status: 404, code: "not_found" },
  conflict: { status: 409, code: "conflict" },
  rate_limited: { status: 429, code: "rate_limited" },
  unavailable: { status: 503, code: "service_unavailable" },
  not_open_yet: null,
  ended: null,
  locked: null,
  removed: null,
  declined: null,
  room_full: null,
  not_admitted: null,
};

/** The HTTP status a domain error answers with; undefined for refusals only sockets carry. */
export function httpStatusFor(code: ErrorCode): number | undefined {
  return HTTP_ANSWERS[code]?.status;
}

type BodyParserError = Error & { type?: string; status?: number; limit?: number };

/** Maps errors raised by body-parser (inside express.json) to our error model. */
function fromBodyParser(error: BodyParserError): DomainError | undefined {
  switch (error.type ?? "") {
    case "entity.parse.failed":
      return invalidJson();
    case "entity.too.large":
      return payloadTooLarge(`${Math.round((error.limit ?? 0) / 1024)} KB`);
    case "encoding.unsupported":
    case "charset.unsupported":
      return unsupportedMediaType();
    case "request.aborted":
    case "request.size.invalid":
    case "stream.encoding.set":
      return badRequest("The request body could not be read.");
    default:
      return undefined;
  }
}

type StatusError = Error & { status?: unknown; statusCode?: unknown };

/**
 * Errors Express and its helpers raise with an HTTP status of their own: a path parameter that
 * is not valid percent-encoding (URIError, 400), a body whose Content-Encoding does not decode
 * (400), a static file path that tries to climb out of its folder (403) or names nothing (404).
 * These are the caller's mistakes, so they answer 4xx in our error model, never 500.
 */
function fromStatusError(error: unknown): DomainError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { status, statusCode } = error as StatusError;
  const code = typeof status === "number" ? status : statusCode;
  if (typeof code !== "number" || code < 400 || code > 499) return undefined;
  if (error instanceof URIError) {
    return badRequest("The address is not valid: part of it is not correctly percent-encoded.", {
      path: "Bad percent-encoding.",
    });
  }
  switch (code) {
    case 400:
      return badRequest("The request body could not be read.", {
        body: "Could not be decoded (check Content-Encoding).",
      });
    case 403:
    case 404:
      // A refused file path reads as missing: no hint of what lies outside.
      return notFound("file");
    case 413:
      return payloadTooLarge("the limit");
    case 415:
      return unsupportedMediaType();
    default:
      return badRequest("The request could not be understood.");
  }
}

/** Whether a database error is a unique constraint refusing a write (Prisma's P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002"
  );
}

/**
 * A unique constraint the checks before a write did not catch (two requests racing for the same
 * email, say) is a conflict the caller can act on, not a server failure.
 */
function fromDatabase(error: unknown): DomainError | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  if (!isUniqueViolation(error)) return undefined;
  const { meta } = error as { meta?: { target?: unknown } };
  const target = Array.isArray(meta?.target)
    ? meta.target.filter((t): t is string => typeof t === "string")
    : [];
  return conflict(
    "That already exists.",
    target.length > 0 ? Object.fromEntries(target.map((t) => [t, "Already in use."])) : undefined,
  );
}

/** The name, code and call sites of an unknown error, without its message (it may hold data). */
export function describeUnknownError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    code: typeof code === "string" || typeof code === "number" ? code : undefined,
    frames: error.stack
      ?.split("\n")
      .slice(1, 8)
      .map((line) => line.trim()),
  };
}

/** A domain error as an HTTP answer; undefined for one that is not meant for HTTP. */
export function httpAnswerFor(
  error: DomainError,
): { status: number; headers: Record<string, string>; body: ApiErrorBody } | undefined {
  const answer = HTTP_ANSWERS[error.code];
  if (!answer) return undefined;
  return {
    status: answer.status,
    headers:
      error.retryAfterSeconds === undefined
        ? {}
        : { "Retry-After": String(error.retryAfterSeconds) },
    body: {
      error: {
        code: answer.code,
        message: error.message,
        ...(error.fields ? { fields: error.fields } : {}),
      },
    },
  };
}

/** The one place errors become HTTP answers. Unknown errors are logged and answer a bare 500. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known =
      error instanceof DomainError
        ? error
        : (fromBodyParser(error as BodyParserError) ??
          fromDatabase(error) ??
          fromStatusError(error));
    const answer = known && httpAnswerFor(known);
    if (answer) {
      for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
      res.status(answer.status).json(answer.body);
      return;
    }
    logger.error(
      { requestId: req.id, method: req.method, path: req.path, err: describeUnknownError(error) },
      "unhandled error",
    );
    const body: ApiErrorBody = {
      error: { code: "internal", message: "Something went wrong on our side. Please try again." },
    };
    res.status(500).json(body);
  };
}
