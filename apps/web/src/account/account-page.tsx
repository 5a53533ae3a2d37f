import { MIN_PASSWORD_LENGTH, type ChangePasswordInput } from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert, SubmitButton } from "../forms/fields";
import { LanguageCard } from "../i18n/language-picker";
import { problemFromError, unplacedFields, type FormProblem } from "../forms/form-problem";
import { useSignedIn } from "../session/auth-context";
import { ReminderPreferencesCard } from "../reminders/reminder-preferences-card";
import { DeviceNotificationsCard } from "../push/device-notifications-card";
import { PageHeading } from "../shell/page-heading";
import { MfaSection } from "./mfa-section";
import { NewPasswordField } from "./new-password-field";
import { SignedInSessions } from "./signed-in-sessions";
import { checkChangePassword } from "./password-forms";
import { useAccountsApi } from "./use-accounts-api";

const EMPTY = { currentPassword: "", newPassword: "", confirmPassword: "" };

function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation("account");
  const accounts = useAccountsApi();
  const [values, setValues] = useState(EMPTY);
  const [show, setShow] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const change = useMutation({
    mutationFn: (input: ChangePasswordInput) => accounts.changePassword(input),
    onSuccess: () => {
      setValues(EMPTY);
      onChanged();
    },
    onError: (error) => setProblem(problemFromError(error)),
  });

  function set(name: keyof typeof EMPTY, value: string) {
    setValues((current) => ({ ...current, [name]: value }));
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    const result = checkChangePassword(values, t);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    change.mutate(result.input);
  }

  const error = (name: string) => problem?.fields[name];
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-busy={change.isPending}>
      <FormAlert
        problem={problem}
        extra={unplacedFields(problem, ["currentPassword", "newPassword", "confirmPassword"])}
      />
      <NewPasswordField
        label={t("change.current")}
        autoComplete="current-password"
        error={error("currentPassword")}
        shown={show}
        value={values.currentPassword}
        onChange={(value) => set("currentPassword", value)}
      />
      <NewPasswordField
        label={t("change.new")}
        hint={t("change.newHint", { min: MIN_PASSWORD_LENGTH })}
        error={error("newPassword")}
        shown={show}
        value={values.newPassword}
        onChange={(value) => set("newPassword", value)}
      />
      <NewPasswordField
        label={t("change.again")}
        error={error("confirmPassword")}
        shown={show}
        value={values.confirmPassword}
        onChange={(value) => set("confirmPassword", value)}
      />
      <div className="actions">
        <SubmitButton pending={change.isPending} pendingLabel={t("change.pending")}>
          {t("change.submit")}
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
        <SignedInSessions refreshKey={changes} />
      </div>
    </>
  );
}
