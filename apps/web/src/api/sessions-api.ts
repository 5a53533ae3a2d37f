import {
  SessionListSchema,
  SessionRosterSchema,
  SessionSummarySchema,
  type BookSessionInput,
  type CancelSessionInput,
  type RescheduleSessionInput,
  type RosterPerson,
  type SessionRangeQuery,
  type SessionSummary,
} from "@bridgeway/domain";
import type { ApiClient } from "./api-client";

/** Sessions: the caller's own listing, one session, booking, rescheduling and cancelling. */
export function createSessionsApi(api: ApiClient) {
  const path = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;
  return {
    /** Sessions between two days of the caller's own time zone, both included, by start. */
    async list(range: SessionRangeQuery, signal?: AbortSignal): Promise<SessionSummary[]> {
      const query = new URLSearchParams({ from: range.from, to: range.to });
      if (range.cohortId !== undefined) query.set("cohortId", range.cohortId);
      return (await api.get(`/api/sessions?${query.toString()}`, SessionListSchema, signal))
        .sessions;
    },
    get(id: string, signal?: AbortSignal): Promise<SessionSummary> {
      return api.get(path(id), SessionSummarySchema, signal);
    },
    async roster(id: string, signal?: AbortSignal): Promise<RosterPerson[]> {
      return (await api.get(`${path(id)}/roster`, SessionRosterSchema, signal)).people;
    },
    book(input: BookSessionInput): Promise<SessionSummary> {
      return api.write("POST", "/api/sessions", input, SessionSummarySchema);
    },
    /** Changes one meeting only; the rest of its series is untouched. */
    reschedule(id: string, input: RescheduleSessionInput): Promise<SessionSummary> {
      return api.write("PATCH", path(id), input, SessionSummarySchema);
    },
    cancel(id: string, input: CancelSessionInput): Promise<SessionSummary> {
      return api.write("POST", `${path(id)}/cancel`, input, SessionSummarySchema);
    },
  };
}

export type SessionsApi = ReturnType<typeof createSessionsApi>;
