import { defineConfig, devices } from "@playwright/test";
import { BASE_URL, CHROMIUM_ARGS, CHROMIUM_PATH } from "./support/environment";
import { LIVEKIT_APP_URL, livekitSkipReason } from "./support/livekit";

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
};
const VIDEO_TESTS = [
  "**/live-room.e2e.ts",
  "**/families.e2e.ts",
  "**/turn-relay.e2e.ts",
  "**/audio-only.e2e.ts",
  "**/poor-network.e2e.ts",
  "**/spanish-room.e2e.ts",
];
const LIVEKIT_TESTS = ["**/livekit-*.e2e.ts"];

// Said once, by the runner (workers load this file too): the tests themselves skip with the reason.
const skipReason = livekitSkipReason();
if (skipReason && !process.env.TEST_WORKER_INDEX) console.log(`\n${skipReason}\n`);
// A real livekit-server (built by scripts/build-livekit.sh) and a second Bridgeway server in
// LiveKit mode, started by the tests' worker fixture. These take turns with the video project (a
// lock in support/live.ts), for the same reason the video tests take turns.
const livekitProject = {
  name: "livekit",
  testMatch: LIVEKIT_TESTS,
  workers: 1,
  use: { ...chromium, baseURL: LIVEKIT_APP_URL },
};

export default defineConfig({
  testDir: "tests",
  testMatch: "**/*.e2e.ts",
  outputDir: "test-results/artifacts",
  globalSetup: "./support/global-setup.ts",
  globalTeardown: "./support/global-teardown.ts",
  forbidOnly: true,
  // In CI a failed test runs once more, and the summary line says "passed only on retry" for
  // it: an intermittent failure stays visible without sinking the run. Locally, never.
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // Several browsers, pages and accessibility scans per test on a two-core CI machine: slow is
  // not broken (a multi-person forum test ran past 60 s there twice). A hung test still fails.
  timeout: 120_000,
  // A lazily loaded page on two busy cores took over 10 s to render once (the Spanish
  // forgot-password page): a longer bound for what must appear, not a wait.
  expect: { timeout: 20_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: [...VIDEO_TESTS, ...LIVEKIT_TESTS],
      use: chromium,
    },
    {
      // Each of these drives three or more browsers sending fake-camera video to each other.
      // Two at once starve a two-core machine until WebRTC stalls, so they take turns (beside
      // the light tests of the other project).
      name: "video",
      testMatch: VIDEO_TESTS,
      workers: 1,
      use: chromium,
    },
    livekitProject,
  ],
});
