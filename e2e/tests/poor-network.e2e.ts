import { expect, type Browser, type Page } from "@playwright/test";
import { BASE_URL } from "../support/environment";
import { DEMO } from "../support/helpers";
import { signedIn, test, type Person } from "../support/live";
import { createNetns, netnsSkipReason, type Netns } from "../support/netns";
import {
  expectFramesAdvancing,
  framesBetween,
  meetInRoom,
  recordPeerConnections,
  videoStats,
} from "../support/turn";

type Row = {
  condition: string;
  mode: string;
  /** Frames decoded during the condition: the facilitator's of the shaped person, and back. */
  framesIn: number;
  framesOut: number;
  freezes: number;
  recoverMs: number | null;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Frames decoded and freezes on both pages while `ms` pass (the condition's own length). */
async function observe(host: Page, shaped: Page, ms: number) {
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
async function videoSendKbps(page: Page, ms: number): Promise<number> {
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
async function timeToFrames(page: Page, limitMs: number): Promise<number> {
  const start = Date.now();
  const before = await videoStats(page);
  while (Date.now() - start < limitMs) {
    if (framesBetween(before, await videoStats(page)) >= 3) return Date.now() - start;
    await sleep(100);
  }
  return Number.POSITIVE_INFINITY;
}

function printTable(rows: readonly Row[]): void {
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
      "Poor networks (one participant's browser in its own network namespace, tc netem)",
      fmt(header),
      fmt(widths.map((w) => "-".repeat(w))),
      ...lines.map(fmt),
      "",
    ].join("\n"),
  );
}

/**
 * Dana (on the host) and Jordan (in a network namespace of his own) meet in the group room with
 * video flowing both ways; `body` shapes Jordan's link. The table is printed whatever happens.
 */
async function withShapedParticipant(
  signInAs: (email: string) => Promise<Person>,
  groupSessionId: string,
  body: (ctx: { shapedNs: Netns; dana: Person; jordan: Person; rows: Row[] }) => Promise<void>,
): Promise<void> {
  let ns: Netns | null = null;
  let shapedBrowser: Browser | null = null;
  const rows: Row[] = [];
  try {
    ns = await createNetns();
    shapedBrowser = await ns.launchBrowser();
    const dana = await signInAs(DEMO.facilitator);
    await recordPeerConnections(dana.context);
    const jordan = await signedIn(shapedBrowser, DEMO.participant, { baseURL: BASE_URL });
    await recordPeerConnections(jordan.context);
    await meetInRoom(dana, jordan, groupSessionId);
    await expectFramesAdvancing(dana.page);
    await expectFramesAdvancing(jordan.page);
    await body({ shapedNs: ns, dana, jordan, rows });
  } finally {
    printTable(rows);
    await shapedBrowser?.close();
    await ns?.close();
  }
}

test("a participant on a poor network keeps video under loss and delay, and is told when their connection is slow", async ({
  groupSessionId,
  signInAs,
}) => {
  const reason = netnsSkipReason();
  if (reason) console.log(reason);
  test.skip(reason !== null, reason ?? "");
  // Three shaped phases of 20 s or so each, on a loaded machine: bounded.
  test.setTimeout(300_000);

  await withShapedParticipant(
    signInAs,
    groupSessionId,
    async ({ shapedNs, dana, jordan, rows }) => {
      await test.step("(a) 3% loss and 150 ms delay: video keeps decoding", async () => {
        // Without sch_netem in the kernel no delay can be made; loss still can, with nftables.
        const condition = shapedNs.netem
          ? "3% loss + 150 ms delay"
          : "3% loss (no delay: no sch_netem)";
        if (!shapedNs.netem && !shapedNs.nftLoss) {
          console.log("(a) not run: this kernel has neither sch_netem nor nftables.");
          rows.push({
            condition,
            mode: "direct (not run)",
            framesIn: 0,
            framesOut: 0,
            freezes: 0,
            recoverMs: null,
          });
          return;
        }
        shapedNs.shape({ kind: "loss-delay", lossPercent: 3, delayMs: 150 });
        const seen = await observe(dana.page, jordan.page, 20_000);
        rows.push({ condition, mode: "direct", ...seen, recoverMs: null });
        // Still decoding at the end of it, not only at its start.
        await expectFramesAdvancing(dana.page, 10_000);
        await expectFramesAdvancing(jordan.page, 10_000);
        expect(seen.framesIn).toBeGreaterThan(60);
        expect(seen.framesOut).toBeGreaterThan(60);
        shapedNs.shape(null);
      });

      await test.step("(b) 600 kbit/s: the sender lowers its quality and says so on screen", async () => {
        // 600 kbit/s is below what a real camera sends; Chromium's fake camera may send less
        // (about 200 kbit/s in Chromium 156), which a 600 kbit/s link would not limit at all.
        // The uplink is set under what the sender needs, at most 600 kbit/s.
        const sending = await videoSendKbps(jordan.page, 3_000);
        const kbit = Math.max(64, Math.min(600, Math.floor(sending / 2)));
        console.log(
          `(b) Jordan sends ${Math.round(sending)} kbit/s of video; uplink set to ${kbit} kbit/s`,
        );
        shapedNs.shape({ kind: "rate", kbit });
        const before = await videoStats(dana.page);
        await expect(jordan.page.locator('[data-link="reduced"], [data-link="poor"]')).toBeVisible({
          timeout: 60_000,
        });
        const seen = await observe(dana.page, jordan.page, 10_000);
        const after = await videoStats(dana.page);
        console.log(
          `${kbit} kbit/s: frame height Dana receives from Jordan ${before.frameHeight} -> ${after.frameHeight}; Jordan's screen: ${await jordan.page.locator("[data-link]").first().innerText()}`,
        );
        rows.push({ condition: `${kbit} kbit/s`, mode: "direct", ...seen, recoverMs: null });
        expect(seen.framesIn).toBeGreaterThan(0);
        shapedNs.shape(null);
        await expectFramesAdvancing(dana.page, 30_000);
      });
    },
  );
});

test("a participant's session heals by itself within 5 s of a 10-second blackout ending", async ({
  groupSessionId,
  signInAs,
}) => {
  const reason = netnsSkipReason();
  if (reason) console.log(reason);
  test.skip(reason !== null, reason ?? "");
  // Known to fail today: after the blackout, direct-mode video did not come back within 20 s
  // (see the closing note of issue 12). It stays visible as a skipped test until it passes;
  // POOR_NETWORK_BLACKOUT=1 runs it.
  test.fixme(
    process.env.POOR_NETWORK_BLACKOUT !== "1",
    "direct mode does not yet heal within 5 s of a 10-second blackout; POOR_NETWORK_BLACKOUT=1 runs it",
  );
  // Three shaped phases of 20 s or so each, on a loaded machine: bounded.
  test.setTimeout(300_000);

  await withShapedParticipant(
    signInAs,
    groupSessionId,
    async ({ shapedNs, dana, jordan, rows }) => {
      await test.step("(c) a 10-second blackout: the session heals by itself within 5 s", async () => {
        shapedNs.shape({ kind: "blackout" });
        const seen = await observe(dana.page, jordan.page, 10_000);
        shapedNs.shape(null);
        const [inMs, outMs] = await Promise.all([
          timeToFrames(dana.page, 20_000),
          timeToFrames(jordan.page, 20_000),
        ]);
        const recoverMs = Math.max(inMs, outMs);
        rows.push({ condition: "10 s blackout", mode: "direct", ...seen, recoverMs });
        expect(recoverMs, "video back both ways within 5 s of the network").toBeLessThanOrEqual(
          5_000,
        );
      });
    },
  );
});
