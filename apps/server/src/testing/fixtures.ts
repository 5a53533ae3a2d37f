import { randomBytes } from "node:crypto";
import { weeklyPatternToRRule, type Role } from "@bridgeway/domain";
import { hashPassword } from "../auth/password";
import type { PrismaClient } from "../generated/prisma/client";

const unique = () => randomBytes(4).toString("hex");
let passwordHash: Promise<string> | undefined;

/** Records for tests beyond the demo clinic: other clinics, other cohorts, other people. */
export function fixtures(prisma: PrismaClient, password: string) {
  passwordHash ??= hashPassword(password);

  async function organization(
    name = `Clinic ${unique()}`,
    options: { mfaRequired?: boolean } = {},
  ) {
    // Test clinics sign their staff in with passwords, like the demo clinic; tests of the MFA
    // requirement turn it on for their own clinic.
    return prisma.organization.create({
      data: {
        name,
        timeZone: "America/Chicago",
        mfaRequiredForStaff: options.mfaRequired ?? false,
      },
    });
  }

  async function user(organizationId: string, role: Role, firstName = "Test") {
    const email = `${role.toLowerCase()}-${unique()}@fixtures.example`;
    return prisma.user.create({
      data: {
        organizationId,
        email,
        passwordHash: await (passwordHash ?? hashPassword(password)),
        passwordSetAt: new Date(),
        role,
        firstName,
        lastName: `Person${unique()}`,
        timeZone: "America/Chicago",
        ...(role === "FACILITATOR"
          ? {
              facilitator: {
                create: {
                  credential: "LMFT",
                  licenseState: "IL",
                  licenseExpiresOn: new Date("2030-01-01T00:00:00Z"),
                },
              },
            }
          : {}),
      },
    });
  }

  async function cohort(
    organizationId: string,
    facilitatorIds: string[],
    participantIds: string[],
  ) {
    const program = await prisma.program.create({
      data: { organizationId, name: `Program ${unique()}` },
    });
    const days = ["TU", "FR"];
    return prisma.cohort.create({
      data: {
        programId: program.id,
        name: `Cohort ${unique()}`,
        timeZone: "America/Chicago",
        startsOn: new Date("2026-11-02T00:00:00Z"),
        endsOn: new Date("2027-02-26T00:00:00Z"),
        meetingDays: days,
        startTime: "09:00",
        endTime: "12:00",
        recurrenceRule: weeklyPatternToRRule({
          days: ["TU", "FR"],
          startTime: "09:00",
          endTime: "12:00",
        }),
        facilitators: {
          create: facilitatorIds.map((id, i) => ({
            facilitatorUserId: id,
            role: i === 0 ? "LEAD" : "CO",
          })),
        },
        enrollments: {
          create: participantIds.map((id) => ({
            participantUserId: id,
            phase: 4,
            startsOn: new Date("2026-11-02T00:00:00Z"),
            plannedDischargeOn: new Date("2027-01-08T00:00:00Z"),
          })),
        },
      },
    });
  }

  return { organization, user, cohort };
}
