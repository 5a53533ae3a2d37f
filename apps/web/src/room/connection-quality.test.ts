import { describe, expect, it } from "vitest";
import { isLimited, isPoor, LinkJudge, readLink, type LinkSample } from "./connection-quality";

/** A stand-in for RTCStatsReport: a map of stats by id. */
function report(...stats: Record<string, unknown>[]): RTCStatsReport {
  const entries = new Map(stats.map((s, i) => [`stat-${i}`, s]));
  return entries;
}

const pair = (rtt: number, availableBps?: number) => ({
  id: "pair",
  type: "candidate-pair",
  state: "succeeded",
  nominated: true,
  currentRoundTripTime: rtt,
  ...(availableBps === undefined ? {} : { availableOutgoingBitrate: availableBps }),
});

const good: LinkSample = { loss: 0, rttMs: 40, availableKbps: 2500 };

describe("reading the link from WebRTC statistics", () => {
  it("turns packet counters into the loss since the last reading, and reads RTT and the uplink estimate", () => {
    const first = readLink(
      [
        report(
          { id: "in", type: "inbound-rtp", packetsReceived: 1000, packetsLost: 10 },
          pair(0.12, 600_000),
        ),
      ],
      null,
    );
    expect(first.sample).toEqual({ loss: null, rttMs: 120, availableKbps: 600 });
    const second = readLink(
      [
        report(
          { id: "in", type: "inbound-rtp", packetsReceived: 1900, packetsLost: 110 },
          pair(0.15),
        ),
      ],
      first.counters,
    );
    expect(second.sample.loss).toBeCloseTo(0.1);
    expect(second.sample.rttMs).toBeCloseTo(150);
    expect(second.sample.availableKbps).toBeNull();
  });

  it("takes the worst of every connection, and the loss the other side reports", () => {
    const { sample } = readLink(
      [
        report(pair(0.05, 3_000_000)),
        report(pair(0.4, 400_000), { id: "r", type: "remote-inbound-rtp", fractionLost: 0.2 }),
      ],
      null,
    );
    expect(sample).toEqual({ loss: 0.2, rttMs: 400, availableKbps: 400 });
  });

  it("ignores the uplink estimate of a connection that carries only our audio", () => {
    const audioOut = { id: "oa", type: "outbound-rtp", kind: "audio", bytesSent: 50_000 };
    const videoOut = (bytesSent: number, framesPerSecond?: number) => ({
      id: "ov",
      type: "outbound-rtp",
      kind: "video",
      bytesSent,
      ...(framesPerSecond === undefined ? {} : { framesPerSecond }),
    });
    // To an audio-only peer we send audio alone: its estimate sinks, the uplink is not slow.
    const first = readLink(
      [report(pair(0.05, 2_000_000), videoOut(900_000, 30)), report(pair(0.05, 90_000), audioOut)],
      null,
    );
    expect(first.sample.availableKbps).toBe(2000);
    // A video stream stopped (no frames, no bytes since the last reading) counts as none.
    const second = readLink(
      [
        report(pair(0.05, 1_800_000), videoOut(1_400_000)),
        report(pair(0.05, 80_000), audioOut, { ...videoOut(10_000), id: "ov2" }),
      ],
      { ...first.counters, videoBytes: { ...first.counters.videoBytes, ov2: 10_000 } },
    );
    expect(second.sample.availableKbps).toBe(1800);
    // Once video moves on that connection again, its estimate is the uplink's again.
    const third = readLink(
      [report(pair(0.05, 300_000), audioOut, { ...videoOut(40_000), id: "ov2" })],
      second.counters,
    );
    expect(third.sample.availableKbps).toBe(300);
    // Sending nothing but audio anywhere (audio-only ourselves): no estimate to judge by.
    expect(readLink([report(pair(0.05, 60_000), audioOut)], null).sample.availableKbps).toBeNull();
  });

  it("ignores candidate pairs that are not the one in use", () => {
    const { sample } = readLink(
      [report({ ...pair(2, 10_000), nominated: false }, { ...pair(2), state: "failed" })],
      null,
    );
    expect(sample).toEqual({ loss: null, rttMs: null, availableKbps: null });
  });
});

describe("judging the link", () => {
  it("calls heavy loss, a long round trip or a tiny uplink poor, and a slow uplink limited", () => {
    expect(isPoor(good)).toBe(false);
    expect(isPoor({ ...good, loss: 0.1 })).toBe(true);
    expect(isPoor({ ...good, rttMs: 900 })).toBe(true);
    expect(isPoor({ ...good, availableKbps: 150 })).toBe(true);
    expect(isPoor({ ...good, loss: 0.03, rttMs: 300 })).toBe(false);
    expect(isLimited({ ...good, availableKbps: 550 })).toBe(true);
    expect(isLimited(good)).toBe(false);
  });

  it("suggests audio-only only after bad readings in a row, and withdraws it after good ones", () => {
    const judge = new LinkJudge(2);
    const bad = { ...good, loss: 0.2 };
    expect(judge.add(bad).suggestAudioOnly).toBe(false);
    expect(judge.add(good).suggestAudioOnly).toBe(false);
    expect(judge.add(bad).suggestAudioOnly).toBe(false);
    expect(judge.add(bad).suggestAudioOnly).toBe(true);
    for (let i = 0; i < 3; i += 1) expect(judge.add(good).suggestAudioOnly).toBe(true);
    expect(judge.add(good).suggestAudioOnly).toBe(false);
  });

  it("reduces video on a slow uplink and restores it once the uplink stays fast", () => {
    const judge = new LinkJudge(2);
    const slow = { ...good, availableKbps: 500 };
    judge.add(slow);
    expect(judge.add(slow).reduceVideo).toBe(true);
    // A reading without an estimate changes nothing.
    expect(judge.add({ ...good, availableKbps: null }).reduceVideo).toBe(true);
    for (let i = 0; i < 5; i += 1) expect(judge.add(good).reduceVideo).toBe(true);
    expect(judge.add(good).reduceVideo).toBe(false);
  });
});
