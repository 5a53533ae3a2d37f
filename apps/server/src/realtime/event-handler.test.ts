import { DomainError } from "@bridgeway/domain";
import { describe, expect, it } from "vitest";
import { createLogger } from "../logger";
import { createEventRoutes } from "./event-handler";
import type { RealtimeSocket } from "./realtime";

const SESSION = "00000000-0000-4000-8000-0000000000a1";

/** Just enough of a socket to handle events for: the test plays the client. */
function fakeSocket() {
  const emitted: { event: string; payload: unknown }[] = [];
  const socket = {
    emit(event: string, payload: unknown) {
      emitted.push({ event, payload });
    },
  };
  // The routes only call `emit`; the rest of socket.io's Socket is not needed.
  return { socket: socket as unknown as RealtimeSocket, emitted };
}

/** Routes and one socket; `send` is the client sending an event and awaiting its acknowledgement. */
function setUp() {
  const routes = createEventRoutes(logger);
  const { socket, emitted } = fakeSocket();
  const send = (event: string, payload: unknown) =>
    new Promise<unknown>((resolve) => {
      if (!routes.dispatch(socket, [event, payload, resolve])) {
        throw new Error(`nothing handles ${event}`);
      }
    });
  return { handle: routes.on, routes, socket, send, emitted };
}

const logger = createLogger("silent");

describe("createEventRoutes", () => {
  it("refuses a payload its event's schema does not accept, without running the handler", async () => {
    const { handle, send, emitted } = setUp();
    let ran = false;
    handle("room:lock", () => {
      ran = true;
      return Promise.resolve({});
    });

    const reply = await send("room:lock", { sessionId: SESSION });

    expect(ran).toBe(false);
    expect(reply).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(reply).toHaveProperty("error.fields.locked");
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ event: "room:error", payload: { event: "room:lock" } });
  });

  it("hands the handler the payload as the schema parsed it and answers its reply", async () => {
    const { handle, send } = setUp();
    handle("room:breakouts-message", (_socket, p) => Promise.resolve({ echoed: p.message }));

    const reply = await send("room:breakouts-message", {
      sessionId: SESSION,
      message: "  Five minutes left  ",
    });

    expect(reply).toEqual({ ok: true, echoed: "Five minutes left" });
  });

  it("answers an expected refusal in the client's words", async () => {
    const { handle, send } = setUp();
    handle("room:admit-all", () =>
      Promise.reject(new DomainError("ended", "This session has ended.")),
    );

    const reply = await send("room:admit-all", { sessionId: SESSION });

    expect(reply).toEqual({
      ok: false,
      error: { code: "ended", message: "This session has ended." },
    });
  });

  it("answers an unexpected error, or a refusal meant for HTTP only, with a generic failure", async () => {
    const { handle, send } = setUp();
    handle("room:admit-all", () => Promise.reject(new Error("patient Jane Doe")));
    handle("room:end", () => Promise.reject(new DomainError("csrf_failed", "Reload the page.")));

    for (const event of ["room:admit-all", "room:end"]) {
      expect(await send(event, { sessionId: SESSION })).toEqual({
        ok: false,
        error: { code: "invalid_input", message: "That did not work. Try again." },
      });
    }
  });

  it("serves every socket from one registration and passes on events it has no handler for", async () => {
    const { handle, routes } = setUp();
    handle("room:breakouts-message", (socket, p) =>
      Promise.resolve({ from: (socket as unknown as { id: string }).id, said: p.message }),
    );
    const replies: unknown[] = [];
    for (const id of ["a", "b"]) {
      const socket = { id, emit: () => undefined } as unknown as RealtimeSocket;
      await new Promise<void>((resolve) => {
        const handled = routes.dispatch(socket, [
          "room:breakouts-message",
          { sessionId: SESSION, message: `hi ${id}` },
          (reply: unknown) => {
            replies.push(reply);
            resolve();
          },
        ]);
        expect(handled).toBe(true);
      });
    }

    expect(replies).toEqual([
      { ok: true, from: "a", said: "hi a" },
      { ok: true, from: "b", said: "hi b" },
    ]);
    expect(routes.dispatch(fakeSocket().socket, ["presence:ping", () => undefined])).toBe(false);
    expect(routes.dispatch(fakeSocket().socket, [42, {}])).toBe(false);
  });

  it("does not compile a handler whose payload or reply breaks the contract", () => {
    const { handle } = setUp();

    const nothing = () => Promise.resolve({});
    // @ts-expect-error room:admit-all answers how many were admitted, not rooms
    handle("room:admit-all", () => Promise.resolve({ rooms: 2 }));
    // @ts-expect-error room:join answers a JoinReply
    handle("room:join", nothing);
    // @ts-expect-error room:leave's payload names a session, not a chat room
    handle("room:leave", (_socket, _payload: { roomKey: string }) => Promise.resolve({}));
    // @ts-expect-error no client event has this name
    handle("room:explode", nothing);
    // @ts-expect-error the ping is answered by the server itself, not through the registrar
    handle("presence:ping", nothing);
  });
});
