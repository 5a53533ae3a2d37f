import { CRISIS_LINE } from "@bridgeway/domain";
import { useEffect, useId, useRef, useSyncExternalStore } from "react";
import { Link } from "react-router";
import { useSignedIn } from "../session/auth-context";
import { crisisSupport, safeInternalPath } from "./crisis-support";
import "./alerts.css";

const SAFETY_PLAN_FALLBACK = "/participant/safety";

/**
 * 988 and the safety plan, shown to a participant right after they wrote crisis language. It
 * sits above the conversation without covering it, takes focus once so a screen reader reads
 * it, and stays until the person closes it.
 */
export function CrisisSupportPanel() {
  const { user } = useSignedIn();
  const support = useSyncExternalStore(crisisSupport.subscribe, crisisSupport.get);
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  const shown = support !== null && support.userId === user.id ? support : null;
  const seq = shown?.seq;

  useEffect(() => {
    if (seq !== undefined) ref.current?.focus();
  }, [seq]);

  if (!shown) return null;
  return (
    <section ref={ref} className="crisis-support" aria-labelledby={headingId} tabIndex={-1}>
      <h2 id={headingId} className="crisis-support__title">
        You don&apos;t have to go through this alone
      </h2>
      <p className="crisis-support__lead">
        {
          "If you are thinking about harming yourself, you don't have to wait: call or text 988 now."
        }
      </p>
      <p>The {CRISIS_LINE.name} is free, confidential and open day and night.</p>
      <div className="crisis-support__actions">
        <a className="button button--crisis" href={CRISIS_LINE.callHref}>
          Call {CRISIS_LINE.number}
        </a>
        <a className="button button--crisis" href={CRISIS_LINE.textHref}>
          Text {CRISIS_LINE.number}
        </a>
      </div>
      <p>
        <Link
          className="crisis-support__plan"
          to={safeInternalPath(shown.safetyPlanPath, SAFETY_PLAN_FALLBACK)}
        >
          Open your safety plan
        </Link>
      </p>
      <p className="crisis-support__note">
        What you wrote was shared as usual. If you are in immediate danger, call 911.
      </p>
      <button
        type="button"
        className="button button--quiet crisis-support__close"
        onClick={() => crisisSupport.close()}
      >
        Close this message
      </button>
    </section>
  );
}
