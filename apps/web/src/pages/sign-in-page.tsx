import { homePathForRole, MAX_PASSWORD_LENGTH, type LoginInput } from "@bridgeway/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import type { TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { MfaCodeForm } from "../account/mfa-code-form";
import { MfaEnrolment } from "../account/mfa-enrolment";
import { useServices } from "../app/services-context";
import type { FormProblem } from "../forms/form-problem";
import { checkedSchema, keepMessage, useZodForm } from "../forms/use-zod-form";
import { useAuthStatus } from "../sign-in/auth-context";
import { PageHeading } from "../shell/page-heading";
import { PublicLayout } from "../shell/public-layout";
import { signedOutMessage, signInProblem, type SignInProblem } from "./sign-in-messages";

/** Problems found before asking the server, by the server's rules (`LoginInputSchema`). */
function validate(t: TFunction<"signIn">, input: LoginInput): SignInProblem | null {
  const fields: SignInProblem["fields"] = {};
  const email = input.email.trim();
  if (email === "") fields.email = t("problems.emailRequired");
  else if (email.length > 254) fields.email = t("problems.emailTooLong");
  if (input.password === "") fields.password = t("problems.passwordRequired");
  else if (input.password.length > MAX_PASSWORD_LENGTH)
    fields.password = t("problems.passwordTooLong");
  if (fields.email === undefined && fields.password === undefined) return null;
  return { message: t("problems.checkFields"), fields };
}

/** A sign-in problem as the form hook holds it. */
function formProblem(problem: SignInProblem): FormProblem {
  return { message: problem.message, fields: Object.fromEntries(Object.entries(problem.fields)) };
}

export function SignInPage() {
  const { t } = useTranslation("signIn");
  const status = useAuthStatus();
  const { signIn } = useServices();
  if (status.status === "signed-in") {
    return <Navigate to={homePathForRole(status.auth.user.role)} replace />;
  }
  if (status.status === "mfa-pending") {
    return status.pending.mfaPending === "code" ? (
      <PublicLayout>
        <PageHeading>{t("codeTitle")}</PageHeading>
        <MfaCodeForm />
      </PublicLayout>
    ) : (
      <PublicLayout>
        <PageHeading>{t("mfa.enrolTitle")}</PageHeading>
        <div className="stack">
          <p className="notice">{t("mfa.enrolNotice")}</p>
          <MfaEnrolment doneLabel={t("mfa.enrolDone")} onDone={(auth) => signIn.signedIn(auth)} />
          <p className="hint">
            <button
              type="button"
              className="button button--quiet"
              onClick={() => void signIn.signOut()}
            >
              {t("mfa.notNow")}
            </button>
          </p>
        </div>
      </PublicLayout>
    );
  }
  return (
    <PublicLayout>
      <PageHeading>{t("title")}</PageHeading>
      <SignInForm notice={signedOutMessage(t, status.reason)} />
      <DemoClinicNotice />
    </PublicLayout>
  );
}

/** Says that the demo clinic's accounts skip the authenticator app, when it is loaded. */
function DemoClinicNotice() {
  const { t } = useTranslation("signIn");
  const { mfaApi } = useServices();
  const options = useQuery({
    queryKey: ["auth", "sign-in-options"],
    queryFn: ({ signal }) => mfaApi.signInOptions(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!options.data?.demoClinicWithoutMfa) return null;
  return <p className="hint">{t("demoClinic")}</p>;
}

function SignInForm({ notice }: { notice: string | null }) {
  const { t } = useTranslation("signIn");
  const { authApi, signIn } = useServices();
  const [showPassword, setShowPassword] = useState(false);
  const form = useZodForm({
    schema: checkedSchema<LoginInput, LoginInput>((input) => {
      const invalid = validate(t, input);
      return invalid ? { ok: false, problem: formProblem(invalid) } : { ok: true, input };
    }),
    defaultValues: { email: "", password: "" },
    translate: keepMessage,
    describe: (error) => formProblem(signInProblem(t, error)),
  });
  const { problem, setFocus } = form;
  const ids = { email: useId(), password: useId(), emailError: useId(), passwordError: useId() };

  const login = useMutation({
    mutationFn: (input: LoginInput) => authApi.login(input),
    // The sign-in route sees the new state and sends the person to their home.
    onSuccess: (answer) => {
      if ("mfaPending" in answer) signIn.mfaPending(answer);
      else signIn.signedIn(answer);
    },
    onError: (error) => form.fail(error),
  });

  // Take the person to the first field that needs fixing, once it shows its error.
  useEffect(() => {
    const field = problem?.fields.email ? "email" : problem?.fields.password ? "password" : null;
    if (field) setFocus(field);
  }, [problem, setFocus]);

  const onSubmit = form.submitWith((input) => {
    if (!login.isPending) login.mutate(input);
  });

  // A field's message goes once the person changes it; the one at the top stays until they submit.
  const emailField = form.register("email", { onChange: () => form.clearErrors("email") });
  const passwordField = form.register("password", {
    onChange: () => form.clearErrors("password"),
  });
  const emailError = form.error("email");
  const passwordError = form.error("password");

  return (
    <div className="sign-in">
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <form className="form card" noValidate onSubmit={onSubmit} aria-busy={login.isPending}>
        {problem && (
          <div className="form__error" role="alert">
            {problem.message}
          </div>
        )}
        <div className="field">
          <label className="field__label" htmlFor={ids.email}>
            {t("email")}
          </label>
          <input
            {...emailField}
            id={ids.email}
            className="field__input"
            type="email"
            autoComplete="username"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? ids.emailError : undefined}
          />
          {emailError && (
            <p id={ids.emailError} className="field__error">
              {emailError}
            </p>
          )}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.password}>
            {t("password")}
          </label>
          <div className="field__row">
            <input
              {...passwordField}
              id={ids.password}
              className="field__input"
              type={showPassword ? "text" : "password"}
              autoComplete="current-password"
              autoCapitalize="none"
              spellCheck={false}
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={passwordError ? ids.passwordError : undefined}
            />
            <button
              type="button"
              className="button button--secondary field__toggle"
              aria-pressed={showPassword}
              onClick={() => setShowPassword(!showPassword)}
            >
              {t("showPassword")}
            </button>
          </div>
          {passwordError && (
            <p id={ids.passwordError} className="field__error">
              {passwordError}
            </p>
          )}
        </div>
        <button type="submit" className="button button--block" disabled={login.isPending}>
          {login.isPending && <span className="spinner spinner--on-dark" aria-hidden="true" />}
          {login.isPending ? t("submitting") : t("submit")}
        </button>
      </form>
      <p className="hint">
        <Trans t={t} i18nKey="forgot" components={{ forgot: <Link to="/forgot-password" /> }} />
      </p>
    </div>
  );
}
