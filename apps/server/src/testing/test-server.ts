import { randomBytes } from "node:crypto";
import { startServer, type RunningServer } from "../app";
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import { loadConfig, type Config, type DatabaseConfig } from "../config";
import { createTestDatabase, type DatabaseKind } from "./test-databases";

export const TEST_PASSWORD = "correct-horse-battery";

export type TestServer = RunningServer & { dropDatabase(): Promise<void> };

/**
 * Starts the real server on a free port over a fresh database of `kind`, seeded with the demo
 * clinic (password TEST_PASSWORD). Pass `database` to share one database between servers.
 */
export async function startTestServer(
  options: {
    kind?: DatabaseKind;
    database?: DatabaseConfig;
    clock?: Clock;
    env?: Record<string, string>;
    redisUrl?: string;
    redisKeyPrefix?: string;
    reconnectGraceMs?: number;
    /** Replaces the silent test logger (the fuzz test counts error lines). */
    logger?: Logger;
  } = {},
): Promise<TestServer> {
  const created = options.database ? undefined : await createTestDatabase(options.kind ?? "pglite");
  const database = options.database ?? created?.config;
  if (!database) throw new Error("no database for the test server");
  const base = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    DEMO_PASSWORD: TEST_PASSWORD,
    // Tests run the background jobs themselves (server.jobs.runDue) at a moment of their clock.
    JOB_INTERVAL_SECONDS: "0",
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  });
  const config: Config = { ...base, database };
  try {
    const server = await startServer(config, {
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
      redisKeyPrefix: options.redisKeyPrefix ?? `bw-test-${randomBytes(4).toString("hex")}:`,
      ...(options.reconnectGraceMs ? { reconnectGraceMs: options.reconnectGraceMs } : {}),
    });
    return {
      ...server,
      async dropDatabase() {
        await created?.drop();
      },
      async close() {
        await server.close();
        await created?.drop();
      },
    };
  } catch (error) {
    await created?.drop();
    throw error;
  }
}

/**
 * Two server processes as a load balancer would see them: one PostgreSQL database (DATABASE_URL)
 * and one Redis (REDIS_URL) shared, the demo clinic seeded once.
 */
export async function startServerPair(
  redisUrl: string,
  options: { env?: Record<string, string> } = {},
): Promise<{
  a: TestServer;
  b: TestServer;
  close: () => Promise<void>;
}> {
  const created = await createTestDatabase("postgres");
  const redisKeyPrefix = `bw-test-pair-${randomBytes(4).toString("hex")}:`;
  const a = await startTestServer({
    database: created.config,
    redisUrl,
    redisKeyPrefix,
    ...(options.env ? { env: options.env } : {}),
  });
  const b = await startTestServer({
    database: created.config,
    redisUrl,
    redisKeyPrefix,
    env: { ...options.env, DEMO_SEED: "false" },
  });
  return {
    a,
    b,
    close: async () => {
      await a.close();
      await b.close();
      await created.drop();
    },
  };
}
