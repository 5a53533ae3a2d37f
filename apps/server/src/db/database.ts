import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { DatabaseConfig } from "../config";
import { type Prisma, PrismaClient } from "../generated/prisma/client";
import { lockDataFolder } from "./data-folder-lock";
import type { SqlConnection, SqlSession } from "./sql";

/**
 * The client a repository receives inside a transaction. Services and helpers that only pass a
 * transaction along name it with this type, so they need not import the generated client.
 */
export type Transaction = Prisma.TransactionClient;

/** Either the client or a transaction: reads inside a change see the change's own writes. */
export type Db = PrismaClient | Transaction;

export type Database = {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  sql: SqlSession;
  close(): Promise<void>;
};

/** Opens the embedded PGlite database (a folder, or `memory://`) or a PostgreSQL pool. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === "pglite"
    ? openPglite(config.dataDir)
    : Promise.resolve(openPostgres(config.url));
}

async function openPglite(dataDir: string): Promise<Database> {
  let unlock: () => void = () => undefined;
  if (!dataDir.startsWith("memory://")) {
    mkdirSync(dataDir, { recursive: true });
    // One owner per folder: a second process would silently fork the data (and lose writes).
    unlock = lockDataFolder(dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  // PGlite is one connection in this process; callers are serialised by PGlite itself.
  const connection: SqlConnection = {
    async query<Row>(sql: string, params?: unknown[]) {
      const result = await pglite.query<Row>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      await pglite.exec(sql);
    },
  };
  return {
    kind: "pglite",
    prisma,
    sql: {
      query: (sql, params) => connection.query(sql, params),
      withConnection: (fn) => fn(connection),
      // PGlite's own transaction holds its one connection, so Prisma's queries wait meanwhile.
      transaction: (fn) =>
        pglite.transaction((tx) =>
          fn({
            async query<Row>(sql: string, params?: unknown[]) {
              return (await tx.query<Row>(sql, params)).rows;
            },
            async exec(sql: string) {
              await tx.exec(sql);
            },
          }),
        ),
    },
    async close() {
      try {
        await prisma.$disconnect();
        await pglite.close();
      } finally {
        unlock();
      }
    },
  };
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 20, idleTimeoutMillis: 30_000 });
  // An idle client losing its server must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  /**
   * A pooled connection held by one caller. While it is out, the pool no longer listens for its
   * errors: a connection the server ends between two queries (a restart, an administrator)
   * emits an error that, unheard, would crash the process. It is noted instead, and the
   * connection is dropped rather than handed out again.
   */
  async function checkOut() {
    const client = await pool.connect();
    const held = {
      client,
      broken: undefined as Error | undefined,
      release() {
        client.off("error", onError);
        client.release(held.broken);
      },
    };
    const onError = (error: Error) => {
      held.broken ??= error;
    };
    client.on("error", onError);
    return held;
  }
  const on = (client: pg.PoolClient): SqlConnection => ({
    async query<Row>(sql: string, params?: unknown[]) {
      const result = await client.query(sql, params);
      return result.rows as Row[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  return {
    kind: "postgres",
    prisma,
    sql: {
      async query<Row>(sql: string, params?: unknown[], name?: string) {
        const result = await pool.query({ text: sql, values: params, ...(name ? { name } : {}) });
        return result.rows as Row[];
      },
      async withConnection(fn) {
        const held = await checkOut();
        try {
          return await fn(on(held.client));
        } finally {
          held.release();
        }
      },
      async transaction(fn) {
        const held = await checkOut();
        try {
          await held.client.query("BEGIN");
          const result = await fn(on(held.client));
          await held.client.query("COMMIT");
          return result;
        } catch (error) {
          // A connection that cannot even roll back is dropped rather than handed out again.
          await held.client.query("ROLLBACK").catch((rollback: unknown) => {
            held.broken ??= rollback instanceof Error ? rollback : new Error("rollback failed");
          });
          throw error;
        } finally {
          held.release();
        }
      },
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
