// `npm test`: the whole suite. Installs dependencies, checks formatting, lint and types, builds,
// runs unit and integration tests (on PGlite, and on PostgreSQL/Redis when DATABASE_URL and
// REDIS_URL are set), then the browser tests in Chromium, and ends with `N passed, N failed`.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { checkNode, pnpm, ROOT, run, step } from "./lib.mjs";
import { SUITES, summarise } from "./test-summary.mjs";

checkNode();
process.env.TZ = "UTC";

for (const suite of SUITES) rmSync(join(ROOT, suite.file), { force: true });

const failures = [];
async function must(title, fn) {
  const code = await step(title, fn);
  if (code !== 0) failures.push(title);
  return code;
}

if ((await must("Installing dependencies", () => pnpm(["install", "--frozen-lockfile"]))) !== 0) {
  summarise();
  process.exit(1);
}

await must("Checking formatting (Prettier)", () => pnpm(["exec", "prettier", "--check", "."]));
await must("Lint, types, build, unit and integration tests", () =>
  pnpm(["exec", "turbo", "run", "lint", "typecheck", "build", "test", "--continue"]),
);

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `\n✖ Chromium not found at ${chromium}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH. The browser tests cannot run without it.`,
  );
  failures.push("Browser tests (Chromium missing)");
} else {
  // Cached in .tools/ and Go's caches after the first time. When it cannot be built (no Go), the
  // LiveKit tests are skipped and the run says why; the direct-mode tests still run.
  const livekit = await step("Building livekit-server for the LiveKit browser tests", () =>
    run("bash", ["scripts/build-livekit.sh"]),
  );
  if (livekit !== 0) console.error("  The LiveKit browser tests will be skipped: see above.");
  await must("Browser tests (Playwright, Chromium)", () =>
    pnpm(["exec", "turbo", "run", "test:e2e", "--continue"], { env: { CHROMIUM_PATH: chromium } }),
  );
}

const { passed, failed } = summarise();
if (failures.length > 0) console.error(`Steps that failed: ${failures.join("; ")}`);
process.exit(failures.length > 0 || failed > 0 || passed === 0 ? 1 : 0);
