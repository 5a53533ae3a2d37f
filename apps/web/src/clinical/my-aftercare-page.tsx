import { useId } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AftercareDto } from "@bridgeway/domain";
import { QueryView } from "../homes/query-view";
import { useFormat } from "../i18n/use-format";
import { useSignedIn } from "../sign-in/auth-context";
import { SAFETY_PLAN_PATH } from "../shell/nav-items";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { AftercareView } from "./treatment-plan-view";
import { useAftercare } from "./use-clinical";
import "./clinical.css";

function AftercareCard({ entry }: { entry: AftercareDto }) {
  const { t } = useTranslation("aftercare");
  const format = useFormat();
  const headingId = useId();
  return (
    <li>
      <article className="card" aria-labelledby={headingId}>
        <h2 id={headingId} className="card__title">
          {t("page.cardTitle", { date: format.calendarDate(entry.dischargedOn) })}
        </h2>
        <AftercareView aftercare={entry.aftercare} />
      </article>
    </li>
  );
}

/** `/participant/aftercare`: what comes after the program, kept after discharge. */
export function MyAftercarePage() {
  const { t } = useTranslation("aftercare");
  const { user } = useSignedIn();
  const aftercare = useAftercare(user.id);
  return (
    <>
      <PageHeading>{t("page.title")}</PageHeading>
      <p className="section-note page-intro">
        <Trans t={t} i18nKey="page.intro" components={{ plan: <Link to={SAFETY_PLAN_PATH} /> }} />
      </p>
      <QueryView
        query={aftercare}
        loadingLabel={t("page.loading")}
        errorTitle={t("page.loadError")}
      >
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t("page.none")}>
              <p>
                {t("page.noneText")} <Link to="/participant">{t("page.goToMyWeek")}</Link>
              </p>
            </EmptyState>
          ) : (
            <ul className="card-list">
              {list.map((entry) => (
                <AftercareCard key={entry.enrollmentId} entry={entry} />
              ))}
            </ul>
          )
        }
      </QueryView>
    </>
  );
}
