import type { ChatMessageDto } from "@bridgeway/domain";
import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { ChatRoom, OFFLINE_REASON } from "./chat-room";
import { socketChatTransport } from "./chat-transport";
import { chatMessage, FakeSocket, NO_ANSWER, refusal } from "./fake-socket";
import { clearChatOutboxes, localOutboxStore, type OutboxStore } from "./outbox-store";

const ROOM = "cohort:00000000-0000-4000-8000-0000000000c1";
const ME = { userId: "00000000-0000-4000-8000-000000000003", staff: false };
const OTHER = "00000000-0000-4000-8000-000000000004";
const ID_1 = "40000000-0000-4000-8000-0000000000a1";
const ID_2 = "40000000-0000-4000-8000-0000000000a2";

function openRoom(socket: FakeSocket, ids: string[], outbox?: OutboxStore) {
  const queue = [...ids];
  const room = new ChatRoom(
    socketChatTransport(() => socket.asSocket()),
    ROOM,
    ME,
    {
      newId: () => queue.shift() ?? crypto.randomUUID(),
      ...(outbox ? { outbox } : {}),
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

/** A server that stores each client id once and answers the stored message. */
function storingServer(socket: FakeSocket): Map<string, ChatMessageDto> {
  const byClientId = new Map<string, ChatMessageDto>();
  socket.answer("chat:send", (payload: { clientId: string; body: string }) => {
    const message = byClientId.get(payload.clientId) ?? stored(payload);
    byClientId.set(payload.clientId, message);
    return { ok: true, message };
  });
  socket.answer("chat:since", { ok: true, messages: [], hasMore: false });
  return byClientId;
}

afterEach(() => {
  localStorage.clear();
});

describe("unsent chat messages", () => {
  it("keeps a message written while offline waiting, and sends it once, with its client id, when the connection returns", async () => {
    const socket = new FakeSocket();
    socket.answer("chat:subscribe", { ok: true, messages: [] });
    const server = storingServer(socket);
    const room = openRoom(socket, [ID_1]);
    await vi.waitFor(() => expect(room.getState().load.status).toBe("ready"));

    socket.drop();
    room.send("typed during the drop");
    expect(room.getState().timeline.outbox[0]).toMatchObject({
      status: "waiting",
      reason: OFFLINE_REASON,
    });
    expect(socket.payloads("chat:send")).toEqual([]);

    socket.reconnect({ recovered: false });
    await vi.waitFor(() => expect(room.getState().timeline.outbox).toEqual([]));
    expect(socket.payloads<{ clientId: string }>("chat:send").map((p) => p.clientId)).toEqual([
      ID_1,
    ]);
    expect(server.size).toBe(1);
    expect(room.getState().timeline.messages.map((m) => m.body)).toEqual(["typed during the drop"]);
  });

  it("sends again, in the order written, what was in flight when the connection dropped, and shows each once", async () => {
    const socket = new FakeSocket();
    socket.answer("chat:subscribe", { ok: true, messages: [] });
    const room = openRoom(socket, [ID_1, ID_2]);
    await vi.waitFor(() => expect(room.getState().load.status).toBe("ready"));
    // Hold the first answers back: the server died with both in flight.
    let answerFirst: () => void = () => undefined;
    socket.answer(
      "chat:send",
      () =>
        new Promise((resolve) => {
          answerFirst = () => resolve(NO_ANSWER);
        }),
    );
    room.send("first");
    room.send("second");
    socket.drop();

    const server = storingServer(socket);
    socket.reconnect({ recovered: false });
    await vi.waitFor(() => expect(room.getState().timeline.outbox).toEqual([]));
    // The late timeout of the first attempts changes nothing.
    answerFirst();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(room.getState().timeline.outbox).toEqual([]);
    const sends = socket.payloads<{ clientId: string; body: string }>("chat:send");
    expect(sends.slice(2).map((p) => [p.clientId, p.body])).toEqual([
      [ID_1, "first"],
      [ID_2, "second"],
    ]);
    expect(server.size).toBe(2);
    expect(room.getState().timeline.messages.map((m) => m.body)).toEqual(["first", "second"]);
  });

  it("does not send again by itself a message the server refused for a reason of its own", async () => {
    const socket = new FakeSocket();
    socket.answer("chat:subscribe", { ok: true, messages: [] });
    socket.answer("chat:since", { ok: true, messages: [], hasMore: false });
    socket.answer("chat:send", refusal("forbidden", "You cannot write here."));
    const room = openRoom(socket, [ID_1]);
    await vi.waitFor(() => expect(room.getState().load.status).toBe("ready"));
    room.send("refused");
    await vi.waitFor(() =>
      expect(room.getState().timeline.outbox[0]).toMatchObject({ status: "failed" }),
    );
    socket.drop();
    socket.reconnect({ recovered: false });
    await vi.waitFor(() => expect(socket.payloads("chat:subscribe")).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(socket.payloads("chat:send")).toHaveLength(1);
  });

  it("keeps unsent messages across a reload on this device and sends them when the room opens again", async () => {
    const first = new FakeSocket();
    first.answer("chat:subscribe", { ok: true, messages: [] });
    const before = openRoom(first, [ID_1], localOutboxStore(ME.userId, ROOM));
    await vi.waitFor(() => expect(before.getState().load.status).toBe("ready"));
    first.drop();
    before.send("written before the reload");
    expect(localOutboxStore(ME.userId, ROOM).load()).toMatchObject([
      { clientId: ID_1, body: "written before the reload" },
    ]);

    // The page reloads: a new socket and a new room, with nothing but localStorage in common.
    const second = new FakeSocket();
    second.answer("chat:subscribe", { ok: true, messages: [] });
    const server = storingServer(second);
    const after = openRoom(second, [], localOutboxStore(ME.userId, ROOM));
    await vi.waitFor(() => expect(server.size).toBe(1));
    await vi.waitFor(() => expect(after.getState().timeline.outbox).toEqual([]));
    expect(second.payloads<{ clientId: string }>("chat:send").map((p) => p.clientId)).toEqual([
      ID_1,
    ]);
    expect(after.getState().timeline.messages.map((m) => m.body)).toEqual([
      "written before the reload",
    ]);
    expect(localOutboxStore(ME.userId, ROOM).load()).toEqual([]);
  });

  it("keeps each person's unsent messages apart, and forgets them all on sign-out", () => {
    const entry = { clientId: ID_1, body: "mine", writtenAt: "2026-11-23T15:00:00.000Z" };
    localOutboxStore(ME.userId, ROOM).save([entry]);
    expect(localOutboxStore(OTHER, ROOM).load()).toEqual([]);
    expect(localOutboxStore(ME.userId, ROOM).load()).toEqual([entry]);
    localStorage.setItem("unrelated", "kept");

    clearChatOutboxes();
    expect(localOutboxStore(ME.userId, ROOM).load()).toEqual([]);
    expect(localStorage.getItem("unrelated")).toBe("kept");
  });

  it("ignores a kept outbox that is not what this app wrote", () => {
    localStorage.setItem(`bw:chat-outbox:${ME.userId}:${ROOM}`, '{"not":"a list"}');
    expect(localOutboxStore(ME.userId, ROOM).load()).toEqual([]);
  });
});
