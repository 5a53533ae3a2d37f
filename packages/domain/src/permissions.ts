import type { ChatRoomKind } from "./chat";
import { isActiveEnrollment, type EnrollmentStatus } from "./enrollments";
import type { BoardKind } from "./forum";
import type { LiveRole } from "./live";
import type { Role } from "./roles";
import { addDaysToDate } from "./schedule";

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

/**
 * The clinicians who treat a participant, as `careTeamOf` derives them: `facilitatorIds` are the
 * current care team (full access), `formerFacilitatorIds` the clinicians of an enrollment that
 * closed within the last {@link FORMER_CARE_TEAM_READ_DAYS} days (read only).
 */
type TreatedBy = {
  facilitatorIds: readonly string[];
  formerFacilitatorIds: readonly string[];
};

/**
 * The board a forum post sits on. `moderatorIds`: its clinicians (the cohort's lead and
 * co-facilitators; for announcements, the clinicians of the program's cohorts), who moderate it.
 * `memberIds`: everyone else who reads it (the cohort's actively enrolled participants, on a
 * family board also the family members holding multi-family consent). Admins read and moderate
 * announcements boards only: cohort and family boards are treatment spaces, not clinic operations.
 */
type OnForumBoard = {
  boardKind: BoardKind;
  moderatorIds: readonly string[];
  memberIds: readonly string[];
};

/** How long the clinicians of a closed enrollment may still read (never change) the record. */
export const FORMER_CARE_TEAM_READ_DAYS = 30;

/**
 * One clinician's place on one of a participant's enrollments. Only the clinic creates these:
 * admins enroll participants and assign clinicians to cohorts, so no clinician can give
 * themselves a care relationship.
 */
export type CareRelationship = {
  facilitatorId: string;
  enrollmentStatus: EnrollmentStatus;
  /** The day the enrollment closed (discharge or withdrawal); null while it is open. */
  endedOn: string | null;
};

/**
 * The one definition of a cohort's clinicians: its lead and its co-facilitators, each once. They
 * moderate its boards and chat, run its meetings and, for everyone actively enrolled in it, are
 * the care team (see `careTeamOf`).
 */
export function cohortClinicians(cohort: {
  leadId: string | null;
  coIds: readonly string[];
}): string[] {
  return [...new Set([cohort.leadId, ...cohort.coIds].filter((id) => id !== null))];
}

/** The clinicians of a program: every clinician of any of its cohorts, each once. */
export function programClinicians(
  cohorts: readonly { leadId: string | null; coIds: readonly string[] }[],
): string[] {
  return [...new Set(cohorts.flatMap(cohortClinicians))];
}

export type CareTeam = { facilitatorIds: string[]; formerFacilitatorIds: string[] };

/**
 * The one definition of a participant's care team, used by every clinical route.
 *
 * - The **care team** is every clinician (lead or co-facilitator) of a cohort the participant is
 *   actively enrolled in. It reads and writes the clinical record.
 * - The **former care team** is every clinician of an enrollment that closed (discharge or
 *   withdrawal) within the last {@link FORMER_CARE_TEAM_READ_DAYS} days, who is not on the
 *   current team. It may read the record, read only, to finish notes and hand over; after
 *   that window the record is closed to them (not found).
 * - A **newly assigned care team reads the whole record, including what was written before it
 *   was assigned** (earlier PHQ-9/GAD-7 results, safety plans, treatment plans, discharge
 *   summaries): continuity of care needs the history, and the safety plan most of all. This is
 *   safe only because the relationship is created by the clinic, never by the clinician:
 *   creating enrollments and assigning clinicians to cohorts are admin actions
 *   (`enrollment` create, `cohort-staff` create/update), and each read is audited.
 * - Leading a one-off session does not make a clinician part of the care team: it gives access
 *   to that session's note only (see `clinical-note`).
 *
 * `today` is the `YYYY-MM-DD` date the decision is made on.
 */
export function careTeamOf(relationships: readonly CareRelationship[], today: string): CareTeam {
  const current = new Set<string>();
  const former = new Set<string>();
  const readUntilEndedOnOrAfter = addDaysToDate(today, -FORMER_CARE_TEAM_READ_DAYS);
  for (const relationship of relationships) {
    if (isActiveEnrollment({ status: relationship.enrollmentStatus }))
      current.add(relationship.facilitatorId);
    else if (relationship.endedOn !== null && relationship.endedOn >= readUntilEndedOnOrAfter)
      former.add(relationship.facilitatorId);
  }
  return {
    facilitatorIds: [...current],
    formerFacilitatorIds: [...former].filter((id) => !current.has(id)),
  };
}

export type Resource = InOrganization &
  (
    | { type: "organization" }
    | { type: "program" }
    | { type: "cohort"; facilitatorIds: readonly string[]; participantIds: readonly string[] }
    /**
     * Which clinicians run a cohort. Assigning one gives them a care relationship with everyone
     * enrolled, so only the clinic (admins) changes it.
     */
    | {
        type: "cohort-staff";
        facilitatorIds: readonly string[];
        participantIds: readonly string[];
      }
    /** Who is enrolled in a cohort: names of people in treatment. */
    | {
        type: "cohort-roster";
        facilitatorIds: readonly string[];
        participantIds: readonly string[];
      }
    /**
     * A cohort's page as the clinic works with it: who is enrolled, with each enrollment's phases
     * and planned hours. A staff view: enrolled participants see that their cohort exists
     * (`cohort`), not this. `facilitatorIds`: the cohort's clinicians (`cohortClinicians`).
     */
    | { type: "cohort-planning"; facilitatorIds: readonly string[] }
    /**
     * A cohort's meetings, as a filter of someone's session list. `facilitatorIds`: the cohort's
     * clinicians (`cohortClinicians`); `attendeeIds`: people with a session of the cohort among
     * those they may list. As for live rooms, the lists need be complete only for the actor.
     */
    | {
        type: "cohort-schedule";
        facilitatorIds: readonly string[];
        attendeeIds: readonly string[];
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
    /**
     * The clinic's calendar of sessions: read is listing one's own sessions in it (each entry is
     * limited to the reader's), create is booking a new one, which only clinic staff do. Whom a
     * booking may be with is then `session` create.
     */
    | { type: "schedule" }
    /**
     * Who attends one session: the names of people in treatment, a staff view. `facilitatorIds`:
     * the session's clinicians (its lead and its cohort's). Derived, so only read.
     */
    | { type: "session-roster"; facilitatorIds: readonly string[] }
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
    /** A participant's PHQ-9 / GAD-7 results: completing an assigned one creates a result. */
    | ({ type: "assessment"; participantId: string } & TreatedBy)
    /** A clinician's order that a participant complete a PHQ-9 / GAD-7 on a cadence. */
    | ({ type: "assessment-assignment"; participantId: string } & TreatedBy)
    /** A participant's Stanley-Brown safety plan. */
    | ({ type: "safety-plan"; participantId: string } & TreatedBy)
    /**
     * A treatment plan (problems, goals, objectives) of a participant's enrollment. Create is
     * writing a new version (the first plan or a review: versions are never changed), update is
     * the participant acknowledging that they read it.
     */
    | ({ type: "treatment-plan"; participantId: string } & TreatedBy)
    /**
     * A clinician's list of the treatment plans in their cohorts that are missing or due for
     * review; the list is built from the reader's own cohorts only.
     */
    | { type: "treatment-plan-review-queue" }
    /** The clinical discharge summary closing an enrollment. */
    | ({ type: "discharge-summary"; participantId: string } & TreatedBy)
    /** The aftercare plan given at discharge: follow-ups, level of care, resources. */
    | ({ type: "aftercare"; participantId: string } & TreatedBy)
    /**
     * The latest PHQ-9 / GAD-7 score of everyone actively enrolled in a cohort, side by side.
     * `facilitatorIds`: the cohort's clinicians (`cohortClinicians`). Derived, so only read.
     */
    | { type: "cohort-severities"; facilitatorIds: readonly string[] }
    /**
     * A crisis alert (crisis language, PHQ-9 item 9) about a participant: clinical. Raised by the
     * system; `facilitatorIds` is the participant's current care team.
     */
    | { type: "crisis-alert"; participantId: string; facilitatorIds: readonly string[] }
    /** The list of crisis alerts; each entry in it is further limited to the reader's patients. */
    | { type: "crisis-alert-queue" }
    | { type: "audit-log" }
    /** The audit trail copied out of the app as a file (CSV): the same events, in bulk. */
    | { type: "audit-export" }
    /**
     * A thread's opening post or a reply, written by `authorId`. Update is its author editing it,
     * delete its author deleting it (kept for the record, shown as deleted); nobody else changes
     * someone's words: moderators hide a post instead (`forum-moderation`).
     */
    | ({ type: "forum-post"; authorId: string } & OnForumBoard)
    /**
     * Reports of posts to a board's moderators. Create is reporting a post (by `authorId`) one
     * can read; read is seeing the board's reports, update dismissing one.
     */
    | ({ type: "forum-report"; authorId: string } & OnForumBoard)
    /** A board's moderation: seeing hidden and deleted posts (read), hiding and unhiding (update). */
    | ({ type: "forum-moderation" } & OnForumBoard)
    /**
     * A forum board itself: read is seeing it and its threads, create starting a thread or
     * replying, update pinning and locking threads. Participants read their program's
     * announcements; only its clinicians (and the clinic's admins) post there.
     */
    | ({ type: "forum-board" } & OnForumBoard)
    /**
     * A session's live room: read is entering it and taking part, update running it (admitting,
     * muting, moving people, ending). `facilitatorIds`: the session's clinicians (its lead and
     * its cohort's); `participantIds`: a one-to-one session's participant, or those enrolled in
     * its cohort on its date (`isEnrolledOn`); `familyIds`: family members let in (invited with
     * consent, or consented to multi-family groups). Each list needs to be complete only as far
     * as the actor is concerned: the server may look up just the actor's own relationship.
     */
    | {
        type: "live-room";
        facilitatorIds: readonly string[];
        participantIds: readonly string[];
        familyIds: readonly string[];
      }
    /**
     * A chat room: read is being in it and reading it, create writing in it, update moderating
     * it (hiding messages, hearing of reports). `moderatorIds`: a cohort room's clinicians, a
     * staff room's program clinicians, a session room's admitted clinicians, a private thread's
     * clinician; `memberIds`: a cohort room's actively enrolled participants, a session room's
     * admitted others, a thread's participant. A thread exists only while its clinician is on
     * its participant's care team: otherwise both lists are empty. Admins are in every staff
     * room of their clinic. As for live rooms, the lists need be complete only for the actor.
     */
    | {
        type: "chat-room";
        roomKind: ChatRoomKind;
        moderatorIds: readonly string[];
        memberIds: readonly string[];
      }
    /**
     * Attendance taken from time in live rooms: a session's, a cohort's grid, or one
     * participant's week (`participantId`, null for a session or cohort). `facilitatorIds`: the
     * session's or cohort's clinicians, or the participant's care team. Derived, so only read.
     */
    | { type: "attendance"; facilitatorIds: readonly string[]; participantId: string | null }
    /**
     * A no-show follow-up: the system creates one for each participant who missed a session;
     * read is seeing it in the list of open tasks, update closing it. `facilitatorIds`: the
     * participant's current care team (`careTeamOf`), who follow up.
     */
    | { type: "follow-up-task"; participantId: string; facilitatorIds: readonly string[] }
  );

export type ResourceType = Resource["type"];
export const RESOURCE_TYPES = [
  "organization",
  "program",
  "cohort",
  "cohort-staff",
  "cohort-roster",
  "cohort-planning",
  "cohort-schedule",
  "facilitator",
  "participant",
  "enrollment",
  "family-member",
  "session",
  "schedule",
  "session-roster",
  "user-account",
  "audit-log",
  "audit-export",
  "clinical-note",
  "assessment",
  "assessment-assignment",
  "safety-plan",
  "treatment-plan",
  "treatment-plan-review-queue",
  "discharge-summary",
  "aftercare",
  "cohort-severities",
  "crisis-alert",
  "crisis-alert-queue",
  "forum-post",
  "forum-report",
  "forum-moderation",
  "forum-board",
  "live-room",
  "chat-room",
  "attendance",
  "follow-up-task",
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

/**
 * A clinical record for its care team: `whileTreating` for the current team, read only for the
 * former team within its window (see `careTeamOf`), hidden from everyone else.
 */
function forCareTeam(actor: Actor, resource: TreatedBy, whileTreating: Grant): Grant {
  if (resource.facilitatorIds.includes(actor.userId)) return whileTreating;
  if (resource.formerFacilitatorIds.includes(actor.userId)) return READ_ONLY;
  return HIDDEN;
}

type ForumResource = Extract<
  Resource,
  { type: "forum-post" | "forum-report" | "forum-moderation" }
>;

/**
 * Forum posts, reports and moderation, the same for every role once the board says who the
 * actor is to it. Who reads a board sees its posts; only a post's author edits or deletes it;
 * anyone who reads a post (its author aside, who can edit or delete it) may report it; the
 * board's moderators see reports, dismiss them and hide or unhide posts.
 */
function forumGrant(actor: Actor, resource: ForumResource): Grant {
  const moderates =
    resource.moderatorIds.includes(actor.userId) ||
    (actor.role === "ADMIN" && resource.boardKind === "announcements");
  const reads = moderates || resource.memberIds.includes(actor.userId);
  if (!reads) return HIDDEN;
  switch (resource.type) {
    case "forum-post":
      return resource.authorId === actor.userId
        ? { visible: true, may: ["read", "update", "delete"] }
        : READ_ONLY;
    case "forum-report": {
      // A member reads only whether they reported a post themselves (the service limits it);
      // moderators read the board's reports and dismiss them (update).
      const may: Action[] = moderates ? ["read", "update"] : ["read"];
      if (resource.authorId !== actor.userId) may.push("create");
      return { visible: true, may };
    }
    case "forum-moderation":
      // Hidden and deleted posts and the reports list do not exist for members.
      return when(moderates, { visible: true, may: ["read", "update"] });
  }
}

/** Starting threads and replying, and pinning and locking them: what a board's people may do. */
const POSTS: Grant = { visible: true, may: ["read", "create"] };
const RUNS: Grant = { visible: true, may: ["read", "create", "update"] };

/**
 * A forum board: its moderators read, post and pin or lock; its members read and post, except
 * on announcements, which participants only read. Family members are members of family boards
 * only; admins run the announcements boards and no others.
 */
function forumBoardGrant(actor: Actor, board: Extract<Resource, { type: "forum-board" }>): Grant {
  const member = board.memberIds.includes(actor.userId);
  switch (actor.role) {
    case "ADMIN":
      return when(board.boardKind === "announcements", RUNS);
    case "FACILITATOR":
      return when(board.moderatorIds.includes(actor.userId), RUNS);
    case "PARTICIPANT":
      return when(member, board.boardKind === "announcements" ? READ_ONLY : POSTS);
    case "FAMILY":
      return when(member && board.boardKind === "family", POSTS);
  }
}

/**
 * A chat room: its moderators read, write and moderate; its members read and write. Admins
 * moderate their clinic's staff rooms; family members are only ever in a session's room.
 */
function chatRoomGrant(actor: Actor, room: Extract<Resource, { type: "chat-room" }>): Grant {
  const member = room.memberIds.includes(actor.userId);
  switch (actor.role) {
    case "ADMIN":
      return when(room.roomKind === "staff", RUNS);
    case "FACILITATOR":
      return when(room.moderatorIds.includes(actor.userId), RUNS);
    case "PARTICIPANT":
      return when(member && room.roomKind !== "staff", POSTS);
    case "FAMILY":
      return when(member && room.roomKind === "session", POSTS);
  }
}

/** Records whose grants each role spells out (boards, posts and chat rooms are decided alike). */
type ByRole = Exclude<Resource, { type: SharedGrantType }>;
type SharedGrantType = ForumResource["type"] | "forum-board" | "chat-room";

function adminGrant(resource: ByRole): Grant {
  switch (resource.type) {
    case "organization":
      // Organizations are provisioned outside the app and never deleted from it.
      return { visible: true, may: ["read", "update"] };
    case "audit-log":
      // Append-only: written by the system, read by admins, changed by nobody.
      return READ_ONLY;
    case "audit-export":
      // Exporting is reading the trail into a file; the export is itself audited.
      return READ_ONLY;
    case "cohort-roster":
    case "cohort-planning":
    case "session-roster":
      // Derived from enrollments and bookings; they change only through them.
      return READ_ONLY;
    case "cohort-schedule":
      // Every meeting of the clinic's cohorts.
      return READ_ONLY;
    case "schedule":
      // Clinic staff book sessions.
      return { visible: true, may: ["read", "create"] };
    case "program":
    case "cohort":
      // Set-up mistakes can be deleted; the database refuses once anything depends on them.
      return { visible: true, may: ALL };
    case "cohort-staff":
      // The clinic decides who treats whom: assigning a clinician is how a care team is made.
      return NEVER_DELETED;
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
    case "assessment-assignment":
    case "safety-plan":
    case "treatment-plan":
    case "treatment-plan-review-queue":
    case "discharge-summary":
    case "aftercare":
    case "cohort-severities":
    case "crisis-alert":
    case "crisis-alert-queue":
    case "follow-up-task":
      // Clinical records (crisis alerts and no-show follow-ups too) are for the clinicians
      // treating the person, not for clinic operations.
      return HIDDEN;
    case "live-room":
      // Admins run the clinic, they do not sit in its therapy.
      return HIDDEN;
    case "attendance":
      // Payers audit hours: the clinic reads every record, which nobody edits (it is derived).
      return READ_ONLY;
  }
}

function facilitatorGrant(actor: Actor, resource: ByRole): Grant {
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
    case "cohort-planning":
      return when(resource.facilitatorIds.includes(actor.userId), READ_ONLY);
    case "cohort-schedule":
      // Their own cohorts', or a cohort whose meetings they run or attend.
      return when(
        resource.facilitatorIds.includes(actor.userId) ||
          resource.attendeeIds.includes(actor.userId),
        READ_ONLY,
      );
    case "schedule":
      // Clinic staff book sessions (with whom is `session` create).
      return { visible: true, may: ["read", "create"] };
    case "session-roster":
      // Who comes to the sessions they run.
      return when(resource.facilitatorIds.includes(actor.userId), READ_ONLY);
    case "cohort-staff":
      // They see who they work with, but cannot add anyone (themselves included) to a care team.
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
      // Discharge and step-down are updates; enrollments are never deleted. Creating one is the
      // clinic's (admin's) decision: a clinician who could enroll anyone into their own cohort
      // could open anyone's record.
      return when(resource.facilitatorIds.includes(actor.userId), {
        visible: true,
        may: ["read", "update"],
      });
    case "family-member":
      // Facilitators invite family and withdraw consent on a participant's behalf.
      return when(resource.facilitatorIds.includes(actor.userId), NEVER_DELETED);
    case "session":
      return when(resource.facilitatorIds.includes(actor.userId), NEVER_DELETED);
    case "user-account":
      return ownAccount(actor, resource.userId);
    case "audit-log":
    case "audit-export":
      return HIDDEN;
    case "clinical-note":
      // The notes of sessions they run or of their own patients; an update is signing or an
      // addendum. Nothing clinical is ever deleted.
      return when(resource.facilitatorIds.includes(actor.userId), NEVER_DELETED);
    case "assessment":
      // Their own patients' results. Answers are the participant's own: a clinician never
      // completes a questionnaire (creates a result) for them, nor changes one.
      return forCareTeam(actor, resource, READ_ONLY);
    case "assessment-assignment":
    case "safety-plan":
      // Their own patients' records; an update is an assignment's end or a new version.
      return forCareTeam(actor, resource, NEVER_DELETED);
    case "treatment-plan":
      // Their own patients' plans: each new version is a create. Acknowledging a plan (the
      // update) is the participant's word that they read it, so nobody gives it for them.
      return forCareTeam(actor, resource, { visible: true, may: ["read", "create"] });
    case "treatment-plan-review-queue":
      // Every clinician has one; it lists only the plans of their own cohorts.
      return READ_ONLY;
    case "cohort-severities":
      // Scores of everyone in a cohort: for that cohort's clinicians, derived so read only.
      return when(resource.facilitatorIds.includes(actor.userId), READ_ONLY);
    case "discharge-summary":
      // Written once when the enrollment closes.
      return forCareTeam(actor, resource, { visible: true, may: ["read", "create"] });
    case "aftercare":
      // Part of the discharge: written with it, read afterwards.
      return forCareTeam(actor, resource, READ_ONLY);
    case "crisis-alert":
      // Their current patients' alerts: acknowledging is the update; only the system raises them.
      return when(resource.facilitatorIds.includes(actor.userId), {
        visible: true,
        may: ["read", "update"],
      });
    case "crisis-alert-queue":
      return READ_ONLY;
    case "live-room":
      // The session's clinicians enter and run it; rooms open and close with their sessions.
      return when(resource.facilitatorIds.includes(actor.userId), {
        visible: true,
        may: ["read", "update"],
      });
    case "attendance":
      // Their sessions', cohorts' and patients' attendance, derived from the room: read only.
      return when(resource.facilitatorIds.includes(actor.userId), READ_ONLY);
    case "follow-up-task":
      // Their current patients' no-shows: closing one is the update; only the system opens them.
      return when(resource.facilitatorIds.includes(actor.userId), {
        visible: true,
        may: ["read", "update"],
      });
  }
}

function participantGrant(actor: Actor, resource: ByRole): Grant {
  switch (resource.type) {
    case "organization":
    case "program":
      return READ_ONLY;
    case "cohort":
    case "cohort-roster":
    case "cohort-staff":
      return when(resource.participantIds.includes(actor.userId), READ_ONLY);
    case "facilitator":
      return when(resource.participantIds.includes(actor.userId), READ_ONLY);
    case "cohort-planning":
    case "session-roster":
      // Staff views: they see their own cohort and sessions, not who else is in treatment.
      return HIDDEN;
    case "cohort-schedule":
      return when(resource.attendeeIds.includes(actor.userId), READ_ONLY);
    case "schedule":
      // Their own sessions; booking one is the clinic's.
      return READ_ONLY;
    case "follow-up-task":
      // A follow-up of their missed session is their clinicians' worklist.
      return HIDDEN;
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
    case "audit-export":
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
    case "assessment-assignment":
      // They see what is due; assigning a questionnaire is a clinician's decision.
      return when(resource.participantId === actor.userId, READ_ONLY);
    case "crisis-alert":
    case "crisis-alert-queue":
      // They are shown 988 and their safety plan at once; the alert itself is for clinicians.
      return HIDDEN;
    case "treatment-plan-review-queue":
    case "cohort-severities":
      // Clinicians' worklists; a cohort's scores name other people in treatment.
      return HIDDEN;
    case "treatment-plan":
      // They read their plan and acknowledge it (the update); its versions are written by
      // their care team.
      return when(resource.participantId === actor.userId, {
        visible: true,
        may: ["read", "update"],
      });
    case "safety-plan":
    case "aftercare":
      // Written with their therapist; always theirs to read, also after discharge.
      return when(resource.participantId === actor.userId, READ_ONLY);
    case "live-room":
      return when(resource.participantIds.includes(actor.userId), READ_ONLY);
    case "attendance":
      // Their own week of hours; a session's or a cohort's attendance names other people.
      return when(resource.participantId === actor.userId, READ_ONLY);
  }
}

function familyGrant(actor: Actor, resource: ByRole): Grant {
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
    case "schedule":
      // The sessions they are invited to; booking one is the clinic's.
      return READ_ONLY;
    case "cohort-schedule":
      // A cohort's meetings only as far as they attend them (a multi-family group).
      return when(resource.attendeeIds.includes(actor.userId), READ_ONLY);
    case "user-account":
      return ownAccount(actor, resource.userId);
    // Family members see nothing else of the participant's care unless consent says so.
    case "program":
    case "cohort":
    case "cohort-staff":
    case "cohort-roster":
    case "cohort-planning":
    case "session-roster":
    case "follow-up-task":
    case "enrollment":
    case "audit-log":
    case "audit-export":
    case "clinical-note":
    case "assessment":
    case "assessment-assignment":
    case "crisis-alert":
    case "crisis-alert-queue":
    case "safety-plan":
    case "treatment-plan":
    case "treatment-plan-review-queue":
    case "discharge-summary":
    case "aftercare":
    case "cohort-severities":
      return HIDDEN;
    case "live-room":
      // Only the sessions they are let into.
      return when(resource.familyIds.includes(actor.userId), READ_ONLY);
    case "attendance":
      // How many hours someone spent in treatment is part of their care.
      return HIDDEN;
  }
}

function ownAccount(actor: Actor, userId: string): Grant {
  return when(actor.userId === userId, { visible: true, may: ["read", "update"] });
}

function grantFor(actor: Actor, resource: Resource): Grant {
  // The same for every role once the board or room says who the actor is to it.
  if (resource.type === "forum-board") return forumBoardGrant(actor, resource);
  if (resource.type === "chat-room") return chatRoomGrant(actor, resource);
  if (
    resource.type === "forum-post" ||
    resource.type === "forum-report" ||
    resource.type === "forum-moderation"
  )
    return forumGrant(actor, resource);
  return byRole(actor, resource);
}

function byRole(actor: Actor, resource: ByRole): Grant {
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

/**
 * As what `actor` enters a live room, or null when they may not: its clinicians run it, the
 * others take part as the participant or family member they are.
 */
export function liveRoleIn(
  actor: Actor,
  room: Extract<Resource, { type: "live-room" }>,
): LiveRole | null {
  if (!can(actor, "read", room)) return null;
  if (can(actor, "update", room)) return "facilitator";
  return actor.role === "FAMILY" ? "family" : "participant";
}

/**
 * Consent to family involvement belongs to the participant. The participant may grant it, widen
 * it or grant it again after withdrawing it. Anyone else (their clinician) may narrow it, but
 * may grant or widen it (a session kind not consented to now, as after a withdrawal) only with a
 * recorded statement that the participant agreed, as for invitations; the server audits that
 * statement. Whether the actor may act for the participant at all is `decide` on the
 * `family-member` record.
 */
export function consentGrantDecision(
  actor: Actor,
  change: { participantId: string; widens: boolean; participantStatement: boolean },
): "allow" | "needs-participant-statement" {
  if (actor.role === "PARTICIPANT" && actor.userId === change.participantId) return "allow";
  if (!change.widens || change.participantStatement) return "allow";
  return "needs-participant-statement";
}
