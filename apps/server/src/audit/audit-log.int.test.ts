import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, type TestServer } from "../testing/test-server";
import { createAuditLog, type AuditContext } from "./audit-log";
import { createAuditRepository } from "./audit-repository";

describe.each(databaseKinds())("the audit helper on %s", (kind) => {
  let server: TestServer;
  let context: AuditContext;

  beforeAll(async () => {
    server = await startTestServer({ kind });
    const admin = await server.db.prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    context = {
      actor: { userId: admin.id, role: "ADMIN", organizationId: admin.organizationId },
      requestId: "req-1",
      ipAddress: "127.0.0.1",
    };
  });
  afterAll(async () => {
    await server.close();
  });

  it("stores a change and its audit event together", async () => {
    const audit = createAuditLog(createAuditRepository(server.db.prisma));
    const program = await audit.change(
      context,
      "create",
      "program",
      (tx) =>
        tx.program.create({
          data: { organizationId: context.actor?.organizationId ?? "", name: "Adolescent IOP" },
        }),
      (p) => p.id,
    );
    const events = await server.db.prisma.auditEvent.findMany({ where: { recordId: program.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "create",
      recordType: "program",
      outcome: "success",
      actorUserId: context.actor?.userId,
      actorRole: "ADMIN",
      organizationId: context.actor?.organizationId,
      requestId: "req-1",
    });
  });

  it("leaves neither the change nor an audit event when the change fails part-way", async () => {
    const audit = createAuditLog(createAuditRepository(server.db.prisma));
    const before = await server.db.prisma.auditEvent.count();
    await expect(
      audit.change(
        context,
        "create",
        "program",
        async (tx) => {
          await tx.program.create({
            data: {
              organizationId: context.actor?.organizationId ?? "",
              name: "Half-written program",
            },
          });
          throw new Error("second step failed");
        },
        () => undefined,
      ),
    ).rejects.toThrow("second step failed");
    expect(await server.db.prisma.program.count({ where: { name: "Half-written program" } })).toBe(
      0,
    );
    expect(await server.db.prisma.auditEvent.count()).toBe(before);
  });

  it("records a read after the data has been loaded, and not when loading fails", async () => {
    const audit = createAuditLog(createAuditRepository(server.db.prisma));
    const before = await server.db.prisma.auditEvent.count({
      where: { action: "read", recordType: "cohort" },
    });
    await audit.read(context, { type: "cohort", id: "c-1" }, () => Promise.resolve("loaded"));
    await expect(
      audit.read(context, { type: "cohort", id: "c-2" }, () => Promise.reject(new Error("gone"))),
    ).rejects.toThrow("gone");
    const after = await server.db.prisma.auditEvent.findMany({
      where: { action: "read", recordType: "cohort" },
      orderBy: { id: "asc" },
    });
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)?.recordId).toBe("c-1");
  });
});
