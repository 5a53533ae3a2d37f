import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SessionListSchema, type JoinReply, type MediaCredential } from "@bridgeway/domain";
import { AccessToken, TokenVerifier, TrackSource } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient } from "../testing/http-client";
import { LiveClient } from "../testing/live-client";
import { ManualClock } from "../testing/manual-clock";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";
import { createLivekitMedia, livekitRoomName } from "./media";

const KEY = "devkey-contract";
const SECRET = "a-development-secret-that-is-long-enough-for-livekit";
/** What browsers are told to connect to; the room API is called on the recorder instead. */
const BROWSER_URL = "wss://media.example.test";

type Recorded = { path: string; authorization: string | undefined; body: Record<string, unknown> };

/**
 * A recorder standing in for a LiveKit server's RoomService (Twirp over HTTP+JSON): it keeps
 * every request the SDK makes and answers as LiveKit does for the calls we use.
 */
async function startRecorder(): Promise<{ url: string; requests: Recorded[]; close: () => void }> {
  const requests: Recorded[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = "";
      req.on("data", (chunk: Buffer) => (data += chunk.toString()));
      req.on("end", () => resolve(data));
    });
  const server: Server = createServer((req, res) => {
    void read(req).then((text) => {
      const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      requests.push({ path: req.url ?? "", authorization: req.headers.authorization, body });
      res.setHeader("content-type", "application/json");
      if (req.url?.endsWith("/GetParticipant")) {
        res.end(
          JSON.stringify({
            sid: "PA_1",
            identity: body.identity,
            tracks: [
              { sid: "TR_MIC", source: "MICROPHONE", type: "AUDIO", muted: false },
              { sid: "TR_CAM", source: "CAMERA", type: "VIDEO", muted: false },
            ],
          }),
        );
        return;
      }
      if (req.url?.endsWith("/MutePublishedTrack")) {
        res.end(JSON.stringify({ track: { sid: body.trackSid, muted: true } }));
        return;
      }
      if (req.url?.endsWith("/UpdateParticipant")) {
        res.end(JSON.stringify({ identity: body.identity }));
        return;
      }
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => server.close() };
}

async function adminClaims(authorization: string | undefined) {
  expect(authorization).toMatch(/^Bearer /);
  return new TokenVerifier(KEY, SECRET).verify((authorization ?? "").slice("Bearer ".length));
}

describe("LiveKit contract", () => {
  let recorder: Awaited<ReturnType<typeof startRecorder>>;
  const now = () => new Date();

  beforeAll(async () => {
    recorder = await startRecorder();
  });
  afterAll(() => recorder.close());

  const media = () =>
    createLivekitMedia(
      {
        kind: "livekit",
        url: BROWSER_URL,
        apiUrl: recorder.url,
        apiKey: KEY,
        apiSecret: SECRET,
        tokenTtlSeconds: 600,
      },
      now,
    );

  async function verify(credential: MediaCredential) {
    if (credential.mode !== "livekit") throw new Error("expected a LiveKit credential");
    return new TokenVerifier(KEY, SECRET).verify(credential.token);
  }

  it("gives a facilitator an admin token for one room, expiring within 10 minutes", async () => {
    const credential = await media().credential(
      "s-1",
      { userId: "u-fac", displayName: "Dana", role: "facilitator" },
      { screenShare: false },
    );
    // Browsers get the public URL; the room API goes to the inside one.
    expect(credential).toMatchObject({ mode: "livekit", url: BROWSER_URL });
    const claims = await verify(credential);
    expect(claims.sub).toBe("u-fac");
    expect(claims.name).toBe("Dana");
    expect(claims.video).toMatchObject({
      room: livekitRoomName("s-1"),
      roomJoin: true,
      roomAdmin: true,
      canSubscribe: true,
      canPublishData: true,
    });
    expect(claims.video?.canPublishSources).toEqual(
      expect.arrayContaining(["camera", "microphone", "screen_share", "screen_share_audio"]),
    );
    expect((claims.exp ?? 0) - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(600);
    expect((claims.exp ?? 0) - Math.floor(Date.now() / 1000)).toBeGreaterThan(500);
    expect(JSON.parse(claims.metadata ?? "{}")).toEqual({ role: "facilitator" });
  });

  it("gives a participant camera, microphone and data only, and the screen only when allowed", async () => {
    const plain = await verify(
      await media().credential(
        "s-1",
        { userId: "u-p", displayName: "Jordan", role: "participant" },
        { screenShare: false },
      ),
    );
    expect(plain.video?.roomAdmin).toBeFalsy();
    expect(plain.video?.canPublishData).toBe(true);
    expect([...(plain.video?.canPublishSources ?? [])].sort()).toEqual(["camera", "microphone"]);
    const sharing = await verify(
      await media().credential(
        "s-1",
        { userId: "u-p", displayName: "Jordan", role: "participant" },
        { screenShare: true },
      ),
    );
    expect(sharing.video?.canPublishSources).toEqual(expect.arrayContaining(["screen_share"]));
    const family = await verify(
      await media().credential(
        "s-1",
        { userId: "u-f", displayName: "Pat", role: "family" },
        { screenShare: false },
      ),
    );
    expect(family.video?.roomAdmin).toBeFalsy();
    expect([...(family.video?.canPublishSources ?? [])].sort()).toEqual(["camera", "microphone"]);
  });

  it("issues tokens for the configured lifetime, and says when they expire", async () => {
    const credential = await createLivekitMedia(
      {
        kind: "livekit",
        url: BROWSER_URL,
        apiUrl: recorder.url,
        apiKey: KEY,
        apiSecret: SECRET,
        tokenTtlSeconds: 90,
      },
      () => new Date(),
    ).credential(
      "s-1",
      { userId: "u", displayName: "X", role: "participant" },
      { screenShare: false },
    );
    const claims = await verify(credential);
    const left = (claims.exp ?? 0) - Math.floor(Date.now() / 1000);
    expect(left).toBeLessThanOrEqual(90);
    expect(left).toBeGreaterThan(80);
    expect(Date.parse(credential.expiresAt) - Date.now()).toBeLessThanOrEqual(90_000);
    expect(Date.parse(credential.expiresAt) - Date.now()).toBeGreaterThan(80_000);
  });

  it("refuses a token signed with another secret", async () => {
    const credential = await createLivekitMedia(
      {
        kind: "livekit",
        url: BROWSER_URL,
        apiUrl: recorder.url,
        apiKey: KEY,
        apiSecret: "some-other-secret-of-enough-length-1234",
        tokenTtlSeconds: 600,
      },
      now,
    ).credential(
      "s-1",
      { userId: "u", displayName: "X", role: "participant" },
      { screenShare: false },
    );
    if (credential.mode !== "livekit") throw new Error("expected livekit");
    await expect(new TokenVerifier(KEY, SECRET).verify(credential.token)).rejects.toThrow();
  });

  it("mutes a published microphone through RoomService with room-admin rights", async () => {
    recorder.requests.length = 0;
    await media().turnOff("s-2", "u-p", "microphone");
    expect(recorder.requests.map((r) => r.path)).toEqual([
      "/twirp/livekit.RoomService/GetParticipant",
      "/twirp/livekit.RoomService/MutePublishedTrack",
    ]);
    const mute = recorder.requests[1];
    expect(mute?.body).toMatchObject({
      room: "session-s-2",
      identity: "u-p",
      trackSid: "TR_MIC",
      muted: true,
    });
    const claims = await adminClaims(mute?.authorization);
    expect(claims.video).toMatchObject({ room: "session-s-2", roomAdmin: true });
  });

  it("removes a participant with their earlier tokens revoked, updates screen permission, and ends rooms", async () => {
    recorder.requests.length = 0;
    const m = media();
    await m.remove("s-3", "u-p");
    await m.setScreenShare(
      "s-3",
      { userId: "u-p", displayName: "Jordan", role: "participant" },
      true,
    );
    await m.end("s-3");
    expect(recorder.requests.map((r) => r.path)).toEqual([
      "/twirp/livekit.RoomService/RemoveParticipant",
      "/twirp/livekit.RoomService/UpdateParticipant",
      "/twirp/livekit.RoomService/DeleteRoom",
    ]);
    const [remove, update, end] = recorder.requests;
    expect(remove?.body).toMatchObject({ room: "session-s-3", identity: "u-p" });
    expect(Number(remove?.body.revokeTokenTs)).toBeGreaterThan(1_700_000_000);
    expect(update?.body).toMatchObject({ room: "session-s-3", identity: "u-p" });
    expect((update?.body.permission as { canPublishSources: string[] }).canPublishSources).toEqual(
      expect.arrayContaining(["CAMERA", "MICROPHONE", "SCREEN_SHARE"]),
    );
    expect(end?.body).toEqual({ room: "session-s-3" });
    for (const r of [remove, update]) {
      expect((await adminClaims(r?.authorization)).video).toMatchObject({
        room: "session-s-3",
        roomAdmin: true,
      });
    }
    // Deleting a room is a room-creation right in LiveKit, not tied to one room.
    expect((await adminClaims(end?.authorization)).video?.roomCreate).toBe(true);
    expect(TrackSource.SCREEN_SHARE).toBeDefined();
  });
});

describe("a live room in LiveKit mode", () => {
  const clock = new ManualClock(new Date("2026-11-23T12:00:00Z"));
  let recorder: Awaited<ReturnType<typeof startRecorder>>;
  let server: TestServer;
  let sessionId = "";

  /** Someone let into the session (LiveKit tokens are only given to them). */
  async function admitted(userId: string, displayName: string): Promise<void> {
    await server.db.prisma.liveAttendee.create({
      data: {
        sessionId,
        userId,
        role: "participant",
        displayName,
        status: "ADMITTED",
        admittedAt: clock.now(),
      },
    });
  }

  async function signedWebhook(body: string, secret = SECRET): Promise<string> {
    const token = new AccessToken(KEY, secret);
    token.sha256 = createHash("sha256").update(body).digest("base64");
    return token.toJwt();
  }

  beforeAll(async () => {
    recorder = await startRecorder();
    server = await startTestServer({
      clock,
      env: {
        LIVEKIT_URL: recorder.url.replace("http", "ws"),
        LIVEKIT_API_KEY: KEY,
        LIVEKIT_API_SECRET: SECRET,
      },
    });
    const dana = await signedInClient(server.url, DEMO_ACCOUNTS.facilitators[0], TEST_PASSWORD);
    const sessions = SessionListSchema.parse(
      (await dana.get("/api/sessions?from=2026-11-23&to=2026-11-30")).body,
    ).sessions;
    const group = sessions.find((s) => s.cohort !== null);
    if (!group) throw new Error("no group meeting");
    sessionId = group.id;
    clock.set(new Date(Date.parse(group.startsAt) - 60_000));
  });
  afterAll(async () => {
    await server.close();
    recorder.close();
  });

  it("reports LiveKit media in health, and issues a LiveKit token on joining", async () => {
    expect(await (await fetch(new URL("/api/health", server.url))).json()).toMatchObject({
      media: "livekit",
    });
    const dana = await signedInClient(server.url, DEMO_ACCOUNTS.facilitators[0], TEST_PASSWORD);
    const live = new LiveClient(server.url, dana.cookieHeader());
    await live.connected();
    const joined = await live.request<JoinReply>("room:join", { sessionId, displayName: "Dana" });
    live.close();
    if (!joined.ok || joined.credential?.mode !== "livekit")
      throw new Error("expected a LiveKit credential");
    expect(joined.room.mediaMode).toBe("livekit");
    const claims = await new TokenVerifier(KEY, SECRET).verify(joined.credential.token);
    expect(claims.video).toMatchObject({ room: `session-${sessionId}`, roomAdmin: true });
  });

  it("records joins and leaves from signed webhooks, and refuses unsigned or altered ones", async () => {
    const jordan = await server.db.prisma.user.findUniqueOrThrow({
      where: { email: DEMO_ACCOUNTS.participants[0] },
    });
    await admitted(jordan.id, "Jordan");
    const event = (name: string, at: number) =>
      JSON.stringify({
        event: name,
        room: { name: `session-${sessionId}` },
        participant: { identity: jordan.id, name: "Jordan" },
        createdAt: String(at),
        id: `EV_${name}_${at}`,
      });
    const start = Math.floor(clock.now().getTime() / 1000);
    const post = async (body: string, authorization?: string) =>
      fetch(new URL("/api/livekit/webhook", server.url), {
        method: "POST",
        headers: {
          "content-type": "application/webhook+json",
          ...(authorization ? { authorization } : {}),
        },
        body,
      });
    const joined = event("participant_joined", start);
    expect((await post(joined, await signedWebhook(joined))).status).toBe(200);
    const left = event("participant_left", start + 45 * 60);
    clock.set(new Date((start + 45 * 60) * 1000));
    expect((await post(left, await signedWebhook(left))).status).toBe(200);
    const spans = await server.db.prisma.attendanceSpan.findMany({
      where: { sessionId, userId: jordan.id },
    });
    expect(spans).toHaveLength(1);
    expect(spans[0]?.source).toBe("LIVEKIT");
    expect((spans[0]?.leftAt?.getTime() ?? 0) - (spans[0]?.joinedAt.getTime() ?? 0)).toBe(
      45 * 60_000,
    );

    const forged = event("participant_joined", start + 50 * 60);
    expect((await post(forged)).status).toBe(401);
    expect(
      (
        await post(
          forged,
          await signedWebhook(forged, "not-the-secret-but-long-enough-to-sign-with"),
        )
      ).status,
    ).toBe(401);
    const tampered = forged.replace("participant_joined", "participant_left");
    expect((await post(tampered, await signedWebhook(forged))).status).toBe(401);
    expect(
      await server.db.prisma.attendanceSpan.count({ where: { sessionId, userId: jordan.id } }),
    ).toBe(1);
  });

  it("records nothing for a LiveKit identity that is not someone let into the session", async () => {
    const now = Math.floor(clock.now().getTime() / 1000);
    const stranger = "00000000-0000-4000-8000-000000000001";
    const body = JSON.stringify({
      event: "participant_joined",
      room: { name: `session-${sessionId}` },
      participant: { identity: stranger, name: "Load test" },
      createdAt: String(now),
      id: "EV_stranger",
    });
    const res = await fetch(new URL("/api/livekit/webhook", server.url), {
      method: "POST",
      headers: {
        "content-type": "application/webhook+json",
        authorization: await signedWebhook(body),
      },
      body,
    });
    expect(res.status).toBe(200);
    expect(
      await server.db.prisma.attendanceSpan.count({ where: { sessionId, userId: stranger } }),
    ).toBe(0);

    // A publisher Bridgeway never minted (a load-test client named "simulated-3") is not a user id.
    const spansBefore = await server.db.prisma.attendanceSpan.count({ where: { sessionId } });
    const simulated = JSON.stringify({
      event: "participant_joined",
      room: { name: `session-${sessionId}` },
      participant: { identity: "simulated-3", name: "Load test" },
      createdAt: String(now),
      id: "EV_simulated",
    });
    const second = await fetch(new URL("/api/livekit/webhook", server.url), {
      method: "POST",
      headers: {
        "content-type": "application/webhook+json",
        authorization: await signedWebhook(simulated),
      },
      body: simulated,
    });
    expect(second.status).toBe(200);
    expect(await server.db.prisma.attendanceSpan.count({ where: { sessionId } })).toBe(spansBefore);
  });

  it("refuses a signed webhook sent a second time, or one too old to be fresh, and records nothing from it", async () => {
    const sam = await server.db.prisma.user.findUniqueOrThrow({
      where: { email: DEMO_ACCOUNTS.participants[1] },
    });
    await admitted(sam.id, "Sam");
    const now = Math.floor(clock.now().getTime() / 1000);
    const body = (id: string, at: number) =>
      JSON.stringify({
        event: "participant_joined",
        room: { name: `session-${sessionId}` },
        participant: { identity: sam.id, name: "Sam" },
        createdAt: String(at),
        id,
      });
    const post = async (text: string) =>
      fetch(new URL("/api/livekit/webhook", server.url), {
        method: "POST",
        headers: {
          "content-type": "application/webhook+json",
          authorization: await signedWebhook(text),
        },
        body: text,
      });
    const spans = () =>
      server.db.prisma.attendanceSpan.count({ where: { sessionId, userId: sam.id } });

    const stale = await post(body("EV_stale", now - 6 * 60));
    expect(stale.status).toBe(401);
    const refusal = (await stale.json()) as { error: { fields?: Record<string, string> } };
    expect(Object.keys(refusal.error.fields ?? {})).toEqual(["createdAt"]);
    expect((await post(body("EV_future", now + 10 * 60))).status).toBe(401);
    expect(await spans()).toBe(0);

    const fresh = body("EV_once", now - 30);
    expect((await post(fresh)).status).toBe(200);
    expect(await spans()).toBe(1);
    // The very same signed request, captured and sent again a minute later.
    clock.set(new Date((now + 60) * 1000));
    const replayed = await post(fresh);
    expect(replayed.status).toBe(409);
    expect(await replayed.json()).toMatchObject({ error: { code: "conflict" } });
    // A different body reusing the id is refused too: the id is what LiveKit sends once.
    expect((await post(body("EV_once", now + 30))).status).toBe(409);
    expect(await spans()).toBe(1);
    const open = await server.db.prisma.attendanceSpan.findFirst({
      where: { sessionId, userId: sam.id },
    });
    expect(open?.leftAt).toBeNull();
  });
});
