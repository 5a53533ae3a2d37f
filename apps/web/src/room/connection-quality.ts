/**
 * How this browser's link is doing, judged from WebRTC statistics: whether to suggest
 * audio-only, and whether to send the camera at lower quality. Plain TypeScript over
 * RTCStatsReport-shaped data, so it is tested without a browser.
 */

/** One reading of the link, from every connection's statistics. */
export type LinkSample = {
  /** Packets lost out of those expected since the previous reading, 0–1; null with no traffic. */
  loss: number | null;
  /** Round-trip time of the connection in use, in milliseconds. */
  rttMs: number | null;
  /** What the browser's bandwidth estimate says it may send, in kbit/s. */
  availableKbps: number | null;
};

/**
 * Running totals carried from one reading to the next, to turn counters into rates: packets
 * received and lost, and bytes sent by each outgoing video stream (by its statistics id).
 */
export type LinkCounters = { received: number; lost: number; videoBytes?: Record<string, number> };

/** Past these, audio-only is suggested: video would freeze, voices would break up. */
export const POOR_LOSS = 0.08;
export const POOR_RTT_MS = 700;
export const POOR_AVAILABLE_KBPS = 200;
/** Below this uplink the camera is sent at lower quality. */
export const LIMITED_AVAILABLE_KBPS = 700;

type StatsEntry = Record<string, unknown> & { type: string; id: string };

const num = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

function entries(reports: readonly RTCStatsReport[]): StatsEntry[] {
  const out: StatsEntry[] = [];
  for (const report of reports) report.forEach((value: StatsEntry) => out.push(value));
  return out;
}

/**
 * Whether a connection is carrying our video now: an outgoing video stream that encodes frames or
 * whose byte count grew since the last reading. A connection with outgoing audio and no video
 * moving is not (we are audio-only, or the other side is and receives none of our video).
 */
function sendsVideo(
  stats: readonly StatsEntry[],
  previous: Record<string, number> | undefined,
): boolean | null {
  let audio = false;
  let video = false;
  for (const s of stats) {
    if (s.type !== "outbound-rtp") continue;
    const kind = s.kind ?? s.mediaType;
    if (kind === "audio") audio = true;
    if (kind !== "video") continue;
    const bytes = num(s.bytesSent);
    const before = previous?.[s.id];
    if (
      (num(s.framesPerSecond) ?? 0) > 0 ||
      (bytes !== null && before !== undefined && bytes > before)
    )
      video = true;
  }
  if (video) return true;
  return audio ? false : null;
}

/** Reads one sample from the reports; `previous` counters turn loss into a rate. */
export function readLink(
  reports: readonly RTCStatsReport[],
  previous: LinkCounters | null,
): { sample: LinkSample; counters: LinkCounters } {
  let received = 0;
  let lost = 0;
  let remoteLoss: number | null = null;
  const rtts: number[] = [];
  const available: number[] = [];
  const videoBytes: Record<string, number> = {};
  for (const report of reports) {
    const stats = entries([report]);
    // The uplink estimate of a connection that carries no video of ours says nothing of the
    // uplink: with only audio to send the browser never probes higher, and the estimate sinks.
    const estimateCounts = sendsVideo(stats, previous?.videoBytes) !== false;
    for (const s of stats) {
      if (s.type === "inbound-rtp") {
        received += num(s.packetsReceived) ?? 0;
        lost += Math.max(0, num(s.packetsLost) ?? 0);
      } else if (s.type === "outbound-rtp" && (s.kind ?? s.mediaType) === "video") {
        const bytes = num(s.bytesSent);
        if (bytes !== null) videoBytes[s.id] = bytes;
      } else if (s.type === "remote-inbound-rtp") {
        // What the other side says it lost of what we sent.
        const fraction = num(s.fractionLost);
        if (fraction !== null) remoteLoss = Math.max(remoteLoss ?? 0, fraction);
      } else if (s.type === "candidate-pair" && s.state === "succeeded" && s.nominated === true) {
        const rtt = num(s.currentRoundTripTime);
        if (rtt !== null) rtts.push(rtt * 1000);
        const bitrate = num(s.availableOutgoingBitrate);
        if (bitrate !== null && estimateCounts) available.push(bitrate / 1000);
      }
    }
  }
  let loss: number | null = null;
  if (previous) {
    const expected = received - previous.received + (lost - previous.lost);
    if (expected > 0) loss = Math.max(0, lost - previous.lost) / expected;
  }
  if (remoteLoss !== null) loss = Math.max(loss ?? 0, remoteLoss);
  return {
    sample: {
      loss,
      rttMs: rtts.length ? Math.max(...rtts) : null,
      availableKbps: available.length ? Math.min(...available) : null,
    },
    counters: { received, lost, videoBytes },
  };
}

/** Whether one sample is poor enough that audio-only would serve the person better. */
export function isPoor(sample: LinkSample): boolean {
  return (
    (sample.loss !== null && sample.loss >= POOR_LOSS) ||
    (sample.rttMs !== null && sample.rttMs >= POOR_RTT_MS) ||
    (sample.availableKbps !== null && sample.availableKbps < POOR_AVAILABLE_KBPS)
  );
}

/** Whether the uplink is too slow for full-quality video. */
export function isLimited(sample: LinkSample): boolean {
  return sample.availableKbps !== null && sample.availableKbps < LIMITED_AVAILABLE_KBPS;
}

/** What the room tells the person about their link. */
export type LinkAdvice = {
  /** Audio-only would serve better; the room suggests it (it never switches by itself). */
  suggestAudioOnly: boolean;
  /** The camera goes out at lower quality; the room says so. */
  reduceVideo: boolean;
};

/**
 * Judges the link over the last few samples, so one bad reading does not flap the advice:
 * advice turns on after `window` bad samples in a row and off after `window` good ones.
 */
export class LinkJudge {
  private poorRun = 0;
  private goodRun = 0;
  private limitedRun = 0;
  private fullRun = 0;
  private advice: LinkAdvice = { suggestAudioOnly: false, reduceVideo: false };

  constructor(private readonly window = 2) {}

  add(sample: LinkSample): LinkAdvice {
    if (isPoor(sample)) {
      this.poorRun += 1;
      this.goodRun = 0;
    } else {
      this.goodRun += 1;
      this.poorRun = 0;
    }
    if (isLimited(sample)) {
      this.limitedRun += 1;
      this.fullRun = 0;
    } else if (sample.availableKbps !== null) {
      this.fullRun += 1;
      this.limitedRun = 0;
    }
    let { suggestAudioOnly, reduceVideo } = this.advice;
    if (this.poorRun >= this.window) suggestAudioOnly = true;
    if (this.goodRun >= this.window * 2) suggestAudioOnly = false;
    if (this.limitedRun >= this.window) reduceVideo = true;
    // Reduced video asks for less, so the estimate rises slowly: wait longer before going back.
    if (this.fullRun >= this.window * 3) reduceVideo = false;
    this.advice = { suggestAudioOnly, reduceVideo };
    return this.advice;
  }
}
