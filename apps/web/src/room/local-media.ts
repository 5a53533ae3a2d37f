import { Listeners } from "./listeners";
import type { LocalTracks, MediaSource } from "./media-session";

/** Why a camera or microphone is not available, in terms the help text can answer. */
export type DeviceProblem = "denied" | "not-found" | "in-use" | "unsupported" | "failed";

export type DeviceOption = { deviceId: string; label: string };

export type DeviceState = {
  /** The person wants it on (a microphone can be on but muted: see `LocalMediaState`). */
  on: boolean;
  track: MediaStreamTrack | null;
  /** The chosen device, when the person picked one. */
  deviceId: string | null;
  problem: DeviceProblem | null;
  devices: DeviceOption[];
};

export type LocalMediaState = {
  status: "idle" | "starting" | "ready";
  microphone: DeviceState;
  camera: DeviceState;
  screen: MediaStreamTrack | null;
  /** The camera alone, for the self view; a new stream whenever the camera track changes. */
  preview: MediaStream | null;
  /** The microphone alone, for the level meter. */
  microphoneStream: MediaStream | null;
};

/** Maps a getUserMedia / getDisplayMedia failure to what we can tell the person. */
export function deviceProblem(error: unknown): DeviceProblem {
  const name = typeof error === "object" && error !== null && "name" in error ? error.name : "";
  switch (name) {
    case "NotAllowedError":
    case "PermissionDeniedError":
    case "SecurityError":
      return "denied";
    case "NotFoundError":
    case "DevicesNotFoundError":
    case "OverconstrainedError":
      return "not-found";
    case "NotReadableError":
    case "TrackStartError":
    case "AbortError":
      return "in-use";
    default:
      return "failed";
  }
}

const AUDIO: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};
// Modest video: in direct mode each browser sends to everyone else.
const VIDEO: MediaTrackConstraints = {
  width: { ideal: 640 },
  height: { ideal: 360 },
  frameRate: { ideal: 24, max: 30 },
};

const emptyDevice = (on: boolean): DeviceState => ({
  on,
  track: null,
  deviceId: null,
  problem: null,
  devices: [],
});

type Kind = "microphone" | "camera";

/**
 * This browser's camera, microphone and screen: asking for them, device choice, on and off.
 * The microphone stays open while muted (its track is disabled), so unmuting is instant; the
 * camera is released when turned off, so its light goes out.
 */
export class LocalMedia {
  private readonly listeners = new Listeners();
  private readonly trackListeners = new Set<
    (source: MediaSource, track: MediaStreamTrack | null) => void
  >();
  private state: LocalMediaState = {
    status: "idle",
    microphone: emptyDevice(true),
    camera: emptyDevice(true),
    screen: null,
    preview: null,
    microphoneStream: null,
  };
  private stopped = false;
  private readonly onDeviceChange = () => void this.refreshDevices();

  constructor(
    // Undefined outside a secure context (plain http other than localhost).
    private readonly media: MediaDevices | undefined = globalThis.navigator.mediaDevices,
  ) {}

  getState = (): LocalMediaState => this.state;

  subscribe = (listener: () => void): (() => void) => this.listeners.add(listener);

  /** Called when a track itself changes (not when the microphone is only muted). */
  onTrackChange(
    listener: (source: MediaSource, track: MediaStreamTrack | null) => void,
  ): () => void {
    this.trackListeners.add(listener);
    return () => this.trackListeners.delete(listener);
  }

  /** What to send right now. */
  tracks(): LocalTracks {
    return {
      microphone: this.state.microphone.track,
      camera: this.state.camera.track,
      screen: this.state.screen,
    };
  }

  /** Whether the microphone is actually sending sound. */
  microphoneLive(): boolean {
    return this.state.microphone.on && this.state.microphone.track !== null;
  }

  /** Asks for the camera and microphone the person wants on. */
  async start(): Promise<void> {
    if (this.state.status !== "idle") return;
    if (!this.media?.getUserMedia) {
      this.set({
        status: "ready",
        microphone: { ...this.state.microphone, problem: "unsupported" },
        camera: { ...this.state.camera, problem: "unsupported" },
      });
      return;
    }
    this.set({ status: "starting" });
    this.media.addEventListener("devicechange", this.onDeviceChange);
    const wantVideo = this.state.camera.on;
    let stream: MediaStream | null = null;
    try {
      stream = await this.media.getUserMedia({
        // The microphone opens even when muted: for the meter, and so unmuting is instant.
        audio: AUDIO,
        video: wantVideo ? VIDEO : false,
      });
    } catch {
      // One missing or blocked device fails both; ask for each alone to learn which.
    }
    if (this.stopped) {
      stream?.getTracks().forEach((t) => t.stop());
      return;
    }
    if (stream) {
      this.adopt("microphone", stream.getAudioTracks()[0] ?? null);
      if (wantVideo) this.adopt("camera", stream.getVideoTracks()[0] ?? null);
    } else {
      await this.acquire("microphone");
      if (wantVideo) await this.acquire("camera");
    }
    await this.refreshDevices();
    this.set({ status: "ready" });
  }

  async setMicrophone(on: boolean): Promise<void> {
    const mic = this.state.microphone;
    if (on && !mic.track) {
      this.set({ microphone: { ...mic, on: true } });
      await this.acquire("microphone");
      return;
    }
    if (mic.track) mic.track.enabled = on;
    this.set({ microphone: { ...this.state.microphone, on } });
  }

  async setCamera(on: boolean): Promise<void> {
    const camera = this.state.camera;
    if (!on) {
      this.set({ camera: { ...camera, on: false } });
      this.replace("camera", null);
      return;
    }
    this.set({ camera: { ...camera, on: true } });
    if (!camera.track) await this.acquire("camera");
  }

  async selectDevice(kind: Kind, deviceId: string): Promise<void> {
    this.set({ [kind]: { ...this.state[kind], deviceId } });
    if (this.state[kind].on || kind === "microphone") await this.acquire(kind);
  }

  /** Shares a screen or window; resolves false when the person cancelled or it failed. */
  async startScreenShare(): Promise<boolean> {
    if (!this.media?.getDisplayMedia) return false;
    try {
      const stream = await this.media.getDisplayMedia({ video: true, audio: false });
      const track = stream.getVideoTracks()[0];
      if (!track || this.stopped) {
        stream.getTracks().forEach((t) => t.stop());
        return false;
      }
      // The browser's own "Stop sharing" button ends the track.
      track.addEventListener("ended", () => {
        if (this.state.screen === track) this.stopScreenShare();
      });
      this.state.screen?.stop();
      this.set({ screen: track });
      this.emitTrack("screen", track);
      return true;
    } catch {
      return false;
    }
  }

  stopScreenShare(): void {
    const track = this.state.screen;
    if (!track) return;
    track.stop();
    this.set({ screen: null });
    this.emitTrack("screen", null);
  }

  /** Asks for the devices again after stop(): someone let back in after being removed. */
  async restart(): Promise<void> {
    this.stopped = false;
    this.set({ status: "idle" });
    await this.start();
  }

  /** Releases every device. */
  stop(): void {
    this.stopped = true;
    this.media?.removeEventListener("devicechange", this.onDeviceChange);
    this.state.microphone.track?.stop();
    this.state.camera.track?.stop();
    this.state.screen?.stop();
    this.set({
      microphone: { ...this.state.microphone, track: null },
      camera: { ...this.state.camera, track: null },
      screen: null,
      preview: null,
      microphoneStream: null,
    });
  }

  private async acquire(kind: Kind): Promise<void> {
    const media = this.media;
    if (!media?.getUserMedia) return;
    const chosen = this.state[kind].deviceId;
    const base = kind === "microphone" ? AUDIO : VIDEO;
    const constraints = chosen ? { ...base, deviceId: { exact: chosen } } : base;
    try {
      const stream = await media.getUserMedia(
        kind === "microphone" ? { audio: constraints } : { video: constraints },
      );
      const track = (kind === "microphone" ? stream.getAudioTracks() : stream.getVideoTracks())[0];
      if (this.stopped || (kind === "camera" && !this.state.camera.on)) {
        stream.getTracks().forEach((t) => t.stop());
        return;
      }
      this.adopt(kind, track ?? null);
      await this.refreshDevices();
    } catch (error) {
      if (this.stopped) return;
      this.set({ [kind]: { ...this.state[kind], problem: deviceProblem(error) } });
    }
  }

  private adopt(kind: Kind, track: MediaStreamTrack | null): void {
    if (track) {
      if (kind === "microphone") track.enabled = this.state.microphone.on;
      track.addEventListener("ended", () => {
        // Unplugged, or taken away by the system.
        if (this.state[kind].track === track) {
          this.set({ [kind]: { ...this.state[kind], problem: "not-found" } });
          this.replace(kind, null);
        }
      });
    }
    this.set({
      [kind]: {
        ...this.state[kind],
        problem: track ? null : "not-found",
        deviceId: track?.getSettings().deviceId ?? this.state[kind].deviceId,
      },
    });
    this.replace(kind, track);
  }

  private replace(kind: Kind, track: MediaStreamTrack | null): void {
    const old = this.state[kind].track;
    if (old === track) return;
    old?.stop();
    this.set({
      [kind]: { ...this.state[kind], track },
      ...(kind === "camera"
        ? { preview: track ? new MediaStream([track]) : null }
        : { microphoneStream: track ? new MediaStream([track]) : null }),
    });
    this.emitTrack(kind, track);
  }

  private async refreshDevices(): Promise<void> {
    if (!this.media?.enumerateDevices) return;
    let all: MediaDeviceInfo[];
    try {
      all = await this.media.enumerateDevices();
    } catch {
      return;
    }
    const options = (kind: MediaDeviceKind, noun: string): DeviceOption[] =>
      all
        .filter((d) => d.kind === kind && d.deviceId !== "")
        .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `${noun} ${i + 1}` }));
    this.set({
      microphone: { ...this.state.microphone, devices: options("audioinput", "Microphone") },
      camera: { ...this.state.camera, devices: options("videoinput", "Camera") },
    });
  }

  private emitTrack(source: MediaSource, track: MediaStreamTrack | null): void {
    for (const listener of this.trackListeners) listener(source, track);
  }

  private set(patch: Partial<LocalMediaState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.notify();
  }
}
