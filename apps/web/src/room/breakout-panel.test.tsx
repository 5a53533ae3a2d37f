import type { RoomSnapshot } from "@bridgeway/domain";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { BreakoutStatus } from "./breakout-status";
import { FacilitatorPanel } from "./facilitator-panel";
import { RoomController } from "./room-controller";
import {
  DANA,
  FakeDevices,
  FakeMediaSession,
  FakeTransport,
  JORDAN,
  person,
  SAM,
  SESSION_ID,
  snapshot,
} from "./testing/fakes";

const PAT = "9a700000-0000-4000-8000-000000000005";
const CHRIS = "c4415000-0000-4000-8000-000000000006";
const ROOM_A = "b0000000-0000-4000-8000-00000000000a";
const ROOM_B = "b0000000-0000-4000-8000-00000000000b";

const MAIN: RoomSnapshot = snapshot({
  kind: "MULTI_FAMILY",
  title: "Multi-family group · Evening track",
  me: { userId: DANA, role: "facilitator", status: "in-room", breakoutId: null },
  people: [
    person({ userId: DANA, displayName: "Dana", role: "facilitator" }),
    person({ userId: JORDAN, displayName: "Jordan", familyLabel: "Jordan's family" }),
    person({ userId: PAT, displayName: "Pat", role: "family", familyLabel: "Jordan's family" }),
    person({ userId: SAM, displayName: "Sam", familyLabel: "Sam's family" }),
    person({
      userId: CHRIS,
      displayName: "Chris",
      role: "family",
      familyLabel: "Sam's family",
      status: "waiting",
    }),
  ],
});

const OPEN: RoomSnapshot = {
  ...MAIN,
  breakouts: {
    endsAt: "2026-11-23T23:10:00.000Z",
    whenTimeIsUp: "keep-open",
    rooms: [
      { id: ROOM_A, name: "Jordan's family", members: [JORDAN, PAT] },
      { id: ROOM_B, name: "Sam's family", members: [SAM] },
    ],
  },
  people: MAIN.people.map((p) => ({
    ...p,
    breakoutId: p.userId === JORDAN || p.userId === PAT ? ROOM_A : p.userId === SAM ? ROOM_B : null,
  })),
};

function renderPanel(room: RoomSnapshot) {
  const transport = new FakeTransport();
  const controller = new RoomController({
    sessionId: SESSION_ID,
    transport,
    local: new FakeDevices(),
    createMedia: () => Promise.resolve(new FakeMediaSession()),
  });
  // Visiting needs media and a joined room; here only the request to visit matters.
  const visits: (string | null)[] = [];
  const controls = Object.assign(controller, {
    visit: (breakoutId: string | null) => {
      visits.push(breakoutId);
      return Promise.resolve(true);
    },
  });
  const user = userEvent.setup();
  const view = render(
    <FacilitatorPanel id="manage" room={room} busy={new Set()} controls={controls} />,
  );
  return { transport, user, view, visits };
}

const breakoutSection = () => screen.getByRole("region", { name: "Breakout rooms" });

describe("breakout rooms in the facilitator's panel", () => {
  it("shows each person's family label in a multi-family group, and none in other sessions", () => {
    const { view } = renderPanel(MAIN);
    const pat = document.querySelector(`li.roster-row[data-person-id="${PAT}"]`);
    expect(pat?.textContent).toContain("Jordan's family");
    const chris = document.querySelector(`li.roster-row[data-person-id="${CHRIS}"]`);
    expect(chris?.textContent).toContain("Sam's family");
    view.unmount();

    renderPanel({ ...MAIN, kind: "GROUP_THERAPY" });
    expect(screen.queryByText("Jordan's family")).toBeNull();
    expect(screen.queryByRole("region", { name: "Breakout rooms" })).toBeNull();
  });

  it("opens one room per family with the minutes chosen, after showing who goes where", async () => {
    const { transport, user } = renderPanel(MAIN);
    transport.answer("room:breakouts-open", () => ({ ok: true, rooms: 2 }));
    await user.click(
      within(breakoutSection()).getByRole("button", { name: "Open breakout rooms" }),
    );
    const section = breakoutSection();
    expect(within(section).getByLabelText<HTMLInputElement>("One room per family").checked).toBe(
      true,
    );
    expect(section.textContent).toContain("Jordan's family: Jordan, Pat");
    // Chris is still waiting: only people in the room are sent.
    expect(section.textContent).toContain("Sam's family: Sam");
    const minutes = within(section).getByLabelText("Minutes");
    await user.clear(minutes);
    await user.type(minutes, "5");
    // Closing when time is up is chosen unless the facilitator says otherwise.
    const when = within(section).getByRole("group", { name: "When time is up" });
    expect(
      within(when).getByLabelText<HTMLInputElement>(/^Close the rooms and bring everyone back/)
        .checked,
    ).toBe(true);
    await user.click(within(section).getByRole("button", { name: "Open breakout rooms" }));
    expect(transport.requestsOf("room:breakouts-open")).toEqual([
      { sessionId: SESSION_ID, rooms: "by-family", minutes: 5, whenTimeIsUp: "close" },
    ]);
  });

  it("makes rooms by hand: names them and puts people in them", async () => {
    const { transport, user } = renderPanel(MAIN);
    transport.answer("room:breakouts-open", () => ({ ok: true, rooms: 2 }));
    await user.click(
      within(breakoutSection()).getByRole("button", { name: "Open breakout rooms" }),
    );
    const section = breakoutSection();
    await user.click(within(section).getByLabelText("Set up rooms by hand"));
    const first = within(section).getByLabelText("Name of room 1");
    await user.clear(first);
    await user.type(first, "Parents");
    await user.click(within(section).getByRole("button", { name: "Add a room" }));
    await user.click(within(section).getByRole("button", { name: "Remove room 2" }));
    await user.selectOptions(within(section).getByLabelText(/^Pat/), "0");
    await user.selectOptions(within(section).getByLabelText(/^Sam/), "1");
    await user.click(within(section).getByLabelText("Keep the rooms open until I close them"));
    await user.click(within(section).getByRole("button", { name: "Open breakout rooms" }));
    expect(transport.requestsOf("room:breakouts-open")).toEqual([
      {
        sessionId: SESSION_ID,
        rooms: [
          { name: "Parents", members: [PAT] },
          { name: "Room 3", members: [SAM] },
        ],
        minutes: 10,
        whenTimeIsUp: "keep-open",
      },
    ]);
  });

  it("shows field errors from the form and from the server next to their fields", async () => {
    const { transport, user } = renderPanel(MAIN);
    await user.click(
      within(breakoutSection()).getByRole("button", { name: "Open breakout rooms" }),
    );
    const section = breakoutSection();
    const minutes = within(section).getByLabelText("Minutes");
    await user.clear(minutes);
    await user.click(within(section).getByRole("button", { name: "Open breakout rooms" }));
    expect(within(section).getByText("Say how many minutes, from 1 to 120.")).toBeTruthy();
    expect(minutes.getAttribute("aria-invalid")).toBe("true");
    expect(transport.requestsOf("room:breakouts-open")).toEqual([]);

    transport.answer("room:breakouts-open", () => ({
      ok: false,
      error: {
        code: "invalid_input",
        message: "The room:breakouts-open event was not valid.",
        fields: { "rooms.0.name": "Name each room." },
      },
    }));
    await user.type(minutes, "10");
    await user.click(within(section).getByLabelText("Set up rooms by hand"));
    await user.selectOptions(within(section).getByLabelText(/^Jordan/), "0");
    await user.click(within(section).getByRole("button", { name: "Open breakout rooms" }));
    expect(await within(section).findByText("Name each room.")).toBeTruthy();
    expect(within(section).getByLabelText("Name of room 1").getAttribute("aria-invalid")).toBe(
      "true",
    );
    expect(within(section).getByRole("alert").textContent).toContain(
      "The room:breakouts-open event was not valid.",
    );
  });

  it("marks a room without a name and the plan without people at once", async () => {
    const { transport, user } = renderPanel(MAIN);
    await user.click(
      within(breakoutSection()).getByRole("button", { name: "Open breakout rooms" }),
    );
    const section = breakoutSection();
    await user.click(within(section).getByLabelText("Set up rooms by hand"));
    const second = within(section).getByLabelText("Name of room 2");
    await user.clear(second);
    await user.click(within(section).getByRole("button", { name: "Open breakout rooms" }));

    const unnamed = await within(section).findByText("Name each room.");
    expect(unnamed.id).toBe(second.getAttribute("aria-describedby"));
    expect(
      within(section).getByLabelText("Name of room 1").getAttribute("aria-invalid"),
    ).toBeNull();
    const who = within(section).getByRole("group", { name: "Who goes where" });
    expect(within(who).getByText("Put at least one person in a room.")).toBeTruthy();
    expect(who.getAttribute("aria-invalid")).toBe("true");
    expect(within(section).getByRole("alert").textContent).toBe("Check the fields marked below.");
    expect(transport.requestsOf("room:breakouts-open")).toEqual([]);
  });

  it("lists the open rooms with who is in each, to visit, message, and close", async () => {
    const { transport, user, visits } = renderPanel(OPEN);
    const section = breakoutSection();
    expect(section.textContent).toContain("You are in the main room.");
    const rooms = within(section).getAllByRole("listitem");
    expect(rooms.map((li) => li.textContent)).toEqual([
      expect.stringContaining("Jordan's familyJordan, Pat"),
      expect.stringContaining("Sam's familySam"),
    ]);
    await user.click(within(section).getByRole("button", { name: "Visit Sam's family" }));
    expect(visits).toEqual([ROOM_B]);

    await user.type(within(section).getByLabelText("Message for every room"), "Two minutes left");
    await user.click(within(section).getByRole("button", { name: "Message all rooms" }));
    expect(transport.requestsOf("room:breakouts-message")).toEqual([
      { sessionId: SESSION_ID, message: "Two minutes left" },
    ]);
    await user.click(within(section).getByRole("button", { name: "Close breakout rooms" }));
    expect(transport.requestsOf("room:breakouts-close")).toEqual([{ sessionId: SESSION_ID }]);
  });

  it("offers the way back while visiting a room", async () => {
    const { user, visits } = renderPanel({
      ...OPEN,
      me: { ...OPEN.me, breakoutId: ROOM_A },
    });
    const section = breakoutSection();
    expect(section.textContent).toContain("You are visiting Jordan's family's room.");
    expect(within(section).getByText("You are here")).toBeTruthy();
    await user.click(within(section).getByRole("button", { name: "Back to main room" }));
    expect(visits).toEqual([null]);
  });

  it("won't send an empty message to the rooms", async () => {
    const { transport, user } = renderPanel(OPEN);
    const section = breakoutSection();
    await user.click(within(section).getByRole("button", { name: "Message all rooms" }));
    expect(within(section).getByText("Write a message.")).toBeTruthy();
    expect(transport.requestsOf("room:breakouts-message")).toEqual([]);
  });
});

describe("the breakout status everyone sees", () => {
  const mine: RoomSnapshot = {
    ...OPEN,
    me: { userId: PAT, role: "family", status: "in-room", breakoutId: ROOM_A },
    breakouts: {
      endsAt: "2026-11-23T23:10:00.000Z",
      whenTimeIsUp: "keep-open",
      rooms: [{ id: ROOM_A, name: "Jordan's family", members: [JORDAN, PAT] }],
    },
  };

  it("says which room a family is in and how long is left", () => {
    render(<BreakoutStatus room={mine} now={Date.parse("2026-11-23T23:05:31.000Z")} />);
    expect(screen.getByText("You are in Jordan's family's room")).toBeTruthy();
    expect(screen.getByRole("timer").textContent).toBe("Breakout rooms: 4:29 left");
    // Not a milestone: nothing is announced this second.
    expect(screen.getByRole("status").textContent).toBe("");
  });

  it("announces politely at a milestone, and says when time is up", () => {
    const { rerender } = render(
      <BreakoutStatus room={mine} now={Date.parse("2026-11-23T23:08:00.000Z")} />,
    );
    expect(screen.getByRole("status").textContent).toBe("2 minutes left in breakout rooms.");
    rerender(<BreakoutStatus room={mine} now={Date.parse("2026-11-23T23:10:30.000Z")} />);
    expect(screen.getByRole("timer").textContent).toBe("Breakout rooms: time is up");
  });

  it("shows nothing when no breakout rooms are open", () => {
    const { container } = render(<BreakoutStatus room={MAIN} now={Date.now()} />);
    expect(container.textContent).toBe("");
  });
});
