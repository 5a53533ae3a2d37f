import { z } from "zod";

export const SESSION_KINDS = [
  "GROUP_THERAPY",
  "SKILLS_GROUP",
  "PSYCHOEDUCATION",
  "INDIVIDUAL",
  "FAMILY",
  "MULTI_FAMILY",
  "MEDICATION_MANAGEMENT",
] as const;
export const SessionKindSchema = z.enum(SESSION_KINDS);
export type SessionKind = z.infer<typeof SessionKindSchema>;

/** Who is in the room, which decides how a session is joined and laid out. */
export type SessionShape = "cohort-group" | "one-to-one" | "family" | "multi-family";

export type SessionKindInfo = {
  label: string;
  shape: SessionShape;
  /** Whether invited family members may join. */
  includesFamily: boolean;
  /** Most people expected in the room, clinicians included. */
  maxPeople: number;
  /** Whether the clinician must be able to prescribe. */
  needsPrescriber: boolean;
};

const SESSION_KIND_INFO: Record<SessionKind, SessionKindInfo> = {
  GROUP_THERAPY: {
    label: "Group therapy",
    shape: "cohort-group",
    includesFamily: false,
    maxPeople: 13,
    needsPrescriber: false,
  },
  SKILLS_GROUP: {
    label: "Skills group",
    shape: "cohort-group",
    includesFamily: false,
    maxPeople: 13,
    needsPrescriber: false,
  },
  PSYCHOEDUCATION: {
    label: "Psychoeducation",
    shape: "cohort-group",
    includesFamily: false,
    maxPeople: 13,
    needsPrescriber: false,
  },
  INDIVIDUAL: {
    label: "Individual therapy",
    shape: "one-to-one",
    includesFamily: false,
    maxPeople: 2,
    needsPrescriber: false,
  },
  FAMILY: {
    label: "Family therapy",
    shape: "family",
    includesFamily: true,
    maxPeople: 6,
    needsPrescriber: false,
  },
  MULTI_FAMILY: {
    label: "Multi-family group",
    shape: "multi-family",
    includesFamily: true,
    maxPeople: 30,
    needsPrescriber: false,
  },
  MEDICATION_MANAGEMENT: {
    label: "Medication management",
    shape: "one-to-one",
    includesFamily: false,
    maxPeople: 2,
    needsPrescriber: true,
  },
};

export function sessionKindInfo(kind: SessionKind): SessionKindInfo {
  return SESSION_KIND_INFO[kind];
}

/** Group sessions count toward a participant's step-down phase (days a week of group). */
export function isCohortGroupKind(kind: SessionKind): boolean {
  return SESSION_KIND_INFO[kind].shape === "cohort-group";
}
