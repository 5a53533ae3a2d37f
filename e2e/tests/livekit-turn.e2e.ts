import { expect } from "@playwright/test";
import { RoomServiceClient } from "livekit-server-sdk";
import { apiSignedIn } from "../support/api";
import { E2E_PORT } from "../support/environment";
import { DEMO, expectNoSeriousA11yViolations } from "../support/helpers";
import { cancelSession, moveGroupMeetingToNow, test } from "../support/live";
import {
  LIVEKIT_API_KEY,
  LIVEKIT_API_SECRET,
  livekitSkipReason,
  startOwnLivekitStack,
} from "../support/livekit";
import {
  expectFramesAdvancing,
  forceRelay,
  meetInRoom,
  recordPeerConnections,
  startCoturn,
  TURN_SECRET,
  turnSkipReason,
  videoStats,
} from "../support/turn";

/** This test's coturn, apart from the direct-mode TURN test's. */
const TURN_PORT = 35_000 + (E2E_PORT % 1000);

test("in LiveKit mode with relay-only ICE, video flows through the TURN server LiveKit hands out, on REST credentials it made from the shared secret", async ({
  playwright,
  signInAs,
}) => {
  const reason = livekitSkipReason() ?? turnSkipReason();
  test.skip(reason !== null, reason ?? "");
  test.setTimeout(300_000);

  // coturn checks REST credentials against a secret it shares with LiveKit (its `turn_servers`
  // entry with `secret`), as a production deployment with an external TURN server would.
  const coturn = await startCoturn({ port: TURN_PORT, secret: TURN_SECRET });
  const stack = await startOwnLivekitStack({
    base: 25_000,
    rtcBase: 14_000,
    turnServers: [{ host: "127.0.0.1", port: TURN_PORT, protocol: "udp", secret: TURN_SECRET }],
  }).catch(async (error: unknown) => {
    await coturn.stop();
    throw error;
  });
  const api = await apiSignedIn(playwright.request, stack.appUrl, DEMO.facilitator);
  try {
    const sessionId = await moveGroupMeetingToNow(api.api);
    const dana = await signInAs(DEMO.facilitator, { baseURL: stack.appUrl });
    const jordan = await signInAs(DEMO.participant, { baseURL: stack.appUrl });
    for (const person of [dana, jordan]) {
      await recordPeerConnections(person.context);
      await forceRelay(person.context);
    }
    await meetInRoom(dana, jordan, sessionId);

    for (const person of [dana, jordan]) {
      const stats = await expectFramesAdvancing(person.page, 60_000);
      expect(stats.frameHeight).toBeGreaterThan(0);
      // Every connection in use (sending and receiving) runs from a relayed candidate.
      expect(stats.pairs.length).toBeGreaterThan(0);
      for (const pair of stats.pairs) {
        expect(pair.local).toBe("relay");
        expect(pair.relayProtocol).toBe("udp");
      }
    }
    // The browser was given LiveKit's TURN server, on a credential LiveKit made for this
    // participant from the shared secret (expiry:participant-sid), and asked for relay only.
    const configs = await jordan.page.evaluate(() =>
      (window as unknown as { __bridgewayPeers: RTCPeerConnection[] }).__bridgewayPeers
        .filter((pc) => pc.connectionState === "connected")
        .map((pc) => pc.getConfiguration()),
    );
    expect(configs.length).toBeGreaterThan(0);
    for (const config of configs) {
      expect(config.iceTransportPolicy).toBe("relay");
      const turn = config.iceServers?.find((s) =>
        [s.urls].flat().some((u) => u.startsWith(`turn:127.0.0.1:${TURN_PORT}`)),
      );
      expect(turn?.username).toMatch(/^\d+:PA_\w+$/);
      expect(turn?.credential).toBeTruthy();
    }
    // Both are in the LiveKit room, publishing camera and microphone.
    const rooms = new RoomServiceClient(stack.livekitHttpUrl, LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
    await expect
      .poll(
        async () =>
          (await rooms.listParticipants(`session-${sessionId}`))
            .filter((p) => p.tracks.length >= 2)
            .map((p) => p.identity)
            .sort(),
        { timeout: 30_000 },
      )
      .toEqual([dana.id, jordan.id].sort());
    console.log(
      `LiveKit via TURN: Dana ${JSON.stringify((await videoStats(dana.page)).pairs)}, Jordan ${JSON.stringify((await videoStats(jordan.page)).pairs)}`,
    );
    await expectNoSeriousA11yViolations(jordan.page);
    await cancelSession(api.api, sessionId);
  } finally {
    await api.dispose();
    await stack.stop();
    await coturn.stop();
  }
});
