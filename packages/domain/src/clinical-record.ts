import { z } from "zod";
import { IsoDateSchema } from "./dates";

/**
 * The clinical record: safety plans, session notes, treatment plans and discharge. All of it is
 * clinical data — audited on every read and change, shown to family members never.
 */

const line = (what: string, max = 500) =>
  z
    .string({ error: `Write the ${what}.` })
    .trim()
    .min(1, { error: `Write the ${what}.` })
    .max(max, { error: `Keep the ${what} under ${max} characters.` });

const list = (what: string, max = 20) =>
  z.array(line(what), { error: `Give a list of ${what}s.` }).max(max, {
    error: `At most ${max} ${what}s.`,
  });

const contact = z.strictObject({
  name: line("name", 120),
  /** A phone number or other way to reach them; optional. */
  phone: z
    .string()
    .trim()
    .max(40, { error: "Keep the phone number under 40 characters." })
    .optional(),
});

/**
 * The Stanley-Brown Safety Plan, in its six steps. Written with the therapist; every save is a
 * new version, and the participant can always open the current one together with 988.
 */
export const SafetyPlanContentSchema = z.strictObject({
  /** Step 1: thoughts, images, moods, situations or behaviour that a crisis may be developing. */
  warningSigns: list("warning sign"),
  /** Step 2: things I can do on my own to take my mind off problems. */
  copingStrategies: list("coping strategy"),
  /** Step 3: people and social settings that provide distraction. */
  distractions: z.array(contact).max(20, { error: "At most 20 people or places." }),
  /** Step 4: people whom I can ask for help. */
  peopleToAsk: z.array(contact).max(20, { error: "At most 20 people." }),
  /** Step 5: professionals or agencies to contact during a crisis (988 is always shown too). */
  professionals: z.array(contact).max(20, { error: "At most 20 professionals or agencies." }),
  /** Step 6: making the environment safe (e.g. lethal means). */
  environmentSafety: list("step to make things safe"),
  /** "The one thing that is most important to me and worth living for." */
  reasonsForLiving: z
    .string()
    .trim()
    .max(1000, { error: "Keep this under 1000 characters." })
    .optional(),
});
export type SafetyPlanContent = z.infer<typeof SafetyPlanContentSchema>;

export const SAFETY_PLAN_STEPS = [
  { key: "warningSigns", title: "Warning signs" },
  { key: "copingStrategies", title: "Things I can do on my own" },
  { key: "distractions", title: "People and places that take my mind off things" },
  { key: "peopleToAsk", title: "People I can ask for help" },
  { key: "professionals", title: "Professionals and crisis lines" },
  { key: "environmentSafety", title: "Making my environment safe" },
] as const satisfies readonly { key: keyof SafetyPlanContent; title: string }[];

export const SafetyPlanSchema = z.object({
  participantId: z.string(),
  version: z.number(),
  content: SafetyPlanContentSchema,
  authoredBy: z.string(),
  updatedAt: z.string(),
});
export type SafetyPlanDto = z.infer<typeof SafetyPlanSchema>;

/** The current safety plan; null before one is written. */
export const CurrentSafetyPlanSchema = z.object({ plan: SafetyPlanSchema.nullable() });
export const SafetyPlanVersionsSchema = z.object({ versions: z.array(SafetyPlanSchema) });

/** Interventions a group note can name; free text is allowed beside these. */
export const COMMON_INTERVENTIONS = [
  "CBT: cognitive restructuring",
  "CBT: behavioral activation",
  "DBT: distress tolerance",
  "DBT: emotion regulation",
  "DBT: interpersonal effectiveness",
  "DBT: mindfulness",
  "Motivational interviewing",
  "Relapse prevention",
  "Psychoeducation",
  "Process group",
] as const;

const noteText = (what: string) =>
  z
    .string({ error: `Write the ${what}.` })
    .trim()
    .min(1, { error: `Write the ${what}.` })
    .max(10_000, { error: `Keep the ${what} under 10,000 characters.` });

/** The individual part of a note in DAP form, for one person who attended. */
export const NotePartInputSchema = z.strictObject({
  participantId: z.uuid({ error: "Choose a participant." }),
  data: noteText("data (what was observed and said)"),
  assessment: noteText("assessment"),
  plan: noteText("plan"),
});
export type NotePartInput = z.infer<typeof NotePartInputSchema>;

/** One group note per session, with an individual DAP part for each person who attended. */
export const SessionNoteInputSchema = z
  .strictObject({
    topic: line("topic", 200),
    interventions: z
      .array(line("intervention", 120))
      .min(1, { error: "Name at least one intervention." })
      .max(12, { error: "At most 12 interventions." }),
    summary: noteText("group summary"),
    parts: z.array(NotePartInputSchema).max(30, { error: "At most 30 individual parts." }),
  })
  .superRefine((note, ctx) => {
    const seen = new Set<string>();
    note.parts.forEach((part, index) => {
      if (seen.has(part.participantId)) {
        ctx.addIssue({
          code: "custom",
          path: ["parts", index, "participantId"],
          message: "Write one part per person.",
        });
      }
      seen.add(part.participantId);
    });
  });
export type SessionNoteInput = z.infer<typeof SessionNoteInputSchema>;

export const AddendumInputSchema = z.strictObject({
  text: noteText("addendum"),
  /** When the addendum concerns one person's part. */
  participantId: z.uuid({ error: "Choose a participant." }).optional(),
});

export const NoteStatusSchema = z.enum(["draft", "signed"]);
export type NoteStatus = z.infer<typeof NoteStatusSchema>;

export const SessionNoteSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  status: NoteStatusSchema,
  topic: z.string(),
  interventions: z.array(z.string()),
  summary: z.string(),
  parts: z.array(
    z.object({
      participantId: z.string(),
      displayName: z.string(),
      data: z.string(),
      assessment: z.string(),
      plan: z.string(),
    }),
  ),
  author: z.object({ id: z.string(), displayName: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  signed: z.object({ at: z.string(), by: z.string() }).nullable(),
  addenda: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      participantId: z.string().nullable(),
      author: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export type SessionNoteDto = z.infer<typeof SessionNoteSchema>;

/** A session's note (null until written) and who attended, so who can have a part. */
export const SessionNoteStateSchema = z.object({
  note: SessionNoteSchema.nullable(),
  attended: z.array(z.object({ id: z.string(), displayName: z.string() })),
});
export type SessionNoteState = z.infer<typeof SessionNoteStateSchema>;

/** A measurable step towards a goal, with the date it should be met by. */
const ObjectiveSchema = z.strictObject({
  text: line("objective"),
  measure: line("measure", 300),
  targetDate: IsoDateSchema,
});

export const TreatmentPlanContentSchema = z.strictObject({
  problems: z
    .array(
      z.strictObject({
        problem: line("problem"),
        goals: z
          .array(
            z.strictObject({
              goal: line("goal"),
              objectives: z
                .array(ObjectiveSchema)
                .min(1, { error: "Give each goal at least one measurable objective." })
                .max(10),
              interventions: z
                .array(line("intervention", 200))
                .min(1, { error: "Name at least one intervention." })
                .max(10),
            }),
          )
          .min(1, { error: "Give each problem at least one goal." })
          .max(10),
      }),
    )
    .min(1, { error: "Name at least one problem." })
    .max(10, { error: "At most 10 problems." }),
});
export type TreatmentPlanContent = z.infer<typeof TreatmentPlanContentSchema>;

export const TreatmentPlanInputSchema = z.strictObject({
  content: TreatmentPlanContentSchema,
  /** How often the plan is reviewed with the participant. */
  reviewEveryDays: z
    .int({ error: "Give the review interval in days." })
    .min(7, { error: "Review at most weekly." })
    .max(90, { error: "Review at least every 90 days." }),
});
export type TreatmentPlanInput = z.infer<typeof TreatmentPlanInputSchema>;

export const TreatmentPlanSchema = z.object({
  id: z.string(),
  enrollmentId: z.string(),
  participantId: z.string(),
  version: z.number(),
  content: TreatmentPlanContentSchema,
  reviewEveryDays: z.number(),
  nextReviewOn: z.string(),
  reviewDue: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  /** Step-down history of the enrollment the plan belongs to. */
  phases: z.array(
    z.object({ phase: z.number(), days: z.array(z.string()), effectiveFrom: z.string() }),
  ),
});
export type TreatmentPlanDto = z.infer<typeof TreatmentPlanSchema>;

/** The plan of the participant's current (or latest) enrollment; null before one exists. */
export const CurrentTreatmentPlanSchema = z.object({ plan: TreatmentPlanSchema.nullable() });

/** An active enrollment whose treatment plan is missing (`nextReviewOn` null) or due a review. */
export const ReviewDueSchema = z.object({
  enrollmentId: z.string(),
  participantId: z.string(),
  displayName: z.string(),
  nextReviewOn: z.string().nullable(),
});
export type ReviewDue = z.infer<typeof ReviewDueSchema>;
export const ReviewsDueSchema = z.object({ reviews: z.array(ReviewDueSchema) });

/** Is a review due on `today` (both YYYY-MM-DD)? */
export function reviewDue(nextReviewOn: string, today: string): boolean {
  return today >= nextReviewOn;
}

export const DISCHARGE_REASONS = ["COMPLETED", "STEPPED_DOWN", "WITHDREW", "REFERRED"] as const;
export const STEP_DOWN_LEVELS = [
  "Outpatient therapy",
  "Partial hospitalization",
  "Residential treatment",
  "Peer support only",
  "None",
] as const;

export const DischargeInputSchema = z.strictObject({
  reason: z.enum(DISCHARGE_REASONS, { error: "Choose why the enrollment ends." }),
  dischargedOn: IsoDateSchema,
  summary: noteText("discharge summary"),
  aftercare: z.strictObject({
    stepDownLevel: z.enum(STEP_DOWN_LEVELS, { error: "Choose the level of care after discharge." }),
    followUps: z
      .array(
        z.strictObject({
          with: line("who the follow-up is with", 200),
          on: IsoDateSchema,
          details: z.string().trim().max(500).optional(),
        }),
      )
      .max(10, { error: "At most 10 follow-up appointments." }),
    resources: z.array(line("resource")).max(20, { error: "At most 20 resources." }),
  }),
});
export type DischargeInput = z.infer<typeof DischargeInputSchema>;

export const DischargeSchema = z.object({
  reason: DischargeInputSchema.shape.reason,
  dischargedOn: z.string(),
  summary: z.string(),
  aftercare: DischargeInputSchema.shape.aftercare,
  enrollmentId: z.string(),
  participantId: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type DischargeDto = z.infer<typeof DischargeSchema>;

/** What a participant keeps reading after discharge: aftercare, never the clinical summary. */
export const AftercareSchema = z.object({
  enrollmentId: z.string(),
  dischargedOn: z.string(),
  aftercare: DischargeInputSchema.shape.aftercare,
});
export type AftercareDto = z.infer<typeof AftercareSchema>;
export const AftercareListSchema = z.object({ aftercare: z.array(AftercareSchema) });
