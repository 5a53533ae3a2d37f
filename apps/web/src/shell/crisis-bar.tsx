import { CRISIS_LINE } from "@bridgeway/domain";

/** "In crisis? Call or text 988", pinned to the top of every participant page. */
export function CrisisBar() {
  return (
    <aside className="crisis-bar" aria-label="Crisis support">
      <p className="crisis-bar__text">
        In crisis?{" "}
        <span className="crisis-bar__more">
          Call or text <strong>{CRISIS_LINE.number}</strong>
        </span>
      </p>
      <div className="crisis-bar__actions">
        <a className="crisis-bar__link" href={CRISIS_LINE.callHref}>
          Call {CRISIS_LINE.number}
        </a>
        <a className="crisis-bar__link" href={CRISIS_LINE.textHref}>
          Text {CRISIS_LINE.number}
        </a>
      </div>
    </aside>
  );
}
