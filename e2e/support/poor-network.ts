import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO } from "./helpers";
import { signedIn, type Person, type SignInOptions } from "./live";
import { createNetns, type Netns } from "./netns";
import {
  expectFramesAdvancing,
  framesBetween,
  meetInRoom,
  recordPeerConnections,
  videoStats,
} from "./turn";

/**
 * The poor-network tests' parts, for both modes: Dana (on this machine) and Jordan (in a network
 * namespace of his own, behind a shaped link) meet in a room with video both ways; each condition
 * adds a row to a table printed at the end.
 */
export type Row = {
  condition: string;
  mode: string;
  /** Frames decoded during the condition: the facilitator's of the shaped person, and back. */
  framesIn: number;
  framesOut: number;
  freezes: number;
  recoverMs: number | null;
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Frames decoded and freezes on both pages while `ms` pass (the condition's own length). */
export async function observe(host: Page, shaped: Page, ms: number) {
  const [h0, s0] = [await videoStats(host), await videoStats(shaped)];
  await sleep(ms);
  const [h1, s1] = [await videoStats(host), await videoStats(shaped)];
  return {
    framesIn: framesBetween(h0, h1),
    framesOut: framesBetween(s0, s1),
    freezes: h1.freezeCount - h0.freezeCount + (s1.freezeCount - s0.freezeCount),
  };
}

/** Video bits per second `page` sends now, over `ms` (all its connections). */
export async function videoSendKbps(page: Page, ms: number): Promise<number> {
  const sent = () =>
    page.evaluate(async () => {
      const peers =
        (window as unknown as { __bridgewayPeers?: RTCPeerConnection[] }).__bridgewayPeers ?? [];
      let bytes = 0;
      for (const pc of peers) {
        if (pc.connectionState === "closed") continue;
        (await pc.getStats()).forEach((v: { type: string; kind?: string; bytesSent?: number }) => {
          if (v.type === "outbound-rtp" && v.kind === "video") bytes += v.bytesSent ?? 0;
        });
      }
      return bytes;
    });
  const before = await sent();
  await sleep(ms);
  return (((await sent()) - before) * 8) / ms;
}

/** Milliseconds from now until `page` decodes new frames again (polled every 100 ms). */
export async function timeToFrames(page: Page, limitMs: number): Promise<number> {
  const start = Date.now();
  const before = await videoStats(page);
  while (Date.now() - start < limitMs) {
    if (framesBetween(before, await videoStats(page)) >= 3) return Date.now() - start;
    await sleep(100);
  }
  return Number.POSITIVE_INFINITY;
}

export function printTable(mode: string, rows: readonly Row[]): void {
  const header = ["condition", "mode", "frames decoded (in / out)", "freezes", "time to recover"];
  const lines = rows.map((r) => [
    r.condition,
    r.mode,
    `${r.framesIn} / ${r.framesOut}`,
    String(r.freezes),
    r.recoverMs === null ? "-" : `${(r.recoverMs / 1000).toFixed(1)} s`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const fmt = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(
    [
      "",
      `Poor networks, ${mode} mode (one participant's browser in its own network namespace, behind a shaped link)`,
      fmt(header),
      fmt(widths.map((w) => "-".repeat(w))),
      ...lines.map(fmt),
      "",
    ].join("\n"),
  );
}

/** Two people in a room, one of them behind the shaped link. */
export type Shaped = { shapedNs: Netns; dana: Person; jordan: Person; rows: Row[]; mode: string };

/** The app the two meet in, set up once the namespace exists (a media server must know it). */
export type ShapedApp = { url: string; sessionId: string; stop?(): Promise<void> };

/**
 * Dana (on the host) and Jordan (in a network namespace of his own) meet in the group room with
 * video flowing both ways; `body` shapes Jordan's link. The table is printed whatever happens.
 */
export async function withShapedParticipant(
  options: {
    mode: string;
    signInAs: (email: string, options?: SignInOptions) => Promise<Person>;
    /** TCP ports on this machine's loopback the namespace reaches on its own loopback. */
    ports: number[];
    app: (ns: Netns) => Promise<ShapedApp>;
  },
  body: (ctx: Shaped) => Promise<void>,
): Promise<void> {
  let ns: Netns | null = null;
  let app: ShapedApp | null = null;
  let shapedBrowser: Browser | null = null;
  const rows: Row[] = [];
  try {
    ns = await createNetns(options.ports);
    app = await options.app(ns);
    shapedBrowser = await ns.launchBrowser();
    const dana = await options.signInAs(DEMO.facilitator, { baseURL: app.url });
    await recordPeerConnections(dana.context);
    const jordan = await signedIn(shapedBrowser, DEMO.participant, { baseURL: app.url });
    await recordPeerConnections(jordan.context);
    await meetInRoom(dana, jordan, app.sessionId);
    await expectFramesAdvancing(dana.page, 60_000);
    await expectFramesAdvancing(jordan.page, 60_000);
    await body({ shapedNs: ns, dana, jordan, rows, mode: options.mode });
  } finally {
    printTable(options.mode, rows);
    await shapedBrowser?.close();
    await app?.stop?.();
    await ns?.close();
  }
}

/** (a) 3% loss and 150 ms delay each way for 20 s: video keeps decoding both ways. */
export async function lossAndDelay({ shapedNs, dana, jordan, rows, mode }: Shaped): Promise<void> {
  await test.step("(a) 3% loss and 150 ms delay: video keeps decoding", async () => {
    const condition = "3% loss + 150 ms delay";
    await shapedNs.shape({ kind: "loss-delay", lossPercent: 3, delayMs: 150 });
    const seen = await observe(dana.page, jordan.page, 20_000);
    rows.push({ condition, mode, ...seen, recoverMs: null });
    // Still decoding at the end of it, not only at its start.
    await expectFramesAdvancing(dana.page, 10_000);
    await expectFramesAdvancing(jordan.page, 10_000);
    expect(seen.framesIn).toBeGreaterThan(60);
    expect(seen.framesOut).toBeGreaterThan(60);
    await shapedNs.shape(null);
  });
}

/** (b) a slow link: the sender lowers its quality or suggests audio-only, and says so. */
export async function slowUplink({ shapedNs, dana, jordan, rows, mode }: Shaped): Promise<void> {
  await test.step("(b) 600 kbit/s: the sender lowers its quality and says so on screen", async () => {
    // 600 kbit/s is below what a real camera sends; Chromium's fake camera may send less
    // (about 200 kbit/s in Chromium 156), which a 600 kbit/s link would not limit at all.
    // The uplink is set under what the sender needs, at most 600 kbit/s.
    const sending = await videoSendKbps(jordan.page, 3_000);
    const kbit = Math.max(64, Math.min(600, Math.floor(sending / 2)));
    console.log(
      `(b) Jordan sends ${Math.round(sending)} kbit/s of video; uplink set to ${kbit} kbit/s`,
    );
    await shapedNs.shape({ kind: "rate", kbit });
    const before = await videoStats(dana.page);
    await expect(jordan.page.locator('[data-link="reduced"], [data-link="poor"]')).toBeVisible({
      timeout: 60_000,
    });
    const seen = await observe(dana.page, jordan.page, 10_000);
    const after = await videoStats(dana.page);
    console.log(
      `${kbit} kbit/s: frame height Dana receives from Jordan ${before.frameHeight} -> ${after.frameHeight}; Jordan's screen: ${await jordan.page.locator("[data-link]").first().innerText()}`,
    );
    rows.push({ condition: `${kbit} kbit/s`, mode, ...seen, recoverMs: null });
    expect(seen.framesIn).toBeGreaterThan(0);
    await shapedNs.shape(null);
    await expectFramesAdvancing(dana.page, 30_000);
  });
}

/** (c) a 10-second blackout: video is back both ways within 5 s of the network. */
export async function blackout({ shapedNs, dana, jordan, rows, mode }: Shaped): Promise<void> {
  await test.step("(c) a 10-second blackout: the session heals by itself within 5 s", async () => {
    await shapedNs.shape({ kind: "blackout" });
    const seen = await observe(dana.page, jordan.page, 10_000);
    await shapedNs.shape(null);
    const [inMs, outMs] = await Promise.all([
      timeToFrames(dana.page, 20_000),
      timeToFrames(jordan.page, 20_000),
    ]);
    const recoverMs = Math.max(inMs, outMs);
    rows.push({ condition: "10 s blackout", mode, ...seen, recoverMs });
    expect(recoverMs, "video back both ways within 5 s of the network").toBeLessThanOrEqual(5_000);
  });
}
