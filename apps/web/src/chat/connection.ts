import type { ChatTransport } from "./chat-transport";

/**
 * Where the realtime connection stands, as the person should hear it: still opening, open,
 * dropped and coming back by itself, or refused for a reason a retry will not fix.
 */
/** The refusal when the page was opened from an address the server does not serve (English). */
export const FORBIDDEN_ORIGIN =
  "Chat cannot connect from this address. Open Bridgeway from its usual link.";

export type ConnectionState =
  | { status: "connecting" }
  | { status: "connected" }
  | { status: "reconnecting" }
  | { status: "refused"; message: string };

/**
 * Follows the socket's connection. A refusal because the sign-in is over (or a
 * `session:ended` from the server) is handed to `onSignInEnded`, which signs the person out
 * here as the API client does on a 401.
 */
export class ConnectionTracker {
  private state: ConnectionState;
  private readonly listeners = new Set<() => void>();
  private everConnected: boolean;

  constructor(
    private readonly transport: ChatTransport,
    private readonly onSignInEnded: () => void,
  ) {
    this.everConnected = transport.connected;
    this.state = transport.connected ? { status: "connected" } : { status: "connecting" };
  }

  getState = (): ConnectionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Listens and opens the connection if it is not open; answers the function that stops. */
  start(): () => void {
    const t = this.transport;
    const stops = [
      t.onConnect(() => {
        this.everConnected = true;
        this.set({ status: "connected" });
      }),
      t.onDisconnect(() => {
        this.set(this.everConnected ? { status: "reconnecting" } : { status: "connecting" });
      }),
      t.onConnectError((code) => {
        switch (code) {
          case "unauthenticated":
          case "session_expired":
            this.onSignInEnded();
            return;
          case "forbidden_origin":
            this.set({
              status: "refused",
              message: FORBIDDEN_ORIGIN,
            });
            return;
          case undefined:
            // A network problem: socket.io keeps trying by itself.
            this.set(this.everConnected ? { status: "reconnecting" } : { status: "connecting" });
            return;
        }
      }),
      t.on("session:ended", () => this.onSignInEnded()),
    ];
    if (t.connected) this.set({ status: "connected" });
    else t.connect();
    return () => {
      for (const stop of stops) stop();
    };
  }

  private set(next: ConnectionState): void {
    if (next.status === this.state.status && next.status !== "refused") return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
