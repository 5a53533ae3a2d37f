import {
  ANSWER_CHOICES,
  INSTRUMENT_DEFINITIONS,
  maxScore,
  type Instrument,
  type Severity,
} from "@bridgeway/domain";
import type { TFunction } from "i18next";
import { i18n } from "../i18n/i18n";

/** Staff screens stay in English whatever the language: the default of the helpers below. */
export const ENGLISH_CHECK_INS: TFunction<"checkIns"> = i18n.getFixedT("en", "checkIns");

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

/** "13 of 27" ("13 de 27") */
export function scoreOutOf(
  instrument: Instrument,
  total: number,
  t: TFunction<"checkIns"> = ENGLISH_CHECK_INS,
): string {
  return t("scoreOutOf", { total, max: maxScore(instrument) });
}

/** "Moderately severe" ("Moderadamente grave"): a severity band's name. */
export function bandName(severity: Severity, t: TFunction<"checkIns">): string {
  return t(`severity.${severity}`);
}

/** "Several days", for an item answer 0–3. */
export function answerLabel(score: number): string {
  return ANSWER_CHOICES.find((c) => c.score === score)?.label ?? String(score);
}

/** The questionnaire's own words in the active language: title, stem, items and answers. */
export function instrumentText(instrument: Instrument, t: TFunction<"checkIns">) {
  const count = INSTRUMENT_DEFINITIONS[instrument].items.length;
  const at = `instruments.${instrument}` as const;
  return {
    title: t(`${at}.title`),
    stem: t(`${at}.stem`),
    // The catalogue numbers items from 1, as printed.
    items: Array.from({ length: count }, (_, index) =>
      t(`${at}.items.q${index + 1}` as `${typeof at}.items.q1`),
    ),
    answers: ANSWER_CHOICES.map((choice) => ({
      score: choice.score,
      label: t(`${at}.answers.a${choice.score}`),
    })),
  };
}

/**
 * What a result means, for the participant, in plain and kind words. It names the band the
 * authors of the questionnaire use, and never reads as a diagnosis.
 */
export function plainResult(
  instrument: Instrument,
  severity: Severity,
  t: TFunction<"checkIns"> = ENGLISH_CHECK_INS,
  locale = "en",
): string {
  const band = bandName(severity, t).toLocaleLowerCase(locale);
  return t(`plainResult.${instrument}.${severity}`, { band });
}
