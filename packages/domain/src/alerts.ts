import { z } from "zod";
import type { CrisisCategory } from "./crisis-language";

/** Where an alert came from. PHQ-9 item 9 alerts arrive with the clinical record. */
export const ALERT_SOURCES = ["chat", "forum", "phq9"] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];

export type CrisisAlertDto = {
  id: string;
  participant: { id: string; displayName: string };
  source: AlertSource;
  categories: CrisisCategory[];
  /** Where to look: a chat room key, a forum thread, an assessment. Never the text itself. */
  where: { kind: "chat" | "forum" | "assessment"; ref: string; label: string };
  createdAt: string;
  acknowledged: { at: string; by: string; note: string | null } | null;
};

export const AlertListQuerySchema = z.strictObject({
  status: z.enum(["open", "all"]).default("open"),
});

export const AcknowledgeAlertSchema = z.strictObject({
  note: z.string().trim().max(1000, { error: "Keep the note under 1000 characters." }).default(""),
});
