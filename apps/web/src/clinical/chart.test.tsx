import type { SafetyPlanDto, TreatmentPlanDto } from "@bridgeway/domain";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { apiError, json, stubApi, type FakeResponse, type Handler } from "../test/fake-api";
import { authStateFor } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { cohortDetail, IDS, participants } from "../test/schedule-fixtures";
import { NEWER_VERSION_MESSAGE } from "./safety-plan-editor";
import { NEWER_PLAN_MESSAGE } from "./treatment-plan-editor";
import {
  ASSIGNMENT,
  assignment,
  GAD_ASSIGNMENT,
  history,
  planContent,
  result,
  resultId,
  safetyPlan,
  treatmentPlan,
} from "./testing/clinical-fixtures";

const facilitator = { status: "signed-in", auth: authStateFor("FACILITATOR") } as const;
const CHART = `/participants/${IDS.jordan}/chart?cohortId=${IDS.cohort}`;
const JORDAN = `/api/participants/${IDS.jordan}`;
const SAFETY_PLAN = `${JORDAN}/safety-plan`;
const TREATMENT_PLAN = `/api/enrollments/${IDS.jordanEnrollment}/treatment-plan`;

function chartRoutes(overrides: Record<string, Handler | FakeResponse> = {}) {
  return {
    [`GET ${JORDAN}/assessments`]: json(200, history()),
    "GET /api/participants": json(200, { participants }),
    [`GET /api/cohorts/${IDS.cohort}`]: json(200, cohortDetail()),
    [`GET ${SAFETY_PLAN}`]: json(200, { plan: safetyPlan() }),
    [`GET ${JORDAN}/treatment-plan`]: json(200, { plan: treatmentPlan() }),
    ...overrides,
  };
}

function openChart() {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-23T15:00:00Z"));
  return renderApp(CHART, { auth: facilitator });
}

const region = (name: RegExp | string) => screen.findByRole("region", { name });
const group = (within_: HTMLElement, name: string) => within(within_).getByRole("group", { name });

/** The message tied to a marked field: the last of the ids that describe it. */
function errorOf(field: HTMLElement): string | null | undefined {
  expect(field.getAttribute("aria-invalid")).toBe("true");
  return document.getElementById(field.getAttribute("aria-describedby")?.split(" ").at(-1) ?? "")
    ?.textContent;
}

describe("a participant's chart: scores", () => {
  it("charts each questionnaire over its bands with a table, and flags a question 9 concern at the top", async () => {
    stubApi(
      chartRoutes({
        [`GET ${JORDAN}/assessments`]: json(
          200,
          history({
            due: [
              assignment({ dueOn: "2026-11-20" }),
              assignment({
                id: GAD_ASSIGNMENT,
                instrument: "GAD7",
                cadence: "EVERY_2_WEEKS",
                dueOn: "2026-11-30",
              }),
            ],
            results: [
              result({
                id: resultId(1),
                total: 18,
                severity: "moderately-severe",
                completedAt: "2026-11-02T15:00:00.000Z",
              }),
              result({ id: resultId(2), total: 13, completedAt: "2026-11-09T15:00:00.000Z" }),
              result({
                id: resultId(3),
                total: 9,
                severity: "mild",
                safetyConcern: true,
                completedAt: "2026-11-16T15:00:00.000Z",
                answers: [1, 1, 1, 1, 1, 1, 1, 1, 1],
              }),
            ],
          }),
        ),
      }),
    );
    openChart();

    expect(
      await screen.findByRole("heading", { level: 1, name: "Clinical chart: Jordan Lee" }),
    ).toBeTruthy();
    const concern = await region("Safety concern");
    expect(concern.textContent).toContain(
      "On November 16, 2026 at 10:00 AM EST, Jordan Lee answered PHQ-9 question 9 above 0.",
    );
    expect(within(concern).getByRole("link", { name: "Go to alerts" })).toBeTruthy();

    const phq = await region("PHQ-9");
    expect(phq.textContent).toContain("Latest 9 of 27");
    expect(within(phq).getAllByText("Mild")[0]?.className).toContain("badge--info");
    expect(
      within(phq).getByRole("img", {
        name:
          "PHQ-9 scores over time 3 results from November 2, 2026 to November 16, 2026. " +
          "Totals, oldest first: 18, 13, 9 (of 27). Latest: 9, mild. 1 result has question 9 above 0.",
      }),
    ).toBeTruthy();
    const table = within(phq).getByRole("table", { name: "PHQ-9 results, oldest first" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole("cell")
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ["18 of 27", "Moderately severe", "Not at all"],
      ["13 of 27", "Moderate", "Not at all"],
      ["9 of 27", "Mild", "Several daysSafety concern"],
    ]);

    const gad = await region("GAD-7");
    expect(gad.textContent).toContain("No GAD-7 results yet. They appear here once completed.");

    const assigned = screen.getByRole("table", { name: "Assigned to Jordan Lee" });
    const phqRow = within(assigned).getByRole("rowheader", { name: "PHQ-9" }).closest("tr");
    expect(phqRow?.textContent).toContain("November 20, 2026Overdue");
    const gadRow = within(assigned).getByRole("rowheader", { name: "GAD-7" }).closest("tr");
    expect(gadRow?.textContent).toContain("Every 2 weeks");
    expect(gadRow?.textContent).not.toContain("Overdue");
  });

  it("shows no concern when the latest PHQ-9 has question 9 at 0, even after an earlier one", async () => {
    stubApi(
      chartRoutes({
        [`GET ${JORDAN}/assessments`]: json(
          200,
          history({
            results: [
              result({
                id: resultId(1),
                safetyConcern: true,
                answers: [1, 1, 1, 1, 1, 1, 1, 1, 1],
              }),
              result({ id: resultId(2), completedAt: "2026-11-20T15:00:00.000Z" }),
            ],
          }),
        ),
      }),
    );
    openChart();

    const phq = await region("PHQ-9");
    expect(
      within(phq).getByRole("img", { name: /1 result has question 9 above 0\.$/ }),
    ).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Safety concern" })).toBeNull();
  });

  it("says the chart is not found for someone outside the clinician's care", async () => {
    stubApi(
      chartRoutes({ [`GET ${JORDAN}/assessments`]: apiError(404, "not_found", "Not found.") }),
    );
    openChart();

    expect(await screen.findByRole("heading", { level: 1, name: "Chart not found" })).toBeTruthy();
    expect(
      screen.getByText("This participant does not exist, or you are not on their care team."),
    ).toBeTruthy();
  });
});

describe("a participant's chart: questionnaires", () => {
  it("assigns a questionnaire on a cadence and stops a series", async () => {
    const gad = assignment({
      id: GAD_ASSIGNMENT,
      instrument: "GAD7",
      cadence: "EVERY_4_WEEKS",
      dueOn: "2026-11-30",
    });
    let due = [assignment()];
    const { requests } = stubApi(
      chartRoutes({
        [`GET ${JORDAN}/assessments`]: () => json(200, history({ due })),
        [`POST ${JORDAN}/assessments`]: () => {
          due = [...due, gad];
          return json(201, gad);
        },
        [`POST /api/assessments/${ASSIGNMENT}/cancel`]: () => {
          due = due.filter((d) => d.id !== ASSIGNMENT);
          return { status: 204 };
        },
      }),
    );
    const { user } = openChart();

    const panel = await region("Questionnaires");
    await user.selectOptions(within(panel).getByLabelText("Questionnaire"), "GAD7");
    await user.selectOptions(within(panel).getByLabelText("How often"), "EVERY_4_WEEKS");
    const first = within(panel).getByLabelText<HTMLInputElement>("First due on");
    expect(first.value).toBe("2026-11-23");
    await user.clear(first);
    await user.type(first, "2026-11-30");
    await user.click(within(panel).getByRole("button", { name: "Assign" }));

    expect(
      await within(panel).findByText(
        "GAD-7 assigned to Jordan Lee, every 4 weeks, first due November 30, 2026.",
      ),
    ).toBeTruthy();
    expect(
      requests.find((r) => r.path === `${JORDAN}/assessments` && r.method === "POST")?.body,
    ).toEqual({ instrument: "GAD7", cadence: "EVERY_4_WEEKS", firstDueOn: "2026-11-30" });
    const table = within(panel).getByRole("table", { name: "Assigned to Jordan Lee" });
    expect(await within(table).findByRole("rowheader", { name: "GAD-7" })).toBeTruthy();

    await user.click(within(panel).getByRole("button", { name: "Stop PHQ-9" }));
    expect(
      await within(panel).findByText("PHQ-9 stopped. Nothing more of it is due."),
    ).toBeTruthy();
    expect(requests.some((r) => r.path === `/api/assessments/${ASSIGNMENT}/cancel`)).toBe(true);
    expect(within(panel).queryByRole("rowheader", { name: "PHQ-9" })).toBeNull();
  });
});

describe("a participant's chart: safety plan", () => {
  it("saves the edited plan as a new version on top of the one it started from", async () => {
    let current: SafetyPlanDto = safetyPlan();
    const { requests } = stubApi(
      chartRoutes({
        [`GET ${SAFETY_PLAN}`]: () => json(200, { plan: current }),
        [`PUT ${SAFETY_PLAN}`]: (request) => {
          const { content } = request.body as Pick<SafetyPlanDto, "content">;
          current = safetyPlan({ version: 3, content });
          return json(200, current);
        },
      }),
    );
    const { user } = openChart();

    const section = await region(/^Safety plan/);
    expect(await within(section).findByText("Version 2")).toBeTruthy();
    expect(section.textContent).toContain(
      "Version 2, updated November 25, 2026 at 4:12 PM EST by Dana Whitfield.",
    );
    await user.click(within(section).getByRole("button", { name: "Edit the safety plan" }));

    const signs = group(section, "Step 1: Warning signs");
    expect(within(signs).getByLabelText<HTMLInputElement>("Warning sign 1").value).toBe(
      "Not sleeping",
    );
    await user.click(within(signs).getByRole("button", { name: "Add a warning sign" }));
    const added = within(signs).getByLabelText("Warning sign 3");
    expect(document.activeElement).toBe(added);
    await user.type(added, "Skipping meals");
    await user.click(within(signs).getByRole("button", { name: "Remove warning sign 2" }));

    const safe = group(section, "Step 6: Making my environment safe");
    await user.click(within(safe).getByRole("button", { name: "Add a step" }));
    await user.type(within(safe).getByLabelText("Step 1"), "Pharmacy keeps the medication");
    // A row added and left blank is dropped rather than refused.
    const people = group(section, "Step 4: People I can ask for help");
    await user.click(within(people).getByRole("button", { name: "Add a person" }));
    expect(within(people).getByLabelText("Name of person 2")).toBeTruthy();

    await user.click(within(section).getByRole("button", { name: "Save as version 3" }));

    expect(await within(section).findByText("Safety plan saved as version 3.")).toBeTruthy();
    expect(requests.find((r) => r.method === "PUT")?.body).toEqual({
      content: {
        ...planContent,
        warningSigns: ["Not sleeping", "Skipping meals"],
        environmentSafety: ["Pharmacy keeps the medication"],
      },
      basedOn: 2,
    });
    await waitFor(() => expect(within(section).getByText("Version 3")).toBeTruthy());
    expect(document.activeElement).toBe(within(section).getByRole("heading", { level: 2 }));
    expect(within(section).getByRole("button", { name: "Edit the safety plan" })).toBeTruthy();
  });

  it("does not overwrite a newer version saved meanwhile, and starts again from it", async () => {
    let current: SafetyPlanDto = safetyPlan();
    const { requests } = stubApi(
      chartRoutes({
        [`GET ${SAFETY_PLAN}`]: () => json(200, { plan: current }),
        [`PUT ${SAFETY_PLAN}`]: apiError(
          409,
          "conflict",
          "Someone saved a newer version of this safety plan. Reload it and make your changes again.",
          { basedOn: "Not the current version." },
        ),
      }),
    );
    const { user } = openChart();

    const section = await region(/^Safety plan/);
    await user.click(await within(section).findByRole("button", { name: "Edit the safety plan" }));
    await user.type(within(section).getByLabelText("Warning sign 1"), " at all");
    await user.click(within(section).getByRole("button", { name: "Save as version 3" }));

    const alert = await within(section).findByRole("alert");
    expect(alert.textContent).toBe(NEWER_VERSION_MESSAGE);
    // Saving again is pointless until the newer version is loaded.
    await user.click(within(section).getByRole("button", { name: "Save as version 3" }));
    expect(requests.filter((r) => r.method === "PUT")).toHaveLength(1);

    current = safetyPlan({
      version: 3,
      authoredBy: "Marcus Reyes",
      content: { ...planContent, warningSigns: ["Pacing at night"] },
    });
    await user.click(within(section).getByRole("button", { name: "Load the latest version" }));

    expect(await within(section).findByRole("button", { name: "Save as version 4" })).toBeTruthy();
    expect(within(section).getByLabelText<HTMLInputElement>("Warning sign 1").value).toBe(
      "Pacing at night",
    );
    expect(within(section).queryByRole("alert")).toBeNull();
  });

  it("checks the plan before saving: not empty, and every contact named", async () => {
    const { requests } = stubApi(
      chartRoutes({
        [`GET ${SAFETY_PLAN}`]: json(200, { plan: null }),
        [`PUT ${SAFETY_PLAN}`]: (request) =>
          json(200, safetyPlan({ version: 1, ...(request.body as object) })),
      }),
    );
    const { user } = openChart();

    const section = await region(/^Safety plan/);
    expect(await within(section).findByText(/Jordan Lee has no safety plan yet\./)).toBeTruthy();
    await user.click(within(section).getByRole("button", { name: "Write the safety plan" }));
    await user.click(within(section).getByRole("button", { name: "Save the first version" }));
    expect((await within(section).findByRole("alert")).textContent).toBe(
      "Write at least one step of the plan before saving.",
    );

    const people = group(section, "Step 4: People I can ask for help");
    await user.click(within(people).getByRole("button", { name: "Add a person" }));
    await user.type(within(people).getByLabelText("Phone (optional) of person 1"), "555-0101");
    await user.click(within(section).getByRole("button", { name: "Save the first version" }));
    expect((await within(section).findByRole("alert")).textContent).toBe(
      "Check the fields marked below.",
    );
    const name = within(people).getByLabelText("Name of person 1");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(name.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Write the name.",
    );
    expect(requests.filter((r) => r.method === "PUT")).toEqual([]);

    await user.type(name, "Sam");
    await user.click(within(section).getByRole("button", { name: "Save the first version" }));
    await waitFor(() => expect(requests.filter((r) => r.method === "PUT")).toHaveLength(1));
    expect(requests.find((r) => r.method === "PUT")?.body).toEqual({
      content: {
        warningSigns: [],
        copingStrategies: [],
        distractions: [],
        peopleToAsk: [{ name: "Sam", phone: "555-0101" }],
        professionals: [],
        environmentSafety: [],
      },
      basedOn: null,
    });
  });
});

describe("a participant's chart: treatment plan", () => {
  it("shows the review cadence, whether it was read, and the step-down history", async () => {
    stubApi(
      chartRoutes({
        [`GET ${JORDAN}/treatment-plan`]: json(200, { plan: treatmentPlan({ reviewDue: true }) }),
      }),
    );
    openChart();

    const section = await region(/^Treatment plan/);
    await within(section).findByText("Low mood most days");
    expect(within(section).getAllByText("Review due").length).toBeGreaterThan(0);
    expect(section.textContent).toContain(
      "3, by Dana Whitfield on November 23, 2026 at 3:00 PM EST",
    );
    expect(section.textContent).toContain("December 7, 2026 (every 14 days)");
    expect(within(section).getByText("Not acknowledged yet")).toBeTruthy();
    const history = within(section).getByRole("table", { name: "Step-down history of Jordan Lee" });
    expect(within(history).getAllByRole("row")[1]?.textContent).toBe(
      "November 2, 20264Mon, Tue, Wed, Thu",
    );
  });

  it("saves a review as a new version with its new cadence", async () => {
    let current: TreatmentPlanDto = treatmentPlan({ acknowledgedAt: "2026-11-24T01:00:00.000Z" });
    const { requests } = stubApi(
      chartRoutes({
        [`GET ${JORDAN}/treatment-plan`]: () => json(200, { plan: current }),
        [`PUT ${TREATMENT_PLAN}`]: (request) => {
          const body = request.body as Pick<TreatmentPlanDto, "content" | "reviewEveryDays">;
          current = treatmentPlan({
            version: 4,
            content: body.content,
            reviewEveryDays: body.reviewEveryDays,
            nextReviewOn: "2026-12-14",
          });
          return json(200, current);
        },
      }),
    );
    const { user } = openChart();

    const section = await region(/^Treatment plan/);
    expect(
      await within(section).findByText(/Acknowledged on November 23, 2026 at 8:00 PM EST/),
    ).toBeTruthy();
    await user.click(within(section).getByRole("button", { name: "Review and edit the plan" }));
    // Adding an objective puts the cursor in its first field, ready to type.
    const [addObjective] = within(section).getAllByRole("button", { name: /^Add an objective/ });
    if (!addObjective) throw new Error("no Add an objective button");
    await user.click(addObjective);
    expect(document.activeElement?.tagName).toBe("INPUT");
    const list = addObjective.closest("fieldset")?.querySelector("ol");
    const rows = list?.querySelectorAll(":scope > li") ?? [];
    const newest = rows[rows.length - 1];
    expect(newest?.contains(document.activeElement)).toBe(true);
    expect((document.activeElement as HTMLElement).id).toBe(
      within(newest as HTMLElement).getByLabelText("Objective").id,
    );
    await user.click(
      within(newest as HTMLElement).getByRole("button", { name: /^Remove objective/ }),
    );
    const review = within(section).getByLabelText("Review every (days)");
    await user.clear(review);
    await user.type(review, "21");
    await user.click(within(section).getByRole("button", { name: "Save as version 4" }));

    expect(
      await within(section).findByText(
        "Treatment plan saved as version 4. Next review on December 14, 2026.",
      ),
    ).toBeTruthy();
    expect(requests.find((r) => r.method === "PUT")?.body).toEqual({
      content: treatmentPlan().content,
      reviewEveryDays: 21,
      basedOn: 3,
    });
    await waitFor(() => expect(within(section).getByText("Not acknowledged yet")).toBeTruthy());
  });
});

describe("a participant's chart: treatment plan checks", () => {
  it("checks the plan before saving, drops blank interventions, then saves what was fixed", async () => {
    const { requests } = stubApi(
      chartRoutes({
        [`PUT ${TREATMENT_PLAN}`]: () =>
          json(200, treatmentPlan({ version: 4, nextReviewOn: "2026-12-14" })),
      }),
    );
    const { user } = openChart();

    const section = await region(/^Treatment plan/);
    await user.click(
      await within(section).findByRole("button", { name: "Review and edit the plan" }),
    );
    const goal = within(section).getByLabelText("Goal");
    await user.clear(goal);
    await user.click(within(section).getByRole("button", { name: /^Add an intervention/ }));
    const review = within(section).getByLabelText("Review every (days)");
    await user.clear(review);
    await user.type(review, "5");
    await user.click(within(section).getByRole("button", { name: "Save as version 4" }));

    const alert = await within(section).findByRole("alert");
    expect(alert.textContent).toBe("Check the fields marked below.");
    expect(document.activeElement).toBe(alert);
    expect(errorOf(within(section).getByLabelText("Goal"))).toBe("Write the goal.");
    expect(errorOf(within(section).getByLabelText("Review every (days)"))).toBe(
      "Review at most weekly.",
    );
    // The blank intervention left after "Add" is gone, as it is from what would be sent.
    expect(within(section).queryByLabelText("Intervention 2")).toBeNull();
    expect(requests.filter((r) => r.method === "PUT")).toEqual([]);

    await user.type(within(section).getByLabelText("Goal"), "Get back to daily routines");
    await user.clear(within(section).getByLabelText("Review every (days)"));
    await user.type(within(section).getByLabelText("Review every (days)"), "21");
    await user.click(within(section).getByRole("button", { name: "Save as version 4" }));

    expect(
      await within(section).findByText(
        "Treatment plan saved as version 4. Next review on December 14, 2026.",
      ),
    ).toBeTruthy();
    expect(requests.filter((r) => r.method === "PUT").map((r) => r.body)).toEqual([
      { content: treatmentPlan().content, reviewEveryDays: 21, basedOn: 3 },
    ]);
  });

  it("does not overwrite a newer version saved meanwhile", async () => {
    const { requests } = stubApi(
      chartRoutes({
        [`PUT ${TREATMENT_PLAN}`]: apiError(409, "conflict", "Reload the plan.", {
          basedOn: "Not the current version.",
        }),
      }),
    );
    const { user } = openChart();

    const section = await region(/^Treatment plan/);
    await user.click(
      await within(section).findByRole("button", { name: "Review and edit the plan" }),
    );
    await user.click(within(section).getByRole("button", { name: "Save as version 4" }));

    const alert = await within(section).findByRole("alert");
    expect(alert.textContent).toBe(NEWER_PLAN_MESSAGE);
    expect(document.activeElement).toBe(alert);
    expect(within(section).getByRole("button", { name: "Load the latest version" })).toBeTruthy();
    await user.click(within(section).getByRole("button", { name: "Save as version 4" }));
    expect(requests.filter((r) => r.method === "PUT")).toHaveLength(1);
  });
});

describe("a participant's chart: discharge", () => {
  type User = ReturnType<typeof openChart>["user"];

  /** Opens the discharge form of the chart's participant. */
  async function startDischarge(user: User): Promise<HTMLElement> {
    const section = await region(/^Discharge/);
    await user.click(
      within(section).getByRole("button", { name: "Start discharge of Jordan Lee" }),
    );
    return section;
  }

  /** Fills in a complete discharge: completed the program, a summary, outpatient care after. */
  async function fillDischarge(user: User, section: HTMLElement): Promise<void> {
    await user.click(within(section).getByRole("radio", { name: "Completed the program" }));
    await user.type(within(section).getByLabelText("Discharge summary"), "Met the plan's goals.");
    await user.selectOptions(
      within(section).getByLabelText("Level of care after discharge"),
      "Outpatient therapy",
    );
  }

  it("checks the discharge before confirming and marks each problem next to its field", async () => {
    const { requests } = stubApi(chartRoutes());
    const { user } = openChart();

    const section = await startDischarge(user);
    await user.click(within(section).getByRole("button", { name: "Discharge…" }));

    const alert = await within(section).findByRole("alert");
    expect(alert.textContent).toBe("Check the fields marked below.");
    expect(document.activeElement).toBe(alert);
    expect(screen.queryByRole("dialog")).toBeNull();
    const reasons = group(section, "Why the enrollment ends");
    expect(reasons.getAttribute("aria-invalid")).toBe("true");
    expect(reasons.textContent).toContain("Choose why the enrollment ends.");
    expect(errorOf(within(section).getByLabelText("Discharge summary"))).toBe(
      "Write the discharge summary.",
    );
    expect(errorOf(within(section).getByLabelText("Level of care after discharge"))).toBe(
      "Choose the level of care after discharge.",
    );
    expect(requests.filter((r) => r.method === "POST")).toEqual([]);
  });

  it("takes the server's field problems out of the dialog to their fields", async () => {
    stubApi(
      chartRoutes({
        [`POST /api/enrollments/${IDS.jordanEnrollment}/discharge`]: apiError(
          400,
          "invalid_input",
          "Check the discharge.",
          { dischargedOn: "The discharge date cannot be before the enrollment started." },
        ),
      }),
    );
    const { user } = openChart();

    const section = await startDischarge(user);
    await fillDischarge(user, section);
    await user.click(within(section).getByRole("button", { name: "Discharge…" }));
    const dialog = screen.getByRole("dialog", { name: "Discharge Jordan Lee?" });
    await user.click(
      within(dialog).getByRole("button", { name: "Discharge and close the enrollment" }),
    );

    const alert = await within(section).findByRole("alert");
    expect(alert.textContent).toBe("Check the fields marked below.");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(errorOf(within(section).getByLabelText("Discharge date"))).toBe(
      "The discharge date cannot be before the enrollment started.",
    );
  });

  it("discharges once after confirming, and says a refusal inside the dialog", async () => {
    const { requests } = stubApi(
      chartRoutes({
        [`POST /api/enrollments/${IDS.jordanEnrollment}/discharge`]: apiError(
          409,
          "conflict",
          "This enrollment has already ended.",
        ),
      }),
    );
    const { user } = openChart();

    const section = await startDischarge(user);
    expect(within(section).getByLabelText<HTMLInputElement>("Discharge date").value).toBe(
      "2026-11-23",
    );
    await fillDischarge(user, section);
    await user.click(within(section).getByRole("button", { name: "Discharge…" }));

    const dialog = screen.getByRole("dialog", { name: "Discharge Jordan Lee?" });
    expect(dialog.textContent).toContain("as of November 23, 2026");
    await user.click(
      within(dialog).getByRole("button", { name: "Discharge and close the enrollment" }),
    );

    expect((await within(dialog).findByRole("alert")).textContent).toBe(
      "This enrollment has already ended.",
    );
    const sent = requests.filter((r) => r.method === "POST");
    expect(sent.map((r) => r.body)).toEqual([
      {
        reason: "COMPLETED",
        dischargedOn: "2026-11-23",
        summary: "Met the plan's goals.",
        aftercare: { stepDownLevel: "Outpatient therapy", followUps: [], resources: [] },
      },
    ]);
  });
});
