import {
  careTeamOf as careTeam,
  type CareRelationship,
  type CredentialKind,
  type LicenseState,
  type Locale,
} from "@bridgeway/domain";
import type { Db } from "../db/database";
import { asDate, dateOnly } from "../db/dates";
import type { PrismaClient } from "../generated/prisma/client";

/** The columns that name a person; `displayName` turns them into what people see. */
export const PERSON = { id: true, firstName: true, lastName: true, preferredName: true } as const;
type PersonRow = { id: string; firstName: string; lastName: string; preferredName: string | null };
export const displayName = (p: PersonRow): string =>
  `${p.preferredName ?? p.firstName} ${p.lastName}`;
export const personRef = (p: PersonRow) => ({ id: p.id, displayName: displayName(p) });

export type Clinician = {
  id: string;
  displayName: string;
  email: string;
  organizationId: string;
  timeZone: string;
  /** Deactivated clinicians appear only when asked for (the admin's staff list). */
  active: boolean;
  passwordSetAt: Date | null;
  credential: CredentialKind;
  licenseState: LicenseState;
  licenseExpiresOn: string;
};

/** People of an organisation: its clinicians and participants, and who cares for whom. */
export function createPeopleRepository(prisma: PrismaClient) {
  /**
   * Every clinician of every cohort a participant is or was enrolled in, with that
   * enrollment's status: the facts `careTeamOf` in the domain turns into the care team.
   */
  async function careRelationshipsOf(participantId: string): Promise<CareRelationship[]> {
    const rows = await prisma.enrollment.findMany({
      where: { participantUserId: participantId },
      select: {
        status: true,
        endedOn: true,
        cohort: { select: { facilitators: { select: { facilitatorUserId: true } } } },
      },
    });
    return rows.flatMap((row) =>
      row.cohort.facilitators.map((f) => ({
        facilitatorId: f.facilitatorUserId,
        enrollmentStatus: row.status,
        endedOn: row.endedOn ? dateOnly(row.endedOn) : null,
      })),
    );
  }

  return {
    async organizationName(organizationId: string): Promise<string> {
      const org = await prisma.organization.findUniqueOrThrow({
        where: { id: organizationId },
        select: { name: true },
      });
      return org.name;
    },

    async organizationTimeZone(organizationId: string): Promise<string> {
      const org = await prisma.organization.findUniqueOrThrow({
        where: { id: organizationId },
        select: { timeZone: true },
      });
      return org.timeZone;
    },

    async clinicians(
      where: { organizationId: string; ids?: string[]; includeDeactivated?: boolean },
      db: Db = prisma,
    ): Promise<Clinician[]> {
      const rows = await db.facilitatorProfile.findMany({
        where: {
          user: {
            organizationId: where.organizationId,
            ...(where.includeDeactivated ? {} : { active: true }),
          },
          ...(where.ids ? { userId: { in: where.ids } } : {}),
        },
        orderBy: [{ user: { lastName: "asc" } }, { user: { firstName: "asc" } }],
        select: {
          credential: true,
          licenseState: true,
          licenseExpiresOn: true,
          user: {
            select: {
              ...PERSON,
              email: true,
              organizationId: true,
              timeZone: true,
              active: true,
              passwordSetAt: true,
            },
          },
        },
      });
      return rows.map((r) => ({
        id: r.user.id,
        displayName: displayName(r.user),
        email: r.user.email,
        organizationId: r.user.organizationId,
        timeZone: r.user.timeZone,
        active: r.user.active,
        passwordSetAt: r.user.passwordSetAt,
        credential: r.credential,
        licenseState: r.licenseState as LicenseState,
        licenseExpiresOn: dateOnly(r.licenseExpiresOn),
      }));
    },

    async emailTaken(email: string): Promise<boolean> {
      return (await prisma.user.count({ where: { email } })) > 0;
    },

    async createFacilitator(
      db: Db,
      data: {
        organizationId: string;
        email: string;
        passwordHash: string;
        firstName: string;
        lastName: string;
        timeZone: string;
        locale: Locale;
        credential: CredentialKind;
        licenseState: LicenseState;
        licenseExpiresOn: string;
      },
    ): Promise<string> {
      const user = await db.user.create({
        data: {
          organizationId: data.organizationId,
          email: data.email,
          passwordHash: data.passwordHash,
          role: "FACILITATOR",
          firstName: data.firstName,
          lastName: data.lastName,
          timeZone: data.timeZone,
          locale: data.locale,
          facilitator: {
            create: {
              credential: data.credential,
              licenseState: data.licenseState,
              licenseExpiresOn: asDate(data.licenseExpiresOn),
            },
          },
        },
        select: { id: true },
      });
      return user.id;
    },

    async updateFacilitator(
      db: Db,
      userId: string,
      input: {
        firstName?: string | undefined;
        lastName?: string | undefined;
        credential?: CredentialKind | undefined;
        licenseState?: LicenseState | undefined;
        licenseExpiresOn?: string | undefined;
      },
    ): Promise<void> {
      const { firstName, lastName, licenseExpiresOn, credential, licenseState } = input;
      if (firstName !== undefined || lastName !== undefined) {
        await db.user.update({ where: { id: userId }, data: { firstName, lastName } });
      }
      if (
        credential !== undefined ||
        licenseState !== undefined ||
        licenseExpiresOn !== undefined
      ) {
        await db.facilitatorProfile.update({
          where: { userId },
          data: {
            credential,
            licenseState,
            ...(licenseExpiresOn ? { licenseExpiresOn: asDate(licenseExpiresOn) } : {}),
          },
        });
      }
    },

    async participants(where: {
      organizationId: string;
      ids?: string[];
      includeDeactivated?: boolean;
    }) {
      const rows = await prisma.user.findMany({
        where: {
          organizationId: where.organizationId,
          role: "PARTICIPANT",
          ...(where.includeDeactivated ? {} : { active: true }),
          ...(where.ids ? { id: { in: where.ids } } : {}),
        },
        orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
        select: {
          ...PERSON,
          email: true,
          timeZone: true,
          organizationId: true,
          active: true,
          passwordSetAt: true,
          enrollments: {
            where: { status: "ACTIVE" },
            select: { cohort: { select: { id: true, name: true } } },
            take: 1,
          },
        },
      });
      return rows.map((r) => ({
        id: r.id,
        displayName: displayName(r),
        email: r.email,
        timeZone: r.timeZone,
        organizationId: r.organizationId,
        active: r.active,
        passwordSetAt: r.passwordSetAt,
        activeCohort: r.enrollments[0]?.cohort ?? null,
      }));
    },

    async createParticipant(
      db: Db,
      data: {
        organizationId: string;
        email: string;
        passwordHash: string;
        firstName: string;
        lastName: string;
        preferredName: string | undefined;
        timeZone: string;
        locale: Locale;
      },
    ): Promise<string> {
      const user = await db.user.create({
        data: { ...data, preferredName: data.preferredName ?? null, role: "PARTICIPANT" },
        select: { id: true },
      });
      return user.id;
    },

    /** A person's name, role, zone and clinic, for messages and checks. */
    async person(id: string, db: Db = prisma) {
      const row = await db.user.findUnique({
        where: { id },
        select: { ...PERSON, role: true, organizationId: true, timeZone: true, active: true },
      });
      return row ? { ...row, displayName: displayName(row) } : null;
    },

    careRelationshipsOf,

    /** The current care team: the facilitators of the cohorts a participant is actively enrolled in. */
    async careTeamOf(participantId: string): Promise<string[]> {
      const relationships = await careRelationshipsOf(participantId);
      return careTeam(relationships, dateOnly(new Date())).facilitatorIds;
    },

    /** Participants actively enrolled in the cohorts a facilitator works in. */
    async caseloadOf(facilitatorId: string): Promise<string[]> {
      const rows = await prisma.enrollment.findMany({
        where: {
          status: "ACTIVE",
          cohort: { facilitators: { some: { facilitatorUserId: facilitatorId } } },
        },
        select: { participantUserId: true },
      });
      return [...new Set(rows.map((r) => r.participantUserId))];
    },
  };
}

export type PeopleRepository = ReturnType<typeof createPeopleRepository>;
