import { describe, expect, it } from "vitest";
import {
  formatRecoveryCode,
  mfaRequiredFor,
  parseMfaCode,
  REAUTHENTICATION_WINDOW_MS,
  reauthenticationFresh,
  ReauthenticateInputSchema,
  totpStepUsable,
} from "./mfa";

describe("mfaRequiredFor", () => {
  it("requires MFA of admins and facilitators when the clinic asks for it", () => {
    expect(mfaRequiredFor("ADMIN", true)).toBe(true);
    expect(mfaRequiredFor("FACILITATOR", true)).toBe(true);
  });

  it("leaves it optional for participants and family members, and for clinics that turned it off", () => {
    expect(mfaRequiredFor("PARTICIPANT", true)).toBe(false);
    expect(mfaRequiredFor("FAMILY", true)).toBe(false);
    expect(mfaRequiredFor("ADMIN", false)).toBe(false);
    expect(mfaRequiredFor("FACILITATOR", false)).toBe(false);
  });
});

describe("totpStepUsable", () => {
  it("accepts any step before the first code is used", () => {
    expect(totpStepUsable(100, null)).toBe(true);
  });

  it("refuses the step already used and any earlier one (replay)", () => {
    expect(totpStepUsable(100, 100)).toBe(false);
    expect(totpStepUsable(99, 100)).toBe(false);
    expect(totpStepUsable(101, 100)).toBe(true);
  });
});

describe("reauthenticationFresh", () => {
  const at = new Date("2026-12-06T10:00:00Z");
  it("covers five minutes after a confirmation, and not a moment more", () => {
    expect(reauthenticationFresh(at, new Date(at.getTime() + 60_000))).toBe(true);
    expect(reauthenticationFresh(at, new Date(at.getTime() + REAUTHENTICATION_WINDOW_MS - 1))).toBe(
      true,
    );
    expect(reauthenticationFresh(at, new Date(at.getTime() + REAUTHENTICATION_WINDOW_MS))).toBe(
      false,
    );
  });

  it("is never fresh without a confirmation, or with one from the future", () => {
    expect(reauthenticationFresh(null, at)).toBe(false);
    expect(reauthenticationFresh(new Date(at.getTime() + 1000), at)).toBe(false);
  });
});

describe("parseMfaCode", () => {
  it("reads six digits as an authenticator code, spaces ignored", () => {
    expect(parseMfaCode("123 456")).toEqual({ kind: "totp", code: "123456" });
  });

  it("reads a recovery code whatever its case and dash", () => {
    expect(parseMfaCode("ABCDE-FGHJK")).toEqual({ kind: "recovery", code: "abcdefghjk" });
    expect(parseMfaCode(formatRecoveryCode("abcdefghjk"))).toEqual({
      kind: "recovery",
      code: "abcdefghjk",
    });
  });

  it("refuses anything else", () => {
    expect(parseMfaCode("12345")).toBeNull();
    expect(parseMfaCode("1234567")).toBeNull();
    expect(parseMfaCode("abcde-fghi0")).toBeNull();
    expect(parseMfaCode("")).toBeNull();
  });
});

describe("ReauthenticateInputSchema", () => {
  it("takes a password or a code, not both and not neither", () => {
    expect(ReauthenticateInputSchema.safeParse({ password: "x" }).success).toBe(true);
    expect(ReauthenticateInputSchema.safeParse({ code: "123456" }).success).toBe(true);
    expect(ReauthenticateInputSchema.safeParse({ password: "x", code: "1" }).success).toBe(false);
    expect(ReauthenticateInputSchema.safeParse({}).success).toBe(false);
  });
});
