import { randomBytes } from "node:crypto";
import pg from "pg";
import type { DatabaseConfig } from "../config";

export type DatabaseKind = "pglite" | "postgres";

/** PGlite always; PostgreSQL too when DATABASE_URL points at a server (as in CI). */
export function databaseKinds(): DatabaseKind[] {
  return process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export function redisUrlForTests(): string | undefined {
  return process.env.REDIS_URL || undefined;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A fresh, empty database of the given kind: in-memory PGlite, or a new database created on the
 * PostgreSQL server named by DATABASE_URL and dropped by `drop()`.
 */
export async function createTestDatabase(
  kind: DatabaseKind,
): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> {
  if (kind === "pglite") {
    return { config: { kind: "pglite", dataDir: "memory://" }, drop: () => Promise.resolve() };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("DATABASE_URL is needed for PostgreSQL tests");
  const name = `bw_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    config: { kind: "postgres", url: withDatabase(adminUrl, name) },
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
