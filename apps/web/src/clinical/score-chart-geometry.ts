import {
  INSTRUMENT_DEFINITIONS,
  maxScore,
  type Instrument,
  type Severity,
} from "@bridgeway/domain";

/** The drawing area of a score chart, in SVG user units. */
export const CHART = {
  width: 600,
  height: 260,
  left: 44,
  right: 112,
  top: 12,
  bottom: 40,
} as const;

const plotWidth = CHART.width - CHART.left - CHART.right;
const plotHeight = CHART.height - CHART.top - CHART.bottom;

export type Band = { severity: Severity; from: number; to: number; y: number; height: number };
export type Point = { x: number; y: number };

/** The y of a total: 0 at the bottom, the instrument's maximum at the top. */
export function scoreY(instrument: Instrument, total: number): number {
  return CHART.top + plotHeight * (1 - total / maxScore(instrument));
}

/**
 * The severity bands as horizontal strips, lowest first: each runs from its own cut-point to the
 * next one up (the top one to the maximum score).
 */
export function severityBands(instrument: Instrument): Band[] {
  const bands = [...INSTRUMENT_DEFINITIONS[instrument].bands].sort((a, b) => a.from - b.from);
  const max = maxScore(instrument);
  return bands.map((band, index) => {
    const to = bands[index + 1]?.from ?? max;
    const top = scoreY(instrument, to);
    return {
      severity: band.severity,
      from: band.from,
      to,
      y: top,
      height: scoreY(instrument, band.from) - top,
    };
  });
}

/**
 * Where each result goes: x by time between the first and last result (one result sits in the
 * middle), y by its total.
 */
export function pointsFor(
  instrument: Instrument,
  results: readonly { completedAt: string; total: number }[],
): Point[] {
  const times = results.map((r) => Date.parse(r.completedAt));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = last - first;
  return results.map((r, index) => ({
    x:
      span === 0
        ? CHART.left + plotWidth / 2
        : CHART.left + (plotWidth * ((times[index] ?? first) - first)) / span,
    y: scoreY(instrument, r.total),
  }));
}

/** The "x,y x,y" of an SVG polyline through the points. */
export function polylinePoints(points: readonly Point[]): string {
  return points.map((p) => `${round(p.x)},${round(p.y)}`).join(" ");
}

/** Which points get a date label under the axis: all when few, otherwise about six, ends kept. */
export function labelledIndexes(count: number, most = 6): number[] {
  if (count <= most) return Array.from({ length: count }, (_, i) => i);
  const step = (count - 1) / (most - 1);
  return [...new Set(Array.from({ length: most }, (_, i) => Math.round(i * step)))];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Longest band-label line, in characters, that fits the chart's right margin at 14px. */
export const BAND_LABEL_MAX_CHARS = 11;

/**
 * A band label split into lines that fit the right margin ("Moderately severe" takes two), so no
 * label runs off the edge of the chart.
 */
export function bandLabelLines(label: string, maxChars = BAND_LABEL_MAX_CHARS): string[] {
  const lines: string[] = [];
  for (const word of label.split(" ")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= maxChars) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines;
}
