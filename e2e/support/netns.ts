import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { createConnection, createServer, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_PORT } from "./environment";

const RESULTS = fileURLToPath(new URL("../test-results/", import.meta.url));

/**
 * A network namespace of this test run's own, joined to this machine by a veth pair on a private
 * /30 (10.231.x.0/30, x from the run's port): one participant's browser runs inside it, and
 * `tc netem` on both ends of the pair shapes everything it sends and receives. Nothing here
 * reaches beyond this machine: the namespace has no route but the veth, and the app is reached
 * through two loopback forwarders (in the namespace, and on the host's end of the pair).
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
  /** Whether this kernel has netem (delay and random loss); tbf (rate) is always there. */
  netem: boolean;
  /**
   * Without netem, whether random loss can still be made with nftables (`numgen random` drops
   * in the namespace); delay then cannot be made at all.
   */
  nftLoss: boolean;
  /** Replaces the shaping on both directions; null clears it. */
  shape(condition: Shaping | null): void;
  /** Launches Chromium inside the namespace; the app is at http://localhost:<E2E_PORT> there too. */
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

/** Why the poor-network tests cannot run here, or null. */
export function netnsSkipReason(): string | null {
  if (process.getuid?.() !== 0)
    return "Poor-network tests skipped: they need root for ip netns and tc netem.";
  const probe = ip(["netns", "add", `${NAME}probe`]);
  if (!probe.ok)
    return `Poor-network tests skipped: ip netns does not work here (${probe.output}).`;
  ip(["netns", "del", `${NAME}probe`]);
  const tc = spawnSync("tc", ["-V"], { encoding: "utf8" });
  if (tc.error) return "Poor-network tests skipped: tc (iproute2) is not installed.";
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
const [listenPort, targetHost, targetPort] = process.argv.slice(1);
net.createServer((client) => {
  const upstream = net.createConnection({ host: targetHost, port: Number(targetPort) });
  client.pipe(upstream).pipe(client);
  const close = () => { client.destroy(); upstream.destroy(); };
  client.on("error", close); upstream.on("error", close);
}).listen(Number(listenPort), "127.0.0.1", () => console.log("ready"));
`;

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  return exited;
}

export async function createNetns(): Promise<Netns> {
  const hostIp = `10.231.${index}.1`;
  const nsIp = `10.231.${index}.2`;
  // Left over from a run that was killed: start clean.
  ip(["netns", "del", NAME]);
  ip(["link", "del", HOST_IF]);
  must("ip", ["netns", "add", NAME]);
  const inNs = (args: string[]) => must("ip", ["netns", "exec", NAME, ...args]);
  let forwardHost: Server | null = null;
  let forwardNs: ChildProcess | null = null;
  const close = async () => {
    if (forwardNs) await stop(forwardNs);
    await new Promise<void>((resolve) =>
      forwardHost ? forwardHost.close(() => resolve()) : resolve(),
    );
    ip(["netns", "del", NAME]);
    ip(["link", "del", HOST_IF]);
  };
  try {
    must("ip", ["link", "add", HOST_IF, "type", "veth", "peer", "name", NS_IF]);
    must("ip", ["link", "set", NS_IF, "netns", NAME]);
    must("ip", ["addr", "add", `${hostIp}/30`, "dev", HOST_IF]);
    must("ip", ["link", "set", HOST_IF, "up"]);
    inNs(["ip", "addr", "add", `${nsIp}/30`, "dev", NS_IF]);
    inNs(["ip", "link", "set", NS_IF, "up"]);
    inNs(["ip", "link", "set", "lo", "up"]);

    // The app listens on loopback: reach it from the namespace through the veth pair.
    forwardHost = await forwarder(
      { host: hostIp, port: E2E_PORT },
      { host: "127.0.0.1", port: E2E_PORT },
    );
    const child = spawn(
      "ip",
      [
        "netns",
        "exec",
        NAME,
        process.execPath,
        "-e",
        FORWARDER_SCRIPT,
        String(E2E_PORT),
        hostIp,
        String(E2E_PORT),
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    forwardNs = child;
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (data: Buffer) => {
        if (data.toString().includes("ready")) resolve();
      });
      child.once("exit", (code) =>
        reject(new Error(`the namespace's forwarder exited with ${code}`)),
      );
    });
  } catch (error) {
    await close();
    throw error;
  }

  mkdirSync(RESULTS, { recursive: true });
  const wrapper = `${RESULTS}chromium-in-${NAME}.sh`;
  writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${NAME} ${CHROMIUM_PATH} "$@"\n`);
  chmodSync(wrapper, 0o755);

  // Some kernels are built without sch_netem: rate and blackout then use tbf, and loss with
  // delay cannot be made at all (the caller says so).
  const netem =
    spawnSync("tc", ["qdisc", "replace", "dev", HOST_IF, "root", "netem", "delay", "0ms"])
      .status === 0;
  spawnSync("tc", ["qdisc", "del", "dev", HOST_IF, "root"], { stdio: "ignore" });

  // Random loss without netem: nftables in the namespace drops that share of packets each way.
  const nft = (args: string[]) =>
    spawnSync("ip", ["netns", "exec", NAME, "nft", ...args], { encoding: "utf8" });
  const nftLoss = !netem && nft(["list", "tables"]).status === 0;
  function setNftLoss(percent: number | null): void {
    nft(["delete", "table", "inet", "bwloss"]);
    if (percent === null) return;
    for (const hook of ["input", "output"]) {
      const rules = [
        ["add", "table", "inet", "bwloss"],
        ["add", "chain", "inet", "bwloss", hook, `{ type filter hook ${hook} priority 0; }`],
        [
          "add",
          "rule",
          "inet",
          "bwloss",
          hook,
          "numgen",
          "random",
          "mod",
          "100",
          "<",
          String(percent),
          "drop",
        ],
      ];
      for (const rule of rules) {
        const result = nft(rule);
        if (result.status !== 0) throw new Error(`nft ${rule.join(" ")} failed: ${result.stderr}`);
      }
    }
  }

  function qdisc(condition: Shaping): string[] {
    switch (condition.kind) {
      case "loss-delay":
        if (!netem) throw new Error("this kernel has no netem: delay cannot be shaped");
        return ["netem", "delay", `${condition.delayMs}ms`, "loss", `${condition.lossPercent}%`];
      case "rate":
        return ["tbf", "rate", `${condition.kbit}kbit`, "burst", "16kbit", "latency", "300ms"];
      case "blackout":
        // Without netem: a bucket that refills one byte a second, with no queue, drops it all.
        return netem
          ? ["netem", "loss", "100%"]
          : ["tbf", "rate", "8bit", "burst", "1600", "limit", "1"];
    }
  }

  return {
    name: NAME,
    hostIp,
    nsIp,
    netem,
    nftLoss,
    shape(condition) {
      if (!netem && condition?.kind === "loss-delay") {
        if (!nftLoss) throw new Error("neither netem nor nftables: loss cannot be shaped");
        if (condition.delayMs > 0)
          console.log(`no netem: ${condition.delayMs} ms of delay not added`);
        setNftLoss(condition.lossPercent);
        return;
      }
      if (nftLoss) setNftLoss(null);
      for (const [prefix, dev] of [
        [[], HOST_IF],
        [["netns", "exec", NAME, "tc"], NS_IF],
      ] as const) {
        const command = prefix.length === 0 ? "tc" : "ip";
        const args = [...prefix, "qdisc"];
        if (condition) must(command, [...args, "replace", "dev", dev, "root", ...qdisc(condition)]);
        else spawnSync(command, [...args, "del", "dev", dev, "root"], { stdio: "ignore" });
      }
    },
    launchBrowser: () => chromium.launch({ executablePath: wrapper, args: CHROMIUM_ARGS }),
    close,
  };
}
