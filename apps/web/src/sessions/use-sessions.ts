import { addDaysToDate } from "@bridgeway/domain";
import { useQuery, type QueryClient } from "@tanstack/react-query";
import { QUERY_KEYS } from "../api/query-keys";
import { useServices } from "../app/services-context";
import { useSignedIn } from "../sign-in/auth-context";
import { todayIn } from "../time/zoned-time";

const SESSIONS_KEY = QUERY_KEYS.sessions;

/** The days from today through `days - 1` days later, in `timeZone`. */
export function dayRange(now: Date, timeZone: string, days: number): { from: string; to: string } {
  const from = todayIn(timeZone, now);
  return { from, to: addDaysToDate(from, days - 1) };
}

/** The signed-in person's sessions between two days of their own zone (both included). */
export function useSessionList(range: { from: string; to: string; cohortId?: string }) {
  const { sessionsApi } = useServices();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: [SESSIONS_KEY, user.id, "list", range.from, range.to, range.cohortId ?? null],
    queryFn: ({ signal }) => sessionsApi.list(range, signal),
  });
}

export function useSession(id: string) {
  const { sessionsApi } = useServices();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: [SESSIONS_KEY, user.id, "one", id],
    queryFn: ({ signal }) => sessionsApi.get(id, signal),
  });
}

export function useSessionRoster(id: string, enabled = true) {
  const { sessionsApi } = useServices();
  const { user } = useSignedIn();
  return useQuery({
    queryKey: [SESSIONS_KEY, user.id, "roster", id],
    queryFn: ({ signal }) => sessionsApi.roster(id, signal),
    enabled,
  });
}

/**
 * After any change to the schedule (a booking, a reschedule, a cancellation, an enrollment, a
 * step-down, a new pattern), listings, cohort pages, planned hours and who is in which cohort
 * may all have moved.
 */
export function scheduleChanged(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: [QUERY_KEYS.sessions] }),
    queryClient.invalidateQueries({ queryKey: [QUERY_KEYS.cohorts] }),
    queryClient.invalidateQueries({ queryKey: [QUERY_KEYS.people] }),
    queryClient.invalidateQueries({ queryKey: [QUERY_KEYS.home] }),
  ]).then(() => undefined);
}
