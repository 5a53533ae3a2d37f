import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { CHROMIUM_PATH, DEMO_PASSWORD, E2E_PORT, OUTBOX_DIR } from "./environment";

const SERVER = fileURLToPath(new URL("../../apps/server/dist/main.js", import.meta.url));
// One per port: a second run on another port must not stop this run's server when it ends.
export const STATE_FILE = fileURLToPath(
  new URL(`../test-results/.server-state-${E2E_PORT}.json`, import.meta.url),
);

/**
 * Starts the built server for the browser tests: on a fresh PostgreSQL database (and Redis) when
 * DATABASE_URL/REDIS_URL are set, as in CI, otherwise on the embedded defaults (in-memory PGlite).
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  if (!existsSync(SERVER)) throw new Error(`Build the server first: ${SERVER} is missing.`);

  let database: string | undefined;
  const env: Record<string, string> = {
    PORT: String(E2E_PORT),
    HOST: "127.0.0.1",
    DEMO_PASSWORD,
    LOG_LEVEL: "warn",
    NODE_ENV: "test",
    // No SMTP: invitation emails land in this folder, emptied first so tests read only theirs.
    OUTBOX_DIR,
  };
  rmSync(OUTBOX_DIR, { recursive: true, force: true });
  mkdirSync(OUTBOX_DIR, { recursive: true });
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    database = `bw_e2e_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
  } else {
    env.DATABASE_URL = "";
    env.PGLITE_DATA_DIR = "memory://";
  }
  if (process.env.REDIS_URL) env.REDIS_URL = process.env.REDIS_URL;

  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  mkdirSync(dirname(STATE_FILE), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify({ pid: child.pid, database }));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${E2E_PORT}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the server did not become healthy in 60 s");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
