import type { ChatMessageDto } from "@bridgeway/domain";
import { describe, expect, it } from "vitest";
import { SessionChat } from "./session-chat";
import { DANA, FakeTransport, JORDAN, SESSION_ID } from "./testing/fakes";

const ROOM = `session:${SESSION_ID}`;

function dto(
  overrides: Partial<ChatMessageDto> & Pick<ChatMessageDto, "id" | "clientId">,
): ChatMessageDto {
  return {
    roomKey: ROOM,
    author: { userId: DANA, displayName: "Dana" },
    body: "Welcome, everyone.",
    createdAt: "2026-11-23T23:01:00.000Z",
    editedAt: null,
    deleted: false,
    hidden: null,
    ...overrides,
  };
}

function setup() {
  const transport = new FakeTransport();
  let n = 0;
  const chat = new SessionChat(
    transport,
    SESSION_ID,
    { userId: () => JORDAN, displayName: () => "Jordan" },
    () => `c11e0000-0000-4000-8000-00000000000${++n}`,
  );
  return { transport, chat };
}

describe("the session chat", () => {
  it("subscribes to the session's room and shows the newest page oldest first", async () => {
    const { transport, chat } = setup();
    transport.answer("chat:subscribe", () => ({
      ok: true,
      messages: [
        dto({ id: "m2", clientId: "k2", body: "Second", createdAt: "2026-11-23T23:02:00.000Z" }),
        dto({ id: "m1", clientId: "k1", body: "First", createdAt: "2026-11-23T23:01:00.000Z" }),
      ],
    }));
    await chat.start();
    expect(transport.requestsOf("chat:subscribe")).toEqual([{ roomKey: ROOM }]);
    expect(chat.getState().entries.map((e) => e.body)).toEqual(["First", "Second"]);
    expect(chat.getState().status).toBe("ready");
  });

  it("shows a message as pending, then sent, with a client id the server can deduplicate", async () => {
    const { transport, chat } = setup();
    let answer: ((value: unknown) => void) | undefined;
    transport.answer(
      "chat:send",
      (payload) =>
        new Promise((resolve) => {
          answer = () =>
            resolve({
              ok: true,
              message: dto({
                id: "m9",
                clientId: (payload as { clientId: string }).clientId,
                author: { userId: JORDAN, displayName: "Jordan" },
                body: "Hi all",
              }),
            });
        }),
    );
    await chat.start();
    expect(chat.send("  Hi all ")).toBeNull();
    expect(chat.getState().entries).toMatchObject([
      { body: "Hi all", status: "pending", mine: true },
    ]);
    expect(transport.requestsOf("chat:send")).toEqual([
      { roomKey: ROOM, clientId: "c11e0000-0000-4000-8000-000000000001", body: "Hi all" },
    ]);
    answer?.(undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(chat.getState().entries).toMatchObject([{ id: "m9", status: "sent" }]);
  });

  it("marks a message that could not be sent as failed, and retries it with the same client id", async () => {
    const { transport, chat } = setup();
    transport.answer("chat:send", () => ({
      ok: false,
      error: { code: "invalid_input", message: "No answer from Bridgeway. Check your connection." },
    }));
    await chat.start();
    chat.send("Are we starting soon?");
    await new Promise((resolve) => setTimeout(resolve, 0));
    const [failed] = chat.getState().entries;
    expect(failed).toMatchObject({
      status: "failed",
      error: "No answer from Bridgeway. Check your connection.",
    });

    transport.answer("chat:send", (payload) => ({
      ok: true,
      message: dto({
        id: "m3",
        clientId: (payload as { clientId: string }).clientId,
        author: { userId: JORDAN, displayName: "Jordan" },
      }),
    }));
    chat.retry(failed?.key ?? "");
    await new Promise((resolve) => setTimeout(resolve, 0));
    const sends = transport.requestsOf("chat:send") as { clientId: string }[];
    expect(sends).toHaveLength(2);
    expect(sends[1]?.clientId).toBe(sends[0]?.clientId);
    expect(chat.getState().entries).toHaveLength(1);
    expect(chat.getState().entries[0]?.status).toBe("sent");
  });

  it("does not send an empty message or one over the limit", async () => {
    const { transport, chat } = setup();
    await chat.start();
    expect(chat.send("   ")).toBe("Write a message first.");
    expect(chat.send("x".repeat(4001))).toMatch(/under 4000/);
    expect(transport.requestsOf("chat:send")).toEqual([]);
  });

  it("adds live messages once, counts others' as unread while the panel is closed, and applies edits", async () => {
    const { transport, chat } = setup();
    await chat.start();
    const message = dto({ id: "m5", clientId: "k5", body: "Let's begin" });
    transport.serverSends("chat:message", message);
    transport.serverSends("chat:message", message);
    expect(chat.getState().entries).toHaveLength(1);
    expect(chat.getState().unread).toBe(1);
    chat.setReading(true);
    expect(chat.getState().unread).toBe(0);
    transport.serverSends("chat:updated", { ...message, body: "", deleted: true });
    expect(chat.getState().entries[0]).toMatchObject({ deleted: true, body: "" });
    // Another room's messages are not ours.
    transport.serverSends("chat:message", dto({ id: "x", clientId: "x", roomKey: "cohort:abc" }));
    expect(chat.getState().entries).toHaveLength(1);
  });

  it("says the chat is unavailable when the server does not answer", async () => {
    const { transport, chat } = setup();
    transport.answer("chat:subscribe", () => ({
      ok: false,
      error: { code: "invalid_input", message: "No answer from Bridgeway. Check your connection." },
    }));
    await chat.start();
    expect(chat.getState().status).toBe("unavailable");
    expect(chat.getState().error).toContain("No answer from Bridgeway");
  });
});
