import {
  describeWeeklyPattern,
  isoDateInZone,
  phaseOn,
  type EnrollmentPhase,
  type LicenseState,
  type PhasePeriod,
  type WeeklyPattern,
  type Weekday,
} from "@bridgeway/domain";
import type { PrismaClient } from "../generated/prisma/client";

const dateOnly = (date: Date) => date.toISOString().slice(0, 10);

type CohortRow = {
  meetingDays: string[];
  startTime: string;
  endTime: string;
};

function scheduleText(cohort: CohortRow): string {
  const pattern: WeeklyPattern = {
    days: cohort.meetingDays as Weekday[],
    startTime: cohort.startTime,
    endTime: cohort.endTime,
  };
  return describeWeeklyPattern(pattern);
}

const displayName = (u: { firstName: string; lastName: string; preferredName: string | null }) =>
  `${u.preferredName ?? u.firstName} ${u.lastName}`;

const toPeriod = (p: { phase: number; days: string[]; effectiveFrom: Date }): PhasePeriod => ({
  phase: p.phase as EnrollmentPhase,
  days: p.days as Weekday[],
  effectiveFrom: dateOnly(p.effectiveFrom),
});

const PERSON = { firstName: true, lastName: true, preferredName: true } as const;

/** Reads for the role home pages. Plain objects out; relationship facts for the policy included. */
export function createHomeRepository(prisma: PrismaClient) {
  return {
    async participantEnrollments(participantUserId: string) {
      const rows = await prisma.enrollment.findMany({
        where: { participantUserId, status: "ACTIVE" },
        orderBy: { startsOn: "asc" },
        select: {
          id: true,
          phase: true,
          startsOn: true,
          plannedDischargeOn: true,
          phases: {
            orderBy: { effectiveFrom: "asc" },
            select: { phase: true, days: true, effectiveFrom: true },
          },
          cohort: {
            select: {
              id: true,
              name: true,
              timeZone: true,
              meetingDays: true,
              startTime: true,
              endTime: true,
              program: { select: { name: true, organizationId: true } },
              facilitators: {
                orderBy: { role: "asc" },
                select: {
                  facilitatorUserId: true,
                  facilitator: {
                    select: { ...PERSON, facilitator: { select: { credential: true } } },
                  },
                },
              },
            },
          },
        },
      });
      return rows.map((row) => ({
        enrollmentId: row.id,
        organizationId: row.cohort.program.organizationId,
        facilitatorIds: row.cohort.facilitators.map((f) => f.facilitatorUserId),
        /** Every planned phase; `view.phase` is the latest planned, not necessarily today's. */
        phases: row.phases.map(toPeriod),
        view: {
          cohortName: row.cohort.name,
          programName: row.cohort.program.name,
          phase: row.phase as EnrollmentPhase,
          startsOn: dateOnly(row.startsOn),
          plannedDischargeOn: dateOnly(row.plannedDischargeOn),
          schedule: scheduleText(row.cohort),
          timeZone: row.cohort.timeZone,
          facilitators: row.cohort.facilitators.flatMap((f) =>
            f.facilitator.facilitator
              ? [
                  {
                    displayName: displayName(f.facilitator),
                    credential: f.facilitator.facilitator.credential,
                  },
                ]
              : [],
          ),
        },
      }));
    },

    async facilitatorLicense(userId: string) {
      const profile = await prisma.facilitatorProfile.findUnique({ where: { userId } });
      return profile
        ? {
            credential: profile.credential,
            licenseState: profile.licenseState as LicenseState,
            licenseExpiresOn: dateOnly(profile.licenseExpiresOn),
          }
        : null;
    },

    async facilitatorCohorts(facilitatorUserId: string, now: Date) {
      const rows = await prisma.cohortFacilitator.findMany({
        where: { facilitatorUserId },
        orderBy: { cohort: { name: "asc" } },
        select: {
          role: true,
          cohort: {
            select: {
              id: true,
              name: true,
              timeZone: true,
              capacity: true,
              meetingDays: true,
              startTime: true,
              endTime: true,
              program: { select: { name: true, organizationId: true } },
              facilitators: { select: { facilitatorUserId: true } },
              enrollments: {
                where: { status: "ACTIVE" },
                orderBy: { participant: { lastName: "asc" } },
                select: {
                  phase: true,
                  participantUserId: true,
                  participant: { select: PERSON },
                  phases: { select: { phase: true, days: true, effectiveFrom: true } },
                },
              },
            },
          },
        },
      });
      return rows.map(({ role, cohort }) => ({
        organizationId: cohort.program.organizationId,
        facilitatorIds: cohort.facilitators.map((f) => f.facilitatorUserId),
        participantIds: cohort.enrollments.map((e) => e.participantUserId),
        view: {
          id: cohort.id,
          name: cohort.name,
          programName: cohort.program.name,
          schedule: scheduleText(cohort),
          timeZone: cohort.timeZone,
          myRole: role,
          capacity: cohort.capacity,
          participants: cohort.enrollments.map((e) => ({
            displayName: displayName(e.participant),
            // The stored phase is the latest planned; today's is the one in effect now.
            phase: (phaseOn(e.phases.map(toPeriod), isoDateInZone(now, cohort.timeZone))?.phase ??
              e.phase) as EnrollmentPhase,
          })),
        },
      }));
    },

    /** Participants a family member supports, while the participant's consent is in force. */
    async familySupporting(familyUserId: string) {
      const links = await prisma.familyLink.findMany({
        where: { familyUserId },
        orderBy: { createdAt: "asc" },
        select: {
          relationship: true,
          participantUserId: true,
          participant: { select: { organizationId: true, firstName: true, preferredName: true } },
        },
      });
      const consents = await prisma.familyConsent.findMany({
        where: { familyUserId, revokedAt: null },
        select: { participantUserId: true },
      });
      return links
        .filter((link) => consents.some((c) => c.participantUserId === link.participantUserId))
        .map((link) => ({
          participantId: link.participantUserId,
          organizationId: link.participant.organizationId,
          view: {
            participantFirstName: link.participant.preferredName ?? link.participant.firstName,
            relationship: link.relationship,
          },
        }));
    },

    async adminOverview(organizationId: string) {
      const [organization, programs, roleCounts, facilitators] = await Promise.all([
        prisma.organization.findUniqueOrThrow({
          where: { id: organizationId },
          select: { name: true, timeZone: true },
        }),
        prisma.program.findMany({
          where: { organizationId },
          orderBy: { name: "asc" },
          select: {
            id: true,
            name: true,
            cohorts: {
              orderBy: { name: "asc" },
              select: {
                id: true,
                name: true,
                timeZone: true,
                capacity: true,
                meetingDays: true,
                startTime: true,
                endTime: true,
                _count: { select: { enrollments: { where: { status: "ACTIVE" } } } },
              },
            },
          },
        }),
        prisma.user.groupBy({
          by: ["role"],
          where: { organizationId, active: true },
          _count: { _all: true },
        }),
        prisma.facilitatorProfile.findMany({
          where: { user: { organizationId, active: true } },
          orderBy: { licenseExpiresOn: "asc" },
          select: {
            credential: true,
            licenseState: true,
            licenseExpiresOn: true,
            user: { select: PERSON },
          },
        }),
      ]);
      const count = (role: string) => roleCounts.find((r) => r.role === role)?._count._all ?? 0;
      return {
        organization,
        counts: {
          programs: programs.length,
          cohorts: programs.reduce((n, p) => n + p.cohorts.length, 0),
          facilitators: count("FACILITATOR"),
          participants: count("PARTICIPANT"),
          familyMembers: count("FAMILY"),
        },
        programs: programs.map((p) => ({
          id: p.id,
          name: p.name,
          cohorts: p.cohorts.map((c) => ({
            id: c.id,
            name: c.name,
            schedule: scheduleText(c),
            timeZone: c.timeZone,
            enrolled: c._count.enrollments,
            capacity: c.capacity,
          })),
        })),
        facilitators: facilitators.map((f) => ({
          displayName: displayName(f.user),
          credential: f.credential,
          licenseState: f.licenseState as LicenseState,
          licenseExpiresOn: dateOnly(f.licenseExpiresOn),
        })),
      };
    },
  };
}

export type HomeRepository = ReturnType<typeof createHomeRepository>;
