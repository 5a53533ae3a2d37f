/**
 * The little raw-SQL surface the migration runner and health check need, over either PGlite or
 * a node-postgres connection. Application queries go through Prisma repositories instead.
 */
export type SqlConnection = {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of one or more statements (a migration file). */
  exec(sql: string): Promise<void>;
};

export type SqlSession = {
  /**
   * One parameterised query on any pooled connection: the cheap path for hot reads. A `name`
   * makes it a prepared statement on PostgreSQL, parsed once per connection instead of per call.
   */
  query<Row = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
    name?: string,
  ): Promise<Row[]>;
  /** Holds one connection for `fn`, so session-level locks and transactions stay on it. */
  withConnection<T>(fn: (connection: SqlConnection) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in one transaction on one connection: committed if it resolves, rolled back if it
   * throws. The hot write path that Prisma's per-query cost would slow (chat sends).
   */
  transaction<T>(fn: (connection: SqlConnection) => Promise<T>): Promise<T>;
};
