import { type AssessmentResultDto } from "@bridgeway/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../sign-in/auth-context";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { CheckInResult } from "./check-in-result";
import { LiveCrisisSupport } from "./help-now";
import { QuestionnaireForm } from "./questionnaire-form";
import { instrumentText } from "./severity";
import { clinicalChanged, useAssessments } from "./use-clinical";
import "./clinical.css";

/** `/participant/check-ins/:assignmentId`: one questionnaire, then its result. */
export function CheckInPage() {
  const { t } = useTranslation("checkIns");
  const { assignmentId = "" } = useParams();
  const { user } = useSignedIn();
  const queryClient = useQueryClient();
  const history = useAssessments(user.id);
  const [result, setResult] = useState<AssessmentResultDto | null>(null);
  const assignment = history.data?.due.find((d) => d.id === assignmentId);
  const instrument = result?.instrument ?? assignment?.instrument;
  const title = instrument ? instrumentText(instrument, t).title : t("page.fallbackTitle");

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="page-back">
        <Link to="/participant/check-ins">{t("page.back")}</Link>
      </p>
      <LiveCrisisSupport handledHere={result?.safetyConcern === true} />
      {result ? (
        <CheckInResult result={result} />
      ) : (
        <QueryView
          query={history}
          loadingLabel={t("page.loading")}
          errorTitle={t("page.loadError")}
        >
          {() =>
            assignment ? (
              <QuestionnaireForm
                assignment={assignment}
                onDone={(done) => {
                  setResult(done);
                  void clinicalChanged(queryClient);
                }}
              />
            ) : (
              <EmptyState title={t("page.notWaiting")}>
                <p>
                  {t("page.notWaitingText")}{" "}
                  <Link to="/participant/check-ins">{t("page.seeCheckIns")}</Link>
                </p>
              </EmptyState>
            )
          }
        </QueryView>
      )}
    </>
  );
}
