import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "./seed/demo-clinic";
import { TestClient } from "./testing/http-client";
import { ServerProcess } from "./testing/server-process";

describe("the server process", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "bw-pglite-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("refuses to start in production without its settings, naming each variable", async () => {
    const server = new ServerProcess({ NODE_ENV: "production", DEMO_SEED: "true" });
    server.spawn();
    expect(await server.exited()).toBe(1);
    for (const name of ["DATABASE_URL", "PUBLIC_ORIGIN", "DEMO_SEED"])
      expect(server.output()).toContain(name);
  });

  it("starts on the embedded defaults with the demo clinic, keeps its data across restarts and stops cleanly", async () => {
    const env = { PGLITE_DATA_DIR: dataDir, DEMO_PASSWORD: "demo-password-for-tests" };
    const first = await new ServerProcess(env).start();
    const health = await fetch(new URL("/api/health", first.url));
    expect(await health.json()).toEqual({
      status: "ok",
      db: "pglite",
      realtime: "memory",
      media: "direct",
      audit: "ok",
    });
    const client = new TestClient(first.url);
    expect((await client.login(DEMO_ACCOUNTS.admin, "wrong-password-xyz")).status).toBe(401);
    expect((await client.login(DEMO_ACCOUNTS.admin, "demo-password-for-tests")).status).toBe(200);
    const cookie = /bw_session=([^;]+)/.exec(client.cookieHeader())?.[1] ?? "missing";
    expect(first.output()).toContain("demo clinic seeded");
    expect(await first.stop()).toBe(0);

    // Nothing secret or personal reaches the logs.
    for (const secret of [
      DEMO_ACCOUNTS.admin,
      "demo-password-for-tests",
      "wrong-password-xyz",
      cookie,
    ]) {
      expect(first.output()).not.toContain(secret);
    }

    const second = await new ServerProcess(env).start();
    expect(second.output()).not.toContain("demo clinic seeded");
    expect(second.output()).not.toContain("migrations applied");
    const again = new TestClient(second.url);
    expect((await again.login(DEMO_ACCOUNTS.admin, "demo-password-for-tests")).status).toBe(200);
    expect(await second.stop()).toBe(0);
  });
});
