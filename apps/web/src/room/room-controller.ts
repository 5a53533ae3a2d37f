import type {
  ClientToServerEvents,
  JoinReply,
  LiveError,
  MediaCredential,
  RoomSnapshot,
  SignalPayload,
} from "@bridgeway/domain";
import type { Reply } from "../realtime/socket";
import { roomPhrase, type OpenBreakoutsPayload } from "./breakouts";
import type { LocalMedia } from "./local-media";
import { Listeners } from "./listeners";
import type { MediaSession, MediaSessionDeps, MediaSessionState, Signaller } from "./media-session";
import {
  canShareScreen,
  isFacilitator,
  peerIds,
  reconnectAction,
  refusal,
  type Refusal,
} from "./room-view";
import type { RoomTransport } from "./room-transport";
import { SessionChat } from "./session-chat";

/** Where this person is in the journey from the pre-join screen to leaving. */
export type RoomPhase =
  | { kind: "prejoin" }
  | { kind: "joining" }
  | { kind: "waiting"; since: number }
  | { kind: "in-room" }
  | { kind: "refused"; refusal: Refusal }
  | { kind: "declined"; message: string }
  | { kind: "removed" }
  | { kind: "ended" }
  | { kind: "left" };

/** The socket connection, as the banner tells it. */
export type SocketConnection = "connected" | "reconnecting" | "signed-out";

export type Notice = { id: number; tone: "info" | "error"; text: string };

export type RoomState = {
  phase: RoomPhase;
  room: RoomSnapshot | null;
  socket: SocketConnection;
  media: MediaSessionState;
  notices: Notice[];
  /** A facilitator asked me to unmute; I answer, nothing happens by itself. */
  unmuteRequest: { by: string } | null;
  /** Facilitator actions waiting for the server's answer, by key ("admit:<id>", "lock"). */
  busy: ReadonlySet<string>;
};

/** The parts of LocalMedia the controller drives (a fake stands in for it in tests). */
export type LocalDevices = Pick<
  LocalMedia,
  | "tracks"
  | "microphoneLive"
  | "setMicrophone"
  | "setCamera"
  | "startScreenShare"
  | "stopScreenShare"
  | "onTrackChange"
  | "stop"
>;

export type RoomControllerDeps = {
  sessionId: string;
  transport: RoomTransport;
  local: LocalDevices;
  createMedia: (mode: MediaCredential["mode"], deps: MediaSessionDeps) => Promise<MediaSession>;
  /** Starts loading a media mode's code while the person waits to be let in. */
  preloadMedia?: (mode: MediaCredential["mode"]) => void;
  /** Being in a session is activity: keeps the sign-in from idling out during a long group. */
  keepAlive?: () => void;
  now?: () => number;
  newId?: () => string;
};

const KEEP_ALIVE_MS = 4 * 60_000;
/** Renew the media credential this long before it expires. */
const RENEW_BEFORE_MS = 60_000;
const RENEW_RETRY_MS = 15_000;
const REJOIN_RETRY_MS = 3_000;
const MAX_NOTICES = 4;
const MAX_QUEUED_SIGNALS = 500;

const NO_MEDIA: MediaSessionState = { connection: "idle", remotes: new Map() };

type Action = keyof ClientToServerEvents;

/**
 * The live room for one person, in plain TypeScript: joining and the waiting room, admission,
 * media, hands and controls, reconnecting, and leaving. The screens render its state and call
 * its methods; the socket and the media session are behind interfaces.
 */
export class RoomController {
  readonly chat: SessionChat;
  private state: RoomState = {
    phase: { kind: "prejoin" },
    room: null,
    socket: "connected",
    media: NO_MEDIA,
    notices: [],
    unmuteRequest: null,
    busy: new Set(),
  };
  private readonly listeners = new Listeners();
  private readonly offs: (() => void)[] = [];
  private readonly signalHandlers = new Set<(from: string, signal: SignalPayload) => void>();
  private signalQueue: { to: string; signal: SignalPayload }[] = [];
  /** Signals that arrived before the media session listened (it starts a moment after admission). */
  private earlySignals: { from: string; signal: SignalPayload }[] = [];
  /** Whether the server knows this socket is in the room, so signals may go out. */
  private signalling = false;
  private displayName = "";
  private media: MediaSession | null = null;
  private mediaOff: (() => void) | null = null;
  private mediaStarting: Promise<void> | null = null;
  private lastReported: string | null = null;
  private noticeId = 0;
  /** Moved to a breakout room whose name had not arrived yet: say where once it does. */
  private pendingMoveNotice: string | null = null;
  /** The notice that says which room I am in, replaced at the next move. */
  private lastMoveNotice: number | null = null;
  private renewTimer: ReturnType<typeof setTimeout> | undefined;
  private rejoinTimer: ReturnType<typeof setTimeout> | undefined;
  private keepAliveTimer: ReturnType<typeof setInterval> | undefined;
  private disposed = false;
  private started = false;
  private readonly now: () => number;

  readonly signaller: Signaller = {
    send: (to, signal) => {
      if (this.signalling && this.deps.transport.connected) {
        this.deps.transport.emit("media:signal", { sessionId: this.deps.sessionId, to, signal });
        return;
      }
      // Held until the server knows us again; the oldest go first when too many pile up.
      this.signalQueue.push({ to, signal });
      if (this.signalQueue.length > MAX_QUEUED_SIGNALS) this.signalQueue.shift();
    },
    listen: (handler) => {
      this.signalHandlers.add(handler);
      const early = this.earlySignals;
      this.earlySignals = [];
      for (const { from, signal } of early) handler(from, signal);
      return () => this.signalHandlers.delete(handler);
    },
  };

  constructor(private readonly deps: RoomControllerDeps) {
    this.now = deps.now ?? (() => Date.now());
    this.chat = new SessionChat(
      deps.transport,
      deps.sessionId,
      {
        userId: () => this.state.room?.me.userId ?? "",
        displayName: () => this.displayName,
      },
      deps.newId,
    );
  }

  /** Starts listening to the room's events; safe to call more than once. */
  start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    const { transport, sessionId } = this.deps;
    const mine = <T extends { sessionId: string }>(handler: (payload: T) => void) => {
      return (payload: T) => {
        if (payload.sessionId === sessionId && !this.disposed) handler(payload);
      };
    };
    this.offs.push(
      transport.on(
        "room:state",
        mine((room) => this.applySnapshot(room)),
      ),
      transport.on(
        "room:admitted",
        mine(({ credential }) => {
          if (this.state.phase.kind !== "waiting") return;
          this.set({ phase: { kind: "in-room" } });
          void this.startMedia(credential);
        }),
      ),
      transport.on(
        "room:declined",
        mine(({ message }) => this.finish({ kind: "declined", message })),
      ),
      transport.on(
        "room:removed",
        mine(() => this.finish({ kind: "removed" })),
      ),
      transport.on(
        "room:ended",
        mine(() => this.finish({ kind: "ended" })),
      ),
      transport.on(
        "room:turned-off",
        mine(({ kind, by }) => void this.turnedOff(kind, by)),
      ),
      transport.on(
        "room:unmute-requested",
        mine(({ by }) => {
          if (!this.deps.local.microphoneLive()) this.set({ unmuteRequest: { by } });
        }),
      ),
      transport.on(
        "room:screen-share",
        mine(({ allowed }) => {
          if (!allowed && this.deps.local.tracks().screen && !isFacilitator(this.state.room)) {
            this.deps.local.stopScreenShare();
          }
          this.notify(
            "info",
            allowed
              ? "You can now share your screen."
              : "The facilitator turned off screen sharing for you.",
          );
        }),
      ),
      transport.on(
        "room:moved",
        mine(({ breakoutId, credential }) => void this.moved(breakoutId, credential)),
      ),
      transport.on(
        "room:broadcast",
        mine(({ from, message }) => this.notify("info", `${from} to every room: ${message}`)),
      ),
      transport.on("room:error", (error) => {
        // Answers to requests are shown where they were asked; this is for the events without.
        if (error.event !== "media:state") return;
        if (error.code === "forbidden") this.deps.local.stopScreenShare();
        this.notify("error", error.message);
      }),
      transport.on(
        "media:signal",
        mine(({ from, signal }) => {
          if (this.signalHandlers.size === 0) {
            if (this.state.phase.kind !== "in-room") return;
            this.earlySignals.push({ from, signal });
            if (this.earlySignals.length > MAX_QUEUED_SIGNALS) this.earlySignals.shift();
            return;
          }
          for (const handler of this.signalHandlers) handler(from, signal);
        }),
      ),
      transport.on("session:ended", () => {
        this.teardown();
        this.set({ socket: "signed-out" });
      }),
      transport.onConnect(() => void this.onConnect()),
      transport.onDisconnect((reason) => {
        this.signalling = false;
        if (reason === "io client disconnect") return;
        if (this.active()) this.set({ socket: "reconnecting" });
        // The server closed it: socket.io will not retry by itself, so ask once; a refusal
        // (signed out) comes back as a connect error.
        if (reason === "io server disconnect") transport.connect();
      }),
      transport.onConnectError((code) => {
        if (code === "unauthenticated" || code === "session_expired") {
          this.teardown();
          this.set({ socket: "signed-out" });
        }
      }),
      this.deps.local.onTrackChange((source, track) => {
        void this.media?.setTrack(source, track);
        this.reportMediaState();
      }),
    );
  }

  getState = (): RoomState => this.state;

  subscribe = (listener: () => void): (() => void) => this.listeners.add(listener);

  /** Asks to join with `displayName`: straight in, or into the waiting room. */
  async join(displayName: string): Promise<void> {
    if (this.disposed) return;
    this.displayName = displayName.trim();
    this.set({ phase: { kind: "joining" }, notices: [] });
    this.deps.transport.connect();
    const reply = await this.deps.transport.request<JoinReply>("room:join", {
      sessionId: this.deps.sessionId,
      displayName: this.displayName,
    });
    if (this.isDisposed()) return;
    this.handleJoinReply(reply, false);
  }

  /** Leaves the room (or the waiting room) and releases camera and microphone. */
  leave(): void {
    const wasInside = this.active();
    this.teardown();
    this.deps.local.stop();
    this.set({ phase: { kind: "left" } });
    if (wasInside)
      void this.deps.transport.request("room:leave", { sessionId: this.deps.sessionId }, 3_000);
  }

  async setMicrophone(on: boolean): Promise<void> {
    await this.deps.local.setMicrophone(on);
    this.media?.setMicrophoneEnabled(this.deps.local.microphoneLive());
    if (on) this.set({ unmuteRequest: null });
    if (on && !this.deps.local.microphoneLive()) this.deviceUnavailable("microphone");
    this.reportMediaState();
  }

  async setCamera(on: boolean): Promise<void> {
    await this.deps.local.setCamera(on);
    if (on && !this.deps.local.tracks().camera) this.deviceUnavailable("camera");
    this.reportMediaState();
  }

  async toggleScreenShare(): Promise<void> {
    if (this.deps.local.tracks().screen) {
      this.deps.local.stopScreenShare();
      return;
    }
    const room = this.state.room;
    if (!room || !canShareScreen(room)) {
      this.notify("error", "Ask the facilitator to let you share your screen.");
      return;
    }
    const started = await this.deps.local.startScreenShare();
    if (!started) this.notify("info", "Screen sharing did not start.");
  }

  /** The answer to "please unmute": only the person themselves ever turns the microphone on. */
  async answerUnmuteRequest(unmute: boolean): Promise<void> {
    this.set({ unmuteRequest: null });
    if (unmute) await this.setMicrophone(true);
  }

  raiseHand(raised: boolean): Promise<boolean> {
    return this.act("hand", "hand:raise", { sessionId: this.deps.sessionId, raised });
  }

  admit(userId: string): Promise<boolean> {
    return this.act(`admit:${userId}`, "room:admit", { sessionId: this.deps.sessionId, userId });
  }

  admitAll(): Promise<boolean> {
    return this.act("admit-all", "room:admit-all", { sessionId: this.deps.sessionId });
  }

  decline(userId: string, message: string): Promise<boolean> {
    return this.act(`decline:${userId}`, "room:decline", {
      sessionId: this.deps.sessionId,
      userId,
      message: message.trim(),
    });
  }

  remove(userId: string): Promise<boolean> {
    return this.act(`remove:${userId}`, "room:remove", { sessionId: this.deps.sessionId, userId });
  }

  setLocked(locked: boolean): Promise<boolean> {
    return this.act("lock", "room:lock", { sessionId: this.deps.sessionId, locked });
  }

  endForEveryone(): Promise<boolean> {
    return this.act("end", "room:end", { sessionId: this.deps.sessionId });
  }

  /** Turns off one person's (or everyone else's) microphone or camera. */
  turnOff(target: string, kind: "microphone" | "camera"): Promise<boolean> {
    return this.act(`turn-off:${kind}:${target}`, "room:turn-off", {
      sessionId: this.deps.sessionId,
      target,
      kind,
    });
  }

  askToUnmute(userId: string): Promise<boolean> {
    return this.act(`ask-unmute:${userId}`, "room:ask-unmute", {
      sessionId: this.deps.sessionId,
      userId,
    });
  }

  allowScreenShare(userId: string, allowed: boolean): Promise<boolean> {
    return this.act(`screen:${userId}`, "room:allow-screen-share", {
      sessionId: this.deps.sessionId,
      userId,
      allowed,
    });
  }

  /** A facilitator lowers someone's hand once it has been answered. */
  lowerHand(userId: string): Promise<boolean> {
    return this.act(`lower-hand:${userId}`, "hand:lower", {
      sessionId: this.deps.sessionId,
      userId,
    });
  }

  /**
   * Opens breakout rooms (one per family, or as planned by hand) with a timer everyone sees.
   * Answers the refusal, for the form to show beside its fields, or null when they opened.
   */
  async openBreakouts(plan: OpenBreakoutsPayload): Promise<LiveError | null> {
    const reply = await this.ask<{ rooms: number }>("breakouts-open", "room:breakouts-open", {
      sessionId: this.deps.sessionId,
      ...plan,
    });
    if (!reply.ok) return reply.error;
    if (this.isDisposed()) return null;
    this.notify(
      "info",
      `Breakout rooms are open: ${reply.rooms} room${reply.rooms === 1 ? "" : "s"}, ${plan.minutes} minute${plan.minutes === 1 ? "" : "s"}.`,
    );
    return null;
  }

  /** Brings everyone back to the main room. */
  closeBreakouts(): Promise<boolean> {
    return this.act("breakouts-close", "room:breakouts-close", { sessionId: this.deps.sessionId });
  }

  /** A message shown in every breakout room (and the main room); the refusal, or null. */
  async messageAllRooms(message: string): Promise<LiveError | null> {
    const reply = await this.ask("breakouts-message", "room:breakouts-message", {
      sessionId: this.deps.sessionId,
      message: message.trim(),
    });
    return reply.ok ? null : reply.error;
  }

  /**
   * A facilitator goes into a breakout room (or back to the main room, with null): the server
   * answers with a credential for that room's media, and the media starts afresh with it.
   */
  async visit(breakoutId: string | null): Promise<boolean> {
    if (this.state.phase.kind !== "in-room") return false;
    const reply = await this.ask<{ credential: MediaCredential }>("visit", "room:visit", {
      sessionId: this.deps.sessionId,
      breakoutId,
    });
    if (this.isDisposed()) return false;
    if (!reply.ok) {
      this.notify("error", reply.error.message);
      return false;
    }
    const name = this.state.room?.breakouts?.rooms.find((r) => r.id === breakoutId)?.name;
    this.movedNotice(
      breakoutId === null
        ? "You are back in the main room."
        : `You are visiting ${name === undefined ? "a breakout room" : roomPhrase(name)}.`,
    );
    await this.switchRoom(reply.credential);
    return true;
  }

  dismissNotice(id: number): void {
    this.set({ notices: this.state.notices.filter((n) => n.id !== id) });
  }

  /** Leaves quietly (the page is going away) and lets go of everything. */
  dispose(): void {
    if (this.disposed) return;
    if (this.active())
      void this.deps.transport.request("room:leave", { sessionId: this.deps.sessionId }, 3_000);
    this.teardown();
    this.deps.local.stop();
    this.disposed = true;
    for (const off of this.offs.splice(0)) off();
    this.listeners.clear();
  }

  // ---- Inside ------------------------------------------------------------------------------

  /** A method, not the field: TypeScript would otherwise keep `disposed` narrowed across awaits. */
  private isDisposed(): boolean {
    return this.disposed;
  }

  private currentMedia(): MediaSession | null {
    return this.media;
  }

  private active(): boolean {
    const kind = this.state.phase.kind;
    return kind === "waiting" || kind === "in-room";
  }

  private phaseForReconnect(): Parameters<typeof reconnectAction>[0] {
    const kind = this.state.phase.kind;
    return kind === "prejoin" || kind === "joining" || kind === "waiting" || kind === "in-room"
      ? kind
      : "over";
  }

  private async onConnect(): Promise<void> {
    if (this.disposed) return;
    if (this.state.socket !== "signed-out") this.set({ socket: "connected" });
    const action = reconnectAction(this.phaseForReconnect(), this.deps.transport.recovered);
    switch (action) {
      case "none":
        return;
      case "resume":
        this.signalling = true;
        this.flushSignals();
        this.media?.resume();
        this.reportMediaState(true);
        return;
      case "rejoin":
        await this.rejoin();
        return;
    }
  }

  private async rejoin(): Promise<void> {
    clearTimeout(this.rejoinTimer);
    const reply = await this.deps.transport.request<JoinReply>("room:join", {
      sessionId: this.deps.sessionId,
      displayName: this.displayName,
    });
    if (this.disposed || !this.active()) return;
    this.handleJoinReply(reply, true);
  }

  private handleJoinReply(reply: Reply<JoinReply>, rejoining: boolean): void {
    if (!reply.ok) {
      this.refused(reply.error, rejoining);
      return;
    }
    this.signalling = true;
    this.flushSignals();
    if (reply.state === "admitted") {
      this.set({ phase: { kind: "in-room" } });
      this.applySnapshot(reply.room);
      if (reply.credential) void this.startMedia(reply.credential);
    } else {
      this.deps.preloadMedia?.(reply.room.mediaMode);
      const since = this.state.phase.kind === "waiting" ? this.state.phase.since : this.now();
      this.set({ phase: { kind: "waiting", since } });
      this.applySnapshot(reply.room);
    }
    this.startKeepAlive();
  }

  private refused(error: LiveError, rejoining: boolean): void {
    switch (error.code) {
      case "removed":
        this.finish({ kind: "removed" });
        return;
      case "ended":
        this.finish({ kind: "ended" });
        return;
      case "declined":
        this.finish({ kind: "declined", message: error.message });
        return;
      case "invalid_input":
      case "not_found":
      case "not_open_yet":
      case "locked":
      case "room_full":
      case "not_admitted":
      case "forbidden":
        break;
    }
    if (rejoining && error.code === "invalid_input" && this.deps.transport.connected) {
      // No answer in time: try again shortly; the room stays as it is meanwhile.
      this.rejoinTimer = setTimeout(() => void this.rejoin(), REJOIN_RETRY_MS);
      return;
    }
    this.teardown();
    this.set({ phase: { kind: "refused", refusal: refusal(error) } });
  }

  private applySnapshot(room: RoomSnapshot): void {
    if (room.sessionId !== this.deps.sessionId) return;
    this.set({ room });
    const pending = this.pendingMoveNotice;
    const pendingName = room.breakouts?.rooms.find((r) => r.id === pending)?.name;
    if (pending !== null && pendingName !== undefined) {
      this.pendingMoveNotice = null;
      this.movedNotice(`You are now in ${roomPhrase(pendingName)}.`);
    }
    if (!this.active()) return;
    if (room.ended) {
      this.finish({ kind: "ended" });
      return;
    }
    if (room.me.status === "removed") {
      this.finish({ kind: "removed" });
      return;
    }
    if (this.state.phase.kind === "in-room") {
      this.media?.setPeers(peerIds(room));
      if (this.deps.local.tracks().screen && !canShareScreen(room)) {
        this.deps.local.stopScreenShare();
      }
    }
  }

  private async startMedia(credential: MediaCredential): Promise<void> {
    const existing = this.media;
    if (existing) {
      existing.renewCredential(credential);
      existing.resume();
      if (this.state.room) existing.setPeers(peerIds(this.state.room));
      this.reportMediaState(true);
      this.scheduleRenewal(credential.expiresAt);
      void this.chat.start();
      return;
    }
    if (this.mediaStarting) return this.mediaStarting;
    this.mediaStarting = (async () => {
      const selfId = this.state.room?.me.userId ?? "";
      let session: MediaSession;
      try {
        session = await this.deps.createMedia(credential.mode, {
          selfId,
          signaller: this.signaller,
        });
      } catch {
        this.notify(
          "error",
          "Video could not start in this browser. Reload the page; if it keeps happening, try another browser.",
        );
        return;
      }
      if (this.disposed || this.state.phase.kind !== "in-room") {
        session.disconnect();
        return;
      }
      this.media = session;
      this.mediaOff = session.subscribe(() => this.set({ media: session.getState() }));
      this.set({ media: { ...session.getState(), connection: "connecting" } });
      try {
        await session.connect(credential, this.deps.local.tracks());
      } catch {
        this.notify(
          "error",
          "Video could not connect. Check your connection; leaving and joining again often helps.",
        );
      }
      if (this.media !== session) return;
      session.setMicrophoneEnabled(this.deps.local.microphoneLive());
      if (this.state.room) session.setPeers(peerIds(this.state.room));
      this.set({ media: session.getState() });
      this.reportMediaState(true);
      this.scheduleRenewal(credential.expiresAt);
      void this.chat.start();
    })().finally(() => {
      this.mediaStarting = null;
    });
    return this.mediaStarting;
  }

  private scheduleRenewal(expiresAt: string): void {
    clearTimeout(this.renewTimer);
    const delay = Math.max(10_000, Date.parse(expiresAt) - this.now() - RENEW_BEFORE_MS);
    this.renewTimer = setTimeout(() => void this.renew(), delay);
  }

  private async renew(): Promise<void> {
    if (this.state.phase.kind !== "in-room" || !this.media) return;
    const reply = await this.deps.transport.request<{ credential: MediaCredential }>(
      "media:refresh-credential",
      { sessionId: this.deps.sessionId },
    );
    const media = this.currentMedia();
    if (this.isDisposed() || !media) return;
    if (reply.ok) {
      media.renewCredential(reply.credential);
      this.scheduleRenewal(reply.credential.expiresAt);
      return;
    }
    if (reply.error.code === "ended") {
      this.finish({ kind: "ended" });
      return;
    }
    this.renewTimer = setTimeout(() => void this.renew(), RENEW_RETRY_MS);
  }

  /**
   * Moved to a breakout room or back to the main room: the people to see and hear change, so
   * the media starts afresh with the credential for the new room. The server sends the move
   * before the room's new state, so the room's name may only come with the next snapshot.
   */
  private async moved(breakoutId: string | null, credential: MediaCredential): Promise<void> {
    if (this.state.phase.kind !== "in-room") return;
    this.pendingMoveNotice = null;
    if (breakoutId === null) {
      this.movedNotice("The breakout rooms are closed. You are back in the main room.");
    } else {
      const name = this.state.room?.breakouts?.rooms.find((r) => r.id === breakoutId)?.name;
      if (name === undefined) this.pendingMoveNotice = breakoutId;
      else this.movedNotice(`You are now in ${roomPhrase(name)}.`);
    }
    await this.switchRoom(credential);
  }

  /** Another room (a breakout, or back): the old media goes, new media for that room starts. */
  private async switchRoom(credential: MediaCredential): Promise<void> {
    this.mediaOff?.();
    this.mediaOff = null;
    this.media?.disconnect();
    this.media = null;
    this.earlySignals = [];
    await this.startMedia(credential);
  }

  private async turnedOff(kind: "microphone" | "camera", who: string): Promise<void> {
    if (kind === "microphone") await this.setMicrophone(false);
    else await this.setCamera(false);
    this.notify(
      "info",
      `${who} turned off your ${kind}. You can turn it back on when you are ready.`,
    );
  }

  private deviceUnavailable(kind: "microphone" | "camera"): void {
    this.notify(
      "error",
      `Your ${kind} didn't start. Check that it is connected and that your browser allows it (the camera or lock icon next to the web address), then try again.`,
    );
  }

  /** Tells the server what I am sending; it shows it on everyone's roster. */
  private reportMediaState(force = false): void {
    if (this.state.phase.kind !== "in-room" || !this.signalling) return;
    if (!this.deps.transport.connected) return;
    const tracks = this.deps.local.tracks();
    const payload = {
      sessionId: this.deps.sessionId,
      microphone: this.deps.local.microphoneLive(),
      camera: tracks.camera !== null,
      screen: tracks.screen !== null,
    };
    const key = `${payload.microphone}:${payload.camera}:${payload.screen}`;
    if (!force && key === this.lastReported) return;
    this.lastReported = key;
    this.deps.transport.emit("media:state", payload);
  }

  /** A facilitator action: marked busy while it waits, a refusal said as a notice. */
  private async act(key: string, event: Action, payload: unknown): Promise<boolean> {
    const reply = await this.ask(key, event, payload);
    if (this.disposed) return false;
    if (!reply.ok) this.notify("error", reply.error.message);
    return reply.ok;
  }

  /** A request marked busy under `key` while it waits; the caller says what a refusal means. */
  private async ask<T = object>(key: string, event: Action, payload: unknown): Promise<Reply<T>> {
    this.set({ busy: new Set([...this.state.busy, key]) });
    const reply = await this.deps.transport.request<T>(event, payload);
    if (this.disposed) return reply;
    const busy = new Set(this.state.busy);
    busy.delete(key);
    this.set({ busy });
    return reply;
  }

  private flushSignals(): void {
    const queued = this.signalQueue;
    this.signalQueue = [];
    for (const { to, signal } of queued) this.signaller.send(to, signal);
  }

  private startKeepAlive(): void {
    if (this.keepAliveTimer !== undefined || !this.deps.keepAlive) return;
    const keepAlive = this.deps.keepAlive;
    this.keepAliveTimer = setInterval(() => {
      if (this.active()) keepAlive();
    }, KEEP_ALIVE_MS);
  }

  /** The room is over for this person: removed, declined, ended. */
  private finish(phase: RoomPhase): void {
    this.teardown();
    this.deps.local.stop();
    this.set({ phase });
  }

  private teardown(): void {
    clearTimeout(this.renewTimer);
    clearTimeout(this.rejoinTimer);
    clearInterval(this.keepAliveTimer);
    this.keepAliveTimer = undefined;
    this.mediaOff?.();
    this.mediaOff = null;
    this.media?.disconnect();
    this.media = null;
    this.chat.stop();
    this.signalling = false;
    this.signalQueue = [];
    this.earlySignals = [];
    this.lastReported = null;
    this.pendingMoveNotice = null;
    this.set({ media: NO_MEDIA, unmuteRequest: null });
  }

  private notify(tone: Notice["tone"], text: string): number {
    const notice = { id: ++this.noticeId, tone, text };
    this.set({ notices: [...this.state.notices, notice].slice(-MAX_NOTICES) });
    return notice.id;
  }

  /** Where I am now: it replaces the notice of the last move, which is no longer true. */
  private movedNotice(text: string): void {
    const last = this.lastMoveNotice;
    if (last !== null) this.set({ notices: this.state.notices.filter((n) => n.id !== last) });
    this.lastMoveNotice = this.notify("info", text);
  }

  private set(patch: Partial<RoomState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.notify();
  }
}
