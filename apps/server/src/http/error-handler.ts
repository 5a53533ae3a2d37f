import type { ErrorRequestHandler } from "express";
import type { ApiErrorBody } from "@bridgeway/domain";
import type { Logger } from "../logger";
import { HttpError, invalidJson, notFound, payloadTooLarge, unsupportedMediaType } from "./errors";

type BodyParserError = Error & { type?: string; status?: number; limit?: number };

/** Maps errors raised by body-parser (inside express.json) to our error model. */
function fromBodyParser(error: BodyParserError): HttpError | undefined {
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
      return new HttpError(400, "invalid_input", "The request body could not be read.");
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
function fromStatusError(error: unknown): HttpError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { status, statusCode } = error as StatusError;
  const code = typeof status === "number" ? status : statusCode;
  if (typeof code !== "number" || code < 400 || code > 499) return undefined;
  if (error instanceof URIError) {
    return new HttpError(
      400,
      "invalid_input",
      "The address is not valid: part of it is not correctly percent-encoded.",
      { path: "Bad percent-encoding." },
    );
  }
  switch (code) {
    case 400:
      return new HttpError(400, "invalid_input", "The request body could not be read.", {
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
      return new HttpError(400, "invalid_input", "The request could not be understood.");
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
function fromDatabase(error: unknown): HttpError | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  if (!isUniqueViolation(error)) return undefined;
  const { meta } = error as { meta?: { target?: unknown } };
  const target = Array.isArray(meta?.target)
    ? meta.target.filter((t): t is string => typeof t === "string")
    : [];
  return new HttpError(
    409,
    "conflict",
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

export function errorBody(error: HttpError): ApiErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
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
      error instanceof HttpError
        ? error
        : (fromBodyParser(error as BodyParserError) ??
          fromDatabase(error) ??
          fromStatusError(error));
    if (known) {
      for (const [name, value] of Object.entries(known.headers ?? {})) res.setHeader(name, value);
      res.status(known.status).json(errorBody(known));
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
