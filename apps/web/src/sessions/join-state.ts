import { joinWindow, type SessionSummary } from "@bridgeway/domain";
import { JOIN_OPENS_BEFORE_MS } from "@bridgeway/domain";
import { formatClock } from "../format/session-time";

/** Where a session's join button stands at one moment. */
export type JoinState =
  | { kind: "cancelled"; reason: string | null }
  | { kind: "not-yet"; opensAt: number; label: string }
  | { kind: "open" }
  | { kind: "ended"; endedAt: string | null };

type Joinable = Pick<SessionSummary, "status" | "startsAt" | "endsAt" | "cancelReason"> &
  Partial<Pick<SessionSummary, "endedAt">>;

/**
 * The join state of `session` at `now`: cancelled, not yet ("Join opens at 5:50 PM", in the
 * viewer's zone), open from shortly before the start until the end, or ended. A session the
 * facilitator ended early is ended for everyone from then on (`endedAt` says when).
 */
export function joinState(session: Joinable, now: Date, viewerTimeZone: string): JoinState {
  if (session.status === "CANCELLED") return { kind: "cancelled", reason: session.cancelReason };
  const endedAt = session.endedAt ?? null;
  if (endedAt !== null) return { kind: "ended", endedAt };
  const startsAt = new Date(session.startsAt);
  const window = joinWindow(startsAt, new Date(session.endsAt), now);
  switch (window) {
    case "not-yet": {
      const opensAt = startsAt.getTime() - JOIN_OPENS_BEFORE_MS;
      return {
        kind: "not-yet",
        opensAt,
        label: `Join opens at ${formatClock(opensAt, viewerTimeZone)}`,
      };
    }
    case "open":
      return { kind: "open" };
    case "ended":
      return { kind: "ended", endedAt: null };
  }
}
