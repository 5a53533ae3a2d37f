import { CRISIS_LINE, MAX_CHAT_MESSAGE_LENGTH } from "@bridgeway/domain";
import { useEffect, useId, useRef, useState, useSyncExternalStore, type SubmitEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { formatClock } from "../format/session-time";
import type { ChatEntry, SessionChat } from "./session-chat";

function EntryBody({ entry }: { entry: ChatEntry }) {
  const { t } = useTranslation("room");
  if (entry.deleted) return <p className="chat__body chat__body--gone">{t("chat.deleted")}</p>;
  if (entry.hidden && entry.body === "")
    return <p className="chat__body chat__body--gone">{t("chat.hidden")}</p>;
  // Text, never HTML: React escapes it.
  return <p className="chat__body">{entry.body}</p>;
}

function EntryStatus({ entry, onRetry }: { entry: ChatEntry; onRetry: () => void }) {
  const { t } = useTranslation("room");
  switch (entry.status) {
    case "sent":
      return null;
    case "pending":
      return <p className="chat__status">{t("chat.sending")}</p>;
    case "failed":
      return (
        <p className="chat__status chat__status--failed">
          {t("chat.notSent")} {entry.error}{" "}
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={onRetry}
          >
            {t("chat.retry")}
            <span className="visually-hidden">{t("chat.retryHidden")}</span>
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
  const { t } = useTranslation("room");
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
    <aside id={id} className="room-panel room-panel--chat" aria-label={t("chat.label")}>
      <h2 className="room-panel__title">{t("chat.title")}</h2>
      <p className="muted room-panel__note">{t("chat.note")}</p>
      {state.crisisSupport && (
        <p className="chat__support" role="status">
          <Trans
            t={t}
            i18nKey="chat.support"
            values={{ number: CRISIS_LINE.number }}
            components={{ call: <a href={CRISIS_LINE.callHref} /> }}
          />
        </p>
      )}
      {state.status === "loading" && <p className="muted">{t("chat.loading")}</p>}
      {state.status === "unavailable" && (
        <p className="chat__error" role="alert">
          {state.error}{" "}
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => void chat.start()}
          >
            {t("chat.tryAgain")}
            <span className="visually-hidden">{t("chat.tryAgainHidden")}</span>
          </button>
        </p>
      )}
      <div ref={logRef} className="chat__log" role="log" aria-label={t("chat.history")}>
        {count === 0 && state.status === "ready" && <p className="muted">{t("chat.empty")}</p>}
        <ol className="chat__list">
          {state.entries.map((entry) => (
            <li
              key={entry.key}
              className={`chat__item${entry.mine ? " chat__item--mine" : ""}${entry.status === "failed" ? " chat__item--failed" : ""}`}
            >
              <p className="chat__meta">
                <span className="chat__author">
                  {entry.mine ? t("chat.you") : entry.author.displayName}
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
          {t("chat.message")}
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
          {t("chat.send")}
        </button>
      </form>
    </aside>
  );
}
