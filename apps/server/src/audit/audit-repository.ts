import { isInfrastructureFailure } from "../db/unavailable";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import {
  chainHash,
  GENESIS_HASH,
  verifyChain,
  type ChainVerdict,
  type ChainedEvent,
} from "./audit-chain";

/** pg_advisory_xact_lock key that serialises appends to the audit chain across processes. */
const AUDIT_CHAIN_LOCK_KEY = 7_314_002_114;
const BATCH = 1000;

export type AuditEventInput = Omit<
  Prisma.AuditEventUncheckedCreateInput,
  "id" | "occurredAt" | "prevHash" | "hash"
>;

const chainSelect = {
  id: true,
  occurredAt: true,
  organizationId: true,
  actorUserId: true,
  actorRole: true,
  action: true,
  recordType: true,
  recordId: true,
  outcome: true,
  requestId: true,
  ipAddress: true,
  prevHash: true,
  hash: true,
} as const;

function asChained(
  row: Omit<ChainedEvent, "actorRole"> & { actorRole: string | null },
): ChainedEvent {
  return row;
}

/**
 * The statements appending to the chain needs, on the connection (and in the transaction) that
 * holds the chain lock: a Prisma transaction, or a plain SQL one (chat-repository.ts), which
 * spares a busy write path Prisma's cost per query.
 */
export type ChainSql = {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
};

/** The chain statements run through a Prisma transaction. */
export function prismaChainSql(tx: Prisma.TransactionClient): ChainSql {
  return {
    query: <Row>(sql: string, params: unknown[] = []) => tx.$queryRawUnsafe<Row[]>(sql, ...params),
  };
}

type RawChainRow = Omit<ChainedEvent, "id" | "occurredAt" | "prevHash" | "hash"> & {
  id: string;
  occurredAt: Date | string;
};

/**
 * Chains events written before the chain existed (hash still NULL), in id order, after the
 * chained events before them. Must run under the chain lock.
 */
async function sealUnchained(sql: ChainSql): Promise<void> {
  for (;;) {
    const unsealed = await sql.query<RawChainRow>(
      `SELECT "id"::text AS "id", "occurredAt", "organizationId"::text AS "organizationId",
         "actorUserId"::text AS "actorUserId", "actorRole"::text AS "actorRole", "action",
         "recordType", "recordId", "outcome", "requestId", "ipAddress"
       FROM "AuditEvent" WHERE "hash" IS NULL ORDER BY "id" LIMIT ${BATCH}`,
    );
    const first = unsealed[0];
    if (!first) return;
    const [before] = await sql.query<{ hash: string }>(
      `SELECT "hash" FROM "AuditEvent" WHERE "id" < $1::bigint AND "hash" IS NOT NULL
       ORDER BY "id" DESC LIMIT 1`,
      [first.id],
    );
    let prevHash = before?.hash ?? GENESIS_HASH;
    for (const row of unsealed) {
      const event = { ...row, id: BigInt(row.id), occurredAt: new Date(row.occurredAt) };
      const hash = chainHash(prevHash, event);
      await sql.query(
        `UPDATE "AuditEvent" SET "prevHash" = $2, "hash" = $3 WHERE "id" = $1::bigint`,
        [row.id, prevHash, hash],
      );
      prevHash = hash;
    }
  }
}

/** Rows per INSERT: 13 parameters each stays far under PostgreSQL's 65,535. */
const INSERT_ROWS = 1000;
const EVENT_CASTS = [
  "bigint",
  "timestamptz",
  "uuid",
  "uuid",
  '"Role"',
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
  "text",
];
const insertEvents = (count: number) => `
  INSERT INTO "AuditEvent" ("id", "occurredAt", "organizationId", "actorUserId", "actorRole",
    "action", "recordType", "recordId", "outcome", "requestId", "ipAddress", "prevHash", "hash")
  VALUES ${Array.from({ length: count }, (_, row) => `(${EVENT_CASTS.map((cast, col) => `$${row * EVENT_CASTS.length + col + 1}::${cast}`).join(", ")})`).join(", ")}`;

async function lockChain(sql: ChainSql): Promise<void> {
  await sql.query(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})::text AS locked`);
}

/** The chain's last hash ("" when that event is not chained yet) and `count` new ids after it. */
async function headAndIds(
  sql: ChainSql,
  count: number,
): Promise<{ head: string | null; ids: bigint[] }> {
  const [row] = await sql.query<{ head: string | null; ids: string[] }>(
    `SELECT (SELECT coalesce("hash", '') FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1) AS "head",
       ARRAY(SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'id'))::text
             FROM generate_series(1, $1::int)) AS "ids"`,
    [count],
  );
  // Sorted, as chain order is id order.
  const ids = (row?.ids ?? []).map(BigInt).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { head: row?.head ?? null, ids };
}

/**
 * Appends one event to the chain inside `tx`. The advisory lock is held until `tx` commits, so
 * concurrent writers (in this or another process) append one after the other, and the id, drawn
 * under the lock, follows chain order.
 */
export function appendAuditEvent(
  tx: Prisma.TransactionClient,
  data: AuditEventInput,
): Promise<void> {
  return appendAuditEvents(tx, [data]);
}

/**
 * Appends events to the chain inside `tx`, in the order given, under one hold of the chain lock:
 * the lock is held until `tx` commits, so a writer that has many events to record (chat sends
 * gathered into one transaction, see chat-repository.ts) pays for the lock, the head read and
 * the commit once, not once per event.
 */
export function appendAuditEvents(
  tx: Prisma.TransactionClient,
  events: readonly AuditEventInput[],
): Promise<void> {
  return appendChained(prismaChainSql(tx), events);
}

/** `appendAuditEvents` through any connection inside its transaction (see ChainSql). */
export async function appendChained(
  sql: ChainSql,
  events: readonly AuditEventInput[],
): Promise<void> {
  if (events.length === 0) return;
  await lockChain(sql);
  // Drawn under the lock, so every id follows the head's.
  const drawn = await headAndIds(sql, events.length);
  const { ids } = drawn;
  let { head } = drawn;
  if (head === "") {
    await sealUnchained(sql);
    ({ head } = await headAndIds(sql, 0));
  }
  if (ids.length !== events.length) throw new Error("no audit event id");
  let prevHash = head || GENESIS_HASH;
  const occurredAt = new Date();
  const rows = events.map((data, i) => {
    const event = {
      id: ids[i] ?? 0n,
      occurredAt,
      organizationId: data.organizationId ?? null,
      actorUserId: data.actorUserId ?? null,
      actorRole: data.actorRole ?? null,
      action: data.action,
      recordType: data.recordType,
      recordId: data.recordId ?? null,
      outcome: data.outcome,
      requestId: data.requestId ?? null,
      ipAddress: data.ipAddress ?? null,
    };
    const hash = chainHash(prevHash, event);
    const row = { ...event, prevHash, hash };
    prevHash = hash;
    return row;
  });
  // Plain SQL: Prisma's createMany spends ~0.25 ms of CPU a row building the statement, which a
  // batch of chat sends (500 events) would pay on the event loop.
  for (let from = 0; from < rows.length; from += INSERT_ROWS) {
    const chunk = rows.slice(from, from + INSERT_ROWS);
    await sql.query(
      insertEvents(chunk.length),
      chunk.flatMap((row) => [
        row.id.toString(),
        row.occurredAt,
        row.organizationId,
        row.actorUserId,
        row.actorRole,
        row.action,
        row.recordType,
        row.recordId,
        row.outcome,
        row.requestId,
        row.ipAddress,
        row.prevHash,
        row.hash,
      ]),
    );
  }
}

/** Runs `append` in its own transaction when the caller has none. */
export function inChainTransaction<T>(
  prisma: PrismaClient,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return prisma.$transaction(work, { maxWait: 30_000, timeout: 30_000 });
}

/** Events appended in one transaction at most. */
const MAX_APPEND_BATCH = 500;

/**
 * Appends events that have no transaction of their own (reads, refusals, sign-ins). Events that
 * arrive while a transaction holds the chain lock wait and go together in the next one, so a
 * busy clinic takes the lock and commits once per batch, not once per event (group commit).
 * Each append resolves once its event is committed.
 */
export function createAuditAppender(prisma: PrismaClient) {
  const queue: {
    data: AuditEventInput;
    resolve: () => void;
    reject: (error: unknown) => void;
  }[] = [];
  let draining = false;

  async function write(batch: readonly (typeof queue)[number][]): Promise<void> {
    try {
      await inChainTransaction(prisma, (tx) =>
        appendAuditEvents(
          tx,
          batch.map((entry) => entry.data),
        ),
      );
    } catch (error) {
      // Without the database every event fails alike; otherwise one bad event must not take
      // the others down with it, so each is tried on its own.
      if (batch.length === 1 || isInfrastructureFailure(error)) {
        for (const entry of batch) entry.reject(error);
      } else {
        for (const entry of batch) await write([entry]);
      }
      return;
    }
    for (const entry of batch) entry.resolve();
  }

  async function drain(): Promise<void> {
    try {
      while (queue.length > 0) await write(queue.splice(0, MAX_APPEND_BATCH));
    } finally {
      draining = false;
    }
  }

  return {
    append(data: AuditEventInput): Promise<void> {
      return new Promise((resolve, reject) => {
        queue.push({ data, resolve, reject });
        if (!draining) {
          draining = true;
          // Events recorded in the same turn of the event loop go in the first transaction.
          setImmediate(() => void drain());
        }
      });
    },
  };
}

/** One event of an organisation's trail as the audit page lists it (no IP address). */
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

/**
 * The audit trail's storage as the audit log uses it: appends to the chain (on their own, group
 * committed, or inside the caller's transaction), the transaction that may append, and the list.
 */
export function createAuditRepository(prisma: PrismaClient) {
  const appender = createAuditAppender(prisma);
  return {
    /** Appends one event in a transaction of its own, once committed. */
    append: (data: AuditEventInput): Promise<void> => appender.append(data),

    /** Appends one event inside `tx`, so it commits (or not) with the caller's write. */
    appendIn: (tx: Prisma.TransactionClient, data: AuditEventInput): Promise<void> =>
      appendAuditEvent(tx, data),

    /** Runs `work` in a transaction long enough to wait for the chain lock. */
    transaction: <T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> =>
      inChainTransaction(prisma, work),

    /** An organisation's events, newest first, `before` an event id when paging. */
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

export type AuditRepository = ReturnType<typeof createAuditRepository>;

/** Chains rows written before the chain existed; called at start. */
export function sealAuditChain(prisma: PrismaClient): Promise<void> {
  return inChainTransaction(prisma, async (tx) => {
    const sql = prismaChainSql(tx);
    await lockChain(sql);
    await sealUnchained(sql);
  });
}

/** Checks the whole chain from its first event, in batches. */
export async function verifyAuditChain(prisma: PrismaClient): Promise<ChainVerdict> {
  let expected = GENESIS_HASH;
  let after: bigint | undefined;
  let checked = 0;
  for (;;) {
    const rows = await prisma.auditEvent.findMany({
      where: after === undefined ? {} : { id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: chainSelect,
    });
    const verdict = verifyChain(rows.map(asChained), expected);
    checked += verdict.checked;
    if (!verdict.ok) return { ...verdict, checked };
    const last = rows.at(-1);
    if (!last || last.hash === null) return { ok: true, checked };
    expected = last.hash;
    after = last.id;
  }
}

/** Checks the last `count` events (and their link to the event before them). */
export async function verifyAuditTail(prisma: PrismaClient, count = 1000): Promise<ChainVerdict> {
  const rows = await prisma.auditEvent.findMany({
    orderBy: { id: "desc" },
    take: count + 1,
    select: chainSelect,
  });
  rows.reverse();
  const startsAtGenesis = rows.length <= count;
  return verifyChain(rows.map(asChained), startsAtGenesis ? GENESIS_HASH : null);
}
