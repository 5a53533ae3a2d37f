import { CRISIS_LINE } from "@bridgeway/domain";
import { useId } from "react";

/** The 988 Lifeline, large and plain, on the participant's home. */
export function CrisisCard() {
  const headingId = useId();
  return (
    <section className="card crisis-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        If you need help now
      </h2>
      <p>The {CRISIS_LINE.name} answers any time, day or night. It is free and confidential.</p>
      <div className="crisis-card__actions">
        <a className="button button--crisis" href={CRISIS_LINE.callHref}>
          Call {CRISIS_LINE.number}
        </a>
        <a className="button button--crisis" href={CRISIS_LINE.textHref}>
          Text {CRISIS_LINE.number}
        </a>
      </div>
      <p className="crisis-card__note">If you are in immediate danger, call 911.</p>
    </section>
  );
}
