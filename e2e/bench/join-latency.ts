// Join latency in both video modes on one machine: a participant who was already let in (joined
// once, admitted, then left) clicks "Join session" on the pre-join screen; timed in the page from
// just before the click to the first decoded frame of the facilitator's camera
// (requestVideoFrameCallback). Median, p90 and worst of BENCH_RUNS in direct mode (browser to
// browser) and in LiveKit mode (through a real livekit-server on loopback, when
// scripts/build-livekit.sh has built it), next to a baseline measured in the same run and the same
// browser: two bare RTCPeerConnections in one page sending the fake camera and microphone to each
// other (no server), from createOffer to the first decoded frame.
//
// It builds nothing: build the server and the web app first,
//   pnpm exec turbo run build --filter=@bridgeway/server --filter=@bridgeway/web
// then run `pnpm bench:join` (or `pnpm --filter @bridgeway/e2e run bench:join`).
//   BENCH_RUNS=10  BENCH_PORT=4318 (direct; LiveKit mode uses BENCH_PORT+1 and LiveKit on
//   BENCH_PORT+2)  BENCH_MODES=direct,livekit  (the servers run on in-memory PGlite)
//   BENCH_TRACE=1 prints each run's timeline in both browsers (see join-trace.ts)
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, expect, request, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH, DEMO_PASSWORD } from "../support/environment";
import { DEMO } from "../support/helpers";
import { apiSignedIn } from "../support/api";
import { cancelSession, moveGroupMeetingToNow, signedIn, type Person } from "../support/live";
import { livekitSkipReason, startLivekit, startLivekitApp } from "../support/livekit";
import { clearTrace, KEEP_NAMES_SHIM, printTrace, traceJoins } from "./join-trace";

const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 10));
const PORT = Number(process.env.BENCH_PORT ?? 4318);
const MODES = (process.env.BENCH_MODES ?? "direct,livekit").split(",").map((m) => m.trim());
const TRACE = process.env.BENCH_TRACE === "1";
// Benchmarks run on the embedded defaults whatever the shell says.
delete process.env.DATABASE_URL;
delete process.env.REDIS_URL;
const SERVER = fileURLToPath(new URL("../../apps/server/dist/main.js", import.meta.url));
/** A run that has not shown a frame by then counts as failed, and stops the benchmark. */
const RUN_TIMEOUT_MS = 20_000;

/** Starts the built server on the embedded defaults, as the browser tests' global setup does. */
async function startServer(): Promise<ChildProcess> {
  if (!existsSync(SERVER)) throw new Error(`Build the server first: ${SERVER} is missing.`);
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}.`);
  const child = spawn(process.execPath, [SERVER], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DEMO_PASSWORD,
      LOG_LEVEL: "warn",
      NODE_ENV: "test",
      DATABASE_URL: "",
      PGLITE_DATA_DIR: "memory://",
      REDIS_URL: "",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error("the server did not become healthy in 60 s");
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Clicks "Join session" from inside the page and resolves with the milliseconds from just before
 * the click to the first frame of `peerId`'s camera presented in its <video>, and when the click
 * was on the machine's clock.
 */
function clickJoinAndTimeFirstFrame(
  page: Page,
  peerId: string,
): Promise<{ ms: number; clickedAt: number }> {
  return page.evaluate(
    ([peer, timeoutMs]) =>
      new Promise<{ ms: number; clickedAt: number }>((resolve, reject) => {
        const selector = `video[data-peer-id="${peer}"][data-kind="camera"]`;
        const button = Array.from(document.querySelectorAll("button")).find(
          (b) => b.textContent.trim() === "Join session",
        );
        if (!button) throw new Error('no "Join session" button');
        let watched: HTMLVideoElement | null = null;
        let clickedAt = NaN;
        // The remote <video> appears once the peer connection has a track; its first frame
        // follows. Watch for the element, then for the frame.
        const watch = () => {
          const video = document.querySelector<HTMLVideoElement>(selector);
          if (!video || video === watched) return;
          watched = video;
          video.requestVideoFrameCallback(() => {
            const at = performance.now();
            clearTimeout(timer);
            observer.disconnect();
            resolve({ ms: at - clickedAt, clickedAt: performance.timeOrigin + clickedAt });
          });
        };
        const observer = new MutationObserver(watch);
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no frame from ${peer} within ${timeoutMs} ms`));
        }, timeoutMs);
        observer.observe(document.body, { childList: true, subtree: true });
        clickedAt = performance.now();
        button.click();
        watch();
      }),
    [peerId, RUN_TIMEOUT_MS] as const,
  );
}

/**
 * The baseline: in one page, two RTCPeerConnections with no ICE servers send the fake camera and
 * microphone to each other; milliseconds from createOffer to the first frame presented in a
 * <video>. The camera is already on, as it is on the pre-join screen.
 */
function loopbackFirstFrame(page: Page): Promise<number> {
  return page.evaluate(async (timeoutMs) => {
    const media = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    const sender = new RTCPeerConnection();
    const receiver = new RTCPeerConnection();
    const video = document.createElement("video");
    video.muted = true;
    video.autoplay = true;
    video.playsInline = true;
    document.body.append(video);
    try {
      sender.onicecandidate = (e) => void receiver.addIceCandidate(e.candidate ?? undefined);
      receiver.onicecandidate = (e) => void sender.addIceCandidate(e.candidate ?? undefined);
      const firstFrame = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no loopback frame")), timeoutMs);
        receiver.ontrack = (event) => {
          if (event.track.kind !== "video" || video.srcObject) return;
          video.srcObject = event.streams[0] ?? new MediaStream([event.track]);
          video.requestVideoFrameCallback(() => {
            clearTimeout(timer);
            resolve(performance.now());
          });
        };
      });
      for (const track of media.getTracks()) sender.addTrack(track, media);
      const started = performance.now();
      const offer = await sender.createOffer();
      await sender.setLocalDescription(offer);
      await receiver.setRemoteDescription(offer);
      const answer = await receiver.createAnswer();
      await receiver.setLocalDescription(answer);
      await sender.setRemoteDescription(answer);
      return (await firstFrame) - started;
    } finally {
      sender.close();
      receiver.close();
      for (const track of media.getTracks()) track.stop();
      video.remove();
    }
  }, RUN_TIMEOUT_MS);
}

/** Back on the pre-join screen with the camera preview running, so only joining is timed. */
async function readyToJoin(person: Person): Promise<void> {
  await expect(person.page.getByRole("button", { name: "Join session" })).toBeEnabled();
  await expect
    .poll(
      () =>
        person.page.evaluate(
          () =>
            document.querySelector<HTMLVideoElement>('video[data-peer-id="self"]')?.videoWidth ?? 0,
        ),
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0);
}

/** Leaves the room, and waits until the facilitator's side has let go of the connection. */
async function leaveAndComeBack(participant: Person, facilitator: Person): Promise<void> {
  await participant.page
    .getByRole("group", { name: "Your controls" })
    .getByRole("button", { name: "Leave session" })
    .click();
  await participant.page.getByRole("button", { name: "Rejoin session" }).click();
  await expect(
    facilitator.page.locator(`video[data-peer-id="${participant.id}"][data-kind="camera"]`),
  ).toHaveCount(0, { timeout: 15_000 });
  await readyToJoin(participant);
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

function summary(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median =
    sorted.length % 2 === 0
      ? ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2
      : (sorted[Math.floor(middle)] ?? NaN);
  return { median, p90: percentile(sorted, 90), worst: sorted.at(-1) ?? NaN };
}

type Measured = { joins: number[]; loopbacks: number[] };

/** RUNS joins against the app at `baseUrl`, each next to a baseline run. */
async function measure(baseUrl: string, label: string): Promise<Measured> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  let cleanup: (() => Promise<void>) | undefined;
  try {
    const staff = await apiSignedIn(request, baseUrl, DEMO.facilitator);
    const sessionId = await moveGroupMeetingToNow(staff.api);
    cleanup = () => cancelSession(staff.api, sessionId).finally(() => staff.dispose());
    const dana = await signedIn(browser, DEMO.facilitator, { baseURL: baseUrl });
    const jordan = await signedIn(browser, DEMO.participant, { baseURL: baseUrl });
    // The baseline's page: the app's origin (a secure context, so the camera may start), no room.
    const baselineContext = await browser.newContext({ permissions: ["camera", "microphone"] });
    await baselineContext.addInitScript(KEEP_NAMES_SHIM);
    const baseline = await baselineContext.newPage();
    await baseline.goto(`${baseUrl}/sign-in`);
    const room = `/sessions/${sessionId}/room`;

    // The facilitator is in the room; Jordan joins once, is let in, and sees her.
    if (TRACE) {
      await traceJoins(dana.context);
      await traceJoins(jordan.context);
    }
    await dana.page.goto(room);
    await dana.page.getByRole("button", { name: "Join session" }).click();
    await jordan.context.addInitScript(KEEP_NAMES_SHIM);
    await jordan.page.goto(room);
    await jordan.page.getByRole("button", { name: "Join session" }).click();
    await dana.page.getByRole("button", { name: `Admit ${jordan.firstName}` }).click();
    await expect(
      jordan.page.locator(`video[data-peer-id="${dana.id}"][data-kind="camera"]`),
    ).toHaveCount(1, { timeout: 60_000 });
    await leaveAndComeBack(jordan, dana);

    console.log(`\n${label}: Chromium ${browser.version()}, ${RUNS} runs, all on this machine`);
    const joins: number[] = [];
    const loopbacks: number[] = [];
    for (let run = 1; run <= RUNS; run += 1) {
      // Alternate with the baseline, so both see the same machine.
      const loopback = await loopbackFirstFrame(baseline);
      loopbacks.push(loopback);
      if (TRACE) await clearTrace([jordan.page, dana.page]);
      const { ms: join, clickedAt } = await clickJoinAndTimeFirstFrame(jordan.page, dana.id);
      joins.push(join);
      console.log(
        `  run ${String(run).padStart(2)}: join ${join.toFixed(0).padStart(5)} ms   loopback ${loopback.toFixed(0).padStart(5)} ms`,
      );
      if (TRACE) {
        const pages = [
          { label: "participant", page: jordan.page },
          { label: "facilitator", page: dana.page },
        ];
        await printTrace(pages, clickedAt, clickedAt + join);
      }
      if (run < RUNS) await leaveAndComeBack(jordan, dana);
    }
    return { joins, loopbacks };
  } finally {
    await cleanup?.().catch(() => undefined);
    await browser.close();
  }
}

const results: { mode: string; measured: Measured }[] = [];
if (MODES.includes("direct")) {
  const server = await startServer();
  try {
    results.push({
      mode: "direct",
      measured: await measure(`http://localhost:${PORT}`, "direct mode"),
    });
  } finally {
    server.kill("SIGTERM");
  }
}
if (MODES.includes("livekit")) {
  const skip = livekitSkipReason();
  if (skip) {
    console.log(`\n${skip}`);
  } else {
    const appPort = PORT + 1;
    const livekit = await startLivekit({
      port: PORT + 2,
      rtcPortStart: 52_000,
      webhookUrl: `http://127.0.0.1:${appPort}/api/livekit/webhook`,
    });
    try {
      const app = await startLivekitApp({
        port: appPort,
        livekitUrl: `ws://127.0.0.1:${PORT + 2}`,
      });
      try {
        results.push({
          mode: "livekit",
          measured: await measure(`http://localhost:${appPort}`, "LiveKit mode"),
        });
      } finally {
        await app.stop();
      }
    } finally {
      await livekit.stop();
    }
  }
}

const cell = (v: number) => `${v.toFixed(0)} ms`.padStart(9);
console.log(`\n${"".padEnd(62)} ${"median".padStart(9)} ${"p90".padStart(9)} ${"max".padStart(9)}`);
for (const { mode, measured } of results) {
  const ours = summary(measured.joins);
  const bare = summary(measured.loopbacks);
  console.log(
    `${`${mode}: click "Join session" (admitted) → first remote frame`.padEnd(62)} ${cell(ours.median)} ${cell(ours.p90)} ${cell(ours.worst)}`,
  );
  console.log(
    `${`${mode}: baseline, loopback RTCPeerConnection pair`.padEnd(62)} ${cell(bare.median)} ${cell(bare.p90)} ${cell(bare.worst)}`,
  );
}
for (const { mode, measured } of results) {
  const ours = summary(measured.joins);
  const bare = summary(measured.loopbacks);
  console.log(
    `${mode}: median ${ours.median.toFixed(0)} ms (target < 1000 ms), ${(ours.median / bare.median).toFixed(1)}× the baseline; p90 ${(ours.p90 / bare.median).toFixed(1)}× the baseline's median (target ≤ 2×), ${(ours.p90 / bare.p90).toFixed(1)}× its p90`,
  );
}
