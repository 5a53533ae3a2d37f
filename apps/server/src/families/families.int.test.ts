import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ApiErrorBodySchema,
  AuthStateSchema,
  HomeSummarySchema,
  INVITATION_TTL_MS,
  SessionListSchema,
  type FamilyMemberSummary,
  type MediaCredential,
} from "@bridgeway/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient, TestClient } from "../testing/http-client";
import { LiveClient } from "../testing/live-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

const [JORDAN, SAM] = DEMO_ACCOUNTS.participants;
const [DANA] = DEMO_ACCOUNTS.facilitators;
const [PAT, CHRIS] = DEMO_ACCOUNTS.family;
const opened: LiveClient[] = [];

afterEach(() => {
  for (const live of opened.splice(0)) live.close();
});

describe.each(databaseKinds())("families on %s", (kind) => {
  const clock = new ManualClock(new Date("2026-11-24T15:00:00Z"));
  const outbox = mkdtempSync(join(tmpdir(), "bw-outbox-"));
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ kind, clock, env: { OUTBOX_DIR: outbox } });
  });
  afterAll(async () => {
    await server.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  const sign = (email: string) => signedInClient(server.url, email, TEST_PASSWORD);
  const idOf = async (email: string) =>
    (await server.db.prisma.user.findUniqueOrThrow({ where: { email } })).id;

  /** The invitation link from the newest email sent to `to`. */
  function linkSentTo(to: string): string {
    const files = readdirSync(outbox).sort();
    for (const file of files.reverse()) {
      const text = readFileSync(join(outbox, file), "utf8")
        .replace(/=\r?\n/g, "")
        .replace(/=3D/g, "=");
      if (!text.includes(`To: ${to}`)) continue;
      const link = /(https?:\/\/\S+\/family\/accept\?token=[A-Za-z0-9_-]{43})/.exec(text)?.[1];
      if (link) return link;
    }
    throw new Error(`no invitation email to ${to}`);
  }

  async function live(email: string) {
    const client = await sign(email);
    const socket = new LiveClient(server.url, client.cookieHeader());
    opened.push(socket);
    await socket.connected();
    return { client, live: socket, id: await idOf(email) };
  }

  it("invites a family member by email; the single-use link creates their account and signs them in", async () => {
    const jordan = await sign(JORDAN);
    const email = `robin.${Date.now()}@family.example`;
    const invited = await jordan.post<FamilyMemberSummary>("/api/families/invitations", {
      email,
      firstName: "Robin",
      lastName: "Lee",
      relationship: "SIBLING",
      sessionKinds: ["FAMILY", "MULTI_FAMILY"],
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ status: "invited", userId: null });
    const link = new URL(linkSentTo(email));
    const token = link.searchParams.get("token") ?? "";

    const preview = await new TestClient(server.url).get(
      `/api/families/invitations/preview?token=${token}`,
    );
    expect(preview.body).toMatchObject({
      firstName: "Robin",
      participantFirstName: "Jordan",
      relationship: "SIBLING",
    });

    const robin = new TestClient(server.url);
    const accepted = await robin.post("/api/families/invitations/accept", {
      token,
      password: "robin-password-123",
    });
    expect(accepted.status).toBe(201);
    expect(AuthStateSchema.parse(accepted.body).user).toMatchObject({
      role: "FAMILY",
      firstName: "Robin",
      email,
    });
    const home = HomeSummarySchema.parse((await robin.get("/api/home")).body);
    expect(home).toEqual({
      role: "FAMILY",
      supporting: [{ participantFirstName: "Jordan", relationship: "SIBLING" }],
    });

    // Single use: a second acceptance fails, and the account signs in with its own password.
    const again = await new TestClient(server.url).post("/api/families/invitations/accept", {
      token,
      password: "another-password-1",
    });
    expect(again.status).toBe(404);
    expect(ApiErrorBodySchema.parse(again.body).error.message).toMatch(/already used/);
    expect((await new TestClient(server.url).login(email, "robin-password-123")).status).toBe(200);

    const members = (await jordan.get<{ members: FamilyMemberSummary[] }>("/api/families")).body
      .members;
    expect(members.find((m) => m.email === email)).toMatchObject({
      status: "active",
      sessionKinds: ["FAMILY", "MULTI_FAMILY"],
    });
  });

  it("refuses a tampered token and an expired one", async () => {
    const jordan = await sign(JORDAN);
    const email = `late.${Date.now()}@family.example`;
    await jordan.post("/api/families/invitations", {
      email,
      firstName: "Late",
      lastName: "Lee",
      relationship: "FRIEND",
      sessionKinds: ["FAMILY"],
    });
    const token = new URL(linkSentTo(email)).searchParams.get("token") ?? "";
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(
      (
        await new TestClient(server.url).post("/api/families/invitations/accept", {
          token: tampered,
          password: "late-password-123",
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await new TestClient(server.url).post("/api/families/invitations/accept", {
          token: "short",
          password: "late-password-123",
        })
      ).status,
    ).toBe(400);
    clock.advance(INVITATION_TTL_MS + 60_000);
    try {
      const expired = await new TestClient(server.url).post("/api/families/invitations/accept", {
        token,
        password: "late-password-123",
      });
      expect(expired.status).toBe(404);
      expect(ApiErrorBodySchema.parse(expired.body).error.message).toMatch(/expired/);
      expect(await server.db.prisma.user.count({ where: { email } })).toBe(0);
    } finally {
      clock.advance(-(INVITATION_TTL_MS + 60_000));
    }
  });

  it("needs the participant's consent confirmed when a facilitator invites on their behalf", async () => {
    const dana = await sign(DANA);
    const jordanId = await idOf(JORDAN);
    const body = {
      participantUserId: jordanId,
      email: `behalf.${Date.now()}@family.example`,
      firstName: "Kim",
      lastName: "Lee",
      relationship: "PARENT",
      sessionKinds: ["FAMILY"],
    };
    const refused = await dana.post("/api/families/invitations", body);
    expect(refused.status).toBe(400);
    expect(Object.keys(ApiErrorBodySchema.parse(refused.body).error.fields ?? {})).toEqual([
      "participantConsented",
    ]);
    expect(
      (await dana.post("/api/families/invitations", { ...body, participantConsented: true }))
        .status,
    ).toBe(201);
    // A participant cannot invite for someone else; a family member sees no family list.
    const sam = await sign(SAM);
    expect(
      (
        await sam.post("/api/families/invitations", {
          ...body,
          email: "x@family.example",
          participantConsented: true,
        })
      ).status,
    ).toBe(404);
    const pat = await sign(PAT);
    expect((await pat.get(`/api/families?participantId=${jordanId}`)).status).toBe(404);
  });

  it("shows a family member only the family sessions they are invited to, and ends that at once when consent is withdrawn", async () => {
    const dana = await sign(DANA);
    const [jordanId, patId] = [await idOf(JORDAN), await idOf(PAT)];
    const booked = await dana.post<{ id: string }>("/api/sessions", {
      kind: "FAMILY",
      participantUserId: jordanId,
      startsAt: "2026-11-25T15:00:00-05:00",
      durationMinutes: 60,
      familyUserIds: [patId],
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const pat = await sign(PAT);
    const mine = SessionListSchema.parse(
      (await pat.get("/api/sessions?from=2026-11-23&to=2026-11-29")).body,
    ).sessions;
    expect(mine.map((s) => [s.id, s.kind])).toEqual([[booked.body.id, "FAMILY"]]);
    // Jordan's group meetings do not exist for Pat.
    const group = SessionListSchema.parse(
      (await (await sign(JORDAN)).get("/api/sessions?from=2026-11-23&to=2026-11-29")).body,
    ).sessions.find((s) => s.kind === "GROUP_THERAPY");
    expect((await pat.get(`/api/sessions/${group?.id ?? ""}`)).status).toBe(404);
    // Chris (Sam's partner) has no consent from Jordan and cannot be invited.
    const chrisId = await idOf(CHRIS);
    const wrong = await dana.post("/api/sessions", {
      kind: "FAMILY",
      participantUserId: jordanId,
      startsAt: "2026-11-26T09:00:00-05:00",
      durationMinutes: 60,
      familyUserIds: [chrisId],
    });
    expect(Object.keys(ApiErrorBodySchema.parse(wrong.body).error.fields ?? {})).toEqual([
      "familyUserIds",
    ]);

    // Pat is in the family session's room when Jordan withdraws consent.
    clock.set(new Date("2026-11-25T19:55:00Z"));
    const danaLive = await live(DANA);
    await danaLive.live.join(booked.body.id, "Dana");
    const patLive = await live(PAT);
    const waiting = await patLive.live.join(booked.body.id, "Pat");
    expect(waiting.ok && waiting.room.me.role).toBe("family");
    await danaLive.live.request("room:admit", { sessionId: booked.body.id, userId: patId });
    await patLive.live.waitFor("room:admitted");
    const removed = patLive.live.waitFor<{ reason?: string }>("room:removed");
    const jordan = await sign(JORDAN);
    expect((await jordan.post(`/api/families/${patId}/withdraw-consent`)).status).toBe(204);
    expect((await removed).reason).toBe("consent");
    const rejoin = await patLive.live.join(booked.body.id, "Pat");
    expect(rejoin.ok ? "joined" : rejoin.error.code).toBe("not_found");
    const patAgain = await sign(PAT); // the clock moved past Pat's idle limit
    const after = SessionListSchema.parse(
      (await patAgain.get("/api/sessions?from=2026-11-23&to=2026-11-29")).body,
    ).sessions;
    expect(after).toEqual([]);
    expect(HomeSummarySchema.parse((await patAgain.get("/api/home")).body)).toEqual({
      role: "FAMILY",
      supporting: [],
    });
    // Consent can be given again.
    expect(
      (
        await jordan.request("PUT", `/api/families/${patId}/consent`, {
          json: { sessionKinds: ["FAMILY", "MULTI_FAMILY"] },
        })
      ).status,
    ).toBe(204);
    expect(
      SessionListSchema.parse(
        (await patAgain.get("/api/sessions?from=2026-11-23&to=2026-11-29")).body,
      ).sessions,
    ).toHaveLength(1);
  });

  it("runs a multi-family group: family labels, breakout rooms by family with a timer, and back", async () => {
    clock.set(new Date("2026-11-28T14:00:00Z"));
    const dana = await sign(DANA);
    const cohort = await server.db.prisma.cohort.findFirstOrThrow({
      where: { name: "Evening track" },
    });
    const booked = await dana.post<{ id: string }>(
      `/api/cohorts/${cohort.id}/multi-family-sessions`,
      {
        startsAt: "2026-11-28T10:00:00-05:00",
        durationMinutes: 90,
      },
    );
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const sessionId = booked.body.id;
    clock.set(new Date("2026-11-28T14:58:00Z"));
    const d = await live(DANA);
    const j = await live(JORDAN);
    const p = await live(PAT);
    const s = await live(SAM);
    const c = await live(CHRIS);
    expect((await d.live.join(sessionId, "Dana")).ok).toBe(true);
    for (const [person, name] of [
      [j, "Jordan"],
      [p, "Pat"],
      [s, "Sam"],
      [c, "Chris"],
    ] as const) {
      const reply = await person.live.join(sessionId, name);
      expect(reply.ok, name).toBe(true);
    }
    expect((await d.live.request<{ admitted: number }>("room:admit-all", { sessionId })).ok).toBe(
      true,
    );
    const labelled = await d.live.state(
      (r) => r.people.filter((x) => x.status === "in-room").length === 5,
    );
    const label = (userId: string) => labelled.people.find((x) => x.userId === userId)?.familyLabel;
    expect([label(j.id), label(p.id), label(s.id), label(c.id), label(d.id)]).toEqual([
      "Jordan's family",
      "Jordan's family",
      "Sam's family",
      "Sam's family",
      null,
    ]);

    const patMoved = p.live.waitFor<{ breakoutId: string | null; credential: MediaCredential }>(
      "room:moved",
      (m) => m.breakoutId !== null,
    );
    const opened = await d.live.request<{ rooms: number }>("room:breakouts-open", {
      sessionId,
      rooms: "by-family",
      minutes: 10,
    });
    expect(opened.ok && opened.rooms).toBe(2);
    const patRoom = (await patMoved).breakoutId;
    const jordanRoom = (
      await j.live.waitFor<{ breakoutId: string | null }>(
        "room:moved",
        (m) => m.breakoutId !== null,
      )
    ).breakoutId;
    expect(jordanRoom).toBe(patRoom);
    const patView = await p.live.state((r) => r.breakouts !== null);
    expect(patView.breakouts?.rooms.map((r) => r.name)).toEqual(["Jordan's family"]);
    expect(Date.parse(patView.breakouts?.endsAt ?? "")).toBe(clock.now().getTime() + 10 * 60_000);
    const staffView = await d.live.state((r) => (r.breakouts?.rooms.length ?? 0) === 2);
    expect(staffView.breakouts?.rooms.map((r) => r.name).sort()).toEqual([
      "Jordan's family",
      "Sam's family",
    ]);
    // Video stays inside each room.
    const signal = { description: { type: "offer", sdp: "v=0" } };
    expect((await p.live.request("media:signal", { sessionId, to: j.id, signal })).ok).toBe(true);
    const across = await p.live.request("media:signal", { sessionId, to: s.id, signal });
    expect(across.ok ? "sent" : across.error.code).toBe("not_found");
    // A message to all rooms, a visit, then everyone back to the main room.
    const heard = p.live.waitFor<{ message: string }>("room:broadcast");
    await d.live.request("room:breakouts-message", { sessionId, message: "Two minutes left" });
    expect((await heard).message).toBe("Two minutes left");
    const visit = await d.live.request<{ credential: MediaCredential }>("room:visit", {
      sessionId,
      breakoutId: patRoom,
    });
    expect(visit.ok).toBe(true);
    const back = p.live.waitFor<{ breakoutId: string | null }>(
      "room:moved",
      (m) => m.breakoutId === null,
    );
    expect((await d.live.request("room:breakouts-close", { sessionId })).ok).toBe(true);
    expect((await back).breakoutId).toBeNull();
    const closed = await p.live.state((r) => r.breakouts === null && r.me.breakoutId === null);
    expect(closed.people.every((x) => x.breakoutId === null)).toBe(true);
    // Breakouts are for multi-family groups only, and for clinicians only.
    const refused = await j.live.request("room:breakouts-open", {
      sessionId,
      rooms: "by-family",
      minutes: 5,
    });
    expect(refused.ok ? "opened" : refused.error.code).toBe("forbidden");
  });

  it("gives families a family board and keeps the cohort board from them", async () => {
    const pat = await sign(PAT);
    const boards = (
      await pat.get<{ boards: { kind: string; id: string; title: string; canPost: boolean }[] }>(
        "/api/forums/boards",
      )
    ).body.boards;
    expect(boards.map((b) => [b.kind, b.title, b.canPost])).toEqual([
      ["family", "Family board", true],
    ]);
    const familyBoard = boards[0]?.id ?? "";
    const posted = await pat.post<{ id: string }>(
      `/api/forums/boards/family/${familyBoard}/threads`,
      { title: "Hello from Jordan's mum", body: "Glad to be here." },
    );
    expect(posted.status).toBe(201);
    expect((await (await sign(JORDAN)).get(`/api/forums/threads/${posted.body.id}`)).status).toBe(
      200,
    );
    expect((await pat.get(`/api/forums/boards/cohort/${familyBoard}/threads`)).status).toBe(404);
  });

  it("keeps every kind of record from a family member as if it did not exist, except what consent allows", async () => {
    clock.set(new Date("2026-11-24T15:00:00Z"));
    const [jordanId, patId] = [await idOf(JORDAN), await idOf(PAT)];
    const jordan = await sign(JORDAN);
    const dana = await sign(DANA);
    const cohort = await server.db.prisma.cohort.findFirstOrThrow({
      where: { name: "Evening track" },
    });
    const week = "from=2026-11-23&to=2026-11-29";
    const group = SessionListSchema.parse(
      (await jordan.get(`/api/sessions?${week}`)).body,
    ).sessions.find((x) => x.kind === "GROUP_THERAPY");
    const thread = await jordan.post<{ id: string }>(
      `/api/forums/boards/cohort/${cohort.id}/threads`,
      { title: "Cohort only", body: "Not for families." },
    );
    const invited = await dana.post<{ id: string }>("/api/sessions", {
      kind: "FAMILY",
      participantUserId: jordanId,
      startsAt: "2026-11-27T15:00:00-05:00",
      durationMinutes: 50,
      familyUserIds: [patId],
    });
    expect([group?.id, thread.status, invited.status]).toEqual([expect.any(String), 201, 201]);

    const pat = await sign(PAT);
    const hidden = [
      `/api/participants/${jordanId}/planned-hours`,
      `/api/participants/${jordanId}/attendance`,
      `/api/sessions/${group?.id ?? ""}`,
      `/api/sessions/${group?.id ?? ""}/roster`,
      `/api/sessions/${group?.id ?? ""}/attendance`,
      `/api/sessions/${invited.body.id}/roster`,
      `/api/sessions/${invited.body.id}/attendance`,
      `/api/cohorts/${cohort.id}`,
      `/api/forums/boards/cohort/${cohort.id}/threads`,
      `/api/forums/threads/${thread.body.id}`,
      `/api/families?participantId=${jordanId}`,
      "/api/participants",
      "/api/facilitators",
      "/api/programs",
      "/api/audit-events",
    ];
    const statuses = await Promise.all(
      hidden.map(async (path) => [path, (await pat.get(path)).status]),
    );
    expect(statuses).toEqual(hidden.map((path) => [path, 404]));
    expect((await pat.get("/api/cohorts")).body).toEqual({ cohorts: [] });
    // Searching the forums finds nothing from the cohort board.
    const search = await pat.get<{ threads: { title: string }[] }>("/api/forums/search?q=Cohort");
    expect(search.status).toBe(200);
    expect(search.body.threads).toEqual([]);
    // Alerts are for clinicians.
    const alerts = await pat.get("/api/alerts");
    expect(alerts.status, JSON.stringify(alerts.body)).toBe(404);
    // What consent allows: the invited session, their own week and the family board.
    expect((await pat.get(`/api/sessions/${invited.body.id}`)).status).toBe(200);
    const mine = SessionListSchema.parse((await pat.get(`/api/sessions?${week}`)).body).sessions;
    expect(mine.every((x) => x.kind === "FAMILY" || x.kind === "MULTI_FAMILY")).toBe(true);
    expect(mine.map((x) => x.id)).toContain(invited.body.id);
    expect((await pat.get(`/api/forums/boards/family/${cohort.id}/threads`)).status).toBe(200);
    // A family member cannot change anything: the session they can see is refused outright.
    expect(
      (await pat.post(`/api/sessions/${invited.body.id}/cancel`, { reason: "no" })).status,
    ).toBe(403);
    expect(
      (
        await pat.request("PUT", `/api/families/${patId}/consent?participantId=${jordanId}`, {
          json: { sessionKinds: ["FAMILY"] },
        })
      ).status,
    ).toBe(404);
    expect(
      (await pat.post(`/api/families/${patId}/withdraw-consent?participantId=${jordanId}`)).status,
    ).toBe(404);
  });
});
