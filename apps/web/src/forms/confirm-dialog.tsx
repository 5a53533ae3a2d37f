import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useModalDialog } from "./use-modal-dialog";

/**
 * A modal question before something that cannot be taken back quietly (withdrawing consent,
 * removing someone from a session, ending it for everyone).
 * Focus goes into it and back where it was when it closes; Escape cancels. While the request
 * runs it says so, and a failure is said inside the dialog, where the person is looking.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  pendingLabel,
  pending = false,
  error = null,
  danger = false,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** What the button says while the request runs; only needed with `pending`. */
  pendingLabel?: string;
  pending?: boolean;
  error?: string | null;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation("common");
  const ref = useModalDialog();
  const headingId = useId();
  const errorId = useId();
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={headingId}
      aria-describedby={error ? errorId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onClose();
      }}
    >
      <form
        method="dialog"
        aria-busy={pending}
        onSubmit={(event) => {
          event.preventDefault();
          // React passes submit events up the component tree: never to a form around the dialog.
          event.stopPropagation();
          if (!pending) onConfirm();
        }}
      >
        <h2 id={headingId} className="dialog__title">
          {title}
        </h2>
        {children}
        {error && (
          <p id={errorId} className="dialog__error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button
            type="submit"
            className={`button${danger ? " button--danger" : ""}`}
            disabled={pending}
          >
            {pending && <span className="spinner spinner--on-dark" aria-hidden="true" />}
            {pending ? (pendingLabel ?? confirmLabel) : confirmLabel}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={onClose}
            disabled={pending}
          >
            {t("cancel")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
