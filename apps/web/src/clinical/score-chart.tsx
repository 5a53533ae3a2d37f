import {
  maxScore,
  PHQ9_SAFETY_ITEM,
  severityLabel,
  type AssessmentResultDto,
  type Instrument,
  type Severity,
} from "@bridgeway/domain";
import { useId } from "react";
import { formatMoment } from "../format/session-time";
import { TableScroll } from "../shell/table-scroll";
import {
  bandLabelLines,
  CHART,
  labelledIndexes,
  pointsFor,
  polylinePoints,
  scoreY,
  severityBands,
} from "./score-chart-geometry";
import { answerLabel, instrumentName, scoreOutOf, severityTone } from "./severity";

/** Totals are labelled above their points while they do not crowd each other. */
const MOST_VALUE_LABELS = 12;

const shortDates = new Map<string, Intl.DateTimeFormat>();
function shortDate(instant: string, timeZone: string): string {
  let format = shortDates.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone });
    shortDates.set(timeZone, format);
  }
  return format.format(Date.parse(instant));
}

const longDates = new Map<string, Intl.DateTimeFormat>();
function longDate(instant: string, timeZone: string): string {
  let format = longDates.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone });
    longDates.set(timeZone, format);
  }
  return format.format(Date.parse(instant));
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`badge badge--${severityTone(severity)}`}>{severityLabel(severity)}</span>
  );
}

/** What the chart shows, in one or two sentences, for people who cannot see it. */
export function chartSummary(
  instrument: Instrument,
  results: readonly AssessmentResultDto[],
  timeZone: string,
): string {
  const first = results[0];
  const latest = results[results.length - 1];
  if (!first || !latest) return `No ${instrumentName(instrument)} results yet.`;
  const totals = results.map((r) => r.total).join(", ");
  const range =
    results.length === 1
      ? `1 result, on ${longDate(first.completedAt, timeZone)}`
      : `${results.length} results from ${longDate(first.completedAt, timeZone)} to ${longDate(latest.completedAt, timeZone)}`;
  const concerns = results.filter((r) => r.safetyConcern).length;
  return (
    `${range}. Totals, oldest first: ${totals} (of ${maxScore(instrument)}). ` +
    `Latest: ${latest.total}, ${severityLabel(latest.severity).toLowerCase()}.` +
    (instrument === "PHQ9" && concerns > 0
      ? ` ${concerns === 1 ? "1 result has" : `${concerns} results have`} question ${PHQ9_SAFETY_ITEM} above 0.`
      : "")
  );
}

/** A band's label beside it, on one line or, when too long for the margin, centred on two. */
function BandLabel({ lines, x, y }: { lines: string[]; x: number; y: number }) {
  const lineHeight = 16;
  const firstY = y - ((lines.length - 1) * lineHeight) / 2;
  return (
    <text className="score-chart__band-label" x={x} y={firstY} dominantBaseline="middle">
      {lines.map((line, index) => (
        <tspan key={line} x={x} dy={index === 0 ? 0 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

function Chart({
  instrument,
  results,
  timeZone,
}: {
  instrument: Instrument;
  results: readonly AssessmentResultDto[];
  timeZone: string;
}) {
  const titleId = useId();
  const descId = useId();
  const points = pointsFor(instrument, results);
  const labelled = new Set(labelledIndexes(results.length));
  const bands = severityBands(instrument);
  const ticks = [...new Set([...bands.map((b) => b.from), maxScore(instrument)])];
  const axisY = CHART.height - CHART.bottom;
  const right = CHART.width - CHART.right;
  return (
    <svg
      className="score-chart__svg"
      viewBox={`0 0 ${CHART.width} ${CHART.height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
    >
      <title id={titleId}>{`${instrumentName(instrument)} scores over time`}</title>
      <desc id={descId}>{chartSummary(instrument, results, timeZone)}</desc>
      {bands.map((band) => (
        <g key={band.severity}>
          <rect
            className={`score-chart__band score-chart__band--${band.severity}`}
            x={CHART.left}
            y={band.y}
            width={right - CHART.left}
            height={band.height}
          />
          <BandLabel
            lines={bandLabelLines(severityLabel(band.severity))}
            x={right + 8}
            y={band.y + band.height / 2}
          />
        </g>
      ))}
      {ticks.map((tick) => (
        <text
          key={tick}
          className="score-chart__tick"
          x={CHART.left - 8}
          y={scoreY(instrument, tick)}
          textAnchor="end"
          dominantBaseline="middle"
        >
          {tick}
        </text>
      ))}
      <line className="score-chart__axis" x1={CHART.left} x2={right} y1={axisY} y2={axisY} />
      <polyline className="score-chart__line" points={polylinePoints(points)} />
      {points.map((point, index) => {
        const result = results[index];
        if (!result) return null;
        return (
          <g key={result.id}>
            {result.safetyConcern ? (
              <rect
                className="score-chart__point score-chart__point--concern"
                x={point.x - 7}
                y={point.y - 7}
                width={14}
                height={14}
                transform={`rotate(45 ${point.x} ${point.y})`}
              />
            ) : (
              <circle className="score-chart__point" cx={point.x} cy={point.y} r={6} />
            )}
            {results.length <= MOST_VALUE_LABELS && (
              <text className="score-chart__value" x={point.x} y={point.y - 12} textAnchor="middle">
                {result.total}
              </text>
            )}
            {labelled.has(index) && (
              <text className="score-chart__tick" x={point.x} y={axisY + 22} textAnchor="middle">
                {shortDate(result.completedAt, timeZone)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/**
 * One instrument's scores over time: a line over the published severity bands, and the same
 * results as a table (the chart's text alternative, and the exact figures for everyone).
 */
export function ScoreChart({
  instrument,
  results,
  timeZone,
}: {
  instrument: Instrument;
  /** This instrument's results, oldest first. */
  results: readonly AssessmentResultDto[];
  timeZone: string;
}) {
  const captionId = useId();
  const name = instrumentName(instrument);
  if (results.length === 0) {
    return <p className="muted">No {name} results yet. They appear here once completed.</p>;
  }
  return (
    <>
      <figure className="score-chart">
        <Chart instrument={instrument} results={results} timeZone={timeZone} />
        <figcaption className="score-chart__caption">
          Shaded bands are the published severity ranges.
          {instrument === "PHQ9" &&
            ` A diamond marks a result with question ${PHQ9_SAFETY_ITEM} above 0.`}
        </figcaption>
      </figure>
      <TableScroll labelledBy={captionId}>
        <table className="table">
          <caption id={captionId}>{name} results, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Completed</th>
              <th scope="col">Score</th>
              <th scope="col">Severity</th>
              {instrument === "PHQ9" && <th scope="col">Question 9</th>}
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <time dateTime={r.completedAt}>{formatMoment(r.completedAt, timeZone)}</time>
                </th>
                <td>{scoreOutOf(instrument, r.total)}</td>
                <td>
                  <SeverityBadge severity={r.severity} />
                </td>
                {instrument === "PHQ9" && (
                  <td>
                    {answerLabel(r.answers[PHQ9_SAFETY_ITEM - 1] ?? 0)}
                    {r.safetyConcern && (
                      <span className="badge badge--danger cell-badge">Safety concern</span>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
