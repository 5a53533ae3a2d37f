import type { TreatmentPlanDto } from "@bridgeway/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError, describeError } from "../api/api-client";
import { QueryView } from "../homes/query-view";
import { useFormat } from "../i18n/use-format";
import { useSignedIn } from "../sign-in/auth-context";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { TreatmentPlanContentView } from "./treatment-plan-view";
import { clinicalChanged, useAftercare, useClinicalApi, useTreatmentPlan } from "./use-clinical";
import "./clinical.css";

/** Reading a plan and saying so: the care team sees which version the participant has read. */
function AcknowledgeCard({ plan }: { plan: TreatmentPlanDto }) {
  const { t } = useTranslation("treatmentPlan");
  const format = useFormat();
  const { user } = useSignedIn();
  const clinicalApi = useClinicalApi();
  const queryClient = useQueryClient();
  const headingId = useId();
  const doneRef = useRef<HTMLParagraphElement>(null);
  const acknowledge = useMutation({
    mutationFn: () => clinicalApi.acknowledgeTreatmentPlan(plan.enrollmentId, plan.version),
    onSuccess: () => clinicalChanged(queryClient),
  });
  const stale = acknowledge.error instanceof ApiError && acknowledge.error.status === 409;
  const acknowledged = plan.acknowledgedAt !== null;
  useEffect(() => {
    if (acknowledged && acknowledge.isSuccess) doneRef.current?.focus();
  }, [acknowledged, acknowledge.isSuccess]);

  if (acknowledged) {
    return (
      <p ref={doneRef} tabIndex={-1} className="notice">
        {t("acknowledge.done", {
          version: plan.version,
          when: format.moment(plan.acknowledgedAt ?? "", user.timeZone),
        })}
      </p>
    );
  }
  return (
    <section className="card card--open" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t("acknowledge.question")}
      </h2>
      <p>{t("acknowledge.explain")}</p>
      {acknowledge.isError && (
        <div className="form__error" role="alert">
          <p>{stale ? t("acknowledge.stale") : describeError(acknowledge.error)}</p>
        </div>
      )}
      <div className="actions">
        {stale ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              acknowledge.reset();
              void clinicalChanged(queryClient);
            }}
          >
            {t("acknowledge.reload")}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={acknowledge.isPending}
            onClick={() => acknowledge.mutate()}
          >
            {acknowledge.isPending
              ? t("acknowledge.saving")
              : t("acknowledge.button", { version: plan.version })}
          </button>
        )}
      </div>
    </section>
  );
}

function AftercareLink() {
  const { t } = useTranslation("treatmentPlan");
  const { user } = useSignedIn();
  const aftercare = useAftercare(user.id);
  if (!aftercare.data || aftercare.data.length === 0) return null;
  return (
    <p className="notice">
      {t("page.programEnded")} <Link to="/participant/aftercare">{t("page.readAftercare")}</Link>
    </p>
  );
}

/** `/participant/treatment-plan`: the plan written with the care team, to read and acknowledge. */
export function MyTreatmentPlanPage() {
  const { t } = useTranslation("treatmentPlan");
  const format = useFormat();
  const { user } = useSignedIn();
  const plan = useTreatmentPlan(user.id);
  const planHeadingId = useId();
  return (
    <>
      <PageHeading>{t("page.title")}</PageHeading>
      <AftercareLink />
      <QueryView query={plan} loadingLabel={t("page.loading")} errorTitle={t("page.loadError")}>
        {(current) =>
          current === null ? (
            <EmptyState title={t("page.notWritten")}>
              <p>
                {t("page.notWrittenText")} <Link to="/participant">{t("page.goToMyWeek")}</Link>
              </p>
            </EmptyState>
          ) : (
            <div className="stack">
              <AcknowledgeCard plan={current} />
              <section className="card" aria-labelledby={planHeadingId}>
                <h2 id={planHeadingId} className="card__title">
                  {t("page.workingOn")}
                </h2>
                <p className="muted">
                  {t("page.versionLine", {
                    version: current.version,
                    author: current.createdBy,
                    when: format.moment(current.createdAt, user.timeZone),
                    days: current.reviewEveryDays,
                    date: format.calendarDate(current.nextReviewOn),
                  })}
                </p>
                <TreatmentPlanContentView content={current.content} />
              </section>
            </div>
          )
        }
      </QueryView>
    </>
  );
}
