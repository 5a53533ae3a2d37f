import { describe, expect, it } from "vitest";
import { ChatHistorySchema, parseRoomKey, roomKey, type ChatRoomRef } from "./chat";

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
