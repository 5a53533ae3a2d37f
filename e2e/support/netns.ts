import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createConnection, createServer, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_PORT } from "./environment";

const RESULTS = fileURLToPath(new URL("../test-results/", import.meta.url));

/**
 * A network namespace of this test run's own, joined to this machine by a shaped link on a private
 * point-to-point pair of addresses (10.231.x.1 and .2, x from the run's port): one participant's
 * browser runs inside it. The link is `support/shaper` (a small Go program, built here with Go's
 * build cache): a userspace wire between two TUN devices that adds delay, random loss, a rate
 * limit or a blackout to every packet, both ways. It stands in for `tc netem`, which this
 * project's machines lack (no sch_netem in their kernel); the rest of the path is the kernel's.
 * Nothing here reaches beyond this machine: the namespace has routes only to this machine's own
 * addresses, and the app is reached through two loopback forwarders (in the namespace, and on
 * the host's end of the link).
 */
/** What the link does to every packet, in both directions. */
export type Shaping =
  | { kind: "loss-delay"; lossPercent: number; delayMs: number }
  | { kind: "rate"; kbit: number }
  | { kind: "blackout" };

export type Netns = {
  name: string;
  hostIp: string;
  nsIp: string;
  /** Replaces the shaping on both directions; null clears it. */
  shape(condition: Shaping | null): Promise<void>;
  /** Launches Chromium inside the namespace; the apps are at http://localhost:<port> there too. */
  launchBrowser(): Promise<Browser>;
  close(): Promise<void>;
};

function ip(args: string[]): { ok: boolean; output: string } {
  const result = spawnSync("ip", args, { encoding: "utf8" });
  return {
    ok: result.status === 0,
    output: `${result.stderr}${result.stdout}${result.error?.message ?? ""}`.trim(),
  };
}

function must(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(" ")} failed: ${result.stderr || result.error?.message}`,
    );
}

const index = E2E_PORT % 250;
const NAME = `bwnet${E2E_PORT}`;
const HOST_IF = `bwh${E2E_PORT}`;
const NS_IF = `bwn${E2E_PORT}`;

const SHAPER_SOURCE = fileURLToPath(new URL("./shaper/", import.meta.url));
const SHAPER = fileURLToPath(new URL("../../.tools/shaper/shaper", import.meta.url));

/** Builds the shaper (Go's build cache makes this quick after the first time); null when built. */
function buildShaper(): string | null {
  const result = spawnSync("go", ["build", "-trimpath", "-o", SHAPER, "."], {
    cwd: SHAPER_SOURCE,
    encoding: "utf8",
    env: { ...process.env, GOFLAGS: "-mod=mod" },
  });
  if (result.error) return `Go is not installed (${result.error.message})`;
  if (result.status !== 0) return `building support/shaper failed: ${result.stderr.trim()}`;
  return null;
}

let shaperProblem: string | null | undefined;

/** Why the poor-network tests cannot run here, or null. */
export function netnsSkipReason(): string | null {
  if (process.getuid?.() !== 0)
    return "Poor-network tests skipped: they need root for ip netns and TUN devices.";
  if (!existsSync("/dev/net/tun"))
    return "Poor-network tests skipped: this machine has no /dev/net/tun.";
  const probe = ip(["netns", "add", `${NAME}probe`]);
  if (!probe.ok)
    return `Poor-network tests skipped: ip netns does not work here (${probe.output}).`;
  ip(["netns", "del", `${NAME}probe`]);
  shaperProblem ??= buildShaper();
  if (shaperProblem) return `Poor-network tests skipped: ${shaperProblem}.`;
  return null;
}

/** A TCP forwarder: connections to `listen` are piped to `target`. */
function forwarder(listen: { host: string; port: number }, target: { host: string; port: number }) {
  const server = createServer((client) => {
    const upstream = createConnection(target);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", close);
    upstream.on("error", close);
  });
  return new Promise<Server>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port, listen.host, () => resolve(server));
  });
}

/** The same forwarder as a script, to run inside the namespace. */
const FORWARDER_SCRIPT = `
const net = require("node:net");
const [port, targetHost] = process.argv.slice(1);
net.createServer((client) => {
  const upstream = net.createConnection({ host: targetHost, port: Number(port) });
  client.pipe(upstream).pipe(client);
  const close = () => { client.destroy(); upstream.destroy(); };
  client.on("error", close); upstream.on("error", close);
}).listen(Number(port), "127.0.0.1", () => console.log("ready"));
`;

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  return exited;
}

/** This machine's own IPv4 addresses (the namespace gets a route to each, through the link). */
function hostAddresses(): string[] {
  const result = spawnSync("ip", ["-4", "-o", "addr", "show", "scope", "global"], {
    encoding: "utf8",
  });
  return [...result.stdout.matchAll(/inet (\d+\.\d+\.\d+\.\d+)/g)]
    .map((match) => match[1] ?? "")
    .filter((address) => address !== "" && !address.startsWith("10.231."));
}

/** The shaper, started: its devices exist; `command` sends one line and waits for its "ok". */
async function startShaper(): Promise<{
  child: ChildProcess;
  command(line: string): Promise<void>;
}> {
  const child = spawn(SHAPER, [NS_IF, HOST_IF], { stdio: ["pipe", "pipe", "inherit"] });
  const waiting: { resolve(line: string): void; reject(error: Error): void }[] = [];
  let buffered = "";
  child.stdout.on("data", (data: Buffer) => {
    buffered += data.toString();
    let newline: number;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      waiting.shift()?.resolve(line);
    }
  });
  child.once("exit", (code) => {
    for (const waiter of waiting.splice(0))
      waiter.reject(new Error(`the shaper exited with ${code}`));
  });
  const next = () => new Promise<string>((resolve, reject) => waiting.push({ resolve, reject }));
  const ready = await next();
  if (ready !== "ready") throw new Error(`the shaper said ${ready}`);
  return {
    child,
    async command(line) {
      const answer = next();
      child.stdin.write(`${line}\n`);
      const said = await answer;
      if (said !== "ok") throw new Error(`shaper: ${line}: ${said}`);
    },
  };
}

export async function createNetns(ports: readonly number[] = [E2E_PORT]): Promise<Netns> {
  const hostIp = `10.231.${index}.1`;
  const nsIp = `10.231.${index}.2`;
  // Left over from a run that was killed: start clean.
  ip(["netns", "del", NAME]);
  ip(["link", "del", HOST_IF]);
  must("ip", ["netns", "add", NAME]);
  const inNs = (args: string[]) => must("ip", ["netns", "exec", NAME, ...args]);
  let shaper: Awaited<ReturnType<typeof startShaper>> | null = null;
  const forwardHost: Server[] = [];
  const forwardNs: ChildProcess[] = [];
  const close = async () => {
    for (const child of forwardNs) await stop(child);
    for (const server of forwardHost)
      await new Promise<void>((resolve) => server.close(() => resolve()));
    if (shaper) await stop(shaper.child);
    ip(["netns", "del", NAME]);
    ip(["link", "del", HOST_IF]);
  };
  try {
    shaper = await startShaper();
    must("ip", ["link", "set", NS_IF, "netns", NAME]);
    must("ip", ["addr", "add", hostIp, "peer", nsIp, "dev", HOST_IF]);
    must("ip", ["link", "set", HOST_IF, "up"]);
    inNs(["ip", "addr", "add", nsIp, "peer", hostIp, "dev", NS_IF]);
    inNs(["ip", "link", "set", NS_IF, "up"]);
    inNs(["ip", "link", "set", "lo", "up"]);
    // Media servers (LiveKit, TURN) offer this machine's other addresses as candidates.
    for (const address of hostAddresses())
      inNs(["ip", "route", "add", `${address}/32`, "dev", NS_IF]);

    // The apps listen on loopback: reach them from the namespace through the link.
    for (const port of ports) {
      forwardHost.push(await forwarder({ host: hostIp, port }, { host: "127.0.0.1", port }));
      const child = spawn(
        "ip",
        ["netns", "exec", NAME, process.execPath, "-e", FORWARDER_SCRIPT, String(port), hostIp],
        { stdio: ["ignore", "pipe", "inherit"] },
      );
      forwardNs.push(child);
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (data: Buffer) => {
          if (data.toString().includes("ready")) resolve();
        });
        child.once("exit", (code) =>
          reject(new Error(`the namespace's forwarder exited with ${code}`)),
        );
      });
    }
  } catch (error) {
    await close();
    throw error;
  }

  mkdirSync(RESULTS, { recursive: true });
  const wrapper = `${RESULTS}chromium-in-${NAME}.sh`;
  writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${NAME} ${CHROMIUM_PATH} "$@"\n`);
  chmodSync(wrapper, 0o755);
  const link = shaper;

  return {
    name: NAME,
    hostIp,
    nsIp,
    async shape(condition) {
      if (condition === null) return link.command("clear");
      switch (condition.kind) {
        case "loss-delay":
          return link.command(`loss ${condition.lossPercent} ${condition.delayMs}`);
        case "rate":
          return link.command(`rate ${condition.kbit}`);
        case "blackout":
          return link.command("blackout");
      }
    },
    launchBrowser: () => chromium.launch({ executablePath: wrapper, args: CHROMIUM_ARGS }),
    close,
  };
}
