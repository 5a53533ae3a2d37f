import type { CohortSeverities } from "@bridgeway/domain";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { json, stubApi } from "../test/fake-api";
import { signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import {
  cohortDetail,
  enrollment,
  facilitators,
  IDS,
  participants,
  sessionList,
  sessionSummary,
} from "../test/schedule-fixtures";

const SEVERITIES = `GET /api/cohorts/${IDS.cohort}/severities`;

const severities: CohortSeverities = {
  cohortId: IDS.cohort,
  participants: [
    {
      participantId: IDS.avery,
      displayName: "Avery Johnson",
      latest: {
        PHQ9: {
          total: 4,
          severity: "minimal",
          completedAt: "2026-11-20T15:00:00.000Z",
          safetyConcern: false,
        },
        GAD7: {
          total: 12,
          severity: "moderate",
          completedAt: "2026-11-20T15:10:00.000Z",
          safetyConcern: false,
        },
      },
    },
    {
      participantId: IDS.jordan,
      displayName: "Jordan Lee",
      latest: {
        PHQ9: {
          total: 16,
          severity: "moderately-severe",
          completedAt: "2026-11-22T15:00:00.000Z",
          safetyConcern: true,
        },
      },
    },
  ],
};

function cohortRoutes() {
  return {
    [`GET /api/cohorts/${IDS.cohort}`]: json(
      200,
      cohortDetail({
        enrollments: [
          enrollment(),
          enrollment({
            id: IDS.averyEnrollment,
            participant: { id: IDS.avery, displayName: "Avery Johnson" },
          }),
        ],
      }),
    ),
    "GET /api/facilitators": json(200, { facilitators }),
    "GET /api/participants": json(200, { participants }),
    "GET /api/sessions": sessionList([sessionSummary()]),
    [SEVERITIES]: json(200, severities),
  };
}

describe("the cohort page's clinical sections", () => {
  it("shows clinicians each participant's latest scores, safety concerns first, linked to charts", async () => {
    stubApi(cohortRoutes());
    renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("FACILITATOR") });

    const section = await screen.findByRole("region", { name: "Current severities" });
    const table = await within(section).findByRole("table", {
      name: "Latest scores, safety concerns first",
    });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Participant", "PHQ-9", "GAD-7"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual([
      "Jordan Lee",
      "Avery Johnson",
    ]);

    const [jordan, avery] = rows.map((r) => within(r).getAllByRole("cell"));
    expect(jordan?.[0]?.textContent).toContain("16 of 27 Moderately severe");
    expect(jordan?.[0]?.textContent).toContain("Safety concern: question 9");
    expect(within(jordan?.[0] as HTMLElement).getByText("Moderately severe").className).toContain(
      "badge--danger",
    );
    expect(jordan?.[1]?.textContent).toBe("None yet");
    expect(avery?.[0]?.textContent).toContain("4 of 27 Minimal");
    expect(avery?.[0]?.textContent).not.toContain("Safety concern");
    expect(avery?.[1]?.textContent).toContain("12 of 21 Moderate");
    expect(avery?.[1]?.textContent).toContain("November 20, 2026 at 10:10 AM EST");

    expect(within(table).getByRole("link", { name: "Jordan Lee" }).getAttribute("href")).toBe(
      `/participants/${IDS.jordan}/chart?cohortId=${IDS.cohort}`,
    );
    expect(screen.getByRole("link", { name: "Chart of Avery Johnson" }).getAttribute("href")).toBe(
      `/participants/${IDS.avery}/chart?cohortId=${IDS.cohort}`,
    );
    expect(
      screen.getByRole("link", { name: "Open attendance of Evening track" }).getAttribute("href"),
    ).toBe(`/cohorts/${IDS.cohort}/attendance`);
  });

  it("shows the clinic admin attendance but no clinical scores or charts", async () => {
    const { requests } = stubApi(cohortRoutes());
    renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("ADMIN") });

    expect(
      await screen.findByRole("link", { name: "Open attendance of Evening track" }),
    ).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Current severities" })).toBeNull();
    expect(screen.queryByRole("link", { name: /^Chart of/ })).toBeNull();
    expect(requests.some((r) => r.path.endsWith("/severities"))).toBe(false);
  });
});
