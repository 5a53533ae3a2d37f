import { DomainError } from "@bridgeway/domain";
import { describe, expect, it } from "vitest";
import { createLogger } from "../logger";
import { eventRegistrar } from "./event-handler";
import type { RealtimeSocket } from "./realtime";

const SESSION = "00000000-0000-4000-8000-0000000000a1";

/** Just enough of a socket to register on: the test plays the client. */
function fakeSocket() {
  const listeners = new Map<string, (raw: unknown, reply?: unknown) => void>();
  const emitted: { event: string; payload: unknown }[] = [];
  const socket = {
    on(event: string, listener: (raw: unknown, reply?: unknown) => void) {
      listeners.set(event, listener);
    },
    emit(event: string, payload: unknown) {
      emitted.push({ event, payload });
    },
  };
  /** The client sends `event` and waits for the acknowledgement. */
  const send = (event: string, payload: unknown) =>
    new Promise<unknown>((resolve) => {
      const listener = listeners.get(event);
      if (!listener) throw new Error(`nothing listens to ${event}`);
      listener(payload, resolve);
    });
  // The registrar only calls `on` and `emit`; the rest of socket.io's Socket is not needed.
  return { socket: socket as unknown as RealtimeSocket, send, emitted };
}

const logger = createLogger("silent");

describe("eventRegistrar", () => {
  it("refuses a payload its event's schema does not accept, without running the handler", async () => {
    const { socket, send, emitted } = fakeSocket();
    const handle = eventRegistrar(socket, logger);
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
    const { socket, send } = fakeSocket();
    const handle = eventRegistrar(socket, logger);
    handle("room:breakouts-message", (p) => Promise.resolve({ echoed: p.message }));

    const reply = await send("room:breakouts-message", {
      sessionId: SESSION,
      message: "  Five minutes left  ",
    });

    expect(reply).toEqual({ ok: true, echoed: "Five minutes left" });
  });

  it("answers an expected refusal in the client's words", async () => {
    const { socket, send } = fakeSocket();
    const handle = eventRegistrar(socket, logger);
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
    const { socket, send } = fakeSocket();
    const handle = eventRegistrar(socket, logger);
    handle("room:admit-all", () => Promise.reject(new Error("patient Jane Doe")));
    handle("room:end", () => Promise.reject(new DomainError("csrf_failed", "Reload the page.")));

    for (const event of ["room:admit-all", "room:end"]) {
      expect(await send(event, { sessionId: SESSION })).toEqual({
        ok: false,
        error: { code: "invalid_input", message: "That did not work. Try again." },
      });
    }
  });

  it("does not compile a handler whose payload or reply breaks the contract", () => {
    const { socket } = fakeSocket();
    const handle = eventRegistrar(socket, logger);

    const nothing = () => Promise.resolve({});
    // @ts-expect-error room:admit-all answers how many were admitted, not rooms
    handle("room:admit-all", () => Promise.resolve({ rooms: 2 }));
    // @ts-expect-error room:join answers a JoinReply
    handle("room:join", nothing);
    // @ts-expect-error room:leave's payload names a session, not a chat room
    handle("room:leave", (_: { roomKey: string }) => Promise.resolve({}));
    // @ts-expect-error no client event has this name
    handle("room:explode", nothing);
    // @ts-expect-error the ping is answered by the server itself, not through the registrar
    handle("presence:ping", nothing);
  });
});
