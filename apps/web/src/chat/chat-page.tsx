import { CrisisSupportPanel } from "../alerts/crisis-support-panel";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../session/auth-context";
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
  const { user } = useSignedIn();
  const { transport, connection } = useRealtime();
  const rooms = useChatRooms(transport);
  const now = useNow();
  return (
    <>
      <PageHeading>Chat</PageHeading>
      <CrisisSupportPanel />
      <ConnectionBanner state={connection} />
      <QueryView
        query={rooms}
        loadingLabel="Loading your chat rooms…"
        errorTitle="We couldn't load your chat rooms"
      >
        {(list) =>
          list.length === 0 ? (
            <EmptyState title="You are not in any chat rooms yet.">
              <p>
                {user.role === "PARTICIPANT"
                  ? "Your cohort's room appears here once you are enrolled in a cohort."
                  : "Rooms appear here once you facilitate a cohort."}
              </p>
            </EmptyState>
          ) : (
            <RoomList rooms={list} now={now} timeZone={user.timeZone} />
          )
        }
      </QueryView>
    </>
  );
}
