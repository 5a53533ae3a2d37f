import type {
  AuditActionName,
  AuditOrder,
  AuditReportRow,
  AuditSort,
  Role,
} from "@bridgeway/domain";
import { Prisma, type PrismaClient } from "../generated/prisma/client";

/** The report's filters with the days already turned into instants (`before` exclusive). */
export type AuditRowFilter = {
  organizationId: string;
  since?: Date;
  before?: Date;
  actorId?: string;
  participantId?: string;
  action?: AuditActionName;
  sort: AuditSort;
  order: AuditOrder;
};

type ReportRow = {
  id: string;
  occurredAt: Date | string;
  actorUserId: string | null;
  actorRole: string | null;
  actorFirstName: string | null;
  actorPreferredName: string | null;
  actorLastName: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  outcome: string;
  participantId: string | null;
  participantFirstName: string | null;
  participantPreferredName: string | null;
  participantLastName: string | null;
};

const UUID_PATTERN =
  "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

/**
 * Audit events with the people they name. The participant concerned is the one whose id the
 * record carries, directly (their profile, account, safety plan, assessments) or through one of
 * their enrollments (treatment plans); events about a whole session or cohort name nobody.
 * Record ids are free text, so they are cast to uuid only when they look like one.
 */
const FROM_JOINED = Prisma.sql`
    FROM "AuditEvent" e
    LEFT JOIN "User" a ON a."id" = e."actorUserId"
    LEFT JOIN "Enrollment" en
      ON en."id" = CASE WHEN e."recordId" ~ ${UUID_PATTERN} THEN e."recordId"::uuid END
    LEFT JOIN "User" p
      ON p."id" = COALESCE(
           en."participantUserId",
           CASE WHEN e."recordId" ~ ${UUID_PATTERN} THEN e."recordId"::uuid END)
     AND p."role" = 'PARTICIPANT'
     AND p."organizationId" = e."organizationId"`;

function whereOf(filter: AuditRowFilter): Prisma.Sql {
  const conditions = [Prisma.sql`e."organizationId" = ${filter.organizationId}::uuid`];
  if (filter.since) conditions.push(Prisma.sql`e."occurredAt" >= ${filter.since}`);
  if (filter.before) conditions.push(Prisma.sql`e."occurredAt" < ${filter.before}`);
  if (filter.actorId) conditions.push(Prisma.sql`e."actorUserId" = ${filter.actorId}::uuid`);
  if (filter.participantId) conditions.push(Prisma.sql`p."id" = ${filter.participantId}::uuid`);
  if (filter.action) conditions.push(Prisma.sql`e."action" = ${filter.action}`);
  return Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`;
}

/** ORDER BY from the whitelisted sort and order only; ties fall back to the event id. */
function orderOf(sort: AuditSort, order: AuditOrder): Prisma.Sql {
  const dir = Prisma.raw(order === "asc" ? "ASC" : "DESC");
  switch (sort) {
    case "time":
      return Prisma.sql`ORDER BY e."occurredAt" ${dir}, e."id" ${dir}`;
    case "actor":
      // The system (no actor) comes last either way.
      return Prisma.sql`ORDER BY (a."id" IS NULL), lower(a."lastName") ${dir},
        lower(COALESCE(a."preferredName", a."firstName")) ${dir}, e."id" DESC`;
    case "action":
      return Prisma.sql`ORDER BY e."action" COLLATE "C" ${dir}, e."id" DESC`;
  }
}

const SELECT = Prisma.sql`
  SELECT e."id"::text AS "id", e."occurredAt", e."actorUserId"::text AS "actorUserId",
         e."actorRole"::text AS "actorRole",
         a."firstName" AS "actorFirstName", a."preferredName" AS "actorPreferredName",
         a."lastName" AS "actorLastName",
         e."action", e."recordType", e."recordId", e."outcome",
         p."id"::text AS "participantId",
         p."firstName" AS "participantFirstName", p."preferredName" AS "participantPreferredName",
         p."lastName" AS "participantLastName"`;

function nameOf(first: string | null, preferred: string | null, last: string | null): string {
  return `${preferred ?? first ?? ""} ${last ?? ""}`.trim();
}

const ROLES: readonly Role[] = ["ADMIN", "FACILITATOR", "PARTICIPANT", "FAMILY"];
const asRole = (value: string | null): Role | null => ROLES.find((role) => role === value) ?? null;

function toRow(row: ReportRow): AuditReportRow {
  const occurredAt = row.occurredAt instanceof Date ? row.occurredAt : new Date(row.occurredAt);
  return {
    id: row.id,
    occurredAt: occurredAt.toISOString(),
    actor: row.actorUserId
      ? {
          id: row.actorUserId,
          name:
            nameOf(row.actorFirstName, row.actorPreferredName, row.actorLastName) ||
            "Unknown person",
          role: asRole(row.actorRole),
        }
      : null,
    action: row.action,
    recordType: row.recordType,
    recordId: row.recordId,
    participant: row.participantId
      ? {
          id: row.participantId,
          name: nameOf(
            row.participantFirstName,
            row.participantPreferredName,
            row.participantLastName,
          ),
        }
      : null,
    outcome: row.outcome,
  };
}

/** Reads the audit trail for the admin report; it never writes (the table is append-only). */
export function createAuditReportRepository(prisma: PrismaClient) {
  return {
    async count(filter: AuditRowFilter): Promise<number> {
      const [row] = await prisma.$queryRaw<{ total: number | bigint | string }[]>`
        SELECT count(*)::int AS "total" ${FROM_JOINED} ${whereOf(filter)}`;
      return Number(row?.total ?? 0);
    },

    async rows(
      filter: AuditRowFilter,
      page: { limit: number; offset: number },
    ): Promise<AuditReportRow[]> {
      const rows = await prisma.$queryRaw<ReportRow[]>`
        ${SELECT} ${FROM_JOINED} ${whereOf(filter)} ${orderOf(filter.sort, filter.order)}
        LIMIT ${page.limit} OFFSET ${page.offset}`;
      return rows.map(toRow);
    },

    /** Everyone in the clinic, by name: the choices of the report's people filters. */
    async people(organizationId: string): Promise<{ id: string; name: string; role: Role }[]> {
      const users = await prisma.user.findMany({
        where: { organizationId },
        orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
        select: { id: true, firstName: true, preferredName: true, lastName: true, role: true },
      });
      return users.map((u) => ({
        id: u.id,
        name: nameOf(u.firstName, u.preferredName, u.lastName),
        role: u.role,
      }));
    },
  };
}

export type AuditReportRepository = ReturnType<typeof createAuditReportRepository>;
