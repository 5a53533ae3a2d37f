import { describe, expect, it } from "vitest";
import { levelFromSamples, levelSteps, METER_STEPS, SpeakingTracker } from "./audio-levels";

const tone = (amplitude: number) =>
  Float32Array.from({ length: 1024 }, (_, i) => amplitude * Math.sin((2 * Math.PI * i) / 32));

describe("audio levels", () => {
  it("reads silence as zero and a full-scale tone as nearly full", () => {
    expect(levelFromSamples(new Float32Array(1024))).toBe(0);
    expect(levelFromSamples(new Float32Array(0))).toBe(0);
    expect(levelFromSamples(tone(1))).toBeGreaterThan(0.9);
  });

  it("puts ordinary speech loudness in the middle of the meter", () => {
    // About -26 dBFS RMS.
    const level = levelFromSamples(tone(0.07));
    expect(level).toBeGreaterThan(0.4);
    expect(level).toBeLessThan(0.7);
    expect(levelSteps(level)).toBeGreaterThan(0);
    expect(levelSteps(1)).toBe(METER_STEPS);
  });
});

describe("speaking", () => {
  it("starts at once above the threshold and ends only after a quiet moment", () => {
    const tracker = new SpeakingTracker();
    expect(tracker.update(0.2, 0)).toBe(false);
    expect(tracker.update(0.6, 100)).toBe(true);
    // A pause between words keeps the highlight.
    expect(tracker.update(0.1, 200)).toBe(true);
    expect(tracker.update(0.1, 600)).toBe(true);
    expect(tracker.update(0.6, 700)).toBe(true);
    expect(tracker.update(0.1, 800)).toBe(true);
    expect(tracker.update(0.1, 1600)).toBe(false);
  });

  it("does not flicker on a level between the two thresholds", () => {
    const tracker = new SpeakingTracker();
    expect(tracker.update(0.4, 0)).toBe(false);
    tracker.update(0.6, 100);
    expect(tracker.update(0.4, 2000)).toBe(true);
  });
});
