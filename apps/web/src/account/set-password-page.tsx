import {
  homePathForRole,
  MIN_PASSWORD_LENGTH,
  PasswordLinkTokenSchema,
  type PasswordLinkPreview,
} from "@bridgeway/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useSearchParams } from "react-router";
import { ApiError } from "../api/api-client";
import { useServices } from "../app/services-context";
import { schemaMessageInActiveLanguage } from "../forms/form-problem";
import { useZodForm } from "../forms/use-zod-form";
import { useAuthStatus } from "../sign-in/auth-context";
import { PageHeading } from "../shell/page-heading";
import { PublicLayout } from "../shell/public-layout";
import { ErrorState, LoadingState } from "../shell/status-states";
import { PasswordChoiceForm } from "./password-choice-form";
import {
  incompletePasswordLink,
  passwordLinkProblem,
  schemaMessage,
  SetPasswordFormSchema,
  setPasswordChecks,
  type PasswordLinkProblem,
} from "./password-forms";
import { useAccountsApi } from "./use-accounts-api";

function LinkProblemView({ problem }: { problem: PasswordLinkProblem }) {
  const { t } = useTranslation("account");
  const headingId = useId();
  return (
    <section className="card card--warning" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {problem.title}
      </h2>
      <p>{problem.message}</p>
      <p className="actions">
        <Link className="button" to="/sign-in">
          {t("link.signIn")}
        </Link>
        <Link to="/forgot-password">{t("link.newLink")}</Link>
      </p>
    </section>
  );
}

function ChoosePasswordForm({
  token,
  preview,
  onDone,
  onLinkProblem,
}: {
  token: string;
  preview: PasswordLinkPreview;
  onDone: () => void;
  onLinkProblem: (problem: PasswordLinkProblem) => void;
}) {
  const { t } = useTranslation("account");
  const { signIn } = useServices();
  const accounts = useAccountsApi();
  const form = useZodForm({
    schema: SetPasswordFormSchema,
    defaultValues: { token, password: "", confirmPassword: "" },
    translate: (field, english) => schemaMessage(field, schemaMessageInActiveLanguage(english), t),
    check: (values) => setPasswordChecks(values, t),
  });
  const save = useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      accounts.setPassword(input.token, input.password),
    onSuccess: (answer) => {
      onDone();
      // With MFA the new password leads to the code (or enrolment) step of signing in.
      if ("mfaPending" in answer) signIn.mfaPending(answer);
      else signIn.signedIn(answer);
    },
    onError: (error) => {
      const linkProblem = error instanceof ApiError ? passwordLinkProblem(error, t) : null;
      if (linkProblem) onLinkProblem(linkProblem);
      else form.fail(error);
    },
  });

  return (
    <PasswordChoiceForm
      form={form}
      onValid={(values) => save.mutate({ token: values.token, password: values.password })}
      pending={save.isPending}
      className="form card"
      title={
        <h2 className="card__title">
          {preview.purpose === "invitation" ? t("choose.invitationTitle") : t("choose.resetTitle")}
        </h2>
      }
      username={preview.email}
      password={{
        name: "password",
        label: t("choose.password"),
        hint: t("choose.passwordHint", { min: MIN_PASSWORD_LENGTH }),
      }}
      again={{ name: "confirmPassword", label: t("choose.again") }}
      submitLabel={t("choose.submit")}
      pendingLabel={t("choose.pending")}
      showLabel={t("showPasswords")}
    >
      <p>
        {t("choose.introBefore", { name: preview.firstName, clinic: preview.clinicName })}
        <strong translate="no">{preview.email}</strong>
        {t("choose.introAfter")}
      </p>
    </PasswordChoiceForm>
  );
}

function PasswordLink({ token }: { token: string }) {
  const { t } = useTranslation("account");
  const accounts = useAccountsApi();
  const status = useAuthStatus();
  const [done, setDone] = useState(false);
  const [lateProblem, setLateProblem] = useState<PasswordLinkProblem | null>(null);
  const preview = useQuery({
    queryKey: ["password-link", token],
    queryFn: ({ signal }) => accounts.previewLink(token, signal),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  if (done && status.status === "signed-in") {
    return <Navigate to={homePathForRole(status.auth.user.role)} replace />;
  }
  if (done && status.status === "mfa-pending") return <Navigate to="/sign-in" replace />;
  if (lateProblem) return <LinkProblemView problem={lateProblem} />;
  if (preview.isPending) return <LoadingState label={t("link.checking")} />;
  if (preview.isError) {
    const problem = passwordLinkProblem(
      preview.error instanceof ApiError ? preview.error : null,
      t,
    );
    if (problem) return <LinkProblemView problem={problem} />;
    return (
      <ErrorState
        title={t("link.checkError")}
        error={preview.error}
        onRetry={() => void preview.refetch()}
        retrying={preview.isFetching}
      />
    );
  }
  return (
    <ChoosePasswordForm
      token={token}
      preview={preview.data}
      onDone={() => setDone(true)}
      onLinkProblem={setLateProblem}
    />
  );
}

/**
 * `/account/password?token=…`: the link in an invitation or "forgot password" email. The person
 * chooses their own password (no one else ever knows it) and is signed in.
 */
export function SetPasswordPage() {
  const { t } = useTranslation("account");
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token") ?? "";
  const wellFormed = PasswordLinkTokenSchema.safeParse(token).success;
  return (
    <PublicLayout>
      <PageHeading>{t("link.pageTitle")}</PageHeading>
      {wellFormed ? (
        <PasswordLink token={token} />
      ) : (
        <LinkProblemView problem={incompletePasswordLink(t)} />
      )}
    </PublicLayout>
  );
}
