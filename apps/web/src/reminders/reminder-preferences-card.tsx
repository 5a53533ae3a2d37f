import type { ReminderChannel, ReminderPreferences } from "@bridgeway/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { Path, PathValue } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { CheckboxGroup, Field, FormAlert, SubmitButton } from "../forms/fields";
import { unplacedFields } from "../forms/form-problem";
import { checkedSchema, keepMessage, useZodForm } from "../forms/use-zod-form";
import { useFormat } from "../i18n/use-format";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../sign-in/auth-context";
import { checkReminderForm, formFromPreferences, type ReminderFormValues } from "./reminder-form";
import { useRemindersApi } from "./use-reminders-api";

const KEY = "reminder-preferences";
const PLACED = ["enabled", "byEmail", "bySms", "phone", "quietHours.start", "quietHours.end"];

function ReminderForm({
  initial,
  timeZone,
  smsDelivered,
}: {
  initial: ReminderFormValues;
  timeZone: string;
  smsDelivered: boolean;
}) {
  const { t } = useTranslation("reminders");
  const format = useFormat();
  const api = useRemindersApi();
  const queries = useQueryClient();
  const { user } = useSignedIn();
  const form = useZodForm({
    schema: checkedSchema((values: ReminderFormValues) => checkReminderForm(values, t)),
    defaultValues: initial,
    translate: keepMessage,
  });
  const { problem } = form;
  // Controlled: what shows depends on what is ticked.
  const values = form.watch();
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (input: ReminderPreferences) => api.savePreferences(input),
    onSuccess: (answer) => {
      queries.setQueryData([KEY, user.id], answer);
      setSaved(true);
    },
    onError: (error) => form.fail(error),
  });
  const set = <K extends Path<ReminderFormValues>>(
    name: K,
    value: PathValue<ReminderFormValues, K>,
  ) => {
    setSaved(false);
    form.setValue(name, value);
  };

  const onSubmit = form.submitWith((input) => {
    if (!save.isPending) save.mutate(input);
  });

  const error = form.error;
  const zone = format.timeZone(timeZone);
  const channels: { value: ReminderChannel; label: string }[] = [
    { value: "EMAIL", label: t("preferences.email") },
    { value: "SMS", label: t("preferences.sms") },
  ];
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-busy={save.isPending}>
      <FormAlert problem={problem} extra={unplacedFields(problem, PLACED)} />
      <label className="choice">
        <input
          type="checkbox"
          className="choice__input"
          checked={values.enabled}
          onChange={(event) => set("enabled", event.target.checked)}
        />
        <span>{t("preferences.enabled")}</span>
      </label>
      {values.enabled && (
        <>
          <CheckboxGroup
            legend={t("preferences.sendBy")}
            choices={channels}
            selected={values.channels}
            onChange={(channels) => set("channels", channels)}
            error={error("byEmail") ?? error("bySms")}
            inline
          />
          {values.channels.includes("SMS") && (
            <Field
              label={t("preferences.phone")}
              hint={smsDelivered ? t("preferences.phoneHint") : t("preferences.phoneHintNotSent")}
              error={error("phone")}
            >
              {(control) => (
                <input
                  {...control}
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel"
                  value={values.phone}
                  onChange={(event) => set("phone", event.target.value)}
                />
              )}
            </Field>
          )}
          <label className="choice">
            <input
              type="checkbox"
              className="choice__input"
              checked={values.quiet}
              onChange={(event) => set("quiet", event.target.checked)}
            />
            <span>{t("preferences.quiet")}</span>
          </label>
          {values.quiet && (
            <div className="field-pair">
              <Field
                label={t("preferences.quietFrom")}
                hint={t("preferences.zoneHint", { zone })}
                error={error("quietHours.start")}
              >
                {(control) => (
                  <input
                    {...control}
                    type="time"
                    value={values.quietStart}
                    onChange={(event) => set("quietStart", event.target.value)}
                  />
                )}
              </Field>
              <Field
                label={t("preferences.quietUntil")}
                hint={t("preferences.zoneHint", { zone })}
                error={error("quietHours.end")}
              >
                {(control) => (
                  <input
                    {...control}
                    type="time"
                    value={values.quietEnd}
                    onChange={(event) => set("quietEnd", event.target.value)}
                  />
                )}
              </Field>
            </div>
          )}
        </>
      )}
      <div className="actions">
        <SubmitButton pending={save.isPending} pendingLabel={t("preferences.saving")}>
          {t("preferences.save")}
        </SubmitButton>
      </div>
      <div role="status" className="status-slot">
        {saved && <p className="notice">{t("preferences.saved")}</p>}
      </div>
    </form>
  );
}

/**
 * The account page's reminders: on or off, by email and/or text message, and quiet hours, in
 * the person's own time zone. Reminders never say what a session is about.
 */
export function ReminderPreferencesCard() {
  const { t } = useTranslation("reminders");
  const { user } = useSignedIn();
  const api = useRemindersApi();
  const headingId = useId();
  const query = useQuery({
    queryKey: [KEY, user.id],
    queryFn: ({ signal }) => api.preferences(signal),
  });
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t("preferences.title")}
      </h2>
      <p>{t("preferences.intro")}</p>
      <QueryView
        query={query}
        loadingLabel={t("preferences.loading")}
        errorTitle={t("preferences.error")}
      >
        {(preferences) => (
          <ReminderForm
            initial={formFromPreferences(preferences)}
            timeZone={preferences.timeZone}
            smsDelivered={preferences.smsDelivered}
          />
        )}
      </QueryView>
    </section>
  );
}
