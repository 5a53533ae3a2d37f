import { describe, expect, it } from "vitest";
import {
  LoginInputSchema,
  MAX_PASSWORD_LENGTH,
  SIGN_IN_ABSOLUTE_LIFETIME_MS,
  SIGN_IN_IDLE_TIMEOUT_MS,
  signInEndsAt,
} from "./auth";

function issuePaths(input: unknown): string[] {
  const result = LoginInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
}

describe("LoginInputSchema", () => {
  it("accepts an email and password, trimming the email", () => {
    expect(
      LoginInputSchema.parse({ email: "  pat@example.org ", password: "correct horse battery" }),
    ).toEqual({ email: "pat@example.org", password: "correct horse battery" });
  });

  it("keeps spaces in a password exactly as typed", () => {
    expect(LoginInputSchema.parse({ email: "a@b.org", password: "  pass phrase  " }).password).toBe(
      "  pass phrase  ",
    );
  });

  it("refuses a missing email, naming email", () => {
    const result = LoginInputSchema.safeParse({ password: "correct horse battery" });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["email"]);
    expect(result.error?.issues[0]?.message).toBe("Email is required.");
  });

  it("refuses a missing password, naming password", () => {
    const result = LoginInputSchema.safeParse({ email: "pat@example.org" });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["password"]);
    expect(result.error?.issues[0]?.message).toBe("Password is required.");
  });

  it("refuses a body with neither field, naming both", () => {
    expect(issuePaths({}).sort()).toEqual(["email", "password"]);
  });

  it.each([123, null, true, ["pat@example.org"], { address: "pat@example.org" }])(
    "refuses a non-text email %j, naming email",
    (email) => {
      expect(issuePaths({ email, password: "correct horse battery" })).toEqual(["email"]);
    },
  );

  it.each([123456789012, null, false, ["secret"]])(
    "refuses a non-text password %j, naming password",
    (password) => {
      expect(issuePaths({ email: "pat@example.org", password })).toEqual(["password"]);
    },
  );

  it("refuses an email of only spaces and an empty password", () => {
    expect(issuePaths({ email: "   ", password: "" }).sort()).toEqual(["email", "password"]);
  });

  it("refuses a password longer than the limit", () => {
    const limit = "p".repeat(MAX_PASSWORD_LENGTH);
    expect(issuePaths({ email: "pat@example.org", password: limit })).toEqual([]);
    expect(issuePaths({ email: "pat@example.org", password: `${limit}p` })).toEqual(["password"]);
  });

  it("refuses a field it does not know", () => {
    const result = LoginInputSchema.safeParse({
      email: "pat@example.org",
      password: "correct horse battery",
      role: "ADMIN",
    });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.code).toBe("unrecognized_keys");
    expect(issue?.code === "unrecognized_keys" ? issue.keys : []).toEqual(["role"]);
  });

  it("refuses a body that is not an object", () => {
    expect(LoginInputSchema.safeParse("pat@example.org").success).toBe(false);
    expect(LoginInputSchema.safeParse(null).success).toBe(false);
  });
});

describe("session lifetimes", () => {
  it("logs off after 30 idle minutes and at most 12 hours after sign-in", () => {
    expect(SIGN_IN_IDLE_TIMEOUT_MS).toBe(30 * 60 * 1000);
    expect(SIGN_IN_ABSOLUTE_LIFETIME_MS).toBe(12 * 60 * 60 * 1000);
  });
});

describe("signInEndsAt", () => {
  it("answers the idle expiry when it comes first", () => {
    expect(
      signInEndsAt({
        idleExpiresAt: "2026-03-02T18:30:00.000Z",
        absoluteExpiresAt: "2026-03-03T06:00:00.000Z",
      }).toISOString(),
    ).toBe("2026-03-02T18:30:00.000Z");
  });

  it("answers the absolute expiry when it comes first", () => {
    expect(
      signInEndsAt({
        idleExpiresAt: "2026-03-03T06:20:00.000Z",
        absoluteExpiresAt: "2026-03-03T06:00:00.000Z",
      }).toISOString(),
    ).toBe("2026-03-03T06:00:00.000Z");
  });

  it("answers that instant when both are the same", () => {
    const at = "2026-03-03T06:00:00.000Z";
    expect(signInEndsAt({ idleExpiresAt: at, absoluteExpiresAt: at }).toISOString()).toBe(at);
  });
});
