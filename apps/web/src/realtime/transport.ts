import type {
  ClientPayload,
  FireAndForgetEvent,
  RealtimeErrorCode,
  ReplyOf,
  RequestEvent,
  ServerToClientEvents,
} from "@bridgeway/domain";
import { connectErrorCode, getSocket, type AppSocket, type Reply } from "./socket";

/** The server's answer to request `E`, with the reply the contract names for it. */
export type ReplyTo<E extends RequestEvent> = Reply<ReplyOf<E>>;

/**
 * The page's shared socket as features use it, typed from the realtime contract: a request
 * takes its event's payload and resolves with its event's reply, so a wrong one does not
 * compile. Listeners are removed from the socket they were added to, so a socket closed
 * meanwhile is never reopened by a clean-up.
 */
export interface RealtimeTransport {
  readonly connected: boolean;
  /** Whether the last (re)connection restored the previous session (socket.io recovery). */
  readonly recovered: boolean;
  /** Opens the connection if it is not open or opening. */
  connect(): void;
  /** Sends `event` and resolves with the answer, or `unavailable` when none comes in time. */
  request<E extends RequestEvent>(
    event: E,
    payload: ClientPayload<E>,
    timeoutMs?: number,
  ): Promise<ReplyTo<E>>;
  /**
   * Whether the server answers a ping within `timeoutMs`: the connection carries messages now
   * (a socket can look connected through a network outage until its heartbeat notices).
   */
  ping(timeoutMs: number): Promise<boolean>;
  /** Sends an event the server does not answer. */
  emit<E extends FireAndForgetEvent>(event: E, payload: ClientPayload<E>): void;
  on<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): () => void;
  onConnect(handler: () => void): () => void;
  onDisconnect(handler: (reason: string) => void): () => void;
  onConnectError(handler: (code: RealtimeErrorCode | undefined) => void): () => void;
}

/**
 * The contract's emits, one event at a time. socket.io picks `emit`'s arguments with a
 * conditional type over the event name, which TypeScript cannot resolve while the name is a
 * type parameter; this states the same per-event contract in a form it can check callers
 * against. Asserted once, in `contractEmitter`, and nowhere else.
 */
type ContractEmitter = {
  emit<E extends FireAndForgetEvent>(event: E, payload: ClientPayload<E>): unknown;
  timeout(ms: number): {
    emit<E extends RequestEvent>(
      event: E,
      payload: ClientPayload<E>,
      ack: (error: Error | null, reply: ReplyTo<E>) => void,
    ): unknown;
  };
};

function contractEmitter(socket: AppSocket): ContractEmitter {
  return socket as ContractEmitter;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Emits a request and resolves with the server's acknowledgement, or with an `unavailable`
 * refusal when none comes in time (the connection may be down; the caller decides whether to
 * retry).
 */
export function request<E extends RequestEvent>(
  target: AppSocket,
  event: E,
  payload: ClientPayload<E>,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<ReplyTo<E>> {
  return new Promise((resolve) => {
    contractEmitter(target)
      .timeout(timeoutMs)
      .emit(event, payload, (error, reply) => {
        if (error) {
          resolve({
            ok: false,
            error: {
              // Not the request's fault: the same request may work once the connection is back.
              code: "unavailable",
              message: "No answer from Bridgeway. Check your connection.",
            },
          });
          return;
        }
        resolve(reply);
      });
  });
}

/** The page's shared socket (by default) as a RealtimeTransport; opened on first use. */
export function socketRealtimeTransport(get: () => AppSocket = getSocket): RealtimeTransport {
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
    request(event, payload, timeoutMs) {
      return request(get(), event, payload, timeoutMs);
    },
    ping(timeoutMs) {
      const socket = get();
      if (!socket.connected) return Promise.resolve(false);
      return new Promise((resolve) => {
        socket.timeout(timeoutMs).emit("presence:ping", (error: Error | null) => resolve(!error));
      });
    },
    emit(event, payload) {
      contractEmitter(get()).emit(event, payload);
    },
    on(event, handler) {
      const socket = get();
      // Widened from E: for the union of names socket.io accepts any of their handlers.
      const name: keyof ServerToClientEvents = event;
      socket.on(name, handler);
      return () => socket.off(name, handler);
    },
    onConnect(handler) {
      const socket = get();
      socket.on("connect", handler);
      return () => socket.off("connect", handler);
    },
    onDisconnect(handler) {
      const socket = get();
      const listener = (reason: string) => handler(reason);
      socket.on("disconnect", listener);
      return () => socket.off("disconnect", listener);
    },
    onConnectError(handler) {
      const socket = get();
      const listener = (error: Error) => handler(connectErrorCode(error));
      socket.on("connect_error", listener);
      return () => socket.off("connect_error", listener);
    },
  };
}
