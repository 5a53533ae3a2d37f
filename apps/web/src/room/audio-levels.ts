import { Listeners } from "./listeners";

/** How often levels are read: often enough for a lively meter, rarely enough to stay cheap. */
export const LEVEL_INTERVAL_MS = 100;
/** The meter shows this many steps; levels are compared in steps so small jitter is ignored. */
export const METER_STEPS = 12;
const START_SPEAKING = 0.45;
const STOP_SPEAKING = 0.33;
const SPEAKING_HOLD_MS = 700;

/**
 * Loudness of a block of samples (-1..1) as 0..1: the RMS in dBFS, with -60 dB and below as 0
 * and full scale as 1. Speech at a normal distance sits around 0.5-0.8.
 */
export function levelFromSamples(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const s of samples) sum += s * s;
  const rms = Math.sqrt(sum / samples.length);
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db + 60) / 60));
}

/** A level as a whole number of meter steps. */
export function levelSteps(level: number): number {
  return Math.round(Math.min(1, Math.max(0, level)) * METER_STEPS);
}

/**
 * Whether someone is speaking, with hysteresis: it starts when the level rises above one
 * threshold and ends only after it has stayed below a lower one for a moment, so the highlight
 * does not flicker between words.
 */
export class SpeakingTracker {
  private speaking = false;
  private quietSince: number | null = null;

  update(level: number, now: number): boolean {
    if (level >= START_SPEAKING) {
      this.speaking = true;
      this.quietSince = null;
    } else if (this.speaking && level < STOP_SPEAKING) {
      this.quietSince ??= now;
      if (now - this.quietSince >= SPEAKING_HOLD_MS) {
        this.speaking = false;
        this.quietSince = null;
      }
    } else {
      this.quietSince = null;
    }
    return this.speaking;
  }
}

type Watched = {
  stream: MediaStream;
  trackId: string;
  source: MediaStreamAudioSourceNode;
  analyser: AnalyserNode;
  buffer: Float32Array<ArrayBuffer>;
  tracker: SpeakingTracker;
  steps: number;
  speaking: boolean;
};

export type AudioLevelsSnapshot = {
  /** Level in meter steps, per watched id. */
  steps: ReadonlyMap<string, number>;
  speaking: ReadonlySet<string>;
  /** The last person (other than "self") who started speaking; stays until someone else does. */
  activeSpeaker: string | null;
};

/**
 * Audio levels of several streams (mine and everyone else's) with Web Audio analysers: the
 * microphone meter and the "speaking" highlight read from here.
 */
export class AudioLevels {
  private context: AudioContext | null = null;
  private readonly watched = new Map<string, Watched>();
  private readonly listeners = new Listeners();
  private timer: ReturnType<typeof setInterval> | undefined;
  private snapshot: AudioLevelsSnapshot = {
    steps: new Map(),
    speaking: new Set(),
    activeSpeaker: null,
  };

  constructor(
    private readonly createContext: () => AudioContext | null = () =>
      typeof AudioContext === "function" ? new AudioContext() : null,
    private readonly now: () => number = () => performance.now(),
  ) {}

  getSnapshot = (): AudioLevelsSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => this.listeners.add(listener);

  /** Browsers start audio suspended until the person interacts; call from a click. */
  resume(): void {
    void this.context?.resume().catch(() => undefined);
  }

  /** Follows the audio of `stream` as `id`; null (or a stream without audio) stops. */
  watch(id: string, stream: MediaStream | null): void {
    const track = stream?.getAudioTracks()[0];
    const current = this.watched.get(id);
    if (current && stream && current.stream === stream && current.trackId === track?.id) return;
    if (current) {
      current.source.disconnect();
      this.watched.delete(id);
    }
    if (!stream || !track) {
      this.publish();
      return;
    }
    if (!this.context) {
      this.context = this.createContext();
      this.resumeOnFirstGesture();
    }
    const context = this.context;
    if (!context) return;
    try {
      const source = context.createMediaStreamSource(stream);
      const analyser = context.createAnalyser();
      analyser.fftSize = 1024;
      source.connect(analyser);
      this.watched.set(id, {
        stream,
        trackId: track.id,
        source,
        analyser,
        buffer: new Float32Array(analyser.fftSize),
        tracker: new SpeakingTracker(),
        steps: 0,
        speaking: false,
      });
    } catch {
      // A stream Web Audio cannot read (no audio yet): no level for it.
    }
    this.timer ??= setInterval(() => this.tick(), LEVEL_INTERVAL_MS);
  }

  /**
   * Browsers keep a new AudioContext suspended until the person interacts with the page; the
   * meter comes alive at their first click or key press, whatever it is on.
   */
  private resumeOnFirstGesture(): void {
    if (typeof document === "undefined") return;
    const resume = () => {
      this.resume();
      document.removeEventListener("pointerdown", resume, true);
      document.removeEventListener("keydown", resume, true);
    };
    document.addEventListener("pointerdown", resume, true);
    document.addEventListener("keydown", resume, true);
  }

  /** Stops following every id not in `ids`. */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const id of [...this.watched.keys()]) if (!ids.has(id)) this.watch(id, null);
  }

  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    for (const w of this.watched.values()) w.source.disconnect();
    this.watched.clear();
    void this.context?.close().catch(() => undefined);
    this.context = null;
    this.listeners.clear();
  }

  private tick(): void {
    const now = this.now();
    let changed = false;
    let activeSpeaker = this.snapshot.activeSpeaker;
    for (const [id, w] of this.watched) {
      w.analyser.getFloatTimeDomainData(w.buffer);
      // A muted (disabled) track gives silence, which is what the meter should show.
      const live = w.stream.getAudioTracks().some((t) => t.enabled && t.readyState === "live");
      const level = live ? levelFromSamples(w.buffer) : 0;
      const steps = levelSteps(level);
      const speaking = w.tracker.update(level, now);
      if (speaking && !w.speaking && id !== "self") activeSpeaker = id;
      if (steps !== w.steps || speaking !== w.speaking) changed = true;
      w.steps = steps;
      w.speaking = speaking;
    }
    if (activeSpeaker !== null && activeSpeaker !== this.snapshot.activeSpeaker) changed = true;
    if (changed) this.publish(activeSpeaker);
  }

  private publish(activeSpeaker = this.snapshot.activeSpeaker): void {
    const steps = new Map<string, number>();
    const speaking = new Set<string>();
    for (const [id, w] of this.watched) {
      steps.set(id, w.steps);
      if (w.speaking) speaking.add(id);
    }
    this.snapshot = { steps, speaking, activeSpeaker };
    this.listeners.notify();
  }
}
