import { describe, expect, it } from "vitest";
import {
  canPrescribe,
  CREDENTIAL_KINDS,
  credentialLabel,
  daysUntilLicenseExpiry,
  EmailSchema,
  FAMILY_RELATIONSHIPS,
  FacilitatorSchema,
  isLicenseValidOn,
  LicenseStateSchema,
  PersonNameSchema,
  relationshipLabel,
} from "./people";

describe("isLicenseValidOn", () => {
  it("counts a license valid on the days before it expires", () => {
    expect(isLicenseValidOn("2026-06-30", "2026-06-29")).toBe(true);
    expect(isLicenseValidOn("2026-06-30", "2025-12-01")).toBe(true);
  });

  it("counts a license valid through the whole of its expiry day", () => {
    expect(isLicenseValidOn("2026-06-30", "2026-06-30")).toBe(true);
  });

  it("counts a license expired from the day after its expiry", () => {
    expect(isLicenseValidOn("2026-06-30", "2026-07-01")).toBe(false);
    expect(isLicenseValidOn("2026-12-31", "2027-01-01")).toBe(false);
  });
});

describe("daysUntilLicenseExpiry", () => {
  it("counts the days still to go", () => {
    expect(daysUntilLicenseExpiry("2026-06-30", "2026-06-20")).toBe(10);
    expect(daysUntilLicenseExpiry("2027-01-01", "2026-12-31")).toBe(1);
  });

  it("answers zero on the expiry day", () => {
    expect(daysUntilLicenseExpiry("2026-06-30", "2026-06-30")).toBe(0);
  });

  it("goes negative once the license has expired", () => {
    expect(daysUntilLicenseExpiry("2026-06-30", "2026-07-01")).toBe(-1);
    expect(daysUntilLicenseExpiry("2026-06-30", "2026-08-29")).toBe(-60);
  });

  it("counts whole days across a daylight-saving change", () => {
    // US clocks spring forward on 2026-03-08; the count must not lose an hour's worth of a day.
    expect(daysUntilLicenseExpiry("2026-03-10", "2026-03-07")).toBe(3);
    expect(daysUntilLicenseExpiry("2026-11-02", "2026-10-31")).toBe(2);
  });

  it("counts 366 days across a leap year", () => {
    expect(daysUntilLicenseExpiry("2029-01-01", "2028-01-01")).toBe(366);
  });
});

describe("EmailSchema", () => {
  it("lower-cases the address", () => {
    expect(EmailSchema.parse("Pat.Doe@Example.ORG")).toBe("pat.doe@example.org");
  });

  it.each(["not-an-email", "pat@", "@example.org", ""])("refuses %j", (email) => {
    const result = EmailSchema.safeParse(email);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Enter a valid email address.");
  });
});

describe("LicenseStateSchema", () => {
  it.each(["NY", "CA", "DC", "PR"])("accepts %s", (state) => {
    expect(LicenseStateSchema.parse(state)).toBe(state);
  });

  it.each(["XX", "ny", "New York", ""])("refuses %j", (state) => {
    const result = LicenseStateSchema.safeParse(state);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      "Use a two-letter US state or territory code such as NY.",
    );
  });
});

describe("FacilitatorSchema", () => {
  it("names each bad field of a facilitator", () => {
    const result = FacilitatorSchema.safeParse({
      userId: "5f0c7a52-8f43-4d1e-9a6b-2c3d4e5f6a7b",
      firstName: " ",
      lastName: "Rahman",
      credential: "LPN",
      licenseState: "ny",
      licenseExpiresOn: "2026-13-01",
    });
    expect(result.error?.issues.map((i) => i.path.join(".")).sort()).toEqual([
      "credential",
      "firstName",
      "licenseExpiresOn",
      "licenseState",
    ]);
  });
});

describe("PersonNameSchema", () => {
  it("trims names and refuses empty or overlong ones", () => {
    expect(PersonNameSchema.parse("  Farah ")).toBe("Farah");
    expect(PersonNameSchema.safeParse("   ").success).toBe(false);
    expect(PersonNameSchema.safeParse("x".repeat(101)).success).toBe(false);
    expect(PersonNameSchema.safeParse("x".repeat(100)).success).toBe(true);
  });
});

describe("credentials", () => {
  it("lets only physicians and nurse practitioners prescribe", () => {
    expect(CREDENTIAL_KINDS.filter(canPrescribe)).toEqual(["MD", "NP"]);
  });

  it("has a label naming each credential", () => {
    for (const kind of CREDENTIAL_KINDS) {
      expect(credentialLabel(kind)).toMatch(
        new RegExp(`\\(${kind === "PSYD" ? "PsyD" : kind}\\)$`),
      );
    }
  });
});

describe("relationshipLabel", () => {
  it("has a distinct label for each family relationship", () => {
    const labels = FAMILY_RELATIONSHIPS.map(relationshipLabel);
    expect(new Set(labels).size).toBe(FAMILY_RELATIONSHIPS.length);
    expect(relationshipLabel("SPOUSE_OR_PARTNER")).toBe("Spouse or partner");
  });
});
