import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { createAlertsApi, type AlertStatusFilter } from "../api/alerts-api";
import { useServices } from "../app/services-context";
import { useSignedIn } from "../sign-in/auth-context";

/** React Query keys of crisis alerts, by person; the first two parts refresh every list. */
export const alertsKey = (userId: string) => ["alerts", userId] as const;

export function useAlertsApi() {
  const { api } = useServices();
  return useMemo(() => createAlertsApi(api), [api]);
}

/** The clinician's crisis alerts: the open ones, or all of them. */
export function useAlerts(status: AlertStatusFilter) {
  const alertsApi = useAlertsApi();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: [...alertsKey(user.id), status],
    queryFn: ({ signal }) => alertsApi.list(status, signal),
    staleTime: 15_000,
  });
}
