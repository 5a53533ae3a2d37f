import {
  addDaysToDate,
  defaultPhaseDays,
  isoDateInZone,
  scoreAssessment,
  weeklyPatternToRRule,
  type CredentialKind,
  type Instrument,
  type SafetyPlanContent,
  type TreatmentPlanContent,
  type EnrollmentPhase,
  type FamilyRelationship,
  type WeeklyPattern,
} from "@bridgeway/domain";
import { hashPassword } from "../auth/password";
import { wallClockInstant } from "../sessions/pattern-occurrences";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

/** The demo clinic's sign-ins, listed in the README. All share DEMO_PASSWORD. */
export const DEMO_DOMAIN = "riverbend.example";
export const DEMO_ACCOUNTS = {
  admin: `admin@${DEMO_DOMAIN}`,
  facilitators: [`dana.whitfield@${DEMO_DOMAIN}`, `marcus.reyes@${DEMO_DOMAIN}`],
  participants: [
    `jordan.lee@${DEMO_DOMAIN}`,
    `sam.patel@${DEMO_DOMAIN}`,
    `riley.chen@${DEMO_DOMAIN}`,
    `taylor.brooks@${DEMO_DOMAIN}`,
    `morgan.diaz@${DEMO_DOMAIN}`,
    `casey.nguyen@${DEMO_DOMAIN}`,
    `avery.johnson@${DEMO_DOMAIN}`,
    `jamie.kim@${DEMO_DOMAIN}`,
  ],
  family: [`pat.lee@${DEMO_DOMAIN}`, `chris.patel@${DEMO_DOMAIN}`],
} as const;

const CLINIC_ZONE = "America/New_York";
const EVENING: WeeklyPattern = { days: ["MO", "WE", "TH"], startTime: "18:00", endTime: "21:00" };

const FACILITATORS: {
  first: string;
  last: string;
  credential: CredentialKind;
  /** Days from today until the license expires; one is close, to show the admin's alert. */
  licenseDays: number;
  role: "LEAD" | "CO";
}[] = [
  { first: "Dana", last: "Whitfield", credential: "LCSW", licenseDays: 640, role: "LEAD" },
  { first: "Marcus", last: "Reyes", credential: "LPC", licenseDays: 45, role: "CO" },
];

const PARTICIPANTS: { first: string; last: string; phase: EnrollmentPhase; zone: string }[] = [
  { first: "Jordan", last: "Lee", phase: 4, zone: CLINIC_ZONE },
  { first: "Sam", last: "Patel", phase: 4, zone: CLINIC_ZONE },
  { first: "Riley", last: "Chen", phase: 4, zone: "America/Chicago" },
  { first: "Taylor", last: "Brooks", phase: 3, zone: CLINIC_ZONE },
  { first: "Morgan", last: "Diaz", phase: 3, zone: CLINIC_ZONE },
  { first: "Casey", last: "Nguyen", phase: 3, zone: CLINIC_ZONE },
  { first: "Avery", last: "Johnson", phase: 2, zone: CLINIC_ZONE },
  { first: "Jamie", last: "Kim", phase: 2, zone: CLINIC_ZONE },
];

const FAMILY: { first: string; last: string; relationship: FamilyRelationship; of: number }[] = [
  { first: "Pat", last: "Lee", relationship: "PARENT", of: 0 },
  { first: "Chris", last: "Patel", relationship: "SPOUSE_OR_PARTNER", of: 1 },
];

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const addDays = addDaysToDate;

function mondayOnOrBefore(iso: string): string {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(iso, -((weekday + 6) % 7));
}

/** Whether the demo clinic is loaded and exempt from MFA, for the sign-in page to say so. */
export async function demoClinicWithoutMfa(prisma: PrismaClient): Promise<boolean> {
  const count = await prisma.organization.count({
    where: {
      mfaRequiredForStaff: false,
      users: { some: { email: { endsWith: `@${DEMO_DOMAIN}` } } },
    },
  });
  return count > 0;
}

/**
 * Seeds the demo clinic into an empty database; does nothing when any organization exists.
 * Returns whether it seeded.
 */
export async function seedDemoClinic(
  prisma: PrismaClient,
  options: { password: string; now: Date },
): Promise<boolean> {
  const passwordHash = await hashPassword(options.password);
  const today = isoDateInZone(options.now, CLINIC_ZONE);
  const cohortStart = addDays(mondayOnOrBefore(today), -14);

  return prisma.$transaction(async (tx) => {
    if ((await tx.organization.count()) > 0) return false;
    const org = await tx.organization.create({
      data: {
        // The README's demo accounts sign in with a password alone (see mfa-service.ts).
        mfaRequiredForStaff: false,
        name: "Riverbend Behavioral Health",
        timeZone: CLINIC_ZONE,
      },
    });
    const account = (
      email: string,
      role: "ADMIN" | "FACILITATOR" | "PARTICIPANT" | "FAMILY",
      first: string,
      last: string,
      timeZone = CLINIC_ZONE,
    ) => ({
      organizationId: org.id,
      email,
      passwordHash,
      // The demo accounts share the README's demo password, so they count as set.
      passwordSetAt: options.now,
      role,
      firstName: first,
      lastName: last,
      timeZone,
    });

    await tx.user.create({ data: account(DEMO_ACCOUNTS.admin, "ADMIN", "Alex", "Morgan") });

    const program = await tx.program.create({
      data: {
        organizationId: org.id,
        name: "Adult Mental Health IOP",
        description:
          "Nine to twelve hours a week of group, individual and family therapy for adults, with step-down before discharge.",
      },
    });
    const cohort = await tx.cohort.create({
      data: {
        programId: program.id,
        name: "Evening track",
        timeZone: CLINIC_ZONE,
        capacity: 12,
        startsOn: day(cohortStart),
        endsOn: day(addDays(cohortStart, 12 * 7 - 1)),
        meetingDays: EVENING.days,
        startTime: EVENING.startTime,
        endTime: EVENING.endTime,
        recurrenceRule: weeklyPatternToRRule(EVENING),
      },
    });

    let leadId: string | undefined;
    for (const [index, f] of FACILITATORS.entries()) {
      const email = DEMO_ACCOUNTS.facilitators[index] ?? `facilitator${index}@${DEMO_DOMAIN}`;
      const user = await tx.user.create({ data: account(email, "FACILITATOR", f.first, f.last) });
      await tx.facilitatorProfile.create({
        data: {
          userId: user.id,
          credential: f.credential,
          licenseState: "NY",
          licenseExpiresOn: day(addDays(today, f.licenseDays)),
        },
      });
      await tx.cohortFacilitator.create({
        data: { cohortId: cohort.id, facilitatorUserId: user.id, role: f.role },
      });
      if (f.role === "LEAD") leadId = user.id;
    }

    const participantIds: string[] = [];
    for (const [index, p] of PARTICIPANTS.entries()) {
      const email = DEMO_ACCOUNTS.participants[index] ?? `participant${index}@${DEMO_DOMAIN}`;
      const user = await tx.user.create({
        data: account(email, "PARTICIPANT", p.first, p.last, p.zone),
      });
      participantIds.push(user.id);
      await tx.enrollment.create({
        data: {
          cohortId: cohort.id,
          participantUserId: user.id,
          phase: p.phase,
          startsOn: day(cohortStart),
          plannedDischargeOn: day(addDays(cohortStart, 8 * 7)),
          phases: {
            create: {
              phase: p.phase,
              days: defaultPhaseDays(EVENING.days, p.phase),
              effectiveFrom: day(cohortStart),
            },
          },
        },
      });
      // Weekly individual therapy on Tuesday afternoons for those at four days a week.
      if (p.phase === 4 && leadId) {
        for (let week = 0; week < 4; week += 1) {
          const date = addDays(mondayOnOrBefore(today), week * 7 + 1);
          await tx.sessionOccurrence.create({
            data: {
              organizationId: org.id,
              kind: "INDIVIDUAL",
              startsAt: wallClockInstant(date, `${13 + index}:00`, CLINIC_ZONE),
              endsAt: wallClockInstant(date, `${13 + index}:50`, CLINIC_ZONE),
              timeZone: CLINIC_ZONE,
              leadFacilitatorId: leadId,
              participantUserId: user.id,
            },
          });
        }
      }
    }

    for (const [index, f] of FAMILY.entries()) {
      const email = DEMO_ACCOUNTS.family[index] ?? `family${index}@${DEMO_DOMAIN}`;
      const user = await tx.user.create({ data: account(email, "FAMILY", f.first, f.last) });
      const participantUserId = participantIds[f.of];
      if (!participantUserId) throw new Error("demo family member points at no participant");
      await tx.familyLink.create({
        data: { participantUserId, familyUserId: user.id, relationship: f.relationship },
      });
      await tx.familyConsent.create({
        data: {
          participantUserId,
          familyUserId: user.id,
          sessionKinds: ["FAMILY", "MULTI_FAMILY"],
          grantedByUserId: participantUserId,
          grantedAt: options.now,
        },
      });
    }
    await seedClinicalRecords(tx, {
      organizationId: org.id,
      jordanId: participantIds[0],
      samId: participantIds[1],
      clinicianId: leadId,
      today,
      now: options.now,
    });
    return true;
  });
}

/**
 * A little history so the clinical screens have something to show: two weeks of PHQ-9 and
 * GAD-7 results with this week's due, Jordan's safety plan and treatment plan.
 */
async function seedClinicalRecords(
  tx: Prisma.TransactionClient,
  seed: {
    organizationId: string;
    jordanId: string | undefined;
    samId: string | undefined;
    clinicianId: string | undefined;
    today: string;
    now: Date;
  },
): Promise<void> {
  const { organizationId, jordanId, samId, clinicianId, today, now } = seed;
  if (!jordanId || !samId || !clinicianId) throw new Error("demo clinical records need people");
  const history: [string, Instrument, number[]][] = [
    [jordanId, "PHQ9", [2, 2, 2, 2, 1, 2, 1, 1, 0]],
    [jordanId, "PHQ9", [1, 2, 1, 2, 1, 1, 1, 0, 0]],
    [jordanId, "GAD7", [2, 2, 2, 1, 1, 2, 1]],
    [jordanId, "GAD7", [1, 2, 1, 1, 1, 1, 1]],
    [samId, "PHQ9", [1, 1, 1, 1, 0, 1, 0, 0, 0]],
    [samId, "PHQ9", [1, 1, 0, 1, 0, 0, 0, 0, 0]],
  ];
  for (const [index, [participantUserId, instrument, answers]] of history.entries()) {
    const weeksAgo = 2 - (index % 2);
    const dueOn = day(addDays(today, -7 * weeksAgo));
    const score = scoreAssessment(instrument, answers);
    await tx.assessmentAssignment.create({
      data: {
        organizationId,
        participantUserId,
        instrument,
        cadence: "WEEKLY",
        dueOn,
        assignedByUserId: clinicianId,
        response: {
          create: {
            organizationId,
            participantUserId,
            instrument,
            answers,
            total: score.total,
            severity: score.severity,
            safetyConcern: score.safetyConcern,
            completedAt: new Date(now.getTime() - weeksAgo * 7 * 86_400_000),
          },
        },
      },
    });
  }
  for (const [participantUserId, instrument] of [
    [jordanId, "PHQ9"],
    [jordanId, "GAD7"],
    [samId, "PHQ9"],
  ] as const) {
    await tx.assessmentAssignment.create({
      data: {
        organizationId,
        participantUserId,
        instrument,
        cadence: "WEEKLY",
        dueOn: day(today),
        assignedByUserId: clinicianId,
      },
    });
  }
  const plan: SafetyPlanContent = {
    warningSigns: ["Staying in bed past noon", "Skipping meals", "Thinking nobody would notice"],
    copingStrategies: [
      "Walk around the block",
      "Box breathing for five minutes",
      "Shower and change",
    ],
    distractions: [{ name: "The library on Elm Street" }, { name: "Coffee with my neighbor Ana" }],
    peopleToAsk: [{ name: "My sister Mia", phone: "555-0134" }],
    professionals: [{ name: "Dana Whitfield, LCSW", phone: "555-0100" }],
    environmentSafety: ["Keep medication in the lockbox", "Ask Mia to hold the spare key"],
    reasonsForLiving: "My dog Biscuit and my sister's kids.",
  };
  await tx.safetyPlanVersion.create({
    data: {
      organizationId,
      participantUserId: jordanId,
      version: 1,
      content: plan,
      authoredByUserId: clinicianId,
    },
  });
  const enrollment = await tx.enrollment.findFirstOrThrow({
    where: { participantUserId: jordanId },
    select: { id: true },
  });
  const treatment: TreatmentPlanContent = {
    problems: [
      {
        problem: "Depressed mood most days, withdrawing from friends",
        goals: [
          {
            goal: "Re-engage with daily activities",
            objectives: [
              {
                text: "Schedule and complete three pleasant activities a week",
                measure: "Activity log reviewed in individual sessions",
                targetDate: addDays(today, 28),
              },
              {
                text: "PHQ-9 total below 10",
                measure: "Weekly PHQ-9",
                targetDate: addDays(today, 42),
              },
            ],
            interventions: ["CBT: behavioral activation", "Weekly individual therapy"],
          },
        ],
      },
    ],
  };
  await tx.treatmentPlanVersion.create({
    data: {
      organizationId,
      enrollmentId: enrollment.id,
      participantUserId: jordanId,
      version: 1,
      content: treatment,
      reviewEveryDays: 14,
      nextReviewOn: day(addDays(today, 3)),
      createdByUserId: clinicianId,
      createdAt: now,
    },
  });
}
