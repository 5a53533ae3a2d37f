import {
  ApiErrorBodySchema,
  type BoardSummary,
  type ForumChange,
  type CrisisAlertDto,
  type ThreadDetail,
  type ThreadSummary,
} from "@bridgeway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { fixtures } from "../testing/fixtures";
import { signedInClient, type TestClient } from "../testing/http-client";
import { LiveClient } from "../testing/live-client";
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
    // A family member is not told the cohort's name, here as on their home.
    expect((await boardsOf(pat)).map((b) => [b.kind, b.title])).toEqual([
      ["family", "Family board"],
    ]);
    expect((await pat.get(`/api/forums/boards/${cohortBoard}/threads`)).status).toBe(404);
  });

  it("tells members following a board of new threads and replies live, and never someone without access", async () => {
    const [boardKind, boardId] = cohortBoard.split("/") as [string, string];
    const pat = await signedInClient(server.url, DEMO_ACCOUNTS.family[0], TEST_PASSWORD);
    const samLive = new LiveClient(server.url, sam.cookieHeader());
    const patLive = new LiveClient(server.url, pat.cookieHeader());
    try {
      await Promise.all([samLive.connected(), patLive.connected()]);
      expect(await samLive.request("forum:subscribe", { kind: boardKind, id: boardId })).toEqual({
        ok: true,
      });
      const refused = await patLive.request("forum:subscribe", { kind: boardKind, id: boardId });
      expect(refused).toMatchObject({ ok: false, error: { code: "not_found" } });
      const invalid = await samLive.request("forum:subscribe", { kind: "cohort", id: "nope" });
      expect(invalid).toMatchObject({ ok: false, error: { code: "invalid_input" } });

      const thread = await newThread(jordan, cohortBoard, "Live thread", "Hello, everyone");
      const created = await samLive.waitFor<ForumChange>(
        "forum:changed",
        (c) => c.threadId === thread.id && c.change === "thread-created",
      );
      expect(created.board).toEqual({ kind: boardKind, id: boardId });
      expect(JSON.stringify(created)).not.toContain("Hello");

      clock.advance(1000);
      const reply = await jordan.post<{ id: string }>(`/api/forums/threads/${thread.id}/replies`, {
        body: "A reply that should arrive live",
      });
      expect(reply.status).toBe(201);
      const replied = await samLive.waitFor<ForumChange>(
        "forum:changed",
        (c) => c.change === "reply-created" && c.replyId === reply.body.id,
      );
      expect(replied.threadId).toBe(thread.id);
      expect(JSON.stringify(replied)).not.toContain("arrive live");

      const edited = await jordan.request("PATCH", `/api/forums/replies/${reply.body.id}`, {
        json: { body: "An edited reply" },
      });
      expect(edited.status).toBe(200);
      await samLive.waitFor<ForumChange>(
        "forum:changed",
        (c) => c.change === "reply-updated" && c.replyId === reply.body.id,
      );

      // A round trip after the others got their events: had Pat been in the board's room, the
      // events would have reached Pat's socket before this answer.
      await new Promise<void>((resolve) => {
        patLive.socket.emit("presence:ping", () => resolve());
      });
      expect(patLive.events.filter((e) => e.event === "forum:changed")).toEqual([]);
    } finally {
      samLive.close();
      patLive.close();
    }
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

  describe("crisis language in edits, titles and replies", () => {
    const alertsOf = async () =>
      (await dana.get<{ alerts: CrisisAlertDto[] }>("/api/alerts")).body.alerts;
    const patch = <T>(client: TestClient, path: string, json: unknown) =>
      client.request<T>("PATCH", path, { json });

    it("raises an alert when a participant edits a harmless post into crisis language, and saves the edit", async () => {
      const thread = await newThread(jordan, cohortBoard, "Weekend", "Went for a walk today.");
      const before = (await alertsOf()).length;
      const edited = await patch<ThreadSummary>(jordan, `/api/forums/threads/${thread.id}`, {
        body: "Honestly nobody would miss me if I was gone.",
      });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      const alerts = await alertsOf();
      expect(alerts.length).toBe(before + 1);
      expect(alerts[0]).toMatchObject({
        source: "forum",
        categories: ["suicide"],
        participant: { id: expect.any(String) as string },
        where: { kind: "forum", ref: thread.id },
        acknowledged: null,
      });
      expect(JSON.stringify(alerts[0])).not.toContain("miss me");
      const detail = (await sam.get<ThreadDetail>(`/api/forums/threads/${thread.id}`)).body;
      expect(detail.bodyHtml).toContain("nobody would miss me");
    });

    it("raises an alert for crisis language in a thread title alone, and when a title is edited into it", async () => {
      const before = (await alertsOf()).length;
      await newThread(jordan, cohortBoard, "I saved up pills", "Can't say more.");
      expect((await alertsOf()).length).toBe(before + 1);
      expect((await alertsOf())[0]?.categories).toEqual(["suicide", "overdose"]);

      const thread = await newThread(jordan, cohortBoard, "Thoughts", "On the week.");
      expect((await alertsOf()).length).toBe(before + 1);
      const edited = await patch<ThreadSummary>(jordan, `/api/forums/threads/${thread.id}`, {
        title: "I bought a rope",
      });
      expect(edited.status).toBe(200);
      expect(edited.body.title).toBe("I bought a rope");
      const alerts = await alertsOf();
      expect(alerts.length).toBe(before + 2);
      expect(alerts[0]).toMatchObject({ categories: ["suicide"], where: { ref: thread.id } });
    });

    it("raises an alert for a reply in crisis language and for a reply edited into it", async () => {
      const thread = await newThread(sam, cohortBoard, "Check in", "How is everyone?");
      const before = (await alertsOf()).length;
      const first = await jordan.post<{ id: string }>(`/api/forums/threads/${thread.id}/replies`, {
        body: "quiero morirme",
      });
      expect(first.status).toBe(201);
      expect((await alertsOf()).length).toBe(before + 1);

      const second = await jordan.post<{ id: string }>(`/api/forums/threads/${thread.id}/replies`, {
        body: "Doing fine, thanks",
      });
      expect((await alertsOf()).length).toBe(before + 1);
      const edited = await patch<{ bodyHtml: string }>(
        jordan,
        `/api/forums/replies/${second.body.id}`,
        {
          body: "Doing fine, thanks. Actually I want to k-i-l-l myself",
        },
      );
      expect(edited.status).toBe(200);
      expect(edited.body.bodyHtml).toContain("Actually");
      const alerts = await alertsOf();
      expect(alerts.length).toBe(before + 2);
      expect(alerts[0]).toMatchObject({
        source: "forum",
        categories: ["suicide"],
        where: { kind: "forum", ref: thread.id },
      });
    });

    it("does not raise again when an edit only touches up crisis language already raised", async () => {
      const thread = await newThread(jordan, cohortBoard, "Tonight", "I want to die");
      const before = (await alertsOf()).length;
      const edited = await patch(jordan, `/api/forums/threads/${thread.id}`, {
        body: "I want to die.",
      });
      expect(edited.status).toBe(200);
      expect((await alertsOf()).length).toBe(before);
    });

    it("stays quiet when an everyday phrase is edited in", async () => {
      const thread = await newThread(jordan, cohortBoard, "Commute", "Long day.");
      const before = (await alertsOf()).length;
      await patch(jordan, `/api/forums/threads/${thread.id}`, {
        title: "This traffic is killing me",
        body: "Long day, and my phone died on the way home.",
      });
      expect((await alertsOf()).length).toBe(before);
    });

    it("lets only the author edit a thread or a reply: others who read it are refused", async () => {
      const thread = await newThread(jordan, cohortBoard, "Mine", "My words");
      const reply = await jordan.post<{ id: string }>(`/api/forums/threads/${thread.id}/replies`, {
        body: "also mine",
      });
      expect(
        (await patch(sam, `/api/forums/threads/${thread.id}`, { body: "not yours" })).status,
      ).toBe(403);
      expect(
        (await patch(sam, `/api/forums/replies/${reply.body.id}`, { body: "not yours" })).status,
      ).toBe(403);
      expect(
        (await patch(dana, `/api/forums/replies/${reply.body.id}`, { body: "not yours" })).status,
      ).toBe(403);
      const detail = (await jordan.get<ThreadDetail>(`/api/forums/threads/${thread.id}`)).body;
      expect(detail.bodyHtml).toContain("My words");
      expect(detail.replies.map((r) => r.bodyHtml).join("")).toContain("also mine");
    });

    it("marks an edited thread and reply with when they were edited, and leaves unedited posts unmarked", async () => {
      const thread = await newThread(jordan, cohortBoard, "To edit", "First words");
      const first = await jordan.post<{ id: string; editedAt: string | null }>(
        `/api/forums/threads/${thread.id}/replies`,
        { body: "reply to edit" },
      );
      const other = await sam.post<{ id: string }>(`/api/forums/threads/${thread.id}/replies`, {
        body: "untouched",
      });
      expect(thread.editedAt).toBeNull();
      expect(first.body.editedAt).toBeNull();
      clock.advance(60_000);
      const editedAt = clock.now().toISOString();
      const t = await patch<ThreadSummary>(jordan, `/api/forums/threads/${thread.id}`, {
        body: "Second words",
      });
      expect(t.body.editedAt).toBe(editedAt);
      const r = await patch<{ editedAt: string | null }>(
        jordan,
        `/api/forums/replies/${first.body.id}`,
        { body: "edited reply" },
      );
      expect(r.body.editedAt).toBe(editedAt);
      const detail = (await sam.get<ThreadDetail>(`/api/forums/threads/${thread.id}`)).body;
      expect(detail.editedAt).toBe(editedAt);
      // Both replies were posted at the same (stopped) clock time, so their order is not the point.
      expect(Object.fromEntries(detail.replies.map((x) => [x.id, x.editedAt]))).toEqual({
        [first.body.id]: editedAt,
        [other.body.id]: null,
      });
    });

    it.each([
      [{}, "body"],
      [{ title: "" }, "title"],
      [{ body: "" }, "body"],
      [{ body: "x", pinned: true }, "pinned"],
    ])("refuses a thread edit %j naming %s", async (input, field) => {
      const thread = await newThread(jordan, cohortBoard, "Edit me", "Body");
      const res = await patch(jordan, `/api/forums/threads/${thread.id}`, input);
      expect(res.status).toBe(400);
      expect(Object.keys(ApiErrorBodySchema.parse(res.body).error.fields ?? {})).toContain(field);
    });
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
