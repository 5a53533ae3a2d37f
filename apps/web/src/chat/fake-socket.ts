import type { ChatMessageDto, LiveError } from "@bridgeway/domain";
import type { AppSocket, Reply } from "../realtime/socket";

/**
 * For tests: a stand-in for the page's socket.io connection. It answers requests from handlers
 * the test sets, records what was emitted, and lets the test play the server (events, drops,
 * reconnections, refusals). Works with the real `request()` of realtime/transport.
 */

/** A handler's answer that never comes: the request times out. */
export const NO_ANSWER = Symbol("no answer");

type Answer = Reply<Record<string, unknown>> | typeof NO_ANSWER;
type AnswerHandler = (payload: never) => Answer | Promise<Answer>;
type Listener = (...args: unknown[]) => void;

export class FakeSocket {
  connected = true;
  active = true;
  recovered = false;
  /** Every emit, with or without an answer, in order. */
  readonly sent: { event: string; payload: unknown }[] = [];
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly handlers = new Map<string, AnswerHandler>();

  /**
   * How the fake server answers `event`: a reply given as is every time, or a function of the
   * payload (declare the payload's type on the function's parameter).
   */
  answer(event: string, handler: AnswerHandler | Answer): this {
    this.handlers.set(event, typeof handler === "function" ? handler : () => handler);
    return this;
  }

  /** Payloads sent with `event`, in order. */
  payloads<P = Record<string, unknown>>(event: string): P[] {
    return this.sent.filter((s) => s.event === event).map((s) => s.payload as P);
  }

  on(event: string, listener: Listener): this {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  emit(event: string, payload: unknown): this {
    this.sent.push({ event, payload });
    return this;
  }

  connect(): this {
    this.active = true;
    return this;
  }

  disconnect(): this {
    this.connected = false;
    this.active = false;
    return this;
  }

  /** What realtime/transport's `request()` uses: an emit whose answer may time out. */
  timeout(_ms: number) {
    return {
      emit: (event: string, ...args: unknown[]) => {
        // The health ping carries no payload: its answer callback comes first.
        const [payload, ack] = (args.length === 1 ? [undefined, args[0]] : args) as [
          unknown,
          (error: Error | null, reply?: unknown) => void,
        ];
        this.sent.push({ event, payload });
        const handler = this.handlers.get(event);
        const reply: Promise<Answer> = handler
          ? Promise.resolve(handler(payload as never))
          : Promise.resolve({
              ok: false,
              error: { code: "not_found", message: `The fake server has no answer for ${event}.` },
            });
        void reply.then((answer) => {
          if (answer === NO_ANSWER) ack(new Error("operation has timed out"));
          else ack(null, answer);
        });
      },
    };
  }

  /** The server sends `event`. */
  serverEmit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }

  /** The connection drops; socket.io will try to come back by itself. */
  drop(reason = "transport close"): void {
    this.connected = false;
    this.serverEmit("disconnect", reason);
  }

  /** The connection is back; `recovered` says whether the server restored the session. */
  reconnect(options: { recovered: boolean }): void {
    this.connected = true;
    this.recovered = options.recovered;
    this.serverEmit("connect");
  }

  /** The server refuses the connection with a code (`unauthenticated`, `session_expired`). */
  refuse(code: string): void {
    this.connected = false;
    this.active = false;
    this.serverEmit("connect_error", Object.assign(new Error("refused"), { data: { code } }));
  }

  asSocket(): AppSocket {
    return this as unknown as AppSocket;
  }
}

/** A refusal, as the server answers one. */
export function refusal(code: LiveError["code"], message: string): Answer {
  return { ok: false, error: { code, message } };
}

let current: FakeSocket | undefined;
let closed = 0;

/** A fresh fake for the next test; the mocked `getSocket()` hands it out. */
export function installFakeSocket(): FakeSocket {
  current = new FakeSocket();
  closed = 0;
  return current;
}

/** How many times `closeSocket()` was called since the fake was installed. */
export function socketsClosed(): number {
  return closed;
}

/** The parts of realtime/socket to replace in `vi.mock`. */
export function fakeSocketModule() {
  return {
    getSocket: (): AppSocket => {
      current ??= new FakeSocket();
      return current.asSocket();
    },
    // Counted, not carried out: the test keeps driving the fake it installed.
    closeSocket: (): void => {
      closed += 1;
    },
  };
}

let sequence = 0;

/** A chat message as the server sends it. */
export function chatMessage(overrides: Partial<ChatMessageDto> = {}): ChatMessageDto {
  sequence += 1;
  const n = String(sequence).padStart(12, "0");
  return {
    id: `00000000-0000-4000-8000-${n}`,
    clientId: `10000000-0000-4000-8000-${n}`,
    roomKey: "cohort:00000000-0000-4000-8000-0000000000c1",
    author: { userId: "00000000-0000-4000-8000-0000000000f5", displayName: "Sam P." },
    body: `message ${sequence}`,
    createdAt: new Date(Date.UTC(2026, 10, 23, 15, 0, 0) + sequence * 1000).toISOString(),
    editedAt: null,
    deleted: false,
    hidden: null,
    ...overrides,
  };
}
