import type { Role } from "./roles";

/**
 * Who may do what to which record. Pure: callers load the relationship facts (who facilitates
 * a cohort, who is enrolled, which family member holds consent) and pass them in with the
 * resource. Deny by default; a record the actor may not see answers "not-found" so its
 * existence is not revealed, and one they may see but not change answers "forbidden".
 */

export const ACTIONS = ["read", "create", "update", "delete"] as const;
export type Action = (typeof ACTIONS)[number];

export type Actor = {
  userId: string;
  role: Role;
  organizationId: string;
};

type InOrganization = { organizationId: string };

export type Resource = InOrganization &
  (
    | { type: "organization" }
    | { type: "program" }
    | { type: "cohort"; facilitatorIds: readonly string[]; participantIds: readonly string[] }
    /** Who is enrolled in a cohort: names of people in treatment. */
    | {
        type: "cohort-roster";
        facilitatorIds: readonly string[];
        participantIds: readonly string[];
      }
    /** A clinician's profile and license; `participantIds`/`familyIds` are the people they serve. */
    | {
        type: "facilitator";
        facilitatorId: string;
        participantIds: readonly string[];
        familyIds: readonly string[];
      }
    /** A participant's profile; `familyIds` are family members with the participant's consent. */
    | {
        type: "participant";
        participantId: string;
        facilitatorIds: readonly string[];
        familyIds: readonly string[];
      }
    | { type: "enrollment"; participantId: string; facilitatorIds: readonly string[] }
    /** A family member's link to a participant, with its relationship and consent. */
    | {
        type: "family-member";
        familyMemberId: string;
        participantId: string;
        facilitatorIds: readonly string[];
      }
    /**
     * One meeting. `facilitatorIds`: its lead and the cohort's facilitators; `participantIds`:
     * the participants expected or booked; `familyIds`: family members invited to it.
     */
    | {
        type: "session";
        facilitatorIds: readonly string[];
        participantIds: readonly string[];
        familyIds: readonly string[];
      }
    /** Sign-in account details (email, password, active flag). */
    | { type: "user-account"; userId: string }
    /**
     * A session's group note with its individual DAP parts. `participantIds`: the people it is
     * about; `facilitatorIds`: the session's clinicians and those people's care teams.
     */
    | {
        type: "clinical-note";
        participantIds: readonly string[];
        facilitatorIds: readonly string[];
      }
    /** A participant's PHQ-9 / GAD-7 assignments and results. */
    | { type: "assessment"; participantId: string; facilitatorIds: readonly string[] }
    /** A participant's Stanley-Brown safety plan. */
    | { type: "safety-plan"; participantId: string; facilitatorIds: readonly string[] }
    /** A treatment plan (problems, goals, objectives) of a participant's enrollment. */
    | { type: "treatment-plan"; participantId: string; facilitatorIds: readonly string[] }
    /** The clinical discharge summary closing an enrollment. */
    | { type: "discharge-summary"; participantId: string; facilitatorIds: readonly string[] }
    /** The aftercare plan given at discharge: follow-ups, level of care, resources. */
    | { type: "aftercare"; participantId: string; facilitatorIds: readonly string[] }
    | { type: "audit-log" }
  );

export type ResourceType = Resource["type"];
export const RESOURCE_TYPES = [
  "organization",
  "program",
  "cohort",
  "cohort-roster",
  "facilitator",
  "participant",
  "enrollment",
  "family-member",
  "session",
  "user-account",
  "audit-log",
  "clinical-note",
  "assessment",
  "safety-plan",
  "treatment-plan",
  "discharge-summary",
  "aftercare",
] as const satisfies readonly ResourceType[];

export type Decision = "allow" | "not-found" | "forbidden";

/** What a role may do to a record it can see; anything not listed is forbidden. */
type Grant = { visible: boolean; may: readonly Action[] };

const HIDDEN: Grant = { visible: false, may: [] };
const READ_ONLY: Grant = { visible: true, may: ["read"] };
const ALL: readonly Action[] = ACTIONS;
/**
 * Records that must outlive their use: clinical records are retained, payers audit hours against
 * enrollments, and consent is withdrawn (an update that keeps the history), never erased.
 */
const NEVER_DELETED: Grant = { visible: true, may: ["read", "create", "update"] };

function when(condition: boolean, grant: Grant): Grant {
  return condition ? grant : HIDDEN;
}

function adminGrant(resource: Resource): Grant {
  switch (resource.type) {
    case "organization":
      // Organizations are provisioned outside the app and never deleted from it.
      return { visible: true, may: ["read", "update"] };
    case "audit-log":
      // Append-only: written by the system, read by admins, changed by nobody.
      return READ_ONLY;
    case "cohort-roster":
      // Derived from enrollments; it changes only through them.
      return READ_ONLY;
    case "program":
    case "cohort":
      // Set-up mistakes can be deleted; the database refuses once anything depends on them.
      return { visible: true, may: ALL };
    case "session":
      // A meeting is cancelled (with its reason kept), never deleted: attendance hangs on it.
      return NEVER_DELETED;
    case "facilitator":
    case "participant":
    case "enrollment":
    case "family-member":
    case "user-account":
      // Accounts are deactivated, people discharged, consent withdrawn: all updates.
      return NEVER_DELETED;
    case "clinical-note":
    case "assessment":
    case "safety-plan":
    case "treatment-plan":
    case "discharge-summary":
    case "aftercare":
      // Clinical records are for the clinicians treating the person, not for clinic operations.
      return HIDDEN;
  }
}

function facilitatorGrant(actor: Actor, resource: Resource): Grant {
  switch (resource.type) {
    case "organization":
    case "program":
      return READ_ONLY;
    case "cohort":
      return when(resource.facilitatorIds.includes(actor.userId), {
        visible: true,
        may: ["read", "update"],
      });
    case "cohort-roster":
      return when(resource.facilitatorIds.includes(actor.userId), READ_ONLY);
    case "facilitator":
      // Colleagues in the same clinic see each other's credentials; admins maintain them.
      return READ_ONLY;
    case "participant":
      return when(resource.facilitatorIds.includes(actor.userId), {
        visible: true,
        may: ["read", "update"],
      });
    case "enrollment":
      // Discharge and step-down are updates; enrollments are never deleted.
      return when(resource.facilitatorIds.includes(actor.userId), {
        visible: true,
        may: ["read", "create", "update"],
      });
    case "family-member":
      // Facilitators invite family and withdraw consent on a participant's behalf.
      return when(resource.facilitatorIds.includes(actor.userId), NEVER_DELETED);
    case "session":
      return when(resource.facilitatorIds.includes(actor.userId), NEVER_DELETED);
    case "user-account":
      return ownAccount(actor, resource.userId);
    case "audit-log":
      return HIDDEN;
    case "clinical-note":
    case "assessment":
    case "safety-plan":
    case "treatment-plan":
      // Their own patients' records; an update is signing or an addendum, an assignment's end,
      // a new version. Nothing clinical is ever deleted.
      return when(resource.facilitatorIds.includes(actor.userId), NEVER_DELETED);
    case "discharge-summary":
      // Written once when the enrollment closes.
      return when(resource.facilitatorIds.includes(actor.userId), {
        visible: true,
        may: ["read", "create"],
      });
    case "aftercare":
      // Part of the discharge: written with it, read afterwards.
      return when(resource.facilitatorIds.includes(actor.userId), READ_ONLY);
  }
}

function participantGrant(actor: Actor, resource: Resource): Grant {
  switch (resource.type) {
    case "organization":
    case "program":
      return READ_ONLY;
    case "cohort":
    case "cohort-roster":
      return when(resource.participantIds.includes(actor.userId), READ_ONLY);
    case "facilitator":
      return when(resource.participantIds.includes(actor.userId), READ_ONLY);
    case "participant":
      return when(resource.participantId === actor.userId, {
        visible: true,
        may: ["read", "update"],
      });
    case "enrollment":
      return when(resource.participantId === actor.userId, READ_ONLY);
    case "family-member":
      // Participants decide who of their family takes part, and can withdraw that at any time.
      return when(resource.participantId === actor.userId, NEVER_DELETED);
    case "session":
      return when(resource.participantIds.includes(actor.userId), READ_ONLY);
    case "user-account":
      return ownAccount(actor, resource.userId);
    case "audit-log":
      return HIDDEN;
    case "clinical-note":
    case "discharge-summary":
      // Clinicians' notes, even about them, are not shown in the app.
      return HIDDEN;
    case "assessment":
      // They see their scores and complete what is assigned to them.
      return when(resource.participantId === actor.userId, {
        visible: true,
        may: ["read", "create"],
      });
    case "treatment-plan":
      // They read their plan and acknowledge it (the only update the service allows them).
      return when(resource.participantId === actor.userId, {
        visible: true,
        may: ["read", "update"],
      });
    case "safety-plan":
    case "aftercare":
      // Written with their therapist; always theirs to read, also after discharge.
      return when(resource.participantId === actor.userId, READ_ONLY);
  }
}

function familyGrant(actor: Actor, resource: Resource): Grant {
  switch (resource.type) {
    case "organization":
      return READ_ONLY;
    case "facilitator":
      return when(resource.familyIds.includes(actor.userId), READ_ONLY);
    case "participant":
      return when(resource.familyIds.includes(actor.userId), READ_ONLY);
    case "family-member":
      // The link carries the participant's consent: only the participant's side may change it.
      return when(resource.familyMemberId === actor.userId, READ_ONLY);
    case "session":
      // Only the sessions they are invited to.
      return when(resource.familyIds.includes(actor.userId), READ_ONLY);
    case "user-account":
      return ownAccount(actor, resource.userId);
    // Family members see nothing else of the participant's care unless consent says so.
    case "program":
    case "cohort":
    case "cohort-roster":
    case "enrollment":
    case "audit-log":
    case "clinical-note":
    case "assessment":
    case "safety-plan":
    case "treatment-plan":
    case "discharge-summary":
    case "aftercare":
      return HIDDEN;
  }
}

function ownAccount(actor: Actor, userId: string): Grant {
  return when(actor.userId === userId, { visible: true, may: ["read", "update"] });
}

function grantFor(actor: Actor, resource: Resource): Grant {
  switch (actor.role) {
    case "ADMIN":
      return adminGrant(resource);
    case "FACILITATOR":
      return facilitatorGrant(actor, resource);
    case "PARTICIPANT":
      return participantGrant(actor, resource);
    case "FAMILY":
      return familyGrant(actor, resource);
  }
}

/** Decide whether `actor` may perform `action` on `resource`. */
export function decide(actor: Actor, action: Action, resource: Resource): Decision {
  // Clinics are sealed from each other: another clinic's records do not exist for you.
  if (actor.organizationId !== resource.organizationId) return "not-found";
  const grant = grantFor(actor, resource);
  if (!grant.visible) return "not-found";
  return grant.may.includes(action) ? "allow" : "forbidden";
}

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  return decide(actor, action, resource) === "allow";
}
