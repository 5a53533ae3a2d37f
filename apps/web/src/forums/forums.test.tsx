import {
  HIDDEN_POST_TEXT,
  type BoardSummary,
  type Role,
  type ThreadDetail,
  type ThreadSummary,
} from "@bridgeway/domain";
import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { applyLocale } from "../i18n/i18n";
import type * as SocketModule from "../realtime/socket";
import { apiError, json, stubApi } from "../test/fake-api";
import { authStateFor, signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { crisisSupport } from "../alerts/crisis-support";
import { installFakeSocket } from "../chat/fake-socket";

vi.mock("../realtime/socket", async (importOriginal) => ({
  ...(await importOriginal<typeof SocketModule>()),
  ...(await import("../chat/fake-socket")).fakeSocketModule(),
}));

const COHORT_ID = "00000000-0000-4000-8000-0000000000c1";
const PROGRAM_ID = "00000000-0000-4000-8000-0000000000b1";
const THREAD_ID = "00000000-0000-4000-8000-0000000000d1";

const boards: BoardSummary[] = [
  {
    kind: "cohort",
    id: COHORT_ID,
    title: "Evening track board",
    canPost: true,
    canModerate: false,
    threadCount: 2,
  },
  {
    kind: "announcements",
    id: PROGRAM_ID,
    title: "Adult Mental Health IOP announcements",
    canPost: false,
    canModerate: false,
    threadCount: 1,
  },
];

/** A post as someone who did not write it sees it: shown, theirs to report. */
const READER_ACTIONS = {
  status: "visible",
  source: null,
  canEdit: false,
  canDelete: false,
  canReport: true,
  reportedByMe: false,
} as const;

function summary(overrides: Partial<ThreadSummary> = {}): ThreadSummary {
  return {
    id: THREAD_ID,
    board: { kind: "cohort", id: COHORT_ID, title: "Evening track board" },
    title: "Grounding that works for me",
    author: {
      userId: "00000000-0000-4000-8000-000000000003",
      displayName: "Jordan L.",
      staff: false,
    },
    excerpt: "The 5-4-3-2-1 exercise.",
    replyCount: 1,
    pinned: false,
    locked: false,
    createdAt: "2026-11-23T15:00:00.000Z",
    editedAt: null,
    status: "visible",
    lastActivityAt: "2026-11-23T15:05:00.000Z",
    ...overrides,
  };
}

function detail(overrides: Partial<ThreadDetail> = {}): ThreadDetail {
  return {
    ...summary(),
    ...READER_ACTIONS,
    bodyHtml: "<p>The <strong>5-4-3-2-1</strong> exercise.</p>\n",
    replies: [
      {
        id: "00000000-0000-4000-8000-0000000000e1",
        author: {
          userId: "00000000-0000-4000-8000-0000000000f5",
          displayName: "Sam P.",
          staff: false,
        },
        bodyHtml: "<p>Thanks, <em>trying it</em> tonight</p>\n",
        createdAt: "2026-11-23T15:05:00.000Z",
        editedAt: null,
        ...READER_ACTIONS,
      },
    ],
    nextRepliesAfter: null,
    canReply: true,
    canModerate: false,
    ...overrides,
  };
}

const threadPath = `/forums/threads/${THREAD_ID}`;
const apiThread = `GET /api/forums/threads/${THREAD_ID}`;

describe("forums", () => {
  it("lists the boards a participant can read, with their thread counts", async () => {
    installFakeSocket();
    stubApi({ "GET /api/forums/boards": json(200, { boards }) });
    renderApp("/forums", { auth: signedInAs("PARTICIPANT") });

    expect(await screen.findByRole("heading", { level: 1, name: "Forums" })).toBeTruthy();
    const link = await screen.findByRole("link", { name: "Evening track board" });
    expect(link.getAttribute("href")).toBe(`/forums/boards/cohort/${COHORT_ID}`);
    expect(screen.getByText(/Cohort board · 2 threads/)).toBeTruthy();
  });

  it("searches across the boards and lists what matches", async () => {
    installFakeSocket();
    const { requests } = stubApi({
      "GET /api/forums/boards": json(200, { boards }),
      "GET /api/forums/search": json(200, { threads: [summary({ title: "Sleep hygiene" })] }),
    });
    const { user } = renderApp("/forums", { auth: signedInAs("PARTICIPANT") });

    await user.type(await screen.findByRole("searchbox", { name: "Search the forums" }), "sleep");
    await user.click(screen.getByRole("button", { name: "Search" }));

    expect(await screen.findByRole("link", { name: "Sleep hygiene" })).toBeTruthy();
    expect(requests.find((r) => r.pathname === "/api/forums/search")?.query.get("q")).toBe("sleep");
  });

  it("renders a thread's post and replies as the server's sanitised HTML inside .prose", async () => {
    installFakeSocket();
    stubApi({ [apiThread]: json(200, detail()) });
    const { container } = renderApp(threadPath, { auth: signedInAs("PARTICIPANT") });

    expect(
      await screen.findByRole("heading", { level: 1, name: "Grounding that works for me" }),
    ).toBeTruthy();
    const prose = container.querySelectorAll(".prose");
    expect(prose).toHaveLength(2);
    expect(prose[0]?.querySelector("strong")?.textContent).toBe("5-4-3-2-1");
    expect(prose[1]?.querySelector("em")?.textContent).toBe("trying it");
    expect(screen.getByRole("textbox", { name: "Your reply" })).toBeTruthy();
  });

  it("hides the reply form from a participant when the thread is locked, and says so", async () => {
    installFakeSocket();
    stubApi({ [apiThread]: json(200, detail({ locked: true, canReply: false })) });
    renderApp(threadPath, { auth: signedInAs("PARTICIPANT") });

    expect(await screen.findByText(/This thread is locked/)).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: "Your reply" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Post reply" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Lock thread" })).toBeNull();
  });

  it("lets a facilitator reply to a locked thread, and pin, unpin, lock and unlock it", async () => {
    let pinned = false;
    const { requests } = stubApi({
      [apiThread]: () =>
        json(200, detail({ locked: true, canReply: true, canModerate: true, pinned })),
      [`POST /api/forums/threads/${THREAD_ID}/pin`]: (request) => {
        pinned = (request.body as { pinned: boolean }).pinned;
        return json(200, summary({ pinned }));
      },
    });
    const { user } = renderApp(threadPath, { auth: signedInAs("FACILITATOR") });

    expect(await screen.findByRole("textbox", { name: "Your reply" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Unlock thread" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Pin thread" }));

    expect(await screen.findByRole("button", { name: "Unpin thread" })).toBeTruthy();
    expect(screen.getByText("Thread pinned to the top of the board.")).toBeTruthy();
    const pin = requests.find((r) => r.pathname.endsWith("/pin"));
    expect(pin?.body).toEqual({ pinned: true });
    expect(pin?.headers["x-csrf-token"]).toBe("csrf-facilitator");
  });

  it("posts a reply and shows it", async () => {
    installFakeSocket();
    let replies = detail().replies;
    const { requests } = stubApi({
      [apiThread]: () => json(200, detail({ replies })),
      [`POST /api/forums/threads/${THREAD_ID}/replies`]: () => {
        const reply = {
          id: "00000000-0000-4000-8000-0000000000e2",
          author: {
            userId: "00000000-0000-4000-8000-000000000003",
            displayName: "Jordan L.",
            staff: false,
          },
          bodyHtml: "<p>Glad it helps</p>\n",
          createdAt: "2026-11-23T16:00:00.000Z",
          editedAt: null,
          ...READER_ACTIONS,
        };
        replies = [...replies, reply];
        return json(201, reply);
      },
    });
    const { user } = renderApp(threadPath, { auth: signedInAs("PARTICIPANT") });

    await user.type(await screen.findByRole("textbox", { name: "Your reply" }), "Glad it helps");
    await user.click(screen.getByRole("button", { name: "Post reply" }));

    expect(await screen.findByText("Glad it helps")).toBeTruthy();
    expect(requests.find((r) => r.method === "POST")?.body).toEqual({ body: "Glad it helps" });
    expect(screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Your reply" }).value).toBe("");
  });

  it("says what is wrong with a blank or overlong reply before sending it, then sends it as typed", async () => {
    installFakeSocket();
    const { requests } = stubApi({
      [apiThread]: json(200, detail()),
      [`POST /api/forums/threads/${THREAD_ID}/replies`]: apiError(
        409,
        "conflict",
        "This thread is locked.",
      ),
    });
    const { user } = renderApp(threadPath, { auth: signedInAs("PARTICIPANT") });
    const box = await screen.findByRole("textbox", { name: "Your reply" });

    await user.type(box, "   ");
    await user.click(screen.getByRole("button", { name: "Post reply" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Write your reply first.");
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(screen.getByText("Write something.").id).toBe(
      box.getAttribute("aria-describedby")?.split(" ").at(-1),
    );
    expect(box.getAttribute("aria-invalid")).toBe("true");

    await user.clear(box);
    await user.click(box);
    await user.paste("x".repeat(20_001));
    await user.click(screen.getByRole("button", { name: "Post reply" }));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe("Your reply is too long."),
    );
    expect(screen.getByText(/^Keep posts under 20,?000 characters\.$/)).toBeTruthy();
    expect(requests.some((r) => r.method === "POST")).toBe(false);

    await user.clear(box);
    await user.type(box, "  Glad it helps ");
    await user.click(screen.getByRole("button", { name: "Post reply" }));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe(
        "This thread was locked meanwhile. It takes no more replies.",
      ),
    );
    expect(requests.filter((r) => r.method === "POST").map((r) => r.body)).toEqual([
      { body: "  Glad it helps " },
    ]);
  });

  it("shows an announcements board without a new-thread form when the person cannot post", async () => {
    installFakeSocket();
    stubApi({
      [`GET /api/forums/boards/announcements/${PROGRAM_ID}/threads`]: json(200, {
        board: {
          kind: "announcements",
          id: PROGRAM_ID,
          title: "Adult Mental Health IOP announcements",
          canPost: false,
        },
        threads: [
          summary({
            title: "Group moves to 6:30 PM",
            board: { kind: "announcements", id: PROGRAM_ID, title: "x" },
          }),
        ],
        nextAfter: null,
      }),
    });
    renderApp(`/forums/boards/announcements/${PROGRAM_ID}`, { auth: signedInAs("PARTICIPANT") });

    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Adult Mental Health IOP announcements",
      }),
    ).toBeTruthy();
    expect(screen.getByText("Only facilitators post announcements.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "New thread" })).toBeNull();
    expect(screen.getByRole("link", { name: "Group moves to 6:30 PM" })).toBeTruthy();
  });

  it("lists pinned threads first and loads more a page at a time", async () => {
    installFakeSocket();
    const page1 = [
      summary({ id: "00000000-0000-4000-8000-0000000000d2", title: "Welcome", pinned: true }),
      summary({ title: "Newest" }),
    ];
    const page2 = [summary({ id: "00000000-0000-4000-8000-0000000000d3", title: "Older" })];
    const { requests } = stubApi({
      [`GET /api/forums/boards/cohort/${COHORT_ID}/threads`]: (request) =>
        json(200, {
          board: { kind: "cohort", id: COHORT_ID, title: "Evening track board", canPost: true },
          threads: request.query.get("after") ? page2 : page1,
          nextAfter: request.query.get("after") ? null : THREAD_ID,
        }),
    });
    const { user } = renderApp(`/forums/boards/cohort/${COHORT_ID}`, {
      auth: signedInAs("PARTICIPANT"),
    });

    await screen.findByRole("link", { name: "Welcome" });
    const titles = () => screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(titles()).toEqual(["WelcomePinned", "Newest"]);
    await user.click(screen.getByRole("button", { name: "Load more threads" }));
    await screen.findByRole("link", { name: "Older" });
    expect(titles()).toEqual(["WelcomePinned", "Newest", "Older"]);
    expect(requests.at(-1)?.query.get("after")).toBe(THREAD_ID);
    expect(screen.queryByRole("button", { name: "Load more threads" })).toBeNull();
  });

  it("shows the server's field errors inline on a new thread", async () => {
    installFakeSocket();
    stubApi({
      [`GET /api/forums/boards/cohort/${COHORT_ID}/threads`]: json(200, {
        board: { kind: "cohort", id: COHORT_ID, title: "Evening track board", canPost: true },
        threads: [],
        nextAfter: null,
      }),
      [`POST /api/forums/boards/cohort/${COHORT_ID}/threads`]: apiError(
        400,
        "invalid_input",
        "Check the request.",
        { title: "Keep titles under 200 characters." },
      ),
    });
    const { user } = renderApp(`/forums/boards/cohort/${COHORT_ID}`, {
      auth: signedInAs("PARTICIPANT"),
    });

    await user.click(await screen.findByRole("button", { name: "New thread" }));
    await user.type(screen.getByRole("textbox", { name: "Title" }), "Hello");
    await user.type(screen.getByRole("textbox", { name: "Message" }), "First post");
    await user.click(screen.getByRole("button", { name: "Post thread" }));

    expect(await screen.findByText("Keep titles under 200 characters.")).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Title" }).getAttribute("aria-invalid")).toBe(
      "true",
    );
  });

  it("says only facilitators post announcements when the server refuses a thread with 403", async () => {
    installFakeSocket();
    stubApi({
      [`GET /api/forums/boards/cohort/${COHORT_ID}/threads`]: json(200, {
        board: { kind: "cohort", id: COHORT_ID, title: "Evening track board", canPost: true },
        threads: [],
        nextAfter: null,
      }),
      [`POST /api/forums/boards/cohort/${COHORT_ID}/threads`]: apiError(
        403,
        "forbidden",
        "Only facilitators post announcements.",
      ),
    });
    const { user } = renderApp(`/forums/boards/cohort/${COHORT_ID}`, {
      auth: signedInAs("PARTICIPANT"),
    });

    await user.click(await screen.findByRole("button", { name: "New thread" }));
    await user.type(screen.getByRole("textbox", { name: "Title" }), "Hello");
    await user.type(screen.getByRole("textbox", { name: "Message" }), "First post");
    await user.click(screen.getByRole("button", { name: "Post thread" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Only facilitators post announcements.");
  });

  it("opens the new thread after posting it", async () => {
    installFakeSocket();
    stubApi({
      [`GET /api/forums/boards/cohort/${COHORT_ID}/threads`]: json(200, {
        board: { kind: "cohort", id: COHORT_ID, title: "Evening track board", canPost: true },
        threads: [],
        nextAfter: null,
      }),
      [`POST /api/forums/boards/cohort/${COHORT_ID}/threads`]: json(201, summary()),
      [apiThread]: json(200, detail()),
    });
    const { user, location } = renderApp(`/forums/boards/cohort/${COHORT_ID}`, {
      auth: signedInAs("PARTICIPANT"),
    });
    await user.click(await screen.findByRole("button", { name: "New thread" }));
    await user.type(screen.getByRole("textbox", { name: "Title" }), "Grounding that works for me");
    await user.type(screen.getByRole("textbox", { name: "Message" }), "The 5-4-3-2-1 exercise.");
    await user.click(screen.getByRole("button", { name: "Post thread" }));

    await waitFor(() => expect(location()).toBe(threadPath));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Grounding that works for me" }),
    ).toBeTruthy();
  });

  it("shows a participant 988 support on the forum when the server answers a post with it", async () => {
    const socket = installFakeSocket();
    stubApi({ [apiThread]: json(200, detail()) });
    renderApp(threadPath, { auth: signedInAs("PARTICIPANT") });
    await screen.findByRole("heading", { level: 1, name: "Grounding that works for me" });

    act(() =>
      socket.serverEmit("crisis:support", {
        crisisLine: "988",
        safetyPlanPath: "/participant/safety",
      }),
    );

    const panel = screen.getByRole("region", { name: "You don't have to go through this alone" });
    expect(within(panel).getByRole("link", { name: "Call 988" }).getAttribute("href")).toBe(
      "tel:988",
    );
    expect(within(panel).getByRole("link", { name: "Text 988" }).getAttribute("href")).toBe(
      "sms:988",
    );
    expect(screen.getByRole("textbox", { name: "Your reply" })).toBeTruthy();
    crisisSupport.close();
  });

  it("follows the thread's board live and shows a reply someone else posts without a reload", async () => {
    const socket = installFakeSocket().answer("forum:subscribe", { ok: true });
    const newReply = {
      id: "00000000-0000-4000-8000-0000000000e2",
      author: {
        userId: "00000000-0000-4000-8000-0000000000f6",
        displayName: "Riley K.",
        staff: false,
      },
      bodyHtml: "<p>Same here, it helps</p>\n",
      createdAt: "2026-11-23T15:09:00.000Z",
      editedAt: null,
      ...READER_ACTIONS,
    };
    let replies = detail().replies;
    stubApi({ [apiThread]: () => json(200, detail({ replies })) });
    renderApp(threadPath, { auth: signedInAs("PARTICIPANT") });
    await screen.findByText("tonight", { exact: false });
    await waitFor(() =>
      expect(socket.payloads("forum:subscribe")).toContainEqual({ kind: "cohort", id: COHORT_ID }),
    );
    expect(screen.queryByText("Same here, it helps")).toBeNull();

    replies = [...replies, newReply];
    // A change on another board is not this page's concern.
    act(() =>
      socket.serverEmit("forum:changed", {
        board: { kind: "cohort", id: PROGRAM_ID },
        threadId: THREAD_ID,
        change: "reply-created",
      }),
    );
    act(() =>
      socket.serverEmit("forum:changed", {
        board: { kind: "cohort", id: COHORT_ID },
        threadId: THREAD_ID,
        replyId: newReply.id,
        change: "reply-created",
      }),
    );

    expect(await screen.findByText("Same here, it helps")).toBeTruthy();
  });

  it("marks a thread and a reply their authors edited as (edited), and leaves others unmarked", async () => {
    installFakeSocket().answer("forum:subscribe", { ok: true });
    const [first] = detail().replies;
    if (!first) throw new Error("the fixture has a reply");
    const unedited = {
      ...first,
      id: "00000000-0000-4000-8000-0000000000e3",
      bodyHtml: "<p>Plain</p>",
    };
    stubApi({
      [apiThread]: json(
        200,
        detail({
          editedAt: "2026-11-23T15:30:00.000Z",
          replies: [{ ...first, editedAt: "2026-11-23T15:40:00.000Z" }, unedited],
        }),
      ),
    });
    renderApp(threadPath, { auth: signedInAs("PARTICIPANT") });
    await screen.findByText("Plain");
    const replies = screen.getAllByRole("article").filter((a) => a.closest("li"));
    expect(replies.map((r) => within(r).queryByText("(edited)") !== null)).toEqual([true, false]);
    expect(screen.getAllByText("(edited)")).toHaveLength(2);
  });

  it("says a thread that is not the viewer's was not found", async () => {
    installFakeSocket();
    stubApi({});
    renderApp(threadPath, { auth: signedInAs("PARTICIPANT") });
    expect(await screen.findByRole("heading", { level: 1, name: "Thread not found" })).toBeTruthy();
    expect(
      within(screen.getByRole("main")).getByRole("link", { name: "Back to the forums" }),
    ).toBeTruthy();
  });
});

describe("forums in Spanish", () => {
  afterEach(() => applyLocale("en"));
  const enEspañol = (role: Role) =>
    ({ status: "signed-in", auth: authStateFor(role, { locale: "es" }) }) as const;

  it("lists the boards with their titles, kinds and thread counts in Spanish", async () => {
    installFakeSocket();
    stubApi({ "GET /api/forums/boards": json(200, { boards }) });
    renderApp("/forums", { auth: enEspañol("PARTICIPANT") });

    expect(await screen.findByRole("heading", { level: 1, name: "Foros" })).toBeTruthy();
    expect(await screen.findByRole("link", { name: "Foro de Evening track" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Avisos de Adult Mental Health IOP" })).toBeTruthy();
    expect(screen.getByText(/Foro del grupo · 2 temas/)).toBeTruthy();
    expect(screen.getByText(/Avisos de los facilitadores · 1 tema$/)).toBeTruthy();
    expect(screen.getByRole("searchbox", { name: "Buscar en los foros" })).toBeTruthy();
  });

  it("shows a thread, its replies and the reply form in Spanish", async () => {
    installFakeSocket();
    stubApi({ [apiThread]: json(200, detail({ editedAt: "2026-11-23T15:10:00.000Z" })) });
    renderApp(threadPath, { auth: enEspañol("PARTICIPANT") });

    expect(
      await screen.findByRole("heading", { level: 1, name: "Grounding that works for me" }),
    ).toBeTruthy();
    expect(screen.getByRole("link", { name: "Volver a Foro de Evening track" })).toBeTruthy();
    expect(screen.getByRole("article", { name: "Publicación inicial" })).toBeTruthy();
    expect(screen.getByText("(editado)")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Respuestas (1)" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Reportar respuesta de Sam P." })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Tu respuesta" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Publicar respuesta" })).toBeTruthy();
  });

  it("says a hidden thread was hidden by a moderator, in Spanish", async () => {
    installFakeSocket();
    stubApi({
      [apiThread]: json(
        200,
        detail({ status: "hidden", title: HIDDEN_POST_TEXT, bodyHtml: "", replies: [] }),
      ),
    });
    renderApp(threadPath, { auth: enEspañol("PARTICIPANT") });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Ocultado por un moderador" }),
    ).toBeTruthy();
    expect(screen.getByText("Todavía no hay respuestas.")).toBeTruthy();
  });
});
