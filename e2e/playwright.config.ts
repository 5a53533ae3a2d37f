import { defineConfig, devices } from "@playwright/test";
import { BASE_URL, CHROMIUM_ARGS, CHROMIUM_PATH } from "./support/environment";

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
};
const VIDEO_TESTS = ["**/live-room.e2e.ts", "**/families.e2e.ts"];

export default defineConfig({
  testDir: "tests",
  testMatch: "**/*.e2e.ts",
  outputDir: "test-results/artifacts",
  globalSetup: "./support/global-setup.ts",
  globalTeardown: "./support/global-teardown.ts",
  forbidOnly: true,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: VIDEO_TESTS,
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
  ],
});
