import { afterEach, describe, expect, it, vi } from "vitest";
import {
  TYPING_EXPIRY_MS,
  TYPING_IDLE_MS,
  TYPING_REFRESH_MS,
  TypingRoster,
  TypingSignal,
  typingText,
} from "./typing";
import { i18n } from "../i18n/i18n";

const en = i18n.getFixedT("en", "chat");
const es = i18n.getFixedT("es", "chat");

const ROOM = "cohort:00000000-0000-4000-8000-0000000000c1";

afterEach(() => {
  vi.useRealTimers();
});

describe("typing indicator", () => {
  it("says who is typing in a sentence", () => {
    expect(typingText([], en)).toBe("");
    expect(typingText(["Sam P."], en)).toBe("Sam P. is typing…");
    expect(typingText(["Sam P.", "Riley K."], en)).toBe("Sam P. and Riley K. are typing…");
    expect(typingText(["Sam P.", "Riley K.", "Avery J."], en)).toBe("3 people are typing…");
    expect(typingText(["Sam P.", "Riley K."], es)).toBe("Sam P. y Riley K. están escribiendo…");
  });

  it("tells the room once when typing starts, again only every few seconds, and when it stops", () => {
    vi.useFakeTimers();
    const sent: boolean[] = [];
    const signal = new TypingSignal((typing) => sent.push(typing));

    signal.input("h");
    signal.input("he");
    signal.input("hel");
    expect(sent).toEqual([true]);

    vi.advanceTimersByTime(TYPING_REFRESH_MS);
    signal.input("hell");
    expect(sent).toEqual([true, true]);

    signal.stop();
    signal.stop();
    expect(sent).toEqual([true, true, false]);
  });

  it("says typing stopped after a pause, or when the box is cleared", () => {
    vi.useFakeTimers();
    const sent: boolean[] = [];
    const signal = new TypingSignal((typing) => sent.push(typing));
    signal.input("hi");
    vi.advanceTimersByTime(TYPING_IDLE_MS);
    expect(sent).toEqual([true, false]);

    signal.input("again");
    signal.input("");
    expect(sent).toEqual([true, false, true, false]);
  });

  it("forgets someone whose 'stopped' never came, and anyone whose message arrived", () => {
    let now = 0;
    const roster = new TypingRoster(() => now);
    roster.apply({ roomKey: ROOM, userId: "sam", displayName: "Sam P.", typing: true });
    roster.apply({ roomKey: ROOM, userId: "riley", displayName: "Riley K.", typing: true });
    expect(roster.names()).toEqual(["Sam P.", "Riley K."]);

    expect(roster.remove("riley")).toBe(true);
    expect(roster.names()).toEqual(["Sam P."]);

    now = TYPING_EXPIRY_MS + 1;
    expect(roster.expire()).toBe(true);
    expect(roster.names()).toEqual([]);
  });

  it("drops someone who says they stopped", () => {
    const roster = new TypingRoster(() => 0);
    roster.apply({ roomKey: ROOM, userId: "sam", displayName: "Sam P.", typing: true });
    expect(
      roster.apply({ roomKey: ROOM, userId: "sam", displayName: "Sam P.", typing: false }),
    ).toBe(true);
    expect(roster.names()).toEqual([]);
  });
});
