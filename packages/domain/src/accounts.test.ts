import { describe, expect, it } from "vitest";
import {
  accountStatus,
  ChangePasswordInputSchema,
  ForgotPasswordInputSchema,
  SetPasswordInputSchema,
} from "./accounts";
import { CreateFacilitatorInputSchema, CreateParticipantInputSchema } from "./schedule";

describe("accounts", () => {
  it("calls an account invited until its owner chose a password, and deactivated above all", () => {
    expect(accountStatus({ active: true, passwordSetAt: null })).toBe("invited");
    expect(accountStatus({ active: true, passwordSetAt: new Date() })).toBe("active");
    expect(accountStatus({ active: false, passwordSetAt: new Date() })).toBe("deactivated");
    expect(accountStatus({ active: false, passwordSetAt: null })).toBe("deactivated");
  });

  it("refuses a password in the body that creates a staff or participant account", () => {
    const person = { email: "noa@example.org", firstName: "Noa", lastName: "Levi" };
    const facilitator = CreateFacilitatorInputSchema.safeParse({
      ...person,
      timeZone: "America/Chicago",
      credential: "LCSW",
      licenseState: "IL",
      licenseExpiresOn: "2028-06-30",
      password: "chosen-by-the-admin",
    });
    expect(facilitator.success).toBe(false);
    const participant = CreateParticipantInputSchema.safeParse({
      ...person,
      timeZone: "America/Chicago",
      temporaryPassword: "chosen-by-the-admin",
    });
    expect(participant.success).toBe(false);
  });

  it("asks for at least twelve characters when a password is chosen or changed", () => {
    const token = "a".repeat(43);
    expect(SetPasswordInputSchema.safeParse({ token, password: "short" }).success).toBe(false);
    expect(SetPasswordInputSchema.safeParse({ token, password: "long-enough-now" }).success).toBe(
      true,
    );
    expect(
      ChangePasswordInputSchema.safeParse({ currentPassword: "x", newPassword: "short" }).error
        ?.issues[0]?.path,
    ).toEqual(["newPassword"]);
  });

  it("compares emails for a reset without case", () => {
    expect(ForgotPasswordInputSchema.parse({ email: " Noa@Example.ORG " }).email).toBe(
      "noa@example.org",
    );
  });
});
