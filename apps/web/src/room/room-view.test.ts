import type { LiveErrorCode } from "@bridgeway/domain";
import { describe, expect, it } from "vitest";
import { isFromNewConnection, overall, sdpFingerprint } from "./direct-mesh-session";
import {
  canShareScreen,
  connectionBanner,
  defaultDisplayName,
  describeElapsed,
  displayNameProblem,
  formatElapsed,
  gridClass,
  handsInOrder,
  peerIds,
  reconnectAction,
  refusal,
  rosterView,
  tileModels,
} from "./room-view";
import { DANA, JORDAN, person, RILEY, SAM, snapshot } from "./testing/fakes";

describe("hands", () => {
  it("lists raised hands in the order they went up, leaving out lowered hands and people gone", () => {
    const people = [
      person({ userId: SAM, displayName: "Sam", handRaisedAt: "2026-11-23T23:05:02.000Z" }),
      person({ userId: JORDAN, displayName: "Jordan", handRaisedAt: null }),
      person({ userId: RILEY, displayName: "Riley", handRaisedAt: "2026-11-23T23:04:59.000Z" }),
      person({
        userId: DANA,
        displayName: "Dana",
        status: "left",
        handRaisedAt: "2026-11-23T23:01:00.000Z",
      }),
    ];
    expect(handsInOrder(people).map((p) => p.displayName)).toEqual(["Riley", "Sam"]);
  });
});

describe("the facilitator's roster", () => {
  it("splits the room into waiting, present (including reconnecting) and left", () => {
    const room = snapshot({
      me: { userId: DANA, role: "facilitator", status: "in-room", breakoutId: null },
      people: [
        person({ userId: DANA, displayName: "Dana", role: "facilitator" }),
        person({ userId: JORDAN, displayName: "Jordan", status: "reconnecting" }),
        person({ userId: SAM, displayName: "Sam", status: "waiting" }),
        person({ userId: RILEY, displayName: "Riley", status: "left" }),
      ],
    });
    const view = rosterView(room);
    expect(view.waiting.map((p) => p.displayName)).toEqual(["Sam"]);
    expect(view.present.map((p) => p.displayName)).toEqual(["Dana", "Jordan"]);
    expect(view.left.map((p) => p.displayName)).toEqual(["Riley"]);
    // Video connects to everyone present except me; not to people waiting or gone.
    expect(peerIds(room)).toEqual([JORDAN]);
  });
});

describe("refusals", () => {
  const codes: LiveErrorCode[] = [
    "not_found",
    "not_open_yet",
    "ended",
    "locked",
    "removed",
    "declined",
    "room_full",
    "not_admitted",
    "forbidden",
    "invalid_input",
  ];

  it.each(codes)("gives %s a title, keeps the server's message, and offers a way back", (code) => {
    const view = refusal({ code, message: "What the server said." });
    expect(view.title.length).toBeGreaterThan(0);
    expect(view.message).toContain("What the server said.");
    expect(view.next).toContain("my-week");
  });

  it("offers trying again only where waiting can help", () => {
    const retry = (code: LiveErrorCode) =>
      refusal({ code, message: "" }).next.includes("try-again");
    expect(retry("not_open_yet")).toBe(true);
    expect(retry("room_full")).toBe(true);
    expect(retry("locked")).toBe(true);
    expect(retry("not_found")).toBe(false);
    expect(retry("ended")).toBe(false);
    expect(retry("removed")).toBe(false);
  });

  it("never adds anything about who is in the room to a not-found refusal", () => {
    const view = refusal({
      code: "not_found",
      message: "We couldn't find that session, or it isn't one you can join.",
    });
    expect(`${view.title} ${view.message}`).not.toMatch(/Dana|Jordan|people|in the room/);
  });
});

describe("reconnecting", () => {
  it("joins again only when socket.io could not restore the connection, and only while in or waiting", () => {
    expect(reconnectAction("in-room", true)).toBe("resume");
    expect(reconnectAction("in-room", false)).toBe("rejoin");
    expect(reconnectAction("waiting", false)).toBe("rejoin");
    expect(reconnectAction("waiting", true)).toBe("resume");
    expect(reconnectAction("prejoin", false)).toBe("none");
    expect(reconnectAction("joining", false)).toBe("none");
    expect(reconnectAction("over", false)).toBe("none");
  });

  it("shows a banner while anything is connecting, and nothing once all is well", () => {
    expect(connectionBanner("reconnecting", "connected")?.text).toBe(
      "Reconnecting… your video will come back by itself.",
    );
    expect(connectionBanner("connected", "reconnecting")?.text).toBe(
      "Reconnecting… your video will come back by itself.",
    );
    expect(connectionBanner("connected", "connecting")?.text).toBe("Connecting…");
    expect(connectionBanner("connected", "connected")).toBeNull();
    expect(connectionBanner("signed-out", "connected")?.tone).toBe("error");
  });

  it("calls the whole connection reconnecting only when every peer is", () => {
    const of = (...states: ("connecting" | "connected" | "reconnecting")[]) =>
      overall(new Map(states.map((connection, i) => [String(i), { connection }])));
    expect(of()).toBe("connected");
    expect(of("connected", "reconnecting")).toBe("connected");
    expect(of("reconnecting", "reconnecting")).toBe("reconnecting");
    expect(of("connecting", "reconnecting")).toBe("connecting");
  });
});

describe("names and time", () => {
  it("suggests the first name only, never the full name", () => {
    expect(defaultDisplayName({ firstName: "Jordan" })).toBe("Jordan");
    expect(defaultDisplayName({ firstName: " Jordan " })).toBe("Jordan");
  });

  it("asks for a name and keeps it under 60 characters", () => {
    expect(displayNameProblem("   ")).toBe("Enter the name others will see.");
    expect(displayNameProblem("x".repeat(61))).toMatch(/under 60/);
    expect(displayNameProblem("Jordan L.")).toBeNull();
  });

  it("formats elapsed time as a clock and in words", () => {
    expect(formatElapsed(0)).toBe("0:00");
    expect(formatElapsed(245_000)).toBe("4:05");
    expect(formatElapsed(3_729_000)).toBe("1:02:09");
    expect(describeElapsed(245_000)).toBe("4 minutes 5 seconds");
    expect(describeElapsed(3_729_000)).toBe("1 hour 2 minutes");
    expect(describeElapsed(1_000)).toBe("1 second");
  });
});

describe("the grid", () => {
  it("grows from one column to four as people join, up to 13", () => {
    expect(gridClass(1)).toContain("video-grid--one");
    expect(gridClass(2)).toContain("video-grid--two");
    expect(gridClass(4)).toContain("video-grid--four");
    expect(gridClass(9)).toContain("video-grid--nine");
    expect(gridClass(13)).toContain("video-grid--many");
  });

  it("puts shared screens first, then me, then everyone else present", () => {
    const room = snapshot({
      people: [
        person({ userId: DANA, displayName: "Dana", role: "facilitator", screen: true }),
        person({ userId: JORDAN, displayName: "Jordan", microphone: false }),
        person({
          userId: SAM,
          displayName: "Sam",
          status: "reconnecting",
          handRaisedAt: "2026-11-23T23:00:00Z",
        }),
        person({ userId: RILEY, displayName: "Riley", status: "waiting" }),
      ],
    });
    const remotes = new Map([
      [DANA, { connection: "connected" as const, screen: {} }],
      [SAM, { connection: "connected" as const, screen: null }],
    ]);
    const tiles = tileModels(room, remotes);
    expect(tiles.map((t) => t.key)).toEqual([
      `screen:${DANA}`,
      `camera:${JORDAN}`,
      `camera:${DANA}`,
      `camera:${SAM}`,
    ]);
    expect(tiles[1]).toMatchObject({ self: true, microphone: false, connecting: false });
    expect(tiles[3]).toMatchObject({ reconnecting: true, handRaised: true });
  });

  it("lets facilitators share a screen always, and others only when allowed", () => {
    expect(canShareScreen(snapshot())).toBe(false);
    expect(
      canShareScreen(
        snapshot({
          people: [person({ userId: JORDAN, displayName: "Jordan", screenShareAllowed: true })],
        }),
      ),
    ).toBe(true);
    expect(
      canShareScreen(
        snapshot({
          me: { userId: DANA, role: "facilitator", status: "in-room", breakoutId: null },
        }),
      ),
    ).toBe(true);
  });
});

describe("a peer that starts afresh", () => {
  const sdp = (fingerprint: string) =>
    `v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\na=fingerprint:sha-256 ${fingerprint}\r\na=setup:actpass\r\n`;

  it("reads the DTLS fingerprint of an SDP", () => {
    expect(sdpFingerprint(sdp("AA:BB"))).toBe("AA:BB");
    expect(sdpFingerprint("v=0\r\n")).toBeNull();
  });

  it("tells an offer from a reloaded page (new certificate) from a renegotiation", () => {
    const current = { sdp: sdp("AA:BB") };
    expect(isFromNewConnection(sdp("AA:BB"), current)).toBe(false);
    expect(isFromNewConnection(sdp("CC:DD"), current)).toBe(true);
    expect(isFromNewConnection(sdp("CC:DD"), null)).toBe(false);
  });
});
