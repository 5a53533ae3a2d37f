import { useTranslation } from "react-i18next";
import { CrisisSupportPanel } from "../alerts/crisis-support-panel";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../sign-in/auth-context";
import { useNow } from "../sessions/use-now";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { ConnectionBanner } from "./connection-banner";
import { RoomList } from "./room-list";
import { useRealtime } from "./use-realtime";
import { useChatRooms } from "./use-chat-rooms";
import "./chat.css";

/** `/chat`: the rooms the person is in, with unread counts. */
export function ChatPage() {
  const { t } = useTranslation("chat");
  const { user } = useSignedIn();
  const { transport, connection } = useRealtime();
  const rooms = useChatRooms(transport);
  const now = useNow();
  return (
    <>
      <PageHeading>{t("title")}</PageHeading>
      <CrisisSupportPanel />
      <ConnectionBanner state={connection} />
      <QueryView query={rooms} loadingLabel={t("loadingRooms")} errorTitle={t("roomsError")}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t("noRooms")}>
              <p>{user.role === "PARTICIPANT" ? t("noRoomsParticipant") : t("noRoomsStaff")}</p>
            </EmptyState>
          ) : (
            <RoomList rooms={list} now={now} timeZone={user.timeZone} />
          )
        }
      </QueryView>
    </>
  );
}
