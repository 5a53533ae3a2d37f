import type { ChatMessageDto } from "@bridgeway/domain";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { ChatRoom } from "./chat-room";
import { socketChatTransport } from "./chat-transport";
import { chatMessage, FakeSocket, NO_ANSWER, refusal } from "./fake-socket";

const ROOM = "cohort:00000000-0000-4000-8000-0000000000c1";
const ME = { userId: "00000000-0000-4000-8000-000000000003", staff: false };

function openRoom(socket: FakeSocket, ids: string[] = []) {
  const queue = [...ids];
  const room = new ChatRoom(
    socketChatTransport(() => socket.asSocket()),
    ROOM,
    ME,
    {
      newId: () => queue.shift() ?? crypto.randomUUID(),
    },
  );
  onTestFinished(room.start());
  return room;
}

const stored = (payload: { clientId: string; body: string }): ChatMessageDto =>
  chatMessage({
    clientId: payload.clientId,
    body: payload.body,
    author: { userId: ME.userId, displayName: "Jordan L." },
  });

describe("an open chat room", () => {
  it("opens with the newest page, oldest first", async () => {
    const socket = new FakeSocket();
    const [a, b] = [chatMessage(), chatMessage()];
    socket.answer("chat:subscribe", { ok: true, messages: [b, a] });
    const room = openRoom(socket);

    await vi.waitFor(() => expect(room.getState().load.status).toBe("ready"));
    expect(room.getState().timeline.messages.map((m) => m.id)).toEqual([a.id, b.id]);
    expect(room.getState().older.status).toBe("all");
    expect(socket.payloads("chat:subscribe")).toEqual([{ roomKey: ROOM }]);
  });

  it("shows a message at once as sending, then as sent when the server acknowledges it", async () => {
    const socket = new FakeSocket();
    let release: () => void = () => undefined;
    socket.answer("chat:subscribe", { ok: true, messages: [] });
    socket.answer(
      "chat:send",
      (payload: { clientId: string; body: string }) =>
        new Promise((resolve) => {
          release = () => resolve({ ok: true, message: stored(payload) });
        }),
    );
    const room = openRoom(socket, ["40000000-0000-4000-8000-000000000001"]);
    await vi.waitFor(() => expect(room.getState().load.status).toBe("ready"));

    expect(room.send("  see you tonight  ")).toBe(true);
    expect(room.getState().timeline.outbox).toMatchObject([
      {
        clientId: "40000000-0000-4000-8000-000000000001",
        body: "see you tonight",
        status: "sending",
      },
    ]);
    release();
    await vi.waitFor(() => expect(room.getState().timeline.outbox).toEqual([]));
    expect(room.getState().timeline.messages.map((m) => m.body)).toEqual(["see you tonight"]);
  });

  it("keeps a send that got no answer waiting, saying Bridgeway is having trouble, and sends it again with the same client id", async () => {
    const socket = new FakeSocket();
    socket.answer("chat:subscribe", { ok: true, messages: [] });
    socket.answer("chat:send", NO_ANSWER);
    const room = openRoom(socket, ["40000000-0000-4000-8000-000000000002"]);
    await vi.waitFor(() => expect(room.getState().load.status).toBe("ready"));

    room.send("anyone around?");
    await vi.waitFor(() =>
      expect(room.getState().timeline.outbox[0]).toMatchObject({
        status: "waiting",
        reason: "Bridgeway is having trouble, your message will be sent when it recovers.",
      }),
    );

    socket.answer("chat:send", (payload: { clientId: string; body: string }) => ({
      ok: true,
      message: stored(payload),
    }));
    room.retry("40000000-0000-4000-8000-000000000002");
    expect(room.getState().timeline.outbox[0]?.status).toBe("sending");
    await vi.waitFor(() => expect(room.getState().timeline.outbox).toEqual([]));

    const sends = socket.payloads<{ clientId: string; body: string }>("chat:send");
    expect(sends.map((s) => s.clientId)).toEqual([
      "40000000-0000-4000-8000-000000000002",
      "40000000-0000-4000-8000-000000000002",
    ]);
    expect(room.getState().timeline.messages).toHaveLength(1);
  });

  it("holds a message written while an earlier one waits, and sends both in the order written", async () => {
    const socket = new FakeSocket();
    socket.answer("chat:subscribe", { ok: true, messages: [] });
    socket.answer("chat:send", refusal("unavailable", "Bridgeway is having trouble right now."));
    const [first, second] = [
      "40000000-0000-4000-8000-000000000011",
      "40000000-0000-4000-8000-000000000012",
    ];
    const room = openRoom(socket, [first, second]);
    await vi.waitFor(() => expect(room.getState().load.status).toBe("ready"));

    room.send("first");
    await vi.waitFor(() => expect(room.getState().timeline.outbox[0]?.status).toBe("waiting"));
    socket.answer("chat:send", (payload: { clientId: string; body: string }) => ({
      ok: true,
      message: stored(payload),
    }));
    // The database is back for this one, but it must not be stored ahead of the first.
    room.send("second");
    expect(room.getState().timeline.outbox.map((e) => e.status)).toEqual(["waiting", "waiting"]);
    expect(socket.payloads("chat:send")).toHaveLength(1);

    room.retry(first);
    await vi.waitFor(() => expect(room.getState().timeline.outbox).toEqual([]));
    expect(socket.payloads<{ clientId: string }>("chat:send").map((s) => s.clientId)).toEqual([
      first,
      first,
      second,
    ]);
    expect(room.getState().timeline.messages.map((m) => m.body)).toEqual(["first", "second"]);
  });

  it("keeps a refused message as not sent with the server's reason", async () => {
    const socket = new FakeSocket();
    socket.answer("chat:subscribe", { ok: true, messages: [] });
    socket.answer(
      "chat:send",
      refusal("not_found", "There is no such chat room, or you are not in it."),
    );
    const room = openRoom(socket);
    await vi.waitFor(() => expect(room.getState().load.status).toBe("ready"));
    room.send("hello?");
    await vi.waitFor(() =>
      expect(room.getState().timeline.outbox[0]).toMatchObject({
        status: "failed",
        error: "There is no such chat room, or you are not in it.",
      }),
    );
  });

  it("shows a rate limit refusal on the message, kept for a retry, without sending it again by itself", async () => {
    const socket = new FakeSocket();
    socket.answer("chat:subscribe", { ok: true, messages: [] });
    socket.answer(
      "chat:send",
      refusal("rate_limited", "You are sending messages too fast. Wait a moment and try again."),
    );
    const room = openRoom(socket);
    await vi.waitFor(() => expect(room.getState().load.status).toBe("ready"));
    room.send("one more");
    await vi.waitFor(() =>
      expect(room.getState().timeline.outbox[0]).toMatchObject({
        status: "failed",
        error: "You are sending messages too fast. Wait a moment and try again.",
      }),
    );
    expect(socket.payloads("chat:send")).toHaveLength(1);
  });

  it("adds live messages of this room only, and each once", async () => {
    const socket = new FakeSocket();
    socket.answer("chat:subscribe", { ok: true, messages: [] });
    const room = openRoom(socket);
    await vi.waitFor(() => expect(room.getState().load.status).toBe("ready"));
    const live = chatMessage();
    socket.serverEmit("chat:message", live);
    socket.serverEmit("chat:message", live);
    socket.serverEmit(
      "chat:message",
      chatMessage({ roomKey: "staff:00000000-0000-4000-8000-0000000000b1" }),
    );
    expect(room.getState().timeline.messages.map((m) => m.id)).toEqual([live.id]);
  });

  it("catches up after a reconnect that was not recovered: joins again and fetches what came after the newest message, without duplicates", async () => {
    const socket = new FakeSocket();
    const [a, b, c, d] = [chatMessage(), chatMessage(), chatMessage(), chatMessage()];
    socket.answer("chat:subscribe", { ok: true, messages: [b, a] });
    const room = openRoom(socket);
    await vi.waitFor(() => expect(room.getState().timeline.messages).toHaveLength(2));

    socket.drop();
    socket.answer("chat:subscribe", { ok: true, messages: [d, c, b] });
    socket.answer("chat:since", { ok: true, messages: [c, d] });
    socket.reconnect({ recovered: false });

    await vi.waitFor(() =>
      expect(socket.payloads("chat:since")).toEqual([{ roomKey: ROOM, after: b.id }]),
    );
    await vi.waitFor(() =>
      expect(room.getState().timeline.messages.map((m) => m.id)).toEqual([a.id, b.id, c.id, d.id]),
    );
  });

  it("reconciles even after a reconnect the server recovered, from the newest message seen before the drop", async () => {
    const socket = new FakeSocket();
    const [a, missed, replayed] = [chatMessage(), chatMessage(), chatMessage()];
    socket.answer("chat:subscribe", { ok: true, messages: [a] });
    const room = openRoom(socket);
    await vi.waitFor(() => expect(room.getState().load.status).toBe("ready"));
    socket.drop();
    socket.answer("chat:since", { ok: true, messages: [missed, replayed], hasMore: false });
    socket.reconnect({ recovered: true });
    // Recovery replays one event but lost the one before it.
    socket.serverEmit("chat:message", replayed);

    await vi.waitFor(() =>
      expect(room.getState().timeline.messages.map((m) => m.id)).toEqual([
        a.id,
        missed.id,
        replayed.id,
      ]),
    );
    expect(socket.payloads("chat:since")).toEqual([{ roomKey: ROOM, after: a.id }]);
  });

  it("catches up from before an interruption between server processes, though never disconnected", async () => {
    const socket = new FakeSocket();
    const before = chatMessage({ createdAt: "2026-11-22T10:00:00.000Z" });
    const during = chatMessage({ createdAt: "2026-11-22T10:00:08.000Z" });
    const missed = chatMessage({ createdAt: "2026-11-22T10:00:09.000Z" });
    socket.answer("chat:subscribe", { ok: true, messages: [before] });
    const room = openRoom(socket);
    await vi.waitFor(() => expect(room.getState().load.status).toBe("ready"));
    // Delivered on this process while Redis was down; `missed` was sent through another one.
    socket.serverEmit("chat:message", during);
    socket.answer("chat:since", { ok: true, messages: [missed, during], hasMore: false });
    socket.serverEmit("realtime:resync", { since: "2026-11-22T10:00:07.000Z" });

    await vi.waitFor(() =>
      expect(room.getState().timeline.messages.map((m) => m.id)).toEqual([
        before.id,
        during.id,
        missed.id,
      ]),
    );
    // From before the interruption (less the margin), not from the newest message seen.
    expect(socket.payloads("chat:since")).toEqual([{ roomKey: ROOM, after: before.id }]);
  });

  it("catches up a page at a time until the server says it reached the present, leaving no hole", async () => {
    const socket = new FakeSocket();
    const seen = chatMessage();
    socket.answer("chat:subscribe", { ok: true, messages: [seen] });
    const room = openRoom(socket);
    await vi.waitFor(() => expect(room.getState().load.status).toBe("ready"));

    const missed = Array.from({ length: 1201 }, () => chatMessage());
    const pages = [missed.slice(0, 500), missed.slice(500, 1000), missed.slice(1000)];
    socket.drop();
    // Joining again answers only the newest page: without paging, 1,000 would be missing.
    socket.answer("chat:subscribe", { ok: true, messages: missed.slice(-50).reverse() });
    socket.answer("chat:since", (payload: { after: string }) => {
      const index = [seen, ...missed].findIndex((m) => m.id === payload.after);
      const page = pages.find((p) => p[0]?.id === missed[index]?.id) ?? [];
      return { ok: true, messages: page, hasMore: page !== pages[2] && page.length > 0 };
    });
    socket.reconnect({ recovered: false });

    await vi.waitFor(() => expect(socket.payloads("chat:since")).toHaveLength(3));
    await vi.waitFor(() =>
      expect(room.getState().timeline.messages.map((m) => m.id)).toEqual(
        [seen, ...missed].map((m) => m.id),
      ),
    );
    expect(socket.payloads<{ after: string }>("chat:since").map((p) => p.after)).toEqual([
      seen.id,
      missed[499]?.id,
      missed[999]?.id,
    ]);
  });

  it("fetches every page after a drop from a room that was empty, not only the newest", async () => {
    const socket = new FakeSocket();
    socket.answer("chat:subscribe", { ok: true, messages: [] });
    const room = openRoom(socket);
    await vi.waitFor(() => expect(room.getState().load.status).toBe("ready"));

    const came = Array.from({ length: 120 }, () => chatMessage());
    socket.drop();
    socket.answer("chat:subscribe", { ok: true, messages: came.slice(-50).reverse() });
    socket.answer("chat:history", (payload: { before: string }) => {
      const end = came.findIndex((m) => m.id === payload.before);
      const page = came.slice(Math.max(0, end - 50), end).reverse();
      return { ok: true, messages: page, nextBefore: end - 50 > 0 ? page.at(-1)?.id : null };
    });
    socket.reconnect({ recovered: false });

    await vi.waitFor(() =>
      expect(room.getState().timeline.messages.map((m) => m.id)).toEqual(came.map((m) => m.id)),
    );
    expect(room.getState().older.status).toBe("all");
  });

  it("loads earlier messages before the oldest one shown, until there are none", async () => {
    const socket = new FakeSocket();
    const page = Array.from({ length: 50 }, () => chatMessage()).reverse();
    const older = chatMessage({ createdAt: "2026-11-22T10:00:00.000Z" });
    socket.answer("chat:subscribe", { ok: true, messages: page });
    socket.answer("chat:history", { ok: true, messages: [older], nextBefore: null });
    const room = openRoom(socket);
    await vi.waitFor(() => expect(room.getState().load.status).toBe("ready"));
    expect(room.getState().older.status).toBe("more");

    await room.loadOlder();
    expect(socket.payloads("chat:history")).toEqual([{ roomKey: ROOM, before: page.at(-1)?.id }]);
    expect(room.getState().timeline.messages[0]?.id).toBe(older.id);
    expect(room.getState().older.status).toBe("all");
  });

  it("marks the room read up to its newest message, once per newest message", async () => {
    const socket = new FakeSocket();
    const newest = chatMessage();
    socket.answer("chat:subscribe", { ok: true, messages: [newest] });
    socket.answer("chat:read", { ok: true });
    const onRead = vi.fn();
    const room = new ChatRoom(
      socketChatTransport(() => socket.asSocket()),
      ROOM,
      ME,
      { onRead },
    );
    onTestFinished(room.start());
    await vi.waitFor(() => expect(room.getState().load.status).toBe("ready"));

    room.markRead();
    room.markRead();
    await vi.waitFor(() => expect(onRead).toHaveBeenCalledWith(ROOM));
    expect(socket.payloads("chat:read")).toEqual([{ roomKey: ROOM, messageId: newest.id }]);
  });

  it("shows who else is typing and stops when their message arrives", async () => {
    const socket = new FakeSocket();
    socket.answer("chat:subscribe", { ok: true, messages: [] });
    const room = openRoom(socket);
    await vi.waitFor(() => expect(room.getState().load.status).toBe("ready"));
    const sam = { userId: "00000000-0000-4000-8000-0000000000f5", displayName: "Sam P." };
    socket.serverEmit("chat:typing", { roomKey: ROOM, ...sam, typing: true });
    expect(room.getState().typing).toEqual(["Sam P."]);
    socket.serverEmit("chat:message", chatMessage({ author: sam }));
    expect(room.getState().typing).toEqual([]);
  });

  it("leaves the room's channel when closed", async () => {
    const socket = new FakeSocket();
    socket.answer("chat:subscribe", { ok: true, messages: [] });
    socket.answer("chat:unsubscribe", { ok: true });
    const room = new ChatRoom(
      socketChatTransport(() => socket.asSocket()),
      ROOM,
      ME,
    );
    const stop = room.start();
    await vi.waitFor(() => expect(room.getState().load.status).toBe("ready"));
    stop();
    expect(socket.payloads("chat:unsubscribe")).toEqual([{ roomKey: ROOM }]);
    socket.serverEmit("chat:message", chatMessage());
    expect(room.getState().timeline.messages).toEqual([]);
  });
});
