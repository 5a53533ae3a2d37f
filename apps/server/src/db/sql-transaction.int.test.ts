import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds } from "../testing/test-databases";
import { openDatabase, type Database } from "./database";

describe.each(databaseKinds())("a plain SQL transaction on %s", (kind) => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const created = await createTestDatabase(kind);
    drop = created.drop;
    db = await openDatabase(created.config);
    await db.sql.query(`CREATE TABLE "TxProbe" ("n" int PRIMARY KEY)`);
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  const stored = async () =>
    (await db.sql.query<{ n: number }>(`SELECT "n" FROM "TxProbe" ORDER BY "n"`)).map((r) => r.n);

  it("commits everything when the work resolves", async () => {
    const answer = await db.sql.transaction(async (c) => {
      await c.query(`INSERT INTO "TxProbe" ("n") VALUES ($1)`, [1]);
      await c.query(`INSERT INTO "TxProbe" ("n") VALUES ($1)`, [2]);
      return "done";
    });
    expect(answer).toBe("done");
    expect(await stored()).toEqual([1, 2]);
  });

  it("leaves nothing behind when the work throws, and the connection serves again", async () => {
    await expect(
      db.sql.transaction(async (c) => {
        await c.query(`INSERT INTO "TxProbe" ("n") VALUES ($1)`, [3]);
        await c.query(`INSERT INTO "TxProbe" ("n") VALUES ($1)`, [1]);
      }),
    ).rejects.toThrow();
    expect(await stored()).toEqual([1, 2]);
    await db.sql.transaction((c) => c.query(`INSERT INTO "TxProbe" ("n") VALUES (4)`));
    expect(await stored()).toEqual([1, 2, 4]);
    // Prisma's queries are not caught inside a transaction that ended.
    expect(
      await db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "TxProbe"`),
    ).toEqual([{ n: 3 }]);
  });

  it.runIf(kind === "postgres")(
    "survives its connection being ended by the server between two statements",
    async () => {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      try {
        await expect(
          db.sql.transaction(async (c) => {
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
      expect(await stored()).toEqual([1, 2, 4]);
    },
  );
});
