import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type DatabaseKind } from "../testing/test-databases";
import { openDatabase, type Database } from "./database";

/** A fresh database with one probe table, for the tests of the describe block it is called in. */
function probeDatabase(kind: DatabaseKind) {
  const probe = {
    db: undefined as unknown as Database,
    stored: async () =>
      (await probe.db.sql.query<{ n: number }>(`SELECT "n" FROM "TxProbe" ORDER BY "n"`)).map(
        (r) => r.n,
      ),
  };
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const created = await createTestDatabase(kind);
    drop = created.drop;
    probe.db = await openDatabase(created.config);
    await probe.db.sql.query(`CREATE TABLE "TxProbe" ("n" int PRIMARY KEY)`);
  });
  afterAll(async () => {
    await probe.db.close();
    await drop();
  });
  return probe;
}

describe.each(databaseKinds())("a plain SQL transaction on %s", (kind) => {
  const probe = probeDatabase(kind);
  const stored = () => probe.stored();

  it("commits everything when the work resolves", async () => {
    const answer = await probe.db.sql.transaction(async (c) => {
      await c.query(`INSERT INTO "TxProbe" ("n") VALUES ($1)`, [1]);
      await c.query(`INSERT INTO "TxProbe" ("n") VALUES ($1)`, [2]);
      return "done";
    });
    expect(answer).toBe("done");
    expect(await stored()).toEqual([1, 2]);
  });

  it("leaves nothing behind when the work throws, and the connection serves again", async () => {
    await expect(
      probe.db.sql.transaction(async (c) => {
        await c.query(`INSERT INTO "TxProbe" ("n") VALUES ($1)`, [3]);
        await c.query(`INSERT INTO "TxProbe" ("n") VALUES ($1)`, [1]);
      }),
    ).rejects.toThrow();
    expect(await stored()).toEqual([1, 2]);
    await probe.db.sql.transaction((c) => c.query(`INSERT INTO "TxProbe" ("n") VALUES (4)`));
    expect(await stored()).toEqual([1, 2, 4]);
    // Prisma's queries are not caught inside a transaction that ended.
    expect(
      await probe.db.prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "TxProbe"`,
      ),
    ).toEqual([{ n: 3 }]);
  });
});

// Only a PostgreSQL server ends a connection under a process's feet (PGlite lives inside it).
describe.runIf(databaseKinds().includes("postgres"))("a pooled PostgreSQL transaction", () => {
  const probe = probeDatabase("postgres");
  const stored = () => probe.stored();

  it("survives its connection being ended by the server between two statements", async () => {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await expect(
        probe.db.sql.transaction(async (c) => {
          const [row] = await c.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
          await admin.query(`SELECT pg_terminate_backend($1)`, [row?.pid]);
          // Gone from the server: the ended connection's error arrives while nobody queries.
          for (let tries = 0; tries < 200; tries += 1) {
            const alive = await admin.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [
              row?.pid,
            ]);
            if (alive.rowCount === 0) break;
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
          await c.query(`INSERT INTO "TxProbe" ("n") VALUES (5)`);
        }),
      ).rejects.toThrow();
    } finally {
      await admin.end();
    }
    // The process is still here, the ended connection was dropped, and the pool serves.
    expect(await stored()).toEqual([]);
  });
});
