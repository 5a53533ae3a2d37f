/**
 * Telling "the database (or another service we depend on) is not there" from "this request is
 * wrong": the first is answered `unavailable`, so a client keeps what it was sending and tries
 * again later, and is logged with its class and message (which for these errors carry no data
 * from the request).
 */

/** Socket and PostgreSQL error codes of a connection that failed or was cut. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  // connection_exception (08xxx), operator_intervention (57Pxx), too_many_connections
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  // Prisma: database not reachable, timed out, connection closed, pool timeout
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
]);

const CONNECTION_NAMES = new Set(["PrismaClientInitializationError", "HeldBackError"]);

/**
 * Not tried, because the request before it from the same sender failed for want of a service:
 * trying it could store it ahead of the earlier one. Answered `unavailable` like that one.
 */
export class HeldBackError extends Error {
  override name = "HeldBackError";
  constructor() {
    super("held back behind an earlier request that could not reach the database");
  }
}

const CONNECTION_MESSAGES =
  /connection terminated|connection error|not queryable|timeout exceeded when trying to connect|terminating connection|server closed the connection|connection refused|ended by the other party|does not allow connections|not currently accepting connections/i;

function* chain(error: unknown): Generator<Record<string, unknown>> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth += 1) {
    const record = current as Record<string, unknown>;
    yield record;
    current = record.cause;
  }
}

/** Whether the error says a service we depend on is unreachable, rather than the request wrong. */
export function isInfrastructureFailure(error: unknown): boolean {
  for (const link of chain(error)) {
    const code = link.code;
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
    if (typeof link.name === "string" && CONNECTION_NAMES.has(link.name)) return true;
    if (typeof link.message === "string" && CONNECTION_MESSAGES.test(link.message)) return true;
  }
  return false;
}

/**
 * What a log line may say about an error: its class and code always; its message only when it
 * is an infrastructure failure (other errors, such as Prisma's validation errors, can quote the
 * request's data, which may be clinical text).
 */
export function loggableError(error: unknown): {
  class: string;
  code?: string;
  message?: string;
  infrastructure: boolean;
} {
  if (!(error instanceof Error)) return { class: typeof error, infrastructure: false };
  const infrastructure = isInfrastructureFailure(error);
  const code = (error as { code?: unknown }).code;
  const cause = [...chain(error)].find((link) => typeof link.message === "string" && link.message);
  return {
    class: error.constructor.name || error.name,
    ...(typeof code === "string" ? { code } : {}),
    ...(infrastructure && typeof cause?.message === "string"
      ? { message: cause.message.slice(0, 300) }
      : {}),
    infrastructure,
  };
}
