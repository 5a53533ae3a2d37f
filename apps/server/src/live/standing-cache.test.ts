import { describe, expect, it } from "vitest";
import { createStandingCache, STANDING_TRUST_MS } from "./standing-cache";

/** A store of places with a counter of reads, and reads that finish when the test says so. */
function store() {
  const places = new Map<string, string>();
  const pending: (() => void)[] = [];
  let reads = 0;
  let hold = false;
  const read = (sessionId: string, userId: string) => {
    reads += 1;
    const at = `${sessionId}:${userId}`;
    if (!hold) return Promise.resolve(places.get(at) ?? null);
    // The database has answered (with the row as it is now); the answer arrives later.
    const answer = places.get(at) ?? null;
    return new Promise<string | null>((resolve) => pending.push(() => resolve(answer)));
  };
  return {
    places,
    read,
    reads: () => reads,
    holdReads: (on: boolean) => (hold = on),
    finishReads: () => pending.splice(0).forEach((finish) => finish()),
  };
}

describe("the signal relay's standing cache", () => {
  it("shares one read for a burst of signals within the trust window", async () => {
    const db = store();
    db.places.set("s1:u1", "ADMITTED");
    let now = 0;
    const cache = createStandingCache(db.read, () => now);
    const burst = await Promise.all(Array.from({ length: 12 }, () => cache.get("s1", "u1")));
    expect(burst.every((p) => p === "ADMITTED")).toBe(true);
    now = STANDING_TRUST_MS - 1;
    expect(await cache.get("s1", "u1")).toBe("ADMITTED");
    expect(db.reads()).toBe(1);
  });

  it("reads again once the trust window has passed", async () => {
    const db = store();
    db.places.set("s1:u1", "ADMITTED");
    let now = 0;
    const cache = createStandingCache(db.read, () => now);
    await cache.get("s1", "u1");
    db.places.set("s1:u1", "REMOVED");
    now = STANDING_TRUST_MS;
    expect(await cache.get("s1", "u1")).toBe("REMOVED");
    expect(db.reads()).toBe(2);
  });

  it("never reuses a read of a session after this process changed it", async () => {
    const db = store();
    db.places.set("s1:u1", "ADMITTED");
    db.places.set("s2:u1", "ADMITTED");
    const cache = createStandingCache(db.read, () => 0);
    await cache.get("s1", "u1");
    await cache.get("s2", "u1");
    db.places.set("s1:u1", "REMOVED");
    cache.forget("s1");
    expect(await cache.get("s1", "u1")).toBe("REMOVED");
    // Other sessions keep theirs.
    expect(await cache.get("s2", "u1")).toBe("ADMITTED");
    expect(db.reads()).toBe(3);
  });

  it("does not hand out a read that was in flight when the change committed", async () => {
    const db = store();
    db.places.set("s1:u1", "GONE");
    const cache = createStandingCache(db.read, () => 0);
    db.holdReads(true);
    const before = cache.get("s1", "u1");
    // The person rejoins while that read's old answer is on its way.
    db.places.set("s1:u1", "ADMITTED");
    cache.forget("s1");
    const after = cache.get("s1", "u1");
    db.finishReads();
    expect(await before).toBe("GONE");
    expect(await after).toBe("ADMITTED");
    expect(db.reads()).toBe(2);
  });

  it("holds what this process wrote, and forgets one person without the others", async () => {
    const db = store();
    db.places.set("s1:u2", "ADMITTED");
    const cache = createStandingCache(db.read, () => 0);
    await cache.get("s1", "u2");
    cache.set("s1", "u1", "ADMITTED");
    expect(await cache.get("s1", "u1")).toBe("ADMITTED");
    db.places.set("s1:u1", "GONE");
    cache.forget("s1", "u1");
    expect(await cache.get("s1", "u1")).toBe("GONE");
    expect(await cache.get("s1", "u2")).toBe("ADMITTED");
    expect(db.reads()).toBe(2);
  });

  it("fills from a whole-room read only when nothing was written while it ran", async () => {
    const db = store();
    const cache = createStandingCache(db.read, () => 0);
    const quiet = cache.beginFill("s1");
    cache.fill(quiet, [
      ["u1", "ADMITTED"],
      ["u2", "WAITING"],
    ]);
    expect(await cache.get("s1", "u2")).toBe("WAITING");
    expect(db.reads()).toBe(0);

    const busy = cache.beginFill("s2");
    // Admitted while the room was being read: the room's read is older than that.
    cache.set("s2", "u2", "ADMITTED");
    cache.fill(busy, [["u2", "WAITING"]]);
    expect(await cache.get("s2", "u2")).toBe("ADMITTED");
    const forgotten = cache.beginFill("s3");
    cache.forget("s3");
    db.places.set("s3:u1", "GONE");
    cache.fill(forgotten, [["u1", "ADMITTED"]]);
    expect(await cache.get("s3", "u1")).toBe("GONE");
  });

  it("counts a filled place's age from when the room's read began", async () => {
    const db = store();
    db.places.set("s1:u1", "REMOVED");
    let now = 0;
    const cache = createStandingCache(db.read, () => now);
    const token = cache.beginFill("s1");
    now = STANDING_TRUST_MS;
    cache.fill(token, [["u1", "ADMITTED"]]);
    expect(await cache.get("s1", "u1")).toBe("REMOVED");
  });

  it("does not keep a failed read", async () => {
    let fail = true;
    let reads = 0;
    const cache = createStandingCache(
      () => {
        reads += 1;
        return fail ? Promise.reject(new Error("connection lost")) : Promise.resolve("ADMITTED");
      },
      () => 0,
    );
    await expect(cache.get("s1", "u1")).rejects.toThrow("connection lost");
    fail = false;
    expect(await cache.get("s1", "u1")).toBe("ADMITTED");
    expect(reads).toBe(2);
  });

  it("drops expired sessions as new ones come in, so it stays small", async () => {
    let now = 0;
    const cache = createStandingCache(
      () => Promise.resolve("ADMITTED"),
      () => now,
    );
    for (let i = 0; i < 300; i += 1) await cache.get(`old-${i}`, "u1");
    expect(cache.size).toBeGreaterThan(256);
    now = STANDING_TRUST_MS;
    await cache.get("new", "u1");
    expect(cache.size).toBe(1);
  });
});
