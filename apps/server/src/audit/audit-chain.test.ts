import { describe, expect, it } from "vitest";
import {
  canonicalContent,
  chainHash,
  GENESIS_HASH,
  verifyChain,
  type ChainedEvent,
} from "./audit-chain";

function chain(count: number): ChainedEvent[] {
  const events: ChainedEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= count; i += 1) {
    const content = {
      id: BigInt(i),
      occurredAt: new Date(Date.UTC(2026, 11, 6, 3, 0, i)),
      organizationId: "11111111-1111-4111-8111-111111111111",
      actorUserId: "22222222-2222-4222-8222-222222222222",
      actorRole: "ADMIN",
      action: "read",
      recordType: "participant",
      recordId: `p-${i}`,
      outcome: "success",
      requestId: `req-${i}`,
      ipAddress: "127.0.0.1",
    };
    const hash = chainHash(prevHash, content);
    events.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

describe("the audit chain", () => {
  it("hashes a fixed canonical form: id, time, actor, action, record, outcome and details in order", () => {
    const [event] = chain(1);
    if (!event) throw new Error("no event");
    expect(canonicalContent(event)).toBe(
      '["1","2026-12-06T03:00:01.000Z","11111111-1111-4111-8111-111111111111",' +
        '"22222222-2222-4222-8222-222222222222","ADMIN","read","participant","p-1","success",' +
        '"req-1","127.0.0.1"]',
    );
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, event)).toBe(event.hash);
    expect(chainHash("f".repeat(64), event)).not.toBe(event.hash);
  });

  it("accepts an intact chain from its first event", () => {
    expect(verifyChain(chain(5), GENESIS_HASH)).toEqual({ ok: true, checked: 5 });
  });

  it("names the first changed event", () => {
    const events = chain(5);
    const third = events[2];
    if (!third) throw new Error("no event");
    events[2] = { ...third, outcome: "denied" };
    expect(verifyChain(events, GENESIS_HASH)).toMatchObject({
      ok: false,
      eventId: "3",
      reason: "changed",
      checked: 2,
    });
  });

  it("names the event after a removed one", () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verifyChain(events, GENESIS_HASH)).toMatchObject({
      ok: false,
      eventId: "3",
      reason: "unlinked",
    });
  });

  it("detects a removed first event", () => {
    expect(verifyChain(chain(3).slice(1), GENESIS_HASH)).toMatchObject({ ok: false, eventId: "2" });
  });

  it("names the first event of two swapped rows", () => {
    const events = chain(5);
    const [second, fourth] = [events[1], events[3]];
    if (!second || !fourth) throw new Error("no event");
    events[1] = fourth;
    events[3] = second;
    expect(verifyChain(events, GENESIS_HASH)).toMatchObject({ ok: false, eventId: "4" });
  });

  it("detects rows swapped by their ids, keeping the rows in place", () => {
    const events = chain(4);
    const [second, third] = [events[1], events[2]];
    if (!second || !third) throw new Error("no event");
    events[1] = { ...third, id: second.id };
    events[2] = { ...second, id: third.id };
    expect(verifyChain(events, GENESIS_HASH)).toMatchObject({ ok: false, eventId: "2" });
  });

  it("names an event that is not chained at all", () => {
    const events = chain(3);
    const second = events[1];
    if (!second) throw new Error("no event");
    events[1] = { ...second, prevHash: null, hash: null };
    expect(verifyChain(events, GENESIS_HASH)).toMatchObject({
      ok: false,
      eventId: "2",
      reason: "unlinked",
    });
  });

  it("checks only the links inside a tail when told not to expect the genesis hash", () => {
    const tail = chain(6).slice(3);
    expect(verifyChain(tail, null)).toEqual({ ok: true, checked: 3 });
    expect(verifyChain(tail, GENESIS_HASH)).toMatchObject({ ok: false, eventId: "4" });
  });
});
