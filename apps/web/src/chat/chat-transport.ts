import type { ClientPayload, LiveError, ReplyOf, RequestEvent } from "@bridgeway/domain";
import { ApiError } from "../api/api-client";
import type { AppSocket } from "../realtime/socket";
import { socketRealtimeTransport, type RealtimeTransport } from "../realtime/transport";

/**
 * Chat's view of the page's shared socket: the same typed transport as the live room's, with
 * requests, the typing event, server events and the connection's ups and downs.
 */
export type ChatTransport = RealtimeTransport;

/** The page's shared socket as a ChatTransport; opened on first use. */
export function socketChatTransport(get?: () => AppSocket): ChatTransport {
  return socketRealtimeTransport(get);
}

const STATUS_OF: Record<LiveError["code"], number> = {
  invalid_input: 400,
  not_found: 404,
  forbidden: 403,
  not_open_yet: 409,
  ended: 409,
  locked: 409,
  removed: 409,
  declined: 409,
  room_full: 409,
  not_admitted: 403,
  session_expired: 401,
  unavailable: 503,
  rate_limited: 429,
};

/**
 * A refused socket request as the app's ApiError, so that the usual error states show the
 * server's own words.
 */
export function realtimeError(error: LiveError): ApiError {
  const status = STATUS_OF[error.code];
  const code =
    status === 401
      ? "session_expired"
      : status === 404
        ? "not_found"
        : status === 403
          ? "forbidden"
          : status === 409
            ? "conflict"
            : status === 503
              ? "service_unavailable"
              : status === 429
                ? "rate_limited"
                : "invalid_input";
  return new ApiError(status, code, error.message, error.fields ?? {});
}

/** A request whose refusal is thrown, for React Query. */
export async function requestOrThrow<E extends RequestEvent>(
  transport: ChatTransport,
  event: E,
  payload: ClientPayload<E>,
): Promise<{ ok: true } & ReplyOf<E>> {
  const reply = await transport.request(event, payload);
  if (!reply.ok) throw realtimeError(reply.error);
  return reply;
}
