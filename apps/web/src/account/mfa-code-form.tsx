import { parseMfaCode, type MfaCodeInput } from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useServices } from "../app/services-context";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import { checkedSchema, keepMessage, useZodForm } from "../forms/use-zod-form";

/**
 * An app code or a recovery code, as `parseMfaCode` reads it; the code is sent as typed (the
 * server reads it the same way).
 */
function mfaCodeSchema(t: TFunction<"signIn">) {
  return checkedSchema((values: MfaCodeInput) =>
    parseMfaCode(values.code)
      ? { ok: true as const, input: values }
      : {
          ok: false as const,
          problem: { message: t("problems.checkFields"), fields: { code: t("mfa.codeProblem") } },
        },
  );
}

/** The second step of sign-in: the code from the authenticator app, or a recovery code. */
export function MfaCodeForm() {
  const { t } = useTranslation("signIn");
  const { mfaApi, signIn } = useServices();
  const form = useZodForm({
    schema: mfaCodeSchema(t),
    defaultValues: { code: "" },
    translate: keepMessage,
  });
  const verify = useMutation({
    mutationFn: (value: string) => mfaApi.verify(value),
    // The sign-in route sees the new state and sends the person to their home.
    onSuccess: (auth) => signIn.signedIn(auth),
    onError: (error) => {
      // A code is used once: the person types the next one afresh.
      form.setValue("code", "");
      form.fail(error);
    },
  });

  return (
    <div className="sign-in">
      <form
        className="form card"
        noValidate
        onSubmit={form.submitWith(({ code }) => {
          if (!verify.isPending) verify.mutate(code);
        })}
        aria-busy={verify.isPending}
      >
        <FormAlert problem={form.problem} />
        <Field label={t("mfa.code")} hint={t("mfa.codeHint")} error={form.error("code")}>
          {(control) => (
            <input
              {...control}
              autoComplete="one-time-code"
              autoCapitalize="none"
              spellCheck={false}
              {...form.register("code")}
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
