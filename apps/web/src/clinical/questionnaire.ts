import { INSTRUMENT_DEFINITIONS, type Instrument } from "@bridgeway/domain";
import type { TFunction } from "i18next";
import { ENGLISH_CHECK_INS } from "./severity";

/** One answer per item, 0–3, or null while it is not answered yet. */
export type Answers = readonly (number | null)[];

export function emptyAnswers(instrument: Instrument): Answers {
  return INSTRUMENT_DEFINITIONS[instrument].items.map(() => null);
}

/** "Question 3 of 9" ("Pregunta 3 de 9"), for the item at `index` (0-based). */
export function progressLabel(
  index: number,
  count: number,
  t: TFunction<"checkIns"> = ENGLISH_CHECK_INS,
): string {
  return t("form.progress", { number: index + 1, count });
}

export function withAnswer(answers: Answers, index: number, score: number): Answers {
  return answers.map((a, i) => (i === index ? score : a));
}

/** The first item not answered yet, or null when all are. */
export function firstUnanswered(answers: Answers): number | null {
  const index = answers.findIndex((a) => a === null);
  return index === -1 ? null : index;
}

/**
 * The server's field errors for answers, by item: `answers.8` is about the ninth question.
 * Anything not about one item (`answers` itself) is left out, for the top of the form.
 */
export function itemErrors(fields: Readonly<Record<string, string>>): Map<number, string> {
  const errors = new Map<number, string>();
  for (const [name, message] of Object.entries(fields)) {
    const match = /^answers\.(\d+)$/.exec(name);
    if (match) errors.set(Number(match[1]), message);
  }
  return errors;
}

/** The first item with an error, to show it; null when none is about one item. */
export function firstItemWithError(errors: ReadonlyMap<number, string>): number | null {
  const indexes = [...errors.keys()].sort((a, b) => a - b);
  return indexes[0] ?? null;
}
