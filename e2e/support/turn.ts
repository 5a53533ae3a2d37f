import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { createConnection } from "node:net";
import { fileURLToPath } from "node:url";
import { expect, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD, E2E_PORT } from "./environment";

const SERVER = fileURLToPath(new URL("../../apps/server/dist/main.js", import.meta.url));
const RESULTS = fileURLToPath(new URL("../test-results/", import.meta.url));
const TURNSERVER = process.env.TURNSERVER_PATH ?? "/usr/bin/turnserver";
/** Ports of this run, apart from other runs on other E2E ports. */
const offset = E2E_PORT % 1000;
export const TURN_PORT = Number(process.env.TURN_PORT ?? 34_000 + offset);
/** A second Bridgeway server, in direct mode with TURN, for the relay test. */
export const TURN_APP_PORT = Number(process.env.TURN_APP_PORT ?? 22_000 + offset);
export const TURN_APP_URL = `http://localhost:${TURN_APP_PORT}`;
export const TURN_SECRET = `e2e-turn-secret-${randomBytes(8).toString("hex")}`;

export type Running = { pid: number; stop(): Promise<void> };

/** Why the TURN tests cannot run here, or null. */
export function turnSkipReason(): string | null {
  const probe = spawnSync(TURNSERVER, ["--help"], { stdio: "ignore" });
  if (probe.error)
    return `TURN tests skipped: ${TURNSERVER} not found (apt-get install -y coturn).`;
  return null;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
}

async function until(ready: () => Promise<boolean>, child: ChildProcess, what: string) {
  const deadline = Date.now() + 60_000;
  while (!(await ready())) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`${what} did not start in 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const tcpOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

/**
 * coturn on loopback, checking TURN REST credentials against `secret` (as in production:
 * use-auth-secret), without TLS, relaying on a small port range. Loopback peers are allowed
 * here only because both browsers of the test live on this machine.
 */
export async function startCoturn(
  options: { port?: number; secret?: string } = {},
): Promise<Running> {
  const port = options.port ?? TURN_PORT;
  const child = spawn(
    TURNSERVER,
    [
      "-n",
      "--log-file=stdout",
      "--listening-ip=127.0.0.1",
      "--relay-ip=127.0.0.1",
      `--listening-port=${port}`,
      `--min-port=${port + 10}`,
      `--max-port=${port + 60}`,
      "--use-auth-secret",
      `--static-auth-secret=${options.secret ?? TURN_SECRET}`,
      "--realm=bridgeway.test",
      "--fingerprint",
      "--no-tls",
      "--no-dtls",
      "--no-cli",
      "--no-multicast-peers",
      "--allow-loopback-peers",
      `--pidfile=${RESULTS}turnserver-${port}.pid`,
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  await until(() => tcpOpen(port), child, "coturn");
  return { pid: child.pid ?? 0, stop: stopper(child) };
}

/** A Bridgeway server of its own (fresh database), with `env` on top of the test defaults. */
export async function startApp(port: number, env: Record<string, string>): Promise<Running> {
  const outbox = `${RESULTS}outbox-${port}`;
  mkdirSync(outbox, { recursive: true });
  const all: Record<string, string> = {
    PORT: String(port),
    HOST: "127.0.0.1",
    DEMO_PASSWORD,
    LOG_LEVEL: "warn",
    NODE_ENV: "test",
    OUTBOX_DIR: outbox,
    ...env,
  };
  const adminUrl = process.env.DATABASE_URL;
  let database: string | undefined;
  if (adminUrl) {
    database = `bw_e2e_turn_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    all.DATABASE_URL = url.toString();
  } else {
    all.DATABASE_URL = "";
    all.PGLITE_DATA_DIR = "memory://";
  }
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, ...all },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await until(
    async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;
      } catch {
        return false;
      }
    },
    child,
    "the TURN-mode app",
  );
  const stop = stopper(child);
  return {
    pid: child.pid ?? 0,
    async stop() {
      await stop();
      if (database && adminUrl) {
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await admin.end();
      }
    },
  };
}

/**
 * Keeps every RTCPeerConnection the page makes in `window.__bridgewayPeers`, so a test can read
 * their statistics (the app does not expose its connections).
 */
export async function recordPeerConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    const peers: RTCPeerConnection[] = [];
    Object.assign(window, { __bridgewayPeers: peers });
    class Recorded extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        peers.push(this);
      }
    }
    window.RTCPeerConnection = Recorded;
  });
}

/** Forces relay-only ICE in this context's direct-mode room (the app's test switch). */
export async function forceRelay(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    localStorage.setItem("bridgeway.iceTransportPolicy", "relay");
  });
}

export type VideoStats = {
  framesDecoded: number;
  /** Frames decoded by each open peer connection, by its place in the page's list. */
  perPeer: Record<number, number>;
  freezeCount: number;
  frameHeight: number;
  /** Candidate types of the selected pair on each connected peer connection. */
  pairs: { local: string; remote: string; relayProtocol: string | null }[];
};

/** Decoded video and the connection in use, summed over the page's peer connections. */
export async function videoStats(page: Page): Promise<VideoStats> {
  return page.evaluate(async () => {
    const peers =
      (window as unknown as { __bridgewayPeers?: RTCPeerConnection[] }).__bridgewayPeers ?? [];
    const out = {
      perPeer: {} as Record<number, number>,
      framesDecoded: 0,
      freezeCount: 0,
      frameHeight: 0,
      pairs: [] as { local: string; remote: string; relayProtocol: string | null }[],
    };
    for (const [index, pc] of peers.entries()) {
      if (pc.connectionState === "closed") continue;
      out.perPeer[index] = 0;
      const report = await pc.getStats();
      const byId = new Map<string, Record<string, unknown>>();
      report.forEach((s: Record<string, unknown> & { id: string }) => byId.set(s.id, s));
      for (const s of byId.values()) {
        if (s.type === "inbound-rtp" && s.kind === "video") {
          out.framesDecoded += Number(s.framesDecoded ?? 0);
          out.perPeer[index] = (out.perPeer[index] ?? 0) + Number(s.framesDecoded ?? 0);
          out.freezeCount += Number(s.freezeCount ?? 0);
          out.frameHeight = Math.max(out.frameHeight, Number(s.frameHeight ?? 0));
        }
        if (s.type === "transport" && typeof s.selectedCandidatePairId === "string") {
          const pair = byId.get(s.selectedCandidatePairId);
          const local = pair ? byId.get(String(pair.localCandidateId)) : undefined;
          const remote = pair ? byId.get(String(pair.remoteCandidateId)) : undefined;
          if (local && remote)
            out.pairs.push({
              local: String(local.candidateType),
              remote: String(remote.candidateType),
              relayProtocol: typeof local.relayProtocol === "string" ? local.relayProtocol : null,
            });
        }
      }
    }
    return out;
  });
}

/**
 * Frames decoded between two readings, counting a connection made in between (a rebuilt one)
 * from zero, so a new connection's frames are not hidden by the closed one's total.
 */
export function framesBetween(before: VideoStats, after: VideoStats): number {
  let frames = 0;
  for (const [index, now] of Object.entries(after.perPeer))
    frames += Math.max(0, now - (before.perPeer[Number(index)] ?? 0));
  return frames;
}

/** Waits until the page decodes video frames that keep advancing; answers the stats then. */
export async function expectFramesAdvancing(page: Page, timeout = 30_000): Promise<VideoStats> {
  const first = await videoStats(page);
  await expect
    .poll(async () => framesBetween(first, await videoStats(page)), { timeout })
    .toBeGreaterThan(10);
  return videoStats(page);
}

/** What a person needs here: their page and who they are. */
type InRoom = { page: Page; id: string; firstName: string };

/**
 * The facilitator opens the room, the participant joins and is let in; answers once both show
 * their controls. `beforeJoin` runs on the participant's pre-join screen (to choose audio-only).
 */
export async function meetInRoom(
  facilitator: InRoom,
  participant: InRoom,
  sessionId: string,
  beforeJoin?: (page: Page) => Promise<void>,
): Promise<void> {
  const room = `/sessions/${sessionId}/room`;
  const controls = (page: Page) => page.getByRole("group", { name: "Your controls" });
  await facilitator.page.goto(room);
  await facilitator.page.getByRole("button", { name: "Join session" }).click();
  await expect(controls(facilitator.page)).toBeVisible({ timeout: 30_000 });
  await participant.page.goto(room);
  await expect(participant.page.getByRole("button", { name: "Join session" })).toBeEnabled({
    timeout: 30_000,
  });
  if (beforeJoin) await beforeJoin(participant.page);
  await participant.page.getByRole("button", { name: "Join session" }).click();
  const manage = facilitator.page.getByRole("complementary", { name: "Manage the room" });
  await manage
    .getByRole("button", { name: `Admit ${participant.firstName}` })
    .click({ timeout: 30_000 });
  await expect(controls(participant.page)).toBeVisible({ timeout: 30_000 });
}
