import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, json, stubApi } from "../test/fake-api";
import { signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { cohortDetail, IDS, participants, sessionId } from "../test/schedule-fixtures";
import { toMultiFamilyInput } from "./multi-family-form";

const cohortRoutes = {
  [`GET /api/cohorts/${IDS.cohort}`]: json(200, cohortDetail({ timeZone: "America/Chicago" })),
  "GET /api/sessions": json(200, { sessions: [] }),
  "GET /api/participants": json(200, { participants }),
  "GET /api/facilitators": json(200, { facilitators: [] }),
};

describe("booking a multi-family group", () => {
  it("reads the date and time in the group's own zone", () => {
    expect(
      toMultiFamilyInput({ date: "2027-03-15", time: "18:30", durationMinutes: "90" }, "UTC"),
    ).toEqual({ ok: true, input: { startsAt: "2027-03-15T18:30:00+00:00", durationMinutes: 90 } });
    const missing = toMultiFamilyInput({ date: "", time: "", durationMinutes: "5" }, "UTC");
    expect(missing.ok ? null : missing.problem.fields).toEqual({
      date: "Choose a date.",
      time: "Choose a start time.",
      durationMinutes: "Sessions last at least 15 minutes.",
    });
  });

  it("books one for the cohort from its page and links to it", async () => {
    const { requests } = stubApi({
      ...cohortRoutes,
      [`POST /api/cohorts/${IDS.cohort}/multi-family-sessions`]: json(201, { id: sessionId(7) }),
    });
    const { user } = renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("FACILITATOR") });
    const section = await screen.findByRole("region", { name: "Book a multi-family group" });
    expect(within(section).getByText(/Central Time, the group's time zone/)).toBeTruthy();
    fireEvent.change(within(section).getByLabelText("Date"), { target: { value: "2027-03-15" } });
    fireEvent.change(within(section).getByLabelText("Start time"), {
      target: { value: "18:00" },
    });
    await user.click(within(section).getByRole("button", { name: "Book multi-family group" }));

    const link = await within(section).findByRole("link", { name: "Open the session" });
    expect(link.getAttribute("href")).toBe(`/sessions/${sessionId(7)}`);
    // Chicago is 5 hours behind UTC on March 15, 2027.
    expect(requests.find((r) => r.method === "POST")?.body).toEqual({
      startsAt: "2027-03-15T18:00:00-05:00",
      durationMinutes: 90,
    });
  });

  it("shows a double booking at the top and a bad length next to its field", async () => {
    let answer = apiError(409, "conflict", "Dana Whitfield is already booked for Group therapy.");
    stubApi({
      ...cohortRoutes,
      [`POST /api/cohorts/${IDS.cohort}/multi-family-sessions`]: () => answer,
    });
    const { user } = renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("FACILITATOR") });
    const section = await screen.findByRole("region", { name: "Book a multi-family group" });
    fireEvent.change(within(section).getByLabelText("Date"), { target: { value: "2027-03-15" } });
    fireEvent.change(within(section).getByLabelText("Start time"), {
      target: { value: "18:00" },
    });
    await user.click(within(section).getByRole("button", { name: "Book multi-family group" }));
    expect((await within(section).findByRole("alert")).textContent).toContain(
      "Dana Whitfield is already booked for Group therapy.",
    );

    answer = apiError(400, "invalid_input", "Check durationMinutes.", {
      durationMinutes: "Sessions last at most 240 minutes.",
    });
    await user.click(within(section).getByRole("button", { name: "Book multi-family group" }));
    expect(await within(section).findByText("Sessions last at most 240 minutes.")).toBeTruthy();
    expect(within(section).getByLabelText("Length in minutes").getAttribute("aria-invalid")).toBe(
      "true",
    );
  });
});
