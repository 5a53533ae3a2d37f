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

/** Handles one client event from `socket`, given its payload as its schema parsed it. */
export type SocketEventRun<E extends ClientEvent> = (
  socket: RealtimeSocket,
  payload: ParsedPayload<E>,
) => Promise<HandlerResult<E>>;

/** A refusal decided before the handler runs (a flood, an event for another room), or none. */
export type SocketEventPrecheck<E extends ClientEvent> = (
  socket: RealtimeSocket,
  payload: ParsedPayload<E>,
) => LiveError | undefined;

/** Registers the handler of one client event, for every socket. */
export type EventHandler = <E extends ClientEvent>(
  event: E,
  run: SocketEventRun<E>,
  precheck?: SocketEventPrecheck<E>,
) => void;

export type EventRoutes = {
  /** Registers a handler, once for every socket (later ones replace earlier ones). */
  on: EventHandler;
  /**
   * Runs the handler of the event a socket sent (`[event, payload, acknowledgement?]`, as
   * socket.io's middleware sees it); false when no handler is registered for it.
   */
  dispatch(socket: RealtimeSocket, packet: readonly unknown[]): boolean;
};

/**
 * Socket events handled the same way everywhere: the payload is validated with the event's
 * schema from the domain's `CLIENT_EVENT_SCHEMAS`; a bad or refused event answers
 * `{ ok: false, error }` to its acknowledgement (when the client gave one) and a `room:error`
 * event naming the event; the socket keeps working. The event's name picks its schema and the
 * reply its handler must give. A `DomainError` the handler throws is told to the client
 * (`socketErrorFor`); anything else is logged.
 *
 * Handlers are registered once and shared by every socket, which carries no listener of its own
 * per event: an idle socket costs memory, and a clinic keeps thousands open.
 */
export function createEventRoutes(logger: Logger): EventRoutes {
  type Route = (socket: RealtimeSocket, raw: unknown, reply: Reply | undefined) => void;
  const routes = new Map<string, Route>();

  function on<E extends ClientEvent>(
    event: E,
    run: SocketEventRun<E>,
    precheck?: SocketEventPrecheck<E>,
  ): void {
    const schema = SCHEMAS[event];
    // What arrives is whatever the client sent: unknown until the schema has accepted it.
    routes.set(event, (socket, raw, reply) => {
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
      const problem = precheck?.(socket, parsed.data);
      if (problem) {
        fail(problem);
        return;
      }
      run(socket, parsed.data).then(
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
    });
  }

  return {
    on,
    dispatch(socket, packet) {
      const [event, raw, maybeReply] = packet;
      const route = typeof event === "string" ? routes.get(event) : undefined;
      if (!route) return false;
      route(socket, raw, typeof maybeReply === "function" ? (maybeReply as Reply) : undefined);
      return true;
    },
  };
}
