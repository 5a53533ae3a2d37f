import { describe, expect, it } from "vitest";
import { SignInCache } from "./sign-in-cache";
import type { SignInWithUser } from "./sign-in-repository";

function entry(signInId: string, userId: string): SignInWithUser {
  const at = new Date("2026-11-23T15:00:00Z");
  return {
    signIn: {
      id: signInId,
      userId,
      csrfToken: "c",
      createdAt: at,
      lastSeenAt: at,
      expiresAt: at,
    },
    user: {
      id: userId,
      email: `${userId}@example.org`,
      role: "PARTICIPANT",
      firstName: "A",
      lastName: "B",
      displayName: "A B",
      organizationId: "00000000-0000-4000-8000-000000000000",
      organizationName: "Clinic",
      timeZone: "UTC",
      locale: "en",
    },
    userActive: true,
  };
}

describe("the session cache", () => {
  it("forgets an entry once its time to live has passed", () => {
    const cache = new SignInCache(1000);
    cache.set("s1", entry("s1", "u1"), 10_000);
    expect(cache.get("s1", 10_999)?.signIn.id).toBe("s1");
    expect(cache.get("s1", 11_000)).toBeUndefined();
  });

  it("does not trust an entry when the clock has gone backwards", () => {
    const cache = new SignInCache(1000);
    cache.set("s1", entry("s1", "u1"), 10_000);
    expect(cache.get("s1", 9_000)).toBeUndefined();
  });

  it("drops one session, or every session of a user", () => {
    const cache = new SignInCache(1000);
    cache.set("s1", entry("s1", "u1"), 0);
    cache.set("s2", entry("s2", "u1"), 0);
    cache.set("s3", entry("s3", "u2"), 0);
    cache.delete("s3");
    expect(cache.get("s3", 1)).toBeUndefined();
    cache.deleteUser("u1");
    expect(cache.size).toBe(0);
  });

  it("evicts the oldest entry when full", () => {
    const cache = new SignInCache(1000, 2);
    cache.set("s1", entry("s1", "u1"), 0);
    cache.set("s2", entry("s2", "u2"), 0);
    cache.set("s3", entry("s3", "u3"), 0);
    expect(cache.get("s1", 1)).toBeUndefined();
    expect(cache.get("s2", 1)).toBeDefined();
    expect(cache.get("s3", 1)).toBeDefined();
  });
});
