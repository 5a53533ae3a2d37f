import { CRISIS_LINE } from "@bridgeway/domain";
import { Link } from "react-router";
import { SAFETY_PLAN_PATH } from "./nav-items";

/** 988 (call or text) and the safety plan, pinned to the top of every participant page. */
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
        {/* On a phone it reads "Safety plan"; its name stays "My safety plan". */}
        <Link className="crisis-bar__link" to={SAFETY_PLAN_PATH}>
          <span className="crisis-bar__long">My safety plan</span>
          <span className="crisis-bar__short" aria-hidden="true">
            Safety plan
          </span>
        </Link>
      </div>
    </aside>
  );
}
