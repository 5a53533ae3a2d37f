import { MIN_PASSWORD_LENGTH, type ChangePasswordInput } from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { LanguageCard } from "../i18n/language-picker";
import { schemaMessageInActiveLanguage } from "../forms/form-problem";
import { useZodForm } from "../forms/use-zod-form";
import { useSignedIn } from "../sign-in/auth-context";
import { ReminderPreferencesCard } from "../reminders/reminder-preferences-card";
import { DeviceNotificationsCard } from "../push/device-notifications-card";
import { PageHeading } from "../shell/page-heading";
import { MfaSection } from "./mfa-section";
import { PasswordChoiceForm } from "./password-choice-form";
import { SignInsList } from "./sign-ins-list";
import { changePasswordChecks, ChangePasswordFormSchema, schemaMessage } from "./password-forms";
import { useAccountsApi } from "./use-accounts-api";

const EMPTY = { currentPassword: "", newPassword: "", confirmPassword: "" };

function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation("account");
  const accounts = useAccountsApi();
  const form = useZodForm({
    schema: ChangePasswordFormSchema,
    defaultValues: EMPTY,
    translate: (field, english) => schemaMessage(field, schemaMessageInActiveLanguage(english), t),
    check: (values) => changePasswordChecks(values, t),
  });
  const change = useMutation({
    mutationFn: (input: ChangePasswordInput) => accounts.changePassword(input),
    onSuccess: () => {
      form.reset(EMPTY);
      onChanged();
    },
    onError: (error) => form.fail(error),
  });

  return (
    <PasswordChoiceForm
      form={form}
      onValid={(values) =>
        change.mutate({
          currentPassword: values.currentPassword,
          newPassword: values.newPassword,
        })
      }
      pending={change.isPending}
      current={{ name: "currentPassword", label: t("change.current") }}
      password={{
        name: "newPassword",
        label: t("change.new"),
        hint: t("change.newHint", { min: MIN_PASSWORD_LENGTH }),
      }}
      again={{ name: "confirmPassword", label: t("change.again") }}
      submitLabel={t("change.submit")}
      pendingLabel={t("change.pending")}
      showLabel={t("showPasswords")}
    />
  );
}

/** `/account`: the signed-in person's own account: who they are, and changing their password. */
export function AccountPage() {
  const { t } = useTranslation("account");
  const { user } = useSignedIn();
  const headingId = useId();
  const [notice, setNotice] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  return (
    <>
      <PageHeading>{t("title")}</PageHeading>
      <div className="stack">
        <div role="status" className="status-slot">
          {notice !== null && <p className="notice">{notice}</p>}
        </div>
        <p>
          {t("signInAsBefore", { organization: user.organizationName })}
          <strong translate="no">{user.email}</strong>
          {t("signInAsAfter")}
        </p>
        <section className="card" aria-labelledby={headingId}>
          <h2 id={headingId} className="card__title">
            {t("change.title")}
          </h2>
          <p>{t("change.intro")}</p>
          <ChangePasswordForm
            onChanged={() => {
              setChanges((n) => n + 1);
              setNotice(t("change.done"));
            }}
          />
        </section>
        <LanguageCard />
        <ReminderPreferencesCard />
        <DeviceNotificationsCard />
        <MfaSection onNotice={setNotice} />
        <SignInsList refreshKey={changes} />
      </div>
    </>
  );
}
