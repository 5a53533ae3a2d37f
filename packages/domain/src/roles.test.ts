import { describe, expect, it } from "vitest";
import { homePathForRole, ROLES, roleLabel, RoleSchema } from "./roles";

describe("roles", () => {
  it("sends each role to its own home after sign-in", () => {
    expect(ROLES.map(homePathForRole)).toEqual([
      "/admin",
      "/facilitator",
      "/participant",
      "/family",
    ]);
  });

  it("labels each role in words a clinic uses", () => {
    expect(ROLES.map(roleLabel)).toEqual([
      "Clinic admin",
      "Facilitator",
      "Participant",
      "Family member",
    ]);
  });

  it("refuses a role it does not know, whatever its case", () => {
    expect(RoleSchema.safeParse("ADMIN").success).toBe(true);
    expect(RoleSchema.safeParse("admin").success).toBe(false);
    expect(RoleSchema.safeParse("SUPERUSER").success).toBe(false);
  });
});
