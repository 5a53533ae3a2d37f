import type {
  ClientToServerEvents,
  LiveError,
  RealtimeErrorCode,
  ServerToClientEvents,
} from "@bridgeway/domain";
import { ApiError } from "../api/api-client";
import {
  connectErrorCode,
  getSocket,
  request,
  type AppSocket,
  type Reply,
} from "../realtime/socket";

/**
 * Chat's view of the page's shared socket: requests with answers, the one fire-and-forget event
 * (typing), server events, and the connection's ups and downs. Listeners are removed from the
 * socket they were added to, so a socket closed meanwhile is never reopened by a clean-up.
 */
export interface ChatTransport {
  readonly connected: boolean;
  /** Whether the last reconnection restored the session (socket.io connection state recovery). */
  readonly recovered: boolean;
  /** Opens the connection if it is not open or opening. */
  connect(): void;
  request<T = object>(event: keyof ClientToServerEvents, payload: unknown): Promise<Reply<T>>;
  emitTyping(payload: Parameters<ClientToServerEvents["chat:typing"]>[0]): void;
  on<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): () => void;
  onConnect(handler: () => void): () => void;
  onDisconnect(handler: (reason: string) => void): () => void;
  onConnectError(handler: (code: RealtimeErrorCode | undefined) => void): () => void;
}

type LooseSocket = {
  on(event: string, handler: unknown): void;
  off(event: string, handler: unknown): void;
};

/** The page's shared socket as a ChatTransport; opened on first use. */
export function socketChatTransport(get: () => AppSocket = getSocket): ChatTransport {
  const listen = (event: string, handler: unknown) => {
    // socket.io's typed `on` cannot be picked by a generic event name.
    const socket = get() as unknown as LooseSocket;
    socket.on(event, handler);
    return () => socket.off(event, handler);
  };
  return {
    get connected() {
      return get().connected;
    },
    get recovered() {
      return get().recovered;
    },
    connect() {
      const socket = get();
      if (!socket.connected && !socket.active) socket.connect();
    },
    request(event, payload) {
      return request(get(), event, payload);
    },
    emitTyping(payload) {
      get().emit("chat:typing", payload);
    },
    on(event, handler) {
      return listen(event, handler);
    },
    onConnect(handler) {
      return listen("connect", handler);
    },
    onDisconnect(handler) {
      return listen("disconnect", (reason: string) => handler(reason));
    },
    onConnectError(handler) {
      return listen("connect_error", (error: Error) => handler(connectErrorCode(error)));
    },
  };
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
export async function requestOrThrow<T>(
  transport: ChatTransport,
  event: keyof ClientToServerEvents,
  payload: unknown,
): Promise<T> {
  const reply = await transport.request<T>(event, payload);
  if (!reply.ok) throw realtimeError(reply.error);
  return reply;
}
