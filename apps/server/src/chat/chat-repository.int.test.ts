import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/audit-repository";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, type TestServer } from "../testing/test-server";
import { createChatRepository, type ChatRepository } from "./chat-repository";

/*
 * Sends that arrive together are stored in one transaction (group commit); each must still end
 * up stored once with exactly one audit event in a chain that verifies, and a send the database
 * refuses must fail on its own.
 */
describe.each(databaseKinds())("storing chat messages together on %s", (kind) => {
  let server: TestServer;
  let chat: ChatRepository;
  let organizationId: string;
  let authors: string[];

  beforeAll(async () => {
    server = await startTestServer({ kind });
    chat = createChatRepository(server.db.prisma, server.db.sql);
    const participants = await server.db.prisma.user.findMany({
      where: { role: "PARTICIPANT" },
      take: 4,
    });
    organizationId = participants[0]?.organizationId ?? "";
    authors = participants.map((p) => p.id);
  });
  afterAll(async () => {
    await server.close();
  });

  const send = (authorId: string, clientId: string, body: string, roomKey = "room:batch") =>
    chat.storeAudited(
      { roomKey, authorId, clientId, authorName: "Sam", body, createdAt: new Date() },
      { organizationId, role: "PARTICIPANT" },
    );

  async function auditEventsFor(ids: string[]) {
    return server.db.prisma.auditEvent.findMany({
      where: { recordType: "chat-message", recordId: { in: ids } },
    });
  }

  it("stores sends made at once each with one audit event, and answers a repeated send with the first", async () => {
    const sends = Array.from({ length: 60 }, (_, i) => ({
      authorId: authors[i % authors.length] ?? "",
      clientId: randomUUID(),
      body: `message ${i}`,
    }));
    const first = sends[0];
    if (!first) throw new Error("no sends");
    const results = await Promise.all([
      ...sends.map((s) => send(s.authorId, s.clientId, s.body)),
      // The same send again in the same batch: stored once, answered with the stored message.
      send(first.authorId, first.clientId, first.body),
    ]);
    const created = results.filter((r) => r.created);
    expect(created).toHaveLength(60);
    expect(results.at(-1)).toMatchObject({
      created: false,
      message: { id: results[0].message.id },
    });
    results.slice(0, 60).forEach((r, i) => expect(r.message.body).toBe(`message ${i}`));

    const ids = created.map((r) => r.message.id);
    expect(await server.db.prisma.chatMessage.count({ where: { id: { in: ids } } })).toBe(60);
    const events = await auditEventsFor(ids);
    expect(events).toHaveLength(60);
    expect(new Set(events.map((e) => e.recordId))).toEqual(new Set(ids));
    await expect(verifyAuditChain(server.db.prisma)).resolves.toMatchObject({ ok: true });
  });

  it("fails a send the database refuses on its own and still stores the others sent with it", async () => {
    const good = authors.map((authorId, i) => send(authorId, randomUUID(), `kept ${i}`));
    // Not a uuid: the database refuses the row, and with it the batch's first attempt.
    const bad = send("not-a-user-id", randomUUID(), "refused");
    const [badResult, ...goodResults] = await Promise.allSettled([bad, ...good]);
    expect(badResult.status).toBe("rejected");
    const stored = goodResults.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(stored).toHaveLength(authors.length);
    const ids = stored.map((r) => r.message.id);
    expect(await server.db.prisma.chatMessage.count({ where: { id: { in: ids } } })).toBe(
      authors.length,
    );
    expect(await auditEventsFor(ids)).toHaveLength(authors.length);
    expect(await server.db.prisma.chatMessage.count({ where: { body: "refused" } })).toBe(0);
    await expect(verifyAuditChain(server.db.prisma)).resolves.toMatchObject({ ok: true });
  });
});
