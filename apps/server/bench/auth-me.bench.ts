// Benchmark: GET /api/auth/me with a valid session, against a bare Express hello-world route,
// both in their own processes, loaded in turn by autocannon from this one.
//   pnpm bench:auth                       (PGlite; set DATABASE_URL to measure on PostgreSQL)
//   BENCH_CONNECTIONS=50 BENCH_SECONDS=10 pnpm bench:auth
import { spawn, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import { DEMO_ACCOUNTS } from "../src/seed/demo-clinic";
import { createTestDatabase } from "../src/testing/test-databases";
import { TestClient } from "../src/testing/http-client";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PASSWORD = "benchmark-password";

function startProcess(
  script: string,
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: new URL("..", import.meta.url).pathname,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (!match) return;
      // From here on the output (request logs) is drained unread, so it costs this process nothing.
      child.stdout.off("data", onData);
      child.stdout.resume();
      resolve({ child, match });
    };
    child.stdout.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

async function load(url: string, headers: Record<string, string>) {
  // A short warm-up so JIT and pools settle before the measured run.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const database = await createTestDatabase(process.env.DATABASE_URL ? "postgres" : "pglite");
const databaseEnv: Record<string, string> =
  database.config.kind === "postgres"
    ? { DATABASE_URL: database.config.url }
    : { DATABASE_URL: "", PGLITE_DATA_DIR: "memory://" };

const hello = await startProcess("bench/hello-server.ts", {}, /LISTENING (\d+)/);
const app = await startProcess(
  "src/main.ts",
  { ...databaseEnv, PORT: "0", LOG_LEVEL: "info", DEMO_PASSWORD: PASSWORD, REDIS_URL: "" },
  /"url":"(http:\/\/[^"]+)".*Bridgeway is running/,
);
try {
  const appUrl = app.match[1] ?? "";
  const helloUrl = `http://127.0.0.1:${hello.match[1] ?? ""}/hello`;
  const client = new TestClient(appUrl);
  const login = await client.login(DEMO_ACCOUNTS.admin, PASSWORD);
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = client.cookieHeader();

  console.log(
    `Load: ${CONNECTIONS} connections for ${SECONDS}s each (after a 2s warm-up); database: ${database.config.kind}`,
  );
  const base = await load(helloUrl, {});
  const me = await load(`${appUrl}/api/auth/me`, { cookie });

  await client.post("/api/auth/logout");
  const replay = await fetch(`${appUrl}/api/auth/me`, { headers: { cookie } });

  const ratio = me.rps / base.rps;
  const row = (name: string, r: typeof base) =>
    `${name.padEnd(28)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(7)} ${r.p99.toFixed(1).padStart(7)} ${String(r.non2xx + r.errors).padStart(7)}`;
  console.log(
    `\n${"route".padEnd(28)} ${"req/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"errors".padStart(7)}`,
  );
  console.log(row("bare Express GET /hello", base));
  console.log(row("GET /api/auth/me (session)", me));
  console.log(`\nratio /me : hello = ${ratio.toFixed(2)}  (target >= 0.33)`);
  console.log(`p99 of /me = ${me.p99.toFixed(1)} ms  (target < 30 ms)`);
  console.log(
    `a signed-out session is refused at once: ${replay.status === 401 ? "yes" : `NO (${replay.status})`}`,
  );
  if (me.non2xx + me.errors > 0) console.log("warning: /me answered errors under load");
} finally {
  hello.child.kill("SIGTERM");
  app.child.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 500));
  await database.drop();
}
