import { parseLocale, type Locale, type Role, type SignedInUser } from "@bridgeway/domain";
import type { PrismaClient } from "../generated/prisma/client";

export type UserForLogin = {
  id: string;
  passwordHash: string;
  active: boolean;
  role: Role;
  organizationId: string;
};

const SIGNED_IN_USER_SELECT = {
  id: true,
  email: true,
  role: true,
  firstName: true,
  lastName: true,
  preferredName: true,
  timeZone: true,
  locale: true,
  organizationId: true,
  active: true,
  organization: { select: { name: true } },
} as const;

type SignedInUserRow = {
  id: string;
  email: string;
  role: Role;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  timeZone: string;
  locale: string;
  organizationId: string;
  active: boolean;
  organization: { name: string };
};

export function toSignedInUser(row: SignedInUserRow): SignedInUser {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    firstName: row.firstName,
    lastName: row.lastName,
    displayName: `${row.preferredName ?? row.firstName} ${row.lastName}`,
    organizationId: row.organizationId,
    organizationName: row.organization.name,
    timeZone: row.timeZone,
    locale: parseLocale(row.locale),
  };
}

export function createUserRepository(prisma: PrismaClient) {
  return {
    async findForLogin(email: string): Promise<UserForLogin | null> {
      return prisma.user.findUnique({
        where: { email: email.trim().toLowerCase() },
        select: { id: true, passwordHash: true, active: true, role: true, organizationId: true },
      });
    },

    async findSignedInUser(id: string): Promise<SignedInUser | null> {
      const row = await prisma.user.findUnique({ where: { id }, select: SIGNED_IN_USER_SELECT });
      return row ? toSignedInUser(row) : null;
    },

    async setLocale(id: string, locale: Locale): Promise<void> {
      await prisma.user.update({ where: { id }, data: { locale }, select: { id: true } });
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
export { SIGNED_IN_USER_SELECT };
