import type { PrismaClient } from "../generated/prisma/client";

export type NewClinic = {
  clinicName: string;
  timeZone: string;
  admin: {
    email: string;
    firstName: string;
    lastName: string;
    passwordHash: string;
    passwordSetAt: Date;
  };
};

/** Clinics (organisations) and the first admin account each starts with. */
export function createClinicRepository(prisma: PrismaClient) {
  return {
    /**
     * Stores a clinic and its admin, all or nothing. Null when the email already has an
     * account, checked in the same transaction as the writes.
     */
    async createWithAdmin(
      clinic: NewClinic,
    ): Promise<{ organizationId: string; adminUserId: string } | null> {
      return prisma.$transaction(async (tx) => {
        const taken = await tx.user.findUnique({
          where: { email: clinic.admin.email },
          select: { id: true },
        });
        if (taken) return null;
        const org = await tx.organization.create({
          data: { name: clinic.clinicName, timeZone: clinic.timeZone },
          select: { id: true },
        });
        const admin = await tx.user.create({
          data: {
            organizationId: org.id,
            email: clinic.admin.email,
            passwordHash: clinic.admin.passwordHash,
            passwordSetAt: clinic.admin.passwordSetAt,
            role: "ADMIN",
            firstName: clinic.admin.firstName,
            lastName: clinic.admin.lastName,
            timeZone: clinic.timeZone,
          },
          select: { id: true },
        });
        return { organizationId: org.id, adminUserId: admin.id };
      });
    },
  };
}

export type ClinicRepository = ReturnType<typeof createClinicRepository>;
