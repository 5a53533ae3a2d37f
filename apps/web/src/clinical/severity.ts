import {
  ANSWER_CHOICES,
  INSTRUMENT_DEFINITIONS,
  maxScore,
  severityLabel,
  type Instrument,
  type Severity,
} from "@bridgeway/domain";

export type BadgeTone = "ok" | "info" | "warning" | "danger";

/** The badge colour of a severity band: calm for the lower bands, urgent for the upper two. */
export function severityTone(severity: Severity): BadgeTone {
  switch (severity) {
    case "minimal":
      return "ok";
    case "mild":
      return "info";
    case "moderate":
      return "warning";
    case "moderately-severe":
    case "severe":
      return "danger";
  }
}

/** "PHQ-9" */
export function instrumentName(instrument: Instrument): string {
  return INSTRUMENT_DEFINITIONS[instrument].name;
}

/** "13 of 27" */
export function scoreOutOf(instrument: Instrument, total: number): string {
  return `${total} of ${maxScore(instrument)}`;
}

/** "Several days", for an item answer 0–3. */
export function answerLabel(score: number): string {
  return ANSWER_CHOICES.find((c) => c.score === score)?.label ?? String(score);
}

const WHAT_IT_MEASURES: Record<Instrument, string> = {
  PHQ9: "low mood",
  GAD7: "worry and anxiety",
};

/**
 * What a result means, for the participant, in plain and kind words. It names the band the
 * authors of the questionnaire use, and never reads as a diagnosis.
 */
export function plainResult(instrument: Instrument, severity: Severity): string {
  const what = WHAT_IT_MEASURES[instrument];
  const band = severityLabel(severity).toLowerCase();
  switch (severity) {
    case "minimal":
      return `Your answers suggest ${what} has not been bothering you much lately (${band}).`;
    case "mild":
      return `Your answers suggest ${what} has been bothering you on some days (${band}).`;
    case "moderate":
      return `Your answers suggest ${what} has been weighing on you quite a bit (${band}).`;
    case "moderately-severe":
      return `Your answers suggest ${what} has been hard to carry lately (${band}).`;
    case "severe":
      return `Your answers suggest ${what} has been very hard lately (${band}). You don't have to handle it alone.`;
  }
}
