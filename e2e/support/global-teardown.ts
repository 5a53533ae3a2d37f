import { existsSync, readFileSync, rmSync } from "node:fs";
import pg from "pg";
import { STATE_FILE } from "./global-setup";

export default async function globalTeardown(): Promise<void> {
  if (!existsSync(STATE_FILE)) return;
  const state = JSON.parse(readFileSync(STATE_FILE, "utf8")) as { pid?: number; database?: string };
  rmSync(STATE_FILE, { force: true });
  if (state.pid) {
    try {
      process.kill(state.pid, "SIGTERM");
    } catch {
      // already gone
    }
    for (let i = 0; i < 40; i += 1) {
      try {
        process.kill(state.pid, 0);
        await new Promise((resolve) => setTimeout(resolve, 250));
      } catch {
        break;
      }
    }
  }
  if (state.database && process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${state.database}" WITH (FORCE)`);
    await admin.end();
  }
}
