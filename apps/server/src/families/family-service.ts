import {
  consentGrantDecision,
  decide,
  DomainError,
  INVITATION_TTL_MS,
  parseLocale,
  type Actor,
  type AuthState,
  type FamilyMemberSummary,
  type FamilySessionKind,
  type InvitationPreview,
  type InviteFamilyInput,
  type UpdateConsentInput,
} from "@bridgeway/domain";
import type { AuditContext, AuditLog } from "../audit/audit-log";
import { hashPassword } from "../auth/password";
import { requireAcceptablePassword } from "../auth/password-policy";
import { hashToken, newSingleUseToken } from "../auth/single-use-token";
import type { Clock } from "../clock";
import { badRequest, conflict, forbidden, notFound, tooManyRequests } from "../http/errors";
import { messagesFor } from "../i18n/messages";
import type { Mailer } from "../mail/mailer";
import type { PeopleRepository } from "../people/people-repository";
import type { FamilyRepository, StoredInvitation } from "./family-repository";

/** Invitations one person may send an hour: enough for a family, too few to probe addresses. */
export const MAX_INVITATIONS_PER_HOUR = 20;
const INVITATION_WINDOW_MS = 60 * 60 * 1000;

type Context = AuditContext & { actor: Actor };

const gone = (message: string) => new DomainError("not_found", message);

/**
 * Inviting family members, their consent, and withdrawing it. Withdrawal takes effect at once:
 * `onConsentWithdrawn` removes them from any live session they are in.
 */
export function createFamilyService(deps: {
  families: FamilyRepository;
  peopleRepo: PeopleRepository;
  mailer: Mailer;
  audit: AuditLog;
  clock: Clock;
  onConsentWithdrawn: (familyUserId: string, participantId: string) => Promise<void>;
}) {
  const { families, peopleRepo, mailer, audit, clock } = deps;

  /** Whose family we are talking about, and whether the actor may act for them. */
  async function participantFor(
    context: Context,
    participantId: string | undefined,
    action: "read" | "create" | "update",
  ) {
    const { actor } = context;
    const id = participantId ?? (actor.role === "PARTICIPANT" ? actor.userId : undefined);
    if (!id)
      throw badRequest("Say whose family member this is.", { participantUserId: "Required." });
    const participant = await peopleRepo.person(id);
    if (!participant || participant.role !== "PARTICIPANT") throw notFound("participant");
    const decision = decide(actor, action, {
      type: "family-member",
      organizationId: participant.organizationId,
      familyMemberId: "",
      participantId: id,
      facilitatorIds: await peopleRepo.careTeamOf(id),
    });
    if (decision !== "allow") {
      await audit.denied(context, action, { type: "family-member", id });
      if (decision === "not-found") throw notFound("participant");
      throw forbidden();
    }
    return participant;
  }

  function status(invitation: StoredInvitation, now: Date): FamilyMemberSummary["status"] {
    if (invitation.revokedAt) return "consent-withdrawn";
    if (invitation.expiresAt <= now) return "expired";
    return "invited";
  }

  return {
    async invite(
      context: Context,
      input: InviteFamilyInput,
      origin: string,
    ): Promise<FamilyMemberSummary> {
      const onBehalf =
        input.participantUserId !== undefined && input.participantUserId !== context.actor.userId;
      if (onBehalf && input.participantConsented !== true) {
        throw badRequest("Confirm that the participant agreed to inviting this person.", {
          participantConsented: "The participant's consent is required.",
        });
      }
      const participant = await participantFor(context, input.participantUserId, "create");
      const now = clock.now();
      const sent = await families.invitationsSentSince(
        context.actor.userId,
        new Date(now.getTime() - INVITATION_WINDOW_MS),
      );
      if (sent.count >= MAX_INVITATIONS_PER_HOUR) {
        const freesAt = (sent.oldest ?? now).getTime() + INVITATION_WINDOW_MS;
        throw tooManyRequests(
          `You can send ${MAX_INVITATIONS_PER_HOUR} invitations an hour. Try again later.`,
          Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000)),
        );
      }
      // The answer is the same whether or not the email has an account, so inviting cannot be
      // used to learn who uses Bridgeway. Only the mailbox's owner learns it, from the email.
      const hasAccount = await peopleRepo.emailTaken(input.email);
      // A participant inviting writes in their own language by default; staff inviting for a
      // participant, in the participant's (their family likely shares it).
      const locale = input.locale ?? parseLocale(await families.localeOf(participant.id));
      const { token, tokenHash } = newSingleUseToken();
      const invitation = await families.createInvitation({
        organizationId: participant.organizationId,
        participantUserId: participant.id,
        invitedByUserId: context.actor.userId,
        email: input.email,
        firstName: input.firstName,
        lastName: input.lastName,
        relationship: input.relationship,
        sessionKinds: input.sessionKinds,
        locale,
        tokenHash,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      });
      await audit.record(
        context,
        "create",
        { type: "family-invitation", id: invitation.id },
        "success",
      );
      const who = participant.preferredName ?? participant.firstName;
      const words = messagesFor(locale).familyInvitation({
        name: input.firstName,
        who,
        // An address with an account gets no link: it signs in and asks the care team instead.
        ...(hasAccount ? { signInAt: origin } : { link: `${origin}/family/accept?token=${token}` }),
      });
      await mailer.send({ to: input.email, ...words });
      return {
        userId: null,
        invitationId: invitation.id,
        firstName: invitation.firstName,
        lastName: invitation.lastName,
        email: invitation.email,
        relationship: invitation.relationship,
        status: "invited",
        sessionKinds: input.sessionKinds,
        invitedAt: invitation.createdAt.toISOString(),
        expiresAt: invitation.expiresAt.toISOString(),
      };
    },

    async list(
      context: Context,
      participantId: string | undefined,
    ): Promise<FamilyMemberSummary[]> {
      const participant = await participantFor(context, participantId, "read");
      const now = clock.now();
      const [links, invitations] = await Promise.all([
        families.links(participant.id),
        families.invitationsOf(participant.id),
      ]);
      const members: FamilyMemberSummary[] = [];
      for (const link of links) {
        const consent = await families.currentConsent(participant.id, link.familyUserId);
        members.push({
          userId: link.familyUserId,
          invitationId: null,
          firstName: link.familyMember.firstName,
          lastName: link.familyMember.lastName,
          email: link.familyMember.email,
          relationship: link.relationship,
          status: consent ? "active" : "consent-withdrawn",
          sessionKinds: (consent?.sessionKinds ?? []).filter(
            (k): k is FamilySessionKind => k === "FAMILY" || k === "MULTI_FAMILY",
          ),
          invitedAt: link.createdAt.toISOString(),
          expiresAt: null,
        });
      }
      for (const invitation of invitations.filter((i) => i.acceptedAt === null)) {
        members.push({
          userId: null,
          invitationId: invitation.id,
          firstName: invitation.firstName,
          lastName: invitation.lastName,
          email: invitation.email,
          relationship: invitation.relationship,
          status: status(invitation, now),
          sessionKinds: invitation.sessionKinds.filter(
            (k): k is FamilySessionKind => k === "FAMILY" || k === "MULTI_FAMILY",
          ),
          invitedAt: invitation.createdAt.toISOString(),
          expiresAt: invitation.expiresAt.toISOString(),
        });
      }
      await audit.record(context, "read", { type: "family-member", id: participant.id }, "success");
      return members;
    },

    /** What an invitation link is for, before it is accepted. Public: the token is the secret. */
    async preview(token: string): Promise<InvitationPreview> {
      const invitation = await families.invitationByTokenHash(hashToken(token));
      if (!invitation) throw gone("This invitation link is not valid. Ask for a new one.");
      if (invitation.acceptedAt)
        throw gone("This invitation was already used. Sign in with your email and password.");
      if (invitation.revokedAt) throw gone("This invitation was withdrawn.");
      if (invitation.expiresAt <= clock.now()) {
        throw gone("This invitation has expired. Ask for a new one: links work for 7 days.");
      }
      const participant = await peopleRepo.person(invitation.participantUserId);
      return {
        firstName: invitation.firstName,
        email: invitation.email,
        relationship: invitation.relationship,
        participantFirstName: participant?.preferredName ?? participant?.firstName ?? "",
        clinicName: await peopleRepo.organizationName(invitation.organizationId),
        expiresAt: invitation.expiresAt.toISOString(),
      };
    },

    /** Accepts an invitation: the account is created, the link used up, the person signed in. */
    async accept(
      token: string,
      password: string,
      context: AuditContext,
      signIn: (userId: string) => Promise<AuthState>,
    ): Promise<AuthState> {
      await this.preview(token);
      const invitation = await families.invitationByTokenHash(hashToken(token));
      if (!invitation) throw gone("This invitation link is not valid. Ask for a new one.");
      if (await peopleRepo.emailTaken(invitation.email)) {
        throw conflict("This email already has a Bridgeway account. Sign in instead.");
      }
      requireAcceptablePassword(password, "password", invitation.email);
      const userId = await families.accept(invitation, await hashPassword(password), clock.now());
      if (!userId)
        throw gone("This invitation was already used. Sign in with your email and password.");
      await audit.record(
        {
          ...context,
          actor: { userId, role: "FAMILY", organizationId: invitation.organizationId },
        },
        "create",
        { type: "family-consent", id: invitation.participantUserId },
        "success",
      );
      return signIn(userId);
    },

    async revokeInvitation(context: Context, invitationId: string): Promise<void> {
      const invitation = await families.invitation(invitationId);
      if (!invitation) throw notFound("invitation");
      await participantFor(context, invitation.participantUserId, "update");
      if (!(await families.revokeInvitation(invitationId, clock.now()))) {
        throw conflict("This invitation was already used or withdrawn.");
      }
      await audit.record(
        context,
        "update",
        { type: "family-invitation", id: invitationId },
        "success",
      );
    },

    /**
     * Changes which sessions a family member may join. Consent is the participant's: staff may
     * narrow it, but granting a kind not consented to now (re-granting after a withdrawal too)
     * needs the participant's recorded agreement, audited as a statement of their consent.
     */
    async updateConsent(
      context: Context,
      participantId: string | undefined,
      familyUserId: string,
      input: UpdateConsentInput,
    ) {
      const participant = await participantFor(context, participantId, "update");
      if (!(await families.link(participant.id, familyUserId))) throw notFound("family member");
      const current = await families.currentConsent(participant.id, familyUserId);
      const held = new Set<string>(current?.sessionKinds ?? []);
      const rule = consentGrantDecision(context.actor, {
        participantId: participant.id,
        widens: input.sessionKinds.some((kind) => !held.has(kind)),
        participantStatement: input.participantConsented === true,
      });
      if (rule === "needs-participant-statement") {
        await audit.denied(context, "update", { type: "family-consent", id: familyUserId });
        throw badRequest(
          current
            ? "Confirm that the participant agreed to these sessions."
            : "Consent was withdrawn: only the participant can give it again, or confirm that they agreed.",
          { participantConsented: "The participant's consent is required." },
        );
      }
      const onBehalf = context.actor.userId !== participant.id;
      await families.grantConsent(
        participant.id,
        familyUserId,
        input.sessionKinds,
        context.actor.userId,
        clock.now(),
      );
      await audit.record(
        context,
        "update",
        { type: "family-consent", id: familyUserId },
        "success",
      );
      if (onBehalf && input.participantConsented === true) {
        // The staff member's statement that the participant agreed, kept on its own.
        await audit.record(
          context,
          "create",
          { type: "participant-consent-statement", id: participant.id },
          "success",
        );
      }
      // Narrower consent may take someone out of a session they are in.
      await deps.onConsentWithdrawn(familyUserId, participant.id);
    },

    async withdrawConsent(
      context: Context,
      participantId: string | undefined,
      familyUserId: string,
    ): Promise<void> {
      const participant = await participantFor(context, participantId, "update");
      if (!(await families.link(participant.id, familyUserId))) throw notFound("family member");
      const count = await families.withdrawConsent(
        participant.id,
        familyUserId,
        context.actor.userId,
        clock.now(),
      );
      if (count === 0) throw conflict("Consent was already withdrawn.");
      await audit.record(
        context,
        "update",
        { type: "family-consent", id: familyUserId },
        "success",
      );
      await deps.onConsentWithdrawn(familyUserId, participant.id);
    },

    /** For the family member themself: the people they support (first names) and what they may join. */
    supportedBy: (familyUserId: string) => families.supportedBy(familyUserId),
  };
}

export type FamilyService = ReturnType<typeof createFamilyService>;
