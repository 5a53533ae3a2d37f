import { CRISIS_LINE } from "@bridgeway/domain";
import { useEffect, useId, useRef } from "react";
import { Link } from "react-router";
import type { AudioLevels } from "./audio-levels";
import type { LocalMedia, LocalMediaState } from "./local-media";
import { SelfPreview } from "./prejoin-screen";
import type { RoomPhase, SocketConnection } from "./room-controller";
import { describeElapsed, formatElapsed, type Refusal } from "./room-view";
import { useTicker } from "./room-ui";

/** The waiting room: calm, clear that nothing needs doing, and a way out. */
export function WaitingScreen({
  since,
  socket,
  local,
  media,
  levels,
  onLeave,
}: {
  since: number;
  socket: SocketConnection;
  local: LocalMediaState;
  media: Pick<LocalMedia, "setMicrophone" | "setCamera">;
  levels: AudioLevels;
  onLeave: () => void;
}) {
  const now = useTicker();
  const headingId = useId();
  const waited = Math.max(0, now - since);
  return (
    <section className="card waiting" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        Waiting for the facilitator to let you in
      </h2>
      <p>
        You're in the right place. The facilitator will let you in when the session is ready.
        There's nothing you need to do: this page moves on by itself.
      </p>
      <p className="waiting__status" role="status">
        {socket === "reconnecting"
          ? "Reconnecting… you keep your place in the waiting room."
          : "You are in the waiting room."}
      </p>
      <p className="waiting__elapsed">
        Waiting for{" "}
        <span role="timer" aria-label={`Waiting for ${describeElapsed(waited)}`}>
          {formatElapsed(waited)}
        </span>
      </p>
      <SelfPreview local={local} media={media} levels={levels} selfId="self" />
      <p className="muted">
        While you wait, you can check your camera and microphone. If you need help right now, call
        or text {CRISIS_LINE.number}.
      </p>
      <button type="button" className="button button--secondary" onClick={onLeave}>
        Leave waiting room
      </button>
    </section>
  );
}

/** Where a refusal or an ending leaves someone, with what they can do next. */
export function OutcomeScreen({
  phase,
  homePath,
  homeLabel,
  onTryAgain,
}: {
  phase: Exclude<RoomPhase, { kind: "prejoin" | "joining" | "waiting" | "in-room" }>;
  homePath: string;
  homeLabel: string;
  onTryAgain: () => void;
}) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const view = outcome(phase);
  useEffect(() => {
    // The screen changed under the person (ended, removed): start reading here.
    headingRef.current?.focus();
  }, []);
  return (
    <section className="card outcome" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="card__title">
        {view.title}
      </h2>
      <p>{view.message}</p>
      <div className="actions">
        {view.next.includes("try-again") && (
          <button type="button" className="button" onClick={onTryAgain}>
            {phase.kind === "left" ? "Rejoin session" : "Try again"}
          </button>
        )}
        <Link className="button button--secondary" to={homePath}>
          Back to {homeLabel}
        </Link>
      </div>
    </section>
  );
}

function outcome(
  phase: Exclude<RoomPhase, { kind: "prejoin" | "joining" | "waiting" | "in-room" }>,
): Refusal {
  switch (phase.kind) {
    case "refused":
      return phase.refusal;
    case "declined":
      return {
        title: "The facilitator didn't let you in",
        message: phase.message,
        next: ["my-week"],
      };
    case "removed":
      return {
        title: "You were removed from this session",
        message:
          "The facilitator removed you from this session, so you can't rejoin it. If you have questions, contact your care team.",
        next: ["my-week"],
      };
    case "ended":
      return {
        title: "The session has ended",
        message: "Thank you for joining. The video room is closed.",
        next: ["my-week"],
      };
    case "left":
      return {
        title: "You left the session",
        message: "Your camera and microphone are off. You can rejoin while the session is on.",
        next: ["try-again", "my-week"],
      };
  }
}
