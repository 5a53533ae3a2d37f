// Shared helpers for the two commands a new user runs: `npm start` and `npm test`.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const PNPM_VERSION = "10.34.9";
const MIN_NODE = [20, 19];

export function checkNode() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
    console.error(
      `Bridgeway needs Node.js ${MIN_NODE.join(".")} or newer; this is ${process.versions.node}.`,
    );
    process.exit(1);
  }
}

/** Runs a command with the terminal attached; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: "inherit",
      shell: process.platform === "win32",
      ...options,
      env: {
        ...process.env,
        TURBO_TELEMETRY_DISABLED: "1",
        TURBO_NO_UPDATE_NOTIFIER: "1",
        DO_NOT_TRACK: "1",
        ...options.env,
      },
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** pnpm at the version the lockfile was made with, fetched by npx if it is not installed. */
export function pnpm(args, options) {
  return run("npx", ["--yes", `pnpm@${PNPM_VERSION}`, ...args], options);
}

export async function step(title, fn) {
  console.log(`\n▶ ${title}`);
  const code = await fn();
  if (code !== 0) console.error(`✖ ${title} failed (exit ${code})`);
  return code;
}
