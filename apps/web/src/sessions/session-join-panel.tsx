import { isoDateInZone, type SessionSummary } from "@bridgeway/domain";
import { useId } from "react";
import { Link } from "react-router";
import { formatClock, formatDayHeading, zoneAbbreviation } from "../format/session-time";
import { joinState } from "./join-state";

/**
 * Where joining the session's video room stands: when it opens, and then the way in (the room's
 * own pre-join screen, at `/sessions/:id/room`).
 */
export function SessionJoinPanel({
  session,
  now,
  viewerZone,
}: {
  session: SessionSummary;
  now: Date;
  viewerZone: string;
}) {
  const headingId = useId();
  const state = joinState(session, now, viewerZone);
  switch (state.kind) {
    case "cancelled":
      return (
        <section className="card card--danger join-panel" aria-labelledby={headingId}>
          <h2 id={headingId} className="card__title">
            This session was cancelled
          </h2>
          <p>{state.reason ? `Reason: ${state.reason}` : "No reason was given."}</p>
        </section>
      );
    case "not-yet": {
      const opensOn = isoDateInZone(new Date(state.opensAt), viewerZone);
      const today = isoDateInZone(now, viewerZone);
      const time = `${formatClock(state.opensAt, viewerZone)} ${zoneAbbreviation(state.opensAt, viewerZone)}`;
      return (
        <section className="card join-panel" aria-labelledby={headingId}>
          <h2 id={headingId} className="card__title">
            Joining
          </h2>
          <p className="join-panel__message">
            {opensOn === today
              ? `The video room opens here at ${time}`
              : `The video room opens here on ${formatDayHeading(opensOn)} at ${time}`}
            , 10 minutes before the start.
          </p>
          <p className="muted">Keep this page open: the room opens by itself.</p>
        </section>
      );
    }
    case "open":
      return (
        <section className="card card--open join-panel" aria-labelledby={headingId}>
          <h2 id={headingId} className="card__title">
            The video room is open
          </h2>
          <Link className="button button--join button--block" to={`/sessions/${session.id}/room`}>
            Join the video room
          </Link>
          <p className="muted join-panel__message">
            Next you can check your camera and microphone before you go in.
          </p>
        </section>
      );
    case "ended":
      return (
        <section className="card join-panel" aria-labelledby={headingId}>
          <h2 id={headingId} className="card__title">
            {state.endedAt
              ? `This session ended at ${formatClock(state.endedAt, viewerZone)}`
              : "This session has ended"}
          </h2>
          <p>The video room is closed.</p>
        </section>
      );
  }
}
