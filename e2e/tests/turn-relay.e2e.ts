import { expect } from "@playwright/test";
import { apiSignedIn } from "../support/api";
import { DEMO } from "../support/helpers";
import { cancelSession, moveGroupMeetingToNow, test } from "../support/live";
import {
  expectFramesAdvancing,
  forceRelay,
  meetInRoom,
  recordPeerConnections,
  startApp,
  startCoturn,
  TURN_APP_PORT,
  TURN_APP_URL,
  TURN_PORT,
  TURN_SECRET,
  turnSkipReason,
  videoStats,
} from "../support/turn";

test("with relay-only ICE, direct-mode video flows through the TURN server on credentials the server issued", async ({
  playwright,
  signInAs,
}) => {
  const reason = turnSkipReason();
  if (reason) console.log(reason);
  test.skip(reason !== null, reason ?? "");
  test.setTimeout(180_000);

  const coturn = await startCoturn();
  const app = await startApp(TURN_APP_PORT, {
    TURN_URLS: `turn:127.0.0.1:${TURN_PORT}?transport=udp`,
    TURN_SECRET,
  });
  const api = await apiSignedIn(playwright.request, TURN_APP_URL, DEMO.facilitator);
  try {
    const sessionId = await moveGroupMeetingToNow(api.api);
    const dana = await signInAs(DEMO.facilitator, { baseURL: TURN_APP_URL });
    const jordan = await signInAs(DEMO.participant, { baseURL: TURN_APP_URL });
    for (const person of [dana, jordan]) {
      await recordPeerConnections(person.context);
      await forceRelay(person.context);
    }
    await meetInRoom(dana, jordan, sessionId);

    for (const person of [dana, jordan]) {
      const stats = await expectFramesAdvancing(person.page);
      expect(stats.pairs.length).toBeGreaterThan(0);
      // Every connection in use runs from a relayed candidate: media only through TURN.
      for (const pair of stats.pairs) expect(pair.local).toBe("relay");
      expect(stats.frameHeight).toBeGreaterThan(0);
    }
    // The ICE servers the page was given: a TURN credential of Jordan's own, never a fixed one.
    const iceServers = await jordan.page.evaluate(() =>
      (window as unknown as { __bridgewayPeers: RTCPeerConnection[] }).__bridgewayPeers.map((pc) =>
        pc.getConfiguration(),
      ),
    );
    const turn = iceServers[0]?.iceServers?.find((s) => String(s.urls).startsWith("turn:"));
    expect(turn?.username).toMatch(new RegExp(`^\\d+:${jordan.id}$`));
    expect(iceServers[0]?.iceTransportPolicy).toBe("relay");
    console.log(
      `TURN relay: Dana ${JSON.stringify((await videoStats(dana.page)).pairs)}, Jordan ${JSON.stringify((await videoStats(jordan.page)).pairs)}`,
    );
    await cancelSession(api.api, sessionId);
  } finally {
    await api.dispose();
    await app.stop();
    await coturn.stop();
  }
});
