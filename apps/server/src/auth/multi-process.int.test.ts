import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient } from "../testing/http-client";
import { redisUrlForTests } from "../testing/test-databases";
import { startServerPair, TEST_PASSWORD, type TestServer } from "../testing/test-server";

const redisUrl = redisUrlForTests();
const databaseUrl = process.env.DATABASE_URL;

describe.runIf(redisUrl && databaseUrl)(
  "sessions across server processes (PostgreSQL + Redis)",
  () => {
    let a: TestServer;
    let b: TestServer;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ a, b, close } = await startServerPair(redisUrl ?? ""));
    });
    afterAll(async () => {
      await close();
    });

    it("refuses a signed-out session at once on a process that had it cached", async () => {
      for (const email of DEMO_ACCOUNTS.participants) {
        const client = await signedInClient(a.url, email, TEST_PASSWORD);
        const cookie = client.cookieHeader();
        const onB = () => fetch(new URL("/api/auth/me", b.url), { headers: { cookie } });
        expect((await onB()).status).toBe(200);
        expect((await onB()).status).toBe(200);
        expect((await client.post("/api/auth/logout")).status).toBe(204);
        expect((await onB()).status).toBe(401);
      }
    });

    it("refuses every session of a deactivated account on every process", async () => {
      const email = DEMO_ACCOUNTS.participants[7];
      const client = await signedInClient(a.url, email, TEST_PASSWORD);
      const cookie = client.cookieHeader();
      expect((await fetch(new URL("/api/auth/me", b.url), { headers: { cookie } })).status).toBe(
        200,
      );
      const user = await a.db.prisma.user.update({ where: { email }, data: { active: false } });
      await a.signIns.endAllForUser(user.id);
      // The news reaches the other process through Redis: within a second, not at the same instant.
      await expect
        .poll(
          async () => (await fetch(new URL("/api/auth/me", b.url), { headers: { cookie } })).status,
          { timeout: 1_000, interval: 50 },
        )
        .toBe(401);
    });
  },
);
