import type {
  ClientToServerEvents,
  LiveError,
  RealtimeErrorCode,
  ServerToClientEvents,
} from "@bridgeway/domain";
import { SOCKET_RECONNECTION } from "@bridgeway/domain";
import { io, type Socket } from "socket.io-client";

/**
 * The one socket.io connection of the page, shared by the live room, chat and alerts. It is
 * created on first use (this module is only ever imported lazily, so socket.io stays out of
 * the first load) and authenticates with the session cookie like the API does.
 */
export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: AppSocket | undefined;

export function getSocket(): AppSocket {
  socket ??= io({
    path: "/socket.io",
    transports: ["websocket", "polling"],
    withCredentials: true,
    reconnection: true,
    ...SOCKET_RECONNECTION,
  });
  return socket;
}

/** Closes the connection, on sign-out: the next user of this page gets a new one. */
export function closeSocket(): void {
  socket?.disconnect();
  socket = undefined;
}

/** Why the server refused the connection, when it said (not signed in, session over). */
export function connectErrorCode(error: Error): RealtimeErrorCode | undefined {
  const data = (error as Error & { data?: { code?: unknown } }).data;
  const code = data?.code;
  return code === "unauthenticated" || code === "session_expired" || code === "forbidden_origin"
    ? code
    : undefined;
}

/** A server's answer to a request: `{ ok: true, ...reply }`, or why it was refused. */
export type Reply<T> = ({ ok: true } & T) | { ok: false; error: LiveError };
