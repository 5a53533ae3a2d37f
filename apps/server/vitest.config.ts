import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    // Integration tests start real servers on PGlite (and PostgreSQL/Redis when configured); some
    // start two. On a busy two-core machine a start alone has taken over 20 s: slow is not broken,
    // and a test that hangs still fails.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
  },
});
