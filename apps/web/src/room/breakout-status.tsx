import type { RoomSnapshot } from "@bridgeway/domain";
import { useTranslation } from "react-i18next";
import { breakoutAnnouncement, breakoutRemaining, breakoutTimerText, whereAmI } from "./breakouts";
import { Icon } from "./room-ui";

/**
 * While breakout rooms are open, everyone sees where they are and the time left. The timer is
 * read on demand; a polite status says how long is left only at a few milestones.
 */
export function BreakoutStatus({ room, now }: { room: RoomSnapshot; now: number }) {
  const { t } = useTranslation("room");
  if (!room.breakouts) return null;
  const remaining = breakoutRemaining(room, now);
  return (
    <div className="breakout-status">
      <p className="breakout-status__where">{whereAmI(room, t)}</p>
      {remaining !== null && (
        <p className="breakout-status__timer">
          <Icon name="clock" />
          <span role="timer">{breakoutTimerText(remaining, room.breakouts.whenTimeIsUp, t)}</span>
        </p>
      )}
      <p className="visually-hidden" role="status">
        {remaining === null ? "" : breakoutAnnouncement(remaining, room.breakouts.whenTimeIsUp, t)}
      </p>
    </div>
  );
}
