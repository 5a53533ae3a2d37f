import { useMemo } from "react";
import { createAccountsApi, type AccountsApi } from "../api/accounts-api";
import { useServices } from "../app/services-context";

/** The accounts API over the app's one API client (its CSRF token and session handling). */
export function useAccountsApi(): AccountsApi {
  const { api } = useServices();
  return useMemo(() => createAccountsApi(api), [api]);
}
