import { describe, expect, it } from "vitest";
import { ChatHistorySchema, parseRoomKey, resyncPoint, roomKey, type ChatRoomRef } from "./chat";

const A = "0b8f7a0e-1c4c-4a55-9d43-8f3f62f2d3a1";
const B = "7d5f0c3e-2b41-4b8a-9d1e-3c2f1a0b9e88";

describe("chat room keys", () => {
  it.each<ChatRoomRef>([
    { kind: "cohort", cohortId: A },
    { kind: "staff", programId: A },
    { kind: "session", sessionId: A },
    { kind: "thread", participantId: A, facilitatorId: B },
  ])("round-trip %j", (ref) => {
    expect(parseRoomKey(roomKey(ref))).toEqual(ref);
  });

  it.each([
    "",
    "cohort",
    `cohort:${A}:x`,
    "cohort:not-a-uuid",
    `thread:${A}`,
    `lobby:${A}`,
    `COHORT:${A}`,
    `cohort:${A.toUpperCase()}`,
  ])("refuse %j", (key) => {
    expect(parseRoomKey(key)).toBeNull();
  });

  it("pages history at most 100 at a time, 50 by default", () => {
    expect(ChatHistorySchema.parse({ roomKey: `cohort:${A}` }).limit).toBe(50);
    expect(ChatHistorySchema.safeParse({ roomKey: `cohort:${A}`, limit: 101 }).success).toBe(false);
  });
});

describe("resyncPoint", () => {
  const at = (id: string, iso: string) => ({ id, createdAt: iso });
  const messages = [
    at("a", "2026-03-02T14:00:00.000Z"),
    at("b", "2026-03-02T14:00:10.000Z"),
    at("c", "2026-03-02T14:00:20.000Z"),
    at("d", "2026-03-02T14:00:30.000Z"),
  ];

  it("starts from the newest message older than the interruption, less the margin", () => {
    // Interrupted at :26: anything from :21 on may have been missed.
    expect(resyncPoint(messages, "2026-03-02T14:00:26.000Z")).toBe("c");
    expect(resyncPoint(messages, "2026-03-02T14:00:24.000Z")).toBe("b");
  });

  it("breaks equal times by id, whatever order the messages come in", () => {
    const tied = [at("y", "2026-03-02T14:00:00.000Z"), at("x", "2026-03-02T14:00:00.000Z")];
    expect(resyncPoint(tied, "2026-03-02T15:00:00.000Z")).toBe("y");
    expect(resyncPoint([...tied].reverse(), "2026-03-02T15:00:00.000Z")).toBe("y");
  });

  it("falls back to the oldest message when none is that old, and to nothing when there are none", () => {
    expect(resyncPoint(messages, "2026-03-02T14:00:01.000Z")).toBe("a");
    expect(resyncPoint([], "2026-03-02T14:00:01.000Z")).toBeUndefined();
  });
});
