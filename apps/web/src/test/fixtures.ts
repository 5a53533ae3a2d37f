import type { AuthState, FamilyMemberSummary, HomeSummary, Locale, Role } from "@bridgeway/domain";

const MINUTE = 60_000;

const PEOPLE: Record<Role, { firstName: string; lastName: string; email: string }> = {
  ADMIN: { firstName: "Alex", lastName: "Morgan", email: "admin@riverbend.example" },
  FACILITATOR: { firstName: "Dana", lastName: "Whitfield", email: "dana@riverbend.example" },
  PARTICIPANT: { firstName: "Jordan", lastName: "Lee", email: "jordan@riverbend.example" },
  FAMILY: { firstName: "Pat", lastName: "Lee", email: "pat@riverbend.example" },
};

const IDS: Record<Role, string> = {
  ADMIN: "00000000-0000-4000-8000-000000000001",
  FACILITATOR: "00000000-0000-4000-8000-000000000002",
  PARTICIPANT: "00000000-0000-4000-8000-000000000003",
  FAMILY: "00000000-0000-4000-8000-000000000004",
};

/** An AuthState as the API answers it, with expiries measured from now. */
export function authStateFor(
  role: Role,
  options: { idleInMs?: number; absoluteInMs?: number; now?: number; locale?: Locale } = {},
): AuthState {
  const now = options.now ?? Date.now();
  const person = PEOPLE[role];
  const locale = options.locale ?? "en";
  return {
    locale,
    user: {
      id: IDS[role],
      email: person.email,
      role,
      firstName: person.firstName,
      lastName: person.lastName,
      displayName: `${person.firstName} ${person.lastName}`,
      organizationId: "00000000-0000-4000-8000-0000000000aa",
      organizationName: "Riverbend Behavioral Health",
      timeZone: "America/New_York",
      locale,
    },
    csrfToken: `csrf-${role.toLowerCase()}`,
    session: {
      idleExpiresAt: new Date(now + (options.idleInMs ?? 30 * MINUTE)).toISOString(),
      absoluteExpiresAt: new Date(now + (options.absoluteInMs ?? 12 * 60 * MINUTE)).toISOString(),
    },
  };
}

export const participantHome: Extract<HomeSummary, { role: "PARTICIPANT" }> = {
  role: "PARTICIPANT",
  enrollments: [
    {
      cohortName: "Evening track",
      programName: "Adult Mental Health IOP",
      phase: 4,
      nextPhase: null,
      startsOn: "2026-03-02",
      plannedDischargeOn: "2026-05-22",
      schedule: "Mon, Wed, Thu 18:00-21:00",
      timeZone: "America/New_York",
      facilitators: [
        { displayName: "Dana Whitfield", credential: "LCSW" },
        { displayName: "Marcus Reyes", credential: "LPC" },
      ],
    },
  ],
};

export const facilitatorHome: Extract<HomeSummary, { role: "FACILITATOR" }> = {
  role: "FACILITATOR",
  license: {
    credential: "LCSW",
    licenseState: "NY",
    licenseExpiresOn: "2026-05-01",
    daysUntilExpiry: 45,
  },
  cohorts: [
    {
      id: "00000000-0000-4000-8000-0000000000c1",
      name: "Evening track",
      programName: "Adult Mental Health IOP",
      schedule: "Mon, Wed, Thu 18:00-21:00",
      timeZone: "America/New_York",
      myRole: "LEAD",
      capacity: 12,
      participants: [
        { displayName: "Jordan Lee", phase: 4 },
        { displayName: "Avery Johnson", phase: 2 },
      ],
    },
  ],
};

export const familyHome: Extract<HomeSummary, { role: "FAMILY" }> = {
  role: "FAMILY",
  supporting: [{ participantFirstName: "Jordan", relationship: "PARENT" }],
};

export const adminHome: Extract<HomeSummary, { role: "ADMIN" }> = {
  role: "ADMIN",
  organization: { name: "Riverbend Behavioral Health", timeZone: "America/New_York" },
  counts: { programs: 1, cohorts: 1, facilitators: 2, participants: 8, familyMembers: 2 },
  programs: [
    {
      id: "00000000-0000-4000-8000-0000000000b1",
      name: "Adult Mental Health IOP",
      cohorts: [
        {
          id: "00000000-0000-4000-8000-0000000000c1",
          name: "Evening track",
          schedule: "Mon, Wed, Thu 18:00-21:00",
          timeZone: "America/New_York",
          enrolled: 8,
          capacity: 12,
        },
      ],
    },
  ],
  licenseAlerts: [
    {
      displayName: "Marcus Reyes",
      credential: "LPC",
      licenseState: "NY",
      licenseExpiresOn: "2026-05-01",
      daysUntilExpiry: 45,
    },
  ],
};

/** What the app's sign-in context holds for a person of `role` who is signed in. */
export const signedInAs = (role: Role) =>
  ({ status: "signed-in", auth: authStateFor(role) }) as const;

/** Pat Lee's user id: the family member `familyMember()` describes. */
export const PAT_USER_ID = "00000000-0000-4000-8000-0000000000f1";

/** A participant's family member with consent to family and multi-family sessions. */
export function familyMember(overrides: Partial<FamilyMemberSummary> = {}): FamilyMemberSummary {
  return {
    userId: PAT_USER_ID,
    invitationId: null,
    firstName: "Pat",
    lastName: "Lee",
    email: "pat@family.example",
    relationship: "PARENT",
    status: "active",
    sessionKinds: ["FAMILY", "MULTI_FAMILY"],
    invitedAt: "2026-11-01T15:00:00.000Z",
    expiresAt: null,
    ...overrides,
  };
}
