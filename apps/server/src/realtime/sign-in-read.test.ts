import { describe, expect, it } from "vitest";
import { SIGN_IN_CACHE_TTL_MS } from "../auth/sign-in-cache";
import { signInReadHolds, SOCKET_SIGN_IN_TRUST_MS } from "./realtime";

const checkedAt = Date.parse("2026-12-07T10:00:00Z");
const read = {
  checkedAt,
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

  it("does not hold past the cache's seconds when the news was interrupted after the read", () => {
    // Redis came back after the read: what was published while it was down never arrived.
    expect(signInReadHolds(read, checkedAt + SIGN_IN_CACHE_TTL_MS, checkedAt + 1)).toBe(false);
  });

  it("never holds past the idle or absolute end it found, or under a clock set back", () => {
    const endsSoon = {
      checkedAt,
      ends: { idle: new Date(checkedAt + 1000), absolute: read.ends.absolute },
    };
    expect(signInReadHolds(endsSoon, checkedAt + 999, checkedAt - 1)).toBe(true);
    expect(signInReadHolds(endsSoon, checkedAt + 1000, checkedAt - 1)).toBe(false);
    const absolute = {
      checkedAt,
      ends: { idle: read.ends.idle, absolute: new Date(checkedAt + 10) },
    };
    expect(signInReadHolds(absolute, checkedAt + 10, checkedAt - 1)).toBe(false);
    expect(signInReadHolds(read, checkedAt - 1, checkedAt - 1)).toBe(false);
  });
});
