import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password";
import { hashToken, tokensMatch } from "./sign-ins";

describe("passwords", () => {
  it("are hashed with argon2id at OWASP's minimum cost, salted each time", async () => {
    const a = await hashPassword("a long enough password");
    const b = await hashPassword("a long enough password");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
  });

  it("verify only the right password", async () => {
    const stored = await hashPassword("a long enough password");
    expect(await verifyPassword(stored, "a long enough password")).toBe(true);
    expect(await verifyPassword(stored, "a long enough passwore")).toBe(false);
  });

  it("never verify against a malformed hash", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });

  it("refuse every password when there is no account", async () => {
    expect(await verifyAgainstDummy("bridgeway-timing-equaliser")).toBe(false);
  });
});

describe("session tokens", () => {
  it("are stored only as a SHA-256 digest", () => {
    expect(hashToken("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("compare equal only when identical", () => {
    expect(tokensMatch("same-token", "same-token")).toBe(true);
    expect(tokensMatch("same-token", "same-tokeN")).toBe(false);
    expect(tokensMatch("same-token", "same")).toBe(false);
    expect(tokensMatch("same-token", undefined)).toBe(false);
  });
});
