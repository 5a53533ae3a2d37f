import type { Role } from "./roles";

/**
 * The socket.io contract, typed once for the server and the web app. Sockets authenticate from
 * the same session cookie as the API; connection errors carry a `code` the client can show.
 */

export type SessionEndReason = "signed-out" | "expired";

export type RealtimeErrorCode = "unauthenticated" | "session_expired" | "forbidden_origin";

export interface ServerToClientEvents {
  /** The sign-in session behind this socket ended (signed out elsewhere, or expired). */
  "session:ended": (payload: { reason: SessionEndReason }) => void;
}

export interface ClientToServerEvents {
  /** Round trip for connection health; answers the server time. */
  "presence:ping": (ack: (reply: { serverTime: string }) => void) => void;
}

/** No events between server processes beyond what the adapter itself carries. */
export type InterServerEvents = Record<string, never>;

export interface SocketData {
  userId: string;
  role: Role;
  organizationId: string;
  sessionId: string;
}
