import { randomUUID } from "node:crypto";
import { roomKey, type ChatMessageDto } from "@bridgeway/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../auth/sign-ins";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient, type TestClient } from "../testing/http-client";
import { LiveClient, type Reply } from "../testing/live-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds, redisUrlForTests } from "../testing/test-databases";
import {
  startServerPair,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
} from "../testing/test-server";

const P = DEMO_ACCOUNTS.participants;
const [DANA, MARCUS] = DEMO_ACCOUNTS.facilitators;
const [PAT] = DEMO_ACCOUNTS.family;
/** The bound: out of every room within a second of the change. */
const WITHIN_MS = 1000;

type Person = { client: TestClient; live: LiveClient; id: string };
type Ended = { reason: string; code: string };
const opened: LiveClient[] = [];

afterEach(() => {
  for (const live of opened.splice(0)) live.close();
});

function socketOn(url: string, cookie: string): LiveClient {
  const live = new LiveClient(url, cookie);
  opened.push(live);
  return live;
}

async function personOn(server: { url: string }, email: string, via = server): Promise<Person> {
  const client = await signedInClient(via.url, email, TEST_PASSWORD);
  const live = socketOn(server.url, client.cookieHeader());
  await live.connected();
  const me = await client.get<{ user: { id: string } }>("/api/auth/me");
  return { client, live, id: me.body.user.id };
}

function ok<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`refused: ${reply.error.code} ${reply.error.message}`);
  return reply;
}

/**
 * A round trip on the socket: everything the server sent it before answering has arrived, so
 * "nothing arrived" is a fact, not a guess after a sleep.
 */
function roundTrip(live: LiveClient): Promise<void> {
  return new Promise((resolve) => {
    live.socket.emit("presence:ping", () => resolve());
  });
}

function disconnected(live: LiveClient): Promise<string> {
  if (!live.socket.connected) return Promise.resolve("already");
  return new Promise((resolve) => live.socket.once("disconnect", (reason) => resolve(reason)));
}

function received(live: LiveClient, clientId: string): boolean {
  return live.events.some(
    (e) => e.event === "chat:message" && (e.payload as ChatMessageDto).clientId === clientId,
  );
}

async function discharge(
  facilitator: TestClient,
  server: TestServer,
  participantId: string,
  dischargedOn: string,
) {
  const enrollment = await server.db.prisma.enrollment.findFirstOrThrow({
    where: { participantUserId: participantId, status: "ACTIVE" },
  });
  return facilitator.post(`/api/enrollments/${enrollment.id}/discharge`, {
    reason: "COMPLETED",
    dischargedOn,
    summary: "Completed the program.",
    aftercare: { stepDownLevel: "Outpatient therapy", followUps: [], resources: [] },
  });
}

/** Someone still in the room sends; the removed person must not receive it. */
async function assertCutOff(sender: Person, removed: Person, room: string): Promise<void> {
  const refused = await removed.live.request("chat:send", {
    roomKey: room,
    clientId: randomUUID(),
    body: "still here?",
  });
  expect(refused.ok ? "sent" : refused.error.code).toBe("not_found");
  const clientId = randomUUID();
  ok(await sender.live.request("chat:send", { roomKey: room, clientId, body: "after" }));
  await sender.live.waitFor<ChatMessageDto>("chat:message", (m) => m.clientId === clientId);
  await roundTrip(removed.live);
  expect(received(removed.live, clientId)).toBe(false);
}

describe.each(databaseKinds())("realtime access follows permission on %s", (kind) => {
  const clock = new ManualClock(new Date("2026-11-23T15:00:00Z"));
  let server: TestServer;
  let cohortRoom = "";

  beforeAll(async () => {
    server = await startTestServer({ kind, clock });
    const cohort = await server.db.prisma.cohort.findFirstOrThrow({
      where: { name: "Evening track" },
    });
    cohortRoom = roomKey({ kind: "cohort", cohortId: cohort.id });
  });
  afterAll(async () => {
    await server.close();
  });

  it("takes a discharged participant's socket out of the cohort chat at once and refuses what it sends next", async () => {
    const jordan = await personOn(server, P[0]);
    const riley = await personOn(server, P[4]);
    ok(await jordan.live.request("chat:subscribe", { roomKey: cohortRoom }));
    ok(await riley.live.request("chat:subscribe", { roomKey: cohortRoom }));
    const dana = await signedInClient(server.url, DANA, TEST_PASSWORD);

    const removed = riley.live.waitFor<{ roomKey: string }>(
      "chat:removed",
      (r) => r.roomKey === cohortRoom,
    );
    expect((await discharge(dana, server, riley.id, "2026-11-23")).status).toBe(201);
    const answeredAt = Date.now();
    expect(await removed).toEqual({ roomKey: cohortRoom, reason: "access_changed" });
    expect(Date.now() - answeredAt).toBeLessThan(WITHIN_MS);

    await assertCutOff(jordan, riley, cohortRoom);
    // Subscribing again is refused too: the room no longer exists for them.
    const again = await riley.live.request("chat:subscribe", { roomKey: cohortRoom });
    expect(again.ok ? "subscribed" : again.error.code).toBe("not_found");
    // Jordan, still enrolled, keeps the room.
    ok(await jordan.live.request("chat:history", { roomKey: cohortRoom, limit: 5 }));
  });

  it("takes a clinician taken off a cohort out of its chat at once and refuses what they send next", async () => {
    const jordan = await personOn(server, P[0]);
    const marcus = await personOn(server, MARCUS);
    ok(await jordan.live.request("chat:subscribe", { roomKey: cohortRoom }));
    ok(await marcus.live.request("chat:subscribe", { roomKey: cohortRoom }));
    const admin = await signedInClient(server.url, DEMO_ACCOUNTS.admin, TEST_PASSWORD);
    const cohort = await server.db.prisma.cohort.findFirstOrThrow({
      where: { name: "Evening track" },
    });

    const removed = marcus.live.waitFor<{ roomKey: string }>(
      "chat:removed",
      (r) => r.roomKey === cohortRoom,
    );
    const res = await admin.request("PATCH", `/api/cohorts/${cohort.id}`, {
      json: { coFacilitatorIds: [] },
    });
    expect(res.status).toBe(200);
    expect(await removed).toEqual({ roomKey: cohortRoom, reason: "access_changed" });

    await assertCutOff(jordan, marcus, cohortRoom);
  });

  it("takes a family member out of a live session's chat when the participant withdraws consent", async () => {
    const dana = await signedInClient(server.url, DANA, TEST_PASSWORD);
    const jordanId = (await server.db.prisma.user.findUniqueOrThrow({ where: { email: P[0] } })).id;
    const patId = (await server.db.prisma.user.findUniqueOrThrow({ where: { email: PAT } })).id;
    const booked = await dana.post<{ id: string }>("/api/sessions", {
      kind: "FAMILY",
      participantUserId: jordanId,
      startsAt: "2026-11-24T10:00:00-05:00",
      durationMinutes: 60,
      familyUserIds: [patId],
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const sessionId = booked.body.id;
    const sessionRoom = roomKey({ kind: "session", sessionId });

    clock.set(new Date("2026-11-24T14:55:00Z"));
    const danaLive = await personOn(server, DANA);
    ok(await danaLive.live.join(sessionId, "Dana"));
    const pat = await personOn(server, PAT);
    ok(await pat.live.join(sessionId, "Pat"));
    ok(await danaLive.live.request("room:admit", { sessionId, userId: patId }));
    await pat.live.waitFor("room:admitted");
    ok(await danaLive.live.request("chat:subscribe", { roomKey: sessionRoom }));
    ok(await pat.live.request("chat:subscribe", { roomKey: sessionRoom }));

    const chatRemoved = pat.live.waitFor<{ roomKey: string }>(
      "chat:removed",
      (r) => r.roomKey === sessionRoom,
    );
    const roomRemoved = pat.live.waitFor<{ reason?: string }>("room:removed");
    const jordan = await signedInClient(server.url, P[0], TEST_PASSWORD);
    expect((await jordan.post(`/api/families/${patId}/withdraw-consent`)).status).toBe(204);
    expect((await roomRemoved).reason).toBe("consent");
    expect(await chatRemoved).toEqual({ roomKey: sessionRoom, reason: "access_changed" });

    await assertCutOff(danaLive, pat, sessionRoom);
    const hand = await pat.live.request("hand:raise", { sessionId, raised: true });
    expect(hand.ok).toBe(false);
  });

  it("refuses the next event of a socket whose session went idle, says session_expired and closes it", async () => {
    const sam = await personOn(server, P[1]);
    ok(await sam.live.request("chat:rooms", {}));
    const ended = sam.live.waitFor<Ended>("session:ended");
    const gone = disconnected(sam.live);
    clock.advance(31 * 60 * 1000);
    const reply = await sam.live.request("chat:rooms", {});
    expect(reply.ok ? "answered" : reply.error.code).toBe("session_expired");
    expect(await ended).toEqual({ reason: "expired", code: "session_expired" });
    expect(await gone).toBe("io server disconnect");
  });

  it("closes a socket when its session reaches its absolute limit, without waiting for an event", async () => {
    const user = await server.db.prisma.user.findUniqueOrThrow({ where: { email: P[2] } });
    const { token } = await server.signIns.start(user.id);
    // A session that ends a moment from now; the socket's own timer must notice.
    await server.db.prisma.signIn.update({
      where: { id: hashToken(token) },
      data: { expiresAt: new Date(clock.now().getTime() + 200) },
    });
    const live = socketOn(server.url, `${server.signIns.cookieName}=${token}`);
    await live.connected();
    const ended = live.waitFor<Ended>("session:ended");
    const gone = disconnected(live);
    clock.advance(1000);
    expect(await ended).toEqual({ reason: "expired", code: "session_expired" });
    expect(await gone).toBe("io server disconnect");
  });

  it("closes every socket of a person whose access is revoked (deactivation, role change)", async () => {
    const taylor = await personOn(server, P[3]);
    const second = socketOn(server.url, taylor.client.cookieHeader());
    await second.connected();
    const ended = [taylor.live, second].map((l) => l.waitFor<Ended>("session:ended"));
    expect(await server.access.revokeUser(taylor.id)).toBe(1);
    for (const e of await Promise.all(ended)) {
      expect(e).toEqual({ reason: "access-revoked", code: "access_revoked" });
    }
    expect((await taylor.client.get("/api/auth/me")).status).toBe(401);
  });
});

const redisUrl = redisUrlForTests();
describe.runIf(redisUrl && process.env.DATABASE_URL)(
  "realtime access follows permission on every server process (PostgreSQL + Redis)",
  () => {
    let a: TestServer;
    let b: TestServer;
    let close: () => Promise<void>;
    let cohortRoom = "";

    beforeAll(async () => {
      ({ a, b, close } = await startServerPair(redisUrl ?? ""));
      const cohort = await a.db.prisma.cohort.findFirstOrThrow({
        where: { name: "Evening track" },
      });
      cohortRoom = roomKey({ kind: "cohort", cohortId: cohort.id });
    });
    afterAll(async () => {
      await close();
    });

    it("takes a participant discharged through one process out of the cohort chat on another within a second", async () => {
      const jordan = await personOn(b, P[0], a);
      const riley = await personOn(b, P[5], a);
      ok(await jordan.live.request("chat:subscribe", { roomKey: cohortRoom }));
      ok(await riley.live.request("chat:subscribe", { roomKey: cohortRoom }));
      const dana = await signedInClient(a.url, DANA, TEST_PASSWORD);
      const removed = riley.live.waitFor<{ roomKey: string }>(
        "chat:removed",
        (r) => r.roomKey === cohortRoom,
      );
      const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
      const response = await discharge(dana, a, riley.id, yesterday);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      const answeredAt = Date.now();
      await removed;
      expect(Date.now() - answeredAt).toBeLessThan(WITHIN_MS);
      await assertCutOff(jordan, riley, cohortRoom);
    });

    it("closes a person's sockets on every process when their access is revoked on one", async () => {
      const sam = await personOn(b, P[1], a);
      const ended = sam.live.waitFor<Ended>("session:ended");
      const gone = disconnected(sam.live);
      await a.access.revokeUser(sam.id);
      expect(await ended).toEqual({ reason: "access-revoked", code: "access_revoked" });
      expect(await gone).toBe("io server disconnect");
    });
  },
);
