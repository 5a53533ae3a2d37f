import { describe, expect, it } from "vitest";
import { ChatSendSchema } from "./chat";
import { attendanceSummary, BreakoutsOpenSchema, MuteSchema, SignalSchema } from "./live";

const session = {
  startsAt: new Date("2026-11-23T23:00:00Z"),
  endsAt: new Date("2026-11-24T02:00:00Z"),
};
const t = (minutesFromStart: number) =>
  new Date(session.startsAt.getTime() + minutesFromStart * 60_000);
const after = t(200);

describe("attendance from time in the room", () => {
  it("counts the whole session for someone there from before the start to the end", () => {
    expect(attendanceSummary([{ joinedAt: t(-8), leftAt: t(181) }], session, after)).toEqual({
      minutes: 180,
      late: false,
      leftEarly: false,
      attended: true,
    });
  });

  it("flags arriving more than 10 minutes late and leaving more than 10 minutes early", () => {
    expect(attendanceSummary([{ joinedAt: t(10), leftAt: t(170) }], session, after)).toMatchObject({
      minutes: 160,
      late: false,
      leftEarly: false,
    });
    expect(attendanceSummary([{ joinedAt: t(11), leftAt: t(169) }], session, after)).toMatchObject({
      minutes: 158,
      late: true,
      leftEarly: true,
    });
  });

  it("merges overlapping spans (two tabs) and adds separate ones (a drop and a return)", () => {
    expect(
      attendanceSummary(
        [
          { joinedAt: t(0), leftAt: t(60) },
          { joinedAt: t(30), leftAt: t(90) },
          { joinedAt: t(120), leftAt: t(180) },
        ],
        session,
        after,
      ).minutes,
    ).toBe(150);
  });

  it("counts an open span up to now and does not call someone still present an early leaver", () => {
    expect(attendanceSummary([{ joinedAt: t(0), leftAt: null }], session, t(45))).toEqual({
      minutes: 45,
      late: false,
      leftEarly: false,
      attended: true,
    });
  });

  it("reports no attendance without time inside the session", () => {
    expect(attendanceSummary([], session, after).attended).toBe(false);
    expect(attendanceSummary([{ joinedAt: t(-30), leftAt: t(-20) }], session, after)).toMatchObject(
      { minutes: 0, attended: false },
    );
  });
});

describe("live room inputs", () => {
  it("refuse chat messages that are empty, too long or not text", () => {
    const base = {
      roomKey: "cohort:0b8f7a0e-1c4c-4a55-9d43-8f3f62f2d3a1",
      clientId: "7d5f0c3e-2b41-4b8a-9d1e-3c2f1a0b9e88",
    };
    expect(ChatSendSchema.safeParse({ ...base, body: "hello" }).success).toBe(true);
    expect(ChatSendSchema.safeParse({ ...base, body: "  " }).success).toBe(false);
    expect(ChatSendSchema.safeParse({ ...base, body: "x".repeat(4001) }).success).toBe(false);
    expect(ChatSendSchema.safeParse({ ...base, body: 7 }).success).toBe(false);
  });
  it("accept only offers, answers and candidates as signals", () => {
    const base = {
      sessionId: "0b8f7a0e-1c4c-4a55-9d43-8f3f62f2d3a1",
      to: "7d5f0c3e-2b41-4b8a-9d1e-3c2f1a0b9e88",
    };
    expect(
      SignalSchema.safeParse({ ...base, signal: { description: { type: "offer", sdp: "v=0" } } })
        .success,
    ).toBe(true);
    expect(
      SignalSchema.safeParse({ ...base, signal: { description: { type: "execute", sdp: "v=0" } } })
        .success,
    ).toBe(false);
    expect(
      SignalSchema.safeParse({ ...base, signal: { candidate: { candidate: "x" }, extra: 1 } })
        .success,
    ).toBe(false);
  });
  it("turn off one person or everyone, never anything else", () => {
    const sessionId = "0b8f7a0e-1c4c-4a55-9d43-8f3f62f2d3a1";
    expect(
      MuteSchema.safeParse({ sessionId, target: "everyone", kind: "microphone" }).success,
    ).toBe(true);
    expect(
      MuteSchema.safeParse({ sessionId, target: "everybody", kind: "microphone" }).success,
    ).toBe(false);
    expect(MuteSchema.safeParse({ sessionId, target: "everyone", kind: "speaker" }).success).toBe(
      false,
    );
  });
});

describe("opening breakout rooms", () => {
  const sessionId = "00000000-0000-4000-8000-000000000001";

  it("closes the rooms when time is up unless the facilitator chooses to keep them open", () => {
    expect(
      BreakoutsOpenSchema.parse({ sessionId, rooms: "by-family", minutes: 5 }).whenTimeIsUp,
    ).toBe("close");
    expect(
      BreakoutsOpenSchema.parse({
        sessionId,
        rooms: "by-family",
        minutes: 5,
        whenTimeIsUp: "keep-open",
      }).whenTimeIsUp,
    ).toBe("keep-open");
  });

  it("refuses any other choice, naming the field", () => {
    const parsed = BreakoutsOpenSchema.safeParse({
      sessionId,
      rooms: "by-family",
      minutes: 5,
      whenTimeIsUp: "never",
    });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."))).toEqual([
      "whenTimeIsUp",
    ]);
  });
});
