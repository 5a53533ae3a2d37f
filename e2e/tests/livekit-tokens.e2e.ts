import { expect } from "@playwright/test";
import {
  LocalVideoTrack,
  Room,
  TrackPublishOptions,
  TrackSource as RtcSource,
  VideoSource,
} from "@livekit/rtc-node";
import { RoomServiceClient, TokenVerifier, TrackSource } from "livekit-server-sdk";
import { DEMO } from "../support/helpers";
import {
  LIVEKIT_API_KEY,
  LIVEKIT_API_SECRET,
  LIVEKIT_HTTP_URL,
  LIVEKIT_WS_URL,
} from "../support/livekit";
import { test } from "../support/livekit-test";

const media = expect.configure({ timeout: 60_000 });
const admin = () => new RoomServiceClient(LIVEKIT_HTTP_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET);

/** Calls LiveKit's room API (Twirp) with `token` as the caller's credential. */
const roomApi = (method: string, token: string, body: object) =>
  fetch(`${LIVEKIT_HTTP_URL}/twirp/livekit.RoomService/${method}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

test("a participant's LiveKit token is short-lived and for one room, and the real server refuses it admin actions and screen share", async ({
  groupSessionId: sessionId,
  signInAs,
}) => {
  test.setTimeout(300_000);
  const dana = await signInAs(DEMO.facilitator);
  const jordan = await signInAs(DEMO.participant);
  const room = `/sessions/${sessionId}/room`;
  const livekitRoom = `session-${sessionId}`;

  await dana.page.goto(room);
  await dana.page.getByRole("button", { name: "Join session" }).click({ timeout: 30_000 });
  await jordan.page.goto(room);
  await jordan.page.getByRole("button", { name: "Join session" }).click({ timeout: 30_000 });
  // The browser hands LiveKit its token in the signalling URL: that is the token under test.
  const signalling = jordan.page.waitForEvent("websocket", {
    predicate: (ws) => ws.url().startsWith(LIVEKIT_WS_URL),
    timeout: 60_000,
  });
  await dana.page.getByRole("button", { name: "Admit Jordan" }).click();
  const token = new URL((await signalling).url()).searchParams.get("access_token") ?? "";
  expect(token).not.toBe("");

  const claims = await new TokenVerifier(LIVEKIT_API_KEY, LIVEKIT_API_SECRET).verify(token);
  expect(claims.sub).toBe(jordan.id);
  expect((claims.exp ?? 0) - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(600);
  expect(claims.video?.room).toBe(livekitRoom);
  expect(claims.video?.roomAdmin).toBeFalsy();
  expect(claims.video?.roomCreate).toBeFalsy();
  expect([...(claims.video?.canPublishSources ?? [])].sort()).toEqual(["camera", "microphone"]);
  await media
    .poll(async () => (await admin().listParticipants(livekitRoom)).map((p) => p.identity).sort())
    .toEqual([dana.id, jordan.id].sort());

  // Admin actions with a participant's token: the server refuses them and nothing changes.
  for (const [method, body] of [
    ["RemoveParticipant", { room: livekitRoom, identity: dana.id }],
    [
      "MutePublishedTrack",
      { room: livekitRoom, identity: dana.id, track_sid: "TR_x", muted: true },
    ],
    ["UpdateParticipant", { room: livekitRoom, identity: jordan.id, metadata: "{}" }],
    ["DeleteRoom", { room: livekitRoom }],
    ["ListParticipants", { room: livekitRoom }],
  ] as const) {
    const res = await roomApi(method, token, body);
    expect([401, 403], `${method} with a participant's token`).toContain(res.status);
  }
  expect((await admin().listParticipants(livekitRoom)).map((p) => p.identity).sort()).toEqual(
    [dana.id, jordan.id].sort(),
  );

  // Publishing with the same token from outside the browser (it takes Jordan's place in the
  // room): the camera is allowed, a screen share is refused by the server.
  const sdk = new Room();
  await sdk.connect(LIVEKIT_WS_URL, token, { autoSubscribe: false, dynacast: false });
  const local = sdk.localParticipant;
  if (!local) throw new Error("the SDK did not connect");
  try {
    const camera = new VideoSource(320, 180);
    await local.publishTrack(
      LocalVideoTrack.createVideoTrack("camera", camera),
      new TrackPublishOptions({ source: RtcSource.SOURCE_CAMERA }),
    );
    const screen = new VideoSource(320, 180);
    // The server answers a forbidden publication with an error, or not at all.
    const shared = await Promise.race([
      local
        .publishTrack(
          LocalVideoTrack.createVideoTrack("screen", screen),
          new TrackPublishOptions({ source: RtcSource.SOURCE_SCREENSHARE }),
        )
        .then(
          () => "published",
          () => "refused",
        ),
      new Promise<string>((resolve) => setTimeout(() => resolve("refused"), 20_000)),
    ]);
    expect(shared).toBe("refused");
    await media
      .poll(async () => {
        const me = (await admin().listParticipants(livekitRoom)).find(
          (p) => p.identity === jordan.id,
        );
        return (me?.tracks ?? []).map((t) => t.source);
      })
      .toContain(TrackSource.CAMERA);
    const me = (await admin().listParticipants(livekitRoom)).find((p) => p.identity === jordan.id);
    expect((me?.tracks ?? []).map((t) => t.source)).not.toContain(TrackSource.SCREEN_SHARE);
  } finally {
    await sdk.disconnect();
  }
});
