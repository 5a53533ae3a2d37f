import { INSTRUMENT_DEFINITIONS, type AssessmentResultDto } from "@bridgeway/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../session/auth-context";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { CheckInResult } from "./check-in-result";
import { LiveCrisisSupport } from "./help-now";
import { QuestionnaireForm } from "./questionnaire-form";
import { clinicalChanged, useAssessments } from "./use-clinical";
import "./clinical.css";

/** `/participant/check-ins/:assignmentId`: one questionnaire, then its result. */
export function CheckInPage() {
  const { assignmentId = "" } = useParams();
  const { user } = useSignedIn();
  const queryClient = useQueryClient();
  const history = useAssessments(user.id);
  const [result, setResult] = useState<AssessmentResultDto | null>(null);
  const assignment = history.data?.due.find((d) => d.id === assignmentId);
  const title = result
    ? INSTRUMENT_DEFINITIONS[result.instrument].title
    : assignment
      ? INSTRUMENT_DEFINITIONS[assignment.instrument].title
      : "Check-in";

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="page-back">
        <Link to="/participant/check-ins">Back to check-ins</Link>
      </p>
      <LiveCrisisSupport />
      {result ? (
        <CheckInResult result={result} />
      ) : (
        <QueryView
          query={history}
          loadingLabel="Loading your check-in…"
          errorTitle="We couldn't load your check-in"
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
              <EmptyState title="This check-in is not waiting for you.">
                <p>
                  It may be done already, or your care team no longer needs it.{" "}
                  <Link to="/participant/check-ins">See your check-ins</Link>
                </p>
              </EmptyState>
            )
          }
        </QueryView>
      )}
    </>
  );
}
