import { crisisLineFor } from "@bridgeway/domain";
import { lazy, Suspense, useState, useSyncExternalStore } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useLocale } from "../i18n/use-locale";
import { callPresence } from "./call-presence";
import { SAFETY_PLAN_PATH } from "./nav-items";

// Loaded when first opened: the safety plan's code never weighs on a page's first load.
const SafetyPlanDialog = lazy(() =>
  import("./safety-plan-dialog").then((m) => ({ default: m.SafetyPlanDialog })),
);

/**
 * 988 (call or text) and the safety plan, pinned to the top of every participant page. In a live
 * session the safety plan opens over the call: following the link would leave the session. In
 * Spanish the links say how 988 answers in Spanish: press 2 on a call, text AYUDA.
 */
export function CrisisBar() {
  const { t } = useTranslation("shell");
  const line = crisisLineFor(useLocale());
  const inCall = useSyncExternalStore(callPresence.subscribe, callPresence.inCall);
  const [planOpen, setPlanOpen] = useState(false);
  return (
    <aside className="crisis-bar" aria-label={t("crisisBar.label")}>
      <p className="crisis-bar__text">
        {t("crisisBar.inCrisis")}{" "}
        <span className="crisis-bar__more">
          <Trans t={t} i18nKey="crisisBar.howToReach" components={{ strong: <strong /> }} />
        </span>
      </p>
      <div className="crisis-bar__actions">
        <a className="crisis-bar__link" href={line.callHref}>
          {line.callLabel}
        </a>
        <a className="crisis-bar__link" href={line.textHref}>
          {line.textLabel}
        </a>
        {/* On a phone it reads "Safety plan"; its name stays "My safety plan". */}
        <Link
          className="crisis-bar__link"
          to={SAFETY_PLAN_PATH}
          aria-haspopup={inCall ? "dialog" : undefined}
          onClick={(event) => {
            if (!inCall) return;
            event.preventDefault();
            setPlanOpen(true);
          }}
        >
          <span className="crisis-bar__long">{t("crisisBar.mySafetyPlan")}</span>
          <span className="crisis-bar__short" aria-hidden="true">
            {t("crisisBar.safetyPlanShort")}
          </span>
        </Link>
      </div>
      {planOpen && (
        <Suspense fallback={null}>
          <SafetyPlanDialog onClose={() => setPlanOpen(false)} />
        </Suspense>
      )}
    </aside>
  );
}
