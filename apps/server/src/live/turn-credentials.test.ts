import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { turnCredential, turnPassword, turnUsernameValid } from "./turn-credentials";

const turn = {
  urls: ["turn:127.0.0.1:34780?transport=udp"],
  secret: "s3cret-shared-with-coturn",
  ttlSeconds: 3600,
};
const now = new Date("2026-03-02T18:00:00.000Z");

describe("TURN REST credentials", () => {
  it("names the expiry and the person in the username", () => {
    const c = turnCredential(turn, "user-1", now);
    expect(c.username).toBe(`${now.getTime() / 1000 + 3600}:user-1`);
    expect(c.expiresAt).toBe("2026-03-02T19:00:00.000Z");
    expect(c.urls).toEqual(turn.urls);
  });

  it("signs the username with HMAC-SHA1 of the shared secret, base64-encoded, as coturn checks it", () => {
    const c = turnCredential(turn, "user-1", now);
    const expected = createHmac("sha1", turn.secret).update(c.username).digest("base64");
    expect(c.credential).toBe(expected);
    // A known vector: HMAC-SHA1("key", "The quick brown fox jumps over the lazy dog").
    expect(turnPassword("key", "The quick brown fox jumps over the lazy dog")).toBe(
      Buffer.from("de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9", "hex").toString("base64"),
    );
  });

  it("gives a different password under another secret and to another person", () => {
    const a = turnCredential(turn, "user-1", now);
    expect(
      turnCredential({ ...turn, secret: "another-secret-entirely" }, "user-1", now).credential,
    ).not.toBe(a.credential);
    expect(turnCredential(turn, "user-2", now).credential).not.toBe(a.credential);
  });

  it("is valid until its expiry and not after", () => {
    const c = turnCredential(turn, "user-1", now);
    expect(turnUsernameValid(c.username, new Date(now.getTime() + 3599_000))).toBe(true);
    expect(turnUsernameValid(c.username, new Date(now.getTime() + 3600_000))).toBe(false);
    expect(turnUsernameValid("not-a-rest-username", now)).toBe(false);
  });
});
