import type { FamilyRelationship, FamilySessionKind, Locale } from "@bridgeway/domain";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

export type StoredInvitation = Prisma.FamilyInvitationGetPayload<object>;

export type ConsentedFamily = {
  participantId: string;
  familyUserId: string;
  sessionKinds: FamilySessionKind[];
};

const familyKinds = (kinds: string[]): FamilySessionKind[] =>
  kinds.filter((k): k is FamilySessionKind => k === "FAMILY" || k === "MULTI_FAMILY");

/** Invitations, family links, consents and who is invited to family sessions. */
export function createFamilyRepository(prisma: PrismaClient) {
  return {
    async createInvitation(data: {
      organizationId: string;
      participantUserId: string;
      invitedByUserId: string;
      email: string;
      firstName: string;
      lastName: string;
      relationship: FamilyRelationship;
      sessionKinds: FamilySessionKind[];
      locale: Locale;
      tokenHash: string;
      createdAt: Date;
      expiresAt: Date;
    }): Promise<StoredInvitation> {
      return prisma.familyInvitation.create({ data });
    },

    /** A person's stored language, as it is written (see parseLocale). */
    async localeOf(userId: string): Promise<string | null> {
      const row = await prisma.user.findUnique({ where: { id: userId }, select: { locale: true } });
      return row?.locale ?? null;
    },

    /** How many invitations `userId` sent since `since`, and when the oldest of them was sent. */
    async invitationsSentSince(
      userId: string,
      since: Date,
    ): Promise<{ count: number; oldest: Date | null }> {
      const found = await prisma.familyInvitation.aggregate({
        where: { invitedByUserId: userId, createdAt: { gt: since } },
        _count: { _all: true },
        _min: { createdAt: true },
      });
      return { count: found._count._all, oldest: found._min.createdAt };
    },

    async invitationByTokenHash(tokenHash: string): Promise<StoredInvitation | null> {
      return prisma.familyInvitation.findUnique({ where: { tokenHash } });
    },

    async invitation(id: string): Promise<StoredInvitation | null> {
      return prisma.familyInvitation.findUnique({ where: { id } });
    },

    async invitationsOf(participantUserId: string): Promise<StoredInvitation[]> {
      return prisma.familyInvitation.findMany({
        where: { participantUserId },
        orderBy: { createdAt: "desc" },
      });
    },

    async revokeInvitation(id: string, at: Date): Promise<boolean> {
      const { count } = await prisma.familyInvitation.updateMany({
        where: { id, acceptedAt: null, revokedAt: null },
        data: { revokedAt: at },
      });
      return count > 0;
    },

    /**
     * Uses the invitation once: creates the family member's account, their link to the
     * participant and the consent, all or nothing. Null when the invitation was already used,
     * revoked or expired by the time it got here (two clicks racing).
     */
    async accept(
      invitation: StoredInvitation,
      passwordHash: string,
      at: Date,
    ): Promise<string | null> {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.familyInvitation.updateMany({
          where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: at } },
          data: { acceptedAt: at },
        });
        if (count === 0) return null;
        const participant = await tx.user.findUniqueOrThrow({
          where: { id: invitation.participantUserId },
          select: { timeZone: true },
        });
        const user = await tx.user.create({
          data: {
            organizationId: invitation.organizationId,
            email: invitation.email,
            passwordHash,
            passwordSetAt: at,
            role: "FAMILY",
            firstName: invitation.firstName,
            lastName: invitation.lastName,
            timeZone: participant.timeZone,
            locale: invitation.locale,
          },
          select: { id: true },
        });
        await tx.familyLink.create({
          data: {
            participantUserId: invitation.participantUserId,
            familyUserId: user.id,
            relationship: invitation.relationship,
          },
        });
        await tx.familyConsent.create({
          data: {
            participantUserId: invitation.participantUserId,
            familyUserId: user.id,
            sessionKinds: invitation.sessionKinds,
            grantedByUserId: invitation.invitedByUserId,
            grantedAt: at,
          },
        });
        await tx.familyInvitation.update({
          where: { id: invitation.id },
          data: { acceptedUserId: user.id },
        });
        return user.id;
      });
    },

    async links(participantUserId: string) {
      return prisma.familyLink.findMany({
        where: { participantUserId },
        orderBy: { createdAt: "asc" },
        select: {
          familyUserId: true,
          relationship: true,
          createdAt: true,
          familyMember: { select: { firstName: true, lastName: true, email: true } },
        },
      });
    },

    async link(participantUserId: string, familyUserId: string) {
      return prisma.familyLink.findUnique({
        where: { participantUserId_familyUserId: { participantUserId, familyUserId } },
      });
    },

    /** The consent in force between a participant and a family member, if any. */
    async currentConsent(participantUserId: string, familyUserId: string) {
      return prisma.familyConsent.findFirst({
        where: { participantUserId, familyUserId, revokedAt: null },
        orderBy: { grantedAt: "desc" },
      });
    },

    /** Replaces the consent in force with a new one (the old one is kept, revoked). */
    async grantConsent(
      participantUserId: string,
      familyUserId: string,
      sessionKinds: FamilySessionKind[],
      byUserId: string,
      at: Date,
    ): Promise<void> {
      await prisma.$transaction([
        prisma.familyConsent.updateMany({
          where: { participantUserId, familyUserId, revokedAt: null },
          data: { revokedAt: at, revokedByUserId: byUserId },
        }),
        prisma.familyConsent.create({
          data: {
            participantUserId,
            familyUserId,
            sessionKinds,
            grantedByUserId: byUserId,
            grantedAt: at,
          },
        }),
      ]);
    },

    async withdrawConsent(
      participantUserId: string,
      familyUserId: string,
      byUserId: string,
      at: Date,
    ): Promise<number> {
      const { count } = await prisma.familyConsent.updateMany({
        where: { participantUserId, familyUserId, revokedAt: null },
        data: { revokedAt: at, revokedByUserId: byUserId },
      });
      return count;
    },

    /** Family members with consent in force for the participants (for a kind, when given). */
    async consentedFamily(
      participantIds: string[],
      kind?: FamilySessionKind,
    ): Promise<ConsentedFamily[]> {
      if (participantIds.length === 0) return [];
      const rows = await prisma.familyConsent.findMany({
        where: {
          participantUserId: { in: participantIds },
          revokedAt: null,
        },
        select: { participantUserId: true, familyUserId: true, sessionKinds: true },
      });
      // Filtered here: the PGlite adapter cannot bind an enum-array `has` filter.
      return rows
        .map((r) => ({
          participantId: r.participantUserId,
          familyUserId: r.familyUserId,
          sessionKinds: familyKinds(r.sessionKinds),
        }))
        .filter((r) => !kind || r.sessionKinds.includes(kind));
    },

    /** The participants a family member holds consent for, with their first names. */
    async supportedBy(familyUserId: string) {
      const rows = await prisma.familyConsent.findMany({
        where: { familyUserId, revokedAt: null },
        select: {
          participantUserId: true,
          sessionKinds: true,
        },
      });
      const people = await prisma.user.findMany({
        where: { id: { in: rows.map((r) => r.participantUserId) } },
        select: { id: true, firstName: true, preferredName: true },
      });
      return rows.map((r) => {
        const p = people.find((x) => x.id === r.participantUserId);
        return {
          participantId: r.participantUserId,
          participantFirstName: p?.preferredName ?? p?.firstName ?? "",
          sessionKinds: familyKinds(r.sessionKinds),
        };
      });
    },

    async setSessionInvites(
      sessionId: string,
      familyUserIds: string[],
      db: Prisma.TransactionClient | PrismaClient = prisma,
    ) {
      await db.sessionFamilyInvite.deleteMany({ where: { sessionId } });
      if (familyUserIds.length > 0) {
        await db.sessionFamilyInvite.createMany({
          data: familyUserIds.map((familyUserId) => ({ sessionId, familyUserId })),
        });
      }
    },

    async sessionInvites(sessionId: string): Promise<string[]> {
      const rows = await prisma.sessionFamilyInvite.findMany({
        where: { sessionId },
        select: { familyUserId: true },
      });
      return rows.map((r) => r.familyUserId);
    },

    async invitedSessionIds(familyUserId: string): Promise<string[]> {
      const rows = await prisma.sessionFamilyInvite.findMany({
        where: { familyUserId },
        select: { sessionId: true },
      });
      return rows.map((r) => r.sessionId);
    },
  };
}

export type FamilyRepository = ReturnType<typeof createFamilyRepository>;
