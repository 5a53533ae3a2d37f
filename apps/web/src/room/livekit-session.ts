import type { MediaCredential } from "@bridgeway/domain";
import {
  ConnectionError,
  ConnectionErrorReason,
  ConnectionQuality,
  ConnectionState,
  DisconnectReason,
  Room,
  RoomEvent,
  Track,
  type Participant,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
} from "livekit-client";
import { iceTransportPolicy } from "./ice-policy";
import { Listeners } from "./listeners";
import type {
  LocalTracks,
  MediaSession,
  MediaSessionState,
  MediaSource,
  PeerConnection,
  RemoteMedia,
} from "./media-session";

type LivekitCredential = Extract<MediaCredential, { mode: "livekit" }>;

const RECONNECT_DELAYS_MS = [1_000, 2_000, 5_000, 10_000];
const PEER_CONNECTION_TIMEOUT_MS = 30_000;

/** Which of our sources a LiveKit track source is (screen audio is played with the camera's). */
export function sourceOf(source: Track.Source): MediaSource | null {
  switch (source) {
    case Track.Source.Camera:
      return "camera";
    case Track.Source.Microphone:
    case Track.Source.ScreenShareAudio:
      return "microphone";
    case Track.Source.ScreenShare:
      return "screen";
    case Track.Source.Unknown:
      return null;
  }
}

/** LiveKit's source for one of ours. */
export function livekitSource(source: MediaSource): Track.Source {
  switch (source) {
    case "microphone":
      return Track.Source.Microphone;
    case "camera":
      return Track.Source.Camera;
    case "screen":
      return Track.Source.ScreenShare;
  }
}

/**
 * Whether a LiveKit disconnect is one to recover from by connecting again. Removal, the room
 * closing and our own leaving are final; the room's own events say what happened.
 */
export function shouldReconnect(reason: DisconnectReason | undefined): boolean {
  return reason === undefined || !FINAL_DISCONNECTS.has(reason);
}

const FINAL_DISCONNECTS: ReadonlySet<DisconnectReason> = new Set([
  DisconnectReason.CLIENT_INITIATED,
  DisconnectReason.PARTICIPANT_REMOVED,
  DisconnectReason.ROOM_DELETED,
  DisconnectReason.ROOM_CLOSED,
  DisconnectReason.DUPLICATE_IDENTITY,
]);

type RemoteTracks = Partial<Record<MediaSource, MediaStreamTrack>>;

/**
 * LiveKit mode: one Room on the clinic's LiveKit server. LiveKit heals short drops itself
 * (`Reconnecting`/`Reconnected`); after a full disconnect we connect again with the newest
 * token, which the room controller renews before it expires.
 */
export class LivekitSession implements MediaSession {
  readonly mode = "livekit" as const;
  private readonly listeners = new Listeners();
  private room: Room | null = null;
  private credential: LivekitCredential | null = null;
  private local: LocalTracks = { microphone: null, camera: null, screen: null };
  private microphoneEnabled = true;
  private readonly remoteTracks = new Map<string, RemoteTracks>();
  private readonly quality = new Map<string, PeerConnection>();
  private state: MediaSessionState = { connection: "idle", remotes: new Map() };
  private closed = false;
  private audioOnly = false;
  private reconnectAttempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  // Remote streams are kept per person and source so React sees the same object until it changes.
  private readonly streams = new Map<string, Partial<Record<MediaSource, MediaStream>>>();

  async connect(credential: MediaCredential, local: LocalTracks): Promise<void> {
    if (credential.mode !== "livekit")
      throw new Error("A LiveKit session needs a LiveKit credential.");
    this.credential = credential;
    this.local = { ...local };
    this.setConnection("connecting");
    try {
      await this.open();
    } catch (error) {
      // Refused (a revoked or wrong token) is final; a timeout or a server not reached yet is a
      // network that may come back, so it is retried like a dropped connection.
      if (error instanceof ConnectionError && error.reason === ConnectionErrorReason.NotAllowed)
        throw error;
      if (this.closed) return;
      this.setConnection("reconnecting");
      this.scheduleReconnect();
    }
  }

  async setTrack(source: MediaSource, track: MediaStreamTrack | null): Promise<void> {
    const previous = this.local[source];
    this.local = { ...this.local, [source]: track };
    const participant = this.room?.localParticipant;
    if (!participant || this.room?.state !== ConnectionState.Connected) return;
    // Our tracks belong to LocalMedia: LiveKit must not stop them when it lets go.
    if (previous) await participant.unpublishTrack(previous, false).catch(() => undefined);
    if (track) await this.publish(source, track);
  }

  setMicrophoneEnabled(enabled: boolean): void {
    this.microphoneEnabled = enabled;
    const publication = this.room?.localParticipant.getTrackPublication(Track.Source.Microphone);
    if (!publication) return;
    void (enabled ? publication.unmute() : publication.mute()).catch(() => undefined);
  }

  setPeers(): void {
    // LiveKit's server tells us who is in the room.
  }

  renewCredential(credential: MediaCredential): void {
    if (credential.mode === "livekit") this.credential = credential;
  }

  resume(): void {
    if (!this.closed && this.room?.state === ConnectionState.Disconnected)
      this.scheduleReconnect(0);
  }

  setAudioOnly(on: boolean): void {
    this.audioOnly = on;
    for (const participant of this.room?.remoteParticipants.values() ?? []) {
      for (const publication of participant.trackPublications.values()) {
        if (publication.kind === Track.Kind.Video) publication.setSubscribed(!on);
      }
    }
  }

  setSendQuality(): Promise<void> {
    // LiveKit adapts what it sends by itself (simulcast layers, dynacast).
    return Promise.resolve();
  }

  async getStats(): Promise<RTCStatsReport[]> {
    const tracks = [
      ...(this.room?.localParticipant.trackPublications.values() ?? []),
      ...[...(this.room?.remoteParticipants.values() ?? [])].flatMap((p) => [
        ...p.trackPublications.values(),
      ]),
    ].flatMap((publication) => (publication.track ? [publication.track] : []));
    const reports = await Promise.all(
      tracks.map((track) => track.getRTCStatsReport().catch(() => undefined)),
    );
    return reports.filter((r): r is RTCStatsReport => r !== undefined);
  }

  getState(): MediaSessionState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  disconnect(): void {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const room = this.room;
    this.room = null;
    void room?.disconnect(false);
    this.remoteTracks.clear();
    this.streams.clear();
    this.state = { connection: "closed", remotes: new Map() };
    this.listeners.notify();
  }

  private async open(): Promise<void> {
    const credential = this.credential;
    if (!credential || this.closed) return;
    const room = new Room({ adaptiveStream: false, dynacast: true });
    this.room = room;
    room
      .on(RoomEvent.TrackSubscribed, (track, publication, participant) =>
        this.trackSubscribed(track, publication, participant),
      )
      .on(RoomEvent.TrackUnsubscribed, (_track, publication, participant) =>
        this.trackGone(publication, participant),
      )
      .on(RoomEvent.ParticipantConnected, () => this.refresh())
      .on(RoomEvent.ParticipantDisconnected, (participant) => {
        this.remoteTracks.delete(participant.identity);
        this.streams.delete(participant.identity);
        this.quality.delete(participant.identity);
        this.refresh();
      })
      .on(
        RoomEvent.ConnectionQualityChanged,
        (quality: ConnectionQuality, participant: Participant) => {
          if (participant.isLocal) return;
          this.quality.set(
            participant.identity,
            quality === ConnectionQuality.Lost ? "reconnecting" : "connected",
          );
          this.refresh();
        },
      )
      .on(RoomEvent.Reconnecting, () => this.setConnection("reconnecting"))
      .on(RoomEvent.SignalReconnecting, () => this.setConnection("reconnecting"))
      .on(RoomEvent.Reconnected, () => this.setConnection("connected"))
      .on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
        if (this.room !== room || this.closed) return;
        if (shouldReconnect(reason)) {
          this.setConnection("reconnecting");
          this.scheduleReconnect();
        } else {
          this.setConnection("closed");
        }
      });
    // A loaded machine or a slow home network can take longer than LiveKit's 15 s default to
    // finish ICE and DTLS; giving up sooner only starts the same work again.
    // The ICE servers are LiveKit's own (its TURN servers); only relay-only is ours to ask for.
    const policy = iceTransportPolicy();
    await room.connect(credential.url, credential.token, {
      autoSubscribe: true,
      peerConnectionTimeout: PEER_CONNECTION_TIMEOUT_MS,
      ...(policy === "relay" ? { rtcConfig: { iceTransportPolicy: policy } } : {}),
    });
    if (this.room !== room) return;
    this.reconnectAttempt = 0;
    for (const source of ["microphone", "camera", "screen"] as const) {
      const track = this.local[source];
      if (track) await this.publish(source, track);
    }
    this.setMicrophoneEnabled(this.microphoneEnabled);
    this.setConnection("connected");
  }

  private async publish(source: MediaSource, track: MediaStreamTrack): Promise<void> {
    await this.room?.localParticipant
      .publishTrack(track, { source: livekitSource(source), name: source })
      .catch(() => undefined);
  }

  private scheduleReconnect(delay?: number): void {
    clearTimeout(this.reconnectTimer);
    const wait =
      delay ?? RECONNECT_DELAYS_MS[Math.min(this.reconnectAttempt, RECONNECT_DELAYS_MS.length - 1)];
    this.reconnectAttempt += 1;
    this.reconnectTimer = setTimeout(() => {
      const old = this.room;
      this.room = null;
      void old?.disconnect(false);
      this.open().catch(() => this.scheduleReconnect());
    }, wait);
  }

  private trackSubscribed(
    track: RemoteTrack,
    publication: RemoteTrackPublication,
    participant: RemoteParticipant,
  ): void {
    const source = sourceOf(publication.source);
    if (!source) return;
    if (this.audioOnly && publication.kind === Track.Kind.Video) {
      publication.setSubscribed(false);
      return;
    }
    const tracks = this.remoteTracks.get(participant.identity) ?? {};
    tracks[source] = track.mediaStreamTrack;
    this.remoteTracks.set(participant.identity, tracks);
    const streams = this.streams.get(participant.identity) ?? {};
    streams[source] = new MediaStream([track.mediaStreamTrack]);
    this.streams.set(participant.identity, streams);
    this.refresh();
  }

  private trackGone(publication: RemoteTrackPublication, participant: RemoteParticipant): void {
    const source = sourceOf(publication.source);
    if (!source) return;
    const tracks = this.remoteTracks.get(participant.identity);
    if (tracks) tracks[source] = undefined;
    const streams = this.streams.get(participant.identity);
    if (streams) streams[source] = undefined;
    this.refresh();
  }

  private setConnection(connection: MediaSessionState["connection"]): void {
    this.state = { ...this.state, connection };
    this.refresh();
  }

  private refresh(): void {
    const remotes = new Map<string, RemoteMedia>();
    for (const participant of this.room?.remoteParticipants.values() ?? []) {
      const id = participant.identity;
      const streams = this.streams.get(id) ?? {};
      remotes.set(id, {
        userId: id,
        audio: streams.microphone ?? null,
        camera: streams.camera ?? null,
        screen: streams.screen ?? null,
        connection: this.quality.get(id) ?? "connected",
      });
    }
    this.state = { ...this.state, remotes };
    this.listeners.notify();
  }
}
