import type { JoinReply } from "@bridgeway/domain";
import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { applyLocale } from "../i18n/i18n";
import { room as enRoom } from "../i18n/locales/en/room";
import { room as esRoom } from "../i18n/locales/es/room";
import { json, stubApi } from "../test/fake-api";
import { authStateFor, signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { sessionId, sessionSummary } from "../test/schedule-fixtures";
import { DIRECT_CREDENTIAL, FakeTransport, person, snapshot } from "./testing/fakes";

const transports = vi.hoisted((): { current: unknown } => ({ current: null }));

// The socket is the boundary: the room talks to a fake server.
vi.mock("./room-transport", () => ({ socketTransport: () => transports.current }));

// The app loads the room's code (and the room's English) lazily; on a busy CI machine the first
// test's wait for the page ran out while that import was still compiling. Load it once up front.
beforeAll(async () => {
  await import("./room-page");
}, 60_000);

const SESSION = sessionId(1);
const JORDAN_ID = "00000000-0000-4000-8000-000000000003";
const DANA_ID = "00000000-0000-4000-8000-000000000002";
const path = `/sessions/${SESSION}/room`;

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

function setup(
  role: "PARTICIPANT" | "FACILITATOR" = "PARTICIPANT",
  /** How the fake server answers, set before the page first asks. */
  before: (transport: FakeTransport) => void = () => undefined,
) {
  const transport = new FakeTransport();
  before(transport);
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

describe("being taken out, and let back in", () => {
  it("never starts the camera for a room the person can no longer enter", async () => {
    const getUserMedia = stubDevices();
    const { transport } = setup("PARTICIPANT", (server) =>
      server.answer("room:check", () => ({
        ok: false,
        error: {
          code: "not_found",
          message: "We couldn't find that session, or it isn't one you can join.",
        },
      })),
    );
    expect(
      await screen.findByRole("heading", { name: "We couldn't find this session" }),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Join session" })).toBeNull();
    expect(getUserMedia).not.toHaveBeenCalled();
    expect(transport.requestsOf("room:join")).toEqual([]);
  });

  it("says in words that blame no one that consent changed, not that the facilitator removed them", async () => {
    stubDevices();
    const { transport, user } = setup();
    transport.answer("room:join", () => ({ ok: true, state: "waiting", room: waitingRoom }));
    await user.click(await screen.findByRole("button", { name: "Join session" }));
    await screen.findByRole("heading", { name: "Waiting for the facilitator to let you in" });
    act(() => transport.serverSends("room:removed", { sessionId: SESSION, reason: "consent" }));
    expect(
      await screen.findByRole("heading", { name: "This session is no longer open to you" }),
    ).toBeTruthy();
    expect(screen.getByText(/This is not something you did/)).toBeTruthy();
    expect(screen.queryByText(/facilitator removed you/i)).toBeNull();
  });

  it("goes back to the waiting room when the facilitator lets a removed person back in, without a reload", async () => {
    const getUserMedia = stubDevices();
    const { transport, user } = setup();
    transport.answer("room:join", () => ({ ok: true, state: "waiting", room: waitingRoom }));
    await user.click(await screen.findByRole("button", { name: "Join session" }));
    await screen.findByRole("heading", { name: "Waiting for the facilitator to let you in" });
    act(() => transport.serverSends("room:removed", { sessionId: SESSION, reason: "facilitator" }));
    expect(
      await screen.findByRole("heading", { name: "You were removed from this session" }),
    ).toBeTruthy();
    const cameraStarts = getUserMedia.mock.calls.length;

    act(() => transport.serverSends("room:readmitted", { sessionId: SESSION }));
    const heading = await screen.findByRole("heading", { name: "You can come back in" });
    expect(document.activeElement).toBe(heading);
    await user.click(screen.getByRole("button", { name: "Go to the waiting room" }));
    expect(
      await screen.findByRole("heading", { name: "Waiting for the facilitator to let you in" }),
    ).toBeTruthy();
    expect(transport.requestsOf("room:join")).toHaveLength(2);
    // The camera and microphone come back for the waiting room's self view.
    await waitFor(() => expect(getUserMedia.mock.calls.length).toBeGreaterThan(cameraStarts));
  });
});

describe("the crisis bar during a session", () => {
  it("opens the safety plan and 988 over the call, without leaving it", async () => {
    stubDevices();
    const { transport, user, location } = setup();
    stubApi({
      [`GET /api/sessions/${SESSION}`]: json(200, sessionSummary()),
      [`GET /api/participants/${JORDAN_ID}/safety-plan`]: json(200, { plan: null }),
    });
    transport.answer("room:join", () => ({ ok: true, state: "waiting", room: waitingRoom }));
    await user.click(await screen.findByRole("button", { name: "Join session" }));
    act(() => {
      transport.serverSends("room:admitted", { sessionId: SESSION, credential: DIRECT_CREDENTIAL });
      transport.serverSends("room:state", inRoom);
    });
    await screen.findByRole("group", { name: "Your controls" });

    const bar = screen.getByRole("complementary", { name: "Crisis support" });
    const link = within(bar).getByRole("link", { name: "My safety plan" });
    link.focus();
    await user.click(link);
    const dialog = await screen.findByRole("dialog", { name: "My safety plan" });
    expect(location()).toBe(path);
    expect(within(dialog).getByRole("link", { name: "Call 988" }).getAttribute("href")).toBe(
      "tel:988",
    );
    expect(within(dialog).getByRole("link", { name: "Text 988" })).toBeTruthy();
    expect(
      await within(dialog).findByText("Your safety plan has not been written yet."),
    ).toBeTruthy();
    // The call is still there underneath.
    expect(screen.getByRole("group", { name: "Your controls", hidden: true })).toBeTruthy();
    expect(transport.requestsOf("room:leave")).toEqual([]);

    act(() => {
      dialog.dispatchEvent(new Event("cancel", { cancelable: true }));
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(document.activeElement).toBe(link);
    expect(location()).toBe(path);
  });
});

describe("getting ready and waiting, in Spanish", () => {
  afterEach(() => applyLocale("en"));

  it("prepares, checks the name and waits in Spanish", async () => {
    stubDevices({ failWith: { video: "NotFoundError" } });
    const transport = new FakeTransport();
    transports.current = transport;
    stubApi({ [`GET /api/sessions/${SESSION}`]: json(200, sessionSummary()) });
    const { user } = renderApp(path, {
      auth: { status: "signed-in", auth: authStateFor("PARTICIPANT", { locale: "es" }) },
    });

    expect(
      await screen.findByRole("heading", { level: 1, name: "Prepárate para entrar" }),
    ).toBeTruthy();
    expect(await screen.findByText(/No encontramos una cámara/)).toBeTruthy();
    expect(screen.getByText(/Aun así puedes entrar solo con audio/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Micrófono" })).toBeTruthy();
    await user.clear(screen.getByLabelText("Nombre que verán los demás"));
    await user.click(screen.getByRole("button", { name: "Entrar a la sesión" }));
    expect(screen.getByText("Escribe el nombre que verán los demás.")).toBeTruthy();

    transport.answer("room:join", () => ({ ok: true, state: "waiting", room: waitingRoom }));
    await user.type(screen.getByLabelText("Nombre que verán los demás"), "Jordan");
    await user.click(screen.getByRole("button", { name: "Entrar a la sesión" }));
    expect(
      await screen.findByRole("heading", { name: "Esperando a que el facilitador te deje entrar" }),
    ).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Sala de espera" })).toBeTruthy();
    expect(screen.getByRole("timer").getAttribute("aria-label")).toMatch(
      /^Esperando desde hace \d+ segundos?$/,
    );
    expect(screen.getByRole("button", { name: "Salir de la sala de espera" })).toBeTruthy();
  });
});

describe("in the room, in Spanish", () => {
  afterEach(() => applyLocale("en"));

  /** The room's English strings that Spanish words differently, without placeholders. */
  function englishOnly(): string[] {
    const pairs = (en: object, es: object): [string, string][] =>
      Object.entries(en).flatMap(([key, value]: [string, unknown]) => {
        const other = (es as Record<string, unknown>)[key];
        if (typeof value === "string")
          return typeof other === "string" ? [[value, other] as [string, string]] : [];
        return typeof value === "object" && value !== null && typeof other === "object"
          ? pairs(value, other as object)
          : [];
      });
    return pairs(enRoom, esRoom)
      .filter(([english, spanish]) => english !== spanish && !english.includes("{{"))
      .map(([english]) => english.trim())
      .filter((english) => english.length > 4);
  }

  /** What the page says, aloud too: its text and the names given to its parts. */
  function pageWords(): string {
    const labels = [...document.querySelectorAll("[aria-label],[title],[aria-valuetext]")].flatMap(
      (el) => ["aria-label", "title", "aria-valuetext"].map((name) => el.getAttribute(name) ?? ""),
    );
    return [document.body.textContent, ...labels].join("\n");
  }

  it("shows a participant let in the room, its prompts and the chat in Spanish", async () => {
    stubDevices();
    const transport = new FakeTransport();
    transports.current = transport;
    stubApi({ [`GET /api/sessions/${SESSION}`]: json(200, sessionSummary()) });
    const { user } = renderApp(path, {
      auth: { status: "signed-in", auth: authStateFor("PARTICIPANT", { locale: "es" }) },
    });
    transport.answer("room:join", () => ({ ok: true, state: "waiting", room: waitingRoom }));
    await user.click(await screen.findByRole("button", { name: "Entrar a la sesión" }));
    await screen.findByRole("heading", { name: "Esperando a que el facilitador te deje entrar" });
    act(() => {
      transport.serverSends("room:admitted", { sessionId: SESSION, credential: DIRECT_CREDENTIAL });
      transport.serverSends("room:state", inRoom);
    });

    const controls = await screen.findByRole("group", { name: "Tus controles" });
    expect(
      screen.getByRole("heading", { level: 1, name: "Terapia de grupo · Evening track" }),
    ).toBeTruthy();
    for (const name of ["Micrófono", "Cámara", "Solo audio", "Levantar la mano", "Chat"])
      expect(within(controls).getByRole("button", { name })).toBeTruthy();
    expect(within(controls).getByRole("button", { name: "Salir de la sesión" })).toBeTruthy();
    const ownTile = document.querySelector(`[data-user-id="${JORDAN_ID}"]`);
    expect(ownTile?.textContent).toContain("Jordan (tú)");
    expect(ownTile?.textContent).toContain("Mano levantada");
    expect(screen.getByRole("timer").getAttribute("aria-label")).toMatch(
      /^Tiempo transcurrido: \d+ (minutos?|horas?)/,
    );
    expect(screen.getByRole("region", { name: "Video" })).toBeTruthy();

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
        "Dana apagó tu micrófono. Puedes volver a encenderlo cuando quieras.",
      ),
    ).toBeTruthy();
    act(() => transport.serverSends("room:unmute-requested", { sessionId: SESSION, by: "Dana" }));
    expect(screen.getByText("Dana te pide que actives tu micrófono.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Seguir en silencio" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Activar micrófono" })).toBeTruthy();

    await user.click(within(controls).getByRole("button", { name: "Chat" }));
    const chat = screen.getByRole("complementary", { name: "Chat de la sesión" });
    expect(await within(chat).findByText("Todavía no hay mensajes.")).toBeTruthy();
    await user.click(within(chat).getByRole("button", { name: "Enviar" }));
    expect(within(chat).getByText("Primero escribe un mensaje.")).toBeTruthy();
    expect(within(chat).getByLabelText("Tu mensaje")).toBeTruthy();

    const words = pageWords();
    expect(englishOnly().filter((english) => words.includes(english))).toEqual([]);

    act(() => transport.drop());
    expect(await screen.findByText("Reconectando… tu video volverá solo.")).toBeTruthy();
  });

  it("says the server's default decline in Spanish, and a facilitator's own words as written", async () => {
    stubDevices();
    const transport = new FakeTransport();
    transports.current = transport;
    transport.answer("room:join", () => ({ ok: true, state: "waiting", room: waitingRoom }));
    stubApi({ [`GET /api/sessions/${SESSION}`]: json(200, sessionSummary()) });
    const { user } = renderApp(path, {
      auth: { status: "signed-in", auth: authStateFor("PARTICIPANT", { locale: "es" }) },
    });
    await user.click(await screen.findByRole("button", { name: "Entrar a la sesión" }));
    await screen.findByRole("heading", { name: "Esperando a que el facilitador te deje entrar" });
    act(() =>
      transport.serverSends("room:declined", {
        sessionId: SESSION,
        message:
          "The facilitator could not let you in to this session. Contact your care team if you need help.",
      }),
    );
    expect(
      await screen.findByRole("heading", { name: "El facilitador no te dejó entrar" }),
    ).toBeTruthy();
    expect(
      screen.getByText(
        "El facilitador no pudo dejarte entrar a esta sesión. Si necesitas ayuda, comunícate con tu equipo de atención.",
      ),
    ).toBeTruthy();
  });

  it("says a refusal at the door in Spanish, not in the server's English", async () => {
    stubDevices();
    const transport = new FakeTransport();
    transports.current = transport;
    transport.answer("room:join", () => ({
      ok: false,
      error: {
        code: "locked",
        message: "The session is locked: the facilitator is not letting anyone else in.",
      },
    }));
    stubApi({ [`GET /api/sessions/${SESSION}`]: json(200, sessionSummary()) });
    const { user } = renderApp(path, {
      auth: { status: "signed-in", auth: authStateFor("PARTICIPANT", { locale: "es" }) },
    });
    await user.click(await screen.findByRole("button", { name: "Entrar a la sesión" }));

    expect(
      await screen.findByRole("heading", { name: "La sala está cerrada con llave" }),
    ).toBeTruthy();
    expect(
      screen.getByText(/^La sesión está cerrada: el facilitador no está dejando/),
    ).toBeTruthy();
    expect(screen.queryByText(/The session is locked/)).toBeNull();
  });
});
