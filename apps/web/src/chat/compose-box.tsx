import { MAX_CHAT_MESSAGE_LENGTH } from "@bridgeway/domain";
import { useId, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { characterCount } from "./chat-format";

/**
 * Writing a message: Enter sends, Shift+Enter starts a new line, with a running character count.
 * The box clears as soon as the message is handed over; the message itself shows as "Sending…".
 */
export function ComposeBox({
  onSend,
  onTyping,
}: {
  /** Answers whether the message was taken (not empty, not too long). */
  onSend: (text: string) => boolean;
  onTyping: (text: string) => void;
}) {
  const { t } = useTranslation("chat");
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const hintId = useId();
  const countId = useId();
  const errorId = useId();
  const tooLong = text.trim().length > MAX_CHAT_MESSAGE_LENGTH;
  const error = tooLong ? t("compose.tooLong", { max: MAX_CHAT_MESSAGE_LENGTH }) : problem;

  function submit(): void {
    if (tooLong) return;
    if (text.trim() === "") {
      setProblem(t("compose.empty"));
      return;
    }
    if (onSend(text)) {
      setText("");
      setProblem(null);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    // Enter while an input method is composing a character is not "send".
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  }

  return (
    <form
      className="chat-compose"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label className="field__label" htmlFor={id}>
        {t("compose.label")}
      </label>
      <textarea
        id={id}
        className="field__input chat-compose__input"
        rows={2}
        value={text}
        aria-describedby={[hintId, countId, error ? errorId : ""].filter(Boolean).join(" ")}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setProblem(null);
          onTyping(event.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      <div className="chat-compose__row">
        <p id={hintId} className="field__hint chat-compose__hint">
          {t("compose.hint")}
        </p>
        <p
          id={countId}
          className={
            tooLong ? "chat-compose__count chat-compose__count--over" : "chat-compose__count"
          }
        >
          {characterCount(text.length, MAX_CHAT_MESSAGE_LENGTH, t)}
        </p>
        <button type="submit" className="button chat-compose__send">
          {t("compose.send")}
        </button>
      </div>
    </form>
  );
}
