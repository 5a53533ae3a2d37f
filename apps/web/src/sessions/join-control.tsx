import { sessionKindInfo, type SessionSummary } from "@bridgeway/domain";
import { Link } from "react-router";
import { formatClock } from "../format/session-time";
import { joinState } from "./join-state";
import { HiddenContext } from "../shell/hidden-context";

/**
 * The join button of a session in a list: disabled with the time it opens, then a link into
 * the session, then "Ended". Cancelled sessions have none (their card says so).
 */
export function JoinControl({
  session,
  now,
  viewerZone,
}: {
  session: SessionSummary;
  now: Date;
  viewerZone: string;
}) {
  const state = joinState(session, now, viewerZone);
  const context = `${sessionKindInfo(session.kind).label} at ${formatClock(session.startsAt, viewerZone)}`;
  switch (state.kind) {
    case "cancelled":
      return null;
    case "not-yet":
      return (
        <>
          <button type="button" className="button button--secondary" disabled>
            {state.label}
          </button>
          <Link className="session-card__link" to={`/sessions/${session.id}`}>
            Details<HiddenContext>{`of ${context}`}</HiddenContext>
          </Link>
        </>
      );
    case "open":
      return (
        <Link className="button button--join" to={`/sessions/${session.id}`}>
          Join<HiddenContext>{context}</HiddenContext>
        </Link>
      );
    case "ended":
      return <span className="join-ended">Ended</span>;
  }
}
