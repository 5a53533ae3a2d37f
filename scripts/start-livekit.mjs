// `npm run start:livekit`: Bridgeway with a local LiveKit server, to try the SFU path (groups
// larger than direct mode's mesh) with one command. Builds livekit-server once (needs Go 1.26+),
// starts it on loopback with dev keys and its webhooks pointed at the app, then the app in
// LiveKit mode. Dev keys only: production uses its own keys and a LiveKit server reachable from
// participants' homes (see infra/).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkNode, pnpm, ROOT, run, step } from "./lib.mjs";

checkNode();

const BINARY = join(ROOT, ".tools/livekit/livekit-server");
if (
  (await step("Building livekit-server (once)", () =>
    run("bash", ["scripts/build-livekit.sh"]),
  )) !== 0
)
  process.exit(1);
if (!existsSync(BINARY)) {
  console.error(
    "livekit-server is not built (Go 1.26+ is needed): use `npm start` for direct mode.",
  );
  process.exit(1);
}
if ((await step("Installing dependencies", () => pnpm(["install", "--frozen-lockfile"]))) !== 0)
  process.exit(1);
const built = await step("Building the server and the web app", () =>
  pnpm(["exec", "turbo", "run", "build", "--filter=@bridgeway/server", "--filter=@bridgeway/web"]),
);
if (built !== 0) process.exit(1);

const port = process.env.PORT || "3000";
const livekitPort = process.env.LIVEKIT_PORT || "7880";
const key = "bridgeway-dev";
const secret = "bridgeway-dev-secret-only-for-loopback-testing-0001";
const dir = join(ROOT, ".tools/livekit");
mkdirSync(dir, { recursive: true });
const config = join(dir, "dev.yaml");
writeFileSync(
  config,
  [
    `port: ${livekitPort}`,
    `bind_addresses: ["127.0.0.1"]`,
    `rtc:`,
    `  tcp_port: 0`,
    `  port_range_start: 50000`,
    `  port_range_end: 50100`,
    `  use_external_ip: false`,
    `  enable_loopback_candidate: true`,
    `keys:`,
    `  ${key}: ${secret}`,
    `webhook:`,
    `  api_key: ${key}`,
    `  urls: ["http://127.0.0.1:${port}/api/livekit/webhook"]`,
    `logging:`,
    `  level: info`,
    "",
  ].join("\n"),
);

const children = [];
const livekit = spawn(
  BINARY,
  ["--config", config, "--bind", "127.0.0.1", "--node-ip", "127.0.0.1"],
  {
    stdio: "inherit",
  },
);
children.push(livekit);
const password = process.env.DEMO_PASSWORD || "bridgeway-demo";
console.log(`
LiveKit is starting at ws://127.0.0.1:${livekitPort} (dev keys, loopback only).
Bridgeway is starting at http://localhost:${port} in LiveKit mode.

Demo clinic sign-ins (password: ${password}): see \`npm start\` or the README.
Press Ctrl+C to stop both.
`);
const server = spawn(process.execPath, [join(ROOT, "apps/server/dist/main.js")], {
  cwd: ROOT,
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: port,
    LIVEKIT_URL: `ws://127.0.0.1:${livekitPort}`,
    LIVEKIT_API_KEY: key,
    LIVEKIT_API_SECRET: secret,
  },
});
children.push(server);
const stop = (signal) => {
  for (const child of children) if (child.exitCode === null) child.kill(signal);
};
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal));
for (const child of children) {
  child.once("exit", (code) => {
    stop("SIGTERM");
    process.exitCode = code ?? 0;
  });
}
