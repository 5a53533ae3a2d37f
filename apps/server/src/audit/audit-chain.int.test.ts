import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, type TestServer } from "../testing/test-server";
import { GENESIS_HASH } from "./audit-chain";
import { createAuditLog, type AuditContext } from "./audit-log";
import {
  createAuditRepository,
  sealAuditChain,
  verifyAuditChain,
  verifyAuditTail,
} from "./audit-repository";

describe.each(databaseKinds())("the audit chain on %s", (kind) => {
  let server: TestServer;
  let context: AuditContext;

  const sql = (text: string) => server.db.prisma.$executeRawUnsafe(text);

  beforeAll(async () => {
    server = await startTestServer({ kind });
    const admin = await server.db.prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    context = {
      actor: { userId: admin.id, role: "ADMIN", organizationId: admin.organizationId },
      requestId: "req-chain",
    };
  });
  afterAll(async () => {
    await server.close();
  });

  async function health(): Promise<{ status: string; audit: string }> {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    return (await response.json()) as { status: string; audit: string };
  }

  it("chains events written concurrently into one linear chain", async () => {
    const audit = createAuditLog(createAuditRepository(server.db.prisma));
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        i % 2 === 0
          ? audit.record(context, "read", { type: "participant", id: `p-${i}` }, "success")
          : audit.change(
              context,
              "create",
              "program",
              (tx) =>
                tx.program.create({
                  data: {
                    organizationId: context.actor?.organizationId ?? "",
                    name: `Program ${i}`,
                  },
                }),
              (p) => p.id,
            ),
      ),
    );
    const rows = await server.db.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(rows.length).toBeGreaterThanOrEqual(25);
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    rows.slice(1).forEach((row, i) => expect(row.prevHash).toBe(rows[i]?.hash));
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(rows.length);
    await expect(verifyAuditChain(server.db.prisma)).resolves.toMatchObject({
      ok: true,
      checked: rows.length,
    });
    await expect(health()).resolves.toMatchObject({ status: "ok", audit: "ok" });
  });

  it("chains rows written before the chain existed, in id order, after the chained ones", async () => {
    for (const recordId of ["legacy-1", "legacy-2"]) {
      await sql(
        `INSERT INTO "AuditEvent" ("action", "recordType", "recordId", "outcome") VALUES ('read', 'participant', '${recordId}', 'success')`,
      );
    }
    await expect(verifyAuditChain(server.db.prisma)).resolves.toMatchObject({ ok: false });
    await sealAuditChain(server.db.prisma);
    await expect(verifyAuditChain(server.db.prisma)).resolves.toMatchObject({ ok: true });
    const audit = createAuditLog(createAuditRepository(server.db.prisma));
    await audit.record(context, "read", { type: "participant", id: "after-legacy" }, "success");
    const [last, legacy] = await server.db.prisma.auditEvent.findMany({
      orderBy: { id: "desc" },
      take: 2,
    });
    expect(legacy?.recordId).toBe("legacy-2");
    expect(last?.prevHash).toBe(legacy?.hash);
    await expect(verifyAuditChain(server.db.prisma)).resolves.toMatchObject({ ok: true });
  });

  it("chains a row written before the chain existed when the next event is appended", async () => {
    await sql(
      `INSERT INTO "AuditEvent" ("action", "recordType", "recordId", "outcome") VALUES ('read', 'participant', 'legacy-3', 'success')`,
    );
    const audit = createAuditLog(createAuditRepository(server.db.prisma));
    await audit.record(context, "read", { type: "participant", id: "after-legacy-3" }, "success");
    const [last, legacy] = await server.db.prisma.auditEvent.findMany({
      orderBy: { id: "desc" },
      take: 2,
    });
    expect(legacy?.recordId).toBe("legacy-3");
    expect(legacy?.hash).not.toBeNull();
    expect(last?.prevHash).toBe(legacy?.hash);
    await expect(verifyAuditChain(server.db.prisma)).resolves.toMatchObject({ ok: true });
  });

  it("refuses to update, delete or truncate audit rows in the database", async () => {
    const row = await server.db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "asc" } });
    await expect(
      server.db.prisma.auditEvent.update({ where: { id: row.id }, data: { outcome: "denied" } }),
    ).rejects.toThrow(/append-only/);
    await expect(server.db.prisma.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(
      /append-only/,
    );
    // Raw statements: the PGlite adapter does not pass the database's message on.
    await expect(
      sql(`UPDATE "AuditEvent" SET "hash" = NULL WHERE "id" = ${row.id}`),
    ).rejects.toThrow();
    await expect(sql(`DELETE FROM "AuditEvent"`)).rejects.toThrow();
    await expect(sql(`TRUNCATE "AuditEvent"`)).rejects.toThrow();
    await expect(
      server.db.prisma.auditEvent.findUniqueOrThrow({ where: { id: row.id } }),
    ).resolves.toEqual(row);
  });

  it("detects a row changed behind the trigger's back, in the command's check and in /api/health", async () => {
    const rows = await server.db.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    const target = rows[Math.floor(rows.length / 2)];
    if (!target) throw new Error("no audit rows");
    await sql(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only_row"`);
    try {
      await sql(`UPDATE "AuditEvent" SET "outcome" = 'denied' WHERE "id" = ${target.id}`);
    } finally {
      await sql(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only_row"`);
    }
    await expect(verifyAuditChain(server.db.prisma)).resolves.toMatchObject({
      ok: false,
      eventId: target.id.toString(),
      reason: "changed",
    });
    await expect(verifyAuditTail(server.db.prisma)).resolves.toMatchObject({ ok: false });
    await expect(health()).resolves.toMatchObject({ status: "degraded", audit: "broken" });
  });

  it("detects a removed row by the event after it", async () => {
    const rows = await server.db.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    const [removed, next] = [rows[1], rows[2]];
    if (!removed || !next) throw new Error("no audit rows");
    await sql(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only_row"`);
    try {
      await sql(`DELETE FROM "AuditEvent" WHERE "id" = ${removed.id}`);
    } finally {
      await sql(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only_row"`);
    }
    await expect(verifyAuditChain(server.db.prisma)).resolves.toMatchObject({
      ok: false,
      eventId: next.id.toString(),
      reason: "unlinked",
    });
  });
});
