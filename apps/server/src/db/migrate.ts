import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../config";
import type { SqlConnection, SqlSession } from "./sql";

/** This build's migrations, in Prisma's folder layout. */
export const MIGRATIONS_DIR = join(PACKAGE_ROOT, "prisma", "migrations");

export type Migration = { name: string; sql: string; checksum: string };

/** Any constant shared by every Bridgeway process; guards concurrent start-ups. */
const MIGRATION_LOCK_KEY = 726_373_001;

/** Reads `<dir>/<timestamp>_<name>/migration.sql` in name order (Prisma's layout). */
export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((entry) => statSync(join(dir, entry)).isDirectory())
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/**
 * Applies pending migrations in order, each once, each in its own transaction, recording them
 * in `_bridgeway_migrations`. An advisory lock makes concurrent start-ups wait for each other.
 * Prisma's own `migrate deploy` cannot be used through the pg driver adapter (prisma/orm#27403).
 */
export async function applyMigrations(
  sql: SqlSession,
  migrations: readonly Migration[],
): Promise<{ applied: string[]; unknown: string[] }> {
  return sql.withConnection(async (db) => {
    await db.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await db.exec(`CREATE TABLE IF NOT EXISTS "_bridgeway_migrations" (
        "name" TEXT PRIMARY KEY,
        "checksum" TEXT NOT NULL,
        "appliedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
      )`);
      const rows = await db.query<{ name: string; checksum: string }>(
        `SELECT "name", "checksum" FROM "_bridgeway_migrations"`,
      );
      const done = new Map(rows.map((r) => [r.name, r.checksum]));
      // Migrations from a newer build (mid rolling deploy) are reported, not fatal: they are
      // additive by our convention, so an older server keeps working beside them.
      const known = new Set(migrations.map((m) => m.name));
      const unknown = [...done.keys()].filter((name) => !known.has(name));
      const applied: string[] = [];
      for (const migration of migrations) {
        const checksum = done.get(migration.name);
        if (checksum !== undefined) {
          if (checksum !== migration.checksum) {
            throw new MigrationError(
              `Migration ${migration.name} was changed after it was applied; add a new migration instead.`,
            );
          }
          continue;
        }
        await inTransaction(db, async () => {
          await db.exec(migration.sql);
          await db.query(
            `INSERT INTO "_bridgeway_migrations" ("name", "checksum") VALUES ($1, $2)`,
            [migration.name, migration.checksum],
          );
        });
        applied.push(migration.name);
      }
      return { applied, unknown };
    } finally {
      await db.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  });
}

async function inTransaction(db: SqlConnection, fn: () => Promise<void>): Promise<void> {
  await db.exec("BEGIN");
  try {
    await fn();
    await db.exec("COMMIT");
  } catch (error) {
    await db.exec("ROLLBACK");
    throw error;
  }
}
