import type { SessionSummary } from "@bridgeway/domain";
import { describe, expect, it } from "vitest";
import { joinState } from "./join-state";

const session: Pick<SessionSummary, "status" | "startsAt" | "endsAt" | "cancelReason"> = {
  status: "SCHEDULED",
  startsAt: "2026-11-23T23:00:00.000Z", // 6:00 PM in New York
  endsAt: "2026-11-24T02:00:00.000Z",
  cancelReason: null,
};
const at = (iso: string) => new Date(iso);

describe("join state", () => {
  it("says when joining opens, in the viewer's zone, until ten minutes before the start", () => {
    expect(joinState(session, at("2026-11-23T22:49:59Z"), "America/New_York")).toEqual({
      kind: "not-yet",
      opensAt: Date.parse("2026-11-23T22:50:00Z"),
      label: "Join opens at 5:50 PM",
    });
    expect(joinState(session, at("2026-11-23T12:00:00Z"), "America/Chicago")).toMatchObject({
      label: "Join opens at 4:50 PM",
    });
  });

  it("opens ten minutes before the start and stays open until the end", () => {
    expect(joinState(session, at("2026-11-23T22:50:00Z"), "America/New_York").kind).toBe("open");
    expect(joinState(session, at("2026-11-24T01:59:59Z"), "America/New_York").kind).toBe("open");
  });

  it("says ended once the session is over", () => {
    expect(joinState(session, at("2026-11-24T02:00:00Z"), "America/New_York").kind).toBe("ended");
  });

  it("never opens a cancelled session, and keeps its reason", () => {
    const cancelled = { ...session, status: "CANCELLED" as const, cancelReason: "Facilitator ill" };
    expect(joinState(cancelled, at("2026-11-23T23:30:00Z"), "America/New_York")).toEqual({
      kind: "cancelled",
      reason: "Facilitator ill",
    });
  });

  it("is ended for everyone from the moment a facilitator ended it early, and says when", () => {
    const ended = { ...session, endedAt: "2026-11-24T00:42:00.000Z" };
    expect(joinState(ended, at("2026-11-24T00:43:00Z"), "America/New_York")).toEqual({
      kind: "ended",
      endedAt: "2026-11-24T00:42:00.000Z",
    });
  });
});
