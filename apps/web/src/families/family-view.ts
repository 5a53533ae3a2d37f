import {
  FAMILY_SESSION_KINDS,
  InviteFamilyInputSchema,
  type FamilyMemberStatus,
  type FamilyMemberSummary,
  type FamilyRelationship,
  type FamilySessionKind,
  type InviteFamilyInput,
} from "@bridgeway/domain";
import type { Choice } from "../forms/fields";
import { problemFromZod, type FormProblem } from "../forms/form-problem";

/** Pure views of a participant's family for the screens: no React, easy to test. */

const STATUS_LABELS: Record<FamilyMemberStatus, string> = {
  invited: "Invited",
  active: "Active",
  "consent-withdrawn": "Consent withdrawn",
  expired: "Invitation expired",
};

const STATUS_TONES: Record<FamilyMemberStatus, "info" | "ok" | "warning"> = {
  invited: "info",
  active: "ok",
  "consent-withdrawn": "warning",
  expired: "warning",
};

export function statusLabel(status: FamilyMemberStatus): string {
  return STATUS_LABELS[status];
}

/** The badge colour of a status: `badge--${tone}`. */
export function statusTone(status: FamilyMemberStatus): "info" | "ok" | "warning" {
  return STATUS_TONES[status];
}

const KIND_LABELS: Record<FamilySessionKind, string> = {
  FAMILY: "Family therapy",
  MULTI_FAMILY: "Multi-family groups",
};

export const SESSION_KIND_CHOICES: readonly Choice<FamilySessionKind>[] = FAMILY_SESSION_KINDS.map(
  (kind) => ({ value: kind, label: KIND_LABELS[kind] }),
);

/** "Family therapy and multi-family groups", "No sessions" */
export function describeKinds(kinds: readonly FamilySessionKind[]): string {
  const labels = FAMILY_SESSION_KINDS.filter((k) => kinds.includes(k)).map((k) => KIND_LABELS[k]);
  if (labels.length === 0) return "No sessions";
  if (labels.length === 1) return labels[0] ?? "";
  return `${labels[0] ?? ""} and ${(labels[1] ?? "").toLowerCase()}`;
}

/** Whose record the page is about: "you" on a participant's own page, or their first name. */
export type Whose = { kind: "self" } | { kind: "other"; firstName: string };

/**
 * What a family member will and will not see, in plain words: the invitation form and the
 * consent form both say it, so nobody agrees to something they did not read.
 */
export function sharingExplained(whose: Whose): { will: string[]; willNot: string[] } {
  const their = whose.kind === "self" ? "Your" : `${whose.firstName}'s`;
  return {
    will: [
      "The family sessions they are invited to, with a button to join them",
      "The family board in the forums, shared with the other families of the group",
    ],
    willNot: [
      `${their} notes, assessments or safety plan`,
      `${their} chat messages or the group's own forum`,
      `${their} schedule, or any session they are not invited to`,
    ],
  };
}

/** What each kind of session is, for the person choosing. */
export function kindsHint(whose: Whose): string {
  const family =
    whose.kind === "self"
      ? "you, your family and your therapist"
      : `${whose.firstName}, their family and their therapist`;
  return `Family therapy: ${family}. Multi-family groups: several participants of the group with their families, and the facilitators.`;
}

/** What can be done with a family member, by status. */
export type MemberAction = "change-consent" | "withdraw" | "give-consent" | "revoke" | "reinvite";

export function actionsFor(member: FamilyMemberSummary): MemberAction[] {
  switch (member.status) {
    case "active":
      return member.userId === null ? [] : ["change-consent", "withdraw"];
    case "consent-withdrawn":
      // A withdrawn invitation never became an account: it can only be sent again.
      return member.userId === null ? ["reinvite"] : ["give-consent"];
    case "invited":
      return member.invitationId === null ? [] : ["revoke"];
    case "expired":
      return ["reinvite"];
  }
}

/** A stable key for a list row: the account once there is one, the invitation before. */
export function memberKey(member: FamilyMemberSummary): string {
  return member.userId ?? `invitation:${member.invitationId ?? member.email}`;
}

export function fullName(member: Pick<FamilyMemberSummary, "firstName" | "lastName">): string {
  return `${member.firstName} ${member.lastName}`;
}

export type InviteValues = {
  email: string;
  firstName: string;
  lastName: string;
  relationship: FamilyRelationship | "";
  sessionKinds: FamilySessionKind[];
  /** Only asked of a clinician inviting on a participant's behalf. */
  participantConsented: boolean;
};

export const EMPTY_INVITE: InviteValues = {
  email: "",
  firstName: "",
  lastName: "",
  relationship: "",
  sessionKinds: ["FAMILY", "MULTI_FAMILY"],
  participantConsented: false,
};

export const CONSENT_REQUIRED_MESSAGE =
  "Confirm that the participant agreed to this invitation. Ask them first if they have not.";

/**
 * The invitation request for the form's values, or the problems to show by each field. A
 * clinician (`participantId` set) must confirm the participant agreed: the server refuses
 * otherwise, and so does the form, before asking.
 */
export function toInviteInput(
  values: InviteValues,
  participantId: string | undefined,
): { ok: true; input: InviteFamilyInput } | { ok: false; problem: FormProblem } {
  const parsed = InviteFamilyInputSchema.safeParse({
    email: values.email.trim(),
    firstName: values.firstName,
    lastName: values.lastName,
    relationship: values.relationship === "" ? undefined : values.relationship,
    sessionKinds: values.sessionKinds,
    ...(participantId === undefined
      ? {}
      : { participantUserId: participantId, participantConsented: values.participantConsented }),
  });
  const fields: Record<string, string> = parsed.success ? {} : problemFromZod(parsed.error).fields;
  if (values.relationship === "") fields.relationship = "Choose how they are related.";
  if (participantId !== undefined && !values.participantConsented) {
    fields.participantConsented = CONSENT_REQUIRED_MESSAGE;
  }
  if (!parsed.success || Object.keys(fields).length > 0) {
    return { ok: false, problem: { message: "Check the fields marked below.", fields } };
  }
  return { ok: true, input: parsed.data };
}

/** Why an invitation link cannot be used, and what to do next. */
export type LinkProblem = {
  kind: "incomplete" | "invalid" | "expired" | "used" | "withdrawn";
  title: string;
  message: string;
};

const ASK_AGAIN = "the person who invited you, or their clinic, to send you a new invitation.";

export const INCOMPLETE_LINK: LinkProblem = {
  kind: "incomplete",
  title: "This invitation link is incomplete",
  message: `Open the link again from your email, all of it. If it still does not work, ask ${ASK_AGAIN}`,
};

/**
 * What the invitation page says when the server turns the link down. The server answers "not
 * found" for every unusable link (nobody learns whether an invitation exists); its message says
 * which case it is. Anything else (offline, a server error) is not about the link: null.
 */
export function invitationLinkProblem(
  error: { status: number; message: string } | null,
): LinkProblem | null {
  if (error === null || ![400, 404, 409].includes(error.status)) return null;
  const message = error.message.toLowerCase();
  if (message.includes("already used") || message.includes("already has a bridgeway account")) {
    return {
      kind: "used",
      title: "This invitation was already used",
      message:
        "The account for this invitation exists. Sign in with its email and the password chosen when it was accepted.",
    };
  }
  if (message.includes("expired")) {
    return {
      kind: "expired",
      title: "This invitation has expired",
      message: `Invitation links work for 7 days. Ask ${ASK_AGAIN}`,
    };
  }
  if (message.includes("withdrawn")) {
    return {
      kind: "withdrawn",
      title: "This invitation was withdrawn",
      message: `It can no longer be used. If you think you should still be invited, ask ${ASK_AGAIN}`,
    };
  }
  return {
    kind: "invalid",
    title: "This invitation link doesn't work",
    message: `The link may be incomplete or mistyped. Open it again from your email, or ask ${ASK_AGAIN}`,
  };
}
