import type { ChatRoomSummary } from "@bridgeway/domain";
import { Link } from "react-router";
import { formatChatTime, roomKindLabel, unreadLabel } from "./chat-format";

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
  return (
    <ul className="chat-rooms">
      {rooms.map((room) => (
        <li key={room.roomKey}>
          <Link className="chat-rooms__link" to={`/chat/${room.roomKey}`}>
            <span className="chat-rooms__title">{room.title}</span>
            <span className="chat-rooms__meta">
              {roomKindLabel(room.kind)}
              {" · "}
              {room.lastMessageAt
                ? `Last message ${formatChatTime(room.lastMessageAt, now, timeZone)}`
                : "No messages yet"}
            </span>
            {room.unread > 0 && (
              <span className="badge badge--info chat-rooms__unread">
                {unreadLabel(room.unread)}
              </span>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}
