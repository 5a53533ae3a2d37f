import { z } from "zod";
import { IsoDateSchema } from "./dates";

/**
 * Measurement-based care: the PHQ-9 (depression) and GAD-7 (anxiety), scored exactly as
 * published. Every item is answered 0–3 for "over the last 2 weeks"; the total is the sum and
 * the severity band follows the authors' cut-points. PHQ-9 item 9 asks about thoughts of death
 * or self-harm: any answer above 0 is a safety concern whatever the total.
 */
export const INSTRUMENTS = ["PHQ9", "GAD7"] as const;
export const InstrumentSchema = z.enum(INSTRUMENTS, { error: "Choose the PHQ-9 or the GAD-7." });
export type Instrument = z.infer<typeof InstrumentSchema>;

export const SeveritySchema = z.enum([
  "minimal",
  "mild",
  "moderate",
  "moderately-severe",
  "severe",
]);
export type Severity = z.infer<typeof SeveritySchema>;

/** The four answers every item shares, with their published scores. */
export const ANSWER_CHOICES = [
  { score: 0, label: "Not at all" },
  { score: 1, label: "Several days" },
  { score: 2, label: "More than half the days" },
  { score: 3, label: "Nearly every day" },
] as const;

type InstrumentDefinition = {
  name: string;
  title: string;
  stem: string;
  items: readonly string[];
  /** Inclusive lower bounds of each band, highest first. */
  bands: readonly { from: number; severity: Severity }[];
};

export const INSTRUMENT_DEFINITIONS: Record<Instrument, InstrumentDefinition> = {
  PHQ9: {
    name: "PHQ-9",
    title: "How have you been feeling?",
    stem: "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    items: [
      "Little interest or pleasure in doing things",
      "Feeling down, depressed, or hopeless",
      "Trouble falling or staying asleep, or sleeping too much",
      "Feeling tired or having little energy",
      "Poor appetite or overeating",
      "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
      "Trouble concentrating on things, such as reading the newspaper or watching television",
      "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
      "Thoughts that you would be better off dead or of hurting yourself in some way",
    ],
    bands: [
      { from: 20, severity: "severe" },
      { from: 15, severity: "moderately-severe" },
      { from: 10, severity: "moderate" },
      { from: 5, severity: "mild" },
      { from: 0, severity: "minimal" },
    ],
  },
  GAD7: {
    name: "GAD-7",
    title: "How anxious have you been?",
    stem: "Over the last 2 weeks, how often have you been bothered by the following problems?",
    items: [
      "Feeling nervous, anxious or on edge",
      "Not being able to stop or control worrying",
      "Worrying too much about different things",
      "Trouble relaxing",
      "Being so restless that it is hard to sit still",
      "Becoming easily annoyed or irritable",
      "Feeling afraid as if something awful might happen",
    ],
    bands: [
      { from: 15, severity: "severe" },
      { from: 10, severity: "moderate" },
      { from: 5, severity: "mild" },
      { from: 0, severity: "minimal" },
    ],
  },
};

/** The PHQ-9 item about thoughts of death or self-harm (1-based, as printed). */
export const PHQ9_SAFETY_ITEM = 9;

export function maxScore(instrument: Instrument): number {
  return INSTRUMENT_DEFINITIONS[instrument].items.length * 3;
}

export function severityFor(instrument: Instrument, total: number): Severity {
  if (!Number.isInteger(total) || total < 0 || total > maxScore(instrument)) {
    throw new RangeError(`${INSTRUMENT_DEFINITIONS[instrument].name} total out of range: ${total}`);
  }
  const band = INSTRUMENT_DEFINITIONS[instrument].bands.find((b) => total >= b.from);
  if (!band) throw new RangeError(`no band for ${total}`);
  return band.severity;
}

export function severityLabel(severity: Severity): string {
  return {
    minimal: "Minimal",
    mild: "Mild",
    moderate: "Moderate",
    "moderately-severe": "Moderately severe",
    severe: "Severe",
  }[severity];
}

export type AssessmentScore = {
  instrument: Instrument;
  total: number;
  severity: Severity;
  /** PHQ-9 only: the item 9 answer (0–3); null for the GAD-7. */
  safetyItem: number | null;
  /** Any PHQ-9 item 9 answer above 0. */
  safetyConcern: boolean;
};

/**
 * Answers for an instrument: exactly one per item, each 0–3. A missing or out-of-range answer is
 * refused naming the item ("answers.3" is question 4).
 */
export function answersSchema(instrument: Instrument) {
  const count = INSTRUMENT_DEFINITIONS[instrument].items.length;
  const answer = (index: number) =>
    z
      .int({ error: `Answer question ${index + 1}.` })
      .min(0, { error: `Question ${index + 1}: choose one of the four answers.` })
      .max(3, { error: `Question ${index + 1}: choose one of the four answers.` });
  return z
    .array(z.unknown(), { error: "Answer every question." })
    .superRefine((answers, ctx) => {
      if (answers.length > count) {
        ctx.addIssue({ code: "custom", message: `There are only ${count} questions.` });
      }
      for (let i = 0; i < count; i += 1) {
        const parsed = answer(i).safeParse(answers[i]);
        if (!parsed.success) {
          ctx.addIssue({
            code: "custom",
            path: [i],
            message: parsed.error.issues[0]?.message ?? `Answer question ${i + 1}.`,
          });
        }
      }
    })
    .transform((answers) => answers as number[]);
}

/** Scores answers that passed `answersSchema`. */
export function scoreAssessment(
  instrument: Instrument,
  answers: readonly number[],
): AssessmentScore {
  const count = INSTRUMENT_DEFINITIONS[instrument].items.length;
  if (answers.length !== count || answers.some((a) => !Number.isInteger(a) || a < 0 || a > 3)) {
    throw new RangeError(`${INSTRUMENT_DEFINITIONS[instrument].name} needs ${count} answers 0–3`);
  }
  const total = answers.reduce((sum, a) => sum + a, 0);
  const safetyItem = instrument === "PHQ9" ? (answers[PHQ9_SAFETY_ITEM - 1] ?? 0) : null;
  return {
    instrument,
    total,
    severity: severityFor(instrument, total),
    safetyItem,
    safetyConcern: safetyItem !== null && safetyItem > 0,
  };
}

export const ASSESSMENT_CADENCES = ["ONCE", "WEEKLY", "EVERY_2_WEEKS", "EVERY_4_WEEKS"] as const;
export const AssessmentCadenceSchema = z.enum(ASSESSMENT_CADENCES, {
  error: "Choose how often: once, weekly, every 2 weeks or every 4 weeks.",
});
export type AssessmentCadence = z.infer<typeof AssessmentCadenceSchema>;

/** Days until the next one is due after completing one; null when it does not repeat. */
export function cadenceDays(cadence: AssessmentCadence): number | null {
  return { ONCE: null, WEEKLY: 7, EVERY_2_WEEKS: 14, EVERY_4_WEEKS: 28 }[cadence];
}

export const AssignAssessmentInputSchema = z.strictObject({
  instrument: InstrumentSchema,
  cadence: AssessmentCadenceSchema,
  /** The first one is due on this date (the participant's local date). */
  firstDueOn: IsoDateSchema,
});
export type AssignAssessmentInput = z.infer<typeof AssignAssessmentInputSchema>;

export const CompleteAssessmentInputSchema = z.strictObject({
  answers: z.array(z.unknown(), { error: "Answer every question." }),
});

// Response schemas: what the API answers, checked by the web app where it reads them.

export const AssessmentAssignmentSchema = z.object({
  id: z.string(),
  instrument: z.enum(INSTRUMENTS),
  cadence: z.enum(ASSESSMENT_CADENCES),
  dueOn: z.string(),
  completedAt: z.string().nullable(),
});
export type AssessmentAssignmentDto = z.infer<typeof AssessmentAssignmentSchema>;

export const AssessmentResultSchema = z.object({
  id: z.string(),
  instrument: z.enum(INSTRUMENTS),
  total: z.number(),
  severity: SeveritySchema,
  safetyConcern: z.boolean(),
  completedAt: z.string(),
  /** Item answers: for the participant's own results and their care team only. */
  answers: z.array(z.number()),
});
export type AssessmentResultDto = z.infer<typeof AssessmentResultSchema>;

/** A participant's scores over time, oldest first, per instrument. */
export const AssessmentHistorySchema = z.object({
  participantId: z.string(),
  due: z.array(AssessmentAssignmentSchema),
  results: z.array(AssessmentResultSchema),
});
export type AssessmentHistory = z.infer<typeof AssessmentHistorySchema>;

const LatestScoreSchema = z.object({
  total: z.number(),
  severity: SeveritySchema,
  completedAt: z.string(),
  safetyConcern: z.boolean(),
});

/** The cohort at a glance: each participant's most recent score per instrument. */
export const CohortSeveritiesSchema = z.object({
  cohortId: z.string(),
  participants: z.array(
    z.object({
      participantId: z.string(),
      displayName: z.string(),
      latest: z.object({
        PHQ9: LatestScoreSchema.optional(),
        GAD7: LatestScoreSchema.optional(),
      } satisfies Record<Instrument, z.ZodType>),
    }),
  ),
});
export type CohortSeverities = z.infer<typeof CohortSeveritiesSchema>;
