import type { ChatRoomSummary } from "@bridgeway/domain";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../i18n/use-format";
import { chatRoomTitle, formatChatTime, roomKindLabel, unreadLabel } from "./chat-format";

/** The rooms someone is in: name, kind, unread count and when it was last active. */
export function RoomList({
  rooms,
  now,
  timeZone,
}: {
  rooms: readonly ChatRoomSummary[];
  now: Date;
  timeZone: string;
}) {
  const { t } = useTranslation("chat");
  const { locale } = useFormat();
  return (
    <ul className="chat-rooms">
      {rooms.map((room) => (
        <li key={room.roomKey}>
          <Link className="chat-rooms__link" to={`/chat/${room.roomKey}`}>
            <span className="chat-rooms__title">{chatRoomTitle(room, t)}</span>
            <span className="chat-rooms__meta">
              {roomKindLabel(room.kind, t)}
              {" · "}
              {room.lastMessageAt
                ? t("lastMessage", {
                    time: formatChatTime(room.lastMessageAt, now, timeZone, locale),
                  })
                : t("noMessagesYet")}
            </span>
            {room.unread > 0 && (
              <span className="badge badge--info chat-rooms__unread">
                {unreadLabel(room.unread, t)}
              </span>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}
