import { randomUUID } from "node:crypto";
import {
  ApiErrorBodySchema,
  DIRECT_MODE_MAX_PEOPLE,
  JOIN_OPENS_BEFORE_MS,
  SessionAttendanceSchema,
  SessionListSchema,
  type RoomSnapshot,
  type SessionSummary,
} from "@bridgeway/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { fixtures } from "../testing/fixtures";
import { signedInClient, type TestClient } from "../testing/http-client";
import { LiveClient } from "../testing/live-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

const [DANA, MARCUS] = DEMO_ACCOUNTS.facilitators;
const P = DEMO_ACCOUNTS.participants;

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(databaseKinds())("the live room on %s", (kind) => {
  const clock = new ManualClock(new Date("2026-11-23T12:00:00Z"));
  let server: TestServer;
  let group: SessionSummary;
  let nextGroups: SessionSummary[];
  const opened: LiveClient[] = [];

  async function person(
    email: string,
  ): Promise<{ client: TestClient; live: LiveClient; id: string }> {
    // A fresh sign-in each time: the tests move the clock by hours between rooms.
    const client = await signedInClient(server.url, email, TEST_PASSWORD);
    const live = new LiveClient(server.url, client.cookieHeader());
    opened.push(live);
    await live.connected();
    const me = await client.get<{ user: { id: string } }>("/api/auth/me");
    return { client, live, id: me.body.user.id };
  }

  beforeAll(async () => {
    server = await startTestServer({ kind, clock, reconnectGraceMs: 300 });
    const dana = await signedInClient(server.url, DANA, TEST_PASSWORD);
    const res = await dana.get("/api/sessions?from=2026-11-23&to=2026-12-20");
    const sessions = SessionListSchema.parse(res.body).sessions.filter((s) => s.cohort !== null);
    const [first, ...rest] = sessions;
    if (!first) throw new Error("the demo cohort has no meetings");
    group = first;
    nextGroups = rest;
    // Five minutes before the first meeting: the room is open.
    clock.set(new Date(Date.parse(group.startsAt) - 5 * 60_000));
  });
  afterEach(() => {
    for (const live of opened.splice(0)) live.close();
  });
  afterAll(async () => {
    await server.close();
  });

  it("lets the facilitator straight in with a media credential, and keeps a participant waiting", async () => {
    const dana = await person(DANA);
    const joined = await dana.live.join(group.id, "Dana");
    if (!joined.ok) throw new Error(joined.error.message);
    expect(joined.state).toBe("admitted");
    expect(joined.credential?.mode).toBe("direct");
    expect(joined.room.me).toMatchObject({ role: "facilitator", status: "in-room" });

    const jordan = await person(P[0]);
    const waiting = await jordan.live.join(group.id, "Jordan");
    if (!waiting.ok) throw new Error(waiting.error.message);
    expect(waiting.state).toBe("waiting");
    expect(waiting.credential).toBeUndefined();
    // Waiting people do not see who is in the room.
    expect(waiting.room.people).toEqual([]);
    const staffView = await dana.live.state((r) =>
      r.people.some((p) => p.userId === jordan.id && p.status === "waiting"),
    );
    expect(staffView.people.find((p) => p.userId === jordan.id)?.displayName).toBe("Jordan");

    const admitted = jordan.live.waitFor<{ credential: { mode: string } }>("room:admitted");
    const reply = await dana.live.request("room:admit", { sessionId: group.id, userId: jordan.id });
    expect(reply.ok).toBe(true);
    expect((await admitted).credential.mode).toBe("direct");
    const jordanView = await jordan.live.state(
      (r) => r.me.status === "in-room" && r.people.length === 2,
    );
    expect(jordanView.people.map((p) => p.displayName).sort()).toEqual(["Dana", "Jordan"]);
  });

  it("refuses someone not enrolled in the cohort, and a family member, without saying who is there", async () => {
    const dana = await person(DANA);
    await dana.live.join(group.id, "Dana");
    const f = fixtures(server.db.prisma, TEST_PASSWORD);
    const org = await server.db.prisma.organization.findFirstOrThrow();
    const outsider = await f.user(org.id, "PARTICIPANT", "Olive");
    const stranger = await person(outsider.email);
    const refused = await stranger.live.join(group.id, "Olive");
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe("not_found");
    expect(refused.error.message).not.toMatch(/Dana|Jordan|Evening/);
    const family = await person(DEMO_ACCOUNTS.family[0]);
    const familyReply = await family.live.join(group.id, "Pat");
    expect(familyReply.ok ? "joined" : familyReply.error.code).toBe("not_found");
    // The staff view never showed them.
    expect(dana.live.states.flatMap((s) => s.people).some((p) => p.displayName === "Olive")).toBe(
      false,
    );
  });

  it("tells someone who comes early how long until the room opens", async () => {
    const later = nextGroups.find((s) => Date.parse(s.startsAt) - clock.now().getTime() > DAY_MS);
    if (!later) throw new Error("no meeting a day or more away");
    const jordan = await person(P[0]);
    const early = await jordan.live.join(later.id, "Jordan");
    expect(early.ok).toBe(false);
    if (early.ok) return;
    expect(early.error.code).toBe("not_open_yet");
    const opensAt = Date.parse(later.startsAt) - JOIN_OPENS_BEFORE_MS;
    const hours = Math.round((opensAt - clock.now().getTime()) / (60 * 60_000));
    expect(early.error.message).toBe(
      `The room opens in about ${hours} hours, 10 minutes before the start.`,
    );
  });

  it("shows raised hands in the order raised, and lowers them", async () => {
    const dana = await person(DANA);
    await dana.live.join(group.id, "Dana");
    const sam = await person(P[1]);
    const riley = await person(P[2]);
    for (const [p, name] of [
      [sam, "Sam"],
      [riley, "Riley"],
    ] as const) {
      await p.live.join(group.id, name);
      await dana.live.request("room:admit", { sessionId: group.id, userId: p.id });
    }
    clock.advance(1000);
    await riley.live.request("hand:raise", { sessionId: group.id, raised: true });
    clock.advance(1000);
    await sam.live.request("hand:raise", { sessionId: group.id, raised: true });
    const hands = (room: RoomSnapshot) =>
      room.people
        .filter((p) => p.handRaisedAt !== null)
        .sort((a, b) => (a.handRaisedAt ?? "").localeCompare(b.handRaisedAt ?? ""))
        .map((p) => p.displayName);
    expect(hands(await dana.live.state((r) => hands(r).length === 2))).toEqual(["Riley", "Sam"]);
    await riley.live.request("hand:raise", { sessionId: group.id, raised: false });
    expect(hands(await dana.live.state((r) => hands(r).length === 1))).toEqual(["Sam"]);
    // The facilitator lowers an answered hand; a participant cannot lower someone else's.
    const refused = await riley.live.request("hand:lower", { sessionId: group.id, userId: sam.id });
    expect(refused.ok ? "lowered" : refused.error.code).toBe("forbidden");
    expect(
      (await dana.live.request("hand:lower", { sessionId: group.id, userId: sam.id })).ok,
    ).toBe(true);
    expect(hands(await dana.live.state((r) => hands(r).length === 0))).toEqual([]);
  });

  it("turns someone's microphone off, asks them to unmute, and never turns it on for them", async () => {
    const dana = await person(DANA);
    await dana.live.join(group.id, "Dana");
    const taylor = await person(P[3]);
    await taylor.live.join(group.id, "Taylor");
    await dana.live.request("room:admit", { sessionId: group.id, userId: taylor.id });
    await taylor.live.request("media:state", {
      sessionId: group.id,
      microphone: true,
      camera: true,
      screen: false,
    });
    const turnedOff = taylor.live.waitFor<{ kind: string; by: string }>("room:turned-off");
    await dana.live.request("room:turn-off", {
      sessionId: group.id,
      target: taylor.id,
      kind: "microphone",
    });
    expect(await turnedOff).toMatchObject({ kind: "microphone", by: "Dana" });
    const view = await dana.live.state(
      (r) => r.people.find((p) => p.userId === taylor.id)?.microphone === false,
    );
    expect(view.people.find((p) => p.userId === taylor.id)?.camera).toBe(true);
    const asked = taylor.live.waitFor<{ by: string }>("room:unmute-requested");
    await dana.live.request("room:ask-unmute", { sessionId: group.id, userId: taylor.id });
    expect((await asked).by).toBe("Dana");
    // Asking does not change anything: the microphone stays off until Taylor turns it on.
    expect(
      (await dana.live.state(() => true)).people.find((p) => p.userId === taylor.id)?.microphone,
    ).toBe(false);
    // Participants cannot use clinician controls.
    const refused = await taylor.live.request("room:turn-off", {
      sessionId: group.id,
      target: "everyone",
      kind: "microphone",
    });
    expect(refused.ok ? "allowed" : refused.error.code).toBe("forbidden");
  });

  it("removes someone, who then cannot rejoin, and locks the room to new arrivals", async () => {
    const dana = await person(DANA);
    await dana.live.join(group.id, "Dana");
    const morgan = await person(P[4]);
    await morgan.live.join(group.id, "Morgan");
    await dana.live.request("room:admit", { sessionId: group.id, userId: morgan.id });
    const removed = morgan.live.waitFor("room:removed");
    expect(
      (await dana.live.request("room:remove", { sessionId: group.id, userId: morgan.id })).ok,
    ).toBe(true);
    await removed;
    const again = await morgan.live.join(group.id, "Morgan");
    expect(again.ok ? "joined" : again.error.code).toBe("removed");

    expect((await dana.live.request("room:lock", { sessionId: group.id, locked: true })).ok).toBe(
      true,
    );
    const casey = await person(P[5]);
    const locked = await casey.live.join(group.id, "Casey");
    expect(locked.ok ? "joined" : locked.error.code).toBe("locked");
    await dana.live.request("room:lock", { sessionId: group.id, locked: false });
    const open = await casey.live.join(group.id, "Casey");
    expect(open.ok && open.state).toBe("waiting");
    const declined = casey.live.waitFor<{ message: string }>("room:declined");
    await dana.live.request("room:decline", {
      sessionId: group.id,
      userId: casey.id,
      message: "Please call the clinic before joining today.",
    });
    expect((await declined).message).toBe("Please call the clinic before joining today.");
  });

  it("relays video signalling only between people let into the room", async () => {
    const dana = await person(DANA);
    await dana.live.join(group.id, "Dana");
    const avery = await person(P[6]);
    await avery.live.join(group.id, "Avery");
    // Still waiting: no signalling.
    const early = await avery.live.request("media:signal", {
      sessionId: group.id,
      to: dana.id,
      signal: { description: { type: "offer", sdp: "v=0" } },
    });
    expect(early.ok ? "sent" : early.error.code).toBe("not_admitted");
    await dana.live.request("room:admit", { sessionId: group.id, userId: avery.id });
    const received = dana.live.waitFor<{ from: string; signal: unknown }>("media:signal");
    const sent = await avery.live.request("media:signal", {
      sessionId: group.id,
      to: dana.id,
      signal: {
        candidate: {
          candidate: "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host",
          sdpMid: "0",
          sdpMLineIndex: 0,
        },
      },
    });
    expect(sent.ok).toBe(true);
    expect((await received).from).toBe(avery.id);
  });

  it("relays a burst at once, and stops the moment someone leaves or is removed", async () => {
    const dana = await person(DANA);
    await dana.live.join(group.id, "Dana");
    const riley = await person(P[7]);
    await riley.live.join(group.id, "Riley");
    await dana.live.request("room:admit", { sessionId: group.id, userId: riley.id });
    const candidate = (n: number) => ({
      candidate: {
        candidate: `candidate:${n} 1 udp 2122260223 127.0.0.1 ${50_000 + n} typ host`,
        sdpMid: "0",
        sdpMLineIndex: 0,
      },
    });
    const signal = (from: LiveClient, to: string, n: number) =>
      from.request("media:signal", { sessionId: group.id, to, signal: candidate(n) });
    // A join's burst of candidates: every one relayed, in order.
    const heard: string[] = [];
    const all = dana.live.waitFor<{ signal: { candidate: { candidate: string } } }>(
      "media:signal",
      (m) => heard.push(m.signal.candidate.candidate) === 12,
    );
    const sent = await Promise.all(
      Array.from({ length: 12 }, (_, n) => signal(riley.live, dana.id, n)),
    );
    expect(sent.every((r) => r.ok)).toBe(true);
    await all;
    expect(heard.map((c) => c.split(" ")[0])).toEqual(
      Array.from({ length: 12 }, (_, n) => `candidate:${n}`),
    );
    // Leaving and coming straight back: signals to the newcomer are relayed again at once.
    expect((await riley.live.request("room:leave", { sessionId: group.id })).ok).toBe(true);
    const toGone = await signal(dana.live, riley.id, 20);
    expect(toGone.ok ? "sent" : toGone.error.code).toBe("not_found");
    await riley.live.join(group.id, "Riley");
    expect((await signal(dana.live, riley.id, 21)).ok).toBe(true);
    // Removed: the very next signal either way is refused, within the relay's trust window.
    expect((await signal(riley.live, dana.id, 22)).ok).toBe(true);
    expect(
      (await dana.live.request("room:remove", { sessionId: group.id, userId: riley.id })).ok,
    ).toBe(true);
    const fromRemoved = await signal(riley.live, dana.id, 23);
    expect(fromRemoved.ok ? "sent" : fromRemoved.error.code).toBe("not_admitted");
    const toRemoved = await signal(dana.live, riley.id, 24);
    expect(toRemoved.ok ? "sent" : toRemoved.error.code).toBe("not_found");
  });

  it("answers bad events with an error event and keeps the room working", async () => {
    const dana = await person(DANA);
    const notJoined = await dana.live.request("hand:raise", { sessionId: group.id, raised: true });
    expect(notJoined.ok ? "ok" : notJoined.error.code).toBe("not_admitted");
    await dana.live.join(group.id, "Dana");
    const cases: [string, unknown, string][] = [
      ["room:join", { sessionId: "nope", displayName: "X" }, "sessionId"],
      ["room:join", { sessionId: group.id, displayName: 42 }, "displayName"],
      ["room:join", { sessionId: randomUUID(), displayName: "Dana" }, ""],
      ["hand:raise", { sessionId: group.id, raised: "yes" }, "raised"],
      [
        "room:turn-off",
        { sessionId: group.id, target: "all of them", kind: "microphone" },
        "target",
      ],
      [
        "media:signal",
        { sessionId: group.id, to: dana.id, signal: { script: "alert(1)" } },
        "signal",
      ],
      ["room:admit", "not an object", "body"],
    ];
    for (const [event, payload, field] of cases) {
      const reply = await dana.live.request(event, payload);
      expect(reply.ok, event).toBe(false);
      if (reply.ok) continue;
      if (field)
        expect(
          Object.keys(reply.error.fields ?? {}),
          `${event} ${JSON.stringify(payload)}`,
        ).toContain(field);
      else expect(reply.error.code).toBe("not_found");
    }
    const errors = dana.live.events.filter((e) => e.event === "room:error");
    expect(errors.length).toBeGreaterThanOrEqual(cases.length);
    // An event without an acknowledgement still gets its error event.
    dana.live.socket.emit("hand:raise", { sessionId: group.id } as never);
    await dana.live.waitFor<{ event: string }>("room:error", (e) => e.event === "hand:raise");
    // And the room still works.
    expect((await dana.live.request("hand:raise", { sessionId: group.id, raised: true })).ok).toBe(
      true,
    );
  });

  it("shows a dropped connection as reconnecting, heals it without a click, and counts someone gone only after the grace", async () => {
    const session = nextGroups[0];
    if (!session) throw new Error("no second meeting");
    clock.set(new Date(Date.parse(session.startsAt) - 60_000));
    const dana = await person(DANA);
    await dana.live.join(session.id, "Dana");
    const riley = await person(P[2]);
    await riley.live.join(session.id, "Riley");
    await dana.live.request("room:admit", { sessionId: session.id, userId: riley.id });
    await dana.live.state((r) =>
      r.people.some((p) => p.userId === riley.id && p.status === "in-room"),
    );
    // Cut the network under the socket; socket.io reconnects and recovers the session itself.
    riley.live.socket.io.engine.close();
    await dana.live.waitFor<RoomSnapshot>("room:state", (r) =>
      r.people.some((p) => p.userId === riley.id && p.status === "reconnecting"),
    );
    await dana.live.waitFor<RoomSnapshot>(
      "room:state",
      (r) =>
        r.people.some((p) => p.userId === riley.id && p.status === "in-room") &&
        r === dana.live.states.at(-1),
    );
    expect(riley.live.socket.recovered).toBe(true);
    // A hard stop: after the grace they are gone, and attendance stopped when they dropped.
    riley.live.socket.io.reconnection(false);
    riley.live.socket.io.engine.close();
    await dana.live.waitFor<RoomSnapshot>("room:state", (r) =>
      r.people.some((p) => p.userId === riley.id && p.status === "left"),
    );
  });

  it(`refuses a seventh person in direct mode with a clear message (cap ${DIRECT_MODE_MAX_PEOPLE})`, async () => {
    const session = nextGroups[1];
    if (!session) throw new Error("no third meeting");
    clock.set(new Date(Date.parse(session.startsAt) - 60_000));
    const dana = await person(DANA);
    await dana.live.join(session.id, "Dana");
    const marcus = await person(MARCUS);
    await marcus.live.join(session.id, "Marcus");
    const people = [];
    for (const email of P.slice(0, 6)) {
      const p = await person(email);
      await p.live.join(session.id, email.split("@")[0] ?? "x");
      people.push(p);
    }
    const admitted = await dana.live.request<{ admitted: number }>("room:admit-all", {
      sessionId: session.id,
    });
    expect(admitted.ok && admitted.admitted).toBe(DIRECT_MODE_MAX_PEOPLE - 2);
    const last = people.at(-1);
    const full = await dana.live.request("room:admit", { sessionId: session.id, userId: last?.id });
    expect(full.ok ? "admitted" : full.error.code).toBe("room_full");
    if (!full.ok) expect(full.error.message).toMatch(/media server/);
  });

  it("ends the session for everyone, refuses rejoining, and reports minutes attended", async () => {
    const session = nextGroups[2];
    if (!session) throw new Error("no fourth meeting");
    clock.set(new Date(Date.parse(session.startsAt) - 2 * 60_000));
    const dana = await person(DANA);
    await dana.live.join(session.id, "Dana");
    const jordan = await person(P[0]);
    // Jordan arrives 20 minutes late.
    clock.set(new Date(Date.parse(session.startsAt) + 20 * 60_000));
    await jordan.live.join(session.id, "Jordan");
    await dana.live.request("room:admit", { sessionId: session.id, userId: jordan.id });
    // In the room the web app keeps the sign-in alive (sockets end at the idle limit otherwise).
    for (const minutes of [45, 70, 95]) {
      clock.set(new Date(Date.parse(session.startsAt) + minutes * 60_000));
      await dana.client.post("/api/auth/keepalive");
      await jordan.client.post("/api/auth/keepalive");
    }
    const ended = jordan.live.waitFor("room:ended");
    expect((await dana.live.request("room:end", { sessionId: session.id })).ok).toBe(true);
    await ended;
    const rejoin = await jordan.live.join(session.id, "Jordan");
    expect(rejoin.ok ? "joined" : rejoin.error.code).toBe("ended");

    clock.set(new Date(Date.parse(session.endsAt) + 60_000));
    const later = await signedInClient(server.url, DANA, TEST_PASSWORD);
    const res = await later.get(`/api/sessions/${session.id}/attendance`);
    expect(res.status).toBe(200);
    const attendance = SessionAttendanceSchema.parse(res.body);
    const row = attendance.people.find((p) => p.userId === jordan.id);
    expect(row).toMatchObject({
      minutes: 75,
      late: true,
      leftEarly: true,
      attended: true,
      expected: true,
    });
    const absent = attendance.people.filter((p) => p.expected && !p.attended);
    expect(absent.length).toBeGreaterThan(0);
    // Participants find no attendance record for their own session.
    const jordanLater = await signedInClient(server.url, P[0], TEST_PASSWORD);
    const denied = await jordanLater.get(`/api/sessions/${session.id}/attendance`);
    expect(denied.status).toBe(404);
    expect(ApiErrorBodySchema.parse(denied.body).error.code).toBe("not_found");
  });
});
