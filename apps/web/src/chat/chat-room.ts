import {
  CHAT_PAGE_SIZE,
  MAX_CHAT_MESSAGE_LENGTH,
  resyncPoint,
  type ClientPayload,
  type ChatMessageDto,
  type LiveError,
} from "@bridgeway/domain";
import { describeError, type ApiError } from "../api/api-client";
import { activeLocale } from "../i18n/i18n";
import { realtimeError, type ChatTransport } from "./chat-transport";
import type { Viewer } from "./message-actions";
import {
  addToOutbox,
  EMPTY_TIMELINE,
  markFailed,
  markRetrying,
  markSent,
  markWaiting,
  mergeMessages,
  newestMessage,
  oldestMessage,
  type OutboxEntry,
  type Timeline,
} from "./message-list";
import { memoryOutboxStore, type OutboxStore } from "./outbox-store";
import { TypingRoster, TypingSignal } from "./typing";

/** Requests that change one message and answer it as it now is. */
type MessageChange = "chat:edit" | "chat:delete" | "chat:hide";

/** While connected, how long a message the server could not take waits before it is sent again. */
const RESEND_AFTER_MS = 5_000;

/** What a message waiting for the connection says about itself. */
export const OFFLINE_REASON = "You're offline. It will be sent when the connection returns.";
export const TROUBLE_REASON =
  "Bridgeway is having trouble, your message will be sent when it recovers.";

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
  /** Where unsent messages are kept across reloads (default: only in memory). */
  outbox?: OutboxStore;
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
  private readonly store: OutboxStore;
  /**
   * The newest message we had when the connection dropped: catching up starts there, not at
   * whatever arrived since (a replayed event can be newer than one that was missed).
   */
  private resumeAfter: string | null = null;
  /** Per unsent message, its latest attempt: an older attempt's late answer changes nothing. */
  private readonly attempts = new Map<string, number>();
  private attempt = 0;
  private resendTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly transport: ChatTransport,
    readonly roomKey: string,
    private readonly viewer: Viewer,
    private readonly deps: ChatRoomDeps = {},
  ) {
    this.newId = deps.newId ?? (() => crypto.randomUUID());
    this.now = deps.now ?? (() => Date.now());
    this.store = deps.outbox ?? memoryOutboxStore();
    this.roster = new TypingRoster(this.now);
    this.typingSignal = new TypingSignal((typing) => {
      if (this.transport.connected)
        this.transport.emit("chat:typing", { roomKey: this.roomKey, typing });
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
      t.on("realtime:resync", ({ since }) => {
        // Connected all along, but messages sent through another server process while it
        // could not reach Redis never came: fetch what passed since just before.
        if (this.loaded)
          void this.catchUpFrom(run, resyncPoint(this.state.timeline.messages, since));
      }),
      t.on("chat:reported", (event) => {
        if (!mine(event.roomKey)) return;
        this.set({ reported: new Set([...this.state.reported, event.messageId]) });
      }),
      t.onDisconnect(() => {
        if (this.loaded && this.resumeAfter === null) {
          this.resumeAfter = newestMessage(this.state.timeline)?.id ?? null;
        }
      }),
      t.onConnect(() => {
        if (!this.loaded) {
          void this.load(run);
          return;
        }
        // Even a recovered connection is reconciled: recovery across server processes can
        // report success and still miss an event sent just before it completed.
        this.resend(run);
        void this.catchUp(run);
      }),
    ];
    this.restoreOutbox();
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
    clearTimeout(this.resendTimer);
    this.resendTimer = undefined;
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
    const reply = await this.transport.request("chat:subscribe", {
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
    this.resend(run);
  }

  private resendLater(): void {
    if (this.resendTimer !== undefined) return;
    const run = this.run;
    this.resendTimer = setTimeout(() => {
      this.resendTimer = undefined;
      this.resend(run);
    }, RESEND_AFTER_MS);
  }

  /** Unsent messages kept from an earlier page of this room come back, waiting to be sent. */
  private restoreOutbox(): void {
    let timeline = this.state.timeline;
    for (const entry of this.store.load()) {
      timeline = markWaiting(addToOutbox(timeline, entry), entry.clientId, OFFLINE_REASON);
    }
    if (timeline !== this.state.timeline) this.set({ timeline });
  }

  /**
   * Sends again, in the order written, every message not confirmed: waiting ones, and ones in
   * flight when the connection dropped (their answer may never come). Same client ids, so the
   * server stores each once. Refused ones wait for the person's Retry.
   */
  private resend(run: number, options: { waitingOnly?: boolean } = {}): void {
    if (run !== this.run || !this.transport.connected) return;
    for (const entry of this.state.timeline.outbox) {
      if (entry.status === "failed") continue;
      if (options.waitingOnly && entry.status !== "waiting") continue;
      const next = markRetrying(this.state.timeline, entry.clientId, { evenIfSending: true });
      if (!next) continue;
      this.set({ timeline: next.timeline });
      void this.deliver(next.entry);
    }
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
    const from = this.resumeAfter ?? newestMessage(this.state.timeline)?.id;
    const again = await this.transport.request("chat:subscribe", {
      roomKey: this.roomKey,
    });
    if (run !== this.run) return;
    if (again.ok) this.merge(again.messages);
    if (!from && again.ok && again.messages.length >= CHAT_PAGE_SIZE) {
      // The room was empty when the connection dropped: everything in it now is new, and more
      // came than the newest page holds. Fetch the earlier pages too, so nothing is skipped.
      this.set({ older: { status: "more" } });
      while (run === this.run && this.state.older.status === "more") await this.loadOlder();
    }
    // Not caught up: `resumeAfter` stays, so the next connection starts from the same place.
    if (await this.catchUpFrom(run, from)) this.resumeAfter = null;
  }

  /**
   * Fetches every message after `from` up to the present. The server answers a page at a time;
   * a long absence takes several, and stopping after the first would leave a hole in the middle
   * of the timeline. Answers whether it reached the present.
   */
  private async catchUpFrom(run: number, from: string | undefined): Promise<boolean> {
    if (!from) return true;
    let after = from;
    for (;;) {
      const page = await this.transport.request("chat:since", { roomKey: this.roomKey, after });
      if (run !== this.run || !page.ok) return false;
      this.merge(page.messages);
      const last = page.messages.at(-1);
      if (!page.hasMore || !last) return true;
      after = last.id;
    }
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
    const reply = await this.transport.request("chat:history", {
      roomKey: this.roomKey,
      before: oldest.id,
    });
    if (run !== this.run) return;
    if (!reply.ok) {
      this.set({ older: { status: "error", error: liveErrorText(reply.error) } });
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
    const timeline = addToOutbox(this.state.timeline, {
      clientId,
      body,
      writtenAt: new Date(this.now()).toISOString(),
    });
    // An earlier message waiting to be sent again goes first: this one waits behind it, so the
    // room gets a person's messages in the order they wrote them.
    const earlier = this.state.timeline.outbox.find((e) => e.status === "waiting");
    if (!this.transport.connected || !this.loaded || earlier) {
      // Not emitted now: it goes out, once, when the connection (or the room) is back.
      const reason = earlier?.status === "waiting" ? earlier.reason : OFFLINE_REASON;
      this.set({ timeline: markWaiting(timeline, clientId, reason) });
      return true;
    }
    this.set({ timeline });
    void this.deliver({ clientId, body });
    return true;
  }

  /** Sends a failed message again, with the same client id: the server stores it once. */
  retry(clientId: string): void {
    const next = markRetrying(this.state.timeline, clientId);
    if (!next) return;
    this.set({ timeline: next.timeline });
    this.transport.connect();
    if (!this.transport.connected) {
      // Sent by itself when the connection is back; emitting now would only queue a duplicate.
      this.set({ timeline: markWaiting(next.timeline, clientId, OFFLINE_REASON) });
      return;
    }
    void this.deliver(next.entry);
  }

  private async deliver(entry: Pick<OutboxEntry, "clientId" | "body">): Promise<void> {
    const attempt = ++this.attempt;
    this.attempts.set(entry.clientId, attempt);
    const reply = await this.transport.request("chat:send", {
      roomKey: this.roomKey,
      clientId: entry.clientId,
      body: entry.body,
    });
    if (reply.ok) {
      this.attempts.delete(entry.clientId);
      this.set({ timeline: markSent(this.state.timeline, reply.message) });
      // The way is clear: messages that waited behind this one go now, in order.
      this.resend(this.run, { waitingOnly: true });
      return;
    }
    // A newer attempt is under way (sent again after a reconnect): its answer decides.
    if (this.attempts.get(entry.clientId) !== attempt) return;
    if (reply.error.code === "unavailable") {
      // No answer, or the server could not reach its database: not the message's fault.
      const reason = this.transport.connected ? TROUBLE_REASON : OFFLINE_REASON;
      this.set({ timeline: markWaiting(this.state.timeline, entry.clientId, reason) });
      // Still connected, so no reconnect will send it: try again after a pause.
      if (this.transport.connected) this.resendLater();
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

  private async change<E extends MessageChange>(
    event: E,
    payload: ClientPayload<E>,
  ): Promise<ActionResult> {
    // Asked as any of the three: each answers the changed message.
    const reply = await this.transport.request<MessageChange>(event, payload);
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
    const outbox = this.state.timeline.outbox;
    this.state = { ...this.state, ...patch };
    if (this.state.timeline.outbox !== outbox) this.store.save(this.state.timeline.outbox);
    for (const listener of this.listeners) listener();
  }
}

function failure(error: LiveError): ActionResult {
  const field = error.fields ? Object.values(error.fields)[0] : undefined;
  return {
    ok: false,
    error: field !== undefined && activeLocale() === "en" ? field : liveErrorText(error),
  };
}

/** The server words its refusals in English; in another language, say what the code means. */
function liveErrorText(error: LiveError): string {
  return activeLocale() === "en" ? error.message : describeError(realtimeError(error));
}
