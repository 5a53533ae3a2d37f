import { type AssessmentResultDto } from "@bridgeway/domain";
import { useEffect, useId, useRef } from "react";
import { Link } from "react-router";
import { HelpNow } from "./help-now";
import { instrumentName, plainResult, scoreOutOf } from "./severity";

/**
 * What a participant sees after sending a questionnaire: the total and what it means in plain
 * words, and always 988 and the safety plan; after a PHQ-9 question 9 answer above 0, a calm
 * word about it first. The heading takes focus, so the result is read out at once.
 */
export function CheckInResult({ result }: { result: AssessmentResultDto }) {
  const headingId = useId();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const name = instrumentName(result.instrument);
  return (
    <div className="stack">
      <section className="card check-in-result" aria-labelledby={headingId}>
        <h2 ref={ref} id={headingId} tabIndex={-1} className="card__title">
          Thank you for checking in
        </h2>
        <p className="check-in-result__score">
          Your {name} score: <strong>{scoreOutOf(result.instrument, result.total)}</strong>
        </p>
        <p>{plainResult(result.instrument, result.severity)}</p>
        <p className="muted">
          This is a check-in, not a diagnosis. Your care team sees your answers and will go over
          them with you.
        </p>
      </section>
      <HelpNow concern={result.safetyConcern} />
      <p className="actions">
        <Link className="button button--secondary" to="/participant/check-ins">
          Back to check-ins
        </Link>
        <Link className="button button--quiet" to="/participant">
          Go to My week
        </Link>
      </p>
    </div>
  );
}
