import {
  CHAT_PAGE_SIZE,
  MAX_CHAT_MESSAGE_LENGTH,
  type ChatMessageDto,
  type LiveError,
} from "@bridgeway/domain";
import type { ApiError } from "../api/api-client";
import { realtimeError, type ChatTransport } from "./chat-transport";
import type { Viewer } from "./message-actions";
import {
  addToOutbox,
  EMPTY_TIMELINE,
  markFailed,
  markRetrying,
  markSent,
  mergeMessages,
  newestMessage,
  oldestMessage,
  type OutboxEntry,
  type Timeline,
} from "./message-list";
import { TypingRoster, TypingSignal } from "./typing";

export type ChatRoomState = {
  load: { status: "loading" } | { status: "ready" } | { status: "error"; error: ApiError };
  timeline: Timeline;
  /** Earlier messages: more may be loaded, are loading, are all here, or failed to load. */
  older: { status: "more" | "loading" | "all" } | { status: "error"; error: string };
  /** Names of the others typing now. */
  typing: readonly string[];
  /** Messages reported to staff while the room was open (staff see a mark). */
  reported: ReadonlySet<string>;
};

/** What an action answers: done, or the server's reason it was refused. */
export type ActionResult = { ok: true } | { ok: false; error: string };

const INITIAL: ChatRoomState = {
  load: { status: "loading" },
  timeline: EMPTY_TIMELINE,
  older: { status: "more" },
  typing: [],
  reported: new Set(),
};

export type ChatRoomDeps = {
  newId?: () => string;
  now?: () => number;
  /** The room was marked read up to its newest message. */
  onRead?: (roomKey: string) => void;
};

/**
 * One open chat room: the newest page on opening, live messages and changes, earlier pages on
 * demand, catching up after a reconnect that could not be recovered, and sending with a client
 * id that stays the same through retries, so a message is stored once. Plain TypeScript; the
 * room view renders its state.
 */
export class ChatRoom {
  private state: ChatRoomState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private stops: (() => void)[] = [];
  /** Bumped on stop: answers to requests of an earlier run are ignored. */
  private run = 0;
  private loaded = false;
  private readUpTo: string | null = null;
  private readonly typingSignal: TypingSignal;
  private readonly roster: TypingRoster;
  private readonly newId: () => string;
  private readonly now: () => number;

  constructor(
    private readonly transport: ChatTransport,
    readonly roomKey: string,
    private readonly viewer: Viewer,
    private readonly deps: ChatRoomDeps = {},
  ) {
    this.newId = deps.newId ?? (() => crypto.randomUUID());
    this.now = deps.now ?? (() => Date.now());
    this.roster = new TypingRoster(this.now);
    this.typingSignal = new TypingSignal((typing) => {
      if (this.transport.connected) this.transport.emitTyping({ roomKey: this.roomKey, typing });
    }, this.now);
  }

  // Arrow functions: React's useSyncExternalStore calls these detached from the object.
  getState = (): ChatRoomState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts listening and loads the newest page; answers the function that stops it all. */
  start(): () => void {
    const run = ++this.run;
    const t = this.transport;
    const mine = (roomKey: string) => roomKey === this.roomKey;
    this.stops = [
      t.on("chat:message", (message) => {
        if (!mine(message.roomKey)) return;
        this.roster.remove(message.author.userId);
        this.merge([message], { typing: this.roster.names() });
      }),
      t.on("chat:updated", (message) => {
        if (mine(message.roomKey)) this.merge([message]);
      }),
      t.on("chat:typing", (event) => {
        if (mine(event.roomKey) && this.roster.apply(event)) {
          this.set({ typing: this.roster.names() });
        }
      }),
      t.on("chat:reported", (event) => {
        if (!mine(event.roomKey)) return;
        this.set({ reported: new Set([...this.state.reported, event.messageId]) });
      }),
      t.onConnect(() => {
        if (!this.loaded) void this.load(run);
        else if (!t.recovered) void this.catchUp(run);
      }),
    ];
    const expiry = setInterval(() => {
      if (this.roster.expire()) this.set({ typing: this.roster.names() });
    }, 1_000);
    this.stops.push(() => clearInterval(expiry));
    if (t.connected) void this.load(run);
    else t.connect();
    return () => this.stop(run);
  }

  private stop(run: number): void {
    if (run !== this.run) return;
    this.run += 1;
    for (const stop of this.stops.splice(0)) stop();
    this.typingSignal.stop();
    this.roster.clear();
    if (this.transport.connected) {
      void this.transport.request("chat:unsubscribe", { roomKey: this.roomKey });
    }
  }

  /** Opens the room: joins its live channel and takes the newest page. */
  private async load(run: number): Promise<void> {
    if (this.state.load.status !== "loading") this.set({ load: { status: "loading" } });
    const reply = await this.transport.request<{ messages: ChatMessageDto[] }>("chat:subscribe", {
      roomKey: this.roomKey,
    });
    if (run !== this.run) return;
    if (!reply.ok) {
      this.set({ load: { status: "error", error: realtimeError(reply.error) } });
      return;
    }
    this.loaded = true;
    this.merge(reply.messages, {
      load: { status: "ready" },
      older: reply.messages.length >= CHAT_PAGE_SIZE ? { status: "more" } : { status: "all" },
    });
  }

  /** "Try again" after the room failed to open. */
  retryLoad(): void {
    if (this.state.load.status !== "error") return;
    this.transport.connect();
    void this.load(this.run);
  }

  /**
   * Back after a drop the server could not recover: join the channel again (its newest page
   * comes with it), then fetch everything after the newest message we had, so nothing between
   * is missed and nothing is shown twice.
   */
  private async catchUp(run: number): Promise<void> {
    const newest = newestMessage(this.state.timeline);
    const again = await this.transport.request<{ messages: ChatMessageDto[] }>("chat:subscribe", {
      roomKey: this.roomKey,
    });
    if (run !== this.run) return;
    if (again.ok) this.merge(again.messages);
    if (!newest) return;
    const since = await this.transport.request<{ messages: ChatMessageDto[] }>("chat:since", {
      roomKey: this.roomKey,
      after: newest.id,
    });
    if (run !== this.run) return;
    if (since.ok) this.merge(since.messages);
  }

  /** Earlier messages, before the oldest one shown. */
  async loadOlder(): Promise<void> {
    const { older } = this.state;
    if (older.status === "loading" || older.status === "all") return;
    const oldest = oldestMessage(this.state.timeline);
    if (!oldest) {
      this.set({ older: { status: "all" } });
      return;
    }
    const run = this.run;
    this.set({ older: { status: "loading" } });
    const reply = await this.transport.request<{
      messages: ChatMessageDto[];
      nextBefore: string | null;
    }>("chat:history", { roomKey: this.roomKey, before: oldest.id });
    if (run !== this.run) return;
    if (!reply.ok) {
      this.set({ older: { status: "error", error: reply.error.message } });
      return;
    }
    this.merge(reply.messages, {
      older: reply.nextBefore === null ? { status: "all" } : { status: "more" },
    });
  }

  /** Sends a message: it shows at once as "Sending…", then as sent or "Not sent". */
  send(text: string): boolean {
    const body = text.trim();
    if (body === "" || body.length > MAX_CHAT_MESSAGE_LENGTH) return false;
    const clientId = this.newId();
    this.typingSignal.stop();
    this.set({
      timeline: addToOutbox(this.state.timeline, {
        clientId,
        body,
        writtenAt: new Date(this.now()).toISOString(),
      }),
    });
    void this.deliver({ clientId, body });
    return true;
  }

  /** Sends a failed message again, with the same client id: the server stores it once. */
  retry(clientId: string): void {
    const next = markRetrying(this.state.timeline, clientId);
    if (!next) return;
    this.set({ timeline: next.timeline });
    this.transport.connect();
    void this.deliver(next.entry);
  }

  private async deliver(entry: Pick<OutboxEntry, "clientId" | "body">): Promise<void> {
    const reply = await this.transport.request<{ message: ChatMessageDto }>("chat:send", {
      roomKey: this.roomKey,
      clientId: entry.clientId,
      body: entry.body,
    });
    if (reply.ok) {
      this.set({ timeline: markSent(this.state.timeline, reply.message) });
    } else {
      this.set({
        timeline: markFailed(this.state.timeline, entry.clientId, reply.error.message),
      });
    }
  }

  /** The compose box changed: tells the room I am typing (throttled), or that I stopped. */
  typingInput(text: string): void {
    this.typingSignal.input(text);
  }

  /** Marks the room read up to its newest message, once per newest message. */
  markRead(): void {
    const newest = newestMessage(this.state.timeline);
    if (!newest || newest.id === this.readUpTo || !this.transport.connected) return;
    this.readUpTo = newest.id;
    void this.transport
      .request("chat:read", { roomKey: this.roomKey, messageId: newest.id })
      .then((reply) => {
        if (reply.ok) this.deps.onRead?.(this.roomKey);
        else if (this.readUpTo === newest.id) this.readUpTo = null;
      });
  }

  edit(messageId: string, body: string): Promise<ActionResult> {
    return this.change("chat:edit", { messageId, body: body.trim() });
  }

  remove(messageId: string): Promise<ActionResult> {
    return this.change("chat:delete", { messageId });
  }

  /** Facilitators: hides a message from participants, with the reason kept for the record. */
  hide(messageId: string, reason: string): Promise<ActionResult> {
    return this.change("chat:hide", { messageId, reason: reason.trim() });
  }

  async report(messageId: string, reason: string): Promise<ActionResult> {
    const reply = await this.transport.request("chat:report", {
      messageId,
      reason: reason.trim(),
    });
    return reply.ok ? { ok: true } : failure(reply.error);
  }

  private async change(
    event: "chat:edit" | "chat:delete" | "chat:hide",
    payload: object,
  ): Promise<ActionResult> {
    const reply = await this.transport.request<{ message: ChatMessageDto }>(event, payload);
    if (!reply.ok) return failure(reply.error);
    this.merge([reply.message]);
    return { ok: true };
  }

  private merge(messages: readonly ChatMessageDto[], extra: Partial<ChatRoomState> = {}): void {
    this.set({
      ...extra,
      timeline: mergeMessages(this.state.timeline, messages, {
        keepHiddenText: this.viewer.staff,
      }),
    });
  }

  private set(patch: Partial<ChatRoomState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

function failure(error: LiveError): ActionResult {
  const field = error.fields ? Object.values(error.fields)[0] : undefined;
  return { ok: false, error: field ?? error.message };
}
