import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { FacilitatorPanel } from "./facilitator-panel";
import { RoomController } from "./room-controller";
import {
  DANA,
  FakeDevices,
  FakeMediaSession,
  FakeTransport,
  JORDAN,
  person,
  RILEY,
  SAM,
  SESSION_ID,
  snapshot,
} from "./testing/fakes";

const ROOM = snapshot({
  me: { userId: DANA, role: "facilitator", status: "in-room", breakoutId: null },
  people: [
    person({ userId: DANA, displayName: "Dana", role: "facilitator" }),
    person({ userId: JORDAN, displayName: "Jordan", handRaisedAt: "2026-11-23T23:06:00.000Z" }),
    person({
      userId: RILEY,
      displayName: "Riley",
      microphone: false,
      status: "reconnecting",
      handRaisedAt: "2026-11-23T23:04:00.000Z",
    }),
    person({ userId: SAM, displayName: "Sam", status: "waiting" }),
  ],
});

function renderPanel(room = ROOM) {
  const transport = new FakeTransport();
  const controller = new RoomController({
    sessionId: SESSION_ID,
    transport,
    local: new FakeDevices(),
    createMedia: () => Promise.resolve(new FakeMediaSession()),
  });
  const user = userEvent.setup();
  render(<FacilitatorPanel id="manage" room={room} busy={new Set()} controls={controller} />);
  return { transport, user };
}

describe("the facilitator panel", () => {
  it("admits someone waiting with one click, naming them on the button", async () => {
    const { transport, user } = renderPanel();
    expect(screen.getByRole("heading", { name: "Waiting (1)" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Admit Sam" }));
    expect(transport.requests).toEqual([
      { event: "room:admit", payload: { sessionId: SESSION_ID, userId: SAM } },
    ]);
    await user.click(screen.getByRole("button", { name: "Admit all" }));
    expect(transport.requestsOf("room:admit-all")).toEqual([{ sessionId: SESSION_ID }]);
  });

  it("declines with an optional message", async () => {
    const { transport, user } = renderPanel();
    await user.click(screen.getByRole("button", { name: "Decline Sam" }));
    const dialog = screen.getByRole("dialog", { name: "Decline Sam?" });
    await user.type(
      within(dialog).getByLabelText("Message to Sam (optional)"),
      "Please call the clinic first.",
    );
    await user.click(within(dialog).getByRole("button", { name: "Decline" }));
    expect(transport.requestsOf("room:decline")).toEqual([
      { sessionId: SESSION_ID, userId: SAM, message: "Please call the clinic first." },
    ]);
  });

  it("shows hands in the order they were raised", () => {
    renderPanel();
    const hands = screen.getByRole("heading", { name: "Raised hands (2)" }).nextElementSibling;
    expect(
      within(hands as HTMLElement)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Riley", "Jordan"]);
  });

  it("lowers an answered hand from the person's row, naming them on the button", async () => {
    const { transport, user } = renderPanel();
    const jordan = document.querySelector<HTMLElement>(`li.roster-row[data-person-id="${JORDAN}"]`);
    if (!jordan) throw new Error("no row for Jordan");
    await user.click(within(jordan).getByRole("button", { name: "Lower hand for Jordan" }));
    expect(transport.requestsOf("hand:lower")).toEqual([{ sessionId: SESSION_ID, userId: JORDAN }]);
    expect(screen.getByRole("button", { name: "Lower hand for Riley" })).toBeTruthy();
    // Only raised hands can be lowered.
    expect(screen.queryByRole("button", { name: "Lower hand for Sam" })).toBeNull();
  });

  it("shows each person's connection, microphone and camera", () => {
    renderPanel();
    const riley = document.querySelector(`li.roster-row[data-person-id="${RILEY}"]`);
    expect(riley?.textContent).toContain("Reconnecting…");
    expect(riley?.textContent).toContain("Microphone off");
    expect(riley?.textContent).toContain("Camera on");
    const jordan = document.querySelector(`li.roster-row[data-person-id="${JORDAN}"]`);
    expect(jordan?.textContent).toContain("In the room");
  });

  it("turns off a microphone or camera, asks to unmute, and allows screen sharing, for one person", async () => {
    const { transport, user } = renderPanel();
    await user.click(screen.getByRole("button", { name: "Turn off microphone for Jordan" }));
    await user.click(screen.getByRole("button", { name: "Turn off camera for Jordan" }));
    // Asking makes sense only for someone whose microphone is off.
    expect(
      screen.getByRole<HTMLButtonElement>("button", { name: "Ask to unmute for Jordan" }).disabled,
    ).toBe(true);
    await user.click(screen.getByRole("button", { name: "Ask to unmute for Riley" }));
    const allow = screen.getByRole("button", { name: "Allow screen share for Jordan" });
    expect(allow.getAttribute("aria-pressed")).toBe("false");
    await user.click(allow);
    expect(transport.requests.map((r) => [r.event, r.payload])).toEqual([
      ["room:turn-off", { sessionId: SESSION_ID, target: JORDAN, kind: "microphone" }],
      ["room:turn-off", { sessionId: SESSION_ID, target: JORDAN, kind: "camera" }],
      ["room:ask-unmute", { sessionId: SESSION_ID, userId: RILEY }],
      ["room:allow-screen-share", { sessionId: SESSION_ID, userId: JORDAN, allowed: true }],
    ]);
  });

  it("removes someone only after confirming", async () => {
    const { transport, user } = renderPanel();
    await user.click(screen.getByRole("button", { name: "Remove Jordan" }));
    const dialog = screen.getByRole("dialog", { name: "Remove Jordan from the session?" });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(transport.requests).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Remove Jordan" }));
    await user.click(
      within(screen.getByRole("dialog", { name: "Remove Jordan from the session?" })).getByRole(
        "button",
        { name: "Remove" },
      ),
    );
    expect(transport.requestsOf("room:remove")).toEqual([
      { sessionId: SESSION_ID, userId: JORDAN },
    ]);
  });

  it("offers no controls over the facilitator's own row", () => {
    renderPanel();
    const own = document.querySelector(`li.roster-row[data-person-id="${DANA}"]`) as HTMLElement;
    expect(within(own).queryAllByRole("button")).toEqual([]);
    expect(own.textContent).toContain("Dana (you)");
  });

  it("mutes everyone, locks the room, and ends the session for everyone after confirming", async () => {
    const { transport, user } = renderPanel();
    await user.click(screen.getByRole("button", { name: "Mute all" }));
    const lock = screen.getByRole("button", { name: "Lock room" });
    expect(lock.getAttribute("aria-pressed")).toBe("false");
    await user.click(lock);
    await user.click(screen.getByRole("button", { name: "End session for everyone" }));
    await user.click(
      within(screen.getByRole("dialog", { name: "End the session for everyone?" })).getByRole(
        "button",
        { name: "End session" },
      ),
    );
    expect(transport.requests.map((r) => [r.event, r.payload])).toEqual([
      ["room:turn-off", { sessionId: SESSION_ID, target: "everyone", kind: "microphone" }],
      ["room:lock", { sessionId: SESSION_ID, locked: true }],
      ["room:end", { sessionId: SESSION_ID }],
    ]);
  });

  it("says the room is locked, shows the lock pressed, and holds admissions while it is", async () => {
    const { transport, user } = renderPanel({ ...ROOM, locked: true });
    expect(screen.getByRole("button", { name: "Lock room" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    expect(screen.getByText("The room is locked: no one else can be let in.")).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Admit Sam" }).disabled).toBe(
      true,
    );
    await user.click(screen.getByRole("button", { name: "Lock room" }));
    expect(transport.requestsOf("room:lock")).toEqual([{ sessionId: SESSION_ID, locked: false }]);
  });

  it("works from the keyboard", async () => {
    const { transport, user } = renderPanel();
    screen.getByRole("button", { name: "Admit Sam" }).focus();
    await user.keyboard("{Enter}");
    expect(transport.requestsOf("room:admit")).toEqual([{ sessionId: SESSION_ID, userId: SAM }]);
  });

  it("lets a removed person back in, to the waiting room, with a button naming them", async () => {
    const { transport, user } = renderPanel({
      ...ROOM,
      removed: [{ userId: SAM, displayName: "Sam Removed" }],
    });
    expect(screen.getByRole("heading", { name: "Removed (1)" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Let back in Sam Removed" }));
    expect(transport.requestsOf("room:readmit")).toEqual([{ sessionId: SESSION_ID, userId: SAM }]);
  });

  it("shows no removed list when no one was removed", () => {
    renderPanel();
    expect(screen.queryByRole("heading", { name: /Removed/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Let back in/ })).toBeNull();
  });
});
