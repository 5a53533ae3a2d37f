import { expect, type WebSocket as SocketSeen } from "@playwright/test";
import { RoomServiceClient, TokenVerifier } from "livekit-server-sdk";
import { apiSignedIn } from "../support/api";
import { DEMO, expectNoSeriousA11yViolations } from "../support/helpers";
import { cancelSession, moveGroupMeetingToNow, test } from "../support/live";
import {
  LIVEKIT_API_KEY,
  LIVEKIT_API_SECRET,
  livekitSkipReason,
  startOwnLivekitStack,
} from "../support/livekit";
import { expectFramesAdvancing, meetInRoom, recordPeerConnections } from "../support/turn";

/** Short, so the test outlives it; the server refuses anything under 60 s. */
const TOKEN_TTL_SECONDS = 60;

test("a LiveKit token that expires mid-session does not cut the session: video keeps flowing both ways, and a dropped signalling link comes back", async ({
  playwright,
  signInAs,
}) => {
  const reason = livekitSkipReason();
  test.skip(reason !== null, reason ?? "");
  test.setTimeout(360_000);

  // A LiveKit server and an app of their own: the app issues one-minute tokens.
  const stack = await startOwnLivekitStack({
    base: 23_000,
    rtcBase: 10_000,
    appEnv: { LIVEKIT_TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS) },
  });
  const api = await apiSignedIn(playwright.request, stack.appUrl, DEMO.facilitator);
  try {
    const sessionId = await moveGroupMeetingToNow(api.api);
    const rooms = new RoomServiceClient(stack.livekitHttpUrl, LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
    const livekitRoom = `session-${sessionId}`;
    const dana = await signInAs(DEMO.facilitator, { baseURL: stack.appUrl });
    const jordan = await signInAs(DEMO.participant, { baseURL: stack.appUrl });

    // Every signalling link to LiveKit each page opens, and the app's requests for new tokens.
    const signalling = new Map<string, SocketSeen[]>([
      [dana.id, []],
      [jordan.id, []],
    ]);
    let renewals = 0;
    for (const person of [dana, jordan]) {
      await recordPeerConnections(person.context);
      // The page's sockets, so the test can cut LiveKit's signalling link as a network would.
      await person.context.addInitScript(() => {
        const Native = window.WebSocket;
        const sockets: WebSocket[] = [];
        Object.assign(window, { __bridgewaySockets: sockets });
        window.WebSocket = class extends Native {
          constructor(url: string | URL, protocols?: string | string[]) {
            super(url, protocols);
            sockets.push(this);
          }
        };
      });
      person.page.on("websocket", (ws) => {
        if (ws.url().startsWith(stack.livekitWsUrl)) signalling.get(person.id)?.push(ws);
        else if (person === jordan)
          ws.on("framesent", (frame) => {
            if (String(frame.payload).includes('"media:refresh-credential"')) renewals += 1;
          });
      });
    }
    const tokenOf = async (ws: SocketSeen | undefined) =>
      new TokenVerifier(LIVEKIT_API_KEY, LIVEKIT_API_SECRET).verify(
        new URL(ws?.url() ?? "ws://x/").searchParams.get("access_token") ?? "",
      );

    await meetInRoom(dana, jordan, sessionId);
    for (const person of [dana, jordan]) await expectFramesAdvancing(person.page, 60_000);
    await expect
      .poll(async () => (await rooms.listParticipants(livekitRoom)).length, { timeout: 60_000 })
      .toBe(2);
    const before = new Map(
      (await rooms.listParticipants(livekitRoom)).map((p) => [p.identity, p.sid]),
    );
    const links = new Map([...signalling].map(([id, list]) => [id, list.length]));
    const first = signalling.get(jordan.id)?.at(-1);
    const claims = await tokenOf(first);
    expect(claims.sub).toBe(jordan.id);
    const expiresAt = (claims.exp ?? 0) * 1000;
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(TOKEN_TTL_SECONDS * 1000);

    await test.step("past the token's expiry, the same connection still carries video both ways", async () => {
      // The one fixed wait: for the token's expiry itself, then conditions are polled.
      const left = expiresAt - Date.now();
      if (left > 0) await jordan.page.waitForTimeout(left + 2_000);
      expect(Date.now()).toBeGreaterThan(expiresAt);
      for (const person of [dana, jordan]) await expectFramesAdvancing(person.page, 30_000);
      // Nobody was dropped: LiveKit still has both of them in the sessions they joined with.
      const after = new Map(
        (await rooms.listParticipants(livekitRoom)).map((p) => [p.identity, p.sid]),
      );
      expect(after).toEqual(before);
      for (const person of [dana, jordan]) {
        expect(signalling.get(person.id)).toHaveLength(links.get(person.id) ?? 0);
        expect(signalling.get(person.id)?.at(-1)?.isClosed()).toBe(false);
        await expect(person.page.getByRole("group", { name: "Your controls" })).toBeVisible();
      }
      // The app asked for fresh tokens as the first one ran out (a minute early, at least every 10 s).
      expect(renewals).toBeGreaterThan(0);
    });

    await test.step("a signalling link lost after expiry comes back on a token valid then", async () => {
      const cut = Date.now();
      await jordan.page.evaluate((url) => {
        const sockets = (window as unknown as { __bridgewaySockets: WebSocket[] })
          .__bridgewaySockets;
        for (const socket of sockets)
          if (socket.url.startsWith(url) && socket.readyState === 1) socket.close();
      }, stack.livekitWsUrl);
      // LiveKit's client comes back (on the token LiveKit refreshed for it, or on the app's
      // newest one after a full reconnect): a new signalling link, with a token not expired.
      const list = signalling.get(jordan.id) ?? [];
      const opened = links.get(jordan.id) ?? 0;
      await expect
        .poll(() => list.length > opened && list.at(-1)?.isClosed() === false, { timeout: 60_000 })
        .toBe(true);
      const again = await tokenOf(list.at(-1));
      expect(again.sub).toBe(jordan.id);
      expect((again.exp ?? 0) * 1000).toBeGreaterThan(cut);
      for (const person of [dana, jordan]) await expectFramesAdvancing(person.page, 60_000);
      await expect
        .poll(async () => (await rooms.listParticipants(livekitRoom)).map((p) => p.identity).sort())
        .toEqual([dana.id, jordan.id].sort());
      await expectNoSeriousA11yViolations(jordan.page);
    });
    await cancelSession(api.api, sessionId);
  } finally {
    await api.dispose();
    await stack.stop();
  }
});
