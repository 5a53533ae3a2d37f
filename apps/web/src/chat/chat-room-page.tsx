import { parseRoomKey } from "@bridgeway/domain";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { CrisisSupportPanel } from "../alerts/crisis-support-panel";
import { PageHeading } from "../shell/page-heading";
import { chatRoomTitle, roomKindLabel } from "./chat-format";
import { ChatRoomView } from "./chat-room-view";
import { ConnectionBanner } from "./connection-banner";
import { useChatRooms } from "./use-chat-rooms";
import { useRealtime } from "./use-realtime";
import "./chat.css";

/** `/chat/:roomKey`: one room, with a way back to the list. */
export function ChatRoomPage() {
  const { t } = useTranslation("chat");
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
      <PageHeading>
        {notFound ? t("notFoundTitle") : summary ? chatRoomTitle(summary, t) : t("title")}
      </PageHeading>
      <p className="page-back chat-back">
        <Link to="/chat">{t("allRooms")}</Link>
        {!notFound && <span className="chat-kind">{roomKindLabel(ref.kind, t)}</span>}
      </p>
      <CrisisSupportPanel />
      <ConnectionBanner state={connection} />
      {ref === null ? (
        <p className="state state--empty">{t("notFound")}</p>
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
