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
});
