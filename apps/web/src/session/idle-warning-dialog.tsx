import { CRISIS_LINE } from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore } from "react";
import { describeError } from "../api/api-client";
import { useServices } from "../app/services-context";
import { formatTimeOfDay } from "../format/format";
import { formatCountdown, type SessionLimit } from "./idle-timer";

/** Shows the sign-out warning while the session is within its last minutes. */
export function IdleWarningDialog({
  timeZone,
  showCrisisLine,
}: {
  timeZone: string;
  /** Participants: a modal dialog makes the page's crisis bar unreachable, so repeat it here. */
  showCrisisLine: boolean;
}) {
  const { session } = useServices();
  const state = useSyncExternalStore(session.subscribe, session.idleState);
  if (state.phase !== "warning") return null;
  // Keyed by limit: reaching the absolute limit is a different conversation, opened afresh.
  return (
    <WarningDialog
      key={state.limit}
      endsAt={state.endsAt}
      limit={state.limit}
      timeZone={timeZone}
      showCrisisLine={showCrisisLine}
    />
  );
}

/** Milliseconds left until `endsAt`, re-rendered as each second passes. */
function useRemaining(endsAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      // Wake at the next whole second of the countdown, so the display never skips or stalls.
      const remaining = endsAt - current;
      timer = setTimeout(tick, remaining > 0 ? remaining % 1000 || 1000 : 1000);
    };
    timer = setTimeout(tick, Math.max(0, endsAt - Date.now()) % 1000 || 1000);
    return () => clearTimeout(timer);
  }, [endsAt]);
  return endsAt - now;
}

function describeMinutes(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

function WarningDialog({
  endsAt,
  limit,
  timeZone,
  showCrisisLine,
}: {
  endsAt: number;
  limit: SessionLimit;
  timeZone: string;
  showCrisisLine: boolean;
}) {
  const { session } = useServices();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const remaining = useRemaining(endsAt);
  const [announced, setAnnounced] = useState(false);
  const stay = useMutation({ mutationFn: () => session.staySignedIn() });
  const signOut = useMutation({ mutationFn: () => session.signOut() });

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const previouslyFocused = document.activeElement;
    dialog.showModal();
    return () => {
      dialog.close();
      if (previouslyFocused instanceof HTMLElement && previouslyFocused.isConnected)
        previouslyFocused.focus();
    };
  }, []);

  useEffect(() => {
    // Filled once, a moment after opening, so screen readers announce it once and not every tick.
    const timer = setTimeout(() => setAnnounced(true), 150);
    return () => clearTimeout(timer);
  }, []);

  const countdown = formatCountdown(remaining);
  const idle = limit === "idle";
  const busy = stay.isPending || signOut.isPending;
  const error = stay.error ?? signOut.error;
  // Worded once, from the time left when the warning opened: it must not change with the ticks.
  const [timeLeft] = useState(() => describeMinutes(remaining));
  const announcement = idle
    ? `For your privacy, you will be signed out in ${timeLeft} unless you choose to stay signed in.`
    : `Your session reaches its 12-hour limit in ${timeLeft} and cannot be extended.`;

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={headingId}
      onCancel={(event) => {
        // Escape on the idle warning means "I'm here"; the absolute notice may just be closed.
        if (!idle) return;
        event.preventDefault();
        if (!busy) stay.mutate();
      }}
    >
      <h2 id={headingId} className="dialog__title">
        {idle ? "Are you still there?" : "Your session is ending"}
      </h2>
      {idle ? (
        <p className="dialog__text">
          For your privacy, you will be signed out in{" "}
          <span className="dialog__countdown">{countdown}</span>.
        </p>
      ) : (
        <p className="dialog__text">
          Your session reaches its 12-hour limit at {formatTimeOfDay(endsAt, timeZone)} and cannot
          be extended. For your privacy, you will be signed out in{" "}
          <span className="dialog__countdown">{countdown}</span>. Save anything you are writing,
          then sign in again.
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announced ? announcement : ""}
      </p>
      {error && (
        <p className="dialog__error" role="alert">
          {describeError(error)}
        </p>
      )}
      <div className="dialog__actions">
        {idle && (
          <button
            type="button"
            className="button"
            onClick={() => stay.mutate()}
            disabled={busy}
            autoFocus
          >
            {stay.isPending ? "Staying signed in…" : "Stay signed in"}
          </button>
        )}
        <button
          type="button"
          className={idle ? "button button--secondary" : "button"}
          onClick={() => signOut.mutate()}
          disabled={busy}
          autoFocus={!idle}
        >
          {signOut.isPending ? "Signing out…" : "Sign out now"}
        </button>
      </div>
      {showCrisisLine && (
        <p className="dialog__crisis">
          In crisis? <a href={CRISIS_LINE.callHref}>Call {CRISIS_LINE.number}</a> or{" "}
          <a href={CRISIS_LINE.textHref}>text {CRISIS_LINE.number}</a>
        </p>
      )}
    </dialog>
  );
}
