import type {
  CohortDetail,
  CohortListItem,
  EnrollmentSummary,
  FacilitatorListItem,
  ParticipantListItem,
  SessionSummary,
} from "@bridgeway/domain";
import { json, type FakeResponse } from "./fake-api";

export const IDS = {
  admin: "00000000-0000-4000-8000-000000000001",
  dana: "00000000-0000-4000-8000-000000000002",
  jordan: "00000000-0000-4000-8000-000000000003",
  marcus: "00000000-0000-4000-8000-000000000005",
  avery: "00000000-0000-4000-8000-000000000006",
  sam: "00000000-0000-4000-8000-000000000007",
  program: "00000000-0000-4000-8000-0000000000b1",
  cohort: "00000000-0000-4000-8000-0000000000c1",
  jordanEnrollment: "00000000-0000-4000-8000-0000000000e1",
  averyEnrollment: "00000000-0000-4000-8000-0000000000e2",
} as const;

/** A session id that reads as its number, for lists of several. */
export const sessionId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** A group meeting of the Evening track, led by Dana; override what the test is about. */
export function sessionSummary(overrides: Partial<SessionSummary> = {}): SessionSummary {
  return {
    id: sessionId(1),
    kind: "GROUP_THERAPY",
    status: "SCHEDULED",
    startsAt: "2026-11-23T23:00:00.000Z",
    endsAt: "2026-11-24T02:00:00.000Z",
    timeZone: "America/New_York",
    cohort: { id: IDS.cohort, name: "Evening track" },
    lead: { id: IDS.dana, displayName: "Dana Whitfield", credential: "LCSW" },
    participant: null,
    cancelReason: null,
    rescheduled: false,
    endedAt: null,
    ...overrides,
  };
}

export const sessionList = (sessions: SessionSummary[]): FakeResponse => json(200, { sessions });

export function enrollment(overrides: Partial<EnrollmentSummary> = {}): EnrollmentSummary {
  return {
    id: IDS.jordanEnrollment,
    participant: { id: IDS.jordan, displayName: "Jordan Lee" },
    phase: 4,
    days: ["MO", "TU", "WE", "TH"],
    startsOn: "2026-11-02",
    plannedDischargeOn: "2027-01-29",
    status: "ACTIVE",
    phases: [{ phase: 4, days: ["MO", "TU", "WE", "TH"], effectiveFrom: "2026-11-02" }],
    plannedThisWeek: { weekStart: "2026-11-23", plannedHours: 12, status: "within-range" },
    plannedWeeks: [
      { weekStart: "2026-11-23", plannedHours: 12, status: "within-range", reasons: [] },
    ],
    ...overrides,
  };
}

export function cohortDetail(overrides: Partial<CohortDetail> = {}): CohortDetail {
  return {
    id: IDS.cohort,
    name: "Evening track",
    program: { id: IDS.program, name: "Adult Mental Health IOP" },
    timeZone: "America/New_York",
    capacity: 12,
    startsOn: "2026-11-02",
    endsOn: "2027-02-26",
    weeklyPattern: { days: ["MO", "TU", "WE", "TH"], startTime: "18:00", endTime: "21:00" },
    recurrenceRule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH;BYHOUR=18;BYMINUTE=0;BYSECOND=0",
    groupSessionKind: "GROUP_THERAPY",
    lead: { id: IDS.dana, displayName: "Dana Whitfield", credential: "LCSW" },
    coFacilitators: [{ id: IDS.marcus, displayName: "Marcus Reyes", credential: "LPC" }],
    enrollments: [enrollment()],
    ...overrides,
  };
}

export const cohortListItem: CohortListItem = {
  id: IDS.cohort,
  name: "Evening track",
  programName: "Adult Mental Health IOP",
  timeZone: "America/New_York",
  schedule: "Mon, Tue, Wed, Thu 18:00-21:00",
  enrolled: 1,
  capacity: 12,
  startsOn: "2026-11-02",
  endsOn: "2027-02-26",
};

export const facilitators: FacilitatorListItem[] = [
  {
    id: IDS.dana,
    displayName: "Dana Whitfield",
    email: "dana@riverbend.example",
    credential: "LCSW",
    licenseState: "NY",
    licenseExpiresOn: "2027-06-30",
    status: "active",
  },
  {
    id: IDS.marcus,
    displayName: "Marcus Reyes",
    email: "marcus@riverbend.example",
    credential: "LPC",
    licenseState: "NY",
    licenseExpiresOn: "2026-12-15",
    status: "active",
  },
];

export const participants: ParticipantListItem[] = [
  {
    id: IDS.jordan,
    displayName: "Jordan Lee",
    email: "jordan@riverbend.example",
    timeZone: "America/New_York",
    activeCohort: { id: IDS.cohort, name: "Evening track" },
    status: "active",
  },
  {
    id: IDS.sam,
    displayName: "Sam Ortiz",
    email: "sam@riverbend.example",
    timeZone: "America/Chicago",
    activeCohort: null,
    status: "invited",
  },
];

export const programs = [
  { id: IDS.program, name: "Adult Mental Health IOP", description: "Evening and day tracks." },
];
