import { type AssessmentResultDto } from "@bridgeway/domain";
import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useLocale } from "../i18n/use-locale";
import { HelpNow } from "./help-now";
import { instrumentName, plainResult, scoreOutOf } from "./severity";

/**
 * What a participant sees after sending a questionnaire: the total and what it means in plain
 * words, and always 988 and the safety plan; after a PHQ-9 question 9 answer above 0, a calm
 * word about it first. The result is a new screen: it starts at the top (the last question was
 * answered further down a phone's page), and its heading takes focus, so it is read out at once.
 */
export function CheckInResult({ result }: { result: AssessmentResultDto }) {
  const { t } = useTranslation("checkIns");
  const locale = useLocale();
  const headingId = useId();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    (document.scrollingElement ?? document.documentElement).scrollTop = 0;
    ref.current?.focus({ preventScroll: true });
  }, []);
  const name = instrumentName(result.instrument);
  return (
    <div className="stack">
      <section className="card check-in-result" aria-labelledby={headingId}>
        <h2 ref={ref} id={headingId} tabIndex={-1} className="card__title">
          {t("result.thanks")}
        </h2>
        <p className="check-in-result__score">
          {t("result.scoreLabel", { name })}{" "}
          <strong>{scoreOutOf(result.instrument, result.total, t)}</strong>
        </p>
        <p>{plainResult(result.instrument, result.severity, t, locale)}</p>
        <p className="muted">{t("result.notDiagnosis")}</p>
      </section>
      <HelpNow concern={result.safetyConcern} />
      <p className="actions">
        <Link className="button button--secondary" to="/participant/check-ins">
          {t("result.back")}
        </Link>
        <Link className="button button--quiet" to="/participant">
          {t("result.goToMyWeek")}
        </Link>
      </p>
    </div>
  );
}
