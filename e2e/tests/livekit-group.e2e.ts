import { expect } from "@playwright/test";
import { AccessToken, RoomServiceClient, TrackSource } from "livekit-server-sdk";
import { DEMO } from "../support/helpers";
import {
  cpuSeconds,
  LIVEKIT_API_KEY,
  LIVEKIT_API_SECRET,
  LIVEKIT_HTTP_URL,
  LIVEKIT_WS_URL,
} from "../support/livekit";
import { startPublishers } from "../support/livekit-publishers";
import { test } from "../support/livekit-test";

const SIMULATED = 11;
const WINDOW_MS = 10_000;
const media = expect.configure({ timeout: 90_000 });

/** A publish-only token for a simulated participant, minted with the server's dev keys. */
async function publisherToken(room: string, n: number): Promise<string> {
  const token = new AccessToken(LIVEKIT_API_KEY, LIVEKIT_API_SECRET, {
    identity: `simulated-${n}`,
    ttl: 600,
  });
  token.addGrant({
    room,
    roomJoin: true,
    canPublish: true,
    canSubscribe: false,
    canPublishSources: [TrackSource.CAMERA],
  });
  return token.toJwt();
}

type Received = { tracks: number; bytes: number; frames: number };

test("a facilitator's browser receives and decodes eleven simulcast publishers in one LiveKit room", async ({
  groupSessionId: sessionId,
  signInAs,
  livekit,
}) => {
  test.setTimeout(360_000);
  const livekitRoom = `session-${sessionId}`;
  const dana = await signInAs(DEMO.facilitator);
  // Every peer connection the page makes, so its receive statistics can be read.
  await dana.context.addInitScript(() => {
    const made: RTCPeerConnection[] = [];
    const Native = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        made.push(this);
      }
    };
    (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections = made;
  });
  await dana.page.goto(`/sessions/${sessionId}/room`);
  await dana.page.getByRole("button", { name: "Join session" }).click({ timeout: 30_000 });
  await expect(dana.page.getByRole("group", { name: "Your controls" })).toBeVisible();

  const tokens = await Promise.all(
    Array.from({ length: SIMULATED }, (_, i) => publisherToken(livekitRoom, i + 1)),
  );
  const publishers = await startPublishers({ url: LIVEKIT_WS_URL, tokens });
  try {
    const rooms = new RoomServiceClient(LIVEKIT_HTTP_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
    await media
      .poll(async () => {
        const people = await rooms.listParticipants(livekitRoom);
        return people.filter((p) => p.tracks.some((t) => t.source === TrackSource.CAMERA)).length;
      })
      .toBe(SIMULATED + 1);

    const received = () =>
      dana.page.evaluate(async (): Promise<Received> => {
        const pcs = (window as unknown as { __peerConnections: RTCPeerConnection[] })
          .__peerConnections;
        let tracks = 0;
        let bytes = 0;
        let frames = 0;
        for (const pc of pcs) {
          if (pc.connectionState === "closed") continue;
          (await pc.getStats()).forEach(
            (stat: { type: string; kind?: string } & Record<string, unknown>) => {
              if (stat.type !== "inbound-rtp" || stat.kind !== "video") return;
              const decoded = Number(stat.framesDecoded ?? 0);
              if (decoded > 0) tracks += 1;
              bytes += Number(stat.bytesReceived ?? 0);
              frames += decoded;
            },
          );
        }
        return { tracks, bytes, frames };
      });
    // All eleven are decoded in the facilitator's browser.
    await media.poll(async () => (await received()).tracks).toBeGreaterThanOrEqual(SIMULATED);

    const before = await received();
    const cpuBefore = cpuSeconds(livekit.livekit.pid);
    const startedAt = Date.now();
    await expect
      .poll(() => Date.now() - startedAt, { timeout: WINDOW_MS * 2, intervals: [1_000] })
      .toBeGreaterThanOrEqual(WINDOW_MS);
    const after = await received();
    const seconds = (Date.now() - startedAt) / 1000;
    const cpu = (cpuSeconds(livekit.livekit.pid) - cpuBefore) / seconds;
    const kbps = ((after.bytes - before.bytes) * 8) / 1000 / seconds;
    const fps = (after.frames - before.frames) / seconds;
    console.log(
      `12-person LiveKit room (facilitator's browser + ${SIMULATED} simulated simulcast publishers, 640×360 at 15 fps):\n` +
        `  facilitator's browser receives ${after.tracks} decoding video tracks, ${kbps.toFixed(0)} kbit/s, ` +
        `${fps.toFixed(1)} frames decoded/s in all (${(fps / Math.max(1, after.tracks)).toFixed(1)} per track)\n` +
        `  livekit-server CPU: ${(cpu * 100).toFixed(0)}% of one core over ${seconds.toFixed(1)} s`,
    );
    expect(after.frames).toBeGreaterThan(before.frames);
    expect(kbps).toBeGreaterThan(0);
  } finally {
    await publishers.stop();
  }
});
