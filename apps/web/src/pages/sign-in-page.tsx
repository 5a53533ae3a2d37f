import { homePathForRole, LoginInputSchema, type LoginInput } from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState, type SubmitEvent } from "react";
import { Navigate } from "react-router";
import { useServices } from "../app/services-context";
import { useAuthStatus } from "../session/auth-context";
import { PageHeading } from "../shell/page-heading";
import { PublicLayout } from "../shell/public-layout";
import {
  signedOutMessage,
  signInProblem,
  type SignInField,
  type SignInProblem,
} from "./sign-in-messages";

/** Problems found before asking the server, with the same words the server would use. */
function validate(input: LoginInput): SignInProblem | null {
  const result = LoginInputSchema.safeParse(input);
  if (result.success) return null;
  const fields: SignInProblem["fields"] = {};
  for (const issue of result.error.issues) {
    const name = issue.path[0];
    if ((name === "email" || name === "password") && fields[name] === undefined)
      fields[name] = issue.message;
  }
  return { message: "Check the fields marked below.", fields };
}

export function SignInPage() {
  const status = useAuthStatus();
  if (status.status === "signed-in") {
    return <Navigate to={homePathForRole(status.auth.user.role)} replace />;
  }
  return (
    <PublicLayout>
      <PageHeading>Sign in to Bridgeway</PageHeading>
      <SignInForm notice={signedOutMessage(status.reason)} />
    </PublicLayout>
  );
}

function SignInForm({ notice }: { notice: string | null }) {
  const { authApi, session } = useServices();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const ids = { email: useId(), password: useId(), emailError: useId(), passwordError: useId() };

  const login = useMutation({
    mutationFn: (input: LoginInput) => authApi.login(input),
    // The sign-in route sees the new state and sends the person to their home.
    onSuccess: (auth) => session.signedIn(auth),
    onError: (error) => report(signInProblem(error)),
  });

  function report(next: SignInProblem | null) {
    setProblem(next);
    // Take the person to the first field that needs fixing, once it shows its error.
    const field = next?.fields.email ? emailRef : next?.fields.password ? passwordRef : null;
    if (field) setTimeout(() => field.current?.focus(), 0);
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (login.isPending) return;
    const input = { email, password };
    const invalid = validate(input);
    report(invalid);
    if (!invalid) login.mutate(input);
  }

  function clearFieldError(field: SignInField) {
    if (!problem?.fields[field]) return;
    setProblem({ ...problem, fields: { ...problem.fields, [field]: undefined } });
  }

  const emailError = problem?.fields.email;
  const passwordError = problem?.fields.password;

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
            Email
          </label>
          <input
            ref={emailRef}
            id={ids.email}
            className="field__input"
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              clearFieldError("email");
            }}
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
            Password
          </label>
          <div className="field__row">
            <input
              ref={passwordRef}
              id={ids.password}
              className="field__input"
              name="password"
              type={showPassword ? "text" : "password"}
              autoComplete="current-password"
              autoCapitalize="none"
              spellCheck={false}
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
                clearFieldError("password");
              }}
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={passwordError ? ids.passwordError : undefined}
            />
            <button
              type="button"
              className="button button--secondary field__toggle"
              aria-pressed={showPassword}
              onClick={() => setShowPassword(!showPassword)}
            >
              Show password
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
          {login.isPending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p className="hint">
        Forgotten your password? Ask your care team or your clinic&apos;s admin to reset it.
      </p>
    </div>
  );
}
