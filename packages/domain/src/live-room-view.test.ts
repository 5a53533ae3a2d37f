import { describe, expect, it } from "vitest";
import { DIRECT_MODE_MAX_PEOPLE } from "./live";
import {
  breakoutsByFamily,
  familyLabelOfSupporter,
  hasFamilyLabels,
  isInRoom,
  isWaiting,
  liveSessionTitle,
  muteTargets,
  presenceOf,
  roomView,
  seatsLeft,
  signalRefusal,
  type RoomAttendee,
  type RoomViewInput,
} from "./live-room-view";

const person = (userId: string, over: Partial<RoomAttendee> = {}): RoomAttendee => ({
  userId,
  role: "participant",
  displayName: userId,
  status: "ADMITTED",
  connection: "CONNECTED",
  handRaisedAt: null,
  microphone: true,
  camera: true,
  screen: false,
  screenShareAllowed: false,
  audioOnly: false,
  breakoutId: null,
  ...over,
});

const clinician = person("dr-kim", { role: "facilitator", displayName: "Dr Kim" });
const alex = person("alex", { displayName: "Alex" });
const sam = person("sam", { displayName: "Sam", handRaisedAt: new Date("2026-11-24T00:05:00Z") });
const waiting = person("wren", { displayName: "Wren", status: "WAITING" });
const waitedAndLeft = person("gus", { status: "WAITING", connection: "GONE" });
const dropped = person("drew", { connection: "RECONNECTING" });
const gone = person("gale", { connection: "GONE" });
const removed = person("rory", { displayName: "Rory", status: "REMOVED", connection: "GONE" });
const declined = person("dee", { status: "DECLINED", connection: "GONE" });

const openRoom = {
  openedAt: new Date("2026-11-23T23:55:00Z"),
  lockedAt: null,
  endedAt: null,
  breakoutsEndAt: null,
  breakoutsCloseAtEnd: true,
};

const input = (over: Partial<RoomViewInput> = {}): RoomViewInput => ({
  sessionId: "s1",
  occurrence: {
    kind: "GROUP_THERAPY",
    cohortName: "Evening track",
    startsAt: new Date("2026-11-24T00:00:00Z"),
    endsAt: new Date("2026-11-24T03:00:00Z"),
  },
  mediaMode: "direct",
  room: openRoom,
  attendees: [clinician, alex, sam, waiting, waitedAndLeft, dropped, gone, removed, declined],
  labels: new Map(),
  breakouts: [],
  ...over,
});

const ids = (people: { userId: string }[]) => people.map((p) => p.userId);

describe("presence as the roster shows it", () => {
  it("shows someone waiting with the page open as waiting, and as left once they close it", () => {
    expect(presenceOf(waiting)).toBe("waiting");
    expect(presenceOf(waitedAndLeft)).toBe("left");
  });

  it("shows a dropped connection as reconnecting, and as left when the grace period is over", () => {
    expect(presenceOf(alex)).toBe("in-room");
    expect(presenceOf(dropped)).toBe("reconnecting");
    expect(presenceOf(gone)).toBe("left");
  });

  it("counts reconnecting people as in the room but not those gone, waiting or removed", () => {
    expect([alex, dropped, gone, waiting, removed].filter(isInRoom)).toEqual([alex, dropped]);
    expect([alex, waiting, waitedAndLeft].filter(isWaiting)).toEqual([waiting]);
  });
});

describe("the session's title", () => {
  it("names the kind and the cohort for clinicians and participants", () => {
    const occurrence = { kind: "GROUP_THERAPY" as const, cohortName: "Evening track" };
    expect(liveSessionTitle(occurrence, "participant")).toBe("Group therapy · Evening track");
    expect(liveSessionTitle(occurrence, "facilitator")).toBe("Group therapy · Evening track");
  });

  it("keeps the cohort's name from family members", () => {
    expect(liveSessionTitle({ kind: "MULTI_FAMILY", cohortName: "Evening track" }, "family")).toBe(
      "Multi-family group",
    );
  });

  it("names only the kind when there is no cohort", () => {
    expect(liveSessionTitle({ kind: "INDIVIDUAL", cohortName: null }, "participant")).toBe(
      "Individual therapy",
    );
  });
});

describe("what a clinician sees of the room", () => {
  const view = roomView(input(), "dr-kim", "participant");

  it("lists everyone let in (even those who left) and everyone still waiting", () => {
    expect(ids(view.people)).toEqual(["dr-kim", "alex", "sam", "wren", "drew", "gale"]);
    expect(view.people.find((p) => p.userId === "gale")?.status).toBe("left");
  });

  it("lists the people removed, so they can be let back in", () => {
    expect(view.removed).toEqual([{ userId: "rory", displayName: "Rory" }]);
  });

  it("says who they are and where they stand", () => {
    expect(view.me).toEqual({
      userId: "dr-kim",
      role: "facilitator",
      status: "in-room",
      breakoutId: null,
    });
    expect(view.title).toBe("Group therapy · Evening track");
  });

  it("shows each person's hand, media and permissions", () => {
    expect(view.people.find((p) => p.userId === "sam")).toEqual({
      userId: "sam",
      displayName: "Sam",
      role: "participant",
      familyLabel: null,
      breakoutId: null,
      status: "in-room",
      handRaisedAt: "2026-11-24T00:05:00.000Z",
      microphone: true,
      camera: true,
      screen: false,
      screenShareAllowed: false,
      audioOnly: false,
    });
  });

  it("carries the room's times, lock and end, and the media mode", () => {
    expect(view).toMatchObject({
      sessionId: "s1",
      kind: "GROUP_THERAPY",
      startsAt: "2026-11-24T00:00:00.000Z",
      endsAt: "2026-11-24T03:00:00.000Z",
      openedAt: "2026-11-23T23:55:00.000Z",
      locked: false,
      ended: false,
      mediaMode: "direct",
      breakouts: null,
    });
    const room = { ...openRoom, lockedAt: new Date(), endedAt: new Date() };
    expect(roomView(input({ room }), "dr-kim", "participant")).toMatchObject({
      locked: true,
      ended: true,
    });
  });

  it("shows a room nobody has opened yet as not opened, unlocked and not ended", () => {
    expect(roomView(input({ room: null }), "dr-kim", "participant")).toMatchObject({
      openedAt: null,
      locked: false,
      ended: false,
    });
  });
});

describe("what a participant sees of the room", () => {
  it("shows the people in the room, without those waiting, gone or removed, once let in", () => {
    const view = roomView(input(), "alex", "participant");
    expect(ids(view.people)).toEqual(["dr-kim", "alex", "sam", "drew"]);
    expect(view.removed).toBeUndefined();
    expect(view.me.status).toBe("in-room");
  });

  it("shows nobody while they wait: who is in the room is not theirs to know yet", () => {
    const view = roomView(input(), "wren", "participant");
    expect(view.people).toEqual([]);
    expect(view.me.status).toBe("waiting");
  });

  it("tells the declined and the removed where they stand, and shows them nobody", () => {
    expect(roomView(input(), "dee", "participant")).toMatchObject({
      people: [],
      me: { status: "declined" },
    });
    expect(roomView(input(), "rory", "participant")).toMatchObject({
      people: [],
      me: { status: "removed" },
    });
  });

  it("shows someone not yet at the door as left, in the role they come as", () => {
    const view = roomView(
      input({ occurrence: { ...input().occurrence, kind: "MULTI_FAMILY" } }),
      "nobody-yet",
      "family",
    );
    expect(view.me).toMatchObject({ role: "participant", status: "left", breakoutId: null });
    expect(view.title).toBe("Multi-family group");
    expect(view.people).toEqual([]);
  });
});

describe("family labels and breakout rooms", () => {
  const family = person("pat", { role: "family", displayName: "Pat", breakoutId: "b1" });
  const jordan = person("jordan", { displayName: "Jordan", breakoutId: "b1" });
  const riley = person("riley", { displayName: "Riley", breakoutId: "b2" });
  const labels = new Map([
    ["pat", "Jordan's family"],
    ["jordan", "Jordan's family"],
    ["riley", "Riley's family"],
  ]);
  const breakouts = [
    { id: "b1", name: "Jordan's family", members: ["jordan", "pat"] },
    { id: "b2", name: "Riley's family", members: ["riley"] },
  ];
  const multiFamily = input({
    occurrence: { ...input().occurrence, kind: "MULTI_FAMILY" },
    attendees: [clinician, family, jordan, riley],
    labels,
    breakouts,
    room: { ...openRoom, breakoutsEndAt: new Date("2026-11-24T01:00:00Z") },
  });

  it("labels each person with their family", () => {
    const view = roomView(multiFamily, "dr-kim", "participant");
    expect(view.people.map((p) => p.familyLabel)).toEqual([
      null,
      "Jordan's family",
      "Jordan's family",
      "Riley's family",
    ]);
  });

  it("shows a clinician every breakout room, with the timer and what happens when it runs out", () => {
    expect(roomView(multiFamily, "dr-kim", "participant").breakouts).toEqual({
      endsAt: "2026-11-24T01:00:00.000Z",
      whenTimeIsUp: "close",
      rooms: breakouts,
    });
  });

  it("shows a family member only their own breakout room", () => {
    const view = roomView(
      {
        ...multiFamily,
        room: {
          ...openRoom,
          breakoutsEndAt: new Date("2026-11-24T01:00:00Z"),
          breakoutsCloseAtEnd: false,
        },
      },
      "pat",
      "family",
    );
    expect(view.me.breakoutId).toBe("b1");
    expect(view.breakouts).toEqual({
      endsAt: "2026-11-24T01:00:00.000Z",
      whenTimeIsUp: "keep-open",
      rooms: [breakouts[0]],
    });
  });

  it("shows no breakouts to someone not let in, nor when none are open", () => {
    const stillWaiting = person("pat", { role: "family", status: "WAITING" });
    expect(
      roomView({ ...multiFamily, attendees: [clinician, stillWaiting] }, "pat", "family").breakouts,
    ).toBeNull();
    expect(
      roomView({ ...multiFamily, breakouts: [] }, "dr-kim", "participant").breakouts,
    ).toBeNull();
  });

  it("labels only family sessions", () => {
    expect(hasFamilyLabels("FAMILY")).toBe(true);
    expect(hasFamilyLabels("MULTI_FAMILY")).toBe(true);
    expect(hasFamilyLabels("GROUP_THERAPY")).toBe(false);
  });

  it("labels a family member with the participant they support who is in the session", () => {
    const supported = [
      { participantId: "casey", participantFirstName: "Casey" },
      { participantId: "jordan", participantFirstName: "Jordan" },
    ];
    expect(familyLabelOfSupporter(supported, [jordan, family])).toBe("Jordan's family");
    expect(familyLabelOfSupporter(supported, [family])).toBe("Casey's family");
    expect(familyLabelOfSupporter([], [family])).toBeNull();
  });

  it("makes one breakout room per family, and a room of their own for someone unlabelled", () => {
    const unlabelled = person("ash", { displayName: "Ash" });
    const left = person("lee", { connection: "GONE" });
    expect(
      breakoutsByFamily([clinician, jordan, riley, family, unlabelled, left, waiting], labels),
    ).toEqual([
      { name: "Jordan's family", members: ["jordan", "pat"] },
      { name: "Riley's family", members: ["riley"] },
      { name: "Ash's room", members: ["ash"] },
    ]);
  });
});

describe("facilitator controls", () => {
  it("turns off everyone in the room but the clinicians", () => {
    const other = person("dr-lo", { role: "facilitator" });
    expect(ids(muteTargets(input().attendees.concat(other), "dr-kim", "everyone"))).toEqual([
      "alex",
      "sam",
      "drew",
    ]);
  });

  it("turns off one person only while they are in the room", () => {
    expect(ids(muteTargets(input().attendees, "dr-kim", "sam"))).toEqual(["sam"]);
    expect(muteTargets(input().attendees, "dr-kim", "wren")).toEqual([]);
    expect(muteTargets(input().attendees, "dr-kim", "gale")).toEqual([]);
  });

  it("limits direct video to its most people, reconnecting ones included", () => {
    const full = Array.from({ length: DIRECT_MODE_MAX_PEOPLE }, (_, i) => person(`p${i}`));
    expect(seatsLeft("direct", full)).toBe(0);
    expect(seatsLeft("direct", [alex, dropped, gone, waiting])).toBe(DIRECT_MODE_MAX_PEOPLE - 2);
    expect(seatsLeft("direct", [...full, alex])).toBe(0);
    expect(seatsLeft("livekit", full)).toBeNull();
  });
});

describe("signals between browsers", () => {
  it("passes between two people in the same room", () => {
    expect(signalRefusal(alex, sam)).toBeNull();
    expect(signalRefusal(alex, dropped)).toBeNull();
  });

  it("refuses a sender not let in, a receiver not in the session, and another breakout room", () => {
    expect(signalRefusal(waiting, alex)).toBe("sender-not-admitted");
    expect(signalRefusal(null, alex)).toBe("sender-not-admitted");
    expect(signalRefusal(alex, gone)).toBe("not-in-session");
    expect(signalRefusal(alex, waiting)).toBe("not-in-session");
    expect(signalRefusal(alex, null)).toBe("not-in-session");
    expect(signalRefusal(alex, person("b", { breakoutId: "b1" }))).toBe("other-room");
  });
});
