import {
  relationshipLabel,
  type FamilyMemberSummary,
  type FamilySessionKind,
} from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { describeError } from "../api/api-client";
import { useServices } from "../app/services-context";
import { formatMoment } from "../format/session-time";
import { ConfirmDialog } from "../forms/confirm-dialog";
import { CheckboxGroup, FormAlert, SubmitOrCancel } from "../forms/fields";
import { problemFromError, unplacedFields, type FormProblem } from "../forms/form-problem";
import { QueryView } from "../homes/query-view";
import { useParticipants } from "../people/use-people";
import { useSignedIn } from "../session/auth-context";
import { HiddenContext } from "../shell/hidden-context";
import { PageHeading } from "../shell/page-heading";
import { EmptyState, ErrorState, LoadingState } from "../shell/status-states";
import {
  actionsFor,
  describeKinds,
  EMPTY_INVITE,
  fullName,
  kindsHint,
  memberKey,
  SESSION_KIND_CHOICES,
  statusLabel,
  statusTone,
  type InviteValues,
  type Whose,
} from "./family-view";
import { InviteForm } from "./invite-form";
import { SharingExplained } from "./sharing-explained";
import { familiesChanged, useFamilyMembers } from "./use-families";
import "./families.css";

/** Whose family, and how the page acts for them: their own, or a clinician's on their behalf. */
type Scope = { participantId: string | undefined; whose: Whose };

function Notice({ message }: { message: string | null }) {
  return (
    <div role="status" className="status-slot">
      {message !== null && <p className="notice">{message}</p>}
    </div>
  );
}

/** What a change to one family member's consent works on, and where it goes when done. */
type MemberAction = {
  member: FamilyMemberSummary;
  familyUserId: string;
  scope: Scope;
  onDone: (message: string) => void;
  onClose: () => void;
};

/** Changing which sessions a family member may join (or giving consent again). */
function ConsentForm({ member, familyUserId, scope, onDone, onClose }: MemberAction) {
  const { familiesApi, queryClient } = useServices();
  const [kinds, setKinds] = useState<FamilySessionKind[]>(
    member.sessionKinds.length > 0 ? member.sessionKinds : ["FAMILY", "MULTI_FAMILY"],
  );
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const save = useMutation({
    mutationFn: (next: FamilySessionKind[]) =>
      familiesApi.updateConsent(familyUserId, next, scope.participantId),
    onSuccess: async (_, next) => {
      await familiesChanged(queryClient);
      onDone(`${member.firstName} may now join: ${describeKinds(next).toLowerCase()}.`);
    },
    onError: (error) => setProblem(problemFromError(error)),
  });

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    if (kinds.length === 0) {
      setProblem({
        message: "Check the fields marked below.",
        fields: {
          sessionKinds: `Choose at least one kind of session, or withdraw consent instead.`,
        },
      });
      return;
    }
    setProblem(null);
    save.mutate(kinds);
  }

  return (
    <form className="form inline-form" noValidate onSubmit={onSubmit} aria-busy={save.isPending}>
      <FormAlert problem={problem} extra={unplacedFields(problem, ["sessionKinds"])} />
      <CheckboxGroup
        legend={`Sessions ${member.firstName} may join`}
        hint={`${kindsHint(scope.whose)} A kind you take away takes effect at once, even in a session going on now.`}
        choices={SESSION_KIND_CHOICES}
        selected={kinds}
        onChange={setKinds}
        error={problem?.fields.sessionKinds}
      />
      <SharingExplained whose={scope.whose} who={member.firstName} level={4} />
      <SubmitOrCancel pending={save.isPending} pendingLabel="Saving…" onCancel={onClose}>
        {member.status === "active" ? "Save consent" : "Give consent"}
      </SubmitOrCancel>
    </form>
  );
}

function WithdrawDialog({ member, familyUserId, scope, onDone, onClose }: MemberAction) {
  const { familiesApi, queryClient } = useServices();
  const withdraw = useMutation({
    mutationFn: () => familiesApi.withdrawConsent(familyUserId, scope.participantId),
    onSuccess: async () => {
      await familiesChanged(queryClient);
      onDone(
        `Consent for ${fullName(member)} is withdrawn. They can no longer join any session or see the family board.`,
      );
    },
  });
  const whoseSessions =
    scope.whose.kind === "self" ? "your family sessions" : `${scope.whose.firstName}'s sessions`;
  return (
    <ConfirmDialog
      title={`Withdraw consent for ${fullName(member)}?`}
      confirmLabel="Withdraw consent"
      pendingLabel="Withdrawing…"
      pending={withdraw.isPending}
      error={withdraw.isError ? describeError(withdraw.error) : null}
      danger
      onConfirm={() => withdraw.mutate()}
      onClose={onClose}
    >
      <p>
        This takes effect at once. {member.firstName} can no longer join {whoseSessions} or see the
        family board.
      </p>
      <p>
        If {member.firstName} is in a session right now, they leave it immediately. Consent can be
        given again later.
      </p>
    </ConfirmDialog>
  );
}

type Open = { key: string; panel: "consent" | "withdraw" } | null;

function MemberCard({
  member,
  scope,
  open,
  setOpen,
  onChanged,
  onReinvite,
}: {
  member: FamilyMemberSummary;
  scope: Scope;
  open: Open;
  setOpen: (open: Open) => void;
  onChanged: (message: string) => void;
  onReinvite: (member: FamilyMemberSummary) => void;
}) {
  const { user } = useSignedIn();
  const { familiesApi, queryClient } = useServices();
  const nameId = useId();
  const panelId = useId();
  const key = memberKey(member);
  const name = fullName(member);
  const panel = open?.key === key ? open.panel : null;
  const revoke = useMutation({
    mutationFn: (invitationId: string) => familiesApi.revokeInvitation(invitationId),
    onSuccess: async () => {
      await familiesChanged(queryClient);
      onChanged(`The invitation to ${name} is cancelled. Its link no longer works.`);
    },
  });
  const actions = actionsFor(member);
  const familyUserId = member.userId;
  /** The consent form's and the withdraw dialog's props: done closes the panel and says so. */
  const action = (userId: string): MemberAction => ({
    member,
    familyUserId: userId,
    scope,
    onDone: (message) => {
      setOpen(null);
      onChanged(message);
    },
    onClose: () => setOpen(null),
  });
  return (
    <article className="card family-member" aria-labelledby={nameId}>
      <div className="family-member__head">
        <h3 id={nameId} className="card__title">
          {name}
        </h3>
        <span className={`badge badge--${statusTone(member.status)}`}>
          {statusLabel(member.status)}
        </span>
      </div>
      <dl className="facts">
        <div className="facts__item">
          <dt>Relationship</dt>
          <dd>{relationshipLabel(member.relationship)}</dd>
        </div>
        <div className="facts__item">
          <dt>Email</dt>
          <dd className="family-member__email">{member.email}</dd>
        </div>
        <div className="facts__item">
          <dt>May join</dt>
          <dd>
            {member.status === "consent-withdrawn"
              ? "No sessions"
              : describeKinds(member.sessionKinds)}
          </dd>
        </div>
        {member.status === "invited" && member.expiresAt !== null && (
          <div className="facts__item">
            <dt>Invitation</dt>
            <dd>
              Not accepted yet. The link works until {formatMoment(member.expiresAt, user.timeZone)}
              .
            </dd>
          </div>
        )}
        {member.status === "expired" && member.expiresAt !== null && (
          <div className="facts__item">
            <dt>Invitation</dt>
            <dd>
              The link expired on {formatMoment(member.expiresAt, user.timeZone)}. Invite them again
              to send a new one.
            </dd>
          </div>
        )}
      </dl>
      {member.status === "consent-withdrawn" && (
        <p className="muted">They cannot join any session or see the family board.</p>
      )}
      {actions.length > 0 && (
        <div className="actions">
          {actions.map((action) => {
            switch (action) {
              case "change-consent":
              case "give-consent":
                return (
                  <button
                    key={action}
                    type="button"
                    className="button button--secondary button--small"
                    aria-expanded={panel === "consent"}
                    aria-controls={panelId}
                    onClick={() => setOpen(panel === "consent" ? null : { key, panel: "consent" })}
                  >
                    {action === "change-consent" ? "Change consent" : "Give consent again"}
                    <HiddenContext>{`for ${name}`}</HiddenContext>
                  </button>
                );
              case "withdraw":
                return (
                  <button
                    key={action}
                    type="button"
                    className="button button--danger-quiet button--small"
                    onClick={() => setOpen({ key, panel: "withdraw" })}
                  >
                    Withdraw consent<HiddenContext>{`for ${name}`}</HiddenContext>
                  </button>
                );
              case "revoke":
                return (
                  <button
                    key={action}
                    type="button"
                    className="button button--secondary button--small"
                    disabled={revoke.isPending || member.invitationId === null}
                    onClick={() => {
                      if (member.invitationId !== null) revoke.mutate(member.invitationId);
                    }}
                  >
                    {revoke.isPending ? "Cancelling…" : "Cancel invitation"}
                    <HiddenContext>{`to ${name}`}</HiddenContext>
                  </button>
                );
              case "reinvite":
                return (
                  <button
                    key={action}
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => onReinvite(member)}
                  >
                    Invite again<HiddenContext>{name}</HiddenContext>
                  </button>
                );
            }
          })}
        </div>
      )}
      {revoke.isError && (
        <p className="field__error" role="alert">
          The invitation was not cancelled. {describeError(revoke.error)}
        </p>
      )}
      <div id={panelId} hidden={panel !== "consent"}>
        {panel === "consent" && familyUserId !== null && <ConsentForm {...action(familyUserId)} />}
      </div>
      {panel === "withdraw" && familyUserId !== null && (
        <WithdrawDialog {...action(familyUserId)} />
      )}
    </article>
  );
}

function reinviteValues(member: FamilyMemberSummary): InviteValues {
  return {
    ...EMPTY_INVITE,
    email: member.email,
    firstName: member.firstName,
    lastName: member.lastName,
    relationship: member.relationship,
    sessionKinds: member.sessionKinds.length > 0 ? member.sessionKinds : EMPTY_INVITE.sessionKinds,
  };
}

/** A participant's family members with their consent, and inviting someone new. */
function FamilyManager({ scope }: { scope: Scope }) {
  const members = useFamilyMembers(scope.participantId);
  const listHeadingId = useId();
  const inviteHeadingId = useId();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [invite, setInvite] = useState<{ key: number; values: InviteValues; focus: boolean }>({
    key: 0,
    values: EMPTY_INVITE,
    focus: false,
  });
  const { whose } = scope;
  return (
    <div className="stack">
      <p className="family-intro">
        {whose.kind === "self"
          ? "Family members you invite can join family therapy and multi-family groups with you, from their own home. They see only the sessions they are invited to and the family board: nothing else of your care. You can change or withdraw your consent at any time."
          : `Family members join ${whose.firstName}'s family therapy and multi-family groups only with ${whose.firstName}'s consent. They see only the sessions they are invited to and the family board: nothing else of ${whose.firstName}'s care.`}
      </p>
      <Notice message={notice} />
      <section aria-labelledby={listHeadingId}>
        <h2 id={listHeadingId} className="section-title">
          Family members
        </h2>
        <QueryView
          query={members}
          loadingLabel="Loading family members…"
          errorTitle="We couldn't load the family members"
        >
          {(list) =>
            list.length === 0 ? (
              <EmptyState title="No family members yet.">
                <p>
                  Invite someone below. They get an email with a link to set a password and join.
                </p>
              </EmptyState>
            ) : (
              <ul className="card-list">
                {list.map((member) => (
                  <li key={memberKey(member)}>
                    <MemberCard
                      member={member}
                      scope={scope}
                      open={open}
                      setOpen={setOpen}
                      onChanged={setNotice}
                      onReinvite={(m) => {
                        setNotice(null);
                        setInvite((current) => ({
                          key: current.key + 1,
                          values: reinviteValues(m),
                          focus: true,
                        }));
                      }}
                    />
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      </section>
      <section className="card" aria-labelledby={inviteHeadingId}>
        <h2 id={inviteHeadingId} className="card__title">
          Invite a family member
        </h2>
        <InviteForm
          key={invite.key}
          participantId={scope.participantId}
          whose={scope.whose}
          initial={invite.values}
          focusFirst={invite.focus}
          onInvited={(invited) =>
            setNotice(
              `We emailed an invitation to ${invited.firstName} at ${invited.email}. The link works once, for 7 days.`,
            )
          }
        />
      </section>
    </div>
  );
}

/** `/my-family`: a participant's own family members and their consent. */
export function MyFamilyPage() {
  return (
    <>
      <PageHeading>My family</PageHeading>
      <FamilyManager scope={{ participantId: undefined, whose: { kind: "self" } }} />
    </>
  );
}

/** `/participants/:participantId/family`: a clinician manages a participant's family for them. */
export function ParticipantFamilyPage() {
  const { participantId = "" } = useParams();
  const [searchParams] = useSearchParams();
  const { user } = useSignedIn();
  const participants = useParticipants();
  const cohortId = searchParams.get("cohortId");
  const back = cohortId ? (
    <Link to={`/cohorts/${encodeURIComponent(cohortId)}`}>Back to the cohort</Link>
  ) : user.role === "ADMIN" ? (
    <Link to="/participants">Back to participants</Link>
  ) : (
    <Link to="/cohorts">Back to cohorts</Link>
  );
  if (participants.isPending) {
    return (
      <>
        <PageHeading>Family</PageHeading>
        <LoadingState label="Loading…" />
      </>
    );
  }
  if (participants.isError) {
    return (
      <>
        <PageHeading>Family</PageHeading>
        <ErrorState
          title="We couldn't load this page"
          error={participants.error}
          onRetry={() => void participants.refetch()}
          retrying={participants.isFetching}
        />
      </>
    );
  }
  const participant = participants.data.find((p) => p.id === participantId);
  if (!participant) {
    return (
      <>
        <PageHeading>Participant not found</PageHeading>
        <p className="page-back">{back}</p>
        <EmptyState title="This participant does not exist, or is not in your care.">
          <p>Open a participant&apos;s family from their cohort&apos;s page.</p>
        </EmptyState>
      </>
    );
  }
  const firstName = participant.displayName.split(" ")[0] ?? participant.displayName;
  return (
    <>
      <PageHeading>{`Family of ${participant.displayName}`}</PageHeading>
      <p className="page-back">{back}</p>
      <FamilyManager
        key={participant.id}
        scope={{ participantId: participant.id, whose: { kind: "other", firstName } }}
      />
    </>
  );
}
