import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, json, stubApi } from "../test/fake-api";
import { authStateFor, facilitatorHome } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { IDS } from "../test/schedule-fixtures";

const facilitator = { status: "signed-in", auth: authStateFor("FACILITATOR") } as const;
const REVIEWS = "GET /api/treatment-plans/reviews-due";

describe("treatment plan reviews due, on a facilitator's home", () => {
  it("lists who needs a plan or a review, each linking to their chart", async () => {
    stubApi({
      "GET /api/home": json(200, facilitatorHome),
      [REVIEWS]: json(200, {
        reviews: [
          {
            enrollmentId: IDS.jordanEnrollment,
            participantId: IDS.jordan,
            displayName: "Jordan Lee",
            nextReviewOn: "2026-11-20",
          },
          {
            enrollmentId: IDS.averyEnrollment,
            participantId: IDS.avery,
            displayName: "Avery Johnson",
            nextReviewOn: null,
          },
        ],
      }),
    });
    renderApp("/facilitator", { auth: facilitator });

    const card = await screen.findByRole("region", { name: /^Treatment plan reviews due/ });
    const jordan = await within(card).findByRole("link", { name: "Jordan Lee chart" });
    expect(jordan.getAttribute("href")).toBe(`/participants/${IDS.jordan}/chart`);
    expect(jordan.closest("li")?.textContent).toContain("Review due: November 20, 2026");
    const avery = within(card).getByRole("link", { name: "Avery Johnson chart" });
    expect(avery.closest("li")?.textContent).toContain("No treatment plan yet");
    expect(within(card).getByText("2").className).toContain("badge--warning");
  });

  it("says when every plan is up to date", async () => {
    stubApi({
      "GET /api/home": json(200, facilitatorHome),
      [REVIEWS]: json(200, { reviews: [] }),
    });
    renderApp("/facilitator", { auth: facilitator });
    const card = await screen.findByRole("region", { name: /^Treatment plan reviews due/ });
    expect(
      await within(card).findByText(/Every treatment plan in your cohorts is up to date\./),
    ).toBeTruthy();
  });

  it("offers to try again after a failure, without raising an alert", async () => {
    let fail = true;
    stubApi({
      "GET /api/home": json(200, facilitatorHome),
      [REVIEWS]: () =>
        fail ? apiError(500, "internal", "Something went wrong.") : json(200, { reviews: [] }),
    });
    const { user } = renderApp("/facilitator", { auth: facilitator });
    const card = await screen.findByRole("region", { name: /^Treatment plan reviews due/ });

    expect(await within(card).findByText(/We couldn't load the reviews due\./)).toBeTruthy();
    expect(within(card).queryByRole("alert")).toBeNull();
    fail = false;
    await user.click(within(card).getByRole("button", { name: "Try again" }));
    expect(
      await within(card).findByText(/Every treatment plan in your cohorts is up to date\./),
    ).toBeTruthy();
  });
});
