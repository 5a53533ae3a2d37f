import type { MediaCredential, SignalPayload } from "@bridgeway/domain";

/**
 * The one media interface of the live room. Two implementations sit under it: a browser-to-
 * browser WebRTC mesh signalled over the socket (direct mode) and LiveKit. The room controller
 * and the screens above it never ask which one they have.
 */

/** What someone sends: their microphone, their camera, and a shared screen. */
export type MediaSource = "microphone" | "camera" | "screen";

/** How one remote person's media connection stands. */
export type PeerConnection = "connecting" | "connected" | "reconnecting";

/** How this browser's media connection stands, as the connection banner tells it. */
export type MediaConnection = "idle" | "connecting" | "connected" | "reconnecting" | "closed";

export type RemoteMedia = {
  userId: string;
  /** Their microphone (and camera) stream; audio is played from here. */
  audio: MediaStream | null;
  camera: MediaStream | null;
  screen: MediaStream | null;
  connection: PeerConnection;
};

export type MediaSessionState = {
  connection: MediaConnection;
  /** Keyed by user id. */
  remotes: ReadonlyMap<string, RemoteMedia>;
};

/** The tracks this browser sends; null when that source is off or absent. */
export type LocalTracks = Record<MediaSource, MediaStreamTrack | null>;

export interface MediaSession {
  readonly mode: MediaCredential["mode"];
  /** Connects with `credential`, sending `local`. */
  connect(credential: MediaCredential, local: LocalTracks): Promise<void>;
  /** Sends `track` for `source` from now on; null stops sending it. */
  setTrack(source: MediaSource, track: MediaStreamTrack | null): Promise<void>;
  /** The microphone was muted or unmuted (the track stays, so unmuting is instant). */
  setMicrophoneEnabled(enabled: boolean): void;
  /**
   * Who the room says is in it besides me. Direct mode connects to each of them and lets go of
   * anyone no longer listed; LiveKit learns the same from its server and ignores this.
   */
  setPeers(userIds: readonly string[]): void;
  /** A fresh credential (LiveKit tokens are short-lived; direct mode may get new ICE servers). */
  renewCredential(credential: MediaCredential): void;
  /** The signalling connection came back: heal any media connection that broke meanwhile. */
  resume(): void;
  /**
   * Audio-only: no video is received from anyone (the camera is not sent either: the controller
   * turns it off). Off again, video flows both ways as before.
   */
  setAudioOnly(on: boolean): void;
  /**
   * "reduced" sends the camera at lower resolution and bitrate, for a slow uplink; direct mode
   * does it itself, LiveKit adapts on its own (simulcast and dynacast).
   */
  setSendQuality(quality: "full" | "reduced"): Promise<void>;
  /** WebRTC statistics of every connection, for judging the link (see connection-quality). */
  getStats(): Promise<RTCStatsReport[]>;
  getState(): MediaSessionState;
  subscribe(listener: () => void): () => void;
  /** Stops sending and receiving and closes every connection. Local tracks are not stopped. */
  disconnect(): void;
}

/** How direct mode reaches another browser: the socket relays these to one person. */
export type Signaller = {
  send(to: string, signal: SignalPayload): void;
  /** Signals addressed to me; returns the unsubscribe. */
  listen(handler: (from: string, signal: SignalPayload) => void): () => void;
  /** Whether signals reach the server now (it answers a ping in time). */
  reachable(): Promise<boolean>;
};

export type MediaSessionDeps = {
  selfId: string;
  signaller: Signaller;
};
