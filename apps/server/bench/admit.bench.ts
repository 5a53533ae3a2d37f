// Admission benchmark: the time from a facilitator's `room:admit` to the waiting participant's
// `room:admitted` carrying its media credential, one admission at a time, over groups of people
// waiting for their session, with a bare socket.io emit→ack round trip (`presence:ping`, on the
// facilitator's socket to the same server) measured alongside as the baseline.
//   pnpm --filter @bridgeway/server bench:admit            (PGlite in a temporary folder)
//   DATABASE_URL=postgresql://… REDIS_URL=redis://… pnpm --filter @bridgeway/server bench:admit
//   BENCH_ADMISSIONS=200 BENCH_GROUP_SIZE=10
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JoinReply, MediaCredential } from "@bridgeway/domain";
import type { DatabaseConfig } from "../src/config";
import { openDatabase } from "../src/db/database";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "../src/db/migrate";
import { LiveClient, type Reply } from "../src/testing/live-client";
import { createTestDatabase } from "../src/testing/test-databases";

const ADMISSIONS = Number(process.env.BENCH_ADMISSIONS ?? 200);
/** People waiting together for one session; the facilitator lets them in one by one. */
const GROUP_SIZE = Number(process.env.BENCH_GROUP_SIZE ?? 10);
const GROUPS = Math.ceil(ADMISSIONS / GROUP_SIZE);
const ZONE = "America/New_York";

type Seeded = {
  facilitatorToken: string;
  participants: { userId: string; token: string }[];
  /** One session for warming up, then one per measured group; all happening now. */
  sessionIds: string[];
};

/**
 * A clinic with one facilitator, a cohort of GROUP_SIZE participants and GROUPS + 1 of its
 * group sessions happening now, everyone with a sign-in session. Written straight to the
 * database before the server starts: PGlite belongs to one process at a time.
 */
async function seed(config: DatabaseConfig): Promise<Seeded> {
  const db = await openDatabase(config);
  await applyMigrations(db.sql, readMigrations(MIGRATIONS_DIR));
  const now = new Date();
  const org = await db.prisma.organization.create({
    data: { name: "Bench clinic", timeZone: ZONE },
  });
  const program = await db.prisma.program.create({
    data: { organizationId: org.id, name: "Bench program" },
  });
  const person = (role: "FACILITATOR" | "PARTICIPANT", index: number) => ({
    id: randomUUID(),
    organizationId: org.id,
    email: `bench-${role.toLowerCase()}-${index}@bench.example`,
    passwordHash: "unused",
    role,
    firstName: "Bench",
    lastName: `${role === "FACILITATOR" ? "F" : "P"}${index}`,
    timeZone: ZONE,
  });
  const facilitator = person("FACILITATOR", 0);
  const participants = Array.from({ length: GROUP_SIZE }, (_, i) => person("PARTICIPANT", i));
  await db.prisma.user.createMany({ data: [facilitator, ...participants] });
  const cohort = await db.prisma.cohort.create({
    data: {
      programId: program.id,
      name: "Bench cohort",
      timeZone: ZONE,
      capacity: 30,
      startsOn: new Date(now.getTime() - 30 * 86_400_000),
      endsOn: new Date(now.getTime() + 60 * 86_400_000),
      meetingDays: ["MO"],
      startTime: "09:00",
      endTime: "10:00",
      recurrenceRule: "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
    },
  });
  await db.prisma.cohortFacilitator.create({
    data: { cohortId: cohort.id, facilitatorUserId: facilitator.id, role: "LEAD" },
  });
  await db.prisma.enrollment.createMany({
    data: participants.map((p) => ({
      cohortId: cohort.id,
      participantUserId: p.id,
      phase: 4,
      startsOn: new Date(now.getTime() - 30 * 86_400_000),
      plannedDischargeOn: new Date(now.getTime() + 60 * 86_400_000),
    })),
  });
  const sessionIds = Array.from({ length: GROUPS + 1 }, () => randomUUID());
  await db.prisma.sessionOccurrence.createMany({
    data: sessionIds.map((id) => ({
      id,
      organizationId: org.id,
      cohortId: cohort.id,
      kind: "GROUP_THERAPY" as const,
      startsAt: new Date(now.getTime() - 60_000),
      endsAt: new Date(now.getTime() + 2 * 3_600_000),
      timeZone: ZONE,
      leadFacilitatorId: facilitator.id,
    })),
  });
  const tokens = new Map<string, string>();
  await db.prisma.signIn.createMany({
    data: [facilitator, ...participants].map((u) => {
      const token = randomBytes(32).toString("base64url");
      tokens.set(u.id, token);
      return {
        id: createHash("sha256").update(token).digest("hex"),
        userId: u.id,
        csrfToken: "bench",
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + 11 * 3_600_000),
      };
    }),
  });
  await db.close();
  return {
    facilitatorToken: tokens.get(facilitator.id) ?? "",
    participants: participants.map((p) => ({ userId: p.id, token: tokens.get(p.id) ?? "" })),
    sessionIds,
  };
}

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: new URL("..", import.meta.url).pathname,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = /"url":"(http:\/\/[^"]+)".*Bridgeway is running/;
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (!match) return;
      // From here on the output (request logs) is drained unread, so it costs this process nothing.
      child.stdout.off("data", onData);
      child.stdout.resume();
      resolve({ child, url: match[1] ?? "" });
    };
    child.stdout.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the server exited with ${code}`)));
  });
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

function expectOk<T>(reply: Reply<T>, what: string): T {
  if (!reply.ok) throw new Error(`${what}: ${reply.error.code} ${reply.error.message}`);
  return reply;
}

/** The bare round trip: an event the server acknowledges at once, on the same socket. */
function ping(client: LiveClient): Promise<number> {
  return new Promise((resolve) => {
    const sent = performance.now();
    client.socket.emit("presence:ping", () => resolve(performance.now() - sent));
  });
}

type Sample = { admitted: number; acknowledged: number; ping: number };

/**
 * One session: every participant joins and waits; the facilitator lets them in one at a time,
 * each timed from the emit to their `room:admitted`; each leaves once in, as the direct-mode
 * room holds six at most.
 */
async function runGroup(
  facilitator: LiveClient,
  participants: { userId: string; client: LiveClient }[],
  sessionId: string,
): Promise<Sample[]> {
  const joined = expectOk(await facilitator.join(sessionId, "Facilitator"), "facilitator join");
  if (joined.state !== "admitted") throw new Error("the facilitator was not let in");
  for (const [index, p] of participants.entries()) {
    const reply: JoinReply = expectOk(await p.client.join(sessionId, `P${index}`), "join");
    if (reply.state !== "waiting") throw new Error(`participant ${index} did not wait`);
  }
  const samples: Sample[] = [];
  for (const p of participants) {
    const baseline = await ping(facilitator);
    const admitted = new Promise<{ at: number; credential: MediaCredential }>((resolve) => {
      const listener = (payload: { sessionId: string; credential: MediaCredential }) => {
        if (payload.sessionId !== sessionId) return;
        p.client.socket.off("room:admitted", listener);
        resolve({ at: performance.now(), credential: payload.credential });
      };
      p.client.socket.on("room:admitted", listener);
    });
    const sent = performance.now();
    const acknowledged = new Promise<number>((resolve, reject) => {
      facilitator.socket.emit("room:admit", { sessionId, userId: p.userId }, (reply) => {
        if (reply.ok) resolve(performance.now());
        else reject(new Error(`admit: ${reply.error.code} ${reply.error.message}`));
      });
    });
    const [arrival, ackAt] = await Promise.all([admitted, acknowledged]);
    if (arrival.credential.mode !== "direct") throw new Error("expected a direct-mode credential");
    samples.push({ admitted: arrival.at - sent, acknowledged: ackAt - sent, ping: baseline });
    expectOk(await p.client.request("room:leave", { sessionId }), "leave");
  }
  expectOk(await facilitator.request("room:leave", { sessionId }), "facilitator leave");
  return samples;
}

const kind = process.env.DATABASE_URL ? "postgres" : "pglite";
let database: { config: DatabaseConfig; drop: () => Promise<void> };
if (kind === "postgres") {
  database = await createTestDatabase("postgres");
} else {
  // A folder, not memory://: the data is seeded here, then opened by the server's process.
  const dataDir = mkdtempSync(join(tmpdir(), "bw-admit-bench-"));
  database = {
    config: { kind: "pglite", dataDir },
    drop: () => {
      rmSync(dataDir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}
const redisUrl = process.env.REDIS_URL ?? "";

console.log(
  `Seeding ${GROUP_SIZE} participants and ${GROUPS + 1} sessions happening now (${kind}${redisUrl ? " + Redis" : ""})…`,
);
const seeded = await seed(database.config);
const server = await startServer({
  ...(database.config.kind === "postgres"
    ? { DATABASE_URL: database.config.url }
    : { DATABASE_URL: "", PGLITE_DATA_DIR: database.config.dataDir }),
  REDIS_URL: redisUrl,
  PORT: "0",
  LOG_LEVEL: "info",
  DEMO_SEED: "false",
  NODE_ENV: "test",
});
const clients: LiveClient[] = [];
try {
  const client = (token: string) => {
    const c = new LiveClient(server.url, `bw_session=${token}`);
    clients.push(c);
    return c;
  };
  const facilitator = client(seeded.facilitatorToken);
  const participants = seeded.participants.map((p) => ({
    userId: p.userId,
    client: client(p.token),
  }));
  await Promise.all(clients.map((c) => c.connected()));

  const [warmUp, ...measured] = seeded.sessionIds;
  // JIT, pools and prepared statements settle on a session of their own, which is not counted.
  if (warmUp) await runGroup(facilitator, participants, warmUp);
  const samples: Sample[] = [];
  for (const sessionId of measured) {
    samples.push(...(await runGroup(facilitator, participants, sessionId)));
  }

  const row = (name: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const cell = (v: number) => v.toFixed(2).padStart(8);
    return `${name.padEnd(44)} ${cell(percentile(sorted, 50))} ${cell(percentile(sorted, 95))} ${cell(percentile(sorted, 99))} ${cell(sorted.at(-1) ?? NaN)}`;
  };
  console.log(
    `\n${samples.length} admissions in ${measured.length} sessions of ${GROUP_SIZE} waiting, one at a time (after a warm-up session)`,
  );
  console.log(
    `${"ms".padEnd(44)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"p99".padStart(8)} ${"max".padStart(8)}`,
  );
  console.log(
    row(
      "admit → participant has room:admitted",
      samples.map((s) => s.admitted),
    ),
  );
  console.log(
    row(
      "admit → facilitator's acknowledgement",
      samples.map((s) => s.acknowledged),
    ),
  );
  console.log(
    row(
      "baseline: bare emit → ack (presence:ping)",
      samples.map((s) => s.ping),
    ),
  );
  const p99 = percentile(
    samples.map((s) => s.admitted).sort((a, b) => a - b),
    99,
  );
  console.log(`\nadmit-to-credential p99 = ${p99.toFixed(2)} ms  (target < 20 ms)`);
} finally {
  for (const c of clients) c.close();
  if (server.child.exitCode === null) {
    const exited = new Promise((resolve) => server.child.once("exit", resolve));
    server.child.kill("SIGTERM");
    await exited;
  }
  await database.drop();
}
