import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startTestServer } from "../testing/test-server";
import { openDatabase } from "./database";
import { DataFolderInUseError, lockFileOf } from "./data-folder-lock";

const folders: string[] = [];
const children: ChildProcess[] = [];

function folder(): string {
  const parent = mkdtempSync(join(tmpdir(), "bw-pglite-lock-"));
  folders.push(parent);
  return join(parent, "data");
}

/** Another process that is alive until the test ends it. */
async function otherProcess(): Promise<ChildProcess & { pid: number }> {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], {
    stdio: "ignore",
  });
  children.push(child);
  await new Promise((ready) => child.once("spawn", ready));
  if (child.pid === undefined) throw new Error("no child process");
  return child as ChildProcess & { pid: number };
}

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once("exit", done));
      child.kill();
      await exited;
    }
  }
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("one owner per embedded data folder", () => {
  it("refuses a second server on a folder in use, naming the folder and the process that has it", async () => {
    const dataDir = folder();
    const first = await startTestServer({ database: { kind: "pglite", dataDir } });
    try {
      const second = startTestServer({
        database: { kind: "pglite", dataDir },
        env: { DEMO_SEED: "false" },
      });
      await expect(second).rejects.toThrow(DataFolderInUseError);
      await expect(second).rejects.toThrow(resolve(dataDir));
      await expect(second).rejects.toThrow(`pid ${process.pid}`);
      // The first still answers, with its data.
      const health = await fetch(`${first.url}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      await first.close();
    }
    // Released on close: the folder can be opened again.
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
    const again = await openDatabase({ kind: "pglite", dataDir });
    await again.close();
  }, 60_000);

  it("refuses while another live process holds the lock, and takes over a lock whose process is gone", async () => {
    const dataDir = folder();
    const other = await otherProcess();
    writeFileSync(lockFileOf(dataDir), JSON.stringify({ pid: other.pid }));

    const refused = openDatabase({ kind: "pglite", dataDir });
    await expect(refused).rejects.toThrow(`pid ${other.pid}`);
    await expect(refused).rejects.toThrow(resolve(dataDir));

    // The other process crashes without releasing its lock.
    const exited = new Promise((done) => other.once("exit", done));
    other.kill("SIGKILL");
    await exited;
    const db = await openDatabase({ kind: "pglite", dataDir });
    try {
      expect(JSON.parse(readFileSync(lockFileOf(dataDir), "utf8"))).toMatchObject({
        pid: process.pid,
      });
    } finally {
      await db.close();
    }
  }, 60_000);

  it("takes over a lock file left half-written by a crash", async () => {
    const dataDir = folder();
    mkdirSync(dataDir);
    writeFileSync(lockFileOf(dataDir), "{");
    const db = await openDatabase({ kind: "pglite", dataDir });
    await db.close();
  }, 60_000);
});
