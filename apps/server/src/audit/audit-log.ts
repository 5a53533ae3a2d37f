import type { Actor } from "@bridgeway/domain";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import {
  appendAuditEvent,
  createAuditAppender,
  inChainTransaction,
  type AuditEventInput,
} from "./audit-repository";

export type AuditAction =
  "read" | "create" | "update" | "delete" | "login" | "login_failed" | "logout";

export type AuditOutcome = "success" | "denied" | "failure";

/** Which record was touched. Ids only: never names, clinical text or message bodies. */
export type AuditRecordRef = { type: string; id?: string };

/** Who is acting and on which request; built once per request. */
export type AuditContext = {
  actor?: Actor;
  requestId?: string;
  ipAddress?: string;
};

export type AuditEvent = {
  id: string;
  occurredAt: string;
  organizationId: string | null;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  outcome: string;
  requestId: string | null;
};

type Writer = Prisma.TransactionClient;

function eventData(
  context: AuditContext,
  action: AuditAction,
  record: AuditRecordRef,
  outcome: AuditOutcome,
  organizationId?: string,
): AuditEventInput {
  return {
    organizationId: context.actor?.organizationId ?? organizationId ?? null,
    actorUserId: context.actor?.userId ?? null,
    actorRole: context.actor?.role ?? null,
    action,
    recordType: record.type,
    recordId: record.id ?? null,
    outcome,
    requestId: context.requestId ?? null,
    ipAddress: context.ipAddress ?? null,
  };
}

/**
 * The audit trail, and the one helper every clinical read and write goes through: `read` loads
 * and records the read; `change` writes and records the change in one transaction, so a change
 * is never stored without its audit event (nor the event without the change).
 */
export function createAuditLog(prisma: PrismaClient) {
  const appender = createAuditAppender(prisma);

  async function record(
    context: AuditContext,
    action: AuditAction,
    ref: AuditRecordRef,
    outcome: AuditOutcome,
    options: { organizationId?: string; writer?: Writer } = {},
  ): Promise<void> {
    // Every event is chained to the one before it (see audit-repository.ts).
    const data = eventData(context, action, ref, outcome, options.organizationId);
    if (options.writer) await appendAuditEvent(options.writer, data);
    else await appender.append(data);
  }

  return {
    record,

    async read<T>(context: AuditContext, ref: AuditRecordRef, load: () => Promise<T>): Promise<T> {
      const result = await load();
      await record(context, "read", ref, "success");
      return result;
    },

    async change<T>(
      context: AuditContext,
      action: "create" | "update" | "delete",
      type: string,
      write: (tx: Prisma.TransactionClient) => Promise<T>,
      idOf: (result: T) => string | undefined,
    ): Promise<T> {
      return inChainTransaction(prisma, async (tx) => {
        const result = await write(tx);
        await record(context, action, { type, id: idOf(result) }, "success", { writer: tx });
        return result;
      });
    },

    /** Records a refused attempt on a record that exists (it still answers not-found). */
    denied(context: AuditContext, action: AuditAction, ref: AuditRecordRef): Promise<void> {
      return record(context, action, ref, "denied");
    },

    async list(
      organizationId: string,
      page: { limit: number; before?: string },
    ): Promise<AuditEvent[]> {
      const rows = await prisma.auditEvent.findMany({
        where: {
          organizationId,
          ...(page.before ? { id: { lt: BigInt(page.before) } } : {}),
        },
        orderBy: { id: "desc" },
        take: page.limit,
      });
      return rows.map((row) => ({
        id: row.id.toString(),
        occurredAt: row.occurredAt.toISOString(),
        organizationId: row.organizationId,
        actorUserId: row.actorUserId,
        actorRole: row.actorRole,
        action: row.action,
        recordType: row.recordType,
        recordId: row.recordId,
        outcome: row.outcome,
        requestId: row.requestId,
      }));
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
