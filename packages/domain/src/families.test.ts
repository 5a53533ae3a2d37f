import { describe, expect, it } from "vitest";
import {
  AcceptInvitationSchema,
  InvitationTokenSchema,
  InviteFamilyInputSchema,
  UpdateConsentSchema,
  FAMILY_RESOURCES,
  familyLabel,
} from "./families";

const invite = {
  email: "robin@family.example",
  firstName: "Robin",
  lastName: "Lee",
  relationship: "SIBLING",
  sessionKinds: ["FAMILY"],
};

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join(".")) ?? [];

describe("family invitations and consent", () => {
  it("accepts an invitation naming who, how related and which sessions", () => {
    expect(InviteFamilyInputSchema.parse(invite)).toEqual(invite);
  });

  it("needs at least one session kind, each once, and only family kinds", () => {
    expect(fieldsOf(InviteFamilyInputSchema.safeParse({ ...invite, sessionKinds: [] }))).toEqual([
      "sessionKinds",
    ]);
    expect(
      fieldsOf(
        InviteFamilyInputSchema.safeParse({ ...invite, sessionKinds: ["FAMILY", "FAMILY"] }),
      ),
    ).toEqual(["sessionKinds"]);
    expect(
      fieldsOf(InviteFamilyInputSchema.safeParse({ ...invite, sessionKinds: ["GROUP_THERAPY"] })),
    ).toEqual(["sessionKinds.0"]);
    expect(UpdateConsentSchema.safeParse({ sessionKinds: ["MULTI_FAMILY"] }).success).toBe(true);
  });

  it("refuses unknown fields, a bad email and an unknown relationship", () => {
    expect(fieldsOf(InviteFamilyInputSchema.safeParse({ ...invite, role: "ADMIN" }))).toEqual([""]);
    expect(fieldsOf(InviteFamilyInputSchema.safeParse({ ...invite, email: "robin" }))).toEqual([
      "email",
    ]);
    expect(
      fieldsOf(InviteFamilyInputSchema.safeParse({ ...invite, relationship: "NEIGHBOUR" })),
    ).toEqual(["relationship"]);
  });

  it("takes only a whole 256-bit base64url token", () => {
    const token = "A".repeat(43);
    expect(InvitationTokenSchema.safeParse(token).success).toBe(true);
    expect(InvitationTokenSchema.safeParse(token.slice(1)).success).toBe(false);
    expect(InvitationTokenSchema.safeParse(`${token.slice(1)}=`).success).toBe(false);
    expect(InvitationTokenSchema.safeParse(`${token.slice(1)}/`).success).toBe(false);
  });

  it("asks for a password of a sensible length on acceptance", () => {
    const token = "b".repeat(43);
    expect(fieldsOf(AcceptInvitationSchema.safeParse({ token, password: "short" }))).toEqual([
      "password",
    ]);
    expect(AcceptInvitationSchema.safeParse({ token, password: "a long enough one" }).success).toBe(
      true,
    );
  });

  it("labels a family by the participant's first name", () => {
    expect(familyLabel("Jordan")).toBe("Jordan's family");
  });
});

describe("resources for family members", () => {
  it("starts with 988 and gives every resource a way to reach it that a phone can open", () => {
    expect(FAMILY_RESOURCES[0]?.phone?.tel).toBe("tel:988");
    expect(FAMILY_RESOURCES[0]?.text?.sms).toBe("sms:988");
    for (const resource of FAMILY_RESOURCES) {
      expect(resource.phone ?? resource.text ?? resource.url, resource.name).toBeDefined();
      if (resource.phone) expect(resource.phone.tel).toMatch(/^tel:(\+1\d{10}|988)$/);
      // The number shown is the number dialled.
      if (resource.phone && resource.phone.display !== "988")
        expect(`tel:+1${resource.phone.display.replace(/\D/g, "").slice(1)}`).toBe(
          resource.phone.tel,
        );
      if (resource.url) expect(new URL(resource.url).protocol).toBe("https:");
    }
  });
});
