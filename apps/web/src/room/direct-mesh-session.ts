import type { MediaCredential, SignalPayload } from "@bridgeway/domain";
import { iceTransportPolicy } from "./ice-policy";
import { Listeners } from "./listeners";
import type {
  LocalTracks,
  MediaConnection,
  MediaSession,
  MediaSessionDeps,
  MediaSessionState,
  MediaSource,
  PeerConnection,
  RemoteMedia,
  Signaller,
} from "./media-session";
import {
  DescriptionRejected,
  firstOffer,
  isPolite,
  PerfectNegotiation,
} from "./perfect-negotiation";

/** A connection "disconnected" this long gets an ICE restart (it often heals by itself sooner). */
const DISCONNECTED_RESTART_MS = 2_000;
/** A connection that has not come back this long after an ICE restart is built again. */
const REBUILD_AFTER_MS = 12_000;
/** An offer unanswered this long was lost (the other side went away meanwhile): start afresh. */
const UNANSWERED_OFFER_MS = 8_000;
/** While the server does not answer, a restart or rebuild waits, asking again this often. */
const REACHABLE_RETRY_MS = 1_000;
/** A new connection not up after this long gets an ICE restart (a lost candidate, say). */
const FIRST_CONNECT_MS = 10_000;
/**
 * Two people who meet both learn of each other at about the same moment. Only the impolite one
 * offers at once; the polite one offers only if no offer came in this long. Two crossing offers
 * make the polite side roll its own back, and Chromium then sometimes gathers no candidates for
 * its answer, leaving the pair unconnected until the first-connect restart 10 s later.
 */
const FIRST_OFFER_WAIT_MS = 1_000;
/** A peer first heard of through a signal is kept this long even if the roster lags behind. */
const SIGNALLED_PEER_GRACE_MS = 3_000;
/** Reduced sending quality: half the resolution, at most this many bits a second. */
const REDUCED_SCALE_DOWN = 2;
const REDUCED_MAX_BITRATE = 250_000;

/** The DTLS certificate fingerprint an SDP announces; a new one means a new connection. */
export function sdpFingerprint(sdp: string | undefined): string | null {
  return /^a=fingerprint:\S+ (\S+)/m.exec(sdp ?? "")?.[1] ?? null;
}

/**
 * Whether an offer comes from a different connection than the one we have (the other side
 * reloaded, or left and came back): applying it to ours would work, but only after a slow
 * DTLS restart, so we start afresh instead.
 */
export function isFromNewConnection(
  offerSdp: string | undefined,
  current: { sdp: string } | null,
): boolean {
  if (!current) return false;
  const incoming = sdpFingerprint(offerSdp);
  return incoming !== null && incoming !== sdpFingerprint(current.sdp);
}

/** Tells the other side which of my streams is the camera and which the screen. */
type StreamLabels = { camera: string; screen: string };

function isStreamLabels(value: unknown): value is StreamLabels {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Record<string, unknown>).camera === "string" &&
    typeof (value as Record<string, unknown>).screen === "string"
  );
}

/** One RTCPeerConnection to one other person, negotiated perfectly. */
class MeshPeer {
  readonly pc: RTCPeerConnection;
  readonly negotiation: PerfectNegotiation;
  readonly createdAt = Date.now();
  connection: PeerConnection = "connecting";
  private readonly senders: Partial<Record<MediaSource, RTCRtpSender>> = {};
  private readonly streams = new Map<string, MediaStream>();
  private firstStreamId: string | null = null;
  private labels: StreamLabels | null = null;
  private readonly channel: RTCDataChannel;
  private everConnected = false;
  private disconnectedTimer: ReturnType<typeof setTimeout> | undefined;
  private rebuildTimer: ReturnType<typeof setTimeout> | undefined;
  private offerTimer: ReturnType<typeof setTimeout> | undefined;
  private firstConnectTimer: ReturnType<typeof setTimeout> | undefined;
  private firstOfferTimer: ReturnType<typeof setTimeout> | undefined;
  /** Polite, new to the other side: letting them make the first offer. */
  private awaitingFirstOffer: boolean;
  private readonly reachTimers = new Set<ReturnType<typeof setTimeout>>();
  private closed = false;
  /** Once audio-only has been on, video directions are managed here (and restored after). */
  private everAudioOnly = false;

  constructor(
    readonly userId: string,
    private readonly owner: {
      selfId: string;
      config: RTCConfiguration;
      local: LocalTracks;
      cameraStream: MediaStream;
      screenStream: MediaStream;
      signaller: Signaller;
      changed: () => void;
      rebuild: (peer: MeshPeer) => void;
      audioOnly: () => boolean;
      sendQuality: () => "full" | "reduced";
    },
    readonly signalled: boolean,
    /** How it came to be: see `firstOffer`. */
    how: "met" | "signalled" | "rebuilt",
  ) {
    this.pc = new RTCPeerConnection(owner.config);
    this.negotiation = new PerfectNegotiation(
      this.pc,
      isPolite(owner.selfId, userId),
      (signal: SignalPayload) => owner.signaller.send(userId, signal),
    );
    // Pre-negotiated on both sides (same id), so it never collides and always gives the
    // connection something to negotiate, even when neither side has a camera or microphone.
    this.channel = this.pc.createDataChannel("bridgeway-meta", { negotiated: true, id: 0 });
    this.channel.onopen = () => this.sendLabels();
    this.channel.onmessage = (event: MessageEvent) => this.receiveLabels(event.data);

    const first = firstOffer(this.negotiation.polite, how);
    this.awaitingFirstOffer = first === "after-waiting";
    this.pc.onnegotiationneeded = () => {
      if (!this.awaitingFirstOffer) this.offer();
    };
    this.pc.onicecandidate = (event) => this.negotiation.sendCandidate(event.candidate);
    this.pc.ontrack = (event) => {
      this.addRemoteTrack(event);
      // A video transceiver the other side created: audio-only must not receive it.
      if (this.owner.audioOnly()) this.applyDirections();
    };
    this.pc.onconnectionstatechange = () => this.connectionChanged();
    this.pc.onsignalingstatechange = () => this.signalingChanged();

    for (const source of ["microphone", "camera", "screen"] as const) {
      const track = owner.local[source];
      if (track) this.addTrack(source, track);
    }
    this.applyDirections();
    // Offer now rather than on `negotiationneeded`, which a busy page (the room re-rendering
    // for the newcomer) dispatches tens of milliseconds later. Answering an offer that is
    // already on its way needs none: the answer negotiates everything.
    if (this.awaitingFirstOffer) {
      this.firstOfferTimer = setTimeout(() => {
        this.awaitingFirstOffer = false;
        if (this.pc.signalingState === "stable" && this.pc.remoteDescription === null) this.offer();
      }, FIRST_OFFER_WAIT_MS);
    } else if (first === "now") {
      this.offer();
    }
    this.firstConnectTimer = setTimeout(() => {
      if (!this.closed && !this.everConnected) this.restartIce();
    }, FIRST_CONNECT_MS);
  }

  private offer(): void {
    this.negotiation.negotiate().catch(() => {
      // A failed offer leaves the connection as it was; the next change tries again.
    });
  }

  receive(signal: SignalPayload): Promise<unknown> {
    if ("description" in signal && signal.description.type === "offer") {
      this.awaitingFirstOffer = false;
      clearTimeout(this.firstOfferTimer);
    }
    return this.negotiation.receive(signal);
  }

  async setTrack(source: MediaSource, track: MediaStreamTrack | null): Promise<void> {
    if (this.closed) return;
    const sender = this.senders[source];
    if (!sender) {
      if (track) this.addTrack(source, track);
      return;
    }
    await sender.replaceTrack(track);
    if (source === "camera") await this.applySendQuality();
    this.applyDirections();
  }

  /**
   * Which way each video transceiver carries media. A stopped screen stops being sent at all,
   * so the other side's screen tile goes away; the camera only goes quiet (its tile shows the
   * name while it is off). Audio-only receives no video at all: the other side stops sending
   * it once the new direction is negotiated.
   */
  applyDirections(): void {
    if (this.closed) return;
    const audioOnly = this.owner.audioOnly();
    this.everAudioOnly ||= audioOnly;
    for (const transceiver of this.pc.getTransceivers()) {
      if (transceiver.currentDirection === "stopped") continue;
      const { sender } = transceiver;
      let wanted: RTCRtpTransceiverDirection | null;
      if (sender === this.senders.screen) {
        wanted = sender.track
          ? audioOnly
            ? "sendonly"
            : "sendrecv"
          : audioOnly
            ? "inactive"
            : "recvonly";
      } else if (!this.everAudioOnly) {
        wanted = null;
      } else if (sender === this.senders.camera) {
        wanted = audioOnly ? (sender.track ? "sendonly" : "inactive") : "sendrecv";
      } else if (transceiver.receiver.track.kind === "video") {
        // Created by the other side's offer, to receive their video.
        wanted = audioOnly ? "inactive" : "recvonly";
      } else {
        wanted = null;
      }
      if (wanted && transceiver.direction !== wanted) transceiver.direction = wanted;
    }
  }

  /** Lower resolution and bitrate for the camera on a slow uplink; full quality otherwise. */
  async applySendQuality(): Promise<void> {
    const sender = this.senders.camera;
    if (this.closed || !sender?.track) return;
    const parameters = sender.getParameters();
    if (parameters.encodings.length === 0) return;
    const reduced = this.owner.sendQuality() === "reduced";
    const already = parameters.encodings.every((e) =>
      reduced
        ? e.scaleResolutionDownBy === REDUCED_SCALE_DOWN && e.maxBitrate === REDUCED_MAX_BITRATE
        : e.scaleResolutionDownBy === undefined && e.maxBitrate === undefined,
    );
    // Setting the same parameters still reconfigures the encoder, delaying the first frame of a
    // new connection (this runs when it first connects).
    if (already) return;
    for (const encoding of parameters.encodings) {
      if (reduced) {
        encoding.scaleResolutionDownBy = REDUCED_SCALE_DOWN;
        encoding.maxBitrate = REDUCED_MAX_BITRATE;
      } else {
        delete encoding.scaleResolutionDownBy;
        delete encoding.maxBitrate;
      }
    }
    await sender.setParameters(parameters).catch(() => undefined);
  }

  /**
   * Back after a break (a blackout, a train tunnel): the other side's decoder lost its place and
   * would wait for its own keyframe timer (about 3 s in Chromium) before asking for one. Pausing
   * and resuming each video encoding makes the encoder start again with a keyframe at once.
   */
  private async sendKeyFrames(): Promise<void> {
    for (const sender of [this.senders.camera, this.senders.screen]) {
      if (this.closed || !sender?.track) continue;
      const parameters = sender.getParameters();
      if (parameters.encodings.length === 0 || parameters.encodings.some((e) => e.active === false))
        continue;
      try {
        for (const encoding of parameters.encodings) encoding.active = false;
        await sender.setParameters(parameters);
        const resumed = sender.getParameters();
        for (const encoding of resumed.encodings) encoding.active = true;
        await sender.setParameters(resumed);
      } catch {
        // Changed meanwhile (a new quality, say): that change restarts the encoder itself.
      }
    }
  }

  /** An ICE restart: new candidates on both sides, same connection. */
  restartIce(): void {
    if (this.closed) return;
    this.pc.restartIce();
    this.scheduleRebuild();
  }

  remote(): RemoteMedia {
    let camera: MediaStream | null = null;
    let screen: MediaStream | null = null;
    for (const [id, stream] of this.streams) {
      const isScreen = this.labels ? id === this.labels.screen : id !== this.firstStreamId;
      if (isScreen) screen = stream;
      else camera = stream;
    }
    return {
      userId: this.userId,
      audio: camera && camera.getAudioTracks().length > 0 ? camera : null,
      camera: camera && camera.getVideoTracks().length > 0 ? camera : null,
      screen: screen && screen.getVideoTracks().length > 0 ? screen : null,
      connection: this.connection,
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.disconnectedTimer);
    clearTimeout(this.rebuildTimer);
    clearTimeout(this.offerTimer);
    clearTimeout(this.firstConnectTimer);
    clearTimeout(this.firstOfferTimer);
    for (const timer of this.reachTimers) clearTimeout(timer);
    this.pc.onnegotiationneeded = null;
    this.pc.onsignalingstatechange = null;
    this.pc.onicecandidate = null;
    this.pc.ontrack = null;
    this.pc.onconnectionstatechange = null;
    this.channel.onopen = null;
    this.channel.onmessage = null;
    this.pc.close();
  }

  private addTrack(source: MediaSource, track: MediaStreamTrack): void {
    const stream = source === "screen" ? this.owner.screenStream : this.owner.cameraStream;
    this.senders[source] = this.pc.addTrack(track, stream);
  }

  private sendLabels(): void {
    if (this.channel.readyState !== "open") return;
    const labels: StreamLabels = {
      camera: this.owner.cameraStream.id,
      screen: this.owner.screenStream.id,
    };
    this.channel.send(JSON.stringify(labels));
  }

  private receiveLabels(data: unknown): void {
    if (typeof data !== "string" || data.length > 1_000) return;
    try {
      const parsed: unknown = JSON.parse(data);
      if (isStreamLabels(parsed)) {
        this.labels = { camera: parsed.camera, screen: parsed.screen };
        this.owner.changed();
      }
    } catch {
      // Not ours; ignore.
    }
  }

  private addRemoteTrack(event: RTCTrackEvent): void {
    const stream = event.streams[0] ?? new MediaStream([event.track]);
    if (!this.streams.has(stream.id)) {
      this.streams.set(stream.id, stream);
      this.firstStreamId ??= stream.id;
      stream.onaddtrack = () => this.owner.changed();
      stream.onremovetrack = () => this.owner.changed();
    }
    event.track.onunmute = () => this.owner.changed();
    this.owner.changed();
  }

  private connectionChanged(): void {
    if (this.closed) return;
    const state = this.pc.connectionState;
    clearTimeout(this.disconnectedTimer);
    switch (state) {
      case "connected":
        if (!this.everConnected) void this.applySendQuality();
        else if (this.connection === "reconnecting") void this.sendKeyFrames();
        this.everConnected = true;
        clearTimeout(this.firstConnectTimer);
        clearTimeout(this.rebuildTimer);
        this.rebuildTimer = undefined;
        this.connection = "connected";
        break;
      case "new":
      case "connecting":
        this.connection = this.everConnected ? "reconnecting" : "connecting";
        break;
      case "disconnected":
        this.connection = "reconnecting";
        this.disconnectedTimer = setTimeout(() => {
          this.whenReachable(
            () => this.pc.connectionState === "disconnected",
            () => this.restartIce(),
          );
        }, DISCONNECTED_RESTART_MS);
        break;
      case "failed":
        this.connection = "reconnecting";
        this.whenReachable(
          () => this.pc.connectionState === "failed",
          () => this.restartIce(),
        );
        break;
      case "closed":
        return;
    }
    this.owner.changed();
  }

  private signalingChanged(): void {
    clearTimeout(this.offerTimer);
    if (this.closed || this.pc.signalingState !== "have-local-offer") return;
    this.offerTimer = setTimeout(() => {
      if (this.closed || this.pc.signalingState !== "have-local-offer") return;
      // Media flows again (after a network blackout, say): the answer is only late, coming
      // over a socket whose TCP is still backing off. Rebuilding now would throw away a
      // connection that healed by itself, so wait for the answer a while longer.
      if (this.pc.connectionState === "connected") this.signalingChanged();
      else
        this.whenReachable(
          () => this.pc.signalingState === "have-local-offer" && !this.isConnected(),
          () => this.owner.rebuild(this),
        );
    }, UNANSWERED_OFFER_MS);
  }

  private scheduleRebuild(): void {
    if (this.rebuildTimer !== undefined) return;
    this.rebuildTimer = setTimeout(() => {
      this.rebuildTimer = undefined;
      this.whenReachable(
        () => !this.isConnected(),
        () => this.owner.rebuild(this),
      );
    }, REBUILD_AFTER_MS);
  }

  private isConnected(): boolean {
    return this.pc.connectionState === "connected";
  }

  /**
   * Runs `action` (an ICE restart or a rebuild) once the server answers, while `still` holds:
   * both need offers to cross. During an outage of the whole network (a blackout, a train
   * tunnel) offers would only queue behind a stalled connection, and a rebuild would throw away
   * the connection that heals by itself, without any signal, the moment the network is back.
   */
  private whenReachable(still: () => boolean, action: () => void): void {
    if (this.closed || !still()) return;
    void this.owner.signaller.reachable().then((reachable) => {
      if (this.closed || !still()) return;
      if (reachable) {
        action();
        return;
      }
      const timer = setTimeout(() => {
        this.reachTimers.delete(timer);
        this.whenReachable(still, action);
      }, REACHABLE_RETRY_MS);
      this.reachTimers.add(timer);
    });
  }
}

/**
 * Direct mode: a peer connection to every other person in the room, with offers, answers and
 * ICE candidates carried by the socket. Fine for the small sessions it is allowed for (the
 * server caps them); beyond that, LiveKit.
 */
export class DirectMeshSession implements MediaSession {
  readonly mode = "direct" as const;
  private readonly listeners = new Listeners();
  private readonly peers = new Map<string, MeshPeer>();
  private config: RTCConfiguration = {};
  private audioOnly = false;
  private sendQuality: "full" | "reduced" = "full";
  private local: LocalTracks = { microphone: null, camera: null, screen: null };
  // Stream ids tell the other side which track is which (see StreamLabels).
  private readonly cameraStream = new MediaStream();
  private readonly screenStream = new MediaStream();
  private stopListening: (() => void) | undefined;
  private active = false;
  private state: MediaSessionState = { connection: "idle", remotes: new Map() };

  constructor(private readonly deps: MediaSessionDeps) {}

  connect(credential: MediaCredential, local: LocalTracks): Promise<void> {
    this.renewCredential(credential);
    this.local = { ...local };
    this.active = true;
    this.stopListening ??= this.deps.signaller.listen((from, signal) =>
      this.onSignal(from, signal),
    );
    this.refresh();
    return Promise.resolve();
  }

  async setTrack(source: MediaSource, track: MediaStreamTrack | null): Promise<void> {
    this.local = { ...this.local, [source]: track };
    await Promise.all([...this.peers.values()].map((peer) => peer.setTrack(source, track)));
  }

  setMicrophoneEnabled(): void {
    // The track's own `enabled` flag silences it; nothing to renegotiate.
  }

  setPeers(userIds: readonly string[]): void {
    if (!this.active) return;
    const wanted = new Set(userIds.filter((id) => id !== this.deps.selfId));
    for (const [id, peer] of this.peers) {
      const justArrived = peer.signalled && Date.now() - peer.createdAt < SIGNALLED_PEER_GRACE_MS;
      if (!wanted.has(id) && !justArrived) {
        peer.close();
        this.peers.delete(id);
      }
    }
    for (const id of wanted) if (!this.peers.has(id)) this.createPeer(id, false, "met");
    this.refresh();
  }

  renewCredential(credential: MediaCredential): void {
    if (credential.mode !== "direct") return;
    // New connections use the new servers; live ones keep theirs until they need a restart.
    this.config = { iceServers: credential.iceServers, iceTransportPolicy: iceTransportPolicy() };
    for (const peer of this.peers.values()) {
      try {
        peer.pc.setConfiguration(this.config);
      } catch {
        // Some browsers refuse to change servers mid-call; the old ones still work.
      }
    }
  }

  resume(): void {
    for (const peer of this.peers.values()) {
      if (peer.pc.connectionState !== "connected") peer.restartIce();
    }
  }

  setAudioOnly(on: boolean): void {
    this.audioOnly = on;
    for (const peer of this.peers.values()) peer.applyDirections();
  }

  async setSendQuality(quality: "full" | "reduced"): Promise<void> {
    this.sendQuality = quality;
    await Promise.all([...this.peers.values()].map((peer) => peer.applySendQuality()));
  }

  async getStats(): Promise<RTCStatsReport[]> {
    const reports = await Promise.all(
      [...this.peers.values()].map((peer) => peer.pc.getStats().catch(() => null)),
    );
    return reports.filter((r): r is RTCStatsReport => r !== null);
  }

  getState(): MediaSessionState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  disconnect(): void {
    this.active = false;
    this.stopListening?.();
    this.stopListening = undefined;
    for (const peer of this.peers.values()) peer.close();
    this.peers.clear();
    this.state = { connection: "closed", remotes: new Map() };
    this.listeners.notify();
  }

  private createPeer(
    userId: string,
    signalled: boolean,
    how: "met" | "signalled" | "rebuilt",
  ): MeshPeer {
    const peer = new MeshPeer(
      userId,
      {
        selfId: this.deps.selfId,
        config: this.config,
        local: this.local,
        cameraStream: this.cameraStream,
        screenStream: this.screenStream,
        signaller: this.deps.signaller,
        changed: () => this.refresh(),
        rebuild: (old) => this.rebuild(old.userId),
        audioOnly: () => this.audioOnly,
        sendQuality: () => this.sendQuality,
      },
      signalled,
      how,
    );
    this.peers.set(userId, peer);
    return peer;
  }

  private rebuild(userId: string, offer?: SignalPayload): void {
    const old = this.peers.get(userId);
    if (!old || !this.active) return;
    old.close();
    // Answering the other side's new offer, or offering anew from a connection of our own.
    const peer = this.createPeer(userId, old.signalled, offer ? "signalled" : "rebuilt");
    if (offer) void peer.receive(offer).catch(() => undefined);
    this.refresh();
  }

  private onSignal(from: string, signal: SignalPayload): void {
    if (!this.active || from === this.deps.selfId) return;
    const existing = this.peers.get(from);
    if (
      existing &&
      "description" in signal &&
      signal.description.type === "offer" &&
      isFromNewConnection(signal.description.sdp, existing.pc.remoteDescription)
    ) {
      this.rebuild(from, signal);
      return;
    }
    const peer = existing ?? this.createPeer(from, true, "signalled");
    peer.receive(signal).catch((error: unknown) => {
      // The other side started afresh (a reload, or it rebuilt a failed connection): its
      // description cannot apply to our old connection, so start afresh too, answering its
      // offer (or, for an answer, offering anew from the fresh connection).
      if (error instanceof DescriptionRejected)
        this.rebuild(from, error.type === "offer" ? signal : undefined);
    });
  }

  private refresh(): void {
    const remotes = new Map<string, RemoteMedia>();
    for (const [id, peer] of this.peers) remotes.set(id, peer.remote());
    this.state = { connection: this.active ? overall(remotes) : "closed", remotes };
    this.listeners.notify();
  }
}

/**
 * This browser's connection as a whole: reconnecting only when every connection is (one
 * person's bad network shows on their tile, not as a banner for everyone).
 */
export function overall(
  remotes: ReadonlyMap<string, { connection: PeerConnection }>,
): MediaConnection {
  const states = [...remotes.values()].map((r) => r.connection);
  if (states.length === 0) return "connected";
  if (states.some((s) => s === "connected")) return "connected";
  if (states.every((s) => s === "reconnecting")) return "reconnecting";
  return "connecting";
}
