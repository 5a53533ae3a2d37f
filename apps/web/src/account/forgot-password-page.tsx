import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmailField } from "../forms/person-fields";
import { FormAlert, SubmitButton } from "../forms/fields";
import { schemaMessageInActiveLanguage, unplacedFields } from "../forms/form-problem";
import { useZodForm } from "../forms/use-zod-form";
import { useLocale } from "../i18n/use-locale";
import { PageHeading } from "../shell/page-heading";
import { PublicLayout } from "../shell/public-layout";
import { schemaMessage } from "./password-forms";
import { ForgotPasswordInputSchema } from "@bridgeway/domain";
import { useAccountsApi } from "./use-accounts-api";

/** `/forgot-password`: asks for a reset link by email; the answer never says if the email exists. */
export function ForgotPasswordPage() {
  const { t } = useTranslation("account");
  const locale = useLocale();
  const accounts = useAccountsApi();
  const form = useZodForm({
    schema: ForgotPasswordInputSchema,
    defaultValues: { email: "" },
    translate: (field, english) => schemaMessage(field, schemaMessageInActiveLanguage(english), t),
  });
  const { problem } = form;
  const send = useMutation({
    mutationFn: (address: string) => accounts.forgotPassword(address, locale),
    onError: (error) => form.fail(error),
  });
  const onSubmit = form.submitWith((input) => {
    if (!send.isPending) send.mutate(input.email);
  });

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
              registration={form.register("email")}
              error={form.error("email")}
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
