import type { Prisma, PrismaClient } from "../generated/prisma/client";

export type StoredAlert = Prisma.CrisisAlertGetPayload<object>;

export function createAlertRepository(prisma: PrismaClient) {
  return {
    async create(data: {
      organizationId: string;
      participantId: string;
      source: string;
      categories: string[];
      sourceRef: string;
      sourceLabel: string;
      sourceItemId: string | null;
    }): Promise<StoredAlert> {
      return prisma.crisisAlert.create({ data });
    },

    async find(id: string): Promise<StoredAlert | null> {
      return prisma.crisisAlert.findUnique({ where: { id } });
    },

    async list(where: {
      organizationId: string;
      participantIds?: string[];
      openOnly: boolean;
    }): Promise<StoredAlert[]> {
      return prisma.crisisAlert.findMany({
        where: {
          organizationId: where.organizationId,
          ...(where.participantIds ? { participantId: { in: where.participantIds } } : {}),
          ...(where.openOnly ? { acknowledgedAt: null } : {}),
        },
        orderBy: { createdAt: "desc" },
        take: 200,
      });
    },

    /** Acknowledges once: a second acknowledgement does not overwrite the first. */
    async acknowledge(
      id: string,
      byUserId: string,
      note: string,
      at: Date,
    ): Promise<StoredAlert | null> {
      const { count } = await prisma.crisisAlert.updateMany({
        where: { id, acknowledgedAt: null },
        data: { acknowledgedAt: at, acknowledgedById: byUserId, acknowledgedNote: note || null },
      });
      return count > 0 ? prisma.crisisAlert.findUnique({ where: { id } }) : null;
    },
  };
}

export type AlertRepository = ReturnType<typeof createAlertRepository>;
