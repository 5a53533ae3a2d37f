import type { BoardSummary, ForumReply, ForumReportDto, ThreadDetail } from "@bridgeway/domain";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type * as SocketModule from "../realtime/socket";
import { apiError, json, stubApi } from "../test/fake-api";
import { signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { installFakeSocket } from "../chat/fake-socket";

vi.mock("../realtime/socket", async (importOriginal) => ({
  ...(await importOriginal<typeof SocketModule>()),
  ...(await import("../chat/fake-socket")).fakeSocketModule(),
}));

const COHORT_ID = "00000000-0000-4000-8000-0000000000c1";
const THREAD_ID = "00000000-0000-4000-8000-0000000000d1";
const REPLY_ID = "00000000-0000-4000-8000-0000000000e1";
const threadPath = `/forums/threads/${THREAD_ID}`;
const apiThread = `GET /api/forums/threads/${THREAD_ID}`;
const apiReply = `/api/forums/replies/${REPLY_ID}`;

const JORDAN = {
  userId: "00000000-0000-4000-8000-000000000003",
  displayName: "Jordan L.",
  staff: false,
};
const SAM = { userId: "00000000-0000-4000-8000-0000000000f5", displayName: "Sam P.", staff: false };

const NOTHING_TO_DO = {
  source: null,
  canEdit: false,
  canDelete: false,
  canReport: false,
  reportedByMe: false,
} as const;

function reply(overrides: Partial<ForumReply> = {}): ForumReply {
  return {
    id: REPLY_ID,
    author: JORDAN,
    bodyHtml: "<p>Going for a <strong>walk</strong></p>\n",
    status: "visible",
    createdAt: "2026-11-23T15:05:00.000Z",
    editedAt: null,
    ...NOTHING_TO_DO,
    ...overrides,
  };
}

function detail(replies: ForumReply[], overrides: Partial<ThreadDetail> = {}): ThreadDetail {
  return {
    id: THREAD_ID,
    board: { kind: "cohort", id: COHORT_ID, title: "Evening track board" },
    title: "Weekend plans",
    author: SAM,
    excerpt: "What are you up to?",
    replyCount: replies.length,
    pinned: false,
    locked: false,
    createdAt: "2026-11-23T15:00:00.000Z",
    editedAt: null,
    status: "visible",
    lastActivityAt: "2026-11-23T15:05:00.000Z",
    ...NOTHING_TO_DO,
    bodyHtml: "<p>What are you up to?</p>\n",
    replies,
    nextRepliesAfter: null,
    canReply: true,
    canModerate: false,
    ...overrides,
  };
}

/** Jordan's own reply, as Jordan sees it. */
const ownReply = (overrides: Partial<ForumReply> = {}) =>
  reply({ source: "Going for a **walk**", canEdit: true, canDelete: true, ...overrides });

describe("changing one's own forum posts", () => {
  it("opens the author's markdown in place, saves the edit and puts focus back on Edit", async () => {
    installFakeSocket();
    let current = ownReply();
    const { requests } = stubApi({
      [apiThread]: () => json(200, detail([current])),
      [`PATCH ${apiReply}`]: (request) => {
        current = ownReply({
          bodyHtml: "<p>Going for a run</p>\n",
          source: (request.body as { body: string }).body,
          editedAt: "2026-11-23T16:00:00.000Z",
        });
        return json(200, current);
      },
    });
    const { user } = renderApp(threadPath, { auth: signedInAs("PARTICIPANT") });

    await user.click(await screen.findByRole("button", { name: "Edit reply by Jordan L." }));
    const box = screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Reply text" });
    expect(box.value).toBe("Going for a **walk**");
    expect(document.activeElement).toBe(box);
    await user.clear(box);
    await user.type(box, "Going for a run");
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Your reply was saved.")).toBeTruthy();
    expect(await screen.findByText("Going for a run")).toBeTruthy();
    expect(screen.getByText("(edited)")).toBeTruthy();
    expect(requests.find((r) => r.method === "PATCH")?.body).toEqual({ body: "Going for a run" });
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole("button", { name: "Edit reply by Jordan L." }),
      ),
    );
  });

  it("checks an empty edit before sending it, and says what to do when the server refuses one", async () => {
    installFakeSocket();
    const { requests } = stubApi({
      [apiThread]: json(200, detail([ownReply()])),
      [`PATCH ${apiReply}`]: apiError(
        409,
        "conflict",
        "A moderator hid this post; it can no longer be changed. Ask them about it.",
      ),
    });
    const { user } = renderApp(threadPath, { auth: signedInAs("PARTICIPANT") });

    await user.click(await screen.findByRole("button", { name: "Edit reply by Jordan L." }));
    const box = screen.getByRole("textbox", { name: "Reply text" });
    await user.clear(box);
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Write something.")).toBeTruthy();
    expect(requests.filter((r) => r.method === "PATCH")).toHaveLength(0);

    await user.type(box, "Changed");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(
      await screen.findByText(/A moderator hid this post.*Cancel to see the post as it is now\./),
    ).toBeTruthy();
    // Escape leaves without saving.
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("textbox", { name: "Reply text" })).toBeNull();
    expect(screen.getByText("walk")).toBeTruthy();
  });

  it("checks a thread's title before saving, and sends only the title when only it changed", async () => {
    installFakeSocket();
    let current = detail([], {
      author: JORDAN,
      source: "What are you up to?",
      canEdit: true,
    });
    const { requests } = stubApi({
      [apiThread]: () => json(200, current),
      [`PATCH /api/forums/threads/${THREAD_ID}`]: (request) => {
        current = { ...current, ...(request.body as { title: string }) };
        return json(200, current);
      },
    });
    const { user } = renderApp(threadPath, { auth: signedInAs("PARTICIPANT") });

    await user.click(await screen.findByRole("button", { name: "Edit thread by Jordan L." }));
    const editor = screen.getByRole("form", { name: "Edit your thread" });
    const title = within(editor).getByRole("textbox", { name: "Title" });
    expect(document.activeElement).toBe(within(editor).getByRole("textbox", { name: "Message" }));
    await user.clear(title);
    await user.click(within(editor).getByRole("button", { name: "Save" }));
    const alert = await within(editor).findByRole("alert");
    expect(alert.textContent).toBe("Check the fields marked below.");
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(within(editor).getByText("Give the thread a title.").id).toBe(
      title.getAttribute("aria-describedby"),
    );
    expect(title.getAttribute("aria-invalid")).toBe("true");
    expect(requests.filter((r) => r.method === "PATCH")).toHaveLength(0);

    await user.type(title, "Weekend plans, anyone?");
    await user.click(within(editor).getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Your thread was saved.")).toBeTruthy();
    expect(requests.filter((r) => r.method === "PATCH").map((r) => r.body)).toEqual([
      { title: "Weekend plans, anyone?" },
    ]);
  });

  it("deletes a reply only after confirming, and shows it as deleted", async () => {
    installFakeSocket();
    let current = ownReply();
    const { requests } = stubApi({
      [apiThread]: () => json(200, detail([current])),
      [`DELETE ${apiReply}`]: () => {
        current = reply({ status: "deleted", bodyHtml: "" });
        return json(200, current);
      },
    });
    const { user } = renderApp(threadPath, { auth: signedInAs("PARTICIPANT") });

    await user.click(await screen.findByRole("button", { name: "Delete reply by Jordan L." }));
    const dialog = screen.getByRole("dialog", { name: "Delete your reply?" });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(requests.filter((r) => r.method === "DELETE")).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Delete reply by Jordan L." }));
    await user.click(screen.getByRole("button", { name: "Delete reply" }));
    expect(await screen.findByText("This post was deleted")).toBeTruthy();
    expect(screen.getByText("Your reply was deleted.")).toBeTruthy();
    expect(screen.queryByText("walk")).toBeNull();
    expect(requests.filter((r) => r.method === "DELETE")).toHaveLength(1);
  });
});

describe("reporting and moderating forum posts", () => {
  it("reports someone else's reply with a reason, and says so when it was already reported", async () => {
    installFakeSocket();
    let reported = false;
    const { requests } = stubApi({
      [apiThread]: () =>
        json(200, detail([reply({ canReport: !reported, reportedByMe: reported })])),
      [`POST ${apiReply}/report`]: () => {
        if (reported)
          return apiError(
            409,
            "conflict",
            "You have already reported this post; the moderators have your report.",
          );
        reported = true;
        return json(201, { id: "r1", createdAt: "2026-11-23T16:00:00.000Z" });
      },
    });
    const { user } = renderApp(threadPath, { auth: signedInAs("FAMILY") });

    await user.click(await screen.findByRole("button", { name: "Report reply by Jordan L." }));
    const dialog = screen.getByRole("dialog", { name: "Report this reply?" });
    await user.type(within(dialog).getByLabelText("Reason (optional)"), "Not kind");
    await user.click(within(dialog).getByRole("button", { name: "Send report" }));

    expect(
      await screen.findByText("Thank you. The moderators will look at this post."),
    ).toBeTruthy();
    expect(await screen.findByText("You reported this")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Report reply by Jordan L." })).toBeNull();
    expect(requests.find((r) => r.pathname.endsWith("/report"))?.body).toEqual({
      reason: "Not kind",
    });
  });

  it("shows members a hidden reply as hidden, and its moderators the words with Show again", async () => {
    installFakeSocket();
    stubApi({ [apiThread]: json(200, detail([reply({ status: "hidden", bodyHtml: "" })])) });
    renderApp(threadPath, { auth: signedInAs("PARTICIPANT") });
    expect(await screen.findByText("Hidden by a moderator")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Show/ })).toBeNull();
  });

  it("lets a moderator show a hidden reply again", async () => {
    installFakeSocket();
    let status: "hidden" | "visible" = "hidden";
    const { requests } = stubApi({
      [apiThread]: () => json(200, detail([reply({ status })], { canModerate: true })),
      [`POST ${apiReply}/hide`]: (request) => {
        status = (request.body as { hidden: boolean }).hidden ? "hidden" : "visible";
        return json(200, { status });
      },
    });
    const { user } = renderApp(threadPath, { auth: signedInAs("FACILITATOR") });
    expect(await screen.findByText("Hidden by a moderator")).toBeTruthy();
    expect(screen.getByText("walk")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Show reply by Jordan L." }));
    expect(await screen.findByText("The reply is shown again.")).toBeTruthy();
    expect(await screen.findByRole("button", { name: "Hide reply by Jordan L." })).toBeTruthy();
    expect(requests.find((r) => r.pathname.endsWith("/hide"))?.body).toEqual({ hidden: false });
  });

  it("lists open reports for moderators on the forums page, and dismisses one", async () => {
    installFakeSocket();
    const boards: BoardSummary[] = [
      {
        kind: "cohort",
        id: COHORT_ID,
        title: "Evening track board",
        canPost: true,
        canModerate: true,
        threadCount: 1,
      },
    ];
    const report: ForumReportDto = {
      id: "00000000-0000-4000-8000-0000000000a1",
      board: { kind: "cohort", id: COHORT_ID, title: "Evening track board" },
      post: {
        threadId: THREAD_ID,
        threadTitle: "Weekend plans",
        replyId: REPLY_ID,
        author: JORDAN,
        bodyHtml: "<p>Going for a walk</p>",
        status: "visible",
      },
      reporter: { userId: SAM.userId, displayName: "Sam P." },
      reason: "Off topic",
      createdAt: "2026-11-23T16:00:00.000Z",
    };
    let reports = [report];
    stubApi({
      "GET /api/forums/boards": json(200, { boards }),
      "GET /api/forums/reports": () => json(200, { reports }),
      [`POST /api/forums/reports/${report.id}/dismiss`]: () => {
        reports = [];
        return { status: 204 };
      },
    });
    const { user } = renderApp("/forums", { auth: signedInAs("FACILITATOR") });

    const section = await screen.findByRole("region", { name: "Reports to review" });
    const item = await within(section).findByRole("article");
    expect(within(item).getByRole("link", { name: "Weekend plans" })).toBeTruthy();
    expect(within(item).getByText("Off topic")).toBeTruthy();
    expect(within(item).getByText("Sam P.")).toBeTruthy();
    expect(within(item).getByText("Going for a walk")).toBeTruthy();
    await user.click(within(item).getByRole("button", { name: "Dismiss report" }));
    expect(await within(section).findByText("No reports to review.")).toBeTruthy();
    expect(within(section).getByText("Report dismissed. The post stays as it is.")).toBeTruthy();
  });

  it("shows no reports section to someone who moderates no board", async () => {
    installFakeSocket();
    const { requests } = stubApi({
      "GET /api/forums/boards": json(200, {
        boards: [
          {
            kind: "cohort",
            id: COHORT_ID,
            title: "Evening track board",
            canPost: true,
            canModerate: false,
            threadCount: 0,
          },
        ],
      }),
    });
    renderApp("/forums", { auth: signedInAs("PARTICIPANT") });
    expect(await screen.findByRole("link", { name: "Evening track board" })).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Reports to review" })).toBeNull();
    expect(requests.some((r) => r.pathname === "/api/forums/reports")).toBe(false);
  });
});
