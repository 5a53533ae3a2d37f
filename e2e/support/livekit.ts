import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { DEMO_PASSWORD, E2E_PORT } from "./environment";

/**
 * A real LiveKit server for the browser tests, and a second Bridgeway server wired to it. Built by
 * scripts/build-livekit.sh into .tools/ (git-ignored); when it is not there the LiveKit tests are
 * skipped and say why.
 */
export const LIVEKIT_BINARY =
  process.env.LIVEKIT_SERVER_BIN ??
  fileURLToPath(new URL("../../.tools/livekit/livekit-server", import.meta.url));

export const livekitSkipReason = (): string | null =>
  existsSync(LIVEKIT_BINARY)
    ? null
    : `LiveKit tests skipped: no livekit-server at ${LIVEKIT_BINARY} (scripts/build-livekit.sh builds it when Go 1.26+ is installed).`;

/** Dev keys: only ever on loopback, in tests and `npm run start:livekit`. */
export const LIVEKIT_API_KEY = "bridgeway-dev";
export const LIVEKIT_API_SECRET = "bridgeway-dev-secret-only-for-loopback-testing-0001";

// Ports derived from the e2e port, so two runs on different ports never meet.
const offset = E2E_PORT % 1000;
/** The Bridgeway server that runs in LiveKit mode, beside the direct-mode one. */
export const LIVEKIT_APP_PORT = Number(process.env.LIVEKIT_APP_PORT ?? 20_000 + offset);
export const LIVEKIT_APP_URL = `http://localhost:${LIVEKIT_APP_PORT}`;
export const LIVEKIT_PORT = Number(process.env.LIVEKIT_PORT ?? 21_000 + offset);
const RTC_PORT_START = 40_000 + (offset % 100) * 200;
export const LIVEKIT_WS_URL = `ws://127.0.0.1:${LIVEKIT_PORT}`;
export const LIVEKIT_HTTP_URL = `http://127.0.0.1:${LIVEKIT_PORT}`;

const SERVER = fileURLToPath(new URL("../../apps/server/dist/main.js", import.meta.url));
const RESULTS = fileURLToPath(new URL("../test-results/", import.meta.url));

export type Running = { pid: number; stop(): Promise<void> };

/** A TURN server LiveKit hands to its clients, with REST credentials it makes from `secret`. */
export type LivekitTurnServer = {
  host: string;
  port: number;
  protocol: "udp" | "tcp";
  secret: string;
};

/** The config livekit-server runs with: dev keys, loopback only, webhooks to `webhookUrl`. */
export function livekitConfig(options: {
  port: number;
  rtcPortStart: number;
  /** How many UDP ports from rtcPortStart it may use (200 unless said). */
  rtcPorts?: number;
  webhookUrl: string;
  apiKey: string;
  apiSecret: string;
  turnServers?: LivekitTurnServer[];
  /** Addresses it listens on besides loopback (a test network's host end). */
  extraBindAddresses?: string[];
}): string {
  const binds = ["127.0.0.1", ...(options.extraBindAddresses ?? [])];
  return [
    `port: ${options.port}`,
    `bind_addresses: ${JSON.stringify(binds)}`,
    `rtc:`,
    `  tcp_port: 0`,
    `  port_range_start: ${options.rtcPortStart}`,
    `  port_range_end: ${options.rtcPortStart + (options.rtcPorts ?? 200) - 1}`,
    `  use_external_ip: false`,
    `  enable_loopback_candidate: true`,
    ...(options.turnServers?.length
      ? [
          `  turn_servers:`,
          ...options.turnServers.flatMap((t) => [
            `    - host: ${t.host}`,
            `      port: ${t.port}`,
            `      protocol: ${t.protocol}`,
            `      secret: ${JSON.stringify(t.secret)}`,
            `      ttl: 3600`,
          ]),
        ]
      : []),
    `keys:`,
    `  ${options.apiKey}: ${options.apiSecret}`,
    `webhook:`,
    `  api_key: ${options.apiKey}`,
    `  urls: ["${options.webhookUrl}"]`,
    `room:`,
    // A room whose last person left closes soon, so room_finished arrives within a test.
    `  departure_timeout: 2`,
    `  empty_timeout: 30`,
    `logging:`,
    `  level: info`,
    "",
  ].join("\n");
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

async function waitFor(url: string, child: ChildProcess, what: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${what} did not answer ${url} in 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Starts livekit-server on loopback; resolves once it answers HTTP. */
export async function startLivekit(options: {
  webhookUrl: string;
  port?: number;
  rtcPortStart?: number;
  rtcPorts?: number;
  turnServers?: LivekitTurnServer[];
  /**
   * The address it offers for media and listens on besides loopback (127.0.0.1 unless said): a
   * test network's host end, which browsers on both sides of it can reach.
   */
  publicIp?: string;
}): Promise<Running> {
  const port = options.port ?? LIVEKIT_PORT;
  const publicIp = options.publicIp ?? "127.0.0.1";
  mkdirSync(RESULTS, { recursive: true });
  const configFile = `${RESULTS}livekit-${port}.yaml`;
  writeFileSync(
    configFile,
    livekitConfig({
      port,
      rtcPortStart: options.rtcPortStart ?? RTC_PORT_START,
      ...(options.rtcPorts ? { rtcPorts: options.rtcPorts } : {}),
      ...(options.turnServers ? { turnServers: options.turnServers } : {}),
      ...(options.publicIp ? { extraBindAddresses: [options.publicIp] } : {}),
      webhookUrl: options.webhookUrl,
      apiKey: LIVEKIT_API_KEY,
      apiSecret: LIVEKIT_API_SECRET,
    }),
  );
  // Its log goes to a file beside the config: read it when a LiveKit test fails.
  const log = openSync(`${RESULTS}livekit-${port}.log`, "w");
  const child = spawn(LIVEKIT_BINARY, ["--config", configFile, "--node-ip", publicIp], {
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  await waitFor(`http://127.0.0.1:${port}/`, child, "livekit-server");
  return { pid: child.pid ?? 0, stop: stopper(child) };
}

/**
 * Starts the built Bridgeway server in LiveKit mode on `port`: on a fresh PostgreSQL database
 * when DATABASE_URL is set (as in CI), otherwise on in-memory PGlite.
 */
export async function startLivekitApp(options: {
  port?: number;
  livekitUrl?: string;
  env?: Record<string, string>;
}): Promise<Running> {
  const port = options.port ?? LIVEKIT_APP_PORT;
  const outbox = `${RESULTS}outbox-${port}`;
  mkdirSync(outbox, { recursive: true });
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: "127.0.0.1",
    DEMO_PASSWORD,
    LOG_LEVEL: "warn",
    NODE_ENV: "test",
    OUTBOX_DIR: outbox,
    LIVEKIT_URL: options.livekitUrl ?? LIVEKIT_WS_URL,
    LIVEKIT_API_KEY,
    LIVEKIT_API_SECRET,
    ...options.env,
  };
  const adminUrl = process.env.DATABASE_URL;
  let database: string | undefined;
  if (adminUrl) {
    database = `bw_e2e_lk_${randomBytes(5).toString("hex")}`;
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
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitFor(`http://127.0.0.1:${port}/api/health`, child, "the LiveKit-mode app");
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

/** The port of the app `startOwnLivekitStack` starts from `base`. */
export const ownStackAppPort = (base: number): number => base + offset;

/**
 * A livekit-server and a LiveKit-mode app of their own, for a test that needs them set up
 * differently from the project's shared pair (`appEnv` on the app, TURN servers on LiveKit).
 * Ports come from `base` and `rtcBase` (distinct per test) and this run's E2E port.
 */
export async function startOwnLivekitStack(options: {
  base: number;
  rtcBase: number;
  appEnv?: Record<string, string>;
  turnServers?: LivekitTurnServer[];
  /** See `startLivekit`; the app then tells browsers to reach LiveKit there too. */
  publicIp?: string;
}): Promise<{
  appPort: number;
  appUrl: string;
  livekitHttpUrl: string;
  livekitWsUrl: string;
  stop(): Promise<void>;
}> {
  const appPort = ownStackAppPort(options.base);
  const livekitPort = options.base + 1000 + offset;
  const livekit = await startLivekit({
    port: livekitPort,
    // 40 UDP ports per run, below the ephemeral range and apart from the shared server's.
    rtcPortStart: options.rtcBase + (offset % 100) * 40,
    rtcPorts: 40,
    webhookUrl: `http://127.0.0.1:${appPort}/api/livekit/webhook`,
    ...(options.turnServers ? { turnServers: options.turnServers } : {}),
    ...(options.publicIp ? { publicIp: options.publicIp } : {}),
  });
  const app = await startLivekitApp({
    port: appPort,
    livekitUrl: `ws://${options.publicIp ?? "127.0.0.1"}:${livekitPort}`,
    ...(options.appEnv ? { env: options.appEnv } : {}),
  }).catch(async (error: unknown) => {
    await livekit.stop();
    throw error;
  });
  return {
    appPort,
    appUrl: `http://localhost:${appPort}`,
    livekitHttpUrl: `http://127.0.0.1:${livekitPort}`,
    livekitWsUrl: `ws://127.0.0.1:${livekitPort}`,
    async stop() {
      await app.stop();
      await livekit.stop();
    },
  };
}

/** CPU seconds a process has used so far (user + system), from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / 100;
}
