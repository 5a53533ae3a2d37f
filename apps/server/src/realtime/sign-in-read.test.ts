import { describe, expect, it } from "vitest";
import { SIGN_IN_CACHE_TTL_MS } from "../auth/sign-in-cache";
import { signInReadHolds, SOCKET_SIGN_IN_TRUST_MS, trustFor } from "./realtime";

const checkedAt = Date.parse("2026-12-07T10:00:00Z");
const read = {
  checkedAt,
  trustMs: SOCKET_SIGN_IN_TRUST_MS,
  ends: { idle: new Date(checkedAt + 30 * 60_000), absolute: new Date(checkedAt + 12 * 3600_000) },
};

describe("whether a socket's last sign-in read still holds", () => {
  it("holds for the cache's few seconds whatever the revocation news", () => {
    expect(signInReadHolds(read, checkedAt + SIGN_IN_CACHE_TTL_MS - 1, undefined)).toBe(true);
    expect(signInReadHolds(read, checkedAt + SIGN_IN_CACHE_TTL_MS, undefined)).toBe(false);
  });

  it("holds up to the trust window while every revocation since the read was heard", () => {
    const heard = checkedAt - 1;
    expect(signInReadHolds(read, checkedAt + SIGN_IN_CACHE_TTL_MS, heard)).toBe(true);
    expect(signInReadHolds(read, checkedAt + SOCKET_SIGN_IN_TRUST_MS - 1, heard)).toBe(true);
    expect(signInReadHolds(read, checkedAt + SOCKET_SIGN_IN_TRUST_MS, heard)).toBe(false);
  });

  it("holds each read for its own share of the window, half of it at least", () => {
    const heard = checkedAt - 1;
    const shorter = { ...read, trustMs: 40_000 };
    expect(signInReadHolds(shorter, checkedAt + 39_999, heard)).toBe(true);
    expect(signInReadHolds(shorter, checkedAt + 40_000, heard)).toBe(false);
    expect(trustFor(SOCKET_SIGN_IN_TRUST_MS, () => 0)).toBe(SOCKET_SIGN_IN_TRUST_MS / 2);
    expect(trustFor(SOCKET_SIGN_IN_TRUST_MS, () => 0.999_999)).toBeLessThanOrEqual(
      SOCKET_SIGN_IN_TRUST_MS,
    );
    const drawn = Array.from({ length: 50 }, () => trustFor(SOCKET_SIGN_IN_TRUST_MS));
    expect(new Set(drawn).size).toBeGreaterThan(1);
  });

  it("does not hold past the cache's seconds when the news was interrupted after the read", () => {
    // Redis came back after the read: what was published while it was down never arrived.
    expect(signInReadHolds(read, checkedAt + SIGN_IN_CACHE_TTL_MS, checkedAt + 1)).toBe(false);
  });

  it("never holds past the idle or absolute end it found, or under a clock set back", () => {
    const endsSoon = {
      ...read,
      ends: { idle: new Date(checkedAt + 1000), absolute: read.ends.absolute },
    };
    expect(signInReadHolds(endsSoon, checkedAt + 999, checkedAt - 1)).toBe(true);
    expect(signInReadHolds(endsSoon, checkedAt + 1000, checkedAt - 1)).toBe(false);
    const absolute = {
      ...read,
      ends: { idle: read.ends.idle, absolute: new Date(checkedAt + 10) },
    };
    expect(signInReadHolds(absolute, checkedAt + 10, checkedAt - 1)).toBe(false);
    expect(signInReadHolds(read, checkedAt - 1, checkedAt - 1)).toBe(false);
  });
});
