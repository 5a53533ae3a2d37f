import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  can,
  decide,
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
  "assessment" | "safety-plan" | "treatment-plan" | "discharge-summary" | "aftercare";

/** One person's clinical record of a kind: Pat's (Farah treats Pat), Quinn's, another clinic's. */
function clinicalScenarios<T extends PersonalClinicalType>(type: T, what: string) {
  const build =
    (organizationId: string, participantId: string, facilitatorId: string) => (): ResourceOf<T> =>
      ({ type, organizationId, participantId, facilitatorIds: [facilitatorId] }) as ResourceOf<T>;
  return {
    pat: { describe: `${what} (Farah treats Pat)`, build: build(RIVERSIDE, PAT, FARAH) },
    unrelated: {
      describe: `${what.replace("Pat's", "Quinn's")} (Gil treats Quinn)`,
      build: build(RIVERSIDE, QUINN, GIL),
    },
    "other-clinic": {
      describe: `${what} in another clinic`,
      build: build(LAKESIDE, PAT, FARAH),
    },
  } satisfies Record<string, Scenario<T>>;
}

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
  "safety-plan": clinicalScenarios("safety-plan", "Pat's safety plan"),
  "treatment-plan": clinicalScenarios("treatment-plan", "Pat's treatment plan"),
  "discharge-summary": clinicalScenarios("discharge-summary", "Pat's discharge summary"),
  aftercare: clinicalScenarios("aftercare", "Pat's aftercare plan"),
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
const EXPECTED: Record<Role, RoleTable> = {
  ADMIN: {
    // Clinics are provisioned outside the app: admins edit theirs, never create or delete one.
    organization: { own: "AFAF", "other-clinic": "NNNN" },
    // Set-up mistakes may be deleted (the database refuses once anything depends on them).
    program: { own: "AAAA", "other-clinic": "NNNN" },
    cohort: { pats: "AAAA", unrelated: "AAAA", "other-clinic": "NNNN" },
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
    // Clinical records are for the clinicians treating the person, not for clinic operations.
    "clinical-note": { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    assessment: { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    "safety-plan": { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    "treatment-plan": { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    "discharge-summary": { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    aftercare: { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
  },
  FACILITATOR: {
    organization: { own: "AFFF", "other-clinic": "NNNN" },
    program: { own: "AFFF", "other-clinic": "NNNN" },
    cohort: { pats: "AFAF", unrelated: "NNNN", "other-clinic": "NNNN" },
    "cohort-roster": { pats: "AFFF", unrelated: "NNNN", "other-clinic": "NNNN" },
    // Colleagues see each other's credentials; admins maintain them.
    facilitator: { farah: "AFFF", unrelated: "AFFF", "other-clinic": "NNNN" },
    participant: { pat: "AFAF", "mo-revoked": "AFAF", unrelated: "NNNN", "other-clinic": "NNNN" },
    // Step-down and discharge are updates; an enrollment is never deleted.
    enrollment: { pat: "AAAF", unrelated: "NNNN", "other-clinic": "NNNN" },
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
    // Their own patients' records, never deleted: signing, addenda and new versions are updates.
    "clinical-note": { pat: "AAAF", unrelated: "NNNN", "other-clinic": "NNNN" },
    assessment: { pat: "AAAF", unrelated: "NNNN", "other-clinic": "NNNN" },
    "safety-plan": { pat: "AAAF", unrelated: "NNNN", "other-clinic": "NNNN" },
    "treatment-plan": { pat: "AAAF", unrelated: "NNNN", "other-clinic": "NNNN" },
    // Written once when the enrollment closes.
    "discharge-summary": { pat: "AAFF", unrelated: "NNNN", "other-clinic": "NNNN" },
    aftercare: { pat: "AFFF", unrelated: "NNNN", "other-clinic": "NNNN" },
  },
  PARTICIPANT: {
    organization: { own: "AFFF", "other-clinic": "NNNN" },
    program: { own: "AFFF", "other-clinic": "NNNN" },
    cohort: { pats: "AFFF", unrelated: "NNNN", "other-clinic": "NNNN" },
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
    // Their plans and scores, but never clinicians' notes, even about them.
    "clinical-note": { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    // They complete what is assigned (create) and read their results.
    assessment: { pat: "AAFF", unrelated: "NNNN", "other-clinic": "NNNN" },
    "safety-plan": { pat: "AFFF", unrelated: "NNNN", "other-clinic": "NNNN" },
    // Update is acknowledging the plan, the only change the service lets them make.
    "treatment-plan": { pat: "AFAF", unrelated: "NNNN", "other-clinic": "NNNN" },
    "discharge-summary": { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    aftercare: { pat: "AFFF", unrelated: "NNNN", "other-clinic": "NNNN" },
  },
  FAMILY: {
    organization: { own: "AFFF", "other-clinic": "NNNN" },
    // Nothing of Pat's care: which program or cohort Pat is in is itself health information.
    program: { own: "NNNN", "other-clinic": "NNNN" },
    cohort: { pats: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
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
    // Consent covers joining sessions, never the clinical record.
    "clinical-note": { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    assessment: { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    "safety-plan": { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    "treatment-plan": { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    "discharge-summary": { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
    aftercare: { pat: "NNNN", unrelated: "NNNN", "other-clinic": "NNNN" },
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

  it("shows a family member only Pat, Pat's facilitator, their own link and account, and sessions they are invited to", () => {
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
        "user-account:own",
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
