import { CRISIS_LINE } from "@bridgeway/domain";
import type { TFunction } from "i18next";
import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { i18n } from "../i18n/i18n";
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
  const { t } = useTranslation("room");
  const now = useTicker();
  const headingId = useId();
  const waited = Math.max(0, now - since);
  return (
    <section className="card waiting" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t("waiting.title")}
      </h2>
      <p>{t("waiting.intro")}</p>
      <p className="waiting__status" role="status">
        {socket === "reconnecting" ? t("waiting.reconnecting") : t("waiting.inWaitingRoom")}
      </p>
      <p className="waiting__elapsed">
        {t("waiting.waitingFor")}
        <span
          role="timer"
          aria-label={t("waiting.waitingForTimer", { elapsed: describeElapsed(waited, t) })}
        >
          {formatElapsed(waited)}
        </span>
      </p>
      <SelfPreview local={local} media={media} levels={levels} selfId="self" />
      <p className="muted">{t("waiting.whileYouWait", { number: CRISIS_LINE.number })}</p>
      <button type="button" className="button button--secondary" onClick={onLeave}>
        {t("waiting.leave")}
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
  onBackToWaitingRoom,
}: {
  phase: Exclude<RoomPhase, { kind: "checking" | "prejoin" | "joining" | "waiting" | "in-room" }>;
  homePath: string;
  homeLabel: string;
  onTryAgain: () => void;
  /** Let back in after a removal: to the waiting room. */
  onBackToWaitingRoom?: () => void;
}) {
  const { t } = useTranslation("room");
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const view = outcome(phase, t);
  useEffect(() => {
    // The screen changed under the person (ended, removed, let back in): start reading here.
    headingRef.current?.focus();
  }, [phase.kind]);
  return (
    <section className="card outcome" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="card__title">
        {view.title}
      </h2>
      <p>{view.message}</p>
      <div className="actions">
        {phase.kind === "readmitted" && onBackToWaitingRoom && (
          <button type="button" className="button" onClick={onBackToWaitingRoom}>
            {t("outcome.backToWaitingRoom")}
          </button>
        )}
        {view.next.includes("try-again") && (
          <button type="button" className="button" onClick={onTryAgain}>
            {phase.kind === "left" ? t("outcome.rejoin") : t("outcome.tryAgain")}
          </button>
        )}
        <Link className="button button--secondary" to={homePath}>
          {t("outcome.backTo", { home: homeLabel })}
        </Link>
      </div>
    </section>
  );
}

function outcome(
  phase: Exclude<RoomPhase, { kind: "checking" | "prejoin" | "joining" | "waiting" | "in-room" }>,
  t: TFunction<"room">,
): Refusal {
  switch (phase.kind) {
    case "refused":
      return phase.refusal;
    case "declined":
      return {
        title: t("outcome.declined"),
        // Without a message of the facilitator's own, the server sends its English default.
        message:
          phase.message === i18n.getFixedT("en", "room")("outcome.declinedMessage")
            ? t("outcome.declinedMessage")
            : phase.message,
        next: ["my-week"],
      };
    case "removed":
      return phase.reason === "consent"
        ? {
            // Nobody removed them: the sharing that let them take part changed. No blame, no detail.
            title: t("outcome.consentTitle"),
            message: t("outcome.consentMessage"),
            next: ["my-week"],
          }
        : {
            title: t("outcome.removedTitle"),
            message: t("outcome.removedMessage"),
            next: ["my-week"],
          };
    case "readmitted":
      return {
        title: t("outcome.readmittedTitle"),
        message: t("outcome.readmittedMessage"),
        next: ["my-week"],
      };
    case "ended":
      return {
        title: t("outcome.endedTitle"),
        message: t("outcome.endedMessage"),
        next: ["my-week"],
      };
    case "left":
      return {
        title: t("outcome.leftTitle"),
        message: t("outcome.leftMessage"),
        next: ["try-again", "my-week"],
      };
  }
}
