import {
  homePathForRole,
  MIN_PASSWORD_LENGTH,
  PasswordLinkTokenSchema,
  type PasswordLinkPreview,
} from "@bridgeway/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useSearchParams } from "react-router";
import { ApiError } from "../api/api-client";
import { useServices } from "../app/services-context";
import { FormAlert, SubmitButton } from "../forms/fields";
import { problemFromError, unplacedFields, type FormProblem } from "../forms/form-problem";
import { useAuthStatus } from "../session/auth-context";
import { PageHeading } from "../shell/page-heading";
import { PublicLayout } from "../shell/public-layout";
import { ErrorState, LoadingState } from "../shell/status-states";
import { NewPasswordField } from "./new-password-field";
import {
  checkSetPassword,
  incompletePasswordLink,
  passwordLinkProblem,
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
  const { session } = useServices();
  const accounts = useAccountsApi();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [show, setShow] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const save = useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      accounts.setPassword(input.token, input.password),
    onSuccess: (answer) => {
      onDone();
      // With MFA the new password leads to the code (or enrolment) step of signing in.
      if ("mfaPending" in answer) session.mfaPending(answer);
      else session.signedIn(answer);
    },
    onError: (error) => {
      const linkProblem = error instanceof ApiError ? passwordLinkProblem(error, t) : null;
      if (linkProblem) onLinkProblem(linkProblem);
      else setProblem(problemFromError(error));
    },
  });

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const result = checkSetPassword(token, password, confirm, t);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    save.mutate(result.input);
  }

  const error = (name: string) => problem?.fields[name];
  return (
    <form className="form card" noValidate onSubmit={onSubmit} aria-busy={save.isPending}>
      <h2 className="card__title">
        {preview.purpose === "invitation" ? t("choose.invitationTitle") : t("choose.resetTitle")}
      </h2>
      <FormAlert
        problem={problem}
        extra={unplacedFields(problem, ["password", "confirmPassword"])}
      />
      <p>
        {t("choose.introBefore", { name: preview.firstName, clinic: preview.clinicName })}
        <strong translate="no">{preview.email}</strong>
        {t("choose.introAfter")}
      </p>
      {/* Lets a password manager save the email with the new password. */}
      <input
        type="email"
        name="username"
        autoComplete="username"
        value={preview.email}
        readOnly
        hidden
      />
      <NewPasswordField
        label={t("choose.password")}
        hint={t("choose.passwordHint", { min: MIN_PASSWORD_LENGTH })}
        error={error("password")}
        shown={show}
        value={password}
        onChange={setPassword}
      />
      <NewPasswordField
        label={t("choose.again")}
        error={error("confirmPassword")}
        shown={show}
        value={confirm}
        onChange={setConfirm}
      />
      <div className="actions">
        <SubmitButton pending={save.isPending} pendingLabel={t("choose.pending")}>
          {t("choose.submit")}
        </SubmitButton>
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={show}
          onClick={() => setShow(!show)}
        >
          {t("showPasswords")}
        </button>
      </div>
    </form>
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
