import { randomUUID } from "node:crypto";
import { CHAT_SINCE_PAGE_SIZE, roomKey, type ChatMessageDto } from "@bridgeway/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient } from "../testing/http-client";
import { LiveClient, type Reply } from "../testing/live-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

const P = DEMO_ACCOUNTS.participants;
const opened: LiveClient[] = [];

async function liveOn(server: TestServer, email: string): Promise<LiveClient> {
  const client = await signedInClient(server.url, email, TEST_PASSWORD);
  const live = new LiveClient(server.url, client.cookieHeader());
  opened.push(live);
  await live.connected();
  return live;
}

function expectOk<T>(reply: Reply<T>): { ok: true } & T {
  if (!reply.ok) throw new Error(`refused: ${reply.error.code} ${reply.error.message}`);
  return reply;
}

afterEach(() => {
  for (const live of opened.splice(0)) live.close();
});

describe.each(databaseKinds())("chat catch-up on %s", (kind) => {
  const clock = new ManualClock();
  let server: TestServer;
  let cohortRoom = "";

  beforeAll(async () => {
    // A stopped clock: messages sent now all get the same wall time.
    server = await startTestServer({ kind, clock });
    const cohort = await server.db.prisma.cohort.findFirstOrThrow({
      where: { name: "Evening track" },
    });
    cohortRoom = roomKey({ kind: "cohort", cohortId: cohort.id });
  });
  afterAll(async () => {
    await server.close();
  });

  it("brings a reader who was offline while 1,050 messages passed every one of them, in order, exactly once, a page at a time", async () => {
    const writer = await liveOn(server, P[0]);
    const reader = await liveOn(server, P[1]);
    expectOk(await writer.request("chat:subscribe", { roomKey: cohortRoom }));
    expectOk(await reader.request("chat:subscribe", { roomKey: cohortRoom }));

    const firstId = randomUUID();
    expectOk(
      await writer.request("chat:send", { roomKey: cohortRoom, clientId: firstId, body: "m-0" }),
    );
    const lastSeen = await reader.waitFor<ChatMessageDto>(
      "chat:message",
      (m) => m.clientId === firstId,
    );
    reader.close();

    // A busy room while the reader is away: written straight to the database (as many
    // senders on other processes would), several to a millisecond, so order ties are broken by
    // the server's order and not by arrival.
    const count = 1050;
    const writerId = lastSeen.author.userId;
    const base = new Date(lastSeen.createdAt).getTime() + 1;
    await server.db.prisma.chatMessage.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        roomKey: cohortRoom,
        authorId: writerId,
        clientId: randomUUID(),
        authorName: lastSeen.author.displayName,
        body: `m-${i + 1}`,
        createdAt: new Date(base + Math.floor(i / 3)),
      })),
    });
    const stored = await server.db.prisma.chatMessage.findMany({
      where: { roomKey: cohortRoom, createdAt: { gte: new Date(base) } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(stored).toHaveLength(count);

    const back = await liveOn(server, P[1]);
    expectOk(await back.request("chat:subscribe", { roomKey: cohortRoom }));
    const received: ChatMessageDto[] = [];
    const pageSizes: number[] = [];
    let after = lastSeen.id;
    for (;;) {
      const page = expectOk(
        await back.request<{ messages: ChatMessageDto[]; hasMore: boolean }>("chat:since", {
          roomKey: cohortRoom,
          after,
        }),
      );
      pageSizes.push(page.messages.length);
      received.push(...page.messages);
      const last = page.messages.at(-1);
      if (!page.hasMore || !last) break;
      after = last.id;
    }

    expect(pageSizes.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...pageSizes)).toBeLessThanOrEqual(CHAT_SINCE_PAGE_SIZE);
    expect(new Set(received.map((m) => m.id)).size).toBe(received.length);
    expect(received.map((m) => m.id)).toEqual(stored.map((m) => m.id));
  }, 120_000);

  it("delivers and stores one sender's messages in the order sent, even sent without waiting and within one millisecond", async () => {
    const writer = await liveOn(server, P[0]);
    const reader = await liveOn(server, P[1]);
    expectOk(await writer.request("chat:subscribe", { roomKey: cohortRoom }));
    expectOk(await reader.request("chat:subscribe", { roomKey: cohortRoom }));
    const run = randomUUID().slice(0, 8);
    const bodies = Array.from({ length: 8 }, (_, i) => `${run}-${i}`);
    const replies = await Promise.all(
      bodies.map((body) =>
        writer.request<{ message: ChatMessageDto }>("chat:send", {
          roomKey: cohortRoom,
          clientId: randomUUID(),
          body,
        }),
      ),
    );
    const ids = replies.map((reply) => expectOk(reply).message.id);
    await reader.waitFor<ChatMessageDto>("chat:message", (m) => m.id === ids.at(-1));
    const live = reader.events
      .filter((e) => e.event === "chat:message")
      .map((e) => (e.payload as ChatMessageDto).body)
      .filter((body) => body.startsWith(run));
    expect(live).toEqual(bodies);
    const stored = await server.db.prisma.chatMessage.findMany({
      where: { id: { in: ids } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(stored.map((m) => m.body)).toEqual(bodies);
  });

  it("answers hasMore false when the page reaches the present, and honours a smaller limit", async () => {
    // After the busy hour written above, whatever order the tests run in.
    clock.advance(60_000);
    const writer = await liveOn(server, P[0]);
    expectOk(await writer.request("chat:subscribe", { roomKey: cohortRoom }));
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const reply = expectOk(
        await writer.request<{ message: ChatMessageDto }>("chat:send", {
          roomKey: cohortRoom,
          clientId: randomUUID(),
          body: `small-${i}`,
        }),
      );
      ids.push(reply.message.id);
    }
    const first = expectOk(
      await writer.request<{ messages: ChatMessageDto[]; hasMore: boolean }>("chat:since", {
        roomKey: cohortRoom,
        after: ids[0],
        limit: 1,
      }),
    );
    expect(first.messages.map((m) => m.body)).toEqual(["small-1"]);
    expect(first.hasMore).toBe(true);
    const rest = expectOk(
      await writer.request<{ messages: ChatMessageDto[]; hasMore: boolean }>("chat:since", {
        roomKey: cohortRoom,
        after: ids[1],
      }),
    );
    expect(rest.messages.map((m) => m.body)).toEqual(["small-2"]);
    expect(rest.hasMore).toBe(false);
  });

  it("refuses a catch-up page larger than the server answers, naming the field", async () => {
    const writer = await liveOn(server, P[0]);
    const reply = await writer.request("chat:since", {
      roomKey: cohortRoom,
      after: randomUUID(),
      limit: CHAT_SINCE_PAGE_SIZE + 1,
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(Object.keys(reply.error.fields ?? {})).toContain("limit");
  });
});
