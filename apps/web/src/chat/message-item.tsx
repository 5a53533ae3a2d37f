import type { ChatMessageDto } from "@bridgeway/domain";
import { useEffect, useId, useRef, useState, type ReactNode, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/use-format";
import { HiddenContext } from "../shell/hidden-context";
import type { ActionResult } from "./chat-room";
import { formatChatTime } from "./chat-format";
import { OFFLINE_REASON, TROUBLE_REASON } from "./chat-room";
import { messageActions, messageView, type Viewer } from "./message-actions";
import type { OutboxEntry } from "./message-list";

export type MessageHandlers = {
  edit: (messageId: string, body: string) => Promise<ActionResult>;
  remove: (messageId: string) => Promise<ActionResult>;
  hide: (messageId: string, reason: string) => Promise<ActionResult>;
  report: (messageId: string, reason: string) => Promise<ActionResult>;
  retry: (clientId: string) => void;
};

type Mode = "idle" | "menu" | "edit" | "delete" | "hide" | "report";

/** The message text, always as text: line breaks kept by CSS, never parsed as HTML. */
function Body({ text }: { text: string }) {
  return <p className="chat-message__body">{text}</p>;
}

function MessageBody({ message, viewer }: { message: ChatMessageDto; viewer: Viewer }) {
  const { t } = useTranslation("chat");
  const view = messageView(message, viewer);
  switch (view.kind) {
    case "text":
      return <Body text={view.body} />;
    case "deleted":
      return <p className="chat-message__gone">{t("message.deleted")}</p>;
    case "hidden":
      return <p className="chat-message__gone">{t("message.hidden")}</p>;
    case "hidden-for-staff":
      return (
        <>
          <p className="chat-message__gone">
            {t("message.hidden")}
            {view.reason ? (
              <span className="chat-message__reason">
                {t("message.reason", { reason: view.reason })}
              </span>
            ) : null}
          </p>
          {view.body !== "" && (
            <div className="chat-message__hidden-text">
              <p className="chat-message__label">{t("message.participantsNoLongerSee")}</p>
              <Body text={view.body} />
            </div>
          )}
        </>
      );
  }
}

/** A small form under a message: one text box, a main button, and Cancel. */
function InlineForm({
  label,
  hint,
  initial = "",
  required,
  submitLabel,
  pendingLabel,
  onSubmit,
  onCancel,
}: {
  label: string;
  hint?: string;
  initial?: string;
  required: string | null;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (text: string) => Promise<ActionResult>;
  onCancel: () => void;
}) {
  const { t } = useTranslation("chat");
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);

  async function submit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (required !== null && text.trim() === "") {
      setError(required);
      ref.current?.focus();
      return;
    }
    setPending(true);
    const result = await onSubmit(text);
    setPending(false);
    if (!result.ok) setError(result.error);
  }

  const described = [hint ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ");
  return (
    <form className="chat-message__form" noValidate onSubmit={(event) => void submit(event)}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <textarea
        ref={ref}
        id={id}
        className="field__input"
        rows={2}
        value={text}
        aria-describedby={described === "" ? undefined : described}
        aria-invalid={error ? true : undefined}
        onChange={(event) => setText(event.target.value)}
      />
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--small" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onCancel}>
          {t("message.cancel")}
        </button>
      </div>
    </form>
  );
}

function Meta({
  author,
  time,
  children,
}: {
  author: string;
  time: ReactNode;
  children?: ReactNode;
}) {
  return (
    <p className="chat-message__meta">
      <span className="chat-message__author">{author}</span> {time}
      {children}
    </p>
  );
}

/** One message: who and when, the text (or why it is gone), and what the viewer may do with it. */
export function MessageItem({
  message,
  viewer,
  now,
  timeZone,
  reported,
  handlers,
}: {
  message: ChatMessageDto;
  viewer: Viewer;
  now: Date;
  timeZone: string;
  reported: boolean;
  handlers: MessageHandlers;
}) {
  const { t } = useTranslation("chat");
  const { locale } = useFormat();
  const [mode, setMode] = useState<Mode>("idle");
  const [notice, setNotice] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const optionsRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const mine = message.author.userId === viewer.userId;
  const actions = messageActions(message, viewer, now.getTime());
  const anyAction = actions.edit || actions.delete || actions.hide || actions.report;
  const time = formatChatTime(message.createdAt, now, timeZone, locale);
  const author = mine ? t("message.you") : message.author.displayName;

  const close = (text: string | null = null) => {
    setMode("idle");
    setNotice(text);
    optionsRef.current?.focus();
  };
  const choose = (next: Mode) => {
    setMode(next);
    setNotice(null);
    setDeleteError(null);
  };

  return (
    <li className={mine ? "chat-message chat-message--mine" : "chat-message"}>
      <Meta author={author} time={<time dateTime={message.createdAt}>{time}</time>}>
        {message.editedAt && !message.deleted && message.hidden === null && (
          <span className="chat-message__edited">{t("message.edited")}</span>
        )}
        {reported && viewer.staff && (
          <span className="badge badge--warning">{t("message.reported")}</span>
        )}
      </Meta>
      {mode === "edit" ? (
        <InlineForm
          label={t("message.editLabel")}
          initial={message.body}
          required={t("message.editRequired")}
          submitLabel={t("message.saveChanges")}
          pendingLabel={t("message.saving")}
          onSubmit={async (text) => {
            const result = await handlers.edit(message.id, text);
            if (result.ok) close();
            return result;
          }}
          onCancel={() => close()}
        />
      ) : (
        <MessageBody message={message} viewer={viewer} />
      )}
      {anyAction && mode !== "edit" && (
        <button
          ref={optionsRef}
          type="button"
          className="chat-message__options"
          aria-expanded={mode === "menu"}
          aria-controls={menuId}
          onClick={() => choose(mode === "menu" ? "idle" : "menu")}
        >
          {t("message.options")}
          <HiddenContext>{t("message.optionsFor", { author, time })}</HiddenContext>
        </button>
      )}
      <div id={menuId} className="chat-message__menu" hidden={mode !== "menu"}>
        {mode === "menu" && (
          <>
            {actions.edit && (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => choose("edit")}
              >
                {t("message.edit")}
              </button>
            )}
            {actions.delete && (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => choose("delete")}
              >
                {t("message.delete")}
              </button>
            )}
            {actions.hide && (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => choose("hide")}
              >
                {t("message.hide")}
              </button>
            )}
            {actions.report && (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => choose("report")}
              >
                {t("message.report")}
              </button>
            )}
          </>
        )}
      </div>
      {mode === "delete" && (
        <div
          className="confirm chat-message__form"
          role="group"
          aria-label={t("message.deleteGroup")}
        >
          <p>{t("message.deleteConfirm")}</p>
          {deleteError && (
            <p className="field__error" role="alert">
              {deleteError}
            </p>
          )}
          <div className="actions">
            <button
              type="button"
              className="button button--small"
              disabled={deleting}
              onClick={() => {
                setDeleting(true);
                void handlers.remove(message.id).then((result) => {
                  setDeleting(false);
                  if (result.ok) close();
                  else setDeleteError(result.error);
                });
              }}
            >
              {deleting ? t("message.deleting") : t("message.yesDelete")}
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => close()}
            >
              {t("message.keep")}
            </button>
          </div>
        </div>
      )}
      {mode === "hide" && (
        <InlineForm
          label={t("message.hideLabel")}
          hint={t("message.hideHint")}
          required={t("message.hideRequired")}
          submitLabel={t("message.hide")}
          pendingLabel={t("message.hiding")}
          onSubmit={async (reason) => {
            const result = await handlers.hide(message.id, reason);
            if (result.ok) close(t("message.hiddenDone"));
            return result;
          }}
          onCancel={() => close()}
        />
      )}
      {mode === "report" && (
        <InlineForm
          label={t("message.reportLabel")}
          hint={t("message.reportHint")}
          required={null}
          submitLabel={t("message.sendReport")}
          pendingLabel={t("message.sending")}
          onSubmit={async (reason) => {
            const result = await handlers.report(message.id, reason);
            if (result.ok) close(t("message.reportedThanks"));
            return result;
          }}
          onCancel={() => close()}
        />
      )}
      <div className="status-slot" role="status">
        {notice && <p className="chat-message__notice">{notice}</p>}
      </div>
    </li>
  );
}

/**
 * A message of mine not yet confirmed: "Sending…", waiting for the connection (it goes by
 * itself), or "Not sent" with Retry.
 */
export function OutboxItem({
  entry,
  now,
  timeZone,
  onRetry,
}: {
  entry: OutboxEntry;
  now: Date;
  timeZone: string;
  onRetry: (clientId: string) => void;
}) {
  const { t } = useTranslation("chat");
  const { locale } = useFormat();
  const reason =
    entry.status !== "waiting"
      ? ""
      : entry.reason === OFFLINE_REASON
        ? t("outbox.offline")
        : entry.reason === TROUBLE_REASON
          ? t("outbox.trouble")
          : entry.reason;
  return (
    <li
      className={
        entry.status === "failed"
          ? "chat-message chat-message--mine chat-message--failed"
          : "chat-message chat-message--mine chat-message--pending"
      }
    >
      <Meta
        author={t("message.you")}
        time={
          <time dateTime={entry.writtenAt}>
            {formatChatTime(entry.writtenAt, now, timeZone, locale)}
          </time>
        }
      />
      <Body text={entry.body} />
      {entry.status === "sending" ? (
        <p className="chat-message__state">{t("outbox.sending")}</p>
      ) : entry.status === "waiting" ? (
        <div className="chat-message__state">
          <p>
            {t("outbox.waiting")}
            <button
              type="button"
              className="button button--small"
              onClick={() => onRetry(entry.clientId)}
            >
              {t("outbox.sendNow")}
            </button>
          </p>
          <p className="chat-message__why">{reason}</p>
        </div>
      ) : (
        <div className="chat-message__state chat-message__state--failed">
          <p>
            {t("outbox.notSent")}
            <button
              type="button"
              className="button button--small"
              onClick={() => onRetry(entry.clientId)}
            >
              {t("outbox.retry")}
            </button>
          </p>
          <p className="chat-message__why">{entry.error}</p>
        </div>
      )}
    </li>
  );
}
