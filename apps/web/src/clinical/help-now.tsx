import { CRISIS_LINE } from "@bridgeway/domain";
import { useId } from "react";
import { Link } from "react-router";
import { useRealtime } from "../chat/use-realtime";
import { CrisisSupportPanel } from "../alerts/crisis-support-panel";
import { SAFETY_PLAN_PATH } from "../shell/nav-items";

/**
 * For a participant's clinical pages: keeps the shared socket open, so that the server's 988 and
 * safety-plan support after a PHQ-9 question 9 answer reaches them here at once.
 */
export function LiveCrisisSupport() {
  useRealtime();
  return <CrisisSupportPanel />;
}

/**
 * 988 and the safety plan, calm and plain, inside a page. `concern` is for after an answer
 * that says the person has had thoughts of death or self-harm.
 */
export function HelpNow({
  concern = false,
  planLink = true,
}: {
  concern?: boolean;
  /** Off on the safety plan page itself. */
  planLink?: boolean;
}) {
  const headingId = useId();
  return (
    <section
      className={concern ? "help-now help-now--concern" : "help-now"}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="help-now__title">
        {concern ? "Thank you for telling us" : "If you need help now"}
      </h2>
      {concern && (
        <>
          <p>
            You said you have had thoughts that you would be better off dead, or of hurting
            yourself. Many people have thoughts like these, and it took courage to say so.
          </p>
          <p>
            Your care team has been told, so they can check in with you. You don&apos;t have to wait
            for them: you can call or text {CRISIS_LINE.number} at any time.
          </p>
        </>
      )}
      {!concern && (
        <p>The {CRISIS_LINE.name} answers day and night. It is free and confidential.</p>
      )}
      <div className="help-now__actions">
        <a className="button button--crisis" href={CRISIS_LINE.callHref}>
          Call {CRISIS_LINE.number}
        </a>
        <a className="button button--crisis" href={CRISIS_LINE.textHref}>
          Text {CRISIS_LINE.number}
        </a>
        {planLink && (
          <Link className="button button--secondary" to={SAFETY_PLAN_PATH}>
            Open my safety plan
          </Link>
        )}
      </div>
      <p className="help-now__note">If you are in immediate danger, call 911.</p>
    </section>
  );
}
