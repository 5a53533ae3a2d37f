import type { SessionSummary } from "@bridgeway/domain";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("sessions");
  const state = joinState(session, now, viewerZone);
  const context = t("kindAt", {
    kind: t(`kinds.${session.kind}`),
    time: formatClock(session.startsAt, viewerZone),
  });
  switch (state.kind) {
    case "cancelled":
      return null;
    case "not-yet":
      return (
        <>
          <button type="button" className="button button--secondary" disabled>
            {t("joinOpensAt", { time: formatClock(state.opensAt, viewerZone) })}
          </button>
          <Link className="session-card__link" to={`/sessions/${session.id}`}>
            {t("details")}
            <HiddenContext>{t("detailsOf", { session: context })}</HiddenContext>
          </Link>
        </>
      );
    case "open":
      return (
        <Link className="button button--join" to={`/sessions/${session.id}`}>
          {t("join")}
          <HiddenContext>{context}</HiddenContext>
        </Link>
      );
    case "ended":
      return <span className="join-ended">{t("ended")}</span>;
  }
}
