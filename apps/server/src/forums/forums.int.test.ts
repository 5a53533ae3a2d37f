import {
  ApiErrorBodySchema,
  type BoardSummary,
  type CrisisAlertDto,
  type ThreadDetail,
  type ThreadSummary,
} from "@bridgeway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { fixtures } from "../testing/fixtures";
import { signedInClient, type TestClient } from "../testing/http-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

const P = DEMO_ACCOUNTS.participants;
const [DANA] = DEMO_ACCOUNTS.facilitators;

describe.each(databaseKinds())("forums on %s", (kind) => {
  const clock = new ManualClock(new Date("2026-11-23T15:00:00Z"));
  let server: TestServer;
  let dana: TestClient;
  let jordan: TestClient;
  let sam: TestClient;
  let cohortBoard = "";
  let announcements = "";

  const boardsOf = async (client: TestClient) =>
    (await client.get<{ boards: BoardSummary[] }>("/api/forums/boards")).body.boards;

  async function newThread(client: TestClient, board: string, title: string, body: string) {
    clock.advance(1000);
    const res = await client.post<ThreadSummary>(`/api/forums/boards/${board}/threads`, {
      title,
      body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    server = await startTestServer({ kind, clock });
    dana = await signedInClient(server.url, DANA, TEST_PASSWORD);
    jordan = await signedInClient(server.url, P[0], TEST_PASSWORD);
    sam = await signedInClient(server.url, P[1], TEST_PASSWORD);
    const boards = await boardsOf(jordan);
    const cohort = boards.find((b) => b.kind === "cohort");
    const program = boards.find((b) => b.kind === "announcements");
    cohortBoard = `cohort/${cohort?.id ?? ""}`;
    announcements = `announcements/${program?.id ?? ""}`;
  });
  afterAll(async () => {
    await server.close();
  });

  it("shows each person the boards of their cohort and program, and family members only the family board", async () => {
    const boards = await boardsOf(jordan);
    expect(boards.map((b) => [b.kind, b.title, b.canPost])).toEqual([
      ["cohort", "Evening track board", true],
      ["family", "Evening track family board", true],
      ["announcements", "Adult Mental Health IOP announcements", false],
    ]);
    expect((await boardsOf(dana)).every((b) => b.canPost)).toBe(true);
    const pat = await signedInClient(server.url, DEMO_ACCOUNTS.family[0], TEST_PASSWORD);
    expect((await boardsOf(pat)).map((b) => b.kind)).toEqual(["family"]);
    expect((await pat.get(`/api/forums/boards/${cohortBoard}/threads`)).status).toBe(404);
  });

  it("starts a thread, takes replies and renders markdown safely", async () => {
    const thread = await newThread(
      jordan,
      cohortBoard,
      "Grounding that works for me",
      "The **5-4-3-2-1** exercise.\n\n<script>alert(1)</script> [bad](javascript:alert(1))",
    );
    clock.advance(1000);
    const reply = await sam.post(`/api/forums/threads/${thread.id}/replies`, {
      body: "Thanks, _trying it_ tonight",
    });
    expect(reply.status).toBe(201);
    const detail = (await dana.get<ThreadDetail>(`/api/forums/threads/${thread.id}`)).body;
    expect(detail.bodyHtml).toContain("<strong>5-4-3-2-1</strong>");
    expect(detail.bodyHtml).not.toContain("<script");
    expect(detail.bodyHtml).not.toMatch(/href="javascript/i);
    expect(detail.replies.map((r) => r.bodyHtml)).toEqual([
      "<p>Thanks, <em>trying it</em> tonight</p>\n",
    ]);
    expect(detail.author).toEqual({
      userId: expect.any(String) as string,
      displayName: "Jordan L.",
      staff: false,
    });
    expect(detail.replyCount).toBe(1);
  });

  it("lists pinned threads first, then the most recently active, a page at a time", async () => {
    const f = fixtures(server.db.prisma, TEST_PASSWORD);
    const org = await server.db.prisma.organization.findFirstOrThrow();
    const facilitator = await f.user(org.id, "FACILITATOR");
    const member = await f.user(org.id, "PARTICIPANT", "Paige");
    const cohort = await f.cohort(org.id, [facilitator.id], [member.id]);
    const board = `cohort/${cohort.id}`;
    const paige = await signedInClient(server.url, member.email, TEST_PASSWORD);
    const staff = await signedInClient(server.url, facilitator.email, TEST_PASSWORD);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1)
      ids.push((await newThread(paige, board, `Thread ${i}`, `Body ${i}`)).id);
    expect(
      (await staff.post(`/api/forums/threads/${ids[0] ?? ""}/pin`, { pinned: true })).status,
    ).toBe(200);
    clock.advance(1000);
    await paige.post(`/api/forums/threads/${ids[1] ?? ""}/replies`, { body: "bump" });
    const first = (
      await paige.get<{ threads: ThreadSummary[]; nextAfter: string | null }>(
        `/api/forums/boards/${board}/threads?limit=2`,
      )
    ).body;
    expect(first.threads.map((t) => t.title)).toEqual(["Thread 0", "Thread 1", "Thread 4"]);
    const second = (
      await paige.get<{ threads: ThreadSummary[]; nextAfter: string | null }>(
        `/api/forums/boards/${board}/threads?limit=2&after=${first.nextAfter ?? ""}`,
      )
    ).body;
    expect(second.threads.map((t) => t.title)).toEqual(["Thread 3", "Thread 2"]);
    // Only facilitators moderate.
    expect(
      (await paige.post(`/api/forums/threads/${ids[2] ?? ""}/pin`, { pinned: true })).status,
    ).toBe(403);
  });

  it("locks a thread against participants' replies", async () => {
    const thread = await newThread(
      sam,
      cohortBoard,
      "Weekend plans",
      "Anyone going to the Sunday meeting?",
    );
    expect(
      (await jordan.post(`/api/forums/threads/${thread.id}/lock`, { locked: true })).status,
    ).toBe(403);
    expect(
      (await dana.post(`/api/forums/threads/${thread.id}/lock`, { locked: true })).status,
    ).toBe(200);
    const refused = await jordan.post(`/api/forums/threads/${thread.id}/replies`, { body: "me!" });
    expect(refused.status).toBe(409);
    expect(
      (
        await dana.post(`/api/forums/threads/${thread.id}/replies`, {
          body: "Locked: see you Monday.",
        })
      ).status,
    ).toBe(201);
  });

  it("lets only facilitators post announcements, which participants read", async () => {
    const refused = await jordan.post(`/api/forums/boards/${announcements}/threads`, {
      title: "Hi",
      body: "x",
    });
    expect(refused.status).toBe(403);
    const posted = await newThread(
      dana,
      announcements,
      "Group moves to 6:30 PM on Thursday",
      "Thanksgiving week only.",
    );
    const list = (
      await jordan.get<{ threads: ThreadSummary[] }>(`/api/forums/boards/${announcements}/threads`)
    ).body.threads;
    expect(list.map((t) => t.id)).toContain(posted.id);
    expect(list.find((t) => t.id === posted.id)?.author.staff).toBe(true);
  });

  it("searches titles, bodies and replies of the boards you can see, treating % literally", async () => {
    const thread = await newThread(jordan, cohortBoard, "Sleep hygiene", "Blue light before bed");
    await sam.post(`/api/forums/threads/${thread.id}/replies`, {
      body: "Magnesium helped me 100% of nights",
    });
    const search = async (client: TestClient, q: string) =>
      (
        await client.get<{ threads: ThreadSummary[] }>(
          `/api/forums/search?q=${encodeURIComponent(q)}`,
        )
      ).body.threads.map((t) => t.title);
    expect(await search(sam, "SLEEP")).toContain("Sleep hygiene");
    expect(await search(sam, "blue light")).toContain("Sleep hygiene");
    expect(await search(sam, "magnesium")).toContain("Sleep hygiene");
    expect(await search(sam, "100%")).toEqual(["Sleep hygiene"]);
    expect(await search(sam, "%%")).toEqual([]);
    const outsider = await signedInClient(server.url, DEMO_ACCOUNTS.family[1], TEST_PASSWORD);
    expect(await search(outsider, "sleep")).toEqual([]);
    expect((await sam.get("/api/forums/search?q=x")).status).toBe(400);
  });

  it("keeps another cohort's board and threads out of reach", async () => {
    const f = fixtures(server.db.prisma, TEST_PASSWORD);
    const org = await server.db.prisma.organization.findFirstOrThrow();
    const facilitator = await f.user(org.id, "FACILITATOR");
    const cohort = await f.cohort(org.id, [facilitator.id], []);
    const staff = await signedInClient(server.url, facilitator.email, TEST_PASSWORD);
    const theirs = await newThread(
      staff,
      `cohort/${cohort.id}`,
      "Staff note",
      "Private to that cohort",
    );
    expect((await jordan.get(`/api/forums/boards/cohort/${cohort.id}/threads`)).status).toBe(404);
    expect((await jordan.get(`/api/forums/threads/${theirs.id}`)).status).toBe(404);
    expect(
      (await jordan.post(`/api/forums/threads/${theirs.id}/replies`, { body: "hi" })).status,
    ).toBe(404);
    expect(
      (
        await jordan.post(`/api/forums/boards/cohort/${cohort.id}/threads`, {
          title: "x",
          body: "y",
        })
      ).status,
    ).toBe(404);
  });

  it("raises a crisis alert for crisis language in a post, and still publishes it", async () => {
    const before = (await dana.get<{ alerts: CrisisAlertDto[] }>("/api/alerts")).body.alerts.length;
    const thread = await newThread(
      jordan,
      cohortBoard,
      "Hard night",
      "I keep thinking about ending my life.",
    );
    const alerts = (await dana.get<{ alerts: CrisisAlertDto[] }>("/api/alerts")).body.alerts;
    expect(alerts.length).toBe(before + 1);
    expect(alerts[0]).toMatchObject({
      source: "forum",
      categories: ["suicide"],
      where: { kind: "forum", ref: thread.id, label: "Evening track board" },
    });
    expect((await sam.get(`/api/forums/threads/${thread.id}`)).status).toBe(200);
  });

  it.each([
    [{ title: "", body: "x" }, "title"],
    [{ title: "x".repeat(201), body: "x" }, "title"],
    [{ title: "x", body: "" }, "body"],
    [{ title: "x", body: "y", pinned: true }, "pinned"],
    [{ title: 5, body: "y" }, "title"],
  ])("refuses a thread %j naming %s", async (input, field) => {
    const res = await jordan.post(`/api/forums/boards/${cohortBoard}/threads`, input);
    expect(res.status).toBe(400);
    expect(Object.keys(ApiErrorBodySchema.parse(res.body).error.fields ?? {})).toContain(field);
  });

  it("refuses a malformed board kind or id", async () => {
    expect(
      (await jordan.get("/api/forums/boards/secret/00000000-0000-4000-8000-000000000000/threads"))
        .status,
    ).toBe(400);
    expect((await jordan.get("/api/forums/boards/cohort/nope/threads")).status).toBe(400);
  });
});
