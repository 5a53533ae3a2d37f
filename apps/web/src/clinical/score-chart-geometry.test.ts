import { INSTRUMENT_DEFINITIONS, severityLabel, type Instrument } from "@bridgeway/domain";
import { describe, expect, it } from "vitest";
import {
  BAND_LABEL_MAX_CHARS,
  bandLabelLines,
  CHART,
  labelledIndexes,
  pointsFor,
  polylinePoints,
  scoreY,
  severityBands,
} from "./score-chart-geometry";

const AXIS_Y = CHART.height - CHART.bottom;
const PLOT_RIGHT = CHART.width - CHART.right;

describe("score chart geometry", () => {
  it("puts a total of 0 on the axis and the instrument's maximum at the top", () => {
    expect(scoreY("PHQ9", 0)).toBe(AXIS_Y);
    expect(scoreY("PHQ9", 27)).toBe(CHART.top);
    expect(scoreY("GAD7", 21)).toBe(CHART.top);
    // Halfway up for half the maximum, and higher totals higher up (smaller y).
    expect(scoreY("GAD7", 10.5)).toBeCloseTo((AXIS_Y + CHART.top) / 2);
    expect(scoreY("PHQ9", 20)).toBeLessThan(scoreY("PHQ9", 19));
  });

  it("draws the PHQ-9's five published bands lowest first, each from its cut-point to the next", () => {
    const bands = severityBands("PHQ9");
    expect(bands.map((b) => [b.severity, b.from, b.to])).toEqual([
      ["minimal", 0, 5],
      ["mild", 5, 10],
      ["moderate", 10, 15],
      ["moderately-severe", 15, 20],
      ["severe", 20, 27],
    ]);
    const bottom = (b: { y: number; height: number } | undefined) => (b ? b.y + b.height : NaN);
    expect(bottom(bands[0])).toBeCloseTo(AXIS_Y);
    expect(bands[4]?.y).toBeCloseTo(CHART.top);
    expect(bands[0]?.height).toBeCloseTo(((AXIS_Y - CHART.top) * 5) / 27);
    // No gaps and no overlaps: each band's top is the bottom of the one above it.
    for (let i = 0; i < bands.length - 1; i += 1) {
      expect(bands[i]?.y).toBeCloseTo(bottom(bands[i + 1]));
    }
  });

  it("uses the GAD-7's four bands, with no moderately severe band", () => {
    expect(severityBands("GAD7").map((b) => [b.severity, b.from, b.to])).toEqual([
      ["minimal", 0, 5],
      ["mild", 5, 10],
      ["moderate", 10, 15],
      ["severe", 15, 21],
    ]);
  });

  it("spreads results across the plot by time, not by their order", () => {
    const points = pointsFor("PHQ9", [
      { completedAt: "2026-11-01T12:00:00.000Z", total: 0 },
      { completedAt: "2026-11-05T12:00:00.000Z", total: 27 },
      { completedAt: "2026-11-17T12:00:00.000Z", total: 10 },
    ]);
    expect(points[0]).toEqual({ x: CHART.left, y: AXIS_Y });
    expect(points[1]?.x).toBeCloseTo(CHART.left + (PLOT_RIGHT - CHART.left) / 4);
    expect(points[1]?.y).toBe(CHART.top);
    expect(points[2]?.x).toBeCloseTo(PLOT_RIGHT);
    expect(points[2]?.y).toBeCloseTo(scoreY("PHQ9", 10));
  });

  it("puts a single result in the middle", () => {
    const [only] = pointsFor("GAD7", [{ completedAt: "2026-11-01T12:00:00.000Z", total: 7 }]);
    expect(only?.x).toBe(CHART.left + (PLOT_RIGHT - CHART.left) / 2);
    expect(pointsFor("GAD7", [])).toEqual([]);
  });

  it("writes polyline points rounded to a tenth", () => {
    expect(
      polylinePoints([
        { x: 44, y: 181.48148 },
        { x: 155.25, y: 12 },
      ]),
    ).toBe("44,181.5 155.3,12");
    expect(polylinePoints([])).toBe("");
  });

  it("labels every date when there are few, otherwise about six keeping both ends", () => {
    expect(labelledIndexes(0)).toEqual([]);
    expect(labelledIndexes(4)).toEqual([0, 1, 2, 3]);
    expect(labelledIndexes(6)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(labelledIndexes(7)).toEqual([0, 1, 2, 4, 5, 6]);
    expect(labelledIndexes(20)).toEqual([0, 4, 8, 11, 15, 19]);
    expect(labelledIndexes(10, 2)).toEqual([0, 9]);
  });
});

describe("band labels", () => {
  it("wraps 'Moderately severe' onto two lines instead of running off the chart", () => {
    expect(bandLabelLines("Moderately severe")).toEqual(["Moderately", "severe"]);
    expect(bandLabelLines("Minimal")).toEqual(["Minimal"]);
  });

  it("keeps every label line of every instrument inside the right margin at 14px", () => {
    // A generous average glyph width for the UI font at 14px.
    const widest = BAND_LABEL_MAX_CHARS * 14 * 0.62;
    expect(widest).toBeLessThanOrEqual(CHART.right - 8);
    for (const instrument of Object.keys(INSTRUMENT_DEFINITIONS) as Instrument[]) {
      for (const band of INSTRUMENT_DEFINITIONS[instrument].bands) {
        for (const line of bandLabelLines(severityLabel(band.severity))) {
          expect(line.length).toBeLessThanOrEqual(BAND_LABEL_MAX_CHARS);
        }
      }
    }
  });
});
