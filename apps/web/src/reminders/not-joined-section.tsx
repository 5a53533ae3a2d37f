import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { describeError } from "../api/api-client";
import { problemFromError } from "../forms/form-problem";
import { useRemindersApi } from "./use-reminders-api";

/** How often the room asks again who has not joined. */
const REFRESH_MS = 30_000;

function Person({
  sessionId,
  person,
}: {
  sessionId: string;
  person: { id: string; displayName: string; checkedInAt: string | null };
}) {
  const api = useRemindersApi();
  const queries = useQueryClient();
  const labelId = useId();
  const checkIn = useMutation({
    mutationFn: () => api.checkIn(sessionId, person.id),
    onSettled: () => queries.invalidateQueries({ queryKey: ["not-joined", sessionId] }),
  });
  const sent = person.checkedInAt !== null || checkIn.isSuccess;
  return (
    <li className="roster-row" data-person-id={person.id}>
      <span id={labelId}>{person.displayName} has not joined</span>
      {sent ? (
        <span className="muted">Check-in sent</span>
      ) : (
        <button
          type="button"
          className="button button--secondary button--small"
          aria-describedby={labelId}
          disabled={checkIn.isPending}
          onClick={() => checkIn.mutate()}
        >
          {checkIn.isPending ? "Sending…" : "Send check-in"}
        </button>
      )}
      {checkIn.isError && (
        <p className="field__error" role="alert">
          {problemFromError(checkIn.error).message}
        </p>
      )}
    </li>
  );
}

/**
 * In the facilitator's panel of a live room: expected participants who have not joined 10
 * minutes after the start, each with a one-tap check-in message (sent once). Nothing shows
 * while everyone expected is here.
 */
export function NotJoinedSection({ sessionId }: { sessionId: string }) {
  const api = useRemindersApi();
  const query = useQuery({
    queryKey: ["not-joined", sessionId],
    queryFn: ({ signal }) => api.notJoined(sessionId, signal),
    refetchInterval: REFRESH_MS,
  });
  if (query.isError) {
    return (
      <section className="room-panel__section">
        <p className="muted">
          We couldn&apos;t check who has not joined. {describeError(query.error)}
        </p>
      </section>
    );
  }
  const people = query.data?.people ?? [];
  if (people.length === 0) return null;
  return (
    <section className="room-panel__section" aria-label="Not joined">
      <h3 className="room-panel__heading">Not joined ({people.length})</h3>
      <ul className="roster">
        {people.map((person) => (
          <Person key={person.id} sessionId={sessionId} person={person} />
        ))}
      </ul>
    </section>
  );
}
