import type { RoomSnapshot } from "@bridgeway/domain";
import { afterEach, describe, expect, it } from "vitest";
import { applyLocale } from "../i18n/i18n";
import {
  breakoutAnnouncement,
  breakoutRemaining,
  breakoutTimerText,
  formatCountdown,
  roomPhrase,
  roomsByFamily,
  toOpenBreakouts,
  whereAmI,
} from "./breakouts";
import { familyLabelOf, tileModels } from "./room-view";
import { DANA, JORDAN, person, RILEY, SAM, SESSION_ID, snapshot } from "./testing/fakes";

const PAT = "9a700000-0000-4000-8000-000000000005";
const ROOM_A = "b0000000-0000-4000-8000-00000000000a";
const ROOM_B = "b0000000-0000-4000-8000-00000000000b";

const multiFamily = snapshot({
  kind: "MULTI_FAMILY",
  people: [
    person({ userId: DANA, displayName: "Dana", role: "facilitator" }),
    person({ userId: JORDAN, displayName: "Jordan", familyLabel: "Jordan's family" }),
    person({ userId: PAT, displayName: "Pat", role: "family", familyLabel: "Jordan's family" }),
    person({ userId: SAM, displayName: "Sam", familyLabel: "Sam's family" }),
    person({ userId: RILEY, displayName: "Riley", status: "left", familyLabel: "Riley's family" }),
  ],
});

function inBreakout(role: "participant" | "facilitator", breakoutId: string | null): RoomSnapshot {
  return {
    ...multiFamily,
    me: { userId: role === "facilitator" ? DANA : JORDAN, role, status: "in-room", breakoutId },
    breakouts: {
      endsAt: "2026-11-23T23:10:00.000Z",
      whenTimeIsUp: "keep-open",
      rooms: [
        { id: ROOM_A, name: "Jordan's family", members: [JORDAN, PAT] },
        { id: ROOM_B, name: "Parents", members: [SAM] },
      ],
    },
  };
}

describe("breakout rooms, as the room shows them", () => {
  it("says which room someone is in, in words", () => {
    expect(whereAmI(inBreakout("participant", ROOM_A))).toBe("You are in Jordan's family's room");
    expect(whereAmI(inBreakout("facilitator", ROOM_B))).toBe("You are visiting the Parents room");
    expect(whereAmI(inBreakout("facilitator", null))).toBe("You are in the main room");
    expect(roomPhrase("Room 2")).toBe("Room 2");
  });

  it("counts down in minutes and seconds, and says when time is up", () => {
    const room = inBreakout("participant", ROOM_A);
    const now = Date.parse("2026-11-23T23:05:00.500Z");
    expect(breakoutRemaining(room, now)).toBe(299_500);
    expect(breakoutTimerText(299_500)).toBe("Breakout rooms: 5:00 left");
    expect(breakoutTimerText(298_999)).toBe("Breakout rooms: 4:59 left");
    expect(breakoutTimerText(0)).toBe("Breakout rooms: time is up");
    // When the rooms close by themselves, the timer says everyone is coming back.
    expect(breakoutTimerText(0, "close")).toBe("Breakout rooms: time is up, back to the main room");
    expect(breakoutAnnouncement(-1_000, "close")).toBe(
      "Breakout time is up. Everyone is coming back to the main room.",
    );
    expect(formatCountdown(61_000)).toBe("1:01");
    expect(breakoutRemaining({ ...room, breakouts: null }, now)).toBeNull();
  });

  it("tells a screen reader the time left only at a few milestones, not every second", () => {
    const said = new Set<string>();
    let changes = 0;
    let last = "";
    // Ten minutes, one second at a time.
    for (let ms = 600_000; ms >= -5_000; ms -= 1_000) {
      const text = breakoutAnnouncement(ms);
      if (text !== last) {
        changes += 1;
        last = text;
      }
      if (text !== "") said.add(text);
    }
    expect([...said]).toEqual([
      "5 minutes left in breakout rooms.",
      "2 minutes left in breakout rooms.",
      "1 minute left in breakout rooms.",
      "30 seconds left in breakout rooms.",
      "Breakout time is up. The facilitator will bring everyone back.",
    ]);
    // Each milestone appears once and is cleared once: a handful of changes in ten minutes.
    expect(changes).toBeLessThanOrEqual(9);
    // A timer that starts below a milestone never says it.
    expect(breakoutAnnouncement(100_000)).toBe("");
  });

  it("plans one room per family from the people present, leaving clinicians out", () => {
    expect(
      roomsByFamily(multiFamily).map((r) => [r.name, r.people.map((p) => p.displayName)]),
    ).toEqual([
      ["Jordan's family", ["Jordan", "Pat"]],
      ["Sam's family", ["Sam"]],
    ]);
  });

  it("turns a plan into the server's request, or into field messages keyed as the server keys them", () => {
    expect(toOpenBreakouts(SESSION_ID, { kind: "by-family" }, "10")).toEqual({
      ok: true,
      payload: { rooms: "by-family", minutes: 10, whenTimeIsUp: "close" },
    });
    const manual = toOpenBreakouts(
      SESSION_ID,
      {
        kind: "manual",
        plan: { rooms: ["Parents", "Partners"], assignments: { [PAT]: 0, [SAM]: 1, [JORDAN]: 0 } },
      },
      "15",
      "keep-open",
    );
    expect(manual).toEqual({
      ok: true,
      payload: {
        rooms: [
          { name: "Parents", members: [PAT, JORDAN] },
          { name: "Partners", members: [SAM] },
        ],
        minutes: 15,
        whenTimeIsUp: "keep-open",
      },
    });
    const bad = toOpenBreakouts(
      SESSION_ID,
      { kind: "manual", plan: { rooms: ["Parents", " "], assignments: {} } },
      "",
    );
    expect(bad.ok ? null : bad.fields).toEqual({
      minutes: "Say how many minutes, from 1 to 120.",
      "rooms.1.name": "Name each room.",
      rooms: "Put at least one person in a room.",
    });
    const tooLong = toOpenBreakouts(SESSION_ID, { kind: "by-family" }, "121");
    expect(tooLong.ok ? null : tooLong.fields).toEqual({ minutes: "At most two hours." });
  });

  it("shows family labels beside names in multi-family groups only", () => {
    const pat = multiFamily.people[2];
    if (!pat) throw new Error("no Pat");
    expect(familyLabelOf(pat, multiFamily)).toBe("Jordan's family");
    expect(familyLabelOf(pat, { kind: "FAMILY" })).toBeNull();
    const tiles = tileModels(multiFamily, new Map());
    expect(tiles.map((t) => [t.name, t.familyLabel])).toEqual([
      ["Jordan", "Jordan's family"],
      ["Dana", null],
      ["Pat", "Jordan's family"],
      ["Sam", "Sam's family"],
    ]);
  });

  it("shows only the people in my breakout room on my grid", () => {
    const room = {
      ...inBreakout("participant", ROOM_A),
      people: multiFamily.people.map((p) => ({
        ...p,
        breakoutId:
          p.userId === JORDAN || p.userId === PAT ? ROOM_A : p.userId === SAM ? ROOM_B : null,
      })),
    };
    expect(tileModels(room, new Map()).map((t) => t.name)).toEqual(["Jordan", "Pat"]);
  });
});

describe("breakout rooms in Spanish", () => {
  afterEach(() => applyLocale("en"));

  it("says where one is, the time left and the milestones in Spanish, family names kept", () => {
    applyLocale("es");
    const inJordans: RoomSnapshot = {
      ...multiFamily,
      me: { ...multiFamily.me, breakoutId: ROOM_A },
      breakouts: {
        rooms: [{ id: ROOM_A, name: "Jordan's family", members: [JORDAN, PAT] }],
        endsAt: "2026-11-23T23:30:00.000Z",
        whenTimeIsUp: "close",
      },
    };
    expect(whereAmI(inJordans)).toBe("Estás en la sala de la familia de Jordan");
    expect(roomPhrase("Dana's room")).toBe("la sala de Dana");
    expect(roomPhrase("Padres")).toBe("la sala Padres");
    expect(breakoutTimerText(65_000)).toBe("Salas de grupo pequeño: quedan 1:05");
    expect(breakoutAnnouncement(120_000)).toBe("Quedan 2 minutos en las salas de grupo pequeño.");
    expect(breakoutAnnouncement(0, "close")).toBe(
      "Se acabó el tiempo en grupos pequeños. Todos vuelven a la sala principal.",
    );
  });
});
