// The join benchmark's timeline (BENCH_TRACE=1): what each browser did between the click on
// "Join session" and the first remote frame. Peer connection steps (offer and answer applied,
// signalling, ICE and connection states, tracks) and the socket.io events sent and received, by
// name only (payloads carry names and SDP), each stamped on the machine's clock so that two
// pages' steps can be put in one order. This is how the slow path of a join is found.
import type { BrowserContext, Page } from "@playwright/test";

type Step = [at: number, what: string];

/** Runs in each traced page before its own scripts: wraps RTCPeerConnection and WebSocket. */
function recordSteps(): void {
  const steps: Step[] = [];
  const w = window as unknown as { __joinTrace: Step[] };
  w.__joinTrace = steps;
  const note = (what: string) => steps.push([performance.timeOrigin + performance.now(), what]);
  // socket.io frames: `42["event",…]` is an event, `43N[…]` the answer to request N.
  const frame = (data: unknown) => {
    if (typeof data !== "string") return "binary";
    const event = /^4[25]\d*\["([^"]+)"/.exec(data);
    if (event) return event[1];
    return /^43\d*/.test(data) ? "answer" : data.slice(0, 2);
  };
  const Native = window.RTCPeerConnection;
  class Traced extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      note("peer connection created");
      this.addEventListener("signalingstatechange", () =>
        note(`signalling ${this.signalingState}`),
      );
      this.addEventListener("iceconnectionstatechange", () =>
        note(`ICE ${this.iceConnectionState}`),
      );
      this.addEventListener("connectionstatechange", () =>
        note(`connection ${this.connectionState}`),
      );
      this.addEventListener("track", (event) => note(`track ${event.track.kind}`));
    }
    override setLocalDescription(description?: RTCLocalSessionDescriptionInit) {
      note(`set local ${description?.type ?? "(implicit)"}`);
      return super.setLocalDescription(description);
    }
    override setRemoteDescription(description: RTCSessionDescriptionInit) {
      note(`set remote ${description.type}`);
      return super.setRemoteDescription(description);
    }
  }
  window.RTCPeerConnection = Traced;
  const NativeSocket = window.WebSocket;
  class TracedSocket extends NativeSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener("message", (event) => note(`← ${frame(event.data)}`));
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView) {
      note(`→ ${frame(data)}`);
      super.send(data);
    }
  }
  window.WebSocket = TracedSocket;
}

/**
 * tsx compiles the benchmarks keeping function names, through a `__name` helper that functions
 * sent to a page carry with them; pages are given a stand-in that does nothing.
 */
export const KEEP_NAMES_SHIM = { content: "globalThis.__name ??= (fn) => fn;" };

/** Traces every page `context` opens from now on. */
export async function traceJoins(context: BrowserContext): Promise<void> {
  await context.addInitScript(KEEP_NAMES_SHIM);
  await context.addInitScript(recordSteps);
}

/** Takes what each page recorded (and clears it). */
async function takeSteps(page: Page): Promise<Step[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __joinTrace?: Step[] };
    return w.__joinTrace?.splice(0) ?? [];
  });
}

/** Forgets what the pages recorded so far (leaving, the baseline). */
export async function clearTrace(pages: readonly Page[]): Promise<void> {
  for (const page of pages) await takeSteps(page);
}

/**
 * Prints the steps from `from` to `to` (machine clock, ms) of each labelled page in one order,
 * in milliseconds since `from`. Everything up to the first frame has happened once it showed:
 * the other side's steps came before the frame it sent.
 */
export async function printTrace(
  pages: readonly { label: string; page: Page }[],
  from: number,
  to: number,
): Promise<void> {
  const all: { at: number; line: string }[] = [];
  for (const { label, page } of pages) {
    for (const [at, what] of await takeSteps(page)) {
      if (at >= from && at <= to) all.push({ at, line: `${label.padEnd(12)} ${what}` });
    }
  }
  all.sort((a, b) => a.at - b.at);
  for (const { at, line } of all)
    console.log(`      ${(at - from).toFixed(0).padStart(5)} ms  ${line}`);
}
