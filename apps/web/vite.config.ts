import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const API_ORIGIN = "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    // Host is passed through unchanged (no changeOrigin): the API compares the browser's Origin
    // with the Host it sees to refuse cross-site writes, so both must name the dev server.
    proxy: {
      "/api": { target: API_ORIGIN },
      "/socket.io": { target: API_ORIGIN, ws: true },
    },
  },
  build: {
    // scripts/report-bundle.mjs reads the manifest to measure what a first visit downloads.
    manifest: true,
    target: "es2022",
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
    // Forms typed into key by key take a second or two alone, and several times that while the
    // server's tests, lint and the build share CI's two cores: a slow machine is not a failure.
    testTimeout: 20_000,
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
  },
});
