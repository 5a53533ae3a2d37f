import { randomUUID } from "node:crypto";
import { roomKey, type ChatMessageDto } from "@bridgeway/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient } from "../testing/http-client";
import { LiveClient, type Reply } from "../testing/live-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";
import { DEFAULT_CHAT_RATE_LIMITS } from "./chat-rate-limit";

const [FLOODER, OTHER, THIRD] = DEMO_ACCOUNTS.participants;
const opened: LiveClient[] = [];

afterEach(() => {
  for (const live of opened.splice(0)) live.close();
});

describe.each(databaseKinds())("chat flood on %s", (kind) => {
  // A stopped clock: no budget refills while the test runs, however slow the machine.
  const clock = new ManualClock(new Date("2026-11-23T15:00:00Z"));
  let server: TestServer;
  let room = "";

  beforeAll(async () => {
    server = await startTestServer({ kind, clock });
    const cohort = await server.db.prisma.cohort.findFirstOrThrow({
      where: { name: "Evening track" },
    });
    room = roomKey({ kind: "cohort", cohortId: cohort.id });
  }, 180_000);
  afterAll(async () => {
    await server.close();
  });

  async function person(email: string) {
    const client = await signedInClient(server.url, email, TEST_PASSWORD);
    const live = new LiveClient(server.url, client.cookieHeader());
    opened.push(live);
    await live.connected();
    const subscribed = await live.request("chat:subscribe", { roomKey: room });
    if (!subscribed.ok) throw new Error(subscribed.error.message);
    const id = (await server.db.prisma.user.findUniqueOrThrow({ where: { email } })).id;
    return { live, id };
  }

  const send = (live: LiveClient, body: string, clientId = randomUUID()) =>
    live.request<{ message: ChatMessageDto }>("chat:send", { roomKey: room, clientId, body });

  it("refuses one person's flood with a clear code, stores none of it, and still delivers others' messages", async () => {
    const flooder = await person(FLOODER);
    const other = await person(OTHER);
    const before = await server.db.prisma.chatMessage.count({ where: { authorId: flooder.id } });

    const flood = 60;
    const replies: Promise<Reply<{ message: ChatMessageDto }>>[] = [];
    for (let i = 0; i < flood; i += 1) replies.push(send(flooder.live, `flood ${i}`));
    // Sent while the flood is arriving: it must arrive, and be stored, all the same.
    const otherClientId = randomUUID();
    const otherReply = send(other.live, "hello from someone else", otherClientId);
    const answers = await Promise.all(replies);

    const accepted = answers.filter((r) => r.ok);
    const refused = answers.flatMap((r) => (r.ok ? [] : [r.error]));
    expect(accepted).toHaveLength(DEFAULT_CHAT_RATE_LIMITS.burstMessages);
    expect(refused).toHaveLength(flood - DEFAULT_CHAT_RATE_LIMITS.burstMessages);
    for (const error of refused) {
      expect(error.code).toBe("rate_limited");
      expect(error.message).toMatch(/sending messages too fast/);
    }
    expect(await server.db.prisma.chatMessage.count({ where: { authorId: flooder.id } })).toBe(
      before + DEFAULT_CHAT_RATE_LIMITS.burstMessages,
    );

    const answer = await otherReply;
    expect(answer.ok).toBe(true);
    // The flooder, mid-flood, receives the other person's message by event.
    const seen = await flooder.live.waitFor<ChatMessageDto>(
      "chat:message",
      (m) => m.clientId === otherClientId,
    );
    expect(seen.body).toBe("hello from someone else");
    // Nobody else saw a refused message.
    const floodSeen = other.live.events
      .filter((e) => e.event === "chat:message")
      .map((e) => (e.payload as ChatMessageDto).body)
      .filter((body) => body.startsWith("flood "));
    expect(floodSeen.length).toBeLessThanOrEqual(DEFAULT_CHAT_RATE_LIMITS.burstMessages);

    // The budget refills with time: after a second, two more go through.
    clock.advance(1000);
    expect((await send(flooder.live, "after a pause")).ok).toBe(true);
    expect((await send(flooder.live, "and one more")).ok).toBe(true);
    const third = await send(flooder.live, "one too many");
    expect(third.ok ? "sent" : third.error.code).toBe("rate_limited");
  });

  it("limits the bytes of long messages as well as their number", async () => {
    clock.advance(60_000);
    const sender = await person(THIRD);
    const long = "x".repeat(4000);
    const answers: boolean[] = [];
    for (let i = 0; i < 8; i += 1) answers.push((await send(sender.live, long)).ok);
    const fit = Math.floor(DEFAULT_CHAT_RATE_LIMITS.burstBytes / 4000);
    expect(answers).toEqual([
      ...Array<boolean>(fit).fill(true),
      ...Array<boolean>(8 - fit).fill(false),
    ]);
  });
});
