import { z } from "zod";

/** The four kinds of account. Every permission decision starts from one of these. */
export const ROLES = ["ADMIN", "FACILITATOR", "PARTICIPANT", "FAMILY"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const HOME_PATHS: Record<Role, string> = {
  ADMIN: "/admin",
  FACILITATOR: "/facilitator",
  PARTICIPANT: "/participant",
  FAMILY: "/family",
};

/** Where a person lands after signing in. */
export function homePathForRole(role: Role): string {
  return HOME_PATHS[role];
}

const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Clinic admin",
  FACILITATOR: "Facilitator",
  PARTICIPANT: "Participant",
  FAMILY: "Family member",
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}
