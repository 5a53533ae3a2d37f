import {
  UpdateConsentSchema,
  type FamilyMemberSummary,
  type FamilySessionKind,
  type UpdateConsentInput,
} from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { describeError } from "../api/api-client";
import { useServices } from "../app/services-context";
import { useFormat } from "../i18n/use-format";
import { ConfirmDialog } from "../forms/confirm-dialog";
import { CheckboxGroup, FormAlert, SubmitOrCancel } from "../forms/fields";
import { unplacedFields, type FormProblem } from "../forms/form-problem";
import { checkedSchema, keepMessage, useZodForm } from "../forms/use-zod-form";
import { QueryView } from "../homes/query-view";
import { useParticipants } from "../people/use-people";
import { useSignedIn } from "../sign-in/auth-context";
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
  relationshipText,
  sessionKindChoices,
  statusLabel,
  statusTone,
  type InviteValues,
  type Whose,
} from "./family-view";
import { ConsentCheckbox, InviteForm } from "./invite-form";
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

type ConsentValues = { sessionKinds: FamilySessionKind[]; participantConsented: boolean };

/**
 * The consent change to send, or why not: at least one kind of session (withdrawing is its own
 * action). The participant's agreement goes with it only when a clinician acts for them.
 */
function toConsentInput(
  values: ConsentValues,
  onBehalf: boolean,
  t: TFunction<"families">,
): { ok: true; input: UpdateConsentInput } | { ok: false; problem: FormProblem } {
  const parsed = UpdateConsentSchema.safeParse({
    sessionKinds: values.sessionKinds,
    participantConsented: onBehalf ? values.participantConsented : undefined,
  });
  if (!parsed.success) {
    return {
      ok: false,
      problem: {
        message: t("invite.checkFields"),
        fields: { sessionKinds: t("consent.chooseOne") },
      },
    };
  }
  return { ok: true, input: parsed.data };
}

/** Changing which sessions a family member may join (or giving consent again). */
function ConsentForm({ member, familyUserId, scope, onDone, onClose }: MemberAction) {
  const { t } = useTranslation("families");
  const { familiesApi, queryClient } = useServices();
  // Consent is the participant's: a clinician records that the participant agreed to a grant.
  const onBehalf = scope.whose.kind === "other" ? scope.whose : null;
  const form = useZodForm({
    schema: checkedSchema((values: ConsentValues) => toConsentInput(values, onBehalf !== null, t)),
    defaultValues: {
      sessionKinds:
        member.sessionKinds.length > 0 ? member.sessionKinds : ["FAMILY", "MULTI_FAMILY"],
      participantConsented: false,
    },
    translate: keepMessage,
  });
  const { problem } = form;
  // The kinds of session and the agreement are shared, controlled fields.
  const values = form.watch();
  const save = useMutation({
    mutationFn: (input: UpdateConsentInput) =>
      familiesApi.updateConsent(
        familyUserId,
        input.sessionKinds,
        scope.participantId,
        input.participantConsented,
      ),
    onSuccess: async (_, input) => {
      await familiesChanged(queryClient);
      onDone(
        t("consent.nowMayJoin", {
          name: member.firstName,
          kinds: describeKinds(input.sessionKinds, t).toLowerCase(),
        }),
      );
    },
    onError: (error) => form.fail(error),
  });

  const onSubmit = form.submitWith((input) => {
    if (!save.isPending) save.mutate(input);
  });

  return (
    <form className="form inline-form" noValidate onSubmit={onSubmit} aria-busy={save.isPending}>
      <FormAlert
        problem={problem}
        extra={unplacedFields(problem, ["sessionKinds", "participantConsented"])}
      />
      <CheckboxGroup
        legend={t("consent.legend", { name: member.firstName })}
        hint={t("consent.hint", { kinds: kindsHint(scope.whose, t) })}
        choices={sessionKindChoices(t)}
        selected={values.sessionKinds}
        onChange={(kinds) => form.setValue("sessionKinds", kinds)}
        error={form.error("sessionKinds")}
      />
      <SharingExplained whose={scope.whose} who={member.firstName} level={4} />
      {onBehalf !== null && (
        <ConsentCheckbox
          checked={values.participantConsented}
          firstName={onBehalf.firstName}
          error={form.error("participantConsented")}
          onChange={(checked) => form.setValue("participantConsented", checked)}
          hint={t("consent.onBehalfHint", { name: onBehalf.firstName })}
          label={t("consent.onBehalfLabel", { name: onBehalf.firstName })}
        />
      )}
      <SubmitOrCancel
        pending={save.isPending}
        pendingLabel={t("consent.saving")}
        onCancel={onClose}
      >
        {member.status === "active" ? t("consent.save") : t("consent.give")}
      </SubmitOrCancel>
    </form>
  );
}

function WithdrawDialog({ member, familyUserId, scope, onDone, onClose }: MemberAction) {
  const { t } = useTranslation("families");
  const { familiesApi, queryClient } = useServices();
  const withdraw = useMutation({
    mutationFn: () => familiesApi.withdrawConsent(familyUserId, scope.participantId),
    onSuccess: async () => {
      await familiesChanged(queryClient);
      onDone(t("withdraw.done", { name: fullName(member) }));
    },
  });
  const whoseSessions =
    scope.whose.kind === "self"
      ? t("withdraw.yourSessions")
      : t("withdraw.theirSessions", { name: scope.whose.firstName });
  return (
    <ConfirmDialog
      title={t("withdraw.title", { name: fullName(member) })}
      confirmLabel={t("withdraw.confirm")}
      pendingLabel={t("withdraw.pending")}
      pending={withdraw.isPending}
      error={withdraw.isError ? describeError(withdraw.error) : null}
      danger
      onConfirm={() => withdraw.mutate()}
      onClose={onClose}
    >
      <p>{t("withdraw.atOnce", { name: member.firstName, sessions: whoseSessions })}</p>
      <p>{t("withdraw.leaves", { name: member.firstName })}</p>
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
  const { t } = useTranslation("families");
  const format = useFormat();
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
      onChanged(t("member.cancelled", { name }));
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
        <h3 id={nameId} className="card__title" translate="no">
          {name}
        </h3>
        <span className={`badge badge--${statusTone(member.status)}`}>
          {statusLabel(member.status, t)}
        </span>
      </div>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t("member.relationship")}</dt>
          <dd>{relationshipText(member.relationship, t)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t("member.email")}</dt>
          <dd className="family-member__email">{member.email}</dd>
        </div>
        <div className="facts__item">
          <dt>{t("member.mayJoin")}</dt>
          <dd>
            {member.status === "consent-withdrawn"
              ? t("noSessions")
              : describeKinds(member.sessionKinds, t)}
          </dd>
        </div>
        {member.status === "invited" && member.expiresAt !== null && (
          <div className="facts__item">
            <dt>{t("member.invitation")}</dt>
            <dd>
              {t("member.notAccepted", {
                when: format.moment(member.expiresAt, user.timeZone),
              })}
            </dd>
          </div>
        )}
        {member.status === "expired" && member.expiresAt !== null && (
          <div className="facts__item">
            <dt>{t("member.invitation")}</dt>
            <dd>
              {t("member.expiredOn", { when: format.moment(member.expiresAt, user.timeZone) })}
            </dd>
          </div>
        )}
      </dl>
      {member.status === "consent-withdrawn" && (
        <p className="muted">{t("member.withdrawnNote")}</p>
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
                    {action === "change-consent"
                      ? t("member.changeConsent")
                      : t("member.giveConsentAgain")}
                    <HiddenContext>{t("member.forName", { name })}</HiddenContext>
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
                    {t("member.withdraw")}
                    <HiddenContext>{t("member.forName", { name })}</HiddenContext>
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
                    {revoke.isPending ? t("member.cancelling") : t("member.cancelInvitation")}
                    <HiddenContext>{t("member.toName", { name })}</HiddenContext>
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
                    {t("member.inviteAgain")}
                    <HiddenContext>{name}</HiddenContext>
                  </button>
                );
            }
          })}
        </div>
      )}
      {revoke.isError && (
        <p className="field__error" role="alert">
          {t("member.notCancelled", { reason: describeError(revoke.error) })}
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
  const { t } = useTranslation("families");
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
          ? t("page.introSelf")
          : t("page.introOther", { name: whose.firstName })}
      </p>
      <Notice message={notice} />
      <section aria-labelledby={listHeadingId}>
        <h2 id={listHeadingId} className="section-title">
          {t("page.members")}
        </h2>
        <QueryView query={members} loadingLabel={t("page.loading")} errorTitle={t("page.error")}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title={t("page.none")}>
                <p>{t("page.noneHint")}</p>
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
          {t("page.invite")}
        </h2>
        <InviteForm
          key={invite.key}
          participantId={scope.participantId}
          whose={scope.whose}
          initial={invite.values}
          focusFirst={invite.focus}
          onInvited={(invited) =>
            setNotice(t("page.invited", { name: invited.firstName, email: invited.email }))
          }
        />
      </section>
    </div>
  );
}

/** `/my-family`: a participant's own family members and their consent. */
export function MyFamilyPage() {
  const { t } = useTranslation("families");
  return (
    <>
      <PageHeading>{t("page.myFamily")}</PageHeading>
      <FamilyManager scope={{ participantId: undefined, whose: { kind: "self" } }} />
    </>
  );
}

/** `/participants/:participantId/family`: a clinician manages a participant's family for them. */
export function ParticipantFamilyPage() {
  const { t } = useTranslation("families");
  const { participantId = "" } = useParams();
  const [searchParams] = useSearchParams();
  const { user } = useSignedIn();
  const participants = useParticipants();
  const cohortId = searchParams.get("cohortId");
  const back = cohortId ? (
    <Link to={`/cohorts/${encodeURIComponent(cohortId)}`}>{t("page.backToCohort")}</Link>
  ) : user.role === "ADMIN" ? (
    <Link to="/participants">{t("page.backToParticipants")}</Link>
  ) : (
    <Link to="/cohorts">{t("page.backToCohorts")}</Link>
  );
  if (participants.isPending) {
    return (
      <>
        <PageHeading>{t("page.family")}</PageHeading>
        <LoadingState label={t("page.loadingPage")} />
      </>
    );
  }
  if (participants.isError) {
    return (
      <>
        <PageHeading>{t("page.family")}</PageHeading>
        <ErrorState
          title={t("page.pageError")}
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
        <PageHeading>{t("page.participantNotFound")}</PageHeading>
        <p className="page-back">{back}</p>
        <EmptyState title={t("page.notInCare")}>
          <p>{t("page.openFromCohort")}</p>
        </EmptyState>
      </>
    );
  }
  const firstName = participant.displayName.split(" ")[0] ?? participant.displayName;
  return (
    <>
      <PageHeading>{t("page.familyOf", { name: participant.displayName })}</PageHeading>
      <p className="page-back">{back}</p>
      <FamilyManager
        key={participant.id}
        scope={{ participantId: participant.id, whose: { kind: "other", firstName } }}
      />
    </>
  );
}
