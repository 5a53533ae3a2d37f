import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { build, type Plugin } from "vite";
import { defineConfig } from "vitest/config";
import { precacheList } from "./src/sw/sw-routing";

const ROOT = dirname(fileURLToPath(import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"));
}

/**
 * Builds src/sw/service-worker.ts to /sw.js after the app, with the list of the files this build
 * wrote (the app and public/) to precache as the app shell, and a cache name that changes with them.
 */
function serviceWorker(): Plugin {
  return {
    name: "bridgeway-service-worker",
    apply: "build",
    async closeBundle() {
      // What the build wrote, read back: Vite drops some chunks (CSS-only ones) after
      // generateBundle, so the bundle a plugin sees there lists files that never reach the disk.
      const precache = precacheList(filesUnder(join(ROOT, "dist")));
      const version = createHash("sha256").update(precache.join("\n")).digest("hex").slice(0, 12);
      await build({
        configFile: false,
        logLevel: "warn",
        define: {
          __BRIDGEWAY_PRECACHE__: JSON.stringify(precache),
          __BRIDGEWAY_BUILD__: JSON.stringify(version),
        },
        build: {
          outDir: join(ROOT, "dist"),
          emptyOutDir: false,
          copyPublicDir: false,
          target: "es2022",
          lib: {
            entry: join(ROOT, "src/sw/service-worker.ts"),
            formats: ["iife"],
            name: "bridgewayServiceWorker",
            fileName: () => "sw.js",
          },
        },
      });
    },
  };
}

const API_ORIGIN = "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react(), serviceWorker()],
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
    testTimeout: 45_000,
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
  },
});
