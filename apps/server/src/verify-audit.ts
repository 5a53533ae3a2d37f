import { sealAuditChain, verifyAuditChain } from "./audit/audit-repository";
import { ConfigError, loadConfig } from "./config";
import { openDatabase } from "./db/database";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "./db/migrate";

/**
 * Checks the whole audit chain in the configured database:
 *
 *   node dist/verify-audit.js
 *
 * Exits 0 when every event is chained to the one before it, and 1 naming the first event that
 * was changed, removed (the event after it no longer links) or reordered. Rows written before
 * the chain existed are chained first, as the server does at start.
 */
async function main(): Promise<number> {
  const config = loadConfig({ ...process.env, DEMO_SEED: "false" });
  const db = await openDatabase(config.database);
  try {
    await applyMigrations(db.sql, readMigrations(MIGRATIONS_DIR));
    await sealAuditChain(db.prisma);
    const verdict = await verifyAuditChain(db.prisma);
    if (verdict.ok) {
      process.stdout.write(`Audit chain intact: ${verdict.checked} events checked.\n`);
      return 0;
    }
    process.stderr.write(
      `Audit chain broken at event ${verdict.eventId}: ${verdict.message} (${verdict.checked} events before it are intact).\n`,
    );
    return 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(
      `Checking the audit chain failed: ${error instanceof Error ? error.name : "error"}\n`,
    );
    process.exit(2);
  },
);
