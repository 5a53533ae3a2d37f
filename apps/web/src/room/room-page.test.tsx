import type { JoinReply } from "@bridgeway/domain";
import { act, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { json, stubApi } from "../test/fake-api";
import { authStateFor } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { sessionId, sessionSummary } from "../test/schedule-fixtures";
import { DIRECT_CREDENTIAL, FakeTransport, person, snapshot } from "./testing/fakes";

const transports = vi.hoisted((): { current: unknown } => ({ current: null }));

// The socket is the boundary: the room talks to a fake server.
vi.mock("./room-transport", () => ({ socketTransport: () => transports.current }));

const SESSION = sessionId(1);
const JORDAN_ID = "00000000-0000-4000-8000-000000000003";
const DANA_ID = "00000000-0000-4000-8000-000000000002";
const path = `/sessions/${SESSION}/room`;

const signedInAs = (role: Parameters<typeof authStateFor>[0]) =>
  ({ status: "signed-in", auth: authStateFor(role) }) as const;

class FakeStream {
  constructor(private readonly list: MediaStreamTrack[] = []) {}
  getTracks() {
    return this.list;
  }
  getAudioTracks() {
    return this.list.filter((t) => t.kind === "audio");
  }
  getVideoTracks() {
    return this.list.filter((t) => t.kind === "video");
  }
}

function track(kind: "audio" | "video") {
  return {
    kind,
    id: `${kind}-track`,
    enabled: true,
    readyState: "live",
    stop: vi.fn(),
    addEventListener: vi.fn(),
    getSettings: () => ({ deviceId: `${kind}-device` }),
  } as unknown as MediaStreamTrack;
}

/** Camera and microphone as the browser offers them; `failWith` makes each request fail. */
function stubDevices(options: { failWith?: Partial<Record<"audio" | "video", string>> } = {}) {
  const getUserMedia = vi.fn((constraints: MediaStreamConstraints) => {
    const wanted = (["audio", "video"] as const).filter((k) => constraints[k]);
    const failure = wanted.map((k) => options.failWith?.[k]).find(Boolean);
    if (failure) return Promise.reject(new DOMException("refused", failure));
    return Promise.resolve(new FakeStream(wanted.map(track)) as unknown as MediaStream);
  });
  Object.defineProperty(navigator, "mediaDevices", {
    configurable: true,
    value: {
      getUserMedia,
      enumerateDevices: () =>
        Promise.resolve([
          { kind: "videoinput", deviceId: "video-device", label: "Front camera" },
          { kind: "audioinput", deviceId: "audio-device", label: "Headset microphone" },
        ]),
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
    },
  });
  return getUserMedia;
}

function setup(role: "PARTICIPANT" | "FACILITATOR" = "PARTICIPANT") {
  const transport = new FakeTransport();
  transports.current = transport;
  stubApi({ [`GET /api/sessions/${SESSION}`]: json(200, sessionSummary()) });
  const view = renderApp(path, { auth: signedInAs(role) });
  return { transport, ...view };
}

const waitingRoom = snapshot({
  sessionId: SESSION,
  people: [],
  me: { userId: JORDAN_ID, role: "participant", status: "waiting", breakoutId: null },
});

const inRoom = snapshot({
  sessionId: SESSION,
  me: { userId: JORDAN_ID, role: "participant", status: "in-room", breakoutId: null },
  people: [
    person({ userId: DANA_ID, displayName: "Dana", role: "facilitator" }),
    person({ userId: JORDAN_ID, displayName: "Jordan", handRaisedAt: "2026-11-23T23:01:00.000Z" }),
  ],
});

/** Just enough of a peer connection for direct mode to start; WebRTC itself is tested in Chromium. */
class FakePeerConnection {
  connectionState = "new";
  signalingState = "stable";
  localDescription = null;
  remoteDescription = null;
  onnegotiationneeded: unknown = null;
  onicecandidate: unknown = null;
  ontrack: unknown = null;
  onconnectionstatechange: unknown = null;
  addTrack() {
    return {};
  }
  createDataChannel() {
    return { readyState: "connecting", onopen: null, onmessage: null, send: vi.fn() };
  }
  getTransceivers() {
    return [];
  }
  setConfiguration() {}
  restartIce() {}
  close() {}
}

beforeEach(() => {
  vi.stubGlobal("MediaStream", FakeStream);
  vi.stubGlobal("RTCPeerConnection", FakePeerConnection);
  vi.spyOn(HTMLMediaElement.prototype, "play").mockResolvedValue(undefined);
});

describe("the pre-join screen", () => {
  it("suggests the first name, not the full name, and joins with the name typed", async () => {
    stubDevices();
    const { transport, user } = setup();
    transport.answer("room:join", () => ({ ok: true, state: "waiting", room: waitingRoom }));

    expect(
      await screen.findByRole("heading", { level: 1, name: "Get ready to join" }),
    ).toBeTruthy();
    expect(await screen.findByText("Group therapy · Evening track")).toBeTruthy();
    const name = screen.getByLabelText("Name others will see");
    expect((name as HTMLInputElement).value).toBe("Jordan");
    expect(screen.getByRole("meter", { name: "Microphone level" })).toBeTruthy();
    expect(await screen.findByLabelText("Camera")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Microphone" }).getAttribute("aria-pressed")).toBe(
      "true",
    );

    await user.clear(name);
    await user.type(name, "J.");
    await user.click(screen.getByRole("button", { name: "Join session" }));
    expect(transport.requestsOf("room:join")).toEqual([{ sessionId: SESSION, displayName: "J." }]);
    expect(
      await screen.findByRole("heading", { name: "Waiting for the facilitator to let you in" }),
    ).toBeTruthy();
    expect(screen.getByText("You are in the waiting room.")).toBeTruthy();
    expect(screen.getByRole("timer", { name: /Waiting for/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Leave waiting room" })).toBeTruthy();
  });

  it("does not join without a name", async () => {
    stubDevices();
    const { transport, user } = setup();
    await user.clear(await screen.findByLabelText("Name others will see"));
    await user.click(screen.getByRole("button", { name: "Join session" }));
    expect(screen.getByText("Enter the name others will see.")).toBeTruthy();
    expect(transport.requestsOf("room:join")).toEqual([]);
  });

  it("explains how to allow the camera and microphone when the browser blocks them", async () => {
    stubDevices({ failWith: { audio: "NotAllowedError", video: "NotAllowedError" } });
    setup();
    await waitFor(() =>
      expect(screen.getAllByText(/Your browser is blocking the/)).toHaveLength(2),
    );
    const help = screen.getAllByText(/Your browser is blocking the/);
    expect(help.map((p) => p.textContent)).toEqual([
      expect.stringContaining("choose Allow for the camera and microphone, then reload this page"),
      expect.stringContaining("choose Allow for the camera and microphone, then reload this page"),
    ]);
    expect(screen.getByRole("button", { name: "Join session" })).toBeTruthy();
  });

  it("says when there is no camera, and that joining with audio only works", async () => {
    const getUserMedia = stubDevices({ failWith: { video: "NotFoundError" } });
    setup();
    expect(await screen.findByText(/We couldn't find a camera/)).toBeTruthy();
    expect(screen.getByText(/You can still join with audio only/)).toBeTruthy();
    // The microphone was still asked for on its own.
    expect(getUserMedia).toHaveBeenCalledWith(
      expect.objectContaining({ audio: expect.anything() as unknown }),
    );
    expect(screen.getByRole("button", { name: "Microphone" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
  });

  it("shows a refusal with its message and a way back to My week", async () => {
    stubDevices();
    const { transport, user } = setup();
    transport.answer("room:join", () => ({
      ok: false,
      error: { code: "not_open_yet", message: "The room opens 7 minutes before the start." },
    }));
    await user.click(await screen.findByRole("button", { name: "Join session" }));
    expect(await screen.findByRole("heading", { name: "The room isn't open yet" })).toBeTruthy();
    expect(
      screen.getByText("The room opens 7 minutes before the start. Try again then."),
    ).toBeTruthy();
    expect(screen.getByRole("link", { name: "Back to My week" }).getAttribute("href")).toBe(
      "/participant",
    );
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
  });
});

describe("the waiting room and the room", () => {
  async function joinAndWait() {
    stubDevices();
    const view = setup();
    view.transport.answer("room:join", () => ({ ok: true, state: "waiting", room: waitingRoom }));
    await view.user.click(await screen.findByRole("button", { name: "Join session" }));
    await screen.findByRole("heading", { name: "Waiting for the facilitator to let you in" });
    return view;
  }

  it("shows the facilitator's message when declined, with a way back", async () => {
    const { transport } = await joinAndWait();
    act(() =>
      transport.serverSends("room:declined", {
        sessionId: SESSION,
        message: "Please call the clinic before joining today.",
      }),
    );
    expect(
      await screen.findByRole("heading", { name: "The facilitator didn't let you in" }),
    ).toBeTruthy();
    expect(screen.getByText("Please call the clinic before joining today.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Back to My week" })).toBeTruthy();
  });

  it("enters the room when let in: tiles carry the user id, controls have names and states", async () => {
    const { transport, user } = await joinAndWait();
    act(() => {
      transport.serverSends("room:admitted", { sessionId: SESSION, credential: DIRECT_CREDENTIAL });
      transport.serverSends("room:state", inRoom);
    });
    const controls = await screen.findByRole("group", { name: "Your controls" });
    expect(
      within(controls).getByRole("button", { name: "Microphone" }).getAttribute("aria-pressed"),
    ).toBe("true");
    expect(within(controls).getByRole("button", { name: "Camera" })).toBeTruthy();
    expect(
      within(controls).getByRole("button", { name: "Raise hand" }).getAttribute("aria-pressed"),
    ).toBe("true");
    // Participants see screen sharing only once allowed.
    expect(within(controls).queryByRole("button", { name: "Share screen" })).toBeNull();
    expect(within(controls).getByRole("button", { name: "Leave session" })).toBeTruthy();

    const danaTile = document.querySelector(`[data-user-id="${DANA_ID}"]`);
    expect(danaTile?.textContent).toContain("Dana");
    const ownTile = document.querySelector(`[data-user-id="${JORDAN_ID}"]`);
    expect(ownTile?.textContent).toContain("Jordan (you)");
    expect(ownTile?.textContent).toContain("Hand raised");
    expect(
      ownTile?.querySelector(`video[data-peer-id="${JORDAN_ID}"][data-local="true"]`),
    ).toBeTruthy();
    expect(screen.getByRole("timer", { name: /Elapsed time/ })).toBeTruthy();

    await user.click(within(controls).getByRole("button", { name: "Raise hand" }));
    expect(transport.requestsOf("hand:raise")).toEqual([{ sessionId: SESSION, raised: false }]);

    await user.click(within(controls).getByRole("button", { name: "Chat" }));
    expect(screen.getByRole("complementary", { name: "Session chat" })).toBeTruthy();
    expect(transport.requestsOf("chat:subscribe")).toEqual([{ roomKey: `session:${SESSION}` }]);
  });

  it("asks before unmuting, and says who turned the microphone off", async () => {
    const { transport, user } = await joinAndWait();
    act(() => {
      transport.serverSends("room:admitted", { sessionId: SESSION, credential: DIRECT_CREDENTIAL });
      transport.serverSends("room:state", inRoom);
    });
    await screen.findByRole("group", { name: "Your controls" });
    await act(async () => {
      transport.serverSends("room:turned-off", {
        sessionId: SESSION,
        kind: "microphone",
        by: "Dana",
      });
      await Promise.resolve();
    });
    expect(
      await screen.findByText(
        "Dana turned off your microphone. You can turn it back on when you are ready.",
      ),
    ).toBeTruthy();
    const microphone = screen.getByRole("button", { name: "Microphone" });
    expect(microphone.getAttribute("aria-pressed")).toBe("false");

    act(() => transport.serverSends("room:unmute-requested", { sessionId: SESSION, by: "Dana" }));
    expect(screen.getByRole("alert").textContent).toContain("Dana asks you to unmute.");
    expect(microphone.getAttribute("aria-pressed")).toBe("false");
    await user.click(screen.getByRole("button", { name: "Unmute" }));
    expect(microphone.getAttribute("aria-pressed")).toBe("true");
  });

  it("shows a calm reconnecting banner while the connection is down, and clears it by itself", async () => {
    const { transport } = await joinAndWait();
    act(() => {
      transport.serverSends("room:admitted", { sessionId: SESSION, credential: DIRECT_CREDENTIAL });
      transport.serverSends("room:state", inRoom);
    });
    await screen.findByRole("group", { name: "Your controls" });
    act(() => transport.drop());
    expect(
      await screen.findByText("Reconnecting… your video will come back by itself."),
    ).toBeTruthy();
    transport.answer("room:join", (): { ok: true } & JoinReply => ({
      ok: true,
      state: "admitted",
      room: inRoom,
      credential: DIRECT_CREDENTIAL,
    }));
    await act(async () => {
      transport.reconnect(false);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.queryByText("Reconnecting… your video will come back by itself.")).toBeNull();
    expect(transport.requestsOf("room:join")).toHaveLength(2);
  });

  it("ends for everyone with a link back to My week", async () => {
    const { transport } = await joinAndWait();
    act(() => {
      transport.serverSends("room:admitted", { sessionId: SESSION, credential: DIRECT_CREDENTIAL });
      transport.serverSends("room:state", inRoom);
    });
    await screen.findByRole("group", { name: "Your controls" });
    act(() => transport.serverSends("room:ended", { sessionId: SESSION }));
    expect(await screen.findByRole("heading", { name: "The session has ended" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Back to My week" })).toBeTruthy();
  });
});

describe("for a facilitator", () => {
  it("shows the room controls beside the video and who is waiting", async () => {
    stubDevices();
    const { transport, user } = setup("FACILITATOR");
    const facilitatorRoom = snapshot({
      sessionId: SESSION,
      me: { userId: DANA_ID, role: "facilitator", status: "in-room", breakoutId: null },
      people: [
        person({ userId: DANA_ID, displayName: "Dana", role: "facilitator" }),
        person({ userId: JORDAN_ID, displayName: "Jordan", status: "waiting" }),
      ],
    });
    transport.answer("room:join", (): { ok: true } & JoinReply => ({
      ok: true,
      state: "admitted",
      room: facilitatorRoom,
      credential: DIRECT_CREDENTIAL,
    }));
    await user.click(await screen.findByRole("button", { name: "Join session" }));
    const controls = await screen.findByRole("group", { name: "Your controls" });
    expect(within(controls).getByRole("button", { name: "Share screen" })).toBeTruthy();
    const manage = within(controls).getByRole("button", { name: /Manage room/ });
    expect(manage.textContent).toContain("1 waiting");
    const panel = screen.getByRole("complementary", { name: "Manage the room" });
    await user.click(within(panel).getByRole("button", { name: "Admit Jordan" }));
    expect(transport.requestsOf("room:admit")).toEqual([{ sessionId: SESSION, userId: JORDAN_ID }]);
    // The drawer closes and opens from its button.
    await user.click(manage);
    expect(screen.queryByRole("complementary", { name: "Manage the room" })).toBeNull();
    expect(manage.getAttribute("aria-expanded")).toBe("false");
  });
});
