import {
  CLIENT_EVENT_SCHEMAS,
  DomainError,
  findUnstorableText,
  type ClientEvent,
  type ErrorCode,
  type LiveError,
  type LiveErrorCode,
  type ParsedPayload,
  type ReplyOf,
  type RequestEvent,
} from "@bridgeway/domain";
import type { z } from "zod";
import { loggableError } from "../db/unavailable";
import { fieldsFromZodError } from "../http/validate";
import type { Logger } from "../logger";
import type { RealtimeSocket } from "./realtime";

type Reply = (reply: unknown) => void;

/** The domain's schemas, seen as "event E's schema parses to E's payload" for any E. */
const SCHEMAS: { [E in ClientEvent]: z.ZodType<ParsedPayload<E>> } = CLIENT_EVENT_SCHEMAS;

/**
 * What a handler of `E` resolves with: the reply the contract names for a request; for an event
 * sent without an answer, anything (a client that asks anyway is told `{ ok: true }`).
 */
export type HandlerResult<E extends ClientEvent> = E extends RequestEvent ? ReplyOf<E> : object;

/**
 * The one mapping from a domain error's code to the code a socket reply carries. HTTP-only
 * refusals (a bad JSON body, a CSRF check) never come from a socket event: `null`, so one
 * that somehow did is logged and answered as a failure, like any unexpected error.
 */
const SOCKET_CODES: Record<ErrorCode, LiveErrorCode | null> = {
  invalid_input: "invalid_input",
  not_found: "not_found",
  forbidden: "forbidden",
  rate_limited: "rate_limited",
  session_expired: "session_expired",
  unavailable: "unavailable",
  not_open_yet: "not_open_yet",
  ended: "ended",
  locked: "locked",
  removed: "removed",
  declined: "declined",
  room_full: "room_full",
  not_admitted: "not_admitted",
  invalid_json: null,
  unsupported_media_type: null,
  payload_too_large: null,
  unauthenticated: null,
  invalid_credentials: null,
  mfa_required: null,
  mfa_enrolment_required: null,
  reauthentication_required: null,
  csrf_failed: null,
  conflict: null,
};

/** An expected refusal as the `error` of a socket reply; undefined for anything else. */
export function socketErrorFor(error: unknown): LiveError | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const code = SOCKET_CODES[error.code];
  if (!code) return undefined;
  return {
    code,
    message: error.message,
    ...(error.fields ? { fields: error.fields } : {}),
  };
}

/** Handles one client event, given its payload as its schema parsed it. */
export type EventHandler = <E extends ClientEvent>(
  event: E,
  run: (payload: ParsedPayload<E>) => Promise<HandlerResult<E>>,
  precheck?: (payload: ParsedPayload<E>) => LiveError | undefined,
) => void;

/**
 * Registers socket events the same way everywhere: the payload is validated with the event's
 * schema from the domain's `CLIENT_EVENT_SCHEMAS`; a bad or refused event answers
 * `{ ok: false, error }` to its acknowledgement (when the client gave one) and a `room:error`
 * event naming the event; the socket keeps working. The event's name picks its schema and the
 * reply its handler must give. A `DomainError` the handler throws is told to the client
 * (`socketErrorFor`); anything else is logged.
 */
export function eventRegistrar(socket: RealtimeSocket, logger: Logger): EventHandler {
  return function handle<E extends ClientEvent>(
    event: E,
    run: (payload: ParsedPayload<E>) => Promise<HandlerResult<E>>,
    precheck?: (payload: ParsedPayload<E>) => LiveError | undefined,
  ): void {
    const schema = SCHEMAS[event];
    // What arrives is whatever the client sent: unknown until the schema has accepted it.
    const listener = (raw: unknown, maybeReply: unknown) => {
      const reply: Reply | undefined =
        typeof maybeReply === "function" ? (maybeReply as Reply) : undefined;
      const fail = (error: LiveError) => {
        socket.emit("room:error", { ...error, event });
        reply?.({ ok: false, error });
      };
      // Text the database cannot store (NUL, lone surrogates) is refused for every event at once.
      const unstorable = findUnstorableText(raw);
      if (unstorable) {
        fail({
          code: "invalid_input",
          message: `The ${event} event was not valid.`,
          fields: { [unstorable.field || "payload"]: unstorable.problem },
        });
        return;
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        fail({
          code: "invalid_input",
          message: `The ${event} event was not valid.`,
          fields: fieldsFromZodError(parsed.error),
        });
        return;
      }
      const problem = precheck?.(parsed.data);
      if (problem) {
        fail(problem);
        return;
      }
      run(parsed.data).then(
        (result) => reply?.({ ok: true, ...result }),
        (error: unknown) => {
          const known = socketErrorFor(error);
          if (known) {
            fail(known);
            return;
          }
          const err = loggableError(error);
          logger.error({ event, err }, "socket event failed");
          fail(
            err.infrastructure
              ? {
                  code: "unavailable",
                  message: "Bridgeway is having trouble right now. It will work again shortly.",
                }
              : { code: "invalid_input", message: "That did not work. Try again." },
          );
        },
      );
    };
    // Widened from E: socket.io cannot resolve its listener type for a generic event name, but
    // for the union of names it accepts a listener taking `unknown`, so no cast is needed.
    const name: ClientEvent = event;
    socket.on(name, listener);
  };
}
