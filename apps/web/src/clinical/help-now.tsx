import { crisisLineFor } from "@bridgeway/domain";
import { useEffect, useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useLocale } from "../i18n/use-locale";
import { useRealtime } from "../chat/use-realtime";
import { CrisisSupportPanel } from "../alerts/crisis-support-panel";
import { crisisSupport } from "../alerts/crisis-support";
import { SAFETY_PLAN_PATH } from "../shell/nav-items";

/**
 * For a participant's clinical pages: keeps the shared socket open, so that the server's 988 and
 * safety-plan support after a PHQ-9 question 9 answer reaches them here at once. With
 * `handledHere` the page already shows help worded for what just happened (a questionnaire
 * result), so the shared panel, worded for chat, is closed rather than shown a second time.
 */
export function LiveCrisisSupport({ handledHere = false }: { handledHere?: boolean }) {
  useRealtime();
  useEffect(() => {
    if (!handledHere) return undefined;
    crisisSupport.close();
    return crisisSupport.subscribe(() => {
      if (crisisSupport.get() !== null) crisisSupport.close();
    });
  }, [handledHere]);
  return handledHere ? null : <CrisisSupportPanel />;
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
  const { t } = useTranslation("checkIns");
  // 988 answers in Spanish too: the buttons say how (press 2, text AYUDA).
  const line = crisisLineFor(useLocale());
  const headingId = useId();
  return (
    <section
      className={concern ? "help-now help-now--concern" : "help-now"}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="help-now__title">
        {concern ? t("helpNow.concernTitle") : t("helpNow.title")}
      </h2>
      {concern && (
        <>
          <p>{t("helpNow.concernSaid")}</p>
          <p>{t("helpNow.concernTold", { number: line.number })}</p>
        </>
      )}
      {!concern && <p>{t("helpNow.lineAnswers", { name: line.name })}</p>}
      <div className="help-now__actions">
        <a className="button button--crisis" href={line.callHref}>
          {line.callLabel}
        </a>
        <a className="button button--crisis" href={line.textHref}>
          {line.textLabel}
        </a>
        {planLink && (
          <Link className="button button--secondary" to={SAFETY_PLAN_PATH}>
            {t("helpNow.openPlan")}
          </Link>
        )}
      </div>
      <p className="help-now__note">{t("helpNow.emergency")}</p>
    </section>
  );
}
