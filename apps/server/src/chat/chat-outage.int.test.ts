import { randomUUID } from "node:crypto";
import { roomKey, type ChatMessageDto } from "@bridgeway/domain";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isInfrastructureFailure, loggableError } from "../db/unavailable";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient } from "../testing/http-client";
import { LiveClient } from "../testing/live-client";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

const P = DEMO_ACCOUNTS.participants;

describe("telling an outage from a bad request", () => {
  it("recognises a refused connection to PostgreSQL, and logs its class and message", async () => {
    const client = new pg.Client({ connectionString: "postgresql://root@127.0.0.1:1/none" });
    const error = await client.connect().then(
      () => new Error("connected to nothing"),
      (e: unknown) => e,
    );
    expect(isInfrastructureFailure(error)).toBe(true);
    expect(loggableError(error)).toMatchObject({
      class: "Error",
      code: "ECONNREFUSED",
      infrastructure: true,
    });
    expect(loggableError(error).message).toContain("ECONNREFUSED");
  });

  it("treats other errors as not infrastructure and never logs their message, which may quote data", () => {
    const error = new Error('Invalid value for argument `body`: "I feel hopeless"');
    expect(isInfrastructureFailure(error)).toBe(false);
    expect(loggableError(error)).toEqual({ class: "Error", infrastructure: false });
  });
});

const postgresOnly = databaseKinds().filter((kind) => kind === "postgres");

describe.each(postgresOnly)("chat while %s is unreachable", () => {
  let server: TestServer;
  let cohortRoom = "";
  let database = "";
  const admin = () => new pg.Client({ connectionString: process.env.DATABASE_URL });

  async function allowConnections(allow: boolean): Promise<void> {
    const client = admin();
    await client.connect();
    try {
      await client.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS ${String(allow)}`);
      if (!allow) {
        await client.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
          [database],
        );
      }
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    server = await startTestServer({ kind: "postgres" });
    if (server.db.kind !== "postgres" || server.config.database.kind !== "postgres") {
      throw new Error("expected PostgreSQL");
    }
    database = new URL(server.config.database.url).pathname.slice(1);
    const cohort = await server.db.prisma.cohort.findFirstOrThrow({
      where: { name: "Evening track" },
    });
    cohortRoom = roomKey({ kind: "cohort", cohortId: cohort.id });
  });
  afterEach(async () => {
    await allowConnections(true);
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers a send during the outage with unavailable, and stores the same message once when it is back", async () => {
    const client = await signedInClient(server.url, P[0], TEST_PASSWORD);
    const live = new LiveClient(server.url, client.cookieHeader());
    try {
      await live.connected();
      const subscribed = await live.request("chat:subscribe", { roomKey: cohortRoom });
      expect(subscribed.ok).toBe(true);
      await allowConnections(false);
      const clientId = randomUUID();
      const payload = { roomKey: cohortRoom, clientId, body: "sent during the outage" };
      // The pool may first hand out a connection that was cut; every answer is unavailable.
      const refused = await live.request("chat:send", payload);
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.code).toBe("unavailable");

      await allowConnections(true);
      const sent = await live.request<{ message: ChatMessageDto }>("chat:send", payload);
      expect(sent.ok).toBe(true);
      expect(await server.db.prisma.chatMessage.count({ where: { clientId } })).toBe(1);
    } finally {
      live.close();
    }
  }, 60_000);
});
