import { useMemo } from "react";
import { createRemindersApi, type RemindersApi } from "../api/reminders-api";
import { useServices } from "../app/services-context";

/** The reminders and follow-ups API over the app's one API client. */
export function useRemindersApi(): RemindersApi {
  const { api } = useServices();
  return useMemo(() => createRemindersApi(api), [api]);
}
