import { describe, expect, it } from "vitest";
import { json, stubApi } from "../test/fake-api";
import { IDS } from "../test/schedule-fixtures";
import {
  ASSIGNMENT,
  result,
  safetyPlan,
  planContent,
  treatmentPlan,
} from "../clinical/testing/clinical-fixtures";
import { ApiError, createApiClient } from "./api-client";
import { createClinicalApi } from "./clinical-api";

const clinicalApi = () => createClinicalApi(createApiClient({ getCsrfToken: () => "csrf" }));

describe("the clinical API", () => {
  it("sends a participant's answers, unanswered ones as null, and reads the scored result", async () => {
    const { requests } = stubApi({
      [`POST /api/assessments/${ASSIGNMENT}/responses`]: json(201, result()),
    });
    const answers = [2, 2, 1, 2, 1, 2, 1, 2, null];

    await expect(clinicalApi().complete(ASSIGNMENT, answers)).resolves.toEqual(result());
    expect(requests[0]?.body).toEqual({ answers });
  });

  it("saves a safety plan as a new version on top of the one it was based on", async () => {
    const { requests } = stubApi({
      [`PUT /api/participants/${IDS.jordan}/safety-plan`]: json(200, safetyPlan({ version: 3 })),
    });

    const saved = await clinicalApi().saveSafetyPlan(IDS.jordan, planContent, 2);
    expect(saved.version).toBe(3);
    expect(requests[0]?.body).toEqual({ content: planContent, basedOn: 2 });
  });

  it("reads no safety plan yet as null", async () => {
    stubApi({ [`GET /api/participants/${IDS.jordan}/safety-plan`]: json(200, { plan: null }) });
    await expect(clinicalApi().safetyPlan(IDS.jordan)).resolves.toBeNull();
  });

  it("saves a treatment plan with its review interval and base version side by side", async () => {
    const { requests } = stubApi({
      [`PUT /api/enrollments/${IDS.jordanEnrollment}/treatment-plan`]: json(200, treatmentPlan()),
    });
    const { content } = treatmentPlan();

    await clinicalApi().saveTreatmentPlan(
      IDS.jordanEnrollment,
      { content, reviewEveryDays: 21 },
      null,
    );
    expect(requests[0]?.body).toEqual({ content, reviewEveryDays: 21, basedOn: null });
  });

  it("acknowledges a version and accepts the empty answer", async () => {
    const { requests } = stubApi({
      [`POST /api/enrollments/${IDS.jordanEnrollment}/treatment-plan/acknowledge`]: {
        status: 204,
      },
    });

    await expect(
      clinicalApi().acknowledgeTreatmentPlan(IDS.jordanEnrollment, 3),
    ).resolves.toBeUndefined();
    expect(requests[0]?.body).toEqual({ version: 3 });
  });

  it("puts ids into paths safely", async () => {
    const { requests } = stubApi({});
    await clinicalApi()
      .assessments("a/b?c")
      .catch(() => undefined);
    expect(requests[0]?.path).toBe("/api/participants/a%2Fb%3Fc/assessments");
  });

  it("refuses an answer that is not what a clinical record looks like", async () => {
    stubApi({
      [`GET /api/cohorts/${IDS.cohort}/severities`]: json(200, {
        cohortId: IDS.cohort,
        participants: [
          {
            participantId: IDS.jordan,
            displayName: "Jordan Lee",
            latest: {
              PHQ9: {
                total: 30,
                severity: "extreme",
                completedAt: "2026-11-22T15:00:00.000Z",
                safetyConcern: false,
              },
            },
          },
        ],
      }),
    });

    const error = await clinicalApi()
      .severities(IDS.cohort)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, code: "internal" });
  });
});
