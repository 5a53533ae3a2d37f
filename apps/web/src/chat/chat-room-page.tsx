import { parseRoomKey } from "@bridgeway/domain";
import { useCallback, useState } from "react";
import { Link, useParams } from "react-router";
import { CrisisSupportPanel } from "../alerts/crisis-support-panel";
import { PageHeading } from "../shell/page-heading";
import { roomKindLabel } from "./chat-format";
import { ChatRoomView } from "./chat-room-view";
import { ConnectionBanner } from "./connection-banner";
import { useChatRooms } from "./use-chat-rooms";
import { useRealtime } from "./use-realtime";
import "./chat.css";

/** `/chat/:roomKey`: one room, with a way back to the list. */
export function ChatRoomPage() {
  const { roomKey = "" } = useParams();
  const { transport, connection } = useRealtime();
  const rooms = useChatRooms(transport);
  const [missing, setMissing] = useState<string | null>(null);
  const onNotFound = useCallback(() => setMissing(roomKey), [roomKey]);
  const ref = parseRoomKey(roomKey);
  const summary = rooms.data?.find((r) => r.roomKey === roomKey);
  const notFound = ref === null || missing === roomKey;

  return (
    <>
      <PageHeading>{notFound ? "Chat room not found" : (summary?.title ?? "Chat")}</PageHeading>
      <p className="page-back chat-back">
        <Link to="/chat">All chat rooms</Link>
        {!notFound && <span className="chat-kind">{roomKindLabel(ref.kind)}</span>}
      </p>
      <CrisisSupportPanel />
      <ConnectionBanner state={connection} />
      {ref === null ? (
        <p className="state state--empty">
          This chat room does not exist, or you are not in it. Choose a room from your chat list.
        </p>
      ) : (
        <ChatRoomView
          key={roomKey}
          transport={transport}
          roomKey={roomKey}
          onNotFound={onNotFound}
        />
      )}
    </>
  );
}
