import {
  ApiErrorBodySchema,
  type CrisisAlertDto,
  type ForumChange,
  type ForumReply,
  type ForumReportDto,
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
const MISSING = "00000000-0000-4000-8000-000000000000";

/*
 * Issue 13: authors edit and delete their own posts; anyone who reads a post may report it;
 * the board's moderators (its clinicians) see reports, hide and unhide posts and dismiss reports.
 * Jordan and Sam are participants of Dana's cohort; Pat is family (the family board only).
 */
describe.each(databaseKinds())("forum moderation on %s", (kind) => {
  const clock = new ManualClock(new Date("2026-11-24T15:00:00Z"));
  let server: TestServer;
  let dana: TestClient;
  let jordan: TestClient;
  let sam: TestClient;
  let pat: TestClient;
  let admin: TestClient;
  let cohortBoard = "";

  async function newThread(client: TestClient, title: string, body: string) {
    clock.advance(1000);
    const res = await client.post<ThreadSummary>(`/api/forums/boards/${cohortBoard}/threads`, {
      title,
      body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }
  async function newReply(client: TestClient, threadId: string, body: string) {
    clock.advance(1000);
    const res = await client.post<ForumReply>(`/api/forums/threads/${threadId}/replies`, { body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }
  const detail = async (client: TestClient, threadId: string) => {
    const res = await client.get<ThreadDetail>(`/api/forums/threads/${threadId}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const boardThreads = async (client: TestClient) =>
    (await client.get<{ threads: ThreadSummary[] }>(`/api/forums/boards/${cohortBoard}/threads`))
      .body.threads;
  const reportsOf = async (client: TestClient) =>
    (await client.get<{ reports: ForumReportDto[] }>("/api/forums/reports")).body.reports;
  const del = <T = unknown>(client: TestClient, path: string) => client.request<T>("DELETE", path);
  const fieldsOf = (body: unknown) =>
    Object.keys(ApiErrorBodySchema.parse(body).error.fields ?? {});
  const audited = (recordType: string, recordId: string) =>
    server.db.prisma.auditEvent.findMany({
      where: { recordType, recordId },
      select: { action: true, outcome: true, actorUserId: true },
    });

  beforeAll(async () => {
    server = await startTestServer({ kind, clock });
    dana = await signedInClient(server.url, DANA, TEST_PASSWORD);
    jordan = await signedInClient(server.url, P[0], TEST_PASSWORD);
    sam = await signedInClient(server.url, P[1], TEST_PASSWORD);
    pat = await signedInClient(server.url, DEMO_ACCOUNTS.family[0], TEST_PASSWORD);
    admin = await signedInClient(server.url, DEMO_ACCOUNTS.admin, TEST_PASSWORD);
    const boards = (
      await jordan.get<{ boards: { kind: string; id: string }[] }>("/api/forums/boards")
    ).body.boards;
    cohortBoard = `cohort/${boards.find((b) => b.kind === "cohort")?.id ?? ""}`;
  });
  afterAll(async () => {
    await server.close();
  });

  it("gives the author their own words to edit, and nobody else", async () => {
    const thread = await newThread(jordan, "Weekend plans", "Going **hiking**");
    const reply = await newReply(jordan, thread.id, "Anyone *joining*?");
    const own = await detail(jordan, thread.id);
    expect(own).toMatchObject({ source: "Going **hiking**", canEdit: true, canDelete: true });
    expect(own.canReport).toBe(false);
    expect(own.replies[0]).toMatchObject({ source: "Anyone *joining*?", canEdit: true });
    const theirs = await detail(sam, thread.id);
    expect(theirs).toMatchObject({ source: null, canEdit: false, canDelete: false });
    expect(theirs).toMatchObject({ canReport: true, reportedByMe: false });
    expect(theirs.replies[0]).toMatchObject({ id: reply.id, source: null, canReport: true });
    expect(await detail(dana, thread.id)).toMatchObject({ source: null, canEdit: false });
  });

  it("lets the author delete their reply, which stays in the thread as deleted for everyone", async () => {
    const thread = await newThread(sam, "Check-in", "How was the week?");
    const reply = await newReply(jordan, thread.id, "Something I regret saying");
    expect((await del(sam, `/api/forums/replies/${reply.id}`)).status).toBe(403);
    expect((await del(dana, `/api/forums/replies/${reply.id}`)).status).toBe(403);

    const deleted = await del<ForumReply>(jordan, `/api/forums/replies/${reply.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ status: "deleted", bodyHtml: "", canEdit: false });
    for (const reader of [sam, jordan]) {
      const seen = await detail(reader, thread.id);
      expect(seen.replies.find((r) => r.id === reply.id)).toMatchObject({
        status: "deleted",
        bodyHtml: "",
        source: null,
      });
      expect(JSON.stringify(seen)).not.toContain("regret");
    }
    // The board's clinicians still read it, marked deleted (a crisis alert may point at it).
    const moderated = (await detail(dana, thread.id)).replies.find((r) => r.id === reply.id);
    expect(moderated?.status).toBe("deleted");
    expect(moderated?.bodyHtml).toContain("Something I regret saying");
    expect((await del(jordan, `/api/forums/replies/${reply.id}`)).status).toBe(409);
    const edit = await jordan.request("PATCH", `/api/forums/replies/${reply.id}`, {
      json: { body: "back again" },
    });
    expect(edit.status).toBe(409);
    expect(await audited("forum-reply", reply.id)).toContainEqual({
      action: "delete",
      outcome: "success",
      actorUserId: deleted.body.author.userId,
    });
  });

  it("takes a deleted thread off the board for members, and leaves it to moderators marked deleted", async () => {
    const thread = await newThread(jordan, "Posted by mistake", "Wrong board");
    expect((await del(sam, `/api/forums/threads/${thread.id}`)).status).toBe(403);
    const deleted = await del<ThreadSummary>(jordan, `/api/forums/threads/${thread.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.status).toBe("deleted");
    expect((await boardThreads(sam)).map((t) => t.id)).not.toContain(thread.id);
    expect((await boardThreads(jordan)).map((t) => t.id)).not.toContain(thread.id);
    expect((await sam.get(`/api/forums/threads/${thread.id}`)).status).toBe(404);
    expect((await jordan.get(`/api/forums/threads/${thread.id}`)).status).toBe(404);
    expect((await boardThreads(dana)).find((t) => t.id === thread.id)?.status).toBe("deleted");
    expect((await detail(dana, thread.id)).status).toBe("deleted");
    expect(
      (await sam.post(`/api/forums/threads/${thread.id}/replies`, { body: "hi" })).status,
    ).toBe(404);
    expect(await audited("forum-thread", thread.id)).toContainEqual(
      expect.objectContaining({ action: "delete", outcome: "success" }),
    );
  });

  it("answers 404 to every change of a post one cannot read, and 400 naming a malformed id", async () => {
    const f = fixtures(server.db.prisma, TEST_PASSWORD);
    const org = await server.db.prisma.organization.findFirstOrThrow();
    const facilitator = await f.user(org.id, "FACILITATOR");
    const cohort = await f.cohort(org.id, [facilitator.id], []);
    const staff = await signedInClient(server.url, facilitator.email, TEST_PASSWORD);
    clock.advance(1000);
    const elsewhere = (
      await staff.post<ThreadSummary>(`/api/forums/boards/cohort/${cohort.id}/threads`, {
        title: "Their cohort",
        body: "Not for Dana's cohort",
      })
    ).body;
    const theirReply = await newReply(staff, elsewhere.id, "Also theirs");
    const ours = await newThread(jordan, "Ours", "Dana's cohort only");

    for (const [client, threadId, replyId] of [
      [jordan, elsewhere.id, theirReply.id],
      [dana, elsewhere.id, theirReply.id],
      [pat, ours.id, MISSING],
      [admin, ours.id, MISSING],
      [jordan, MISSING, MISSING],
    ] as const) {
      expect((await del(client, `/api/forums/threads/${threadId}`)).status).toBe(404);
      expect((await del(client, `/api/forums/replies/${replyId}`)).status).toBe(404);
      expect((await client.post(`/api/forums/threads/${threadId}/report`, {})).status).toBe(404);
      expect((await client.post(`/api/forums/replies/${replyId}/report`, {})).status).toBe(404);
      expect(
        (await client.post(`/api/forums/threads/${threadId}/hide`, { hidden: true })).status,
      ).toBe(404);
      expect(
        (await client.post(`/api/forums/replies/${replyId}/hide`, { hidden: true })).status,
      ).toBe(404);
    }
    const malformed = await del(jordan, "/api/forums/replies/nope");
    expect(malformed.status).toBe(400);
    expect(fieldsOf(malformed.body)).toContain("id");
    expect((await jordan.post("/api/forums/threads/nope/report", {})).status).toBe(400);
    expect((await dana.post("/api/forums/reports/nope/dismiss", {})).status).toBe(400);
  });

  it("takes one report per person per post, with an optional reason", async () => {
    const thread = await newThread(jordan, "Hot take", "Something rude");
    const reply = await newReply(jordan, thread.id, "More rudeness");
    const first = await sam.post<{ id: string }>(`/api/forums/threads/${thread.id}/report`, {
      reason: "  This is unkind  ",
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await sam.post(`/api/forums/threads/${thread.id}/report`, {});
    expect(again.status).toBe(409);
    expect(ApiErrorBodySchema.parse(again.body).error.message).toMatch(/already reported/);
    expect((await sam.post(`/api/forums/replies/${reply.id}/report`, {})).status).toBe(201);
    expect((await sam.post(`/api/forums/replies/${reply.id}/report`, { reason: "" })).status).toBe(
      409,
    );
    expect((await jordan.post(`/api/forums/threads/${thread.id}/report`, {})).status).toBe(403);
    // A moderator may report too (to the board's other moderators).
    expect((await dana.post(`/api/forums/replies/${reply.id}/report`, {})).status).toBe(201);
    const seen = await detail(sam, thread.id);
    expect(seen).toMatchObject({ reportedByMe: true, canReport: false });
    expect(seen.replies[0]).toMatchObject({ reportedByMe: true, canReport: false });
    expect(await detail(jordan, thread.id)).toMatchObject({ reportedByMe: false });
    expect(await audited("forum-report", first.body.id)).toContainEqual(
      expect.objectContaining({ action: "create", outcome: "success" }),
    );
    const stored = await server.db.prisma.forumReport.findUniqueOrThrow({
      where: { id: first.body.id },
    });
    expect(stored.reason).toBe("This is unkind");
  });

  it.each([
    [{ reason: "x".repeat(501) }, "reason"],
    [{ reason: 5 }, "reason"],
    [{ reason: "spam", severity: "high" }, "severity"],
  ])("refuses a report %j naming %s, storing nothing", async (input, field) => {
    const thread = await newThread(jordan, "Reported badly", "Body");
    const res = await sam.post(`/api/forums/threads/${thread.id}/report`, input);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain(field);
    expect(await server.db.prisma.forumReport.count({ where: { threadId: thread.id } })).toBe(0);
  });

  it("shows the board's moderators its open reports with the post, reporter, reason and time, and nobody else", async () => {
    const thread = await newThread(jordan, "Reported thread", "Reported **words**");
    clock.advance(5000);
    const at = clock.now().toISOString();
    await sam.post(`/api/forums/threads/${thread.id}/report`, { reason: "Off topic" });
    const reports = await reportsOf(dana);
    expect(reports.find((r) => r.post.threadId === thread.id)).toMatchObject({
      board: { kind: "cohort" },
      post: {
        threadTitle: "Reported thread",
        replyId: null,
        author: { displayName: expect.stringContaining("Jordan") as string },
        status: "visible",
      },
      reporter: { displayName: expect.stringContaining("Sam") as string },
      reason: "Off topic",
      createdAt: at,
    });
    expect(reports.find((r) => r.post.threadId === thread.id)?.post.bodyHtml).toContain(
      "<strong>words</strong>",
    );
    for (const client of [sam, jordan, pat])
      expect((await client.get("/api/forums/reports")).status).toBe(404);
    // Admins moderate announcements, not the cohort's treatment boards.
    const adminReports = await admin.get<{ reports: ForumReportDto[] }>("/api/forums/reports");
    expect(adminReports.status).toBe(200);
    expect(adminReports.body.reports.map((r) => r.post.threadId)).not.toContain(thread.id);
  });

  it("lets a moderator hide a reply: members see it hidden, moderators see it marked, and it can be shown again", async () => {
    const thread = await newThread(sam, "Group norms", "Be kind");
    const reply = await newReply(jordan, thread.id, "An insult worth hiding");
    await sam.post(`/api/forums/replies/${reply.id}/report`, { reason: "Insult" });

    expect((await sam.post(`/api/forums/replies/${reply.id}/hide`, { hidden: true })).status).toBe(
      403,
    );
    const bad = await dana.post(`/api/forums/replies/${reply.id}/hide`, { hidden: "yes" });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toContain("hidden");
    const hid = await dana.post<{ status: string }>(`/api/forums/replies/${reply.id}/hide`, {
      hidden: true,
    });
    expect(hid.status).toBe(200);
    expect(hid.body.status).toBe("hidden");

    for (const member of [sam, jordan]) {
      const seen = (await detail(member, thread.id)).replies.find((r) => r.id === reply.id);
      expect(seen).toMatchObject({ status: "hidden", bodyHtml: "", source: null, canEdit: false });
      expect(JSON.stringify(seen)).not.toContain("insult");
    }
    const moderated = (await detail(dana, thread.id)).replies.find((r) => r.id === reply.id);
    expect(moderated?.status).toBe("hidden");
    expect(moderated?.bodyHtml).toContain("An insult worth hiding");
    // Hiding dealt with the report; the author cannot rewrite the hidden words meanwhile.
    expect((await reportsOf(dana)).map((r) => r.post.replyId)).not.toContain(reply.id);
    const edit = await jordan.request("PATCH", `/api/forums/replies/${reply.id}`, {
      json: { body: "sneaky" },
    });
    expect(edit.status).toBe(409);

    const shown = await dana.post(`/api/forums/replies/${reply.id}/hide`, { hidden: false });
    expect(shown.status).toBe(200);
    const again = (await detail(sam, thread.id)).replies.find((r) => r.id === reply.id);
    expect(again).toMatchObject({ status: "visible" });
    expect(again?.bodyHtml).toContain("An insult worth hiding");
    const events = await audited("forum-post-hidden", `reply:${reply.id}`);
    expect(events).toEqual([expect.objectContaining({ action: "update", outcome: "success" })]);
    expect(await audited("forum-post-shown", `reply:${reply.id}`)).toHaveLength(1);
  });

  it("hides a thread's title and words from members' board, thread page and search", async () => {
    const thread = await newThread(jordan, "Zebrafish rant", "Zebrafish are overrated");
    expect(
      (await dana.post(`/api/forums/threads/${thread.id}/hide`, { hidden: true })).status,
    ).toBe(200);
    const listed = (await boardThreads(sam)).find((t) => t.id === thread.id);
    expect(listed).toMatchObject({ title: "Hidden by a moderator", excerpt: "", status: "hidden" });
    expect(await detail(sam, thread.id)).toMatchObject({ status: "hidden", bodyHtml: "" });
    const found = await sam.get<{ threads: ThreadSummary[] }>("/api/forums/search?q=zebrafish");
    expect(found.body.threads).toEqual([]);
    expect((await boardThreads(dana)).find((t) => t.id === thread.id)).toMatchObject({
      title: "Zebrafish rant",
      status: "hidden",
    });
    expect((await sam.post(`/api/forums/threads/${thread.id}/report`, {})).status).toBe(409);
  });

  it("lets a moderator dismiss a report once; the reporter and others cannot", async () => {
    const thread = await newThread(jordan, "Fine post", "Nothing wrong here");
    const report = await sam.post<{ id: string }>(`/api/forums/threads/${thread.id}/report`, {});
    expect((await sam.post(`/api/forums/reports/${report.body.id}/dismiss`, {})).status).toBe(404);
    expect((await jordan.post(`/api/forums/reports/${report.body.id}/dismiss`, {})).status).toBe(
      404,
    );
    expect((await pat.post(`/api/forums/reports/${report.body.id}/dismiss`, {})).status).toBe(404);
    expect((await dana.post(`/api/forums/reports/${report.body.id}/dismiss`, {})).status).toBe(204);
    expect((await dana.post(`/api/forums/reports/${report.body.id}/dismiss`, {})).status).toBe(409);
    expect((await dana.post(`/api/forums/reports/${MISSING}/dismiss`, {})).status).toBe(404);
    expect((await reportsOf(dana)).map((r) => r.id)).not.toContain(report.body.id);
    expect((await detail(sam, thread.id)).status).toBe("visible");
    expect(await audited("forum-report", report.body.id)).toContainEqual(
      expect.objectContaining({ action: "update", outcome: "success" }),
    );
  });

  it("alerts the clinicians to crisis language in a report's reason, and still takes the report", async () => {
    const alerts = async () =>
      (await dana.get<{ alerts: CrisisAlertDto[] }>("/api/alerts")).body.alerts;
    const thread = await newThread(jordan, "Meds", "Anyone else tired on the new dose?");
    const before = (await alerts()).length;
    const res = await sam.post(`/api/forums/threads/${thread.id}/report`, {
      reason: "This makes me want to kill myself",
    });
    expect(res.status).toBe(201);
    const after = await alerts();
    expect(after.length).toBe(before + 1);
    expect(after[0]).toMatchObject({ source: "forum", where: { kind: "forum", ref: thread.id } });
    expect(JSON.stringify(after[0])).not.toContain("kill myself");
  });

  it("tells the board's followers live when a post is deleted, hidden or shown again, with ids only", async () => {
    const [boardKind, boardId] = cohortBoard.split("/") as [string, string];
    const samLive = new LiveClient(server.url, sam.cookieHeader());
    try {
      await samLive.connected();
      expect(await samLive.request("forum:subscribe", { kind: boardKind, id: boardId })).toEqual({
        ok: true,
      });
      const thread = await newThread(jordan, "Live moderation", "Words to hide");
      const reply = await newReply(jordan, thread.id, "Words to delete");

      expect((await del(jordan, `/api/forums/replies/${reply.id}`)).status).toBe(200);
      await samLive.waitFor<ForumChange>(
        "forum:changed",
        (c) => c.change === "reply-deleted" && c.replyId === reply.id,
      );
      await dana.post(`/api/forums/threads/${thread.id}/hide`, { hidden: true });
      const hidden = await samLive.waitFor<ForumChange>(
        "forum:changed",
        (c) => c.change === "post-hidden" && c.threadId === thread.id,
      );
      expect(hidden.replyId).toBeUndefined();
      await dana.post(`/api/forums/threads/${thread.id}/hide`, { hidden: false });
      await samLive.waitFor<ForumChange>(
        "forum:changed",
        (c) => c.change === "post-unhidden" && c.threadId === thread.id,
      );
      expect((await del(jordan, `/api/forums/threads/${thread.id}`)).status).toBe(200);
      await samLive.waitFor<ForumChange>(
        "forum:changed",
        (c) => c.change === "thread-deleted" && c.threadId === thread.id,
      );
      const said = JSON.stringify(samLive.events);
      expect(said).not.toContain("Words to");
    } finally {
      samLive.close();
    }
  });
});
