import type {
  ClientToServerEvents,
  RealtimeErrorCode,
  ServerToClientEvents,
} from "@bridgeway/domain";
import {
  connectErrorCode,
  getSocket,
  request,
  type AppSocket,
  type Reply,
} from "../realtime/socket";

/** Events the room sends without waiting for an answer. */
export type FireAndForget = "media:state" | "media:signal" | "chat:typing";

/**
 * The room's view of the socket: requests with answers, fire-and-forget events, listeners, and
 * the connection's ups and downs. The room controller depends on this, not on socket.io, so
 * its tests drive it with a fake.
 */
export interface RoomTransport {
  readonly connected: boolean;
  /** Whether the last (re)connection restored the previous session (socket.io recovery). */
  readonly recovered: boolean;
  connect(): void;
  request<T = object>(
    event: keyof ClientToServerEvents,
    payload: unknown,
    timeoutMs?: number,
  ): Promise<Reply<T>>;
  emit<E extends FireAndForget>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]): void;
  on<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): () => void;
  onConnect(handler: () => void): () => void;
  onDisconnect(handler: (reason: string) => void): () => void;
  onConnectError(handler: (code: RealtimeErrorCode | undefined) => void): () => void;
}

/** The page's shared socket as a RoomTransport; the socket is opened on first use. */
export function socketTransport(get: () => AppSocket = getSocket): RoomTransport {
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
    emit(event, payload) {
      // Typed per event above; socket.io's overloads cannot be picked by a generic key.
      (get().emit as (event: string, payload: unknown) => void).call(get(), event, payload);
    },
    on(event, handler) {
      const socket = get() as unknown as {
        on(event: string, handler: unknown): void;
        off(event: string, handler: unknown): void;
      };
      socket.on(event, handler);
      return () => socket.off(event, handler);
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
