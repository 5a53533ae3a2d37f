import type {
  ClientPayload,
  JoinReply,
  LiveError,
  MediaCredential,
  RemovalReason,
  RequestEvent,
  RoomSnapshot,
  SignalPayload,
} from "@bridgeway/domain";
import type { TFunction } from "i18next";
import type { Reply } from "../realtime/socket";
import type { ReplyTo } from "../realtime/transport";
import { roomPhrase, type OpenBreakoutsPayload } from "./breakouts";
import type { LocalMedia } from "./local-media";
import { LinkJudge, readLink, type LinkAdvice, type LinkCounters } from "./connection-quality";
import { Listeners } from "./listeners";
import type { MediaSession, MediaSessionDeps, MediaSessionState, Signaller } from "./media-session";
import {
  canShareScreen,
  isFacilitator,
  liveErrorText,
  peerIds,
  reconnectAction,
  refusal,
  roomT,
  type Refusal,
} from "./room-view";
import type { RoomTransport } from "./room-transport";
import { SessionChat } from "./session-chat";

/** Where this person is in the journey from the pre-join screen to leaving. */
export type RoomPhase =
  /** Asking whether this person may come in at all, before the camera starts. */
  | { kind: "checking" }
  | { kind: "prejoin" }
  | { kind: "joining" }
  | { kind: "waiting"; since: number }
  | { kind: "in-room" }
  | { kind: "refused"; refusal: Refusal }
  | { kind: "declined"; message: string }
  | { kind: "removed"; reason: RemovalReason }
  /** Removed, then let back in by a clinician: they may go to the waiting room again. */
  | { kind: "readmitted" }
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
  /** Taking part by audio only: no camera sent, no video received. */
  audioOnly: boolean;
  /** What the link's statistics say: suggest audio-only, or camera sent at lower quality. */
  link: LinkAdvice;
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
  /** The words of notices and refusals; by default the room's, in the app's language. */
  t?: TFunction<"room">;
};

const KEEP_ALIVE_MS = 4 * 60_000;
/** Renew the media credential this long before it expires. */
const RENEW_BEFORE_MS = 60_000;
const RENEW_RETRY_MS = 15_000;
const REJOIN_RETRY_MS = 3_000;
const CHECK_TIMEOUT_MS = 5_000;
const MAX_NOTICES = 4;
const MAX_QUEUED_SIGNALS = 500;
/** How long a ping may take for the signalling path to count as working. */
const REACHABLE_TIMEOUT_MS = 1_500;

const NO_MEDIA: MediaSessionState = { connection: "idle", remotes: new Map() };
const GOOD_LINK: LinkAdvice = { suggestAudioOnly: false, reduceVideo: false };
/** How often the link is read while media flows. */
export const LINK_CHECK_MS = 2_000;
/** A new connection's bandwidth estimate starts low and climbs: do not judge the uplink sooner. */
const LINK_WARM_UP_MS = 10_000;

type Action = RequestEvent;

/** Refusals at the door that hold before the camera starts; others wait for the join itself. */
function doorRefusal(error: LiveError): boolean {
  return error.code === "not_found" || error.code === "removed" || error.code === "ended";
}

/**
 * The live room for one person, in plain TypeScript: joining and the waiting room, admission,
 * media, hands and controls, reconnecting, and leaving. The screens render its state and call
 * its methods; the socket and the media session are behind interfaces.
 */
export class RoomController {
  readonly chat: SessionChat;
  private state: RoomState = {
    phase: { kind: "checking" },
    room: null,
    socket: "connected",
    media: NO_MEDIA,
    notices: [],
    unmuteRequest: null,
    busy: new Set(),
    audioOnly: false,
    link: GOOD_LINK,
  };
  private readonly listeners = new Listeners();
  private linkJudge = new LinkJudge();
  private linkCounters: LinkCounters | null = null;
  private linkTimer: ReturnType<typeof setInterval> | undefined;
  private mediaStartedAt = 0;
  /** The camera was on when audio-only began: it comes back on when video does. */
  private cameraBeforeAudioOnly = false;
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
  private checking: Promise<boolean> | null = null;
  private readonly now: () => number;
  /** Notices are worded when they are made, in the language the app speaks then. */
  private readonly t: TFunction<"room">;

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
    reachable: () =>
      this.signalling ? this.deps.transport.ping(REACHABLE_TIMEOUT_MS) : Promise.resolve(false),
  };

  constructor(private readonly deps: RoomControllerDeps) {
    this.now = deps.now ?? (() => Date.now());
    this.t = deps.t ?? roomT();
    this.chat = new SessionChat(
      deps.transport,
      deps.sessionId,
      {
        userId: () => this.state.room?.me.userId ?? "",
        displayName: () => this.displayName,
      },
      deps.newId,
      this.t,
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
        mine(({ reason }) => this.finish({ kind: "removed", reason })),
      ),
      transport.on(
        "room:readmitted",
        mine(() => {
          const phase = this.state.phase;
          if (phase.kind === "removed" || phase.kind === "refused")
            this.set({ phase: { kind: "readmitted" } });
        }),
      ),
      transport.on(
        "room:breakouts-ending",
        mine(() => {
          if (this.state.phase.kind !== "in-room") return;
          this.notify("info", this.t("notice.breakoutsEnding"));
        }),
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
            allowed ? this.t("notice.screenShareAllowed") : this.t("notice.screenShareOff"),
          );
        }),
      ),
      transport.on(
        "room:moved",
        mine(({ breakoutId, credential }) => void this.moved(breakoutId, credential)),
      ),
      transport.on(
        "room:broadcast",
        mine(({ from, message }) =>
          this.notify("info", this.t("notice.broadcast", { from, message })),
        ),
      ),
      transport.on("room:error", (error) => {
        // Answers to requests are shown where they were asked; this is for the events without.
        if (error.event !== "media:state") return;
        if (error.code === "forbidden") this.deps.local.stopScreenShare();
        this.notify("error", liveErrorText(error, this.t));
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

  /**
   * Asks the server whether this person may come to the room at all (no access, removed, ended)
   * before anything starts the camera. True when the pre-join screen may show; a refusal is the
   * phase. A check that gets no answer lets the pre-join screen show: joining asks again.
   */
  check(): Promise<boolean> {
    this.checking ??= (async () => {
      if (this.disposed) return false;
      this.deps.transport.connect();
      // Not long: without an answer the device check shows anyway (joining asks again).
      const reply = await this.deps.transport.request(
        "room:check",
        { sessionId: this.deps.sessionId },
        CHECK_TIMEOUT_MS,
      );
      if (this.isDisposed()) return false;
      if (this.state.phase.kind !== "checking") return this.state.phase.kind === "prejoin";
      if (!reply.ok && doorRefusal(reply.error)) {
        this.refused(reply.error, false);
        return false;
      }
      this.set({ phase: { kind: "prejoin" } });
      return true;
    })();
    return this.checking;
  }

  /** Whether the name asked with at the last join is known, so a readmitted person can go back. */
  canRejoinAsBefore(): boolean {
    return this.displayName !== "";
  }

  /** Let back in after a removal: asks to join again, under the same name, to the waiting room. */
  async returnToWaitingRoom(): Promise<void> {
    if (this.state.phase.kind !== "readmitted" || this.displayName === "") return;
    await this.join(this.displayName);
  }

  /** Asks to join with `displayName`: straight in, or into the waiting room. */
  async join(displayName: string): Promise<void> {
    if (this.disposed) return;
    this.displayName = displayName.trim();
    this.set({ phase: { kind: "joining" }, notices: [] });
    this.deps.transport.connect();
    const reply = await this.deps.transport.request("room:join", {
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
    // Turning the camera on is asking for video again.
    if (on && this.state.audioOnly) return this.setAudioOnly(false);
    await this.deps.local.setCamera(on);
    if (on && !this.deps.local.tracks().camera) this.deviceUnavailable("camera");
    this.reportMediaState();
  }

  /**
   * Audio-only, on the pre-join screen or in the room at any time: the camera goes off and no
   * one's video is received; off again, the camera comes back if it was on. The server starts a
   * new attendance span in the new modality (clinics bill the two differently).
   */
  async setAudioOnly(on: boolean): Promise<void> {
    if (on === this.state.audioOnly) return;
    if (on) {
      this.cameraBeforeAudioOnly = this.deps.local.tracks().camera !== null;
      this.set({ audioOnly: true });
      this.media?.setAudioOnly(true);
      await this.deps.local.setCamera(false);
    } else {
      this.set({ audioOnly: false });
      this.media?.setAudioOnly(false);
      if (this.cameraBeforeAudioOnly) await this.deps.local.setCamera(true);
    }
    this.reportMediaState();
  }

  /** Reads the media statistics once and updates the link advice (a timer calls it). */
  async checkLink(): Promise<void> {
    const media = this.media;
    if (!media || this.state.phase.kind !== "in-room") return;
    const reports = await media.getStats().catch(() => []);
    if (this.media !== media) return;
    const { sample, counters } = readLink(reports, this.linkCounters);
    this.linkCounters = counters;
    const warm = this.now() - this.mediaStartedAt >= LINK_WARM_UP_MS;
    const advice = this.linkJudge.add(warm ? sample : { ...sample, availableKbps: null });
    const previous = this.state.link;
    if (
      advice.suggestAudioOnly === previous.suggestAudioOnly &&
      advice.reduceVideo === previous.reduceVideo
    )
      return;
    this.set({ link: advice });
    if (advice.reduceVideo !== previous.reduceVideo)
      await media.setSendQuality(advice.reduceVideo ? "reduced" : "full");
  }

  async toggleScreenShare(): Promise<void> {
    if (this.deps.local.tracks().screen) {
      this.deps.local.stopScreenShare();
      return;
    }
    const room = this.state.room;
    if (!room || !canShareScreen(room)) {
      this.notify("error", this.t("notice.askToShare"));
      return;
    }
    const started = await this.deps.local.startScreenShare();
    if (!started) this.notify("info", this.t("notice.shareDidNotStart"));
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

  /** Lets a removed person back in: they return to the waiting room. */
  letBackIn(userId: string): Promise<boolean> {
    return this.act(`readmit:${userId}`, "room:readmit", {
      sessionId: this.deps.sessionId,
      userId,
    });
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
    const reply = await this.ask("breakouts-open", "room:breakouts-open", {
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
    const reply = await this.ask("visit", "room:visit", {
      sessionId: this.deps.sessionId,
      breakoutId,
    });
    if (this.isDisposed()) return false;
    if (!reply.ok) {
      this.notify("error", liveErrorText(reply.error, this.t));
      return false;
    }
    const name = this.state.room?.breakouts?.rooms.find((r) => r.id === breakoutId)?.name;
    this.movedNotice(
      breakoutId === null
        ? this.t("notice.backInMain")
        : this.t("notice.visiting", {
            room: name === undefined ? this.t("notice.aBreakoutRoom") : roomPhrase(name, this.t),
          }),
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
    if (kind === "checking") return "prejoin";
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
    const reply = await this.deps.transport.request("room:join", {
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
        this.finish({ kind: "removed", reason: "facilitator" });
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
      case "session_expired":
      case "unavailable":
      case "rate_limited":
        break;
    }
    if (
      rejoining &&
      (error.code === "invalid_input" || error.code === "unavailable") &&
      this.deps.transport.connected
    ) {
      // No answer in time: try again shortly; the room stays as it is meanwhile.
      this.rejoinTimer = setTimeout(() => void this.rejoin(), REJOIN_RETRY_MS);
      return;
    }
    this.teardown();
    this.set({ phase: { kind: "refused", refusal: refusal(error, this.t) } });
  }

  private applySnapshot(room: RoomSnapshot): void {
    if (room.sessionId !== this.deps.sessionId) return;
    this.set({ room });
    const pending = this.pendingMoveNotice;
    const pendingName = room.breakouts?.rooms.find((r) => r.id === pending)?.name;
    if (pending !== null && pendingName !== undefined) {
      this.pendingMoveNotice = null;
      this.movedNotice(this.t("notice.nowIn", { room: roomPhrase(pendingName, this.t) }));
    }
    if (!this.active()) return;
    if (room.ended) {
      this.finish({ kind: "ended" });
      return;
    }
    if (room.me.status === "removed") {
      // The removal event came first and said why; this snapshot only confirms it.
      this.finish({ kind: "removed", reason: "facilitator" });
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
        this.notify("error", this.t("notice.videoCouldNotStart"));
        return;
      }
      if (this.disposed || this.state.phase.kind !== "in-room") {
        session.disconnect();
        return;
      }
      this.media = session;
      session.setAudioOnly(this.state.audioOnly);
      this.startLinkChecks();
      this.mediaOff = session.subscribe(() => this.set({ media: session.getState() }));
      this.set({ media: { ...session.getState(), connection: "connecting" } });
      try {
        await session.connect(credential, this.deps.local.tracks());
      } catch {
        this.notify("error", this.t("notice.videoCouldNotConnect"));
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
    const reply = await this.deps.transport.request("media:refresh-credential", {
      sessionId: this.deps.sessionId,
    });
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
      this.movedNotice(this.t("notice.breakoutsClosed"));
    } else {
      const name = this.state.room?.breakouts?.rooms.find((r) => r.id === breakoutId)?.name;
      if (name === undefined) this.pendingMoveNotice = breakoutId;
      else this.movedNotice(this.t("notice.nowIn", { room: roomPhrase(name, this.t) }));
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
    this.notify("info", this.t(`notice.turnedOff.${kind}`, { who }));
  }

  private deviceUnavailable(kind: "microphone" | "camera"): void {
    this.notify("error", this.t(`notice.didNotStart.${kind}`));
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
      audioOnly: this.state.audioOnly,
    };
    const key = `${payload.microphone}:${payload.camera}:${payload.screen}:${payload.audioOnly}`;
    if (!force && key === this.lastReported) return;
    this.lastReported = key;
    this.deps.transport.emit("media:state", payload);
  }

  /** A facilitator action: marked busy while it waits, a refusal said as a notice. */
  private async act<E extends Action>(
    key: string,
    event: E,
    payload: ClientPayload<E>,
  ): Promise<boolean> {
    const reply = await this.ask(key, event, payload);
    if (this.disposed) return false;
    if (!reply.ok) this.notify("error", liveErrorText(reply.error, this.t));
    return reply.ok;
  }

  /** A request marked busy under `key` while it waits; the caller says what a refusal means. */
  private async ask<E extends Action>(
    key: string,
    event: E,
    payload: ClientPayload<E>,
  ): Promise<ReplyTo<E>> {
    this.set({ busy: new Set([...this.state.busy, key]) });
    const reply = await this.deps.transport.request(event, payload);
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

  private startLinkChecks(): void {
    clearInterval(this.linkTimer);
    this.mediaStartedAt = this.now();
    this.linkJudge = new LinkJudge();
    this.linkCounters = null;
    this.linkTimer = setInterval(() => void this.checkLink(), LINK_CHECK_MS);
  }

  private teardown(): void {
    clearInterval(this.linkTimer);
    this.linkTimer = undefined;
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
    this.set({ media: NO_MEDIA, unmuteRequest: null, link: GOOD_LINK });
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
