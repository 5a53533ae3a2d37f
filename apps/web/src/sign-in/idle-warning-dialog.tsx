import { crisisLineFor } from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useState, useSyncExternalStore } from "react";
import { Trans, useTranslation } from "react-i18next";
import { describeError } from "../api/api-client";
import { useServices } from "../app/services-context";
import { formatTimeOfDay } from "../format/format";
import { useLocale } from "../i18n/use-locale";
import { formatCountdown, type SignInLimit } from "./idle-timer";
import { useModalDialog } from "../forms/use-modal-dialog";

/** Shows the sign-out warning while the sign-in is within its last minutes. */
export function IdleWarningDialog({
  timeZone,
  showCrisisLine,
}: {
  timeZone: string;
  /** Participants: a modal dialog makes the page's crisis bar unreachable, so repeat it here. */
  showCrisisLine: boolean;
}) {
  const { signIn } = useServices();
  const state = useSyncExternalStore(signIn.subscribe, signIn.idleState);
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

function WarningDialog({
  endsAt,
  limit,
  timeZone,
  showCrisisLine,
}: {
  endsAt: number;
  limit: SignInLimit;
  timeZone: string;
  showCrisisLine: boolean;
}) {
  const { t } = useTranslation("shell");
  const locale = useLocale();
  const line = crisisLineFor(locale);
  const { signIn } = useServices();
  const dialogRef = useModalDialog();
  const headingId = useId();
  const remaining = useRemaining(endsAt);
  const [announced, setAnnounced] = useState(false);
  const stay = useMutation({ mutationFn: () => signIn.staySignedIn() });
  const signOut = useMutation({ mutationFn: () => signIn.signOut() });

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
  const [timeLeft] = useState(() =>
    t("idle.minutes", { count: Math.max(1, Math.ceil(remaining / 60_000)) }),
  );
  const announcement = idle
    ? t("idle.idleAnnouncement", { timeLeft })
    : t("idle.limitAnnouncement", { timeLeft });
  const countdownPart = { countdown: <span className="dialog__countdown" /> };

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
        {idle ? t("idle.stillThere") : t("idle.sessionEnding")}
      </h2>
      {idle ? (
        <p className="dialog__text">
          <Trans t={t} i18nKey="idle.idleText" values={{ countdown }} components={countdownPart} />
        </p>
      ) : (
        <p className="dialog__text">
          <Trans
            t={t}
            i18nKey="idle.limitText"
            values={{ countdown, time: formatTimeOfDay(endsAt, timeZone, locale) }}
            components={countdownPart}
          />
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
            {stay.isPending ? t("idle.staying") : t("idle.stay")}
          </button>
        )}
        <button
          type="button"
          className={idle ? "button button--secondary" : "button"}
          onClick={() => signOut.mutate()}
          disabled={busy}
          autoFocus={!idle}
        >
          {signOut.isPending ? t("signingOut") : t("idle.signOutNow")}
        </button>
      </div>
      {showCrisisLine && (
        <p className="dialog__crisis">
          <Trans
            t={t}
            i18nKey="idle.inCrisis"
            components={{ call: <a href={line.callHref} />, text: <a href={line.textHref} /> }}
          />
        </p>
      )}
    </dialog>
  );
}
