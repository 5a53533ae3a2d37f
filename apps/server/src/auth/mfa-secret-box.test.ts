import { describe, expect, it } from "vitest";
import { createSecretBox } from "./mfa-secret-box";

describe("MFA secret box", () => {
  const box = createSecretBox("a".repeat(40));

  it("gives back what it sealed, and never stores it in the clear", () => {
    const sealed = box.seal("JBSWY3DPEHPK3PXP", "user-1");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(box.open(sealed, "user-1")).toBe("JBSWY3DPEHPK3PXP");
  });

  it("seals the same secret differently each time", () => {
    expect(box.seal("S", "user-1")).not.toBe(box.seal("S", "user-1"));
  });

  it("opens nothing sealed with another key, for another account, or changed", () => {
    const sealed = box.seal("JBSWY3DPEHPK3PXP", "user-1");
    expect(createSecretBox("b".repeat(40)).open(sealed, "user-1")).toBeNull();
    expect(box.open(sealed, "user-2")).toBeNull();
    const flipped = `${sealed.slice(0, -2)}${sealed.endsWith("A") ? "B" : "A"}${sealed.slice(-1)}`;
    expect(box.open(flipped, "user-1")).toBeNull();
    expect(box.open("garbage", "user-1")).toBeNull();
  });
});
