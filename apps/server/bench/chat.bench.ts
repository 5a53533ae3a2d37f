// Chat benchmark: N sockets (5,000 by default) in rooms of 10, each sending a message every few
// seconds, every message stored; delivery latency p50/p99, the highest sustained rate before p99
// passes one second (rates keep rising until each server passes it), the same load against a
// bare socket.io broadcast server, and server memory per idle socket.
// Run: `DATABASE_URL=… [REDIS_URL=…] pnpm --filter @bridgeway/server bench:chat`.
//   BENCH_SOCKETS=5000 BENCH_ROOM_SIZE=10 BENCH_STEP_SECONDS=10 BENCH_RATES=1000,2000,4000
//   BENCH_DEFAULT_SECONDS=60 (the first rate, the default load, is measured this long)
//   BENCH_REFINE_STEPS=2 (steps between the last rate passed and the first failed)
//   BENCH_CPU_PROFILE=<folder>: both servers write a V8 CPU profile there as they exit.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { build } from "esbuild";
import { io as connect, type Socket } from "socket.io-client";
import { openDatabase } from "../src/db/database";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "../src/db/migrate";
import { createTestDatabase } from "../src/testing/test-databases";

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 5000);
const ROOM_SIZE = Number(process.env.BENCH_ROOM_SIZE ?? 10);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 10);
/**
 * The default load is measured for longer than the other steps: its p99 is a target, and the
 * tail of a server that has run for a minute (full garbage collections every few seconds, the
 * minute's background jobs) is not that of its first ten seconds.
 */
const DEFAULT_SECONDS = Number(process.env.BENCH_DEFAULT_SECONDS ?? 60);
/**
 * Total messages per second; the first is the default load (every socket every 5 s). After the
 * list, the rate keeps rising by half until p99 passes one second (or this cap).
 */
const MAX_RATE = Number(process.env.BENCH_MAX_RATE ?? 60_000);
/** Steps run between the last rate that passed and the first that failed, halving the gap. */
const REFINE_STEPS = Number(process.env.BENCH_REFINE_STEPS ?? 2);
/** Total messages per second; the first is the default load (every socket every 5 s). */
const RATES = (process.env.BENCH_RATES ?? [1, 2, 4, 6, 8].map((k) => (SOCKETS / 5) * k).join(","))
  .split(",")
  .filter((rate) => rate.trim() !== "")
  .map(Number);

type Target = {
  name: string;
  url: string;
  child: ChildProcess;
  /** Heap + external bytes after a full collection, or null when the process cannot say. */
  memory: (() => Promise<number>) | null;
  connect(index: number): Promise<Socket>;
  send(socket: Socket, room: string, body: string): Promise<void>;
  event: string;
};

type Started = { child: ChildProcess; match: RegExpMatchArray; memory: () => Promise<number> };

/**
 * Bundles an entry point the way `scripts/build.mjs` builds the server for production, next to
 * dist/main.js so its paths resolve alike. Run through tsx instead, every named closure gets a
 * `name` property (esbuild's keepNames) and with it a property dictionary: about 10 KB more per
 * socket, which production does not pay.
 */
async function bundle(entry: string, name: string): Promise<string> {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    dependencies: Record<string, string>;
  };
  await build({
    entryPoints: { [name]: entry },
    outdir: new URL("../dist", import.meta.url).pathname,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.19",
    external: Object.keys(pkg.dependencies).filter((dep) => !dep.startsWith("@bridgeway/")),
    logLevel: "warning",
  });
  return `dist/${name}.js`;
}

function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<Started> {
  const profile = process.env.BENCH_CPU_PROFILE
    ? [`--cpu-prof`, `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
    : [];
  const child = spawn(process.execPath, ["--expose-gc", ...profile, ...args], {
    cwd: new URL("..", import.meta.url).pathname,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const reports: ((bytes: number) => void)[] = [];
    /** Heap and external memory after a full collection, asked of the server by SIGUSR2. */
    const memory = () =>
      new Promise<number>((report) => {
        reports.push(report);
        child.kill("SIGUSR2");
      });
    let resolved = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // Keep only the unread tail, so a long run costs this process nothing.
      const lines = output.split("\n");
      output = lines.pop() ?? "";
      for (const line of lines) {
        if (line.includes('"memory report"')) {
          const { heapUsed, external } = JSON.parse(line) as { heapUsed: number; external: number };
          reports.shift()?.(heapUsed + external);
        }
        const match = resolved ? null : ready.exec(line);
        if (match) {
          resolved = true;
          resolve({ child, match, memory });
        }
      }
    };
    child.stdout.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}`)));
  });
}

/** A step passes while p99 stays under one second and nothing failed. */
const passes = (step: { p99: number; failed: number }) => step.p99 < 1000 && step.failed === 0;

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    // A clean exit writes the CPU profile; a server stuck in its backlog is killed after 15 s.
    const kill = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });

const rssKb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const waitFor = (socket: Socket) =>
  new Promise<void>((resolve, reject) => {
    if (socket.connected) resolve();
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });

/** Seeds a clinic of N participants in cohorts of ROOM_SIZE, each with a sign-in session. */
async function seed(config: Awaited<ReturnType<typeof createTestDatabase>>["config"]) {
  const db = await openDatabase(config);
  await applyMigrations(db.sql, readMigrations(MIGRATIONS_DIR));
  const org = await db.prisma.organization.create({
    data: { name: "Bench clinic", timeZone: "America/New_York" },
  });
  const program = await db.prisma.program.create({
    data: { organizationId: org.id, name: "Bench program" },
  });
  const rooms: string[] = [];
  const people: { userId: string; token: string; room: string }[] = [];
  const now = new Date();
  for (let r = 0; r < SOCKETS / ROOM_SIZE; r += 1) {
    const cohort = await db.prisma.cohort.create({
      data: {
        programId: program.id,
        name: `Bench ${r}`,
        timeZone: "America/New_York",
        capacity: 30,
        startsOn: new Date("2026-01-05T00:00:00Z"),
        endsOn: new Date("2027-12-31T00:00:00Z"),
        meetingDays: ["MO"],
        startTime: "09:00",
        endTime: "10:00",
        recurrenceRule: "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
      },
    });
    const room = `cohort:${cohort.id}`;
    rooms.push(room);
    const users = Array.from({ length: ROOM_SIZE }, (_, i) => ({
      id: randomUUID(),
      organizationId: org.id,
      email: `bench-${r}-${i}@bench.example`,
      passwordHash: "unused",
      role: "PARTICIPANT" as const,
      firstName: "Bench",
      lastName: `P${r}x${i}`,
      timeZone: "America/New_York",
    }));
    await db.prisma.user.createMany({ data: users });
    await db.prisma.enrollment.createMany({
      data: users.map((u) => ({
        cohortId: cohort.id,
        participantUserId: u.id,
        phase: 4,
        startsOn: new Date("2026-01-05T00:00:00Z"),
        plannedDischargeOn: new Date("2027-12-01T00:00:00Z"),
      })),
    });
    const sessions = users.map((u) => {
      const token = randomBytes(32).toString("base64url");
      people.push({ userId: u.id, token, room });
      return {
        id: createHash("sha256").update(token).digest("hex"),
        userId: u.id,
        csrfToken: "bench",
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + 11 * 3_600_000),
      };
    });
    await db.prisma.signIn.createMany({ data: sessions });
  }
  await db.close();
  return people;
}

async function measure(target: Target, people: { token: string; room: string }[]) {
  // A first tenth warms the server up (code paths, caches); memory is measured over the rest.
  const sockets: Socket[] = [];
  const connectRange = async (from: number, to: number) => {
    for (let i = from; i < to; i += 50) {
      const batch = await Promise.all(
        people.slice(i, Math.min(i + 50, to)).map((_, j) => target.connect(i + j)),
      );
      sockets.push(...batch);
    }
  };
  const warm = Math.max(1, Math.floor(people.length / 10));
  await connectRange(0, warm);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const beforeKb = rssKb(target.child.pid ?? 0);
  const beforeHeap = await target.memory?.();
  await connectRange(warm, people.length);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const afterKb = rssKb(target.child.pid ?? 0);
  const afterHeap = await target.memory?.();
  const perSocketKb = (afterKb - beforeKb) / (people.length - warm);
  const perSocketHeapKb =
    beforeHeap !== undefined && afterHeap !== undefined
      ? (afterHeap - beforeHeap) / 1024 / (people.length - warm)
      : NaN;

  const latencies: number[] = [];
  let recording = false;
  for (const socket of sockets) {
    socket.on(target.event, (message: { body: string }) => {
      if (!recording) return;
      const sentAt = Number(/^t=(\d+(?:\.\d+)?)/.exec(message.body)?.[1]);
      if (Number.isFinite(sentAt)) latencies.push(performance.now() - sentAt);
    });
  }

  /** Sends `rate` messages a second, round robin over the sockets, for `seconds`. */
  async function run(rate: number, seconds: number, record: boolean) {
    latencies.length = 0;
    const acks: number[] = [];
    let issued = 0;
    let sent = 0;
    let failed = 0;
    const interval = 1000 / rate;
    const startedAt = performance.now();
    const settleMs = record ? 2000 : 0;
    recording = false;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const elapsed = performance.now() - startedAt;
        if (record && elapsed > settleMs) recording = true;
        if (elapsed > settleMs + seconds * 1000) {
          clearInterval(timer);
          resolve();
          return;
        }
        // Keep to the schedule: send every message that is due by now.
        const due = Math.floor(elapsed / interval);
        while (issued < due) {
          const index = issued % sockets.length;
          issued += 1;
          const socket = sockets[index];
          const person = people[index];
          if (!socket || !person) continue;
          const at = performance.now();
          target.send(socket, person.room, `t=${at} hello from the benchmark`).then(
            () => {
              sent += 1;
              if (recording) acks.push(performance.now() - at);
            },
            () => (failed += 1),
          );
        }
      }, 5);
    });
    // Every send answered (bounded, past the ceiling there is a backlog), then a second for the
    // last deliveries: a warm-up leaves nothing behind, and a step counts its slow messages too.
    const drainBy = performance.now() + 30_000;
    while (sent + failed < issued && performance.now() < drainBy) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    recording = false;
    const sorted = [...latencies].sort((x, y) => x - y);
    const ackSorted = acks.sort((x, y) => x - y);
    return {
      rate,
      ackP50: percentile(ackSorted, 50),
      ackP99: percentile(ackSorted, 99),
      sent,
      delivered: sorted.length,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      failed,
    };
  }

  // Warm up first: JIT, connection pools and prepared statements settle before anything counts.
  await run(RATES[0] ?? 200, 8, false);
  const steps = [];
  const rates = [...RATES];
  for (let i = 0; i < rates.length; i += 1) {
    const rate = rates[i] ?? 0;
    const step = await run(rate, i === 0 ? DEFAULT_SECONDS : STEP_SECONDS, true);
    steps.push(step);
    // Past the ceiling there is nothing more to learn, only a backlog to wait out. A step with
    // no deliveries at all (p99 NaN) is past it too.
    if (!passes(step)) break;
    const next = Math.round(rate * 1.5);
    if (i === rates.length - 1 && next <= MAX_RATE) rates.push(next);
  }
  // The ladder's steps are far apart near the top (4,000 then 6,000): halve the gap between the
  // last rate that passed and the first that did not, REFINE_STEPS times.
  const last = steps.at(-1);
  let below = [...steps].reverse().find(passes)?.rate;
  let above = last && !passes(last) ? last.rate : undefined;
  for (let i = 0; i < REFINE_STEPS && below !== undefined && above !== undefined; i += 1) {
    const rate = Math.round((below + above) / 2 / 100) * 100;
    if (rate <= below || rate >= above) break;
    const step = await run(rate, STEP_SECONDS, true);
    steps.push(step);
    if (passes(step)) below = rate;
    else above = rate;
  }
  for (const socket of sockets) socket.disconnect();
  return { perSocketKb, perSocketHeapKb, steps };
}

const database = await createTestDatabase(process.env.DATABASE_URL ? "postgres" : "pglite");
if (database.config.kind === "pglite") {
  // PGlite lives inside one process; the server process needs its own copy of the data.
  throw new Error("The chat benchmark seeds through a database server: set DATABASE_URL.");
}
console.log(`Seeding ${SOCKETS} participants in rooms of ${ROOM_SIZE}…`);
const people = await seed(database.config);

const app = await start(
  [await bundle("src/main.ts", "chat-bench-server")],
  {
    DATABASE_URL: database.config.url,
    PORT: "0",
    LOG_LEVEL: "info",
    DEMO_SEED: "false",
    // Through Redis (the streams adapter every multi-process clinic runs) when REDIS_URL is set.
    REDIS_URL: process.env.REDIS_URL ?? "",
    // Round robin over the sockets: at the top rates each person sends several a second, which
    // the flood guard (2 a second) is there to refuse. The benchmark measures delivery.
    CHAT_BURST_MESSAGES: "100000",
    CHAT_MESSAGES_PER_SECOND: "100000",
  },
  /"url":"(http:\/\/[^"]+)".*Bridgeway is running/,
);
const bare = await start(
  [await bundle("bench/bare-chat-server.ts", "chat-bench-bare")],
  {},
  /LISTENING (\d+)/,
);
const appUrl = app.match[1] ?? "";
const bareUrl = `http://127.0.0.1:${bare.match[1] ?? ""}`;

const bridgeway: Target = {
  name: "Bridgeway chat (stored)",
  url: appUrl,
  child: app.child,
  memory: app.memory,
  event: "chat:message",
  async connect(index) {
    const person = people[index];
    const socket = connect(appUrl, {
      transports: ["websocket"],
      extraHeaders: { origin: appUrl, cookie: `bw_session=${person?.token ?? ""}` },
    });
    await waitFor(socket);
    await new Promise<void>((resolve, reject) =>
      socket.emit("chat:subscribe", { roomKey: person?.room }, (reply: { ok: boolean }) =>
        reply.ok ? resolve() : reject(new Error("subscribe failed")),
      ),
    );
    return socket;
  },
  send(socket, room, body) {
    return new Promise((resolve, reject) =>
      socket.emit(
        "chat:send",
        { roomKey: room, clientId: randomUUID(), body },
        (reply: { ok: boolean }) => (reply.ok ? resolve() : reject(new Error("send failed"))),
      ),
    );
  },
};
const baseline: Target = {
  name: "bare socket.io broadcast",
  url: bareUrl,
  child: bare.child,
  memory: bare.memory,
  event: "message",
  async connect(index) {
    const socket = connect(bareUrl, {
      transports: ["websocket"],
      query: { room: people[index]?.room ?? "" },
    });
    await waitFor(socket);
    return socket;
  },
  send(socket, room, body) {
    return new Promise((resolve) => socket.emit("send", { room, body }, () => resolve()));
  },
};

try {
  const results = [];
  for (const target of [bridgeway, baseline]) {
    console.log(`\nLoading ${target.name}…`);
    const result = await measure(target, people);
    results.push({ target, ...result });
    // A server past its ceiling still works through its backlog; stopped, so it takes no CPU
    // from the next server's run on the same machine.
    await stop(target.child);
    console.log(
      `  memory per connected socket: ${result.perSocketHeapKb.toFixed(1)} KB live heap (after a full GC), ${result.perSocketKb.toFixed(1)} KB resident`,
    );
    for (const s of result.steps) {
      console.log(
        `  ${String(s.rate).padStart(5)} msg/s  sent ${String(s.sent).padStart(6)}  deliveries ${String(s.delivered).padStart(7)}  p50 ${s.p50.toFixed(1).padStart(7)} ms  p99 ${s.p99.toFixed(1).padStart(8)} ms  (acknowledged p50 ${s.ackP50.toFixed(1)} ms, p99 ${s.ackP99.toFixed(1)} ms)${s.failed ? `  FAILED ${s.failed}` : ""}`,
      );
    }
  }
  // The ceiling: the highest rate that passed below the lowest that did not.
  const ceiling = (steps: { rate: number; p99: number; failed: number }[]) => {
    const lowestFailed = Math.min(...steps.filter((s) => !passes(s)).map((s) => s.rate));
    return Math.max(
      0,
      ...steps.filter((s) => passes(s) && s.rate < lowestFailed).map((s) => s.rate),
    );
  };
  const [ours, bareResult] = results;
  const ourCeiling = ceiling(ours?.steps ?? []);
  const bareCeiling = ceiling(bareResult?.steps ?? []);
  const first = ours?.steps[0];
  console.log("\nSummary");
  console.log(
    `  default load ${first?.rate ?? 0} msg/s for ${DEFAULT_SECONDS} s: p50 ${first?.p50.toFixed(1) ?? "?"} ms, p99 ${first?.p99.toFixed(1) ?? "?"} ms (target p99 < 50 ms)`,
  );
  console.log(
    `  highest rate with p99 < 1 s: Bridgeway ${ourCeiling} msg/s, bare socket.io ${bareCeiling} msg/s, ratio ${(ourCeiling / Math.max(1, bareCeiling)).toFixed(2)} (target >= 0.8)`,
  );
  console.log(
    `  memory per idle socket: ${ours?.perSocketHeapKb.toFixed(1) ?? "?"} KB of live heap, ${ours?.perSocketKb.toFixed(1) ?? "?"} KB resident; bare socket.io ${bareResult?.perSocketHeapKb.toFixed(1) ?? "?"} KB heap, ${bareResult?.perSocketKb.toFixed(1) ?? "?"} KB resident (target at most 2x bare)`,
  );
  const stored = await (async () => {
    const db = await openDatabase(database.config);
    const count = await db.prisma.chatMessage.count();
    await db.close();
    return count;
  })();
  const acked = (ours?.steps ?? []).reduce((n, s) => n + s.sent, 0);
  console.log(`  messages acknowledged ${acked}, stored ${stored}`);
} finally {
  app.child.kill("SIGTERM");
  bare.child.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await database.drop();
}
