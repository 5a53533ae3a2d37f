import { parseMfaCode } from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { useServices } from "../app/services-context";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import { problemFromError, type FormProblem } from "../forms/form-problem";

/** The second step of sign-in: the code from the authenticator app, or a recovery code. */
export function MfaCodeForm() {
  const { t } = useTranslation("signIn");
  const { mfaApi, signIn } = useServices();
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const verify = useMutation({
    mutationFn: (value: string) => mfaApi.verify(value),
    // The sign-in route sees the new state and sends the person to their home.
    onSuccess: (auth) => signIn.signedIn(auth),
    onError: (error) => {
      setCode("");
      setProblem(problemFromError(error));
    },
  });

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (verify.isPending) return;
    if (!parseMfaCode(code)) {
      setProblem({
        message: t("problems.checkFields"),
        fields: { code: t("mfa.codeProblem") },
      });
      return;
    }
    setProblem(null);
    verify.mutate(code);
  }

  return (
    <div className="sign-in">
      <form className="form card" noValidate onSubmit={onSubmit} aria-busy={verify.isPending}>
        <FormAlert problem={problem} />
        <Field label={t("mfa.code")} hint={t("mfa.codeHint")} error={problem?.fields.code}>
          {(control) => (
            <input
              {...control}
              name="code"
              autoComplete="one-time-code"
              autoCapitalize="none"
              spellCheck={false}
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
          )}
        </Field>
        <SubmitButton pending={verify.isPending} pendingLabel={t("mfa.checking")}>
          {t("mfa.continue")}
        </SubmitButton>
      </form>
      <p className="hint">
        <button
          type="button"
          className="button button--quiet"
          onClick={() => void signIn.signOut()}
        >
          {t("mfa.cancel")}
        </button>
      </p>
    </div>
  );
}
