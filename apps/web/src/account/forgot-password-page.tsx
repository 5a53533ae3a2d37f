import { useMutation } from "@tanstack/react-query";
import { useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmailField } from "../forms/person-fields";
import { FormAlert, SubmitButton } from "../forms/fields";
import { problemFromError, unplacedFields, type FormProblem } from "../forms/form-problem";
import { useLocale } from "../i18n/use-locale";
import { PageHeading } from "../shell/page-heading";
import { PublicLayout } from "../shell/public-layout";
import { checkForgotPassword } from "./password-forms";
import { useAccountsApi } from "./use-accounts-api";

/** `/forgot-password`: asks for a reset link by email; the answer never says if the email exists. */
export function ForgotPasswordPage() {
  const { t } = useTranslation("account");
  const locale = useLocale();
  const accounts = useAccountsApi();
  const [email, setEmail] = useState("");
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const send = useMutation({
    mutationFn: (address: string) => accounts.forgotPassword(address, locale),
    onError: (error) => setProblem(problemFromError(error)),
  });

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (send.isPending) return;
    const result = checkForgotPassword(email, t);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    send.mutate(result.input.email);
  }

  return (
    <PublicLayout>
      <PageHeading>{t("forgot.title")}</PageHeading>
      <div className="stack">
        <div role="status" className="status-slot">
          {/* The server's one answer is English; the catalogue says the same in every language. */}
          {send.isSuccess && <p className="notice">{t("forgot.sent")}</p>}
        </div>
        {!send.isSuccess && (
          <form className="form card" noValidate onSubmit={onSubmit} aria-busy={send.isPending}>
            <p>{t("forgot.intro")}</p>
            <FormAlert problem={problem} extra={unplacedFields(problem, ["email"])} />
            <EmailField
              label={t("forgot.email")}
              value={email}
              onChange={setEmail}
              error={problem?.fields.email}
            />
            <div className="actions">
              <SubmitButton pending={send.isPending} pendingLabel={t("forgot.pending")}>
                {t("forgot.submit")}
              </SubmitButton>
            </div>
          </form>
        )}
        <p>
          <Link to="/sign-in">{t("forgot.back")}</Link>
        </p>
      </div>
    </PublicLayout>
  );
}
