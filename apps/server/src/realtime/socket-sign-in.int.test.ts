import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient } from "../testing/http-client";
import { LiveClient } from "../testing/live-client";
import { ManualClock } from "../testing/manual-clock";
import { OwnRedis } from "../testing/own-redis";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";
import { SOCKET_SIGN_IN_TRUST_MS } from "./realtime";

// A socket's events do not re-read its sign-in while every revocation is heard (a revocation
// closes the socket itself). These tests end a sign-in the way no revocation announces (its row
// deleted in the database) to show how long a socket can go on at most.

const P = DEMO_ACCOUNTS.participants;

describe("how long a socket trusts its last sign-in read", () => {
  let redis: OwnRedis;
  let server: TestServer;
  const clock = new ManualClock(new Date("2026-12-07T10:00:00Z"));
  const opened: LiveClient[] = [];

  async function signedInSocket(email: string): Promise<{ live: LiveClient; userId: string }> {
    const client = await signedInClient(server.url, email, TEST_PASSWORD);
    const live = new LiveClient(server.url, client.cookieHeader());
    opened.push(live);
    await live.connected();
    const user = await server.db.prisma.user.findUniqueOrThrow({ where: { email } });
    return { live, userId: user.id };
  }

  beforeAll(async () => {
    redis = await OwnRedis.start();
    server = await startTestServer({ redisUrl: redis.url, clock });
  }, 60_000);
  afterEach(() => {
    for (const live of opened.splice(0)) live.close();
  });
  afterAll(async () => {
    await server.close();
    await redis.stop();
  }, 60_000);

  it("re-reads it within a minute while revocations are heard, and closes an ended one", async () => {
    const { live, userId } = await signedInSocket(P[0]);
    expect((await live.request("chat:rooms", {})).ok).toBe(true);

    await server.db.prisma.signIn.deleteMany({ where: { userId } });
    clock.advance(10_000);
    // Within the trust window the socket goes on without asking the database.
    expect((await live.request("chat:rooms", {})).ok).toBe(true);

    clock.advance(SOCKET_SIGN_IN_TRUST_MS);
    const refused = await live.request("chat:rooms", {});
    expect(refused.ok ? "answered" : refused.error.code).toBe("session_expired");
    await live.waitFor("session:ended");
  });

  it("re-reads it after the cache's few seconds while Redis is down", async () => {
    const { live, userId } = await signedInSocket(P[1]);
    expect((await live.request("chat:rooms", {})).ok).toBe(true);
    await server.db.prisma.signIn.deleteMany({ where: { userId } });

    await redis.stop();
    clock.advance(6_000);
    // Revocations sent meanwhile would be lost: the next event, once this process has noticed
    // the outage, asks the database and is refused.
    let reply = await live.request("chat:rooms", {});
    for (let tries = 0; reply.ok && tries < 200; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      reply = await live.request("chat:rooms", {});
    }
    expect(reply.ok ? "answered" : reply.error.code).toBe("session_expired");
    await redis.start();
  }, 60_000);
});
