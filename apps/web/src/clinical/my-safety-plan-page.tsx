import { useId } from "react";
import { useTranslation } from "react-i18next";
import { QueryView } from "../homes/query-view";
import { useLocale } from "../i18n/use-locale";
import { useSignedIn } from "../sign-in/auth-context";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { HelpNow } from "./help-now";
import { SafetyPlanSteps, safetyPlanVersionText } from "./safety-plan-view";
import { useSafetyPlan } from "./use-clinical";
import "./clinical.css";

/**
 * `/participant/safety`: 988 first, then the participant's own safety plan. It stays readable
 * after discharge, and if it cannot be loaded 988 is still right here.
 */
export function MySafetyPlanPage() {
  const { t } = useTranslation("safetyPlan");
  return (
    <>
      <PageHeading>{t("page.title")}</PageHeading>
      <div className="stack">
        <HelpNow planLink={false} />
        <MySafetyPlanSection />
      </div>
    </>
  );
}

/** The signed-in participant's own safety plan: on its page, and over a live session's call. */
export function MySafetyPlanSection() {
  const { t } = useTranslation("safetyPlan");
  const locale = useLocale();
  const { user } = useSignedIn();
  const plan = useSafetyPlan(user.id);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="card safety-plan">
      <h2 id={headingId} className="card__title">
        {t("page.sectionTitle")}
      </h2>
      <QueryView query={plan} loadingLabel={t("page.loading")} errorTitle={t("page.loadError")}>
        {(current) =>
          current === null ? (
            <EmptyState title={t("page.notWritten")}>
              <p>{t("page.notWrittenText")}</p>
            </EmptyState>
          ) : (
            <>
              <p className="muted">
                {t("page.intro")} {safetyPlanVersionText(current, user.timeZone, t, locale)}.
              </p>
              <SafetyPlanSteps plan={current.content} headingLevel={3} />
            </>
          )
        }
      </QueryView>
    </section>
  );
}
