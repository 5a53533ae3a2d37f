import { z } from "zod";
import type { CrisisCategory } from "./crisis-language";

/** Where an alert came from. PHQ-9 item 9 alerts arrive with the clinical record. */
export const ALERT_SOURCES = ["chat", "forum", "phq9"] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];

/** The crisis categories an alert can carry, as `CrisisCategory` lists them. */
const ALERT_CATEGORIES = [
  "suicide",
  "self-harm",
  "overdose",
] as const satisfies readonly CrisisCategory[];

/** A crisis alert as the care team reads it (`GET /api/alerts`, the `alert:crisis` event). */
export const CrisisAlertSchema = z.object({
  id: z.string(),
  participant: z.object({ id: z.string(), displayName: z.string() }),
  source: z.enum(ALERT_SOURCES),
  categories: z.array(z.enum(ALERT_CATEGORIES)),
  /** Where to look: a chat room key, a forum thread, an assessment. Never the text itself. */
  where: z.object({
    kind: z.enum(["chat", "forum", "assessment"]),
    ref: z.string(),
    label: z.string(),
  }),
  createdAt: z.string(),
  acknowledged: z
    .object({ at: z.string(), by: z.string(), note: z.string().nullable() })
    .nullable(),
});
export type CrisisAlertDto = z.infer<typeof CrisisAlertSchema>;

/** `GET /api/alerts`. */
export const AlertListSchema = z.object({ alerts: z.array(CrisisAlertSchema) });

export const AlertListQuerySchema = z.strictObject({
  status: z.enum(["open", "all"]).default("open"),
});

export const AcknowledgeAlertSchema = z.strictObject({
  note: z.string().trim().max(1000, { error: "Keep the note under 1000 characters." }).default(""),
});
