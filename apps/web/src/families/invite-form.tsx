import {
  FAMILY_RELATIONSHIPS,
  type FamilyMemberSummary,
  type InviteFamilyInput,
} from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useServices } from "../app/services-context";
import { CheckboxGroup, Field, FormAlert, SubmitButton } from "../forms/fields";
import { unplacedFields } from "../forms/form-problem";
import { checkedSchema, keepMessage, useZodForm } from "../forms/use-zod-form";
import { EmailField, NameFields } from "../forms/person-fields";
import {
  EMPTY_INVITE,
  kindsHint,
  relationshipText,
  sessionKindChoices,
  toInviteInput,
  type InviteValues,
  type Whose,
} from "./family-view";
import { SharingExplained } from "./sharing-explained";
import { familiesChanged } from "./use-families";

const FIELDS = [
  "email",
  "firstName",
  "lastName",
  "relationship",
  "sessionKinds",
  "participantConsented",
];

/** The participant's agreement, asked of a clinician who invites on their behalf. */
/** A clinician's statement that the participant agreed, recorded with what they do for them. */
export function ConsentCheckbox({
  checked,
  firstName,
  error,
  onChange,
  hint,
  label,
}: {
  checked: boolean;
  firstName: string;
  error: string | undefined;
  onChange: (checked: boolean) => void;
  hint?: string;
  label?: string;
}) {
  const { t } = useTranslation("families");
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  return (
    <div className="field">
      <p id={hintId} className="field__hint">
        {hint ?? t("invite.consentHint", { name: firstName })}
      </p>
      <label className="choice choice--block" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          className="choice__input"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>{label ?? t("invite.consentLabel")}</span>
      </label>
      {error !== undefined && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * Inviting a family member by email: who they are, how they are related, which sessions they
 * may join, and, said plainly, what they will and will not see. `participantId` is set when a
 * clinician invites on a participant's behalf.
 */
export function InviteForm({
  participantId,
  whose,
  initial = EMPTY_INVITE,
  focusFirst = false,
  onInvited,
}: {
  participantId: string | undefined;
  whose: Whose;
  initial?: InviteValues;
  /** Opened from "Invite again": start typing at once. */
  focusFirst?: boolean;
  onInvited: (invited: FamilyMemberSummary) => void;
}) {
  const { t } = useTranslation("families");
  const { familiesApi, queryClient } = useServices();
  const form = useZodForm({
    schema: checkedSchema((values: InviteValues) => toInviteInput(values, participantId, t)),
    defaultValues: initial,
    translate: keepMessage,
  });
  const { problem } = form;
  // Names, the kinds of session and consent are shared, controlled fields.
  const values = form.watch();
  const invite = useMutation({
    mutationFn: (input: InviteFamilyInput) => familiesApi.invite(input),
    onSuccess: async (invited) => {
      await familiesChanged(queryClient);
      form.reset(EMPTY_INVITE);
      onInvited(invited);
    },
    onError: (error) => form.fail(error),
  });

  const onSubmit = form.submitWith((input) => {
    if (!invite.isPending) invite.mutate(input);
  });

  const error = form.error;
  const who = values.firstName.trim() === "" ? t("sharing.they") : values.firstName.trim();
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-busy={invite.isPending}>
      <FormAlert problem={problem} extra={unplacedFields(problem, FIELDS)} />
      <NameFields
        values={values}
        onChange={(name, value) => form.setValue(name, value)}
        error={error}
        // Opened to invite someone again: the details are there, start from the top.
        autoFocus={focusFirst}
        labels={{ firstName: t("invite.firstName"), lastName: t("invite.lastName") }}
      />
      <EmailField
        registration={form.register("email")}
        error={error("email")}
        label={t("member.email")}
        hint={t("invite.emailHint")}
      />
      <Field label={t("invite.relationship")} error={error("relationship")}>
        {(control) => (
          <select {...control} {...form.register("relationship")}>
            <option value="">{t("invite.chooseRelationship")}</option>
            {FAMILY_RELATIONSHIPS.map((relationship) => (
              <option key={relationship} value={relationship}>
                {relationshipText(relationship, t)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <CheckboxGroup
        legend={t("invite.sessionsLegend")}
        hint={kindsHint(whose, t)}
        choices={sessionKindChoices(t)}
        selected={values.sessionKinds}
        onChange={(kinds) => form.setValue("sessionKinds", kinds)}
        error={error("sessionKinds")}
      />
      <SharingExplained whose={whose} who={who} />
      {participantId !== undefined && whose.kind === "other" && (
        <ConsentCheckbox
          checked={values.participantConsented}
          firstName={whose.firstName}
          error={error("participantConsented")}
          onChange={(checked) => form.setValue("participantConsented", checked)}
        />
      )}
      <div className="actions">
        <SubmitButton pending={invite.isPending} pendingLabel={t("invite.sending")}>
          {t("invite.send")}
        </SubmitButton>
      </div>
    </form>
  );
}
