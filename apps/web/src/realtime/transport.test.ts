import type { ChatMessageDto, JoinReply } from "@bridgeway/domain";
import { describe, expect, expectTypeOf, it } from "vitest";
import { chatMessage, FakeSocket, NO_ANSWER } from "../chat/fake-socket";
import { socketRealtimeTransport } from "./transport";

const SESSION = "00000000-0000-4000-8000-0000000000a1";
const ROOM = "cohort:00000000-0000-4000-8000-0000000000c1";

function setUp() {
  const socket = new FakeSocket();
  const transport = socketRealtimeTransport(() => socket.asSocket());
  return { socket, transport };
}

describe("socketRealtimeTransport", () => {
  it("sends a request's payload and resolves with the server's answer", async () => {
    const { socket, transport } = setUp();
    const message = chatMessage();
    socket.answer("chat:send", { ok: true, message });

    const reply = await transport.request("chat:send", {
      roomKey: ROOM,
      clientId: message.clientId,
      body: "hello",
    });

    expect(reply).toEqual({ ok: true, message });
    expect(socket.payloads("chat:send")).toEqual([
      { roomKey: ROOM, clientId: message.clientId, body: "hello" },
    ]);
  });

  it("answers unavailable, not the request's fault, when no answer comes", async () => {
    const { socket, transport } = setUp();
    socket.answer("room:check", NO_ANSWER);

    const reply = await transport.request("room:check", { sessionId: SESSION }, 50);

    expect(reply).toMatchObject({ ok: false, error: { code: "unavailable" } });
  });

  it("pings: true when the server answers in time, false when not or when disconnected", async () => {
    const { socket, transport } = setUp();
    socket.answer("presence:ping", { ok: true });
    expect(await transport.ping(50)).toBe(true);
    expect(socket.sent.map((s) => s.event)).toEqual(["presence:ping"]);

    socket.answer("presence:ping", NO_ANSWER);
    expect(await transport.ping(50)).toBe(false);

    socket.disconnect();
    expect(await transport.ping(50)).toBe(false);
    expect(socket.sent).toHaveLength(2);
  });

  it("sends a fire-and-forget event without asking for an answer", () => {
    const { socket, transport } = setUp();

    transport.emit("chat:typing", { roomKey: ROOM, typing: true });

    expect(socket.sent).toEqual([
      { event: "chat:typing", payload: { roomKey: ROOM, typing: true } },
    ]);
  });

  it("hears server events until the listener is removed", () => {
    const { socket, transport } = setUp();
    const heard: string[] = [];
    const stop = transport.on("chat:message", (message) => heard.push(message.id));
    const first = chatMessage();

    socket.serverEmit("chat:message", first);
    stop();
    socket.serverEmit("chat:message", chatMessage());

    expect(heard).toEqual([first.id]);
  });

  it("types requests and events from the realtime contract", async () => {
    const { socket, transport } = setUp();
    socket.answer("room:join", { ok: false, error: { code: "ended", message: "Ended." } });

    const reply = await transport.request("room:join", { sessionId: SESSION, displayName: "Sam" });
    if (reply.ok) {
      expectTypeOf(reply).toExtend<JoinReply>();
      // @ts-expect-error room:join answers a JoinReply, which has no messages
      expectTypeOf(reply.messages).toEqualTypeOf<ChatMessageDto[]>();
    }
    expect(reply.ok).toBe(false);

    const wrong = () => {
      // @ts-expect-error room:join's payload names a session, not a chat room
      void transport.request("room:join", { roomKey: ROOM, displayName: "Sam" });
      // @ts-expect-error chat:send needs the client's id for the message
      void transport.request("chat:send", { roomKey: ROOM, body: "hello" });
      // @ts-expect-error chat:typing is not answered: it is emitted, not requested
      void transport.request("chat:typing", { roomKey: ROOM, typing: true });
      // @ts-expect-error room:join waits for an answer: it is requested, not emitted
      transport.emit("room:join", { sessionId: SESSION, displayName: "Sam" });
      // @ts-expect-error chat:message carries a message, not a room snapshot's fields
      transport.on("chat:message", (message: { sessionId: string }) => message);
    };
    expect(wrong).toBeTypeOf("function");
  });
});
