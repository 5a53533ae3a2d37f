import { describe, expect, it } from "vitest";
import {
  isCohortGroupKind,
  SESSION_KINDS,
  SessionKindSchema,
  sessionKindInfo,
} from "./session-kinds";

describe("session kinds", () => {
  it("has information for every kind", () => {
    for (const kind of SESSION_KINDS) {
      const info = sessionKindInfo(kind);
      expect(info.label.length, kind).toBeGreaterThan(0);
      expect(info.maxPeople, kind).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(SESSION_KINDS.map((k) => sessionKindInfo(k).label)).size).toBe(
      SESSION_KINDS.length,
    );
  });

  it("makes individual therapy and medication management one-to-one rooms for 2 people", () => {
    for (const kind of ["INDIVIDUAL", "MEDICATION_MANAGEMENT"] as const) {
      expect(sessionKindInfo(kind)).toMatchObject({ shape: "one-to-one", maxPeople: 2 });
    }
    expect(SESSION_KINDS.filter((k) => sessionKindInfo(k).shape === "one-to-one")).toEqual([
      "INDIVIDUAL",
      "MEDICATION_MANAGEMENT",
    ]);
  });

  it("needs a prescriber for medication management and for nothing else", () => {
    expect(SESSION_KINDS.filter((k) => sessionKindInfo(k).needsPrescriber)).toEqual([
      "MEDICATION_MANAGEMENT",
    ]);
  });

  it("lets family members into family therapy and multi-family groups only", () => {
    expect(SESSION_KINDS.filter((k) => sessionKindInfo(k).includesFamily)).toEqual([
      "FAMILY",
      "MULTI_FAMILY",
    ]);
  });

  it("sizes rooms as the clinic runs them: groups 13, family 6, multi-family 30", () => {
    expect(sessionKindInfo("GROUP_THERAPY").maxPeople).toBe(13);
    expect(sessionKindInfo("FAMILY").maxPeople).toBe(6);
    expect(sessionKindInfo("MULTI_FAMILY").maxPeople).toBe(30);
  });

  it("counts only cohort groups toward a participant's step-down phase", () => {
    expect(SESSION_KINDS.filter(isCohortGroupKind)).toEqual([
      "GROUP_THERAPY",
      "SKILLS_GROUP",
      "PSYCHOEDUCATION",
    ]);
  });

  it("refuses an unknown kind", () => {
    expect(SessionKindSchema.safeParse("GROUP_THERAPY").success).toBe(true);
    expect(SessionKindSchema.safeParse("group_therapy").success).toBe(false);
    expect(SessionKindSchema.safeParse("COUPLES").success).toBe(false);
  });
});
