import { AlertListSchema, CrisisAlertSchema, type CrisisAlertDto } from "@bridgeway/domain";
import type { ApiClient } from "./api-client";

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
