import type { ChatMessageDto, ChatRoomSummary, Role } from "@bridgeway/domain";
import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { crisisSupport } from "../alerts/crisis-support";
import { applyLocale } from "../i18n/i18n";
import type * as SocketModule from "../realtime/socket";
import { stubApi } from "../test/fake-api";
import { authStateFor, signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import {
  chatMessage,
  installFakeSocket,
  NO_ANSWER,
  socketsClosed,
  type FakeSocket,
} from "./fake-socket";

vi.mock("../realtime/socket", async (importOriginal) => ({
  ...(await importOriginal<typeof SocketModule>()),
  ...(await import("./fake-socket")).fakeSocketModule(),
}));

const ROOM = "cohort:00000000-0000-4000-8000-0000000000c1";
const JORDAN = authStateFor("PARTICIPANT").user;
const SAM = { userId: "00000000-0000-4000-8000-0000000000f5", displayName: "Sam P." };

const rooms: ChatRoomSummary[] = [
  {
    roomKey: ROOM,
    kind: "cohort",
    title: "Evening track chat",
    unread: 3,
    lastMessageAt: new Date().toISOString(),
  },
  {
    roomKey: "thread:00000000-0000-4000-8000-000000000003:00000000-0000-4000-8000-000000000002",
    kind: "thread",
    title: "Private thread with Dana Whitfield",
    unread: 0,
    lastMessageAt: null,
  },
];

function chatServer(messages: ChatMessageDto[] = []): FakeSocket {
  const socket = installFakeSocket();
  socket.answer("chat:rooms", { ok: true, rooms });
  socket.answer("chat:subscribe", { ok: true, messages: [...messages].reverse() });
  socket.answer("chat:read", { ok: true });
  socket.answer("chat:unsubscribe", { ok: true });
  return socket;
}

function openRoom(role: Role = "PARTICIPANT") {
  stubApi({});
  return renderApp(`/chat/${ROOM}`, { auth: signedInAs(role) });
}

const log = () => screen.getByRole("log", { name: "Messages" });

afterEach(() => {
  crisisSupport.close();
  // Unsent messages are kept in localStorage; each test starts on a clean device.
  localStorage.clear();
});

describe("chat", () => {
  it("lists a participant's rooms with unread counts and when each was last active", async () => {
    chatServer();
    stubApi({});
    renderApp("/chat", { auth: signedInAs("PARTICIPANT") });

    expect(await screen.findByRole("heading", { level: 1, name: "Chat" })).toBeTruthy();
    const cohort = await screen.findByRole("link", { name: /Evening track chat/ });
    expect(cohort.getAttribute("href")).toBe(`/chat/${ROOM}`);
    expect(cohort.textContent).toContain("3 unread");
    expect(cohort.textContent).toContain("Cohort chat · Last message");
    const thread = screen.getByRole("link", { name: /Private thread with Dana Whitfield/ });
    expect(thread.textContent).toContain("No messages yet");
    expect(thread.textContent).not.toContain("unread");
  });

  it("shows a message body as text, never as HTML, keeping its line breaks", async () => {
    const body = "<b>hi</b> <script>alert(1)</script>\nsee you tonight";
    chatServer([chatMessage({ roomKey: ROOM, author: SAM, body })]);
    const { container } = openRoom();

    await within(await screen.findByRole("log", { name: "Messages" })).findByText(
      (_content, element) => element?.textContent === body && element.tagName === "P",
    );
    expect(container.querySelector(".chat-log script, .chat-log b")).toBeNull();
    expect(log().querySelector(".chat-message__body")?.textContent).toBe(body);
  });

  it("shows a sent message at once as Sending…, then as sent when the server has it", async () => {
    const socket = chatServer();
    let release: () => void = () => undefined;
    socket.answer(
      "chat:send",
      (payload: { clientId: string; body: string }) =>
        new Promise((resolve) => {
          release = () =>
            resolve({
              ok: true,
              message: chatMessage({
                roomKey: ROOM,
                clientId: payload.clientId,
                body: payload.body,
                author: { userId: JORDAN.id, displayName: "Jordan L." },
              }),
            });
        }),
    );
    const { user } = openRoom();
    await screen.findByText("No messages yet. Say hello.");

    await user.type(screen.getByRole("textbox", { name: "Message" }), "Hello everyone{Enter}");

    expect(within(log()).getByText("Hello everyone")).toBeTruthy();
    expect(within(log()).getByText("Sending…")).toBeTruthy();
    expect(screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Message" }).value).toBe("");
    act(() => release());
    await waitFor(() => expect(within(log()).queryByText("Sending…")).toBeNull());
    expect(within(log()).getByText("Hello everyone")).toBeTruthy();
    const [sent] = socket.payloads<{ roomKey: string; clientId: string }>("chat:send");
    expect(sent?.roomKey).toBe(ROOM);
    expect(sent?.clientId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("says Bridgeway is having trouble when a send gets no answer, and Send now sends the same message with the same client id", async () => {
    const socket = chatServer();
    socket.answer("chat:send", NO_ANSWER);
    const { user } = openRoom();
    await screen.findByText("No messages yet. Say hello.");

    await user.type(screen.getByRole("textbox", { name: "Message" }), "Are you there?");
    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(await within(log()).findByText(/Waiting to send —/)).toBeTruthy();
    expect(
      within(log()).getByText(
        "Bridgeway is having trouble, your message will be sent when it recovers.",
      ),
    ).toBeTruthy();

    socket.answer("chat:send", (payload: { clientId: string; body: string }) => ({
      ok: true,
      message: chatMessage({
        roomKey: ROOM,
        clientId: payload.clientId,
        body: payload.body,
        author: { userId: JORDAN.id, displayName: "Jordan L." },
      }),
    }));
    await user.click(within(log()).getByRole("button", { name: "Send now" }));

    await waitFor(() => expect(within(log()).queryByText(/Waiting to send/)).toBeNull());
    const sends = socket.payloads<{ clientId: string; body: string }>("chat:send");
    expect(sends).toHaveLength(2);
    expect(sends[1]).toEqual(sends[0]);
    expect(within(log()).getAllByText("Are you there?")).toHaveLength(1);
  });

  it("starts a new line with Shift+Enter and counts characters up to 4000", async () => {
    const socket = chatServer();
    const { user } = openRoom();
    await screen.findByText("No messages yet. Say hello.");
    const box = screen.getByRole("textbox", { name: "Message" });

    await user.type(box, "line one{Shift>}{Enter}{/Shift}line two");
    expect((box as HTMLTextAreaElement).value).toBe("line one\nline two");
    expect(screen.getByText("17 of 4000 characters")).toBeTruthy();
    expect(socket.payloads("chat:send")).toEqual([]);
  });

  it("says who is typing in a polite live region", async () => {
    const socket = chatServer();
    openRoom();
    await screen.findByText("No messages yet. Say hello.");

    act(() => socket.serverEmit("chat:typing", { roomKey: ROOM, ...SAM, typing: true }));
    const typing = screen.getByText("Sam P. is typing…");
    expect(typing.getAttribute("aria-live")).toBe("polite");
  });

  it("tells the room I am typing, throttled", async () => {
    const socket = chatServer();
    const { user } = openRoom();
    await screen.findByText("No messages yet. Say hello.");
    await user.type(screen.getByRole("textbox", { name: "Message" }), "hey");
    expect(socket.payloads("chat:typing")).toEqual([{ roomKey: ROOM, typing: true }]);
  });

  it("shows a hidden message to a participant as hidden by a facilitator, without its text", async () => {
    chatServer([chatMessage({ roomKey: ROOM, author: SAM, body: "", hidden: { reason: null } })]);
    openRoom("PARTICIPANT");
    expect(
      await within(await screen.findByRole("log")).findByText("Hidden by a facilitator"),
    ).toBeTruthy();
    expect(screen.queryByText(/Reason:/)).toBeNull();
  });

  it("shows staff the reason a message was hidden and what participants no longer see", async () => {
    chatServer([
      chatMessage({
        roomKey: ROOM,
        author: SAM,
        body: "something unkind",
        hidden: { reason: "Not kind to the group" },
      }),
    ]);
    openRoom("FACILITATOR");
    const messages = await screen.findByRole("log");
    expect(await within(messages).findByText(/Hidden by a facilitator/)).toBeTruthy();
    expect(within(messages).getByText("Reason: Not kind to the group")).toBeTruthy();
    expect(within(messages).getByText("something unkind")).toBeTruthy();
  });

  it("lets a facilitator hide a message only with a reason", async () => {
    const message = chatMessage({ roomKey: ROOM, author: SAM, body: "something unkind" });
    const socket = chatServer([message]);
    socket.answer("chat:hide", {
      ok: true,
      message: { ...message, hidden: { reason: "Not kind to the group" } },
    });
    const { user } = openRoom("FACILITATOR");
    const messages = await screen.findByRole("log");
    await within(messages).findByText("something unkind");

    await user.click(
      within(messages).getByRole("button", { name: /^Options for the message from Sam P\./ }),
    );
    await user.click(within(messages).getByRole("button", { name: "Hide message" }));
    await user.click(within(messages).getByRole("button", { name: "Hide message" }));
    expect(within(messages).getByText("Say why you are hiding it.")).toBeTruthy();
    expect(socket.payloads("chat:hide")).toEqual([]);

    await user.type(
      within(messages).getByRole("textbox", { name: "Why are you hiding this message?" }),
      "Not kind to the group",
    );
    await user.click(within(messages).getByRole("button", { name: "Hide message" }));
    expect(await within(messages).findByText("Reason: Not kind to the group")).toBeTruthy();
    expect(socket.payloads("chat:hide")).toEqual([
      { messageId: message.id, reason: "Not kind to the group" },
    ]);
  });

  it("lets anyone report a message, with an optional reason, and says it was reported", async () => {
    const message = chatMessage({ roomKey: ROOM, author: SAM, body: "hmm" });
    const socket = chatServer([message]);
    socket.answer("chat:report", { ok: true });
    const { user } = openRoom("PARTICIPANT");
    const messages = await screen.findByRole("log");
    await within(messages).findByText("hmm");

    await user.click(within(messages).getByRole("button", { name: /^Options for the message/ }));
    expect(within(messages).queryByRole("button", { name: "Hide message" })).toBeNull();
    await user.click(within(messages).getByRole("button", { name: "Report message" }));
    await user.click(within(messages).getByRole("button", { name: "Send report" }));

    expect(
      await within(messages).findByText(
        "Thank you. The facilitators have been told about this message.",
      ),
    ).toBeTruthy();
    expect(socket.payloads("chat:report")).toEqual([{ messageId: message.id, reason: "" }]);
  });

  it("lets me edit my own recent message", async () => {
    const mine = chatMessage({
      roomKey: ROOM,
      author: { userId: JORDAN.id, displayName: "Jordan L." },
      body: "typo hre",
      createdAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const socket = chatServer([mine]);
    socket.answer("chat:edit", (payload: { body: string }) => ({
      ok: true,
      message: { ...mine, body: payload.body, editedAt: new Date().toISOString() },
    }));
    const { user } = openRoom("PARTICIPANT");
    const messages = await screen.findByRole("log");
    await within(messages).findByText("typo hre");

    await user.click(
      within(messages).getByRole("button", { name: /^Options for the message from You/ }),
    );
    expect(within(messages).queryByRole("button", { name: "Report message" })).toBeNull();
    await user.click(within(messages).getByRole("button", { name: "Edit message" }));
    const box = within(messages).getByRole("textbox", { name: "Edit your message" });
    await user.clear(box);
    await user.type(box, "typo here");
    await user.click(within(messages).getByRole("button", { name: "Save changes" }));

    expect(await within(messages).findByText("typo here")).toBeTruthy();
    expect(within(messages).getByText(/edited/)).toBeTruthy();
    expect(socket.payloads("chat:edit")).toEqual([{ messageId: mine.id, body: "typo here" }]);
  });

  it("offers no edit on my message once 15 minutes have passed", async () => {
    chatServer([
      chatMessage({
        roomKey: ROOM,
        author: { userId: JORDAN.id, displayName: "Jordan L." },
        body: "old news",
        createdAt: new Date(Date.now() - 16 * 60_000).toISOString(),
      }),
    ]);
    openRoom("PARTICIPANT");
    const messages = await screen.findByRole("log");
    await within(messages).findByText("old news");
    expect(within(messages).queryByRole("button", { name: /^Options/ })).toBeNull();
  });

  it("shows the 988 crisis support with call and text links when the server sends it, and keeps the conversation", async () => {
    const socket = chatServer();
    openRoom("PARTICIPANT");
    await screen.findByText("No messages yet. Say hello.");

    act(() =>
      socket.serverEmit("crisis:support", {
        crisisLine: "988",
        safetyPlanPath: "/participant/safety",
      }),
    );

    const panel = screen.getByRole("region", { name: "You don't have to go through this alone" });
    expect(panel.textContent).toContain(
      "If you are thinking about harming yourself, you don't have to wait: call or text 988 now.",
    );
    expect(within(panel).getByRole("link", { name: "Call 988" }).getAttribute("href")).toBe(
      "tel:988",
    );
    expect(within(panel).getByRole("link", { name: "Text 988" }).getAttribute("href")).toBe(
      "sms:988",
    );
    expect(
      within(panel).getByRole("link", { name: "Open your safety plan" }).getAttribute("href"),
    ).toBe("/participant/safety");
    expect(document.activeElement).toBe(panel);
    expect(screen.getByRole("textbox", { name: "Message" })).toBeTruthy();
  });

  it("says it is reconnecting while the connection is down, and nothing once it is back", async () => {
    const socket = chatServer();
    openRoom();
    await screen.findByText("No messages yet. Say hello.");

    act(() => socket.drop());
    expect(screen.getByText("Reconnecting… messages will arrive when you're back.")).toBeTruthy();
    act(() => socket.reconnect({ recovered: true }));
    expect(screen.queryByText(/Reconnecting/)).toBeNull();
  });

  it("signs the person out when the server refuses the socket because the session ended", async () => {
    const socket = chatServer();
    socket.connected = false;
    const { location } = openRoom();
    await screen.findByText("Connecting…");

    act(() => socket.refuse("session_expired"));

    await waitFor(() => expect(location()).toBe("/sign-in"));
    expect(screen.getByRole("status").textContent).toBe(
      "Your session ended. Sign in again to continue.",
    );
  });

  it("never reuses the shared socket of one signed-in person for the next", async () => {
    chatServer();
    stubApi({});
    const first = renderApp("/chat", { auth: signedInAs("PARTICIPANT") });
    await screen.findByRole("link", { name: /Evening track chat/ });
    first.unmount();
    const closedBefore = socketsClosed();

    renderApp("/chat", { auth: signedInAs("FACILITATOR") });
    await screen.findByRole("link", { name: /Evening track chat/ });
    expect(socketsClosed()).toBe(closedBefore + 1);
  });

  it("keeps family members out of chat (the forums give them their family board only)", async () => {
    installFakeSocket();
    stubApi({});
    const { location } = renderApp("/chat", { auth: signedInAs("FAMILY") });
    await waitFor(() => expect(location()).toBe("/family"));
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).queryByRole("link", { name: "Chat" })).toBeNull();
    expect(within(nav).getByRole("link", { name: "Forums" }).getAttribute("href")).toBe("/forums");
  });
});

describe("chat in Spanish", () => {
  afterEach(() => applyLocale("en"));

  it("speaks Spanish to a participant who chose it: the list, the room and the compose box", async () => {
    chatServer([chatMessage({ roomKey: ROOM, author: SAM, body: "Hola a todos" })]);
    stubApi({});
    const auth = {
      status: "signed-in",
      auth: authStateFor("PARTICIPANT", { locale: "es" }),
    } as const;
    renderApp("/chat", { auth });

    const cohort = await screen.findByRole("link", { name: /Chat de Evening track/ });
    expect(cohort.textContent).toContain("3 sin leer");
    expect(cohort.textContent).toContain("Chat del grupo · Último mensaje");
    expect(
      screen.getByRole("link", { name: /Conversación privada con Dana Whitfield/ }).textContent,
    ).toContain("Aún no hay mensajes");

    cohort.click();
    expect(await screen.findByRole("log", { name: "Mensajes" })).toBeTruthy();
    expect(await screen.findByText("Hola a todos")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Todas las salas de chat" })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Mensaje" })).toBeTruthy();
    expect(screen.getByText("Enter envía. Mayús+Enter empieza una línea nueva.")).toBeTruthy();
    expect(screen.getByText("0 de 4000 caracteres")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Enviar" })).toBeTruthy();
    expect(screen.getByRole("button", { name: /^Opciones del mensaje de Sam P\./ })).toBeTruthy();
  });
});
