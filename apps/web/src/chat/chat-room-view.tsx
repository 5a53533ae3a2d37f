import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { useSignedIn } from "../sign-in/auth-context";
import { useNow } from "../sessions/use-now";
import { ErrorState, LoadingState } from "../shell/status-states";
import { ChatRoom } from "./chat-room";
import type { ChatTransport } from "./chat-transport";
import { ComposeBox } from "./compose-box";
import type { Viewer } from "./message-actions";
import { MessageItem, OutboxItem, type MessageHandlers } from "./message-item";
import { localOutboxStore } from "./outbox-store";
import { typingText } from "./typing";
import { clearUnread } from "./use-chat-rooms";

/** Within this distance of the bottom, new messages keep the view at the bottom. */
const NEAR_BOTTOM_PX = 80;
/** Scrolled this close to the top, earlier messages load by themselves. */
const NEAR_TOP_PX = 40;

/** The open room: its state lives in a ChatRoom for as long as this view is on screen. */
function useChatRoom(transport: ChatTransport, roomKey: string, viewer: Viewer) {
  const queryClient = useQueryClient();
  const [room] = useState(
    () =>
      new ChatRoom(transport, roomKey, viewer, {
        onRead: (key) => clearUnread(queryClient, viewer.userId, key),
        // Unsent messages survive a reload on this device, and go by themselves when they can.
        outbox: localOutboxStore(viewer.userId, roomKey),
      }),
  );
  useEffect(() => room.start(), [room]);
  const state = useSyncExternalStore(room.subscribe, room.getState);
  return { room, state };
}

/**
 * A chat room: messages oldest to newest in a scrolling log, earlier ones on demand, who is
 * typing, and the compose box. Render with `key={roomKey}`: one view per room.
 */
export function ChatRoomView({
  transport,
  roomKey,
  onNotFound,
}: {
  transport: ChatTransport;
  roomKey: string;
  onNotFound: () => void;
}) {
  const { t } = useTranslation("chat");
  const { user } = useSignedIn();
  const viewer: Viewer = { userId: user.id, staff: user.role !== "PARTICIPANT" };
  const { room, state } = useChatRoom(transport, roomKey, viewer);
  const now = useNow();
  const logRef = useRef<HTMLDivElement>(null);
  const { messages, outbox } = state.timeline;
  const newestId = messages.at(-1)?.id;
  const oldestId = messages[0]?.id;
  const lastOutbox = outbox.at(-1)?.clientId;

  const notFound = state.load.status === "error" && state.load.error.status === 404;
  useEffect(() => {
    if (notFound) onNotFound();
  }, [notFound, onNotFound]);

  // Keep the reader where they are: at the bottom as messages arrive, in place as older ones
  // are added above.
  const scroll = useRef({ height: 0, top: 0, nearBottom: true, oldestId, newestId, lastOutbox });
  useLayoutEffect(() => {
    const log = logRef.current;
    if (!log) return;
    const before = scroll.current;
    const olderAdded = before.oldestId !== undefined && oldestId !== before.oldestId;
    const newerAdded = newestId !== before.newestId || lastOutbox !== before.lastOutbox;
    if (olderAdded && !newerAdded) {
      log.scrollTop = before.top + (log.scrollHeight - before.height);
    } else if (newerAdded && (before.nearBottom || lastOutbox !== before.lastOutbox)) {
      log.scrollTop = log.scrollHeight;
    }
    scroll.current = {
      height: log.scrollHeight,
      top: log.scrollTop,
      nearBottom: log.scrollHeight - log.scrollTop - log.clientHeight < NEAR_BOTTOM_PX,
      oldestId,
      newestId,
      lastOutbox,
    };
  }, [oldestId, newestId, lastOutbox]);

  // Read markers: the newest message counts as read while the room is on screen.
  useEffect(() => {
    const read = () => {
      if (document.visibilityState === "visible") room.markRead();
    };
    read();
    document.addEventListener("visibilitychange", read);
    return () => document.removeEventListener("visibilitychange", read);
  }, [room, newestId]);

  const handlers: MessageHandlers = {
    edit: (id, body) => room.edit(id, body),
    remove: (id) => room.remove(id),
    hide: (id, reason) => room.hide(id, reason),
    report: (id, reason) => room.report(id, reason),
    retry: (clientId) => room.retry(clientId),
  };

  if (state.load.status === "loading" && messages.length === 0) {
    return <LoadingState label={t("loadingMessages")} />;
  }
  if (state.load.status === "error") {
    if (notFound) {
      return <p className="state state--empty">{t("notFound")}</p>;
    }
    return (
      <ErrorState
        title={t("openError")}
        error={state.load.error}
        onRetry={() => room.retryLoad()}
      />
    );
  }

  const { older } = state;
  const typing = typingText(state.typing, t);
  return (
    <div className="chat-room">
      <div
        ref={logRef}
        className="chat-log"
        role="log"
        aria-label={t("messages")}
        tabIndex={0}
        onScroll={(event) => {
          const log = event.currentTarget;
          scroll.current.top = log.scrollTop;
          scroll.current.height = log.scrollHeight;
          scroll.current.nearBottom =
            log.scrollHeight - log.scrollTop - log.clientHeight < NEAR_BOTTOM_PX;
          if (log.scrollTop < NEAR_TOP_PX && older.status === "more") void room.loadOlder();
        }}
      >
        <div className="chat-log__older">
          {older.status === "more" && messages.length > 0 && (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => void room.loadOlder()}
            >
              {t("loadEarlier")}
            </button>
          )}
          {older.status === "loading" && <LoadingState label={t("loadingEarlier")} />}
          {older.status === "error" && (
            <p className="field__error">
              {t("earlierFailed")} {older.error}{" "}
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => void room.loadOlder()}
              >
                {t("tryAgain")}
              </button>
            </p>
          )}
          {older.status === "all" && messages.length > 0 && <p className="muted">{t("start")}</p>}
        </div>
        {messages.length === 0 && outbox.length === 0 ? (
          <p className="chat-log__empty">{t("empty")}</p>
        ) : (
          <ol className="chat-messages">
            {messages.map((message) => (
              <MessageItem
                key={message.clientId}
                message={message}
                viewer={viewer}
                now={now}
                timeZone={user.timeZone}
                reported={state.reported.has(message.id)}
                handlers={handlers}
              />
            ))}
            {outbox.map((entry) => (
              <OutboxItem
                key={entry.clientId}
                entry={entry}
                now={now}
                timeZone={user.timeZone}
                onRetry={handlers.retry}
              />
            ))}
          </ol>
        )}
      </div>
      <p className="chat-typing" aria-live="polite">
        {typing}
      </p>
      <ComposeBox onSend={(text) => room.send(text)} onTyping={(text) => room.typingInput(text)} />
    </div>
  );
}
