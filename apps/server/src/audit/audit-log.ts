import type { Actor } from "@bridgeway/domain";
import type { Transaction } from "../db/database";
import type { AuditEvent, AuditEventInput, AuditRepository } from "./audit-repository";

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
export function createAuditLog(repo: AuditRepository) {
  async function record(
    context: AuditContext,
    action: AuditAction,
    ref: AuditRecordRef,
    outcome: AuditOutcome,
    options: { organizationId?: string; writer?: Transaction } = {},
  ): Promise<void> {
    // Every event is chained to the one before it (see audit-repository.ts).
    const data = eventData(context, action, ref, outcome, options.organizationId);
    if (options.writer) await repo.appendIn(options.writer, data);
    else await repo.append(data);
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
      write: (tx: Transaction) => Promise<T>,
      idOf: (result: T) => string | undefined,
    ): Promise<T> {
      return repo.transaction(async (tx) => {
        const result = await write(tx);
        await record(context, action, { type, id: idOf(result) }, "success", { writer: tx });
        return result;
      });
    },

    /** Records a refused attempt on a record that exists (it still answers not-found). */
    denied(context: AuditContext, action: AuditAction, ref: AuditRecordRef): Promise<void> {
      return record(context, action, ref, "denied");
    },

    /**
     * Runs several writes, and the events recorded for them with `writer: tx`, in one
     * transaction: for work that `change` (one write, one event) does not fit.
     */
    transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
      return repo.transaction(work);
    },

    list(organizationId: string, page: { limit: number; before?: string }): Promise<AuditEvent[]> {
      return repo.list(organizationId, page);
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
