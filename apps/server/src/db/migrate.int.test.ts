import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type DatabaseKind } from "../testing/test-databases";
import { openDatabase, type Database } from "./database";
import {
  applyMigrations,
  MIGRATIONS_DIR,
  MigrationError,
  readMigrations,
  type Migration,
} from "./migrate";

const opened: { db: Database; drop: () => Promise<void> }[] = [];

async function freshDatabase(kind: DatabaseKind): Promise<Database> {
  const created = await createTestDatabase(kind);
  const db = await openDatabase(created.config);
  opened.push({ db, drop: created.drop });
  return db;
}

afterEach(async () => {
  for (const { db, drop } of opened.splice(0)) {
    await db.close();
    await drop();
  }
});

/** Everything that makes up the schema, in a form that compares across servers. */
async function describeSchema(db: Database) {
  return db.sql.withConnection(async (c) => ({
    columns: await c.query(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
              character_maximum_length, datetime_precision
         FROM information_schema.columns WHERE table_schema = 'public'
        ORDER BY table_name, column_name`,
    ),
    indexes: await c.query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
        ORDER BY tablename, indexname`,
    ),
    constraints: await c.query(
      `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        ORDER BY 1, 2`,
    ),
    enums: await c.query(
      `SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t
         JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder`,
    ),
  }));
}

describe("migrations", () => {
  it("bring a fresh database of each kind to the same schema", async () => {
    const schemas = [];
    for (const kind of databaseKinds()) {
      const db = await freshDatabase(kind);
      const result = await applyMigrations(db.sql, readMigrations(MIGRATIONS_DIR));
      expect(result.applied.length).toBeGreaterThan(0);
      schemas.push(await describeSchema(db));
    }
    const [first, ...others] = schemas;
    expect(first?.columns.length).toBeGreaterThan(20);
    for (const other of others) expect(other).toEqual(first);
  });

  it.each(databaseKinds())(
    "apply once each on %s: a second start applies nothing",
    async (kind) => {
      const db = await freshDatabase(kind);
      const migrations = readMigrations(MIGRATIONS_DIR);
      await applyMigrations(db.sql, migrations);
      const again = await applyMigrations(db.sql, migrations);
      expect(again.applied).toEqual([]);
      const recorded = await db.sql.withConnection((c) =>
        c.query<{ name: string }>(`SELECT "name" FROM "_bridgeway_migrations" ORDER BY "name"`),
      );
      expect(recorded.map((r) => r.name)).toEqual(migrations.map((m) => m.name));
    },
  );

  it.each(databaseKinds())(
    "refuse on %s a migration that changed after it was applied",
    async (kind) => {
      const db = await freshDatabase(kind);
      const migrations = readMigrations(MIGRATIONS_DIR);
      await applyMigrations(db.sql, migrations);
      const tampered: Migration[] = migrations.map((m, i) =>
        i === 0 ? { ...m, sql: `${m.sql}\n-- edited`, checksum: "different" } : m,
      );
      await expect(applyMigrations(db.sql, tampered)).rejects.toBeInstanceOf(MigrationError);
    },
  );

  it.each(databaseKinds())(
    "roll back on %s a failing migration completely and apply nothing after it",
    async (kind) => {
      const db = await freshDatabase(kind);
      const bad: Migration[] = [
        { name: "0001_good", sql: `CREATE TABLE "t_good" ("id" INT PRIMARY KEY);`, checksum: "a" },
        {
          name: "0002_bad",
          sql: `CREATE TABLE "t_half" ("id" INT PRIMARY KEY); INSERT INTO "t_missing" VALUES (1);`,
          checksum: "b",
        },
        {
          name: "0003_after",
          sql: `CREATE TABLE "t_after" ("id" INT PRIMARY KEY);`,
          checksum: "c",
        },
      ];
      await expect(applyMigrations(db.sql, bad)).rejects.toThrow();
      const tables = await db.sql.withConnection((c) =>
        c.query<{ tablename: string }>(
          `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 't\\_%' ORDER BY 1`,
        ),
      );
      expect(tables.map((t) => t.tablename)).toEqual(["t_good"]);
    },
  );

  it("read migration folders in name order", () => {
    const dir = mkdtempSync(join(tmpdir(), "bw-migrations-"));
    for (const name of ["20260102_b", "20260101_a", "20260103_c"]) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, "migration.sql"), `-- ${name}`);
    }
    writeFileSync(join(dir, "migration_lock.toml"), "");
    expect(readMigrations(dir).map((m) => m.name)).toEqual([
      "20260101_a",
      "20260102_b",
      "20260103_c",
    ]);
  });
});

describe.runIf(databaseKinds().includes("postgres"))("migrations on PostgreSQL", () => {
  it("run once when several server processes start at the same moment", async () => {
    const created = await createTestDatabase("postgres");
    const processes = await Promise.all([1, 2, 3].map(() => openDatabase(created.config)));
    try {
      const migrations = readMigrations(MIGRATIONS_DIR);
      const results = await Promise.all(processes.map((db) => applyMigrations(db.sql, migrations)));
      const applied = results.flatMap((r) => r.applied);
      expect(applied.sort()).toEqual(migrations.map((m) => m.name).sort());
    } finally {
      for (const db of processes) await db.close();
      await created.drop();
    }
  });
});
