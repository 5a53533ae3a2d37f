import { crisisLineFor } from "@bridgeway/domain";
import { useEffect, useId, useRef, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useLocale } from "../i18n/use-locale";
import { useSignedIn } from "../sign-in/auth-context";
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
  const { t } = useTranslation("crisisSupport");
  // 988 answers in Spanish too: the line's words say how (press 2, text AYUDA).
  const line = crisisLineFor(useLocale());
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
        {t("title")}
      </h2>
      <p className="crisis-support__lead">{t("lead")}</p>
      <p>{t("free", { name: line.name })}</p>
      <div className="crisis-support__actions">
        <a className="button button--crisis" href={line.callHref}>
          {line.callLabel}
        </a>
        <a className="button button--crisis" href={line.textHref}>
          {line.textLabel}
        </a>
      </div>
      <p>
        <Link
          className="crisis-support__plan"
          to={safeInternalPath(shown.safetyPlanPath, SAFETY_PLAN_FALLBACK)}
        >
          {t("safetyPlan")}
        </Link>
      </p>
      <p className="crisis-support__note">{t("note")}</p>
      <button
        type="button"
        className="button button--quiet crisis-support__close"
        onClick={() => crisisSupport.close()}
      >
        {t("close")}
      </button>
    </section>
  );
}
