import type {
  ClientToServerEvents,
  LivePerson,
  MediaCredential,
  RealtimeErrorCode,
  RoomSnapshot,
  ServerToClientEvents,
} from "@bridgeway/domain";
import type { Reply } from "../../realtime/socket";
import type { LocalDevices } from "../room-controller";
import type { LocalTracks, MediaSession, MediaSessionState, MediaSource } from "../media-session";
import type { FireAndForget, RoomTransport } from "../room-transport";

/** Test doubles for the room: the socket, the devices and the media session. */

type Handler = (payload: unknown) => void;
type Loose = Record<string, unknown>;
type Answer = (payload: unknown) => Reply<Loose> | Promise<Reply<Loose>>;

/** The socket as the room sees it; the test plays the server. */
export class FakeTransport implements RoomTransport {
  connected = true;
  recovered = false;
  readonly requests: { event: keyof ClientToServerEvents; payload: unknown }[] = [];
  readonly emitted: { event: FireAndForget; payload: unknown }[] = [];
  private readonly answers = new Map<string, Answer>([
    ["chat:subscribe", () => ({ ok: true, messages: [] })],
  ]);
  private readonly handlers = new Map<string, Set<Handler>>();

  /** How the server answers `event` from now on (by default `{ ok: true }`). */
  answer(event: keyof ClientToServerEvents, answer: Answer): void {
    this.answers.set(event, answer);
  }

  connect(): void {
    // Already connected, or the test reconnects by hand.
  }

  request<T = object>(event: keyof ClientToServerEvents, payload: unknown): Promise<Reply<T>> {
    this.requests.push({ event, payload });
    const answer = this.answers.get(event);
    // The test decides the answer's shape for each event.
    return Promise.resolve(answer ? answer(payload) : { ok: true }) as unknown as Promise<Reply<T>>;
  }

  /** Whether pings are answered; by default, whenever the fake is connected. */
  answersPings = true;

  ping(): Promise<boolean> {
    return Promise.resolve(this.connected && this.answersPings);
  }

  emit<E extends FireAndForget>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]): void {
    this.emitted.push({ event, payload });
  }

  on<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]) {
    // Each event's payload is typed where the test sends it (serverSends).
    return this.listen(event, handler as unknown as Handler);
  }

  onConnect(handler: () => void) {
    return this.listen("connect", () => handler());
  }

  onDisconnect(handler: (reason: string) => void) {
    return this.listen("disconnect", (reason) => handler(String(reason)));
  }

  onConnectError(handler: (code: RealtimeErrorCode | undefined) => void) {
    return this.listen("connect_error", (code) => handler(code as RealtimeErrorCode | undefined));
  }

  /** The server sends `event`. */
  serverSends<E extends keyof ServerToClientEvents>(
    event: E,
    ...payload: Parameters<ServerToClientEvents[E]>
  ): void {
    this.fire(event, payload[0]);
  }

  drop(reason = "transport close"): void {
    this.connected = false;
    this.fire("disconnect", reason);
  }

  reconnect(recovered: boolean): void {
    this.connected = true;
    this.recovered = recovered;
    this.fire("connect", undefined);
  }

  requestsOf(event: keyof ClientToServerEvents): unknown[] {
    return this.requests.filter((r) => r.event === event).map((r) => r.payload);
  }

  emittedOf(event: FireAndForget): unknown[] {
    return this.emitted.filter((r) => r.event === event).map((r) => r.payload);
  }

  listenerCount(): number {
    let count = 0;
    for (const set of this.handlers.values()) count += set.size;
    return count;
  }

  private listen(event: string, handler: Handler): () => void {
    let set = this.handlers.get(event);
    if (!set) {
      set = new Set();
      this.handlers.set(event, set);
    }
    set.add(handler);
    return () => set.delete(handler);
  }

  private fire(event: string, payload: unknown): void {
    for (const handler of [...(this.handlers.get(event) ?? [])]) handler(payload);
  }
}

/** A stand-in for a MediaStreamTrack (jsdom has none). */
export function fakeTrack(kind: "audio" | "video", id = `${kind}-1`): MediaStreamTrack {
  return { kind, id, enabled: true, readyState: "live" } as unknown as MediaStreamTrack;
}

/** Camera, microphone and screen as the controller drives them. */
export class FakeDevices implements LocalDevices {
  microphoneOn = true;
  microphone: MediaStreamTrack | null = fakeTrack("audio");
  camera: MediaStreamTrack | null = fakeTrack("video");
  screen: MediaStreamTrack | null = null;
  stopped = false;
  private readonly listeners = new Set<
    (source: MediaSource, track: MediaStreamTrack | null) => void
  >();

  tracks(): LocalTracks {
    return { microphone: this.microphone, camera: this.camera, screen: this.screen };
  }

  microphoneLive(): boolean {
    return this.microphoneOn && this.microphone !== null;
  }

  setMicrophone(on: boolean): Promise<void> {
    this.microphoneOn = on;
    return Promise.resolve();
  }

  setCamera(on: boolean): Promise<void> {
    this.camera = on ? fakeTrack("video", "video-2") : null;
    this.emit("camera", this.camera);
    return Promise.resolve();
  }

  startScreenShare(): Promise<boolean> {
    this.screen = fakeTrack("video", "screen-1");
    this.emit("screen", this.screen);
    return Promise.resolve(true);
  }

  stopScreenShare(): void {
    if (!this.screen) return;
    this.screen = null;
    this.emit("screen", null);
  }

  onTrackChange(listener: (source: MediaSource, track: MediaStreamTrack | null) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.stopped = true;
  }

  private emit(source: MediaSource, track: MediaStreamTrack | null): void {
    for (const listener of this.listeners) listener(source, track);
  }
}

/** A media session that records what it was asked to do. */
export class FakeMediaSession implements MediaSession {
  readonly mode = "direct" as const;
  credential: MediaCredential | null = null;
  connectedWith: LocalTracks | null = null;
  readonly peers: string[][] = [];
  readonly tracks: { source: MediaSource; track: MediaStreamTrack | null }[] = [];
  microphoneEnabled: boolean | null = null;
  resumed = 0;
  renewed: MediaCredential[] = [];
  disconnected = false;
  private state: MediaSessionState = { connection: "idle", remotes: new Map() };
  private readonly listeners = new Set<() => void>();

  connect(credential: MediaCredential, local: LocalTracks): Promise<void> {
    this.credential = credential;
    this.connectedWith = local;
    this.state = { ...this.state, connection: "connected" };
    return Promise.resolve();
  }

  setTrack(source: MediaSource, track: MediaStreamTrack | null): Promise<void> {
    this.tracks.push({ source, track });
    return Promise.resolve();
  }

  setMicrophoneEnabled(enabled: boolean): void {
    this.microphoneEnabled = enabled;
  }

  setPeers(userIds: readonly string[]): void {
    this.peers.push([...userIds]);
  }

  renewCredential(credential: MediaCredential): void {
    this.renewed.push(credential);
  }

  resume(): void {
    this.resumed += 1;
  }

  audioOnly: boolean[] = [];
  sendQuality: ("full" | "reduced")[] = [];
  /** What getStats answers; tests set it to a report built with statsReport(). */
  stats: RTCStatsReport[] = [];

  setAudioOnly(on: boolean): void {
    this.audioOnly.push(on);
  }

  setSendQuality(quality: "full" | "reduced"): Promise<void> {
    this.sendQuality.push(quality);
    return Promise.resolve();
  }

  getStats(): Promise<RTCStatsReport[]> {
    return Promise.resolve(this.stats);
  }

  getState(): MediaSessionState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  disconnect(): void {
    this.disconnected = true;
  }
}

export const SESSION_ID = "5e551011-0000-4000-8000-000000000001";
export const DANA = "da4a0000-0000-4000-8000-000000000001";
export const JORDAN = "70d4a000-0000-4000-8000-000000000002";
export const SAM = "5a400000-0000-4000-8000-000000000003";
export const RILEY = "a11e7000-0000-4000-8000-000000000004";

export function person(
  overrides: Partial<LivePerson> & Pick<LivePerson, "userId" | "displayName">,
): LivePerson {
  return {
    role: "participant",
    familyLabel: null,
    breakoutId: null,
    status: "in-room",
    handRaisedAt: null,
    microphone: true,
    camera: true,
    screen: false,
    screenShareAllowed: false,
    audioOnly: false,
    ...overrides,
  };
}

export function snapshot(overrides: Partial<RoomSnapshot> = {}): RoomSnapshot {
  return {
    sessionId: SESSION_ID,
    kind: "GROUP_THERAPY",
    title: "Group therapy · Evening track",
    startsAt: "2026-11-23T23:00:00.000Z",
    endsAt: "2026-11-24T02:00:00.000Z",
    openedAt: "2026-11-23T22:55:00.000Z",
    locked: false,
    ended: false,
    mediaMode: "direct",
    breakouts: null,
    me: { userId: JORDAN, role: "participant", status: "in-room", breakoutId: null },
    people: [
      person({ userId: DANA, displayName: "Dana", role: "facilitator" }),
      person({ userId: JORDAN, displayName: "Jordan" }),
    ],
    ...overrides,
  };
}

export const DIRECT_CREDENTIAL: MediaCredential = {
  mode: "direct",
  iceServers: [{ urls: "stun:stun.example.org" }],
  expiresAt: "2026-11-23T23:10:00.000Z",
};
