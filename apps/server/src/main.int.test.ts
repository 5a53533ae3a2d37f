import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "./config";
import { DEMO_ACCOUNTS } from "./seed/demo-clinic";
import { TestClient } from "./testing/http-client";

type Started = { child: ChildProcess; url: string; output: () => string };

/** Runs the real entry point (src/main.ts) as its own process, the way `npm start` does. */
function run(env: Record<string, string>): ChildProcess {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !["DATABASE_URL", "REDIS_URL", "NODE_ENV", "PORT"].includes(name) &&
        !name.startsWith("LIVEKIT_"),
    ),
  );
  return spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: PACKAGE_ROOT,
    env: { ...clean, LOG_LEVEL: "info", HOST: "127.0.0.1", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

function start(env: Record<string, string>): Promise<Started> {
  const child = run(env);
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split("\n")) {
        if (!line.includes("Bridgeway is running")) continue;
        const { url } = JSON.parse(line) as { url: string };
        resolve({ child, url, output: () => output });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

async function stop(started: Started): Promise<number | null> {
  started.child.kill("SIGTERM");
  return exited(started.child);
}

describe("the server process", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "bw-pglite-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("refuses to start in production without its settings, naming each variable", async () => {
    const child = run({ NODE_ENV: "production", DEMO_SEED: "true" });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exited(child)).toBe(1);
    for (const name of ["DATABASE_URL", "PUBLIC_ORIGIN", "DEMO_SEED"])
      expect(stderr).toContain(name);
  });

  it("starts on the embedded defaults with the demo clinic, keeps its data across restarts and stops cleanly", async () => {
    const env = { PGLITE_DATA_DIR: dataDir, DEMO_PASSWORD: "demo-password-for-tests" };
    const first = await start(env);
    const health = await fetch(new URL("/api/health", first.url));
    expect(await health.json()).toEqual({
      status: "ok",
      db: "pglite",
      realtime: "memory",
      media: "direct",
    });
    const client = new TestClient(first.url);
    expect((await client.login(DEMO_ACCOUNTS.admin, "wrong-password-xyz")).status).toBe(401);
    expect((await client.login(DEMO_ACCOUNTS.admin, "demo-password-for-tests")).status).toBe(200);
    const cookie = /bw_session=([^;]+)/.exec(client.cookieHeader())?.[1] ?? "missing";
    expect(first.output()).toContain("demo clinic seeded");
    expect(await stop(first)).toBe(0);

    // Nothing secret or personal reaches the logs.
    for (const secret of [
      DEMO_ACCOUNTS.admin,
      "demo-password-for-tests",
      "wrong-password-xyz",
      cookie,
    ]) {
      expect(first.output()).not.toContain(secret);
    }

    const second = await start(env);
    expect(second.output()).not.toContain("demo clinic seeded");
    expect(second.output()).not.toContain("migrations applied");
    const again = new TestClient(second.url);
    expect((await again.login(DEMO_ACCOUNTS.admin, "demo-password-for-tests")).status).toBe(200);
    expect(await stop(second)).toBe(0);
  });
});
