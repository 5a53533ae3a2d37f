import { MAX_CHAT_MESSAGE_LENGTH, roomKey, type ChatMessageDto } from "@bridgeway/domain";
import type { TFunction } from "i18next";
import { Listeners } from "./listeners";
import type { RoomTransport } from "./room-transport";
import { liveErrorText, roomT } from "./room-view";

export type ChatEntryStatus = "pending" | "sent" | "failed";

export type ChatEntry = {
  /** The client id: stable from the moment of sending, so the row never jumps. */
  key: string;
  id: string | null;
  author: { userId: string; displayName: string };
  /** Plain text; the panel renders it as text, never as HTML. */
  body: string;
  createdAt: string;
  status: ChatEntryStatus;
  deleted: boolean;
  hidden: boolean;
  mine: boolean;
  /** Why sending failed, for the row's message. */
  error: string | null;
};

export type SessionChatState = {
  status: "idle" | "loading" | "ready" | "unavailable";
  entries: ChatEntry[];
  /** Why the chat could not be loaded. */
  error: string | null;
  /** Messages from others since the panel was last read. */
  unread: number;
  /** The server saw crisis language in what I wrote: show where help is. */
  crisisSupport: boolean;
};

function fromDto(dto: ChatMessageDto, selfId: string): ChatEntry {
  return {
    key: dto.clientId,
    id: dto.id,
    author: dto.author,
    body: dto.body,
    createdAt: dto.createdAt,
    status: "sent",
    deleted: dto.deleted,
    hidden: dto.hidden !== null,
    mine: dto.author.userId === selfId,
    error: null,
  };
}

const byTime = (a: ChatEntry, b: ChatEntry) => {
  // Unsent messages stay at the bottom, in the order they were written.
  if ((a.status === "sent") !== (b.status === "sent")) return a.status === "sent" ? -1 : 1;
  return a.createdAt.localeCompare(b.createdAt);
};

/**
 * The session's chat (room `session:<id>`): the newest page on subscribing, live messages and
 * edits, and sending with a client-made id so a retry is stored once. Messages show as pending,
 * sent, or failed with a retry.
 */
export class SessionChat {
  readonly roomKey: string;
  private readonly listeners = new Listeners();
  private state: SessionChatState = {
    status: "idle",
    entries: [],
    error: null,
    unread: 0,
    crisisSupport: false,
  };
  private unsubscribe: (() => void)[] = [];
  private reading = false;

  constructor(
    private readonly transport: RoomTransport,
    sessionId: string,
    private readonly self: { userId: () => string; displayName: () => string },
    private readonly newId: () => string = () => crypto.randomUUID(),
    private readonly t: TFunction<"room"> = roomT(),
  ) {
    this.roomKey = roomKey({ kind: "session", sessionId });
  }

  getState = (): SessionChatState => this.state;

  subscribe = (listener: () => void): (() => void) => this.listeners.add(listener);

  /** Subscribes (again, after a reconnect) and merges the newest page into what is shown. */
  async start(): Promise<void> {
    if (this.unsubscribe.length === 0) {
      this.unsubscribe = [
        this.transport.on("chat:message", (dto) => {
          if (dto.roomKey !== this.roomKey) return;
          const known = this.state.entries.some((e) => e.key === dto.clientId);
          this.upsert(fromDto(dto, this.self.userId()));
          if (!known && dto.author.userId !== this.self.userId() && !this.reading)
            this.set({ unread: this.state.unread + 1 });
        }),
        this.transport.on("chat:updated", (dto) => {
          if (dto.roomKey === this.roomKey) this.upsert(fromDto(dto, this.self.userId()));
        }),
        this.transport.on("crisis:support", () => this.set({ crisisSupport: true })),
      ];
    }
    if (this.state.status !== "ready") this.set({ status: "loading", error: null });
    const reply = await this.transport.request("chat:subscribe", {
      roomKey: this.roomKey,
    });
    if (!reply.ok) {
      if (this.state.status !== "ready")
        this.set({
          status: "unavailable",
          error: this.t("chat.unavailable", { reason: liveErrorText(reply.error, this.t) }),
        });
      return;
    }
    for (const dto of reply.messages) this.upsert(fromDto(dto, this.self.userId()), false);
    this.set({ status: "ready", error: null });
  }

  stop(): void {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    if (this.state.status === "ready")
      void this.transport.request("chat:unsubscribe", { roomKey: this.roomKey }, 2_000);
  }

  /** Sends `body`; returns a problem with it instead when it cannot be sent. */
  send(body: string): string | null {
    const text = body.trim();
    if (text.length === 0) return this.t("chat.writeFirst");
    if (text.length > MAX_CHAT_MESSAGE_LENGTH)
      return this.t("chat.tooLong", { max: MAX_CHAT_MESSAGE_LENGTH });
    const clientId = this.newId();
    this.upsert({
      key: clientId,
      id: null,
      author: { userId: this.self.userId(), displayName: this.self.displayName() },
      body: text,
      createdAt: new Date().toISOString(),
      status: "pending",
      deleted: false,
      hidden: false,
      mine: true,
      error: null,
    });
    void this.deliver(clientId, text);
    return null;
  }

  /** Sends a failed message again, with the same client id. */
  retry(key: string): void {
    const entry = this.state.entries.find((e) => e.key === key);
    if (entry?.status !== "failed") return;
    this.upsert({ ...entry, status: "pending", error: null });
    void this.deliver(key, entry.body);
  }

  /** The panel is open (true) or closed: while open, nothing counts as unread. */
  setReading(reading: boolean): void {
    this.reading = reading;
    if (reading && this.state.unread > 0) this.set({ unread: 0 });
  }

  private async deliver(clientId: string, body: string): Promise<void> {
    const reply = await this.transport.request("chat:send", {
      roomKey: this.roomKey,
      clientId,
      body,
    });
    if (reply.ok) {
      this.upsert(fromDto(reply.message, this.self.userId()));
      return;
    }
    const entry = this.state.entries.find((e) => e.key === clientId);
    // The live event may have confirmed it already (the answer was lost, the message was not).
    if (!entry || entry.status === "sent") return;
    this.upsert({ ...entry, status: "failed", error: liveErrorText(reply.error, this.t) });
  }

  private upsert(entry: ChatEntry, notify = true): void {
    const others = this.state.entries.filter((e) => e.key !== entry.key);
    this.state = { ...this.state, entries: [...others, entry].sort(byTime) };
    if (notify) this.listeners.notify();
  }

  private set(patch: Partial<SessionChatState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.notify();
  }
}
