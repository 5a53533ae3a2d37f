import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { apiError, json, stubApi } from "../test/fake-api";
import { signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import {
  cohortDetail,
  cohortListItem,
  enrollment,
  facilitators,
  IDS,
  participants,
  programs,
  sessionId,
  sessionList,
  sessionSummary,
} from "../test/schedule-fixtures";
import { description } from "../test/described-by";

function setValue(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function fillNewCohort(user: ReturnType<typeof renderApp>["user"]) {
  await user.type(await screen.findByLabelText("Cohort name"), "Evening track");
  setValue("Start date", "2026-12-01");
  setValue("End date", "2027-02-26");
  await user.click(screen.getByRole("checkbox", { name: "Monday" }));
  await user.click(screen.getByRole("checkbox", { name: "Wednesday" }));
  await user.selectOptions(screen.getByLabelText("Lead facilitator"), IDS.dana);
}

const newCohortRoutes = {
  "GET /api/programs": json(200, { programs }),
  "GET /api/facilitators": json(200, { facilitators }),
};

describe("new cohort form", () => {
  it("sends the cohort with its weekly pattern in the chosen zone and opens the new cohort", async () => {
    const { requests } = stubApi({
      ...newCohortRoutes,
      "POST /api/cohorts": json(201, cohortDetail()),
      [`GET /api/cohorts/${IDS.cohort}`]: json(200, cohortDetail()),
    });
    const { user, location } = renderApp("/cohorts/new", { auth: signedInAs("ADMIN") });
    await fillNewCohort(user);
    await user.click(screen.getByRole("button", { name: "Create cohort" }));

    await waitFor(() => expect(location()).toBe(`/cohorts/${IDS.cohort}`));
    expect(requests.find((r) => r.method === "POST")?.body).toEqual({
      programId: IDS.program,
      name: "Evening track",
      timeZone: "America/New_York",
      capacity: 12,
      startsOn: "2026-12-01",
      endsOn: "2027-02-26",
      weeklyPattern: { days: ["MO", "WE"], startTime: "18:00", endTime: "21:00" },
      groupSessionKind: "GROUP_THERAPY",
      leadFacilitatorId: IDS.dana,
      coFacilitatorIds: [],
    });
  });

  it("shows each field's error from a 400 next to that field", async () => {
    stubApi({
      ...newCohortRoutes,
      "POST /api/cohorts": apiError(400, "invalid_input", "Check the cohort.", {
        "weeklyPattern.days": "The cohort cannot meet on Sunday.",
        "weeklyPattern.endTime": "Meetings may last at most 4 hours.",
        endsOn: "A cohort runs for at most 26 weeks.",
        capacity: "Capacity must be 30 or fewer.",
        timeZone: "Use an IANA time zone such as America/New_York.",
        leadFacilitatorId: "Dana Whitfield's license expires before the cohort ends.",
      }),
    });
    const { user } = renderApp("/cohorts/new", { auth: signedInAs("ADMIN") });
    await fillNewCohort(user);
    await user.click(screen.getByRole("button", { name: "Create cohort" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Check the fields marked below.");
    expect(description(screen.getByRole("group", { name: "Meeting days" }))).toContain(
      "The cohort cannot meet on Sunday.",
    );
    expect(description(screen.getByLabelText("End time"))).toContain(
      "Meetings may last at most 4 hours.",
    );
    expect(description(screen.getByLabelText("End date"))).toContain(
      "A cohort runs for at most 26 weeks.",
    );
    expect(description(screen.getByLabelText("Capacity"))).toContain(
      "Capacity must be 30 or fewer.",
    );
    expect(description(screen.getByLabelText("Time zone"))).toContain(
      "Use an IANA time zone such as America/New_York.",
    );
    const lead = screen.getByLabelText("Lead facilitator");
    expect(lead.getAttribute("aria-invalid")).toBe("true");
    expect(description(lead)).toContain("license expires before the cohort ends");
  });

  it("shows a 409's message at the top of the form", async () => {
    stubApi({
      ...newCohortRoutes,
      "POST /api/cohorts": apiError(
        409,
        "conflict",
        "Dana Whitfield already leads a group on Mondays at 18:00.",
      ),
    });
    const { user } = renderApp("/cohorts/new", { auth: signedInAs("ADMIN") });
    await fillNewCohort(user);
    await user.click(screen.getByRole("button", { name: "Create cohort" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Dana Whitfield already leads a group on Mondays at 18:00.");
    expect(document.activeElement).toBe(alert);
  });

  it("checks the form before sending it, with the server's field names", async () => {
    const { requests } = stubApi(newCohortRoutes);
    const { user } = renderApp("/cohorts/new", { auth: signedInAs("ADMIN") });
    await user.click(await screen.findByRole("button", { name: "Create cohort" }));

    expect(description(screen.getByRole("group", { name: "Meeting days" }))).toContain(
      "Choose at least one day of the week.",
    );
    expect(description(screen.getByLabelText("Lead facilitator"))).toContain(
      "Choose the lead facilitator.",
    );
    expect(requests.some((r) => r.method === "POST")).toBe(false);
  });

  it("does not offer a facilitator whose license has already expired as the lead", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-20T15:00:00Z")); // Marcus's license expired on Dec 15
    stubApi(newCohortRoutes);
    renderApp("/cohorts/new", { auth: signedInAs("ADMIN") });
    await screen.findByLabelText("Cohort name");

    const lead = screen.getByLabelText<HTMLSelectElement>("Lead facilitator");
    expect([...lead.options].map((o) => o.value)).toEqual(["", IDS.dana]);
  });

  it("warns when the lead's license runs out before the cohort ends", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-25T15:00:00Z"));
    stubApi(newCohortRoutes);
    const { user } = renderApp("/cohorts/new", { auth: signedInAs("ADMIN") });
    await screen.findByLabelText("Cohort name");
    setValue("End date", "2027-02-26");
    await user.selectOptions(screen.getByLabelText("Lead facilitator"), IDS.marcus);

    expect(description(screen.getByLabelText("Lead facilitator"))).toContain(
      "Marcus Reyes's license expires on December 15, 2026, before this cohort ends on February 26, 2027.",
    );
    await user.selectOptions(screen.getByLabelText("Lead facilitator"), IDS.dana);
    expect(description(screen.getByLabelText("Lead facilitator"))).not.toContain("license");
  });

  it("adds a program from inside the form and chooses it", async () => {
    const added = {
      id: "00000000-0000-4000-8000-0000000000b2",
      name: "Young adults",
      description: "",
    };
    const { requests } = stubApi({
      ...newCohortRoutes,
      "POST /api/programs": json(201, added),
    });
    const { user } = renderApp("/cohorts/new", { auth: signedInAs("ADMIN") });
    await user.click(await screen.findByRole("button", { name: "Add a program" }));
    await user.type(screen.getByLabelText("Program name"), "Young adults");
    await user.click(screen.getByRole("button", { name: "Save program" }));

    await waitFor(() =>
      expect(screen.getByLabelText<HTMLSelectElement>("Program").value).toBe(added.id),
    );
    expect(
      requests.find((r) => r.pathname === "/api/programs" && r.method === "POST")?.body,
    ).toEqual({ name: "Young adults", description: "" });
  });
});

describe("cohort list", () => {
  it("lists cohorts with links, and offers admins a new cohort", async () => {
    stubApi({ "GET /api/cohorts": json(200, { cohorts: [cohortListItem] }) });
    renderApp("/cohorts", { auth: signedInAs("ADMIN") });

    const table = await screen.findByRole("table", { name: "All cohorts" });
    const link = within(table).getByRole("link", { name: "Evening track" });
    expect(link.getAttribute("href")).toBe(`/cohorts/${IDS.cohort}`);
    expect(link.closest("tr")?.textContent).toContain("Mon, Tue, Wed, Thu 6:00 PM–9:00 PM");
    expect(screen.getByRole("link", { name: "New cohort" }).getAttribute("href")).toBe(
      "/cohorts/new",
    );
  });
});

const cohortRoutes = (detail = cohortDetail()) => ({
  [`GET /api/cohorts/${IDS.cohort}`]: json(200, detail),
  "GET /api/facilitators": json(200, { facilitators }),
  "GET /api/participants": json(200, { participants }),
  "GET /api/sessions": sessionList([sessionSummary()]),
});

describe("cohort page", () => {
  it("shows the schedule, dates, capacity and facilitators", async () => {
    stubApi(cohortRoutes());
    renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("FACILITATOR") });

    const summary = await screen.findByRole("region", { name: "Schedule and facilitators" });
    const text = summary.textContent;
    expect(text).toContain("Adult Mental Health IOP");
    expect(text).toContain("Mon, Tue, Wed, Thu 6:00 PM–9:00 PM (Eastern Time)");
    expect(text).toContain("November 2, 2026 to February 26, 2027");
    expect(text).toContain("1 of 12 places taken");
    expect(text).toContain("Dana Whitfield, LCSW");
    expect(text).toContain("Marcus Reyes, LPC");
  });

  it("offers enrolling and assigning facilitators to admins only, as they create care relationships", async () => {
    stubApi(cohortRoutes());
    const facilitator = renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("FACILITATOR") });
    await screen.findByRole("region", { name: "Schedule and facilitators" });
    expect(screen.queryByRole("region", { name: "Enroll a participant" })).toBeNull();
    await facilitator.user.click(screen.getByRole("button", { name: "Edit schedule" }));
    expect(await screen.findByLabelText("End date")).toBeTruthy();
    expect(screen.queryByLabelText("Lead facilitator")).toBeNull();
    facilitator.unmount();

    const admin = renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("ADMIN") });
    expect(await screen.findByRole("region", { name: "Enroll a participant" })).toBeTruthy();
    await admin.user.click(screen.getByRole("button", { name: "Edit schedule" }));
    expect(await screen.findByLabelText("Lead facilitator")).toBeTruthy();
  });

  it("flags planned weeks below 9 hours and at 20 hours or more", async () => {
    stubApi(
      cohortRoutes(
        cohortDetail({
          enrollments: [
            enrollment({
              phase: 2,
              days: ["MO", "WE"],
              plannedThisWeek: {
                weekStart: "2026-11-23",
                plannedHours: 6,
                status: "below-minimum",
              },
            }),
            enrollment({
              id: IDS.averyEnrollment,
              participant: { id: IDS.avery, displayName: "Avery Johnson" },
              plannedThisWeek: { weekStart: "2026-11-23", plannedHours: 21, status: "php-range" },
            }),
          ],
        }),
      ),
    );
    renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("ADMIN") });

    const table = await screen.findByRole("table", { name: "Participants in Evening track" });
    const jordan = within(table).getByRole("rowheader", { name: "Jordan Lee" }).closest("tr");
    expect(jordan?.textContent).toContain("2 days a week");
    expect(jordan?.textContent).toContain("Mon, Wed");
    expect(jordan?.textContent).toContain("6 hours");
    expect(jordan?.textContent).toContain("Below the 9-hour IOP minimum");
    const avery = within(table).getByRole("rowheader", { name: "Avery Johnson" }).closest("tr");
    expect(avery?.textContent).toContain("21 hours");
    expect(avery?.textContent).toContain("20+ hours: partial hospitalisation range");
    expect(jordan?.textContent).not.toContain("partial hospitalisation");
    expect(within(table).getByRole("columnheader", { name: "Planned hours" })).toBeTruthy();
  });

  it("plans hours for each week ahead: a new enrolment shows its start, and later short weeks are flagged with why", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-25T15:00:00Z"));
    stubApi(
      cohortRoutes(
        cohortDetail({
          enrollments: [
            enrollment({
              startsOn: "2026-11-30",
              plannedThisWeek: {
                weekStart: "2026-11-23",
                plannedHours: 0,
                status: "below-minimum",
              },
              plannedWeeks: [
                { weekStart: "2026-11-30", plannedHours: 9, status: "within-range", reasons: [] },
                {
                  weekStart: "2026-12-07",
                  plannedHours: 6,
                  status: "below-minimum",
                  reasons: ["step-down", "holidays"],
                },
              ],
            }),
          ],
        }),
      ),
    );
    const { user } = renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("ADMIN") });

    const table = await screen.findByRole("table", { name: "Participants in Evening track" });
    const row = within(table).getByRole("rowheader", { name: "Jordan Lee" }).closest("tr");
    if (!row) throw new Error("no row");
    expect(row.textContent).toContain("Starts November 30, 2026");
    expect(row.textContent).not.toContain("0 hours");
    await user.click(within(row).getByText("1 week of 2 flagged"));
    const weeks = within(row)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(weeks).toEqual([
      "Week of Mon, Nov 30: 9 hours",
      "Week of Mon, Dec 7: 6 hoursBelow the 9-hour IOP minimum (step-down, holiday closure)",
    ]);
  });

  it("shows a step-down that is planned but not yet in effect next to the current phase", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-25T15:00:00Z"));
    stubApi(
      cohortRoutes(
        cohortDetail({
          enrollments: [
            enrollment({
              phases: [
                { phase: 4, days: ["MO", "TU", "WE", "TH"], effectiveFrom: "2026-11-02" },
                { phase: 3, days: ["MO", "TU", "WE"], effectiveFrom: "2026-11-30" },
              ],
            }),
          ],
        }),
      ),
    );
    renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("ADMIN") });

    const table = await screen.findByRole("table", { name: "Participants in Evening track" });
    const row = within(table).getByRole("rowheader", { name: "Jordan Lee" }).closest("tr");
    expect(row?.textContent).toContain("4 days a week3 days a week from November 30, 2026");
  });

  it("offers a second step-down from the phase already planned, and after it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-25T15:00:00Z")); // a Wednesday
    const { requests } = stubApi({
      ...cohortRoutes(
        cohortDetail({
          enrollments: [
            enrollment({
              phases: [
                { phase: 4, days: ["MO", "TU", "WE", "TH"], effectiveFrom: "2026-11-02" },
                { phase: 3, days: ["MO", "TU", "WE"], effectiveFrom: "2026-11-30" },
              ],
            }),
          ],
        }),
      ),
      [`POST /api/enrollments/${IDS.jordanEnrollment}/step-down`]: json(200, enrollment()),
    });
    const { user } = renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("FACILITATOR") });

    await user.click(await screen.findByRole("button", { name: "Step down Jordan Lee" }));
    const form = screen.getByRole("region", { name: "Step down Jordan Lee" });
    expect(form.textContent).toContain(
      "Now 4 days a week (Mon, Tue, Wed, Thu); 3 days a week (Mon, Tue, Wed) from November 30, 2026.",
    );
    expect(screen.getByLabelText<HTMLInputElement>("Effective from").value).toBe("2026-12-07");
    const phase = screen.getByLabelText<HTMLSelectElement>("New phase");
    expect(phase.value).toBe("2");
    expect([...phase.options].map((o) => o.value)).toEqual(["2"]);
    await user.click(screen.getByRole("button", { name: "Save step-down" }));
    await waitFor(() =>
      expect(requests.find((r) => r.pathname.endsWith("/step-down"))?.body).toEqual({
        effectiveFrom: "2026-12-07",
        phase: 2,
        days: ["MO", "TU"],
      }),
    );
  });

  it("steps a participant down from next Monday to the next phase on its usual days", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-25T15:00:00Z")); // a Wednesday
    const { requests } = stubApi({
      ...cohortRoutes(),
      [`POST /api/enrollments/${IDS.jordanEnrollment}/step-down`]: json(
        200,
        enrollment({ phase: 3, days: ["MO", "TU", "WE"] }),
      ),
    });
    const { user } = renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("FACILITATOR") });

    await user.click(await screen.findByRole("button", { name: "Step down Jordan Lee" }));
    expect(screen.getByLabelText<HTMLInputElement>("Effective from").value).toBe("2026-11-30");
    expect(screen.getByLabelText<HTMLSelectElement>("New phase").value).toBe("3");
    const days = screen.getByRole("group", { name: "Days attended" });
    const checked = within(days)
      .getAllByRole("checkbox")
      .filter((box) => (box as HTMLInputElement).checked)
      .map((box) => box.getAttribute("value"));
    expect(checked).toEqual(["MO", "TU", "WE"]);
    await user.click(screen.getByRole("button", { name: "Save step-down" }));

    await waitFor(() =>
      expect(requests.find((r) => r.pathname.endsWith("/step-down"))?.body).toEqual({
        effectiveFrom: "2026-11-30",
        phase: 3,
        days: ["MO", "TU", "WE"],
      }),
    );
    expect(await screen.findByText(/Jordan Lee moves to 3 days a week/)).toBeTruthy();
  });

  it("shows a 409 from enrolling at the top of the enroll form", async () => {
    stubApi({
      ...cohortRoutes(),
      [`POST /api/cohorts/${IDS.cohort}/enrollments`]: apiError(
        409,
        "conflict",
        "Evening track is full: 12 of 12 places are taken.",
      ),
    });
    const { user } = renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("ADMIN") });
    const form = await screen.findByRole("region", { name: "Enroll a participant" });
    await user.selectOptions(await within(form).findByLabelText("Participant"), IDS.sam);
    fireEvent.change(within(form).getByLabelText("Planned discharge"), {
      target: { value: "2027-02-26" },
    });
    await user.click(within(form).getByRole("button", { name: "Enroll participant" }));

    expect((await within(form).findByRole("alert")).textContent).toBe(
      "Evening track is full: 12 of 12 places are taken.",
    );
  });

  it("cancels one meeting only after a reason is given, and shows it cancelled", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T15:00:00Z"));
    let cancelled = false;
    const { requests } = stubApi({
      ...cohortRoutes(),
      "GET /api/sessions": () =>
        sessionList([
          cancelled
            ? sessionSummary({ status: "CANCELLED", cancelReason: "Thanksgiving week" })
            : sessionSummary(),
        ]),
      [`POST /api/sessions/${sessionId(1)}/cancel`]: () => {
        cancelled = true;
        return json(
          200,
          sessionSummary({ status: "CANCELLED", cancelReason: "Thanksgiving week" }),
        );
      },
    });
    const { user } = renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("FACILITATOR") });

    await user.click(await screen.findByRole("button", { name: /^Cancel session/ }));
    await user.click(screen.getByRole("button", { name: "Cancel this session" }));
    expect(description(screen.getByLabelText("Reason for cancelling"))).toContain(
      "Say why the session is cancelled.",
    );
    expect(requests.some((r) => r.pathname.endsWith("/cancel"))).toBe(false);

    await user.type(screen.getByLabelText("Reason for cancelling"), "Thanksgiving week");
    await user.click(screen.getByRole("button", { name: "Cancel this session" }));

    const card = await screen.findByRole("article", { name: /Group therapy\s*Cancelled/ });
    expect(card.textContent).toContain("Reason: Thanksgiving week");
    expect(requests.find((r) => r.pathname.endsWith("/cancel"))?.body).toEqual({
      reason: "Thanksgiving week",
    });
    expect(within(card).queryByRole("button", { name: /^Reschedule/ })).toBeNull();
  });

  it("reschedules a meeting to a local time in the cohort's zone, sent with that date's offset", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T15:00:00Z"));
    const { requests } = stubApi({
      ...cohortRoutes(),
      [`PATCH /api/sessions/${sessionId(1)}`]: json(200, sessionSummary({ rescheduled: true })),
    });
    const { user } = renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("ADMIN") });

    await user.click(await screen.findByRole("button", { name: /^Reschedule/ }));
    expect(screen.getByLabelText<HTMLInputElement>("New date").value).toBe("2026-11-23");
    expect(screen.getByLabelText<HTMLInputElement>("New start time").value).toBe("18:00");
    setValue("New date", "2026-11-24");
    setValue("New start time", "17:30");
    await user.selectOptions(screen.getByLabelText("Lead for this meeting"), IDS.marcus);
    await user.click(screen.getByRole("button", { name: "Save changes" }));

    await waitFor(() =>
      expect(requests.find((r) => r.method === "PATCH")?.body).toEqual({
        startsAt: "2026-11-24T17:30:00-05:00",
        leadFacilitatorId: IDS.marcus,
      }),
    );
  });

  it("shows the server's reason next to the lead when their license has expired by then", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T15:00:00Z"));
    stubApi({
      ...cohortRoutes(),
      [`PATCH /api/sessions/${sessionId(1)}`]: apiError(400, "invalid_input", "Check the lead.", {
        leadFacilitatorId: "Marcus Reyes's license expires on 2026-12-15, before this session.",
      }),
    });
    const { user } = renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("ADMIN") });
    await user.click(await screen.findByRole("button", { name: /^Reschedule/ }));
    await user.selectOptions(screen.getByLabelText("Lead for this meeting"), IDS.marcus);
    await user.click(screen.getByRole("button", { name: "Save changes" }));

    await waitFor(() =>
      expect(description(screen.getByLabelText("Lead for this meeting"))).toContain(
        "license expires on 2026-12-15",
      ),
    );
  });

  it("says a cohort the person may not see was not found", async () => {
    stubApi({});
    renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("FACILITATOR") });

    expect(await screen.findByRole("heading", { level: 1, name: "Cohort not found" })).toBeTruthy();
  });
});
