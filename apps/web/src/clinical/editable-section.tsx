import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";

/**
 * A chart section that opens a form in its place (an editor, the discharge). Closing the form,
 * saved or not, puts the keyboard back on the section's heading; a save leaves its message in
 * the section's status slot.
 */
export function useSectionEditing() {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [returned, setReturned] = useState(0);
  useEffect(() => {
    if (returned > 0) headingRef.current?.focus();
  }, [returned]);
  const close = () => {
    setEditing(false);
    setReturned((n) => n + 1);
  };
  return {
    headingRef,
    editing,
    notice,
    open: () => {
      setNotice(null);
      setEditing(true);
    },
    /** Back without a change. */
    cancel: close,
    /** Back after a change, saying what happened. */
    done: (message: string) => {
      setNotice(message);
      close();
    },
  };
}

/** The section's card: its heading, which takes focus back from the form, and status slot. */
export function EditableSection({
  headingRef,
  notice,
  title,
  children,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  notice: string | null;
  title: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 ref={headingRef} id={headingId} tabIndex={-1} className="card__title">
        {title}
      </h2>
      <div className="status-slot" role="status">
        {notice && <p className="notice">{notice}</p>}
      </div>
      {children}
    </section>
  );
}

/** The button that opens the section's form. */
export function OpenFormButton({
  onClick,
  className = "actions section-after",
  children,
}: {
  onClick: () => void;
  /** Of the row the button stands in. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <button type="button" className="button button--secondary" onClick={onClick}>
        {children}
      </button>
    </div>
  );
}
