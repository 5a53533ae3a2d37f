import {
  FAMILY_SESSION_KINDS,
  InviteFamilyInputSchema,
  type FamilyMemberStatus,
  type FamilyMemberSummary,
  type FamilyRelationship,
  type FamilySessionKind,
  type InviteFamilyInput,
} from "@bridgeway/domain";
import type { TFunction } from "i18next";
import type { Choice } from "../forms/fields";
import { problemFromZod, type FormProblem } from "../forms/form-problem";
import { activeLocale, i18n } from "../i18n/i18n";

type T = TFunction<"families">;

/** The family catalogue in the language the app speaks now. */
function activeT(): T {
  return i18n.getFixedT(null, "families");
}

/** Pure views of a participant's family for the screens: no React, easy to test. */

const STATUS_TONES: Record<FamilyMemberStatus, "info" | "ok" | "warning"> = {
  invited: "info",
  active: "ok",
  "consent-withdrawn": "warning",
  expired: "warning",
};

export function statusLabel(status: FamilyMemberStatus, t: T = activeT()): string {
  return t(`status.${status}`);
}

/** The badge colour of a status: `badge--${tone}`. */
export function statusTone(status: FamilyMemberStatus): "info" | "ok" | "warning" {
  return STATUS_TONES[status];
}

export function sessionKindChoices(t: T = activeT()): Choice<FamilySessionKind>[] {
  return FAMILY_SESSION_KINDS.map((kind) => ({ value: kind, label: t(`sessionKind.${kind}`) }));
}

/** "Spouse or partner", in the reader's language. */
export function relationshipText(relationship: FamilyRelationship, t: T = activeT()): string {
  return t(`relationship.${relationship}`);
}

/** "Family therapy and multi-family groups", "No sessions" */
export function describeKinds(kinds: readonly FamilySessionKind[], t: T = activeT()): string {
  const chosen = FAMILY_SESSION_KINDS.filter((k) => kinds.includes(k));
  const [only] = chosen;
  if (only === undefined) return t("noSessions");
  if (chosen.length === 1) return t(`sessionKind.${only}`);
  return t("bothKinds");
}

/** Whose record the page is about: "you" on a participant's own page, or their first name. */
export type Whose = { kind: "self" } | { kind: "other"; firstName: string };

/**
 * What a family member will and will not see, in plain words: the invitation form and the
 * consent form both say it, so nobody agrees to something they did not read.
 */
export function sharingExplained(
  whose: Whose,
  t: T = activeT(),
  /** Said to the family member themself (the invitation page), not about them. */
  toReader = false,
): { will: string[]; willNot: string[] } {
  const will = [t(toReader ? "accept.sharingSessions" : "sharing.sessions"), t("sharing.board")];
  if (whose.kind === "self") {
    return {
      will,
      willNot: [t("sharing.self.notes"), t("sharing.self.chat"), t("sharing.self.schedule")],
    };
  }
  const name = whose.firstName;
  return {
    will,
    willNot: [
      t("sharing.other.notes", { name }),
      t("sharing.other.chat", { name }),
      t(toReader ? "accept.sharingSchedule" : "sharing.other.schedule", { name }),
    ],
  };
}

/** What each kind of session is, for the person choosing. */
export function kindsHint(whose: Whose, t: T = activeT()): string {
  return whose.kind === "self"
    ? t("kindsHint.self")
    : t("kindsHint.other", { name: whose.firstName });
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

/**
 * The invitation request for the form's values, or the problems to show by each field. A
 * clinician (`participantId` set) must confirm the participant agreed: the server refuses
 * otherwise, and so does the form, before asking.
 */
export function toInviteInput(
  values: InviteValues,
  participantId: string | undefined,
  t: T = activeT(),
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
  // The schema words its messages in English; in another language, say them here.
  if (activeLocale() !== "en") {
    for (const name of ["email", "firstName", "lastName", "sessionKinds"] as const) {
      if (fields[name] !== undefined) fields[name] = t(`invite.invalid.${name}`);
    }
  }
  if (values.relationship === "") fields.relationship = t("invite.relationshipRequired");
  if (participantId !== undefined && !values.participantConsented) {
    fields.participantConsented = t("invite.consentRequired");
  }
  if (!parsed.success || Object.keys(fields).length > 0) {
    return { ok: false, problem: { message: t("invite.checkFields"), fields } };
  }
  return { ok: true, input: parsed.data };
}

/** Why an invitation link cannot be used, and what to do next. */
export type LinkProblem = {
  kind: "incomplete" | "invalid" | "expired" | "used" | "withdrawn";
  title: string;
  message: string;
};

export function incompleteInvitationLink(t: T = activeT()): LinkProblem {
  return {
    kind: "incomplete",
    title: t("accept.incompleteTitle"),
    message: t("accept.incompleteMessage"),
  };
}

/**
 * What the invitation page says when the server turns the link down. The server answers "not
 * found" for every unusable link (nobody learns whether an invitation exists); its message says
 * which case it is. Anything else (offline, a server error) is not about the link: null.
 */
export function invitationLinkProblem(
  error: { status: number; message: string } | null,
  t: T = activeT(),
): LinkProblem | null {
  if (error === null || ![400, 404, 409].includes(error.status)) return null;
  const message = error.message.toLowerCase();
  const kind =
    message.includes("already used") || message.includes("already has a bridgeway account")
      ? "used"
      : message.includes("expired")
        ? "expired"
        : message.includes("withdrawn")
          ? "withdrawn"
          : "invalid";
  return { kind, title: t(`accept.${kind}Title`), message: t(`accept.${kind}Message`) };
}
