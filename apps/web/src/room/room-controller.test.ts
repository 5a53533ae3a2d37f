import type { JoinReply, LiveErrorCode, MediaCredential } from "@bridgeway/domain";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { MediaSessionDeps } from "./media-session";
import { RoomController } from "./room-controller";
import {
  DANA,
  DIRECT_CREDENTIAL,
  FakeDevices,
  FakeMediaSession,
  FakeTransport,
  JORDAN,
  person,
  SAM,
  SESSION_ID,
  snapshot,
} from "./testing/fakes";

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(options: { as?: "participant" | "facilitator" } = {}) {
  const transport = new FakeTransport();
  const devices = new FakeDevices();
  const sessions: FakeMediaSession[] = [];
  const mediaDeps: MediaSessionDeps[] = [];
  const keepAlive = vi.fn();
  const selfId = options.as === "facilitator" ? DANA : JORDAN;
  const controller = new RoomController({
    sessionId: SESSION_ID,
    transport,
    local: devices,
    createMedia: (_mode, deps) => {
      mediaDeps.push(deps);
      const session = new FakeMediaSession();
      sessions.push(session);
      return Promise.resolve(session);
    },
    keepAlive,
    now: () => Date.parse("2026-11-23T22:56:00Z"),
    newId: () => "c11e0000-0000-4000-8000-000000000001",
  });
  controller.start();
  const room = (overrides: Parameters<typeof snapshot>[0] = {}) =>
    snapshot({
      me: {
        userId: selfId,
        role: options.as === "facilitator" ? "facilitator" : "participant",
        status: "in-room",
        breakoutId: null,
      },
      ...overrides,
    });
  return { transport, devices, sessions, mediaDeps, controller, keepAlive, room };
}

function waitingReply(
  room = snapshot({
    people: [],
    me: { userId: JORDAN, role: "participant", status: "waiting", breakoutId: null },
  }),
) {
  return (): { ok: true } & JoinReply => ({ ok: true, state: "waiting", room });
}

function admittedReply(room = snapshot(), credential: MediaCredential = DIRECT_CREDENTIAL) {
  return (): { ok: true } & JoinReply => ({ ok: true, state: "admitted", room, credential });
}

afterEach(() => {
  vi.useRealTimers();
});

describe("joining", () => {
  it("asks to join with the name typed, and waits when the server puts the person in the waiting room", async () => {
    const { transport, controller, sessions } = setup();
    transport.answer("room:join", waitingReply());
    await controller.join("  Jordan  ");
    expect(transport.requestsOf("room:join")).toEqual([
      { sessionId: SESSION_ID, displayName: "Jordan" },
    ]);
    expect(controller.getState().phase).toEqual({
      kind: "waiting",
      since: Date.parse("2026-11-23T22:56:00Z"),
    });
    // No media before admission: the credential only comes with it.
    expect(sessions).toHaveLength(0);
  });

  it("connects media with the credential it is sent when let in, and connects to everyone else present", async () => {
    const { transport, controller, sessions, mediaDeps } = setup();
    transport.answer("room:join", waitingReply());
    await controller.join("Jordan");
    transport.serverSends("room:admitted", {
      sessionId: SESSION_ID,
      credential: DIRECT_CREDENTIAL,
    });
    transport.serverSends("room:state", snapshot());
    await flush();

    expect(controller.getState().phase.kind).toBe("in-room");
    expect(sessions).toHaveLength(1);
    const media = sessions[0];
    expect(media?.credential).toEqual(DIRECT_CREDENTIAL);
    expect(media?.peers.at(-1)).toEqual([DANA]);
    expect(mediaDeps[0]?.selfId).toBe(JORDAN);
    expect(transport.emittedOf("media:state").at(-1)).toEqual({
      sessionId: SESSION_ID,
      microphone: true,
      camera: true,
      screen: false,
      audioOnly: false,
    });
  });

  it("goes straight in when the server admits at once (a facilitator)", async () => {
    const { transport, controller, sessions, room } = setup({ as: "facilitator" });
    transport.answer("room:join", admittedReply(room()));
    await controller.join("Dana");
    await flush();
    expect(controller.getState().phase.kind).toBe("in-room");
    expect(sessions[0]?.peers.at(-1)).toEqual([JORDAN]);
  });

  it.each<[LiveErrorCode, string]>([
    ["not_found", "We couldn't find this session"],
    ["not_open_yet", "The room isn't open yet"],
    ["locked", "The room is locked"],
    ["room_full", "The room is full"],
  ])("shows a refusal (%s) with its message and a next step", async (code, title) => {
    const { transport, controller } = setup();
    transport.answer("room:join", () => ({
      ok: false,
      error: { code, message: "Server says why." },
    }));
    await controller.join("Jordan");
    const phase = controller.getState().phase;
    expect(phase.kind).toBe("refused");
    if (phase.kind !== "refused") return;
    expect(phase.refusal.title).toBe(title);
    expect(phase.refusal.message).toContain("Server says why.");
    expect(phase.refusal.next).toContain("my-week");
  });

  it("treats a refusal for someone removed as final", async () => {
    const { transport, controller } = setup();
    transport.answer("room:join", () => ({
      ok: false,
      error: {
        code: "removed",
        message: "You were removed from this session and cannot rejoin it.",
      },
    }));
    await controller.join("Jordan");
    expect(controller.getState().phase).toEqual({ kind: "removed", reason: "facilitator" });
  });

  it("shows the facilitator's message when declined", async () => {
    const { transport, controller, devices } = setup();
    transport.answer("room:join", waitingReply());
    await controller.join("Jordan");
    transport.serverSends("room:declined", {
      sessionId: SESSION_ID,
      message: "Please call the clinic before joining today.",
    });
    expect(controller.getState().phase).toEqual({
      kind: "declined",
      message: "Please call the clinic before joining today.",
    });
    expect(devices.stopped).toBe(true);
  });

  it("ignores events for another session", async () => {
    const { transport, controller } = setup();
    transport.answer("room:join", waitingReply());
    await controller.join("Jordan");
    transport.serverSends("room:declined", {
      sessionId: "0ther000-0000-4000-8000-000000000000",
      message: "Not for you",
    });
    expect(controller.getState().phase.kind).toBe("waiting");
  });
});

describe("in the room", () => {
  async function inRoom(as: "participant" | "facilitator" = "participant") {
    const parts = setup({ as });
    parts.transport.answer("room:join", admittedReply(parts.room()));
    await parts.controller.join(as === "facilitator" ? "Dana" : "Jordan");
    await flush();
    return parts;
  }

  it("turns the microphone off when a facilitator does, says who did, and reports it", async () => {
    const { transport, controller, devices } = await inRoom();
    transport.serverSends("room:turned-off", {
      sessionId: SESSION_ID,
      kind: "microphone",
      by: "Dana",
    });
    await flush();
    expect(devices.microphoneOn).toBe(false);
    expect(controller.getState().notices.map((n) => n.text)).toEqual([
      "Dana turned off your microphone. You can turn it back on when you are ready.",
    ]);
    expect(transport.emittedOf("media:state").at(-1)).toMatchObject({ microphone: false });
  });

  it("turns the camera off when a facilitator does, and the media stops sending it", async () => {
    const { transport, devices, sessions } = await inRoom();
    transport.serverSends("room:turned-off", { sessionId: SESSION_ID, kind: "camera", by: "Dana" });
    await flush();
    expect(devices.camera).toBeNull();
    expect(sessions[0]?.tracks).toContainEqual({ source: "camera", track: null });
    expect(transport.emittedOf("media:state").at(-1)).toMatchObject({ camera: false });
  });

  it("asks before unmuting and never unmutes by itself", async () => {
    const { transport, controller, devices } = await inRoom();
    await controller.setMicrophone(false);
    transport.serverSends("room:unmute-requested", { sessionId: SESSION_ID, by: "Dana" });
    expect(controller.getState().unmuteRequest).toEqual({ by: "Dana" });
    expect(devices.microphoneOn).toBe(false);

    await controller.answerUnmuteRequest(false);
    expect(controller.getState().unmuteRequest).toBeNull();
    expect(devices.microphoneOn).toBe(false);

    transport.serverSends("room:unmute-requested", { sessionId: SESSION_ID, by: "Dana" });
    await controller.answerUnmuteRequest(true);
    expect(devices.microphoneOn).toBe(true);
    expect(transport.emittedOf("media:state").at(-1)).toMatchObject({ microphone: true });
  });

  it("says so when a device does not start, instead of silently staying off", async () => {
    const { controller, devices } = await inRoom();
    devices.microphone = null;
    await controller.setMicrophone(true);
    expect(controller.getState().notices.at(-1)).toMatchObject({
      tone: "error",
      text: expect.stringContaining("Your microphone didn't start") as unknown,
    });
  });

  it("raises and lowers the hand", async () => {
    const { transport, controller } = await inRoom();
    await controller.raiseHand(true);
    await controller.raiseHand(false);
    expect(transport.requestsOf("hand:raise")).toEqual([
      { sessionId: SESSION_ID, raised: true },
      { sessionId: SESSION_ID, raised: false },
    ]);
  });

  it("lets go of a person's connection when they leave the room", async () => {
    const { transport, sessions, room } = await inRoom("facilitator");
    transport.serverSends(
      "room:state",
      room({
        people: [
          person({ userId: DANA, displayName: "Dana", role: "facilitator" }),
          person({ userId: JORDAN, displayName: "Jordan", status: "reconnecting" }),
          person({ userId: SAM, displayName: "Sam", status: "left" }),
        ],
      }),
    );
    // Reconnecting people keep their connection (it may heal); people who left do not.
    expect(sessions[0]?.peers.at(-1)).toEqual([JORDAN]);
  });

  it("stops sharing a screen when the facilitator takes the permission away", async () => {
    const { transport, controller, devices, room } = await inRoom();
    transport.serverSends(
      "room:state",
      room({
        people: [
          person({ userId: DANA, displayName: "Dana", role: "facilitator" }),
          person({ userId: JORDAN, displayName: "Jordan", screenShareAllowed: true }),
        ],
      }),
    );
    await controller.toggleScreenShare();
    expect(devices.screen).not.toBeNull();
    transport.serverSends("room:screen-share", { sessionId: SESSION_ID, allowed: false });
    expect(devices.screen).toBeNull();
    expect(transport.emittedOf("media:state").at(-1)).toMatchObject({ screen: false });
  });

  it("refuses to start a screen share the facilitator has not allowed", async () => {
    const { controller, devices } = await inRoom();
    await controller.toggleScreenShare();
    expect(devices.screen).toBeNull();
    expect(controller.getState().notices.at(-1)?.text).toBe(
      "Ask the facilitator to let you share your screen.",
    );
  });

  it("leaves media and the room when removed, and when the session ends", async () => {
    const removed = await inRoom();
    removed.transport.serverSends("room:removed", { sessionId: SESSION_ID, reason: "facilitator" });
    expect(removed.controller.getState().phase).toEqual({ kind: "removed", reason: "facilitator" });
    expect(removed.sessions[0]?.disconnected).toBe(true);
    expect(removed.devices.stopped).toBe(true);

    const ended = await inRoom();
    ended.transport.serverSends("room:ended", { sessionId: SESSION_ID });
    expect(ended.controller.getState().phase).toEqual({ kind: "ended" });
    expect(ended.sessions[0]?.disconnected).toBe(true);
  });

  it("leaves on request: tells the server, stops the media and releases the devices", async () => {
    const { transport, controller, sessions, devices } = await inRoom();
    controller.leave();
    expect(transport.requestsOf("room:leave")).toEqual([{ sessionId: SESSION_ID }]);
    expect(sessions[0]?.disconnected).toBe(true);
    expect(devices.stopped).toBe(true);
    expect(controller.getState().phase).toEqual({ kind: "left" });
  });

  it("leaves when the page goes away, and stops listening", async () => {
    const { transport, controller } = await inRoom();
    controller.dispose();
    expect(transport.requestsOf("room:leave")).toEqual([{ sessionId: SESSION_ID }]);
    expect(transport.listenerCount()).toBe(0);
  });

  it("relays direct-mode signals for this session to the media, and sends its own over the socket", async () => {
    const { transport, mediaDeps } = await inRoom();
    const received: unknown[] = [];
    mediaDeps[0]?.signaller.listen((from, signal) => received.push({ from, signal }));
    const signal = { description: { type: "offer" as const, sdp: "v=0" } };
    transport.serverSends("media:signal", { sessionId: SESSION_ID, from: DANA, signal });
    expect(received).toEqual([{ from: DANA, signal }]);
    mediaDeps[0]?.signaller.send(DANA, signal);
    expect(transport.emittedOf("media:signal")).toEqual([
      { sessionId: SESSION_ID, to: DANA, signal },
    ]);
  });

  it("keeps a signal that arrives before the media session listens, and hands it over", async () => {
    const { transport, controller, mediaDeps } = setup();
    transport.answer("room:join", waitingReply());
    await controller.join("Jordan");
    const offer = { description: { type: "offer" as const, sdp: "v=0" } };
    transport.serverSends("room:admitted", {
      sessionId: SESSION_ID,
      credential: DIRECT_CREDENTIAL,
    });
    // Dana's offer overtakes the start of Jordan's media session.
    transport.serverSends("media:signal", { sessionId: SESSION_ID, from: DANA, signal: offer });
    await flush();
    const received: unknown[] = [];
    mediaDeps[0]?.signaller.listen((from, signal) => received.push({ from, signal }));
    expect(received).toEqual([{ from: DANA, signal: offer }]);
  });

  it("starts media afresh when moved to a breakout room, connecting only to the people in it", async () => {
    const { transport, controller, sessions, room } = await inRoom();
    const breakoutId = "b0000000-0000-4000-8000-000000000001";
    transport.serverSends(
      "room:state",
      room({
        me: { userId: JORDAN, role: "participant", status: "in-room", breakoutId },
        breakouts: {
          endsAt: null,
          whenTimeIsUp: "keep-open",
          rooms: [{ id: breakoutId, name: "Lee family", members: [JORDAN, SAM] }],
        },
        people: [
          person({ userId: DANA, displayName: "Dana", role: "facilitator" }),
          person({ userId: JORDAN, displayName: "Jordan", breakoutId }),
          person({ userId: SAM, displayName: "Pat", role: "family", breakoutId }),
        ],
      }),
    );
    transport.serverSends("room:moved", {
      sessionId: SESSION_ID,
      breakoutId,
      credential: DIRECT_CREDENTIAL,
    });
    await flush();
    expect(sessions[0]?.disconnected).toBe(true);
    expect(sessions).toHaveLength(2);
    expect(sessions[1]?.peers.at(-1)).toEqual([SAM]);
    expect(controller.getState().notices.at(-1)?.text).toBe("You are now in Lee family's room.");
  });

  it("keeps the sign-in alive while someone sits in a long session", async () => {
    vi.useFakeTimers();
    const { keepAlive } = await (async () => {
      const parts = setup();
      parts.transport.answer("room:join", admittedReply(parts.room()));
      await parts.controller.join("Jordan");
      return parts;
    })();
    vi.advanceTimersByTime(9 * 60_000);
    expect(keepAlive).toHaveBeenCalledTimes(2);
  });
});

describe("reconnecting", () => {
  async function inRoom() {
    const parts = setup();
    parts.transport.answer("room:join", admittedReply(parts.room()));
    await parts.controller.join("Jordan R.");
    await flush();
    return parts;
  }

  it("says it is reconnecting when the socket drops", async () => {
    const { transport, controller } = await inRoom();
    transport.drop();
    expect(controller.getState().socket).toBe("reconnecting");
  });

  it("after a recovered connection, does not join again but nudges the media", async () => {
    const { transport, controller, sessions } = await inRoom();
    transport.drop();
    transport.reconnect(true);
    await flush();
    expect(transport.requestsOf("room:join")).toHaveLength(1);
    expect(sessions[0]?.resumed).toBe(1);
    expect(controller.getState().socket).toBe("connected");
  });

  it("after a connection the server did not recover, joins again with the same name and keeps the media", async () => {
    const { transport, sessions } = await inRoom();
    transport.drop();
    transport.reconnect(false);
    await flush();
    expect(transport.requestsOf("room:join")).toEqual([
      { sessionId: SESSION_ID, displayName: "Jordan R." },
      { sessionId: SESSION_ID, displayName: "Jordan R." },
    ]);
    // The same media session carries on, with the fresh credential, and is told to heal.
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.renewed).toEqual([DIRECT_CREDENTIAL]);
    expect(sessions[0]?.resumed).toBe(1);
  });

  it("holds signals while the server does not know the socket, and sends them once it has rejoined", async () => {
    const { transport, mediaDeps } = await inRoom();
    transport.drop();
    const signal = { candidate: { candidate: "candidate:1 1 udp 1 127.0.0.1 5000 typ host" } };
    mediaDeps[0]?.signaller.send(DANA, signal);
    expect(transport.emittedOf("media:signal")).toEqual([]);
    transport.reconnect(false);
    await flush();
    expect(transport.emittedOf("media:signal")).toEqual([
      { sessionId: SESSION_ID, to: DANA, signal },
    ]);
    // The rejoin came first: the server relays only for people it has in the room.
    const joinIndex = transport.requests.findLastIndex((r) => r.event === "room:join");
    expect(joinIndex).toBeGreaterThan(0);
  });

  it("stays in the waiting room, keeping the wait time, when rejoining while still waiting", async () => {
    const { transport, controller } = setup();
    transport.answer("room:join", waitingReply());
    await controller.join("Jordan");
    const since = controller.getState().phase;
    transport.drop();
    transport.reconnect(false);
    await flush();
    expect(controller.getState().phase).toEqual(since);
  });

  it("shows the end when the session ended while the connection was down", async () => {
    const { transport, controller } = await inRoom();
    transport.drop();
    transport.answer("room:join", () => ({
      ok: false,
      error: { code: "ended", message: "This session has ended." },
    }));
    transport.reconnect(false);
    await flush();
    expect(controller.getState().phase).toEqual({ kind: "ended" });
  });

  it("does nothing on a connection before joining", async () => {
    const { transport } = setup();
    transport.reconnect(false);
    await flush();
    expect(transport.requestsOf("room:join")).toEqual([]);
  });
});

describe("facilitator controls", () => {
  async function facilitator() {
    const parts = setup({ as: "facilitator" });
    parts.transport.answer("room:join", admittedReply(parts.room()));
    await parts.controller.join("Dana");
    await flush();
    return parts;
  }

  it("send the right events with the session and the person", async () => {
    const { transport, controller } = await facilitator();
    await controller.admit(JORDAN);
    await controller.admitAll();
    await controller.decline(SAM, "  Please call the clinic first.  ");
    await controller.remove(JORDAN);
    await controller.setLocked(true);
    await controller.turnOff("everyone", "microphone");
    await controller.turnOff(JORDAN, "camera");
    await controller.askToUnmute(JORDAN);
    await controller.allowScreenShare(JORDAN, true);
    await controller.endForEveryone();
    expect(
      transport.requests.filter((r) => r.event.startsWith("room:") && r.event !== "room:join"),
    ).toEqual([
      { event: "room:admit", payload: { sessionId: SESSION_ID, userId: JORDAN } },
      { event: "room:admit-all", payload: { sessionId: SESSION_ID } },
      {
        event: "room:decline",
        payload: { sessionId: SESSION_ID, userId: SAM, message: "Please call the clinic first." },
      },
      { event: "room:remove", payload: { sessionId: SESSION_ID, userId: JORDAN } },
      { event: "room:lock", payload: { sessionId: SESSION_ID, locked: true } },
      {
        event: "room:turn-off",
        payload: { sessionId: SESSION_ID, target: "everyone", kind: "microphone" },
      },
      {
        event: "room:turn-off",
        payload: { sessionId: SESSION_ID, target: JORDAN, kind: "camera" },
      },
      { event: "room:ask-unmute", payload: { sessionId: SESSION_ID, userId: JORDAN } },
      {
        event: "room:allow-screen-share",
        payload: { sessionId: SESSION_ID, userId: JORDAN, allowed: true },
      },
      { event: "room:end", payload: { sessionId: SESSION_ID } },
    ]);
  });

  it("subscribes to the session's chat once let in", async () => {
    const { transport } = await facilitator();
    expect(transport.requestsOf("chat:subscribe")).toEqual([{ roomKey: `session:${SESSION_ID}` }]);
  });

  it("shows the server's answer when a control is refused", async () => {
    const { transport, controller } = await facilitator();
    transport.answer("room:admit", () => ({
      ok: false,
      error: { code: "room_full", message: "This session already has 6 people." },
    }));
    expect(await controller.admit(JORDAN)).toBe(false);
    expect(controller.getState().notices.at(-1)).toMatchObject({
      tone: "error",
      text: "This session already has 6 people.",
    });
    expect(controller.getState().busy.size).toBe(0);
  });
});

describe("breakout rooms", () => {
  const ROOM_A = "b0000000-0000-4000-8000-00000000000a";
  const PAT = "9a700000-0000-4000-8000-000000000005";
  const ROOM_A_CREDENTIAL: MediaCredential = {
    mode: "direct",
    iceServers: [{ urls: "stun:stun.example.org" }],
    expiresAt: "2026-11-23T23:20:00.000Z",
  };

  function rooms(breakoutId: string | null, as: "participant" | "facilitator") {
    return snapshot({
      kind: "MULTI_FAMILY",
      me: {
        userId: as === "facilitator" ? DANA : JORDAN,
        role: as,
        status: "in-room",
        breakoutId,
      },
      breakouts: {
        endsAt: "2026-11-23T23:06:00.000Z",
        whenTimeIsUp: "keep-open",
        rooms: [{ id: ROOM_A, name: "Jordan's family", members: [JORDAN, PAT] }],
      },
      people: [
        person({
          userId: DANA,
          displayName: "Dana",
          role: "facilitator",
          breakoutId: as === "facilitator" ? breakoutId : null,
        }),
        person({ userId: JORDAN, displayName: "Jordan", breakoutId: ROOM_A }),
        person({ userId: PAT, displayName: "Pat", role: "family", breakoutId: ROOM_A }),
        person({ userId: SAM, displayName: "Sam" }),
      ],
    });
  }

  async function inRoom(as: "participant" | "facilitator") {
    const parts = setup({ as });
    parts.transport.answer(
      "room:join",
      admittedReply(
        parts.room({
          kind: "MULTI_FAMILY",
          people: [
            person({ userId: DANA, displayName: "Dana", role: "facilitator" }),
            person({ userId: JORDAN, displayName: "Jordan" }),
            person({ userId: PAT, displayName: "Pat", role: "family" }),
            person({ userId: SAM, displayName: "Sam" }),
          ],
        }),
      ),
    );
    await parts.controller.join(as === "facilitator" ? "Dana" : "Jordan");
    await flush();
    return parts;
  }

  it("names the room once its state arrives, when the move comes first (as the server sends them)", async () => {
    const { transport, controller, sessions } = await inRoom("participant");
    transport.serverSends("room:moved", {
      sessionId: SESSION_ID,
      breakoutId: ROOM_A,
      credential: ROOM_A_CREDENTIAL,
    });
    await flush();
    expect(controller.getState().notices).toEqual([]);
    expect(sessions).toHaveLength(2);
    expect(sessions[1]?.credential).toEqual(ROOM_A_CREDENTIAL);
    transport.serverSends("room:state", rooms(ROOM_A, "participant"));
    expect(controller.getState().notices.map((n) => n.text)).toEqual([
      "You are now in Jordan's family's room.",
    ]);
    // Video goes only to the people in the same room.
    expect(sessions[1]?.peers.at(-1)).toEqual([PAT]);
    // Said once, not again with every update.
    transport.serverSends("room:state", rooms(ROOM_A, "participant"));
    expect(controller.getState().notices).toHaveLength(1);
  });

  it("brings everyone back to the main room with a notice when breakouts close", async () => {
    const { transport, controller, sessions } = await inRoom("participant");
    transport.serverSends("room:moved", {
      sessionId: SESSION_ID,
      breakoutId: ROOM_A,
      credential: ROOM_A_CREDENTIAL,
    });
    transport.serverSends("room:state", rooms(ROOM_A, "participant"));
    await flush();
    transport.serverSends("room:moved", {
      sessionId: SESSION_ID,
      breakoutId: null,
      credential: DIRECT_CREDENTIAL,
    });
    transport.serverSends("room:state", snapshot({ kind: "MULTI_FAMILY", breakouts: null }));
    await flush();
    // Where I was is no longer true: only where I am now is said.
    expect(controller.getState().notices.map((n) => n.text)).toEqual([
      "The breakout rooms are closed. You are back in the main room.",
    ]);
    expect(sessions.at(-2)?.disconnected).toBe(true);
    expect(sessions.at(-1)?.peers.at(-1)).toEqual([DANA]);
  });

  it("opens rooms by family with a timer, and hands a refusal back to the form", async () => {
    const { transport, controller } = await inRoom("facilitator");
    transport.answer("room:breakouts-open", () => ({ ok: true, rooms: 2 }));
    expect(
      await controller.openBreakouts({ rooms: "by-family", minutes: 5, whenTimeIsUp: "close" }),
    ).toBeNull();
    expect(transport.requestsOf("room:breakouts-open")).toEqual([
      { sessionId: SESSION_ID, rooms: "by-family", minutes: 5, whenTimeIsUp: "close" },
    ]);
    expect(controller.getState().notices.at(-1)?.text).toBe(
      "Breakout rooms are open: 2 rooms, 5 minutes.",
    );

    transport.answer("room:breakouts-open", () => ({
      ok: false,
      error: {
        code: "invalid_input",
        message: "Check.",
        fields: { "rooms.0.name": "Name each room." },
      },
    }));
    const refused = await controller.openBreakouts({
      rooms: [{ name: "", members: [JORDAN] }],
      minutes: 5,
      whenTimeIsUp: "keep-open",
    });
    expect(refused?.fields).toEqual({ "rooms.0.name": "Name each room." });
    // The form shows it; no notice repeats it.
    expect(controller.getState().notices).toHaveLength(1);
    expect(controller.getState().busy.size).toBe(0);
  });

  it("visits a room with the credential the server answers, and comes back", async () => {
    const { transport, controller, sessions } = await inRoom("facilitator");
    transport.serverSends("room:state", rooms(null, "facilitator"));
    transport.answer("room:visit", () => ({ ok: true, credential: ROOM_A_CREDENTIAL }));
    // The server updates the room before it answers.
    transport.serverSends("room:state", rooms(ROOM_A, "facilitator"));
    expect(await controller.visit(ROOM_A)).toBe(true);
    expect(transport.requestsOf("room:visit")).toEqual([
      { sessionId: SESSION_ID, breakoutId: ROOM_A },
    ]);
    expect(sessions[0]?.disconnected).toBe(true);
    expect(sessions[1]?.credential).toEqual(ROOM_A_CREDENTIAL);
    expect(sessions[1]?.peers.at(-1)).toEqual([JORDAN, PAT]);
    expect(controller.getState().notices.at(-1)?.text).toBe(
      "You are visiting Jordan's family's room.",
    );

    transport.answer("room:visit", () => ({ ok: true, credential: DIRECT_CREDENTIAL }));
    transport.serverSends("room:state", rooms(null, "facilitator"));
    expect(await controller.visit(null)).toBe(true);
    expect(sessions).toHaveLength(3);
    expect(sessions[2]?.peers.at(-1)).toEqual([SAM]);
    expect(controller.getState().notices.at(-1)?.text).toBe("You are back in the main room.");
  });

  it("messages every room, closes them, and lowers a hand, through the server", async () => {
    const { transport, controller } = await inRoom("facilitator");
    expect(await controller.messageAllRooms("  Two minutes left  ")).toBeNull();
    expect(await controller.closeBreakouts()).toBe(true);
    expect(await controller.lowerHand(JORDAN)).toBe(true);
    expect(
      transport.requests
        .filter((r) => r.event !== "room:join" && r.event !== "chat:subscribe")
        .map((r) => [r.event, r.payload]),
    ).toEqual([
      ["room:breakouts-message", { sessionId: SESSION_ID, message: "Two minutes left" }],
      ["room:breakouts-close", { sessionId: SESSION_ID }],
      ["hand:lower", { sessionId: SESSION_ID, userId: JORDAN }],
    ]);
    transport.serverSends("room:broadcast", {
      sessionId: SESSION_ID,
      from: "Dana",
      message: "Two minutes left",
    });
    expect(controller.getState().notices.at(-1)?.text).toBe("Dana to every room: Two minutes left");
  });
});

describe("at the door, removal and being let back in", () => {
  it("asks whether the person may come in before the pre-join screen, and refuses a removed person there", async () => {
    const open = setup();
    expect(open.controller.getState().phase.kind).toBe("checking");
    expect(await open.controller.check()).toBe(true);
    expect(open.transport.requestsOf("room:check")).toEqual([{ sessionId: SESSION_ID }]);
    expect(open.controller.getState().phase.kind).toBe("prejoin");

    const removed = setup();
    removed.transport.answer("room:check", () => ({
      ok: false,
      error: { code: "removed", message: "You were removed from this session." },
    }));
    expect(await removed.controller.check()).toBe(false);
    expect(removed.controller.getState().phase).toEqual({ kind: "removed", reason: "facilitator" });

    const outsider = setup();
    outsider.transport.answer("room:check", () => ({
      ok: false,
      error: { code: "not_found", message: "We couldn't find that session." },
    }));
    expect(await outsider.controller.check()).toBe(false);
    expect(outsider.controller.getState().phase.kind).toBe("refused");
  });

  it("still shows the pre-join screen when the check gets no answer: joining asks again", async () => {
    const { transport, controller } = setup();
    transport.answer("room:check", () => ({
      ok: false,
      error: { code: "unavailable", message: "No answer." },
    }));
    expect(await controller.check()).toBe(true);
    expect(controller.getState().phase.kind).toBe("prejoin");
  });

  it("keeps why someone was taken out: a facilitator's removal, or consent withdrawn", async () => {
    const { transport, controller, devices } = setup();
    transport.answer("room:join", admittedReply());
    await controller.join("Pat");
    await flush();
    transport.serverSends("room:removed", { sessionId: SESSION_ID, reason: "consent" });
    expect(controller.getState().phase).toEqual({ kind: "removed", reason: "consent" });
    expect(devices.stopped).toBe(true);
  });

  it("goes back to the waiting room under the same name once let back in, without a reload", async () => {
    const { transport, controller } = setup();
    transport.answer("room:join", admittedReply());
    await controller.join("Jordan");
    await flush();
    transport.serverSends("room:removed", { sessionId: SESSION_ID, reason: "facilitator" });
    // Another session's readmission is not this one's.
    transport.serverSends("room:readmitted", { sessionId: "00000000-0000-4000-8000-0000000000ff" });
    expect(controller.getState().phase.kind).toBe("removed");
    transport.serverSends("room:readmitted", { sessionId: SESSION_ID });
    expect(controller.getState().phase).toEqual({ kind: "readmitted" });
    expect(controller.canRejoinAsBefore()).toBe(true);

    transport.answer("room:join", waitingReply());
    await controller.returnToWaitingRoom();
    expect(transport.requestsOf("room:join").at(-1)).toEqual({
      sessionId: SESSION_ID,
      displayName: "Jordan",
    });
    expect(controller.getState().phase.kind).toBe("waiting");
  });

  it("warns everyone a minute before the breakout rooms close by themselves", async () => {
    const { transport, controller } = setup();
    transport.answer("room:join", admittedReply());
    await controller.join("Jordan");
    await flush();
    transport.serverSends("room:breakouts-ending", {
      sessionId: SESSION_ID,
      endsAt: "2026-11-23T22:57:00.000Z",
    });
    expect(controller.getState().notices.map((n) => n.text)).toContain(
      "The breakout rooms close in 1 minute. Everyone will come back to the main room.",
    );
  });
});
