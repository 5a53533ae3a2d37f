import { randomUUID } from "node:crypto";
import { roomKey, type ChatMessageDto } from "@bridgeway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient } from "../testing/http-client";
import { LiveClient } from "../testing/live-client";
import { OwnRedis } from "../testing/own-redis";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

const P = DEMO_ACCOUNTS.participants;

type Health = { status: string; redis?: string };

async function health(server: TestServer): Promise<{ status: number; body: Health }> {
  const response = await fetch(`${server.url}/api/health`);
  return { status: response.status, body: (await response.json()) as Health };
}

/** Asks the health check until it says what is expected (the change is noticed, not timed). */
async function healthBecomes(server: TestServer, redis: "up" | "down"): Promise<Health> {
  for (let i = 0; i < 200; i += 1) {
    const { body } = await health(server);
    if (body.redis === redis) return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`health never said redis ${redis}`);
}

describe("while Redis is down", () => {
  let redis: OwnRedis;
  let server: TestServer;
  let cohortRoom = "";
  const opened: LiveClient[] = [];

  async function person(email: string): Promise<LiveClient> {
    const client = await signedInClient(server.url, email, TEST_PASSWORD);
    const live = new LiveClient(server.url, client.cookieHeader());
    opened.push(live);
    await live.connected();
    const reply = await live.request("chat:subscribe", { roomKey: cohortRoom });
    if (!reply.ok) throw new Error(reply.error.message);
    return live;
  }

  async function sendAndReceive(from: LiveClient, to: LiveClient): Promise<void> {
    const clientId = randomUUID();
    const sent = await from.request<{ message: ChatMessageDto }>("chat:send", {
      roomKey: cohortRoom,
      clientId,
      body: "still here",
    });
    expect(sent.ok).toBe(true);
    await to.waitFor<ChatMessageDto>("chat:message", (m) => m.clientId === clientId);
  }

  beforeAll(async () => {
    redis = await OwnRedis.start();
    server = await startTestServer({ redisUrl: redis.url });
    const cohort = await server.db.prisma.cohort.findFirstOrThrow({
      where: { name: "Evening track" },
    });
    cohortRoom = roomKey({ kind: "cohort", cohortId: cohort.id });
  }, 60_000);
  afterAll(async () => {
    for (const live of opened) live.close();
    await server.close();
    await redis.stop();
  }, 60_000);

  it("keeps delivering on the same process, lets people sign in and reconnect, and says it is degraded until Redis is back", async () => {
    const jordan = await person(P[0]);
    const sam = await person(P[1]);
    expect(await health(server)).toEqual({
      status: 200,
      body: expect.objectContaining({ status: "ok", redis: "up" }) as Health,
    });

    await redis.stop();
    const degraded = await healthBecomes(server, "down");
    expect(degraded.status).toBe("degraded");
    expect((await health(server)).status).toBe(200);

    // Live delivery between two people on this process does not wait for Redis.
    await sendAndReceive(jordan, sam);

    // Signing in does not wait on the Redis-backed rate limits.
    const riley = await person(P[2]);
    await sendAndReceive(riley, sam);

    // A dropped socket comes back (as a new connection: recovery needs Redis) and gets messages.
    const dropped = new Promise((done) => sam.socket.once("disconnect", done));
    const back = new Promise((done) => sam.socket.io.once("reconnect", done));
    sam.socket.io.engine.close();
    await dropped;
    await back;
    const again = await sam.request("chat:subscribe", { roomKey: cohortRoom });
    expect(again.ok).toBe(true);
    await sendAndReceive(jordan, sam);

    await redis.start();
    const recovered = await healthBecomes(server, "up");
    expect(recovered.status).toBe("ok");
    await sendAndReceive(sam, jordan);
  }, 90_000);
});
