import { SessionListSchema, type RoomSnapshot } from "@bridgeway/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient } from "../testing/http-client";
import { LiveClient } from "../testing/live-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";
import { createLiveRepository } from "./live-repository";

const [JORDAN, SAM] = DEMO_ACCOUNTS.participants;
const [DANA] = DEMO_ACCOUNTS.facilitators;
const [PAT, CHRIS] = DEMO_ACCOUNTS.family;
const opened: LiveClient[] = [];
const MINUTE = 60_000;

afterEach(() => {
  for (const live of opened.splice(0)) live.close();
});

/*
 * A multi-family group of the Evening track: Dana runs it, Jordan and Pat (Jordan's parent) and
 * Sam are in it. The clock is the server's: moving it past a breakout timer is what the server's
 * own sweep (every second, in real time) notices.
 */
describe.each(databaseKinds())("breakout timers, removal and readmission on %s", (kind) => {
  const clock = new ManualClock(new Date("2026-11-28T14:00:00Z"));
  let server: TestServer;
  let sessionId: string;

  beforeAll(async () => {
    server = await startTestServer({ kind, clock });
    const dana = await signedInClient(server.url, DANA, TEST_PASSWORD);
    const cohort = await server.db.prisma.cohort.findFirstOrThrow({
      where: { name: "Evening track" },
    });
    const booked = await dana.post<{ id: string }>(
      `/api/cohorts/${cohort.id}/multi-family-sessions`,
      { startsAt: "2026-11-28T10:00:00-05:00", durationMinutes: 90 },
    );
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    sessionId = booked.body.id;
    clock.set(new Date("2026-11-28T14:58:00Z"));
  });
  afterAll(async () => {
    await server.close();
  });

  async function live(email: string) {
    // A fresh sign-in each time: tests move the clock by many minutes.
    const client = await signedInClient(server.url, email, TEST_PASSWORD);
    const socket = new LiveClient(server.url, client.cookieHeader());
    opened.push(socket);
    await socket.connected();
    const id = (await server.db.prisma.user.findUniqueOrThrow({ where: { email } })).id;
    return { client, live: socket, id };
  }

  /** Dana, Jordan, Pat and Sam all in the main room. */
  async function everyoneIn() {
    const d = await live(DANA);
    const j = await live(JORDAN);
    const p = await live(PAT);
    const s = await live(SAM);
    expect((await d.live.join(sessionId, "Dana")).ok).toBe(true);
    for (const [person, name] of [
      [j, "Jordan"],
      [p, "Pat"],
      [s, "Sam"],
    ] as const) {
      const reply = await person.live.join(sessionId, name);
      expect(reply.ok, name).toBe(true);
    }
    await d.live.request("room:admit-all", { sessionId });
    await d.live.state((r) => r.people.filter((x) => x.status === "in-room").length === 4);
    return { d, j, p, s };
  }

  it("closes the breakout rooms when time is up, after warning everyone a minute before, with nobody's browser asking", async () => {
    const { d, j, p, s } = await everyoneIn();
    const opened = await d.live.request<{ rooms: number }>("room:breakouts-open", {
      sessionId,
      rooms: "by-family",
      minutes: 5,
      whenTimeIsUp: "close",
    });
    expect(opened.ok && opened.rooms).toBe(2);
    const inRooms = await p.live.state((r) => r.breakouts !== null && r.me.breakoutId !== null);
    expect(inRooms.breakouts?.whenTimeIsUp).toBe("close");
    const endsAt = Date.parse(inRooms.breakouts?.endsAt ?? "");
    // The facilitator's browser goes away: the timer is the server's.
    d.live.close();

    const warnings = [j, p, s].map((x) =>
      x.live.waitFor<{ endsAt: string }>("room:breakouts-ending"),
    );
    clock.set(new Date(endsAt - 59_000));
    for (const warned of await Promise.all(warnings)) {
      expect(Date.parse(warned.endsAt)).toBe(endsAt);
    }

    const back = [j, p, s].map((x) =>
      x.live.waitFor<{ breakoutId: string | null }>("room:moved", (m) => m.breakoutId === null),
    );
    clock.set(new Date(endsAt + 1_000));
    await Promise.all(back);
    const main = await p.live.state((r) => r.breakouts === null && r.me.breakoutId === null);
    expect(main.people.every((x) => x.breakoutId === null)).toBe(true);
    // Said once: the sweep runs every second, the warning and the move do not repeat.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const x of [j, p, s]) {
      expect(x.live.events.filter((e) => e.event === "room:breakouts-ending")).toHaveLength(1);
      expect(
        x.live.events.filter(
          (e) =>
            e.event === "room:moved" &&
            (e.payload as { breakoutId: string | null }).breakoutId === null,
        ),
      ).toHaveLength(1);
    }
    const room = await server.db.prisma.liveRoom.findUniqueOrThrow({ where: { sessionId } });
    expect(room.breakoutsEndAt).toBeNull();
    expect(await server.db.prisma.breakout.count({ where: { sessionId, closedAt: null } })).toBe(0);
  });

  it("keeps the rooms open past the timer when the facilitator chose so", async () => {
    const { d, p } = await everyoneIn();
    const opened = await d.live.request("room:breakouts-open", {
      sessionId,
      rooms: "by-family",
      minutes: 2,
      whenTimeIsUp: "keep-open",
    });
    expect(opened.ok).toBe(true);
    const inRooms = await p.live.state((r) => r.breakouts !== null && r.me.breakoutId !== null);
    expect(inRooms.breakouts?.whenTimeIsUp).toBe("keep-open");
    clock.set(new Date(Date.parse(inRooms.breakouts?.endsAt ?? "") + 5 * MINUTE));
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(p.live.events.some((e) => e.event === "room:breakouts-ending")).toBe(false);
    expect(await server.db.prisma.breakout.count({ where: { sessionId, closedAt: null } })).toBe(2);
    expect((await d.live.request("room:breakouts-close", { sessionId })).ok).toBe(true);
    await p.live.state((r) => r.breakouts === null);
  });

  it("refuses a choice other than closing or keeping the rooms open, naming the field", async () => {
    const { d } = await everyoneIn();
    const refused = await d.live.request("room:breakouts-open", {
      sessionId,
      rooms: "by-family",
      minutes: 5,
      whenTimeIsUp: "later",
    });
    expect(refused.ok ? "opened" : Object.keys(refused.error.fields ?? {})).toEqual([
      "whenTimeIsUp",
    ]);
  });

  it("lets exactly one of several processes close the same breakouts", async () => {
    const { d } = await everyoneIn();
    await d.live.request("room:breakouts-open", {
      sessionId,
      rooms: "by-family",
      minutes: 1,
      whenTimeIsUp: "close",
    });
    const room = await server.db.prisma.liveRoom.findUniqueOrThrow({ where: { sessionId } });
    const endsAt = room.breakoutsEndAt ?? new Date(0);
    // Two repositories stand for two server processes racing on the same database.
    const [a, b] = [createLiveRepository(server.db.prisma), createLiveRepository(server.db.prisma)];
    const at = new Date(endsAt.getTime() + 1);
    const results = await Promise.all([
      a.closeBreakoutsAtDeadline(sessionId, endsAt, at),
      b.closeBreakoutsAtDeadline(sessionId, endsAt, at),
    ]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(results.find((r) => r !== null)?.length).toBe(3);
    // Breakouts closed by hand, or opened again, are not closed by an old timer.
    expect(await a.closeBreakoutsAtDeadline(sessionId, endsAt, at)).toBeNull();
  });

  it("tells a removed person that a clinician removed them, refuses them at the door, and lets them hear when they are let back in", async () => {
    const { d, s } = await everyoneIn();
    const removed = s.live.waitFor<{ reason: string }>("room:removed");
    expect((await d.live.request("room:remove", { sessionId, userId: s.id })).ok).toBe(true);
    expect((await removed).reason).toBe("facilitator");

    // Sam opens the room again (a new page, a new socket): refused before any camera starts.
    const again = await live(SAM);
    const check = await again.live.request("room:check", { sessionId });
    expect(check.ok ? "open" : check.error.code).toBe("removed");
    const readmitted = again.live.waitFor<{ sessionId: string }>("room:readmitted");
    expect((await d.live.request("room:readmit", { sessionId, userId: s.id })).ok).toBe(true);
    expect((await readmitted).sessionId).toBe(sessionId);
    expect((await again.live.request("room:check", { sessionId })).ok).toBe(true);
    const back = await again.live.join(sessionId, "Sam");
    expect(back.ok && back.state).toBe("waiting");
  });

  it("refuses someone with no place in the session at the door, as joining would", async () => {
    const stranger = await live(CHRIS);
    // Chris supports Sam and was invited to multi-family groups; a made-up session is no one's.
    const check = await stranger.live.request("room:check", {
      sessionId: "00000000-0000-4000-8000-00000000abcd",
    });
    expect(check.ok ? "open" : check.error.code).toBe("not_found");
  });

  it("keeps the cohort's name from family members: in the room and the session list", async () => {
    const { d, p } = await everyoneIn();
    const family = await p.live.state((r: RoomSnapshot) => r.me.role === "family");
    expect(family.title).toBe("Multi-family group");
    const staff = await d.live.state((r: RoomSnapshot) => r.me.role === "facilitator");
    expect(staff.title).toContain("Evening track");
    const pat = await signedInClient(server.url, PAT, TEST_PASSWORD);
    const list = SessionListSchema.parse(
      (await pat.get("/api/sessions?from=2026-11-23&to=2026-11-29")).body,
    ).sessions;
    expect(list.find((x) => x.id === sessionId)).toMatchObject({ cohort: null });
    expect(JSON.stringify(list)).not.toContain("Evening track");
    expect(JSON.stringify((await pat.get(`/api/sessions/${sessionId}`)).body)).not.toContain(
      "Evening track",
    );
  });

  // Last: it takes Pat's consent away for good.
  it("tells a family member taken out because consent was withdrawn why, apart from a removal, and refuses them at the door", async () => {
    const { p } = await everyoneIn();
    const removed = p.live.waitFor<{ reason: string }>("room:removed");
    const jordan = await signedInClient(server.url, JORDAN, TEST_PASSWORD);
    expect((await jordan.post(`/api/families/${p.id}/withdraw-consent`)).status).toBe(204);
    expect((await removed).reason).toBe("consent");
    const again = await live(PAT);
    const check = await again.live.request("room:check", { sessionId });
    expect(check.ok ? "open" : check.error.code).toBe("not_found");
  });
});
