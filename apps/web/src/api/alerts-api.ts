import { ALERT_SOURCES, type CrisisAlertDto } from "@bridgeway/domain";
import { z } from "zod";
import type { ApiClient } from "./api-client";

// Described as a type in the domain package; checked here, where it is read.
export const CrisisAlertSchema: z.ZodType<CrisisAlertDto> = z.object({
  id: z.string(),
  participant: z.object({ id: z.string(), displayName: z.string() }),
  source: z.enum(ALERT_SOURCES),
  categories: z.array(z.enum(["suicide", "self-harm", "overdose"])),
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

const AlertListSchema = z.object({ alerts: z.array(CrisisAlertSchema) });

export type AlertStatusFilter = "open" | "all";

/** The care team's crisis alerts: the open ones (or all), and acknowledging one. */
export function createAlertsApi(api: ApiClient) {
  return {
    async list(status: AlertStatusFilter, signal?: AbortSignal): Promise<CrisisAlertDto[]> {
      const query = new URLSearchParams({ status }).toString();
      return (await api.get(`/api/alerts?${query}`, AlertListSchema, signal)).alerts;
    },
    /** Answers 409 when another clinician acknowledged it first. */
    acknowledge(id: string, note: string): Promise<CrisisAlertDto> {
      return api.write(
        "POST",
        `/api/alerts/${encodeURIComponent(id)}/acknowledge`,
        { note },
        CrisisAlertSchema,
      );
    },
  };
}

export type AlertsApi = ReturnType<typeof createAlertsApi>;
