import {
  FAMILY_RELATIONSHIPS,
  relationshipLabel,
  type FamilyMemberSummary,
  type FamilyRelationship,
  type InviteFamilyInput,
} from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { useServices } from "../app/services-context";
import { CheckboxGroup, Field, FormAlert, SubmitButton } from "../forms/fields";
import { problemFromError, unplacedFields, type FormProblem } from "../forms/form-problem";
import { EmailField, NameFields } from "../forms/person-fields";
import {
  EMPTY_INVITE,
  kindsHint,
  SESSION_KIND_CHOICES,
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
function ConsentCheckbox({
  checked,
  firstName,
  error,
  onChange,
}: {
  checked: boolean;
  firstName: string;
  error: string | undefined;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  return (
    <div className="field">
      <p id={hintId} className="field__hint">
        Invite family only with {firstName}&apos;s agreement. It is recorded with the invitation.
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
        <span>The participant agreed to this invitation</span>
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
  const { familiesApi, queryClient } = useServices();
  const [values, setValues] = useState<InviteValues>(initial);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const invite = useMutation({
    mutationFn: (input: InviteFamilyInput) => familiesApi.invite(input),
    onSuccess: async (invited) => {
      await familiesChanged(queryClient);
      setValues(EMPTY_INVITE);
      onInvited(invited);
    },
    onError: (error) => setProblem(problemFromError(error)),
  });

  function set<K extends keyof InviteValues>(name: K, value: InviteValues[K]) {
    setValues((current) => ({ ...current, [name]: value }));
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (invite.isPending) return;
    const result = toInviteInput(values, participantId);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    invite.mutate(result.input);
  }

  const error = (name: string) => problem?.fields[name];
  const who = values.firstName.trim() === "" ? "they" : values.firstName.trim();
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-busy={invite.isPending}>
      <FormAlert problem={problem} extra={unplacedFields(problem, FIELDS)} />
      <NameFields
        values={values}
        onChange={set}
        error={error}
        // Opened to invite someone again: the details are there, start from the top.
        autoFocus={focusFirst}
      />
      <EmailField
        value={values.email}
        onChange={(email) => set("email", email)}
        error={error("email")}
        hint="We email them a link to accept. It works once, for 7 days."
      />
      <Field label="Relationship" error={error("relationship")}>
        {(control) => (
          <select
            {...control}
            value={values.relationship}
            onChange={(event) => set("relationship", event.target.value as FamilyRelationship | "")}
          >
            <option value="">Choose how they are related</option>
            {FAMILY_RELATIONSHIPS.map((relationship) => (
              <option key={relationship} value={relationship}>
                {relationshipLabel(relationship)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <CheckboxGroup
        legend="Sessions they may join"
        hint={kindsHint(whose)}
        choices={SESSION_KIND_CHOICES}
        selected={values.sessionKinds}
        onChange={(kinds) => set("sessionKinds", kinds)}
        error={error("sessionKinds")}
      />
      <SharingExplained whose={whose} who={who} />
      {participantId !== undefined && whose.kind === "other" && (
        <ConsentCheckbox
          checked={values.participantConsented}
          firstName={whose.firstName}
          error={error("participantConsented")}
          onChange={(checked) => set("participantConsented", checked)}
        />
      )}
      <div className="actions">
        <SubmitButton pending={invite.isPending} pendingLabel="Sending invitation…">
          Send invitation
        </SubmitButton>
      </div>
    </form>
  );
}
