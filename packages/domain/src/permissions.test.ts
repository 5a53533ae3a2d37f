import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  can,
  careTeamOf,
  cohortClinicians,
  consentGrantDecision,
  decide,
  FORMER_CARE_TEAM_READ_DAYS,
  liveRoleIn,
  programClinicians,
  RESOURCE_TYPES,
  type Action,
  type Actor,
  type Decision,
  type Resource,
  type ResourceType,
} from "./permissions";
import { ROLES, type Role } from "./roles";

/*
 * The cast. Everyone below works in or is treated by the Riverside clinic:
 * - Ada is a clinic admin.
 * - Farah facilitates the cohort Pat is enrolled in, and so treats Pat.
 * - Pat is a participant. Mo (a parent) and Sam (a sibling) are Pat's family members; both hold
 *   Pat's consent.
 * - Gil facilitates another cohort, with Quinn in it; Rae is Quinn's family member. None of them
 *   has anything to do with Farah, Pat, Mo or Sam.
 * Lakeside is another clinic on the same platform.
 */
const RIVERSIDE = "org-riverside";
const LAKESIDE = "org-lakeside";

const ADA = "user-ada";
const FARAH = "user-farah";
const PAT = "user-pat";
const MO = "user-mo";
const SAM = "user-sam";
const GIL = "user-gil";
const QUINN = "user-quinn";
const RAE = "user-rae";

const ACTORS: Record<Role, Actor> = {
  ADMIN: { userId: ADA, role: "ADMIN", organizationId: RIVERSIDE },
  FACILITATOR: { userId: FARAH, role: "FACILITATOR", organizationId: RIVERSIDE },
  PARTICIPANT: { userId: PAT, role: "PARTICIPANT", organizationId: RIVERSIDE },
  FAMILY: { userId: MO, role: "FAMILY", organizationId: RIVERSIDE },
};

const ACTOR_NAMES: Record<Role, string> = {
  ADMIN: "Ada (admin)",
  FACILITATOR: "Farah (facilitator)",
  PARTICIPANT: "Pat (participant)",
  FAMILY: "Mo (Pat's family)",
};

/** Someone each actor works with, whose sign-in account they still must not touch. */
const SOMEONE_THEY_WORK_WITH: Record<Role, string> = {
  ADMIN: FARAH,
  FACILITATOR: PAT,
  PARTICIPANT: MO,
  FAMILY: PAT,
};

type ResourceOf<T extends ResourceType> = Extract<Resource, { type: T }>;
type Scenario<T extends ResourceType> = {
  describe: string;
  build: (actor: Actor) => ResourceOf<T>;
};

function inLakeside<T extends ResourceType>(scenario: Scenario<T>, describe: string): Scenario<T> {
  return { describe, build: (actor) => ({ ...scenario.build(actor), organizationId: LAKESIDE }) };
}

const patsCohort: Scenario<"cohort"> = {
  describe: "Pat's cohort, which Farah facilitates",
  build: () => ({
    type: "cohort",
    organizationId: RIVERSIDE,
    facilitatorIds: [FARAH],
    participantIds: [PAT],
  }),
};
const patsRoster: Scenario<"cohort-roster"> = {
  describe: "the roster of Pat's cohort, which Farah facilitates",
  build: () => ({
    type: "cohort-roster",
    organizationId: RIVERSIDE,
    facilitatorIds: [FARAH],
    participantIds: [PAT],
  }),
};
const farahsProfile: Scenario<"facilitator"> = {
  describe: "Farah's facilitator profile (she treats Pat)",
  build: () => ({
    type: "facilitator",
    organizationId: RIVERSIDE,
    facilitatorId: FARAH,
    participantIds: [PAT],
    familyIds: [MO, SAM],
  }),
};
const patsRecord: Scenario<"participant"> = {
  describe: "Pat's participant record (Farah treats Pat; Mo and Sam hold consent)",
  build: () => ({
    type: "participant",
    organizationId: RIVERSIDE,
    participantId: PAT,
    facilitatorIds: [FARAH],
    familyIds: [MO, SAM],
  }),
};
const patsEnrollment: Scenario<"enrollment"> = {
  describe: "Pat's enrollment in Farah's cohort",
  build: () => ({
    type: "enrollment",
    organizationId: RIVERSIDE,
    participantId: PAT,
    facilitatorIds: [FARAH],
  }),
};
const mosLink: Scenario<"family-member"> = {
  describe: "Mo's family link to Pat",
  build: () => ({
    type: "family-member",
    organizationId: RIVERSIDE,
    familyMemberId: MO,
    participantId: PAT,
    facilitatorIds: [FARAH],
  }),
};
const patsGroupSession: Scenario<"session"> = {
  describe: "a group session of Pat's cohort, run by Farah (no family invited)",
  build: () => ({
    type: "session",
    organizationId: RIVERSIDE,
    facilitatorIds: [FARAH],
    participantIds: [PAT],
    familyIds: [],
  }),
};
const ownAccount: Scenario<"user-account"> = {
  describe: "their own sign-in account",
  build: (actor) => ({ type: "user-account", organizationId: RIVERSIDE, userId: actor.userId }),
};

/** Every relationship between an actor and a record that the policy has to tell apart. */
type PersonalClinicalType =
  | "assessment"
  | "assessment-assignment"
  | "safety-plan"
  | "treatment-plan"
  | "discharge-summary"
  | "aftercare";

/**
 * One person's clinical record of a kind: Pat's (Farah treats Pat), Pat's after discharge from
 * Farah's cohort (Farah is on the former care team, Gil now treats Pat), Quinn's, another
 * clinic's.
 */
function clinicalScenarios<T extends PersonalClinicalType>(type: T, what: string) {
  const build =
    (organizationId: string, participantId: string, current: string[], former: string[]) =>
    (): ResourceOf<T> =>
      ({
        type,
        organizationId,
        participantId,
        facilitatorIds: current,
        formerFacilitatorIds: former,
      }) as ResourceOf<T>;
  return {
    pat: { describe: `${what} (Farah treats Pat)`, build: build(RIVERSIDE, PAT, [FARAH], []) },
    "pat-discharged": {
      describe: `${what} after Pat's discharge from Farah's cohort, within the read window`,
      build: build(RIVERSIDE, PAT, [GIL], [FARAH]),
    },
    unrelated: {
      describe: `${what.replace("Pat's", "Quinn's")} (Gil treats Quinn)`,
      build: build(RIVERSIDE, QUINN, [GIL], []),
    },
    "other-clinic": {
      describe: `${what} in another clinic`,
      build: build(LAKESIDE, PAT, [FARAH], []),
    },
  } satisfies Record<string, Scenario<T>>;
}

const patsCohortStaff: Scenario<"cohort-staff"> = {
  describe: "who runs Pat's cohort (Farah)",
  build: () => ({
    type: "cohort-staff",
    organizationId: RIVERSIDE,
    facilitatorIds: [FARAH],
    participantIds: [PAT],
  }),
};
const patsAlert: Scenario<"crisis-alert"> = {
  describe: "a crisis alert about Pat (Farah treats Pat)",
  build: () => ({
    type: "crisis-alert",
    organizationId: RIVERSIDE,
    participantId: PAT,
    facilitatorIds: [FARAH],
  }),
};

/*
 * Forum boards: Pat's cohort board (Farah moderates, Pat reads), its family board (Mo too, with
 * Pat's consent), the program's announcements (Farah moderates, Pat reads) and Quinn's board.
 */
type ForumBoardFacts = {
  boardKind: "cohort" | "family" | "announcements";
  moderatorIds: readonly string[];
  memberIds: readonly string[];
};
const PATS_BOARD = { boardKind: "cohort", moderatorIds: [FARAH], memberIds: [PAT] } as const;
const PATS_FAMILY_BOARD = {
  boardKind: "family",
  moderatorIds: [FARAH],
  memberIds: [PAT, MO],
} as const;
const ANNOUNCEMENTS = {
  boardKind: "announcements",
  moderatorIds: [FARAH],
  memberIds: [PAT],
} as const;
const QUINNS_BOARD = { boardKind: "cohort", moderatorIds: [GIL], memberIds: [QUINN] } as const;

/** Posts (or reports of posts) by the actor, by Pat, by Farah and by Quinn, on those boards. */
function forumScenarios<T extends "forum-post" | "forum-report">(type: T, what: string) {
  const build =
    (board: ForumBoardFacts, author?: string) =>
    (actor: Actor): ResourceOf<T> =>
      ({
        type,
        organizationId: RIVERSIDE,
        ...board,
        authorId: author ?? actor.userId,
      }) as ResourceOf<T>;
  return {
    "own-family": {
      describe: `${what} of their own on Pat's family board`,
      build: build(PATS_FAMILY_BOARD),
    },
    "pats-family": {
      describe: `${what} of Pat's on Pat's family board`,
      build: build(PATS_FAMILY_BOARD, PAT),
    },
    pats: { describe: `${what} of Pat's on Pat's cohort board`, build: build(PATS_BOARD, PAT) },
    announcement: {
      describe: `${what} of Farah's among the announcements of Pat's program`,
      build: build(ANNOUNCEMENTS, FARAH),
    },
    unrelated: {
      describe: `${what} of Quinn's on Quinn's cohort board (Gil moderates)`,
      build: build(QUINNS_BOARD, QUINN),
    },
    "other-clinic": {
      describe: `${what} of Pat's on a board of another clinic`,
      build: (actor: Actor) => ({ ...build(PATS_BOARD, PAT)(actor), organizationId: LAKESIDE }),
    },
  } satisfies Record<string, Scenario<T>>;
}

const moderationOf =
  (board: ForumBoardFacts, organizationId = RIVERSIDE) =>
  (): ResourceOf<"forum-moderation"> => ({
    type: "forum-moderation",
    organizationId,
    ...board,
  });

const patsGroupRoom: Scenario<"live-room"> = {
  describe: "the live room of a group session of Pat's cohort, run by Farah",
  build: () => ({
    type: "live-room",
    organizationId: RIVERSIDE,
    facilitatorIds: [FARAH],
    participantIds: [PAT],
    familyIds: [],
  }),
};

/** Chat rooms: each kind with Farah and Pat in it, a thread that has lapsed, and Quinn's room. */
const chatRoom =
  (
    roomKind: "cohort" | "staff" | "session" | "thread",
    moderatorIds: string[],
    memberIds: string[],
    organizationId = RIVERSIDE,
  ) =>
  (): ResourceOf<"chat-room"> => ({
    type: "chat-room",
    organizationId,
    roomKind,
    moderatorIds,
    memberIds,
  });

const boardOf =
  (board: ForumBoardFacts, organizationId = RIVERSIDE) =>
  (): ResourceOf<"forum-board"> => ({ type: "forum-board", organizationId, ...board });

const attendanceOf =
  (facilitatorIds: string[], participantId: string | null, organizationId = RIVERSIDE) =>
  (): ResourceOf<"attendance"> => ({
    type: "attendance",
    organizationId,
    facilitatorIds,
    participantId,
  });

const SCENARIOS = {
  organization: {
    own: {
      describe: "their own clinic",
      build: () => ({ type: "organization", organizationId: RIVERSIDE }),
    },
    "other-clinic": {
      describe: "another clinic",
      build: () => ({ type: "organization", organizationId: LAKESIDE }),
    },
  },
  program: {
    own: {
      describe: "a program of their clinic",
      build: () => ({ type: "program", organizationId: RIVERSIDE }),
    },
    "other-clinic": {
      describe: "a program of another clinic",
      build: () => ({ type: "program", organizationId: LAKESIDE }),
    },
  },
  cohort: {
    pats: patsCohort,
    unrelated: {
      describe: "Quinn's cohort, which Gil facilitates",
      build: () => ({
        type: "cohort",
        organizationId: RIVERSIDE,
        facilitatorIds: [GIL],
        participantIds: [QUINN],
      }),
    },
    "other-clinic": inLakeside(patsCohort, "a cohort of another clinic listing Farah and Pat"),
  },
  "cohort-staff": {
    pats: patsCohortStaff,
    unrelated: {
      describe: "who runs Quinn's cohort (Gil)",
      build: () => ({
        type: "cohort-staff",
        organizationId: RIVERSIDE,
        facilitatorIds: [GIL],
        participantIds: [QUINN],
      }),
    },
    "other-clinic": inLakeside(patsCohortStaff, "the staff of another clinic's cohort with Farah"),
  },
  "cohort-roster": {
    pats: patsRoster,
    unrelated: {
      describe: "the roster of Quinn's cohort, which Gil facilitates",
      build: () => ({
        type: "cohort-roster",
        organizationId: RIVERSIDE,
        facilitatorIds: [GIL],
        participantIds: [QUINN],
      }),
    },
    "other-clinic": inLakeside(
      patsRoster,
      "a cohort roster of another clinic listing Farah and Pat",
    ),
  },
  facilitator: {
    farah: farahsProfile,
    unrelated: {
      describe: "Gil's facilitator profile (he treats Quinn)",
      build: () => ({
        type: "facilitator",
        organizationId: RIVERSIDE,
        facilitatorId: GIL,
        participantIds: [QUINN],
        familyIds: [RAE],
      }),
    },
    "other-clinic": inLakeside(
      farahsProfile,
      "a facilitator profile of another clinic with Farah's id",
    ),
  },
  participant: {
    pat: patsRecord,
    "mo-revoked": {
      describe: "Pat's participant record after Pat withdrew Mo's consent",
      build: () => ({
        type: "participant",
        organizationId: RIVERSIDE,
        participantId: PAT,
        facilitatorIds: [FARAH],
        familyIds: [SAM],
      }),
    },
    unrelated: {
      describe: "Quinn's participant record",
      build: () => ({
        type: "participant",
        organizationId: RIVERSIDE,
        participantId: QUINN,
        facilitatorIds: [GIL],
        familyIds: [RAE],
      }),
    },
    "other-clinic": inLakeside(patsRecord, "a participant record of another clinic with Pat's id"),
  },
  enrollment: {
    pat: patsEnrollment,
    unrelated: {
      describe: "Quinn's enrollment in Gil's cohort",
      build: () => ({
        type: "enrollment",
        organizationId: RIVERSIDE,
        participantId: QUINN,
        facilitatorIds: [GIL],
      }),
    },
    "other-clinic": inLakeside(patsEnrollment, "an enrollment of another clinic with Pat's id"),
  },
  "family-member": {
    mo: mosLink,
    sam: {
      describe: "Sam's family link to Pat",
      build: () => ({
        type: "family-member",
        organizationId: RIVERSIDE,
        familyMemberId: SAM,
        participantId: PAT,
        facilitatorIds: [FARAH],
      }),
    },
    unrelated: {
      describe: "Rae's family link to Quinn",
      build: () => ({
        type: "family-member",
        organizationId: RIVERSIDE,
        familyMemberId: RAE,
        participantId: QUINN,
        facilitatorIds: [GIL],
      }),
    },
    "other-clinic": inLakeside(mosLink, "a family link of another clinic with Mo's and Pat's ids"),
  },
  session: {
    "pats-group": patsGroupSession,
    "mo-invited": {
      describe: "Pat's family session, to which Mo is invited",
      build: () => ({
        type: "session",
        organizationId: RIVERSIDE,
        facilitatorIds: [FARAH],
        participantIds: [PAT],
        familyIds: [MO],
      }),
    },
    unrelated: {
      describe: "a group session of Quinn's cohort, run by Gil",
      build: () => ({
        type: "session",
        organizationId: RIVERSIDE,
        facilitatorIds: [GIL],
        participantIds: [QUINN],
        familyIds: [RAE],
      }),
    },
    "other-clinic": inLakeside(
      patsGroupSession,
      "a session of another clinic listing Farah and Pat",
    ),
  },
  "user-account": {
    own: ownAccount,
    "someone-they-work-with": {
      describe: "the account of someone they work with (Farah's, Pat's, Mo's or Pat's)",
      build: (actor) => ({
        type: "user-account",
        organizationId: RIVERSIDE,
        userId: SOMEONE_THEY_WORK_WITH[actor.role],
      }),
    },
    "other-clinic": inLakeside(ownAccount, "an account of another clinic with their own id"),
  },
  "audit-log": {
    own: {
      describe: "their clinic's audit log",
      build: () => ({ type: "audit-log", organizationId: RIVERSIDE }),
    },
    "other-clinic": {
      describe: "another clinic's audit log",
      build: () => ({ type: "audit-log", organizationId: LAKESIDE }),
    },
  },
  "audit-export": {
    own: {
      describe: "a CSV export of their clinic's audit log",
      build: () => ({ type: "audit-export", organizationId: RIVERSIDE }),
    },
    "other-clinic": {
      describe: "a CSV export of another clinic's audit log",
      build: () => ({ type: "audit-export", organizationId: LAKESIDE }),
    },
  },
  "clinical-note": {
    pat: {
      describe: "the note of Pat's group session, written by Farah",
      build: () => ({
        type: "clinical-note",
        organizationId: RIVERSIDE,
        participantIds: [PAT],
        facilitatorIds: [FARAH],
      }),
    },
    unrelated: {
      describe: "the note of Quinn's group session, written by Gil",
      build: () => ({
        type: "clinical-note",
        organizationId: RIVERSIDE,
        participantIds: [QUINN],
        facilitatorIds: [GIL],
      }),
    },
    "other-clinic": {
      describe: "a note of another clinic naming Pat and Farah",
      build: () => ({
        type: "clinical-note",
        organizationId: LAKESIDE,
        participantIds: [PAT],
        facilitatorIds: [FARAH],
      }),
    },
  },
  assessment: clinicalScenarios("assessment", "Pat's PHQ-9 and GAD-7 results"),
  "assessment-assignment": clinicalScenarios(
    "assessment-assignment",
    "Pat's PHQ-9 assignment (the order to complete it)",
  ),
  "safety-plan": clinicalScenarios("safety-plan", "Pat's safety plan"),
  "treatment-plan": clinicalScenarios("treatment-plan", "Pat's treatment plan"),
  "treatment-plan-review-queue": {
    own: {
      describe: "their list of treatment plans due for review",
      build: () => ({ type: "treatment-plan-review-queue", organizationId: RIVERSIDE }),
    },
    "other-clinic": {
      describe: "another clinic's list of treatment plans due for review",
      build: () => ({ type: "treatment-plan-review-queue", organizationId: LAKESIDE }),
    },
  },
  "discharge-summary": clinicalScenarios("discharge-summary", "Pat's discharge summary"),
  aftercare: clinicalScenarios("aftercare", "Pat's aftercare plan"),
  "cohort-severities": {
    pats: {
      describe: "the latest scores of everyone in Pat's cohort, which Farah facilitates",
      build: () => ({
        type: "cohort-severities",
        organizationId: RIVERSIDE,
        facilitatorIds: [FARAH],
      }),
    },
    unrelated: {
      describe: "the latest scores of everyone in Quinn's cohort, which Gil facilitates",
      build: () => ({
        type: "cohort-severities",
        organizationId: RIVERSIDE,
        facilitatorIds: [GIL],
      }),
    },
    "other-clinic": {
      describe: "the latest scores of a cohort of another clinic listing Farah",
      build: () => ({
        type: "cohort-severities",
        organizationId: LAKESIDE,
        facilitatorIds: [FARAH],
      }),
    },
  },
  "crisis-alert": {
    pat: patsAlert,
    unrelated: {
      describe: "a crisis alert about Quinn (Gil treats Quinn)",
      build: () => ({
        type: "crisis-alert",
        organizationId: RIVERSIDE,
        participantId: QUINN,
        facilitatorIds: [GIL],
      }),
    },
    "other-clinic": inLakeside(patsAlert, "a crisis alert of another clinic about Pat"),
  },
  "crisis-alert-queue": {
    own: {
      describe: "their clinic's list of crisis alerts",
      build: () => ({ type: "crisis-alert-queue", organizationId: RIVERSIDE }),
    },
    "other-clinic": {
      describe: "another clinic's list of crisis alerts",
      build: () => ({ type: "crisis-alert-queue", organizationId: LAKESIDE }),
    },
  },
  "forum-post": forumScenarios("forum-post", "a forum post"),
  "forum-report": forumScenarios("forum-report", "the reports of a forum post"),
  "forum-moderation": {
    pats: { describe: "the moderation of Pat's cohort board", build: moderationOf(PATS_BOARD) },
    "pats-family": {
      describe: "the moderation of Pat's family board",
      build: moderationOf(PATS_FAMILY_BOARD),
    },
    announcements: {
      describe: "the moderation of the announcements of Pat's program",
      build: moderationOf(ANNOUNCEMENTS),
    },
    unrelated: {
      describe: "the moderation of Quinn's cohort board (Gil moderates)",
      build: moderationOf(QUINNS_BOARD),
    },
    "other-clinic": {
      describe: "the moderation of a board of another clinic",
      build: moderationOf(PATS_BOARD, LAKESIDE),
    },
  },
  "forum-board": {
    pats: { describe: "Pat's cohort board (Farah moderates)", build: boardOf(PATS_BOARD) },
    "pats-family": {
      describe: "Pat's family board (Mo holds Pat's consent)",
      build: boardOf(PATS_FAMILY_BOARD),
    },
    announcements: {
      describe: "the announcements board of Pat's program",
      build: boardOf(ANNOUNCEMENTS),
    },
    unrelated: { describe: "Quinn's cohort board (Gil moderates)", build: boardOf(QUINNS_BOARD) },
    "other-clinic": {
      describe: "a board of another clinic listing Farah and Pat",
      build: boardOf(PATS_BOARD, LAKESIDE),
    },
  },
  "live-room": {
    "pats-group": patsGroupRoom,
    "mo-let-in": {
      describe: "the live room of Pat's family session, into which Mo is let",
      build: () => ({
        type: "live-room",
        organizationId: RIVERSIDE,
        facilitatorIds: [FARAH],
        participantIds: [PAT],
        familyIds: [MO],
      }),
    },
    unrelated: {
      describe: "the live room of Quinn's family session, run by Gil, with Rae let in",
      build: () => ({
        type: "live-room",
        organizationId: RIVERSIDE,
        facilitatorIds: [GIL],
        participantIds: [QUINN],
        familyIds: [RAE],
      }),
    },
    "other-clinic": inLakeside(
      patsGroupRoom,
      "a live room of another clinic listing Farah and Pat",
    ),
  },
  "chat-room": {
    "pats-cohort": {
      describe: "the chat room of Pat's cohort (Farah moderates)",
      build: chatRoom("cohort", [FARAH], [PAT]),
    },
    staff: {
      describe: "the staff room of Pat's program (Farah is one of its clinicians)",
      build: chatRoom("staff", [FARAH], []),
    },
    "unrelated-staff": {
      describe: "the staff room of Quinn's program (Gil is its only clinician)",
      build: chatRoom("staff", [GIL], []),
    },
    "pats-session": {
      describe: "the chat of Pat's family session, with Farah, Pat and Mo admitted",
      build: chatRoom("session", [FARAH], [PAT, MO]),
    },
    "pats-thread": {
      describe: "the private thread between Pat and Farah, who treats Pat",
      build: chatRoom("thread", [FARAH], [PAT]),
    },
    "lapsed-thread": {
      describe: "a private thread between Pat and Farah after Farah left Pat's care team",
      build: chatRoom("thread", [], []),
    },
    unrelated: {
      describe: "the chat room of Quinn's cohort (Gil moderates)",
      build: chatRoom("cohort", [GIL], [QUINN]),
    },
    "other-clinic": {
      describe: "a cohort chat room of another clinic listing Farah and Pat",
      build: chatRoom("cohort", [FARAH], [PAT], LAKESIDE),
    },
  },
  attendance: {
    "pats-session": {
      describe: "the attendance of a group session of Pat's cohort, run by Farah",
      build: attendanceOf([FARAH], null),
    },
    "pats-week": {
      describe: "Pat's week of attended hours (Farah treats Pat)",
      build: attendanceOf([FARAH], PAT),
    },
    unrelated: {
      describe: "Quinn's week of attended hours (Gil treats Quinn)",
      build: attendanceOf([GIL], QUINN),
    },
    "other-clinic": {
      describe: "Pat's week of hours in another clinic",
      build: attendanceOf([FARAH], PAT, LAKESIDE),
    },
  },
  "cohort-planning": {
    pats: {
      describe: "the planning page of Pat's cohort, which Farah facilitates",
      build: () => ({
        type: "cohort-planning",
        organizationId: RIVERSIDE,
        facilitatorIds: [FARAH],
      }),
    },
    unrelated: {
      describe: "the planning page of Quinn's cohort, which Gil facilitates",
      build: () => ({ type: "cohort-planning", organizationId: RIVERSIDE, facilitatorIds: [GIL] }),
    },
    "other-clinic": {
      describe: "a cohort's planning page in another clinic listing Farah",
      build: () => ({ type: "cohort-planning", organizationId: LAKESIDE, facilitatorIds: [FARAH] }),
    },
  },
  "cohort-schedule": {
    pats: {
      describe: "the meetings of Pat's cohort (Farah runs it; Pat and Mo have sessions of it)",
      build: () => ({
        type: "cohort-schedule",
        organizationId: RIVERSIDE,
        facilitatorIds: [FARAH],
        attendeeIds: [PAT, MO],
      }),
    },
    "runs-a-session": {
      describe: "the meetings of Quinn's cohort, one of which Farah runs",
      build: () => ({
        type: "cohort-schedule",
        organizationId: RIVERSIDE,
        facilitatorIds: [GIL],
        attendeeIds: [QUINN, FARAH],
      }),
    },
    unrelated: {
      describe: "the meetings of Quinn's cohort (Gil runs it; Quinn and Rae attend)",
      build: () => ({
        type: "cohort-schedule",
        organizationId: RIVERSIDE,
        facilitatorIds: [GIL],
        attendeeIds: [QUINN, RAE],
      }),
    },
    "other-clinic": {
      describe: "the meetings of another clinic's cohort listing Farah, Pat and Mo",
      build: () => ({
        type: "cohort-schedule",
        organizationId: LAKESIDE,
        facilitatorIds: [FARAH],
        attendeeIds: [PAT, MO],
      }),
    },
  },
  schedule: {
    own: {
      describe: "the clinic's calendar of sessions",
      build: () => ({ type: "schedule", organizationId: RIVERSIDE }),
    },
    "other-clinic": {
      describe: "another clinic's calendar of sessions",
      build: () => ({ type: "schedule", organizationId: LAKESIDE }),
    },
  },
  "session-roster": {
    "pats-group": {
      describe: "who attends a group session of Pat's cohort, run by Farah",
      build: () => ({ type: "session-roster", organizationId: RIVERSIDE, facilitatorIds: [FARAH] }),
    },
    unrelated: {
      describe: "who attends a session of Quinn's cohort, run by Gil",
      build: () => ({ type: "session-roster", organizationId: RIVERSIDE, facilitatorIds: [GIL] }),
    },
    "other-clinic": {
      describe: "who attends a session of another clinic run by Farah",
      build: () => ({ type: "session-roster", organizationId: LAKESIDE, facilitatorIds: [FARAH] }),
    },
  },
  "follow-up-task": {
    pats: {
      describe: "a follow-up of Pat's missed session (Farah is on Pat's care team)",
      build: () => ({
        type: "follow-up-task",
        organizationId: RIVERSIDE,
        participantId: PAT,
        facilitatorIds: [FARAH],
      }),
    },
    "pat-after-farah": {
      describe: "a follow-up of Pat's missed session after Farah left Pat's care team",
      build: () => ({
        type: "follow-up-task",
        organizationId: RIVERSIDE,
        participantId: PAT,
        facilitatorIds: [GIL],
      }),
    },
    unrelated: {
      describe: "a follow-up of Quinn's missed session (Gil treats Quinn)",
      build: () => ({
        type: "follow-up-task",
        organizationId: RIVERSIDE,
        participantId: QUINN,
        facilitatorIds: [GIL],
      }),
    },
    "other-clinic": {
      describe: "a follow-up in another clinic of Pat, listing Farah",
      build: () => ({
        type: "follow-up-task",
        organizationId: LAKESIDE,
        participantId: PAT,
        facilitatorIds: [FARAH],
      }),
    },
  },
} satisfies { [T in ResourceType]: Record<string, Scenario<T>> };

type ScenarioKey<T extends ResourceType> = keyof (typeof SCENARIOS)[T] & string;

/** One letter per action, in the order read, create, update, delete. */
type Letter = "A" | "F" | "N";
type Cells = `${Letter}${Letter}${Letter}${Letter}`;
type RoleTable = { [T in ResourceType]: Record<ScenarioKey<T>, Cells> };

/*
 * What a clinic requires, cell by cell: A = allow, F = forbidden (visible but not theirs to do),
 * N = not-found (they must not even learn the record exists). Columns: read, create, update,
 * delete.
 */
type ClinicalCells = Record<ScenarioKey<PersonalClinicalType>, Cells>;
/** A participant's own clinical record of a kind: theirs whoever treats them, nobody else's. */
const OWN_RECORD = (cells: Cells): ClinicalCells => ({
  pat: cells,
  "pat-discharged": cells,
  unrelated: "NNNN",
  "other-clinic": "NNNN",
});
const CLOSED_CLINICAL: ClinicalCells = OWN_RECORD("NNNN");
const NO_FORUM_POSTS: Record<ScenarioKey<"forum-post">, Cells> = {
  "own-family": "NNNN",
  "pats-family": "NNNN",
  pats: "NNNN",
  announcement: "NNNN",
  unrelated: "NNNN",
  "other-clinic": "NNNN",
};
const NO_MODERATION: Record<ScenarioKey<"forum-moderation">, Cells> = {
  pats: "NNNN",
  "pats-family": "NNNN",
  announcements: "NNNN",
  unrelated: "NNNN",
  "other-clinic": "NNNN",
};

const NO_BOARDS: Record<ScenarioKey<"forum-board">, Cells> = {
  pats: "NNNN",
  "pats-family": "NNNN",
  announcements: "NNNN",
  unrelated: "NNNN",
  "other-clinic": "NNNN",
};
const NO_CHAT_ROOMS: Record<ScenarioKey<"chat-room">, Cells> = {
  "pats-cohort": "NNNN",
  staff: "NNNN",
  "unrelated-staff": "NNNN",
  "pats-session": "NNNN",
  "pats-thread": "NNNN",
  "lapsed-thread": "NNNN",
  unrelated: "NNNN",
  "other-clinic": "NNNN",
};
const NO_LIVE_ROOMS: Record<ScenarioKey<"live-room">, Cells> = {
  "pats-group": "NNNN",
  "mo-let-in": "NNNN",
  unrelated: "NNNN",
  "other-clinic": "NNNN",
};

const NO_REVIEW_QUEUE: Record<ScenarioKey<"treatment-plan-review-queue">, Cells> = {
  own: "NNNN",
  "other-clinic": "NNNN",
};
const NO_COHORT_SEVERITIES: Record<ScenarioKey<"cohort-severities">, Cells> = {
  pats: "NNNN",
  unrelated: "NNNN",
  "other-clinic": "NNNN",
};

const EXPECTED: Record<Role, RoleTable> = {
  ADMIN: {
    // Clinics are provisioned outside the app: admins edit theirs, never create or delete one.
    organization: { own: "AFAF", "other-clinic": "NNNN" },
    // Set-up mistakes may be deleted (the database refuses once anything depends on them).
    program: { own: "AAAA", "other-clinic": "NNNN" },
    cohort: { pats: "AAAA", unrelated: "AAAA", "other-clinic": "NNNN" },
    // The clinic decides who treats whom: assigning clinicians creates care relationships.
    "cohort-staff": { pats: "AAAF", unrelated: "AAAF", "other-clinic": "NNNN" },
    // Derived from enrollments: changed only through them.
    "cohort-roster": { pats: "AFFF", unrelated: "AFFF", "other-clinic": "NNNN" },
    // People and their records are deactivated, discharged or withdrawn, never deleted:
    // clinical records are retained and payers audit hours against enrollments.
    facilitator: { farah: "AAAF", unrelated: "AAAF", "other-clinic": "NNNN" },
    participant: { pat: "AAAF", "mo-revoked": "AAAF", unrelated: "AAAF", "other-clinic": "NNNN" },
    enrollment: { pat: "AAAF", unrelated: "AAAF", "other-clinic": "NNNN" },
    // Consent is withdrawn by an update that keeps its history, never erased.
    "family-member": { mo: "AAAF", sam: "AAAF", unrelated: "AAAF", "other-clinic": "NNNN" },
    // Meetings are cancelled with a reason, never deleted: attendance and notes hang on them.
    session: {
      "pats-group": "AAAF",
      "mo-invited": "AAAF",
      unrelated: "AAAF",
      "other-clinic": "NNNN",
    },
    "user-account": { own: "AAAF", "someone-they-work-with": "AAAF", "other-clinic": "NNNN" },
    // Append-only: admins read it, nobody writes it through the API.
    "audit-log": { own: "AFFF", "other-clinic": "NNNN" },
    // Exporting is reading it into a file: admins only, and never a change.
    "audit-export": { own: "AFFF", "other-clinic": "NNNN" },
    // Clinical records are for the clinicians treating the person, not for clinic operations.
    "clinical-note": { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    assessment: CLOSED_CLINICAL,
    "assessment-assignment": CLOSED_CLINICAL,
    "safety-plan": CLOSED_CLINICAL,
    "treatment-plan": CLOSED_CLINICAL,
    "treatment-plan-review-queue": NO_REVIEW_QUEUE,
    "discharge-summary": CLOSED_CLINICAL,
    aftercare: CLOSED_CLINICAL,
    "cohort-severities": NO_COHORT_SEVERITIES,
    // Crisis alerts are clinical too: the care team reads and acknowledges them.
    "crisis-alert": { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    "crisis-alert-queue": { own: "NNNN", "other-clinic": "NNNN" },
    // Cohort and family boards are treatment spaces; the clinic moderates its announcements.
    "forum-post": { ...NO_FORUM_POSTS, announcement: "AFFF" },
    "forum-report": { ...NO_FORUM_POSTS, announcement: "AAAF" },
    "forum-moderation": { ...NO_MODERATION, announcements: "AFAF" },
    // They post and pin announcements; the boards are derived from cohorts, never deleted.
    "forum-board": { ...NO_BOARDS, announcements: "AAAF" },
    // They do not sit in therapy, nor read its chat; every staff room of the clinic is theirs.
    "live-room": NO_LIVE_ROOMS,
    "chat-room": { ...NO_CHAT_ROOMS, staff: "AAAF", "unrelated-staff": "AAAF" },
    // Payers audit hours: admins read all attendance, which is derived and so never changed.
    attendance: {
      "pats-session": "AFFF",
      "pats-week": "AFFF",
      unrelated: "AFFF",
      "other-clinic": "NNNN",
    },
    // Staff views of the clinic's cohorts and sessions, derived from enrollments and bookings.
    "cohort-planning": { pats: "AFFF", unrelated: "AFFF", "other-clinic": "NNNN" },
    "cohort-schedule": {
      pats: "AFFF",
      "runs-a-session": "AFFF",
      unrelated: "AFFF",
      "other-clinic": "NNNN",
    },
    "session-roster": { "pats-group": "AFFF", unrelated: "AFFF", "other-clinic": "NNNN" },
    // Clinic staff book sessions.
    schedule: { own: "AAFF", "other-clinic": "NNNN" },
    // No-show follow-ups are the care team's clinical work, not clinic operations.
    "follow-up-task": {
      pats: "NNNN",
      "pat-after-farah": "NNNN",
      unrelated: "NNNN",
      "other-clinic": "NNNN",
    },
  },
  FACILITATOR: {
    organization: { own: "AFFF", "other-clinic": "NNNN" },
    program: { own: "AFFF", "other-clinic": "NNNN" },
    cohort: { pats: "AFAF", unrelated: "NNNN", "other-clinic": "NNNN" },
    // They see who they work with; adding anyone (themselves too) to a care team is the clinic's.
    "cohort-staff": { pats: "AFFF", unrelated: "NNNN", "other-clinic": "NNNN" },
    "cohort-roster": { pats: "AFFF", unrelated: "NNNN", "other-clinic": "NNNN" },
    // Colleagues see each other's credentials; admins maintain them.
    facilitator: { farah: "AFFF", unrelated: "AFFF", "other-clinic": "NNNN" },
    participant: { pat: "AFAF", "mo-revoked": "AFAF", unrelated: "NNNN", "other-clinic": "NNNN" },
    // Step-down and discharge are updates; an enrollment is never deleted. Enrolling someone is
    // the clinic's decision: otherwise a clinician could open anyone's record by enrolling them.
    enrollment: { pat: "AFAF", unrelated: "NNNN", "other-clinic": "NNNN" },
    // Create relies on the service recording Pat's consent; withdrawal is an update.
    "family-member": { mo: "AAAF", sam: "AAAF", unrelated: "NNNN", "other-clinic": "NNNN" },
    // Their own sessions: book, reschedule, cancel; anyone else's do not exist for them.
    session: {
      "pats-group": "AAAF",
      "mo-invited": "AAAF",
      unrelated: "NNNN",
      "other-clinic": "NNNN",
    },
    "user-account": { own: "AFAF", "someone-they-work-with": "NNNN", "other-clinic": "NNNN" },
    "audit-log": { own: "NNNN", "other-clinic": "NNNN" },
    "audit-export": { own: "NNNN", "other-clinic": "NNNN" },
    // Their own patients' records, never deleted: signing, addenda and new versions are updates.
    // After discharge they read them (only) for the window; then the record closes to them.
    "clinical-note": { pat: "AAAF", unrelated: "NNNN", "other-clinic": "NNNN" },
    // Answers are Pat's own: Farah reads the results but never completes one for Pat.
    assessment: {
      pat: "AFFF",
      "pat-discharged": "AFFF",
      unrelated: "NNNN",
      "other-clinic": "NNNN",
    },
    "assessment-assignment": {
      pat: "AAAF",
      "pat-discharged": "AFFF",
      unrelated: "NNNN",
      "other-clinic": "NNNN",
    },
    "safety-plan": {
      pat: "AAAF",
      "pat-discharged": "AFFF",
      unrelated: "NNNN",
      "other-clinic": "NNNN",
    },
    // Each review is a new version (a create); acknowledging (the update) is Pat's word alone.
    "treatment-plan": {
      pat: "AAFF",
      "pat-discharged": "AFFF",
      unrelated: "NNNN",
      "other-clinic": "NNNN",
    },
    // Every clinician has a list of the plans due in their own cohorts.
    "treatment-plan-review-queue": { own: "AFFF", "other-clinic": "NNNN" },
    // Written once when the enrollment closes.
    "discharge-summary": {
      pat: "AAFF",
      "pat-discharged": "AFFF",
      unrelated: "NNNN",
      "other-clinic": "NNNN",
    },
    aftercare: { pat: "AFFF", "pat-discharged": "AFFF", unrelated: "NNNN", "other-clinic": "NNNN" },
    // Their cohort's scores side by side, derived so read only; another cohort's do not exist.
    "cohort-severities": { pats: "AFFF", unrelated: "NNNN", "other-clinic": "NNNN" },
    // Their current patients' alerts: read and acknowledge (an update); the system raises them.
    "crisis-alert": { pat: "AFAF", unrelated: "NNNN", "other-clinic": "NNNN" },
    "crisis-alert-queue": { own: "AFFF", "other-clinic": "NNNN" },
    // Only an author edits or deletes their words; Farah moderates her boards by hiding posts.
    "forum-post": {
      ...NO_FORUM_POSTS,
      "own-family": "AFAA",
      "pats-family": "AFFF",
      pats: "AFFF",
      announcement: "AFAA",
    },
    // She reports others' posts (to her co-facilitators too), reads and dismisses reports.
    "forum-report": {
      ...NO_FORUM_POSTS,
      "own-family": "AFAF",
      "pats-family": "AAAF",
      pats: "AAAF",
      announcement: "AFAF",
    },
    "forum-moderation": {
      ...NO_MODERATION,
      pats: "AFAF",
      "pats-family": "AFAF",
      announcements: "AFAF",
    },
    // The boards of her cohorts and programs: post, pin and lock.
    "forum-board": {
      ...NO_BOARDS,
      pats: "AAAF",
      "pats-family": "AAAF",
      announcements: "AAAF",
    },
    // The rooms of sessions she runs: she enters and runs them; they open with their session.
    "live-room": { ...NO_LIVE_ROOMS, "pats-group": "AFAF", "mo-let-in": "AFAF" },
    // Her cohort's, her program's staff room, her session's and her patient's thread, which she
    // moderates; a thread closes when she leaves the patient's care team.
    "chat-room": {
      ...NO_CHAT_ROOMS,
      "pats-cohort": "AAAF",
      staff: "AAAF",
      "pats-session": "AAAF",
      "pats-thread": "AAAF",
    },
    attendance: {
      "pats-session": "AFFF",
      "pats-week": "AFFF",
      unrelated: "NNNN",
      "other-clinic": "NNNN",
    },
    // Her own cohorts' pages and the rosters of the sessions she runs.
    "cohort-planning": { pats: "AFFF", unrelated: "NNNN", "other-clinic": "NNNN" },
    "session-roster": { "pats-group": "AFFF", unrelated: "NNNN", "other-clinic": "NNNN" },
    // Her cohorts' meetings, and those of a cohort she runs a session of.
    "cohort-schedule": {
      pats: "AFFF",
      "runs-a-session": "AFFF",
      unrelated: "NNNN",
      "other-clinic": "NNNN",
    },
    // Clinic staff book sessions.
    schedule: { own: "AAFF", "other-clinic": "NNNN" },
    // Her current patients' no-shows, which she closes; only the system opens them.
    "follow-up-task": {
      pats: "AFAF",
      "pat-after-farah": "NNNN",
      unrelated: "NNNN",
      "other-clinic": "NNNN",
    },
  },
  PARTICIPANT: {
    organization: { own: "AFFF", "other-clinic": "NNNN" },
    program: { own: "AFFF", "other-clinic": "NNNN" },
    cohort: { pats: "AFFF", unrelated: "NNNN", "other-clinic": "NNNN" },
    "cohort-staff": { pats: "AFFF", unrelated: "NNNN", "other-clinic": "NNNN" },
    "cohort-roster": { pats: "AFFF", unrelated: "NNNN", "other-clinic": "NNNN" },
    facilitator: { farah: "AFFF", unrelated: "NNNN", "other-clinic": "NNNN" },
    participant: { pat: "AFAF", "mo-revoked": "AFAF", unrelated: "NNNN", "other-clinic": "NNNN" },
    enrollment: { pat: "AFFF", unrelated: "NNNN", "other-clinic": "NNNN" },
    // Pat decides who of the family takes part, and withdraws consent by an update.
    "family-member": { mo: "AAAF", sam: "AAAF", unrelated: "NNNN", "other-clinic": "NNNN" },
    // Sessions they are expected at or booked into, read only: the care team schedules.
    session: {
      "pats-group": "AFFF",
      "mo-invited": "AFFF",
      unrelated: "NNNN",
      "other-clinic": "NNNN",
    },
    "user-account": { own: "AFAF", "someone-they-work-with": "NNNN", "other-clinic": "NNNN" },
    "audit-log": { own: "NNNN", "other-clinic": "NNNN" },
    "audit-export": { own: "NNNN", "other-clinic": "NNNN" },
    // Their plans and scores, but never clinicians' notes, even about them.
    "clinical-note": { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    // They complete what is assigned (create) and read their results, whoever treats them.
    assessment: OWN_RECORD("AAFF"),
    // Assigning a questionnaire is a clinician's action: they see what is due, nothing more.
    "assessment-assignment": OWN_RECORD("AFFF"),
    "safety-plan": OWN_RECORD("AFFF"),
    // Update is acknowledging the plan, the only change the service lets them make.
    "treatment-plan": OWN_RECORD("AFAF"),
    "treatment-plan-review-queue": NO_REVIEW_QUEUE,
    "discharge-summary": CLOSED_CLINICAL,
    aftercare: OWN_RECORD("AFFF"),
    // Clinicians' view of a cohort's scores names other people in treatment.
    "cohort-severities": NO_COHORT_SEVERITIES,
    // They are shown 988 and their safety plan; the alert record is for clinicians.
    "crisis-alert": { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    "crisis-alert-queue": { own: "NNNN", "other-clinic": "NNNN" },
    "forum-post": {
      ...NO_FORUM_POSTS,
      "own-family": "AFAA",
      "pats-family": "AFAA",
      pats: "AFAA",
      announcement: "AFFF",
    },
    // Anyone's post but their own (which they edit or delete) they may report; read is whether
    // they reported it.
    "forum-report": {
      ...NO_FORUM_POSTS,
      "own-family": "AFFF",
      "pats-family": "AFFF",
      pats: "AFFF",
      announcement: "AAFF",
    },
    "forum-moderation": NO_MODERATION,
    // They post on their cohort's boards and read their program's announcements.
    "forum-board": {
      ...NO_BOARDS,
      pats: "AAFF",
      "pats-family": "AAFF",
      announcements: "AFFF",
    },
    "live-room": { ...NO_LIVE_ROOMS, "pats-group": "AFFF", "mo-let-in": "AFFF" },
    // Never the staff room; a thread only while its clinician treats them.
    "chat-room": {
      ...NO_CHAT_ROOMS,
      "pats-cohort": "AAFF",
      "pats-session": "AAFF",
      "pats-thread": "AAFF",
    },
    // Their own hours, not a session's list of who came.
    attendance: {
      "pats-session": "NNNN",
      "pats-week": "AFFF",
      unrelated: "NNNN",
      "other-clinic": "NNNN",
    },
    // Staff views: Pat sees that the cohort and sessions exist, not who else is in treatment.
    "cohort-planning": { pats: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    "session-roster": { "pats-group": "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    // The meetings of a cohort Pat has sessions of.
    "cohort-schedule": {
      pats: "AFFF",
      "runs-a-session": "NNNN",
      unrelated: "NNNN",
      "other-clinic": "NNNN",
    },
    // Pat's own sessions; booking is the clinic's.
    schedule: { own: "AFFF", "other-clinic": "NNNN" },
    // The follow-up of a missed session is the clinicians' worklist.
    "follow-up-task": {
      pats: "NNNN",
      "pat-after-farah": "NNNN",
      unrelated: "NNNN",
      "other-clinic": "NNNN",
    },
  },
  FAMILY: {
    organization: { own: "AFFF", "other-clinic": "NNNN" },
    // Nothing of Pat's care: which program or cohort Pat is in is itself health information.
    program: { own: "NNNN", "other-clinic": "NNNN" },
    cohort: { pats: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    "cohort-staff": { pats: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    "cohort-roster": { pats: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    facilitator: { farah: "AFFF", unrelated: "NNNN", "other-clinic": "NNNN" },
    participant: { pat: "AFFF", "mo-revoked": "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    enrollment: { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    // Their own link carries Pat's consent: they read it, only Pat's side changes it.
    "family-member": { mo: "AFFF", sam: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    // Only sessions they are invited to: not Pat's group sessions.
    session: {
      "pats-group": "NNNN",
      "mo-invited": "AFFF",
      unrelated: "NNNN",
      "other-clinic": "NNNN",
    },
    "user-account": { own: "AFAF", "someone-they-work-with": "NNNN", "other-clinic": "NNNN" },
    "audit-log": { own: "NNNN", "other-clinic": "NNNN" },
    "audit-export": { own: "NNNN", "other-clinic": "NNNN" },
    // Consent covers joining sessions, never the clinical record.
    "clinical-note": { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    assessment: CLOSED_CLINICAL,
    "assessment-assignment": CLOSED_CLINICAL,
    "safety-plan": CLOSED_CLINICAL,
    "treatment-plan": CLOSED_CLINICAL,
    "treatment-plan-review-queue": NO_REVIEW_QUEUE,
    "discharge-summary": CLOSED_CLINICAL,
    aftercare: CLOSED_CLINICAL,
    "cohort-severities": NO_COHORT_SEVERITIES,
    "crisis-alert": { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    "crisis-alert-queue": { own: "NNNN", "other-clinic": "NNNN" },
    // Only the family board they share with Pat's consent.
    "forum-post": { ...NO_FORUM_POSTS, "own-family": "AFAA", "pats-family": "AFFF" },
    "forum-report": { ...NO_FORUM_POSTS, "own-family": "AFFF", "pats-family": "AAFF" },
    "forum-moderation": NO_MODERATION,
    "forum-board": { ...NO_BOARDS, "pats-family": "AAFF" },
    // Only the sessions they are let into, and those sessions' chat.
    "live-room": { ...NO_LIVE_ROOMS, "mo-let-in": "AFFF" },
    "chat-room": { ...NO_CHAT_ROOMS, "pats-session": "AAFF" },
    // Pat's hours in treatment are part of Pat's care.
    attendance: {
      "pats-session": "NNNN",
      "pats-week": "NNNN",
      unrelated: "NNNN",
      "other-clinic": "NNNN",
    },
    "cohort-planning": { pats: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    "session-roster": { "pats-group": "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    // A cohort's meetings only as far as Mo attends them (a multi-family group).
    "cohort-schedule": {
      pats: "AFFF",
      "runs-a-session": "NNNN",
      unrelated: "NNNN",
      "other-clinic": "NNNN",
    },
    // The sessions Mo is invited to; booking is the clinic's.
    schedule: { own: "AFFF", "other-clinic": "NNNN" },
    "follow-up-task": {
      pats: "NNNN",
      "pat-after-farah": "NNNN",
      unrelated: "NNNN",
      "other-clinic": "NNNN",
    },
  },
};

const DECISION_OF_LETTER: Record<Letter, Decision> = {
  A: "allow",
  F: "forbidden",
  N: "not-found",
};

function expectedDecision(cells: Cells, action: Action): Decision {
  return DECISION_OF_LETTER[cells.charAt(ACTIONS.indexOf(action)) as Letter];
}

type Cell = {
  role: Role;
  type: ResourceType;
  scenario: string;
  describe: string;
  action: Action;
  actor: Actor;
  resource: Resource;
  expected: Decision;
};

function scenariosOf(type: ResourceType): [string, Scenario<ResourceType>][] {
  return Object.entries(SCENARIOS[type] as Record<string, Scenario<ResourceType>>);
}

/** Looked up loosely, as a table edited by hand may miss a row that the types require. */
const LOOSE_EXPECTED: Partial<
  Record<string, Partial<Record<string, Partial<Record<string, Cells>>>>>
> = EXPECTED;

function expectedRow(role: Role, type: ResourceType): Partial<Record<string, Cells>> {
  return LOOSE_EXPECTED[role]?.[type] ?? {};
}

/** Every cell of the matrix: role x resource type x relationship x action. */
const CELLS: Cell[] = ROLES.flatMap((role) =>
  RESOURCE_TYPES.flatMap((type) =>
    scenariosOf(type).flatMap(([scenario, { describe, build }]) => {
      // A missing row is reported by the coverage test below rather than crashing the file.
      const cells = expectedRow(role, type)[scenario];
      if (cells === undefined) return [];
      const actor = ACTORS[role];
      return ACTIONS.map((action) => ({
        role,
        type,
        scenario,
        describe,
        action,
        actor,
        resource: build(actor),
        expected: expectedDecision(cells, action),
      }));
    }),
  ),
);

describe("the permission matrix", () => {
  it("has an expectation for every role, resource type and relationship, and nothing stale", () => {
    for (const role of ROLES) {
      expect(Object.keys(LOOSE_EXPECTED[role] ?? {}).sort(), role).toEqual(
        [...RESOURCE_TYPES].sort(),
      );
      for (const type of RESOURCE_TYPES) {
        expect(Object.keys(expectedRow(role, type)).sort(), `${role} ${type}`).toEqual(
          scenariosOf(type)
            .map(([scenario]) => scenario)
            .sort(),
        );
      }
    }
    expect(CELLS).toHaveLength(
      ROLES.length *
        ACTIONS.length *
        RESOURCE_TYPES.reduce((n, type) => n + scenariosOf(type).length, 0),
    );
  });

  it("lists each resource type once and builds each scenario as a record of its own type", () => {
    expect(new Set(RESOURCE_TYPES).size).toBe(RESOURCE_TYPES.length);
    for (const cell of CELLS) expect(cell.resource.type).toBe(cell.type);
  });

  it("gives every role cells that allow, forbid and hide, so no column is trivially true", () => {
    for (const role of ROLES) {
      const expected = new Set(CELLS.filter((c) => c.role === role).map((c) => c.expected));
      expect([...expected].sort(), role).toEqual(["allow", "forbidden", "not-found"]);
    }
  });
});

const WORDS: Record<Decision, string> = {
  allow: "allows it",
  forbidden: "answers forbidden",
  "not-found": "answers not-found",
};

describe.each(ROLES)("decide() for %s", (role) => {
  describe.each(RESOURCE_TYPES)("on %s records", (type) => {
    for (const { actor, action, resource, expected, describe: what } of CELLS.filter(
      (c) => c.role === role && c.type === type,
    )) {
      it(`${WORDS[expected]} when ${ACTOR_NAMES[role]} asks to ${action} ${what}`, () => {
        expect(decide(actor, action, resource)).toBe(expected);
      });
    }
  });
});

describe("rules that hold across the whole matrix", () => {
  it("never answers forbidden to a read: a record is either readable or not-found", () => {
    const readDecisions = CELLS.filter((c) => c.action === "read").map((c) =>
      decide(c.actor, "read", c.resource),
    );
    expect(readDecisions).not.toContain("forbidden");
    expect(readDecisions).toContain("allow");
    expect(readDecisions).toContain("not-found");
  });

  it("answers not-found to every action on a record the actor may not read", () => {
    for (const cell of CELLS) {
      if (decide(cell.actor, "read", cell.resource) !== "not-found") continue;
      expect(
        decide(cell.actor, cell.action, cell.resource),
        `${cell.role} ${cell.type} ${cell.scenario}`,
      ).toBe("not-found");
    }
  });

  it("answers not-found for every record moved to another clinic, whatever the relationship", () => {
    for (const cell of CELLS) {
      const elsewhere: Resource = { ...cell.resource, organizationId: LAKESIDE };
      expect(
        decide(cell.actor, cell.action, elsewhere),
        `${cell.role} ${cell.type} ${cell.scenario}`,
      ).toBe("not-found");
    }
  });

  it("answers not-found to an actor of another clinic even for their own records", () => {
    for (const cell of CELLS) {
      const visitor: Actor = { ...cell.actor, organizationId: LAKESIDE };
      if (cell.resource.organizationId === LAKESIDE) continue;
      expect(decide(visitor, cell.action, cell.resource)).toBe("not-found");
    }
  });

  it("lets nobody update or delete the audit log, and only admins read it", () => {
    const auditLog: Resource = { type: "audit-log", organizationId: RIVERSIDE };
    for (const role of ROLES) {
      expect(decide(ACTORS[role], "update", auditLog)).not.toBe("allow");
      expect(decide(ACTORS[role], "delete", auditLog)).not.toBe("allow");
      expect(decide(ACTORS[role], "create", auditLog)).not.toBe("allow");
    }
    expect(ROLES.filter((role) => can(ACTORS[role], "read", auditLog))).toEqual(["ADMIN"]);
  });

  it("lets only admins export the audit log, and hides that the export exists from everyone else", () => {
    const auditExport: Resource = { type: "audit-export", organizationId: RIVERSIDE };
    expect(ROLES.filter((role) => can(ACTORS[role], "read", auditExport))).toEqual(["ADMIN"]);
    for (const role of ["FACILITATOR", "PARTICIPANT", "FAMILY"] as const) {
      expect(decide(ACTORS[role], "read", auditExport)).toBe("not-found");
    }
  });

  it("shows a family member only Pat, Pat's facilitator, their own link and account, sessions they are invited to (their rooms and chat) and the family board", () => {
    const readable = CELLS.filter(
      (c) =>
        c.role === "FAMILY" &&
        c.action === "read" &&
        decide(c.actor, "read", c.resource) === "allow",
    ).map((c) => `${c.type}:${c.scenario}`);
    expect(readable.sort()).toEqual(
      [
        "organization:own",
        "facilitator:farah",
        "participant:pat",
        "family-member:mo",
        "session:mo-invited",
        "schedule:own",
        "cohort-schedule:pats",
        "user-account:own",
        "forum-post:own-family",
        "forum-post:pats-family",
        "forum-report:own-family",
        "forum-report:pats-family",
        "forum-board:pats-family",
        "live-room:mo-let-in",
        "chat-room:pats-session",
      ].sort(),
    );
  });

  it("lets a family member change nothing of Pat's record", () => {
    const pat = SCENARIOS.participant.pat.build(ACTORS.FAMILY);
    expect(ACTIONS.filter((action) => can(ACTORS.FAMILY, action, pat))).toEqual(["read"]);
  });

  it("agrees with can() in every cell", () => {
    for (const cell of CELLS) {
      expect(can(cell.actor, cell.action, cell.resource)).toBe(
        decide(cell.actor, cell.action, cell.resource) === "allow",
      );
    }
  });
});

describe("careTeamOf(), the one definition of a participant's care team", () => {
  const TODAY = "2026-03-31";

  it("puts the clinicians of an active enrollment on the care team", () => {
    expect(
      careTeamOf([{ facilitatorId: FARAH, enrollmentStatus: "ACTIVE", endedOn: null }], TODAY),
    ).toEqual({ facilitatorIds: [FARAH], formerFacilitatorIds: [] });
  });

  it("keeps the clinicians of an enrollment closed within the window on the former care team", () => {
    expect(FORMER_CARE_TEAM_READ_DAYS).toBe(30);
    const team = careTeamOf(
      [
        { facilitatorId: FARAH, enrollmentStatus: "DISCHARGED", endedOn: "2026-03-01" },
        { facilitatorId: GIL, enrollmentStatus: "WITHDRAWN", endedOn: "2026-03-30" },
      ],
      TODAY,
    );
    expect(team.facilitatorIds).toEqual([]);
    expect([...team.formerFacilitatorIds].sort()).toEqual([FARAH, GIL].sort());
  });

  it("drops the clinicians of an enrollment closed more than 30 days ago", () => {
    expect(
      careTeamOf(
        [{ facilitatorId: FARAH, enrollmentStatus: "DISCHARGED", endedOn: "2026-02-28" }],
        TODAY,
      ),
    ).toEqual({ facilitatorIds: [], formerFacilitatorIds: [] });
  });

  it("gives no access through a closed enrollment with no end date", () => {
    expect(
      careTeamOf([{ facilitatorId: FARAH, enrollmentStatus: "DISCHARGED", endedOn: null }], TODAY),
    ).toEqual({ facilitatorIds: [], formerFacilitatorIds: [] });
  });

  it("lists a clinician who treats the participant again only on the current team", () => {
    expect(
      careTeamOf(
        [
          { facilitatorId: FARAH, enrollmentStatus: "DISCHARGED", endedOn: "2026-03-20" },
          { facilitatorId: FARAH, enrollmentStatus: "ACTIVE", endedOn: null },
        ],
        TODAY,
      ),
    ).toEqual({ facilitatorIds: [FARAH], formerFacilitatorIds: [] });
  });
});

describe("care relationships only the clinic creates", () => {
  const stranger = "user-stranger";

  it("refuses a facilitator enrolling anyone, even into a cohort they run", () => {
    expect(
      decide(ACTORS.FACILITATOR, "create", {
        type: "enrollment",
        organizationId: RIVERSIDE,
        participantId: stranger,
        facilitatorIds: [FARAH],
      }),
    ).toBe("forbidden");
  });

  it("refuses a facilitator changing who runs their own cohort", () => {
    expect(
      decide(ACTORS.FACILITATOR, "update", SCENARIOS["cohort-staff"].pats.build(ACTORS.ADMIN)),
    ).toBe("forbidden");
  });

  it("lets an admin enroll a participant and assign a cohort's clinicians", () => {
    expect(
      decide(ACTORS.ADMIN, "create", {
        type: "enrollment",
        organizationId: RIVERSIDE,
        participantId: stranger,
        facilitatorIds: [FARAH],
      }),
    ).toBe("allow");
    expect(decide(ACTORS.ADMIN, "update", SCENARIOS["cohort-staff"].pats.build(ACTORS.ADMIN))).toBe(
      "allow",
    );
  });

  it("hides a stranger's record from a facilitator who is not on their care team", () => {
    expect(
      decide(ACTORS.FACILITATOR, "read", {
        type: "safety-plan",
        organizationId: RIVERSIDE,
        participantId: stranger,
        facilitatorIds: [],
        formerFacilitatorIds: [],
      }),
    ).toBe("not-found");
  });

  it("lets only Pat acknowledge Pat's treatment plan, and only Pat's care team write a version", () => {
    const plan = SCENARIOS["treatment-plan"].pat.build();
    expect(ROLES.filter((role) => can(ACTORS[role], "update", plan))).toEqual(["PARTICIPANT"]);
    expect(ROLES.filter((role) => can(ACTORS[role], "create", plan))).toEqual(["FACILITATOR"]);
    const formerTeam = SCENARIOS["treatment-plan"]["pat-discharged"].build();
    expect(decide(ACTORS.FACILITATOR, "create", formerTeam)).toBe("forbidden");
  });

  it("shows a cohort's scores only to a clinician of that cohort", () => {
    const patsCohortScores = SCENARIOS["cohort-severities"].pats.build();
    expect(ROLES.filter((role) => can(ACTORS[role], "read", patsCohortScores))).toEqual([
      "FACILITATOR",
    ]);
    expect(decide(ACTORS.FACILITATOR, "read", { ...patsCohortScores, facilitatorIds: [GIL] })).toBe(
      "not-found",
    );
  });

  it("lets only the participant answer their questionnaires, not even their clinician", () => {
    const results = SCENARIOS.assessment.pat.build();
    expect(ROLES.filter((role) => can(ACTORS[role], "create", results))).toEqual(["PARTICIPANT"]);
    expect(decide(ACTORS.FACILITATOR, "create", results)).toBe("forbidden");
  });

  it("lets a participant read but never assign their own questionnaires", () => {
    const own = SCENARIOS["assessment-assignment"].pat.build();
    expect(decide(ACTORS.PARTICIPANT, "read", own)).toBe("allow");
    expect(decide(ACTORS.PARTICIPANT, "create", own)).toBe("forbidden");
  });
});

describe("consentGrantDecision(): consent belongs to the participant", () => {
  const change = (widens: boolean, participantStatement: boolean) => ({
    participantId: PAT,
    widens,
    participantStatement,
  });

  it("lets the participant grant, widen or give consent again without any statement", () => {
    expect(consentGrantDecision(ACTORS.PARTICIPANT, change(true, false))).toBe("allow");
  });

  it("asks staff for the participant's recorded agreement before they grant or widen consent", () => {
    for (const staff of [ACTORS.FACILITATOR, ACTORS.ADMIN]) {
      expect(consentGrantDecision(staff, change(true, false))).toBe("needs-participant-statement");
      expect(consentGrantDecision(staff, change(true, true))).toBe("allow");
    }
  });

  it("lets staff narrow consent without a statement", () => {
    expect(consentGrantDecision(ACTORS.FACILITATOR, change(false, false))).toBe("allow");
  });

  it("treats another participant as staff would be treated: it is not their consent", () => {
    const quinn: Actor = { userId: QUINN, role: "PARTICIPANT", organizationId: RIVERSIDE };
    expect(consentGrantDecision(quinn, change(true, false))).toBe("needs-participant-statement");
  });
});

describe("cohortClinicians(), the one definition of a cohort's clinicians", () => {
  it("lists the lead first, then the co-facilitators, each once", () => {
    expect(cohortClinicians({ leadId: FARAH, coIds: [GIL, FARAH] })).toEqual([FARAH, GIL]);
  });

  it("lists only the co-facilitators of a cohort without a lead", () => {
    expect(cohortClinicians({ leadId: null, coIds: [GIL] })).toEqual([GIL]);
    expect(cohortClinicians({ leadId: null, coIds: [] })).toEqual([]);
  });

  it("lists a program's clinicians across its cohorts, each once", () => {
    expect(
      programClinicians([
        { leadId: FARAH, coIds: [] },
        { leadId: GIL, coIds: [FARAH] },
        { leadId: null, coIds: [] },
      ]),
    ).toEqual([FARAH, GIL]);
    expect(programClinicians([])).toEqual([]);
  });
});

describe("liveRoleIn(): as what someone enters a live room", () => {
  const roomOf = (scenario: keyof (typeof SCENARIOS)["live-room"]) =>
    SCENARIOS["live-room"][scenario].build(ACTORS.ADMIN);
  const room = roomOf("mo-let-in");

  it("lets the clinicians in to run it, the participant and family to take part", () => {
    expect(liveRoleIn(ACTORS.FACILITATOR, room)).toBe("facilitator");
    expect(liveRoleIn(ACTORS.PARTICIPANT, room)).toBe("participant");
    expect(liveRoleIn(ACTORS.FAMILY, room)).toBe("family");
  });

  it("keeps out admins, people not let in and everyone of another clinic", () => {
    expect(liveRoleIn(ACTORS.ADMIN, room)).toBeNull();
    expect(liveRoleIn(ACTORS.FAMILY, roomOf("pats-group"))).toBeNull();
    expect(liveRoleIn(ACTORS.PARTICIPANT, roomOf("unrelated"))).toBeNull();
    expect(liveRoleIn(ACTORS.FACILITATOR, { ...room, organizationId: LAKESIDE })).toBeNull();
  });
});
