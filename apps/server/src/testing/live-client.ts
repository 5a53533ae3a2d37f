import type {
  ClientToServerEvents,
  JoinReply,
  LiveError,
  RoomSnapshot,
  ServerToClientEvents,
} from "@bridgeway/domain";
import { io as connect, type Socket } from "socket.io-client";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type Reply<T> = ({ ok: true } & T) | { ok: false; error: LiveError };

/** A signed-in person's socket for live-room tests, with helpers to wait for events. */
export class LiveClient {
  readonly socket: LiveSocket;
  readonly states: RoomSnapshot[] = [];
  readonly events: { event: string; payload: unknown }[] = [];

  constructor(url: string, cookie: string) {
    this.socket = connect(url, {
      transports: ["websocket"],
      reconnection: true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 200,
      extraHeaders: { origin: url, cookie },
    });
    this.socket.onAny((event: string, payload: unknown) => {
      this.events.push({ event, payload });
      if (event === "room:state") this.states.push(payload as RoomSnapshot);
    });
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once("connect", () => resolve());
      this.socket.once("connect_error", reject);
    });
  }

  /** Emits an event with an acknowledgement and resolves with the reply. */
  request<T = object>(event: string, payload: unknown): Promise<Reply<T>> {
    return new Promise((resolve) => {
      (this.socket.emit as (event: string, ...args: unknown[]) => void)(
        event,
        payload,
        (reply: Reply<T>) => resolve(reply),
      );
    });
  }

  join(sessionId: string, displayName: string): Promise<Reply<JoinReply>> {
    return this.request<JoinReply>("room:join", { sessionId, displayName });
  }

  /** Resolves with the first event (already received or still to come) matching `test`. */
  waitFor<T>(
    event: string,
    test: (payload: T) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<T> {
    const seen = this.events.find((e) => e.event === event && test(e.payload as T));
    if (seen) return Promise.resolve(seen.payload as T);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.socket.offAny(listener);
        reject(new Error(`no ${event} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (name: string, payload: unknown) => {
        if (name !== event || !test(payload as T)) return;
        clearTimeout(timer);
        this.socket.offAny(listener);
        resolve(payload as T);
      };
      this.socket.onAny(listener);
    });
  }

  /** The latest room snapshot that satisfies `test`, waiting for it if needed. */
  state(test: (room: RoomSnapshot) => boolean): Promise<RoomSnapshot> {
    const latest = this.states.at(-1);
    if (latest && test(latest)) return Promise.resolve(latest);
    return this.waitFor<RoomSnapshot>("room:state", test);
  }

  close(): void {
    this.socket.disconnect();
  }
}
