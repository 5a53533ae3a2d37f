import { describe, expect, it } from "vitest";
import {
  ENROLLMENT_PHASES,
  EnrollmentInputSchema,
  enrollmentOverlaps,
  isActiveEnrollment,
  isEnrolledOn,
  isWithinEnrollment,
  nextStepDownPhase,
  type EnrollmentSpan,
} from "./enrollments";

const validEnrollment = {
  cohortId: "0b7f2d36-1c4e-4f8a-9d2b-6e5a4c3b2a10",
  participantUserId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
  phase: 4,
  startsOn: "2026-01-05",
  plannedDischargeOn: "2026-03-27",
};

function issuePaths(input: unknown): string[] {
  const result = EnrollmentInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
}

describe("nextStepDownPhase", () => {
  it("steps down from 4 to 3 to 2 days a week, then nowhere", () => {
    expect(nextStepDownPhase(4)).toBe(3);
    expect(nextStepDownPhase(3)).toBe(2);
    expect(nextStepDownPhase(2)).toBeNull();
  });

  it("reaches the end of step-down from every phase", () => {
    for (const start of ENROLLMENT_PHASES) {
      const seen: number[] = [start];
      for (let phase = nextStepDownPhase(start); phase !== null; phase = nextStepDownPhase(phase)) {
        seen.push(phase);
      }
      expect(seen.at(-1)).toBe(2);
      expect(seen).toEqual([...seen].sort((a, b) => b - a));
    }
  });
});

describe("EnrollmentInputSchema", () => {
  it("accepts a valid enrollment", () => {
    expect(EnrollmentInputSchema.parse(validEnrollment)).toEqual(validEnrollment);
  });

  it("starts a new enrollment at 4 days a week when no phase is given", () => {
    const { phase: _omitted, ...withoutPhase } = validEnrollment;
    expect(EnrollmentInputSchema.parse(withoutPhase).phase).toBe(4);
  });

  it("refuses a planned discharge on the start date, naming plannedDischargeOn", () => {
    expect(
      issuePaths({ ...validEnrollment, startsOn: "2026-02-01", plannedDischargeOn: "2026-02-01" }),
    ).toEqual(["plannedDischargeOn"]);
  });

  it("refuses a planned discharge before the start date, naming plannedDischargeOn", () => {
    expect(
      issuePaths({ ...validEnrollment, startsOn: "2026-02-01", plannedDischargeOn: "2026-01-31" }),
    ).toEqual(["plannedDischargeOn"]);
  });

  it.each([5, 1, 0, "4", 3.5])("refuses phase %j, naming phase", (phase) => {
    const result = EnrollmentInputSchema.safeParse({ ...validEnrollment, phase });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["phase"]);
    expect(result.error?.issues[0]?.message).toBe("Phase must be 4, 3 or 2 days a week.");
  });

  it("refuses a field it does not know", () => {
    const result = EnrollmentInputSchema.safeParse({ ...validEnrollment, diagnosis: "F32.1" });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.code).toBe("unrecognized_keys");
    expect(issue?.code === "unrecognized_keys" ? issue.keys : []).toEqual(["diagnosis"]);
  });

  it("refuses a cohort id that is not a uuid", () => {
    expect(issuePaths({ ...validEnrollment, cohortId: "cohort-1" })).toEqual(["cohortId"]);
  });
});

describe("active enrolment, in its two meanings", () => {
  // Pat's twelve weeks: from Monday 2 March to the planned discharge on Friday 22 May.
  const open: EnrollmentSpan = {
    status: "ACTIVE",
    startsOn: "2026-03-02",
    plannedDischargeOn: "2026-05-22",
    endedOn: null,
  };
  const discharged: EnrollmentSpan = { ...open, status: "DISCHARGED", endedOn: "2026-04-10" };
  const withdrawn: EnrollmentSpan = { ...open, status: "WITHDRAWN", endedOn: "2026-03-20" };

  it("calls an enrollment active while it is open, whatever its dates", () => {
    expect(isActiveEnrollment(open)).toBe(true);
    const next: EnrollmentSpan = { ...open, startsOn: "2027-01-04" };
    expect(isActiveEnrollment(next)).toBe(true);
    expect(isActiveEnrollment(discharged)).toBe(false);
    expect(isActiveEnrollment(withdrawn)).toBe(false);
  });

  it("counts an open enrollment from its first day to its planned discharge, both included", () => {
    expect(isEnrolledOn(open, "2026-03-01")).toBe(false);
    expect(isEnrolledOn(open, "2026-03-02")).toBe(true);
    expect(isEnrolledOn(open, "2026-04-15")).toBe(true);
    expect(isEnrolledOn(open, "2026-05-22")).toBe(true);
    expect(isEnrolledOn(open, "2026-05-23")).toBe(false);
  });

  it("counts a closed enrollment on no day, even one within its dates", () => {
    for (const date of ["2026-03-02", "2026-03-20", "2026-04-10"]) {
      expect(isEnrolledOn(discharged, date), date).toBe(false);
      expect(isEnrolledOn(withdrawn, date), date).toBe(false);
    }
  });

  it("ends a closed enrollment's dates on the day it closed, not on its planned discharge", () => {
    expect(isWithinEnrollment(discharged, "2026-03-02")).toBe(true);
    expect(isWithinEnrollment(discharged, "2026-04-10")).toBe(true);
    expect(isWithinEnrollment(discharged, "2026-04-11")).toBe(false);
    expect(isWithinEnrollment(discharged, "2026-05-22")).toBe(false);
  });

  it("lets a range meet an enrollment on its first or last day", () => {
    expect(enrollmentOverlaps(open, "2026-02-23", "2026-03-01")).toBe(false);
    expect(enrollmentOverlaps(open, "2026-02-23", "2026-03-02")).toBe(true);
    expect(enrollmentOverlaps(open, "2026-05-22", "2026-05-31")).toBe(true);
    expect(enrollmentOverlaps(open, "2026-05-23", "2026-05-31")).toBe(false);
    expect(enrollmentOverlaps(discharged, "2026-04-06", "2026-04-12")).toBe(true);
    expect(enrollmentOverlaps(discharged, "2026-04-13", "2026-04-19")).toBe(false);
  });
});
