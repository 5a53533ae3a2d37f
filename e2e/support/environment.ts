import { fileURLToPath } from "node:url";

/** Where the server under test listens, and the browser it is driven with. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4317);
export const BASE_URL = `http://localhost:${E2E_PORT}`;

/**
 * With no SMTP relay the server writes each email as an .eml file here, and tests read them
 * (invitation links). One folder per port, so two runs side by side never clear each other's.
 */
export const OUTBOX_DIR = fileURLToPath(
  new URL(`../test-results/outbox-${E2E_PORT}`, import.meta.url),
);
export const DEMO_PASSWORD = "e2e-demo-password";
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags that run headless Chromium here, with a fake camera and microphone for WebRTC. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--allow-loopback-in-peer-connection",
  "--disable-features=WebRtcHideLocalIpsWithMdns",
];
