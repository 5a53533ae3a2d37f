import { randomUUID } from "node:crypto";
import {
  CHAT_PAGE_SIZE,
  resyncPoint,
  SOCKET_RECONNECTION,
  type ChatMessageDto,
  type ChatRoomSummary,
  type ClientToServerEvents,
  type LiveError,
  type ServerToClientEvents,
} from "@bridgeway/domain";
import { io as connect, type Socket } from "socket.io-client";

/** As the web app: while connected, an unanswered send is tried again after this pause. */
const RESEND_AFTER_MS = 5_000;

type Reply<T> = ({ ok: true } & T) | { ok: false; error: LiveError };

/** The order the app shows messages in: the server's time, then id. */
export function byServerOrder(a: ChatMessageDto, b: ChatMessageDto): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * One person's chat client in a room, speaking the protocol the web app's chat room speaks
 * (apps/web/src/chat/chat-room.ts), with its reconnection settings: the newest page on opening,
 * live messages, after every reconnect (recovered or not) a catch-up from the newest message it
 * had, a page at a time until the present, and messages without an answer sent again with the
 * same client id on reconnect. It counts what the person would notice: live deliveries of one
 * message more than once, and how long each reconnect took.
 */
export class ChatPeer {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  /** Every message this person has, by id. */
  readonly messages = new Map<string, ChatMessageDto>();
  /** How many times each message id arrived live. */
  readonly liveDeliveries = new Map<string, number>();
  /** Written, not yet acknowledged: sent again on reconnect with the same client id. */
  readonly unsent = new Map<string, string>();
  /** Client ids the server acknowledged, in the order written. */
  readonly acknowledged: string[] = [];
  /** performance.now() of each (re)connection. */
  readonly connects: number[] = [];
  private loaded = false;
  /** Unsent messages waiting for a resend (not in flight). */
  private readonly waiting = new Set<string>();
  private resendTimer: ReturnType<typeof setTimeout> | undefined;
  private resumeAfter: string | null = null;
  private readonly waiters = new Set<() => void>();

  constructor(
    url: string,
    cookie: string,
    readonly roomKey: string,
  ) {
    this.socket = connect(url, {
      transports: ["websocket", "polling"],
      reconnection: true,
      ...SOCKET_RECONNECTION,
      extraHeaders: { origin: url, cookie },
    });
    this.socket.on("chat:message", (message) => {
      if (message.roomKey !== this.roomKey) return;
      this.liveDeliveries.set(message.id, (this.liveDeliveries.get(message.id) ?? 0) + 1);
      this.merge([message]);
    });
    this.socket.on("realtime:resync", ({ since }) => {
      if (this.loaded) void this.catchUpFrom(resyncPoint(this.messages.values(), since));
    });
    this.socket.on("disconnect", () => {
      if (this.loaded && this.resumeAfter === null) this.resumeAfter = this.newest()?.id ?? null;
      this.changed();
    });
    this.socket.on("connect", () => {
      this.connects.push(performance.now());
      this.changed();
      void (this.loaded ? this.catchUp() : this.load());
    });
  }

  /** The chat room key of the person's cohort, asked of the server. */
  static async cohortRoom(url: string, cookie: string): Promise<string> {
    const probe = connect(url, {
      transports: ["websocket"],
      extraHeaders: { origin: url, cookie },
    });
    try {
      const reply = await new Promise<Reply<{ rooms: ChatRoomSummary[] }>>((resolve) =>
        probe.emit("chat:rooms", {}, resolve),
      );
      const room = reply.ok ? reply.rooms.find((r) => r.kind === "cohort") : undefined;
      if (!room) throw new Error("no cohort chat room");
      return room.roomKey;
    } finally {
      probe.disconnect();
    }
  }

  /** Messages in the order the app shows them. */
  timeline(): ChatMessageDto[] {
    return [...this.messages.values()].sort(byServerOrder);
  }

  /** Writes a message; it is sent now if connected, or when the connection returns. */
  send(body: string): string {
    const clientId = randomUUID();
    this.unsent.set(clientId, body);
    // As the app: behind an earlier message waiting to be sent again, this one waits too.
    if (this.socket.connected && this.waiting.size === 0) this.deliver(clientId, body);
    else this.waiting.add(clientId);
    return clientId;
  }

  /** Writes a message and resolves once the server acknowledged it. */
  async sendAndWait(body: string): Promise<string> {
    const clientId = this.send(body);
    await this.until(() => !this.unsent.has(clientId), "an acknowledgement");
    return clientId;
  }

  /** Resolves when `test` holds, checked after every change; rejects after `timeoutMs`. */
  until(test: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!test()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  close(): void {
    clearTimeout(this.resendTimer);
    this.socket.disconnect();
  }

  private changed(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private newest(): ChatMessageDto | undefined {
    return this.timeline().at(-1);
  }

  private merge(messages: readonly ChatMessageDto[]): void {
    for (const message of messages) this.messages.set(message.id, message);
    this.changed();
  }

  private request<T>(event: string, payload: unknown): Promise<Reply<T>> {
    return new Promise((resolve) => {
      const timed = this.socket.timeout(10_000) as unknown as {
        emit(
          event: string,
          payload: unknown,
          ack: (error: Error | null, reply: Reply<T>) => void,
        ): void;
      };
      timed.emit(event, payload, (error, reply) =>
        resolve(
          error ? { ok: false, error: { code: "unavailable", message: "no answer" } } : reply,
        ),
      );
    });
  }

  private deliver(clientId: string, body: string): void {
    void this.request<{ message: ChatMessageDto }>("chat:send", {
      roomKey: this.roomKey,
      clientId,
      body,
    }).then((reply) => {
      if (!reply.ok) {
        // No answer, or the server could not reach its database: still connected, so no
        // reconnect will send it; the app tries again after a pause.
        if (reply.error.code === "unavailable") {
          this.waiting.add(clientId);
          if (this.socket.connected) this.resendLater();
        }
        return;
      }
      if (!this.unsent.has(clientId)) return;
      this.unsent.delete(clientId);
      this.acknowledged.push(clientId);
      this.merge([reply.message]);
      // The way is clear: messages that waited behind this one go now, in order.
      if (this.waiting.size > 0) {
        const next = [...this.unsent].filter(([id]) => this.waiting.has(id));
        this.waiting.clear();
        for (const [id, text] of next) this.deliver(id, text);
      }
    });
  }

  private resendLater(): void {
    if (this.resendTimer !== undefined) return;
    this.resendTimer = setTimeout(() => {
      this.resendTimer = undefined;
      if (this.socket.connected) this.resend();
    }, RESEND_AFTER_MS);
  }

  private resend(): void {
    this.waiting.clear();
    for (const [clientId, body] of this.unsent) this.deliver(clientId, body);
  }

  private async load(): Promise<void> {
    const reply = await this.request<{ messages: ChatMessageDto[] }>("chat:subscribe", {
      roomKey: this.roomKey,
    });
    if (!reply.ok) return;
    this.loaded = true;
    this.merge(reply.messages);
    this.resend();
  }

  private async catchUp(): Promise<void> {
    this.resend();
    const from = this.resumeAfter ?? this.newest()?.id;
    const again = await this.request<{ messages: ChatMessageDto[] }>("chat:subscribe", {
      roomKey: this.roomKey,
    });
    if (again.ok) this.merge(again.messages);
    if (!from && again.ok && again.messages.length >= CHAT_PAGE_SIZE) {
      // As the app: the room was empty when it dropped, so every earlier page is new too.
      let before = again.messages.at(-1)?.id;
      while (before) {
        const page = await this.request<{ messages: ChatMessageDto[]; nextBefore: string | null }>(
          "chat:history",
          { roomKey: this.roomKey, before },
        );
        if (!page.ok) return;
        this.merge(page.messages);
        before = page.nextBefore ?? undefined;
      }
    }
    if (await this.catchUpFrom(from)) this.resumeAfter = null;
    this.changed();
  }

  /** Pages from `after` to the present; answers whether it got there. */
  private async catchUpFrom(from: string | undefined): Promise<boolean> {
    if (!from) return true;
    let after = from;
    for (;;) {
      const page = await this.request<{ messages: ChatMessageDto[]; hasMore: boolean }>(
        "chat:since",
        { roomKey: this.roomKey, after },
      );
      if (!page.ok) return false;
      this.merge(page.messages);
      const last = page.messages.at(-1);
      if (!page.hasMore || !last) return true;
      after = last.id;
    }
  }
}
