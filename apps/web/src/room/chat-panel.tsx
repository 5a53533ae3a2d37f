import { CRISIS_LINE, MAX_CHAT_MESSAGE_LENGTH } from "@bridgeway/domain";
import { useEffect, useId, useRef, useState, useSyncExternalStore, type SubmitEvent } from "react";
import { formatClock } from "../format/session-time";
import type { ChatEntry, SessionChat } from "./session-chat";

function EntryBody({ entry }: { entry: ChatEntry }) {
  if (entry.deleted) return <p className="chat__body chat__body--gone">Message deleted</p>;
  if (entry.hidden && entry.body === "")
    return <p className="chat__body chat__body--gone">Hidden by a facilitator</p>;
  // Text, never HTML: React escapes it.
  return <p className="chat__body">{entry.body}</p>;
}

function EntryStatus({ entry, onRetry }: { entry: ChatEntry; onRetry: () => void }) {
  switch (entry.status) {
    case "sent":
      return null;
    case "pending":
      return <p className="chat__status">Sending…</p>;
    case "failed":
      return (
        <p className="chat__status chat__status--failed">
          Not sent. {entry.error}{" "}
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={onRetry}
          >
            Retry<span className="visually-hidden"> sending this message</span>
          </button>
        </p>
      );
  }
}

/** The in-session chat: kept with the session, seen by everyone let into the room. */
export function ChatPanel({
  id,
  chat,
  timeZone,
}: {
  id: string;
  chat: SessionChat;
  timeZone: string;
}) {
  const state = useSyncExternalStore(chat.subscribe, chat.getState);
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();
  const logRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    chat.setReading(true);
    return () => chat.setReading(false);
  }, [chat]);

  const count = state.entries.length;
  useEffect(() => {
    const log = logRef.current;
    // Keep the newest message in view as messages arrive.
    if (log && count > 0) log.scrollTop = log.scrollHeight;
  }, [count]);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = chat.send(draft);
    setProblem(found);
    if (!found) setDraft("");
  }

  return (
    <aside id={id} className="room-panel room-panel--chat" aria-label="Session chat">
      <h2 className="room-panel__title">Chat</h2>
      <p className="muted room-panel__note">Everyone in this session can read these messages.</p>
      {state.crisisSupport && (
        <p className="chat__support" role="status">
          You don't have to handle this alone. Call or text{" "}
          <a href={CRISIS_LINE.callHref}>{CRISIS_LINE.number}</a> any time, day or night.
        </p>
      )}
      {state.status === "loading" && <p className="muted">Loading messages…</p>}
      {state.status === "unavailable" && (
        <p className="chat__error" role="alert">
          {state.error}{" "}
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => void chat.start()}
          >
            Try again<span className="visually-hidden"> to load the chat</span>
          </button>
        </p>
      )}
      <div ref={logRef} className="chat__log" role="log" aria-label="Chat history">
        {count === 0 && state.status === "ready" && <p className="muted">No messages yet.</p>}
        <ol className="chat__list">
          {state.entries.map((entry) => (
            <li
              key={entry.key}
              className={`chat__item${entry.mine ? " chat__item--mine" : ""}${entry.status === "failed" ? " chat__item--failed" : ""}`}
            >
              <p className="chat__meta">
                <span className="chat__author">
                  {entry.mine ? "You" : entry.author.displayName}
                </span>{" "}
                <time className="chat__time" dateTime={entry.createdAt}>
                  {formatClock(entry.createdAt, timeZone)}
                </time>
              </p>
              <EntryBody entry={entry} />
              <EntryStatus entry={entry} onRetry={() => chat.retry(entry.key)} />
            </li>
          ))}
        </ol>
      </div>
      <form className="chat__form" onSubmit={submit} noValidate>
        <label className="field__label" htmlFor={inputId}>
          Your message
        </label>
        <textarea
          id={inputId}
          className="field__input chat__input"
          rows={2}
          maxLength={MAX_CHAT_MESSAGE_LENGTH}
          value={draft}
          aria-describedby={problem ? errorId : undefined}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            // Enter sends; Shift+Enter starts a new line.
            if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
        />
        {problem && (
          <p id={errorId} className="field__error">
            {problem}
          </p>
        )}
        <button type="submit" className="button button--small">
          Send
        </button>
      </form>
    </aside>
  );
}
