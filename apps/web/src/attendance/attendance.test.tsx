import type { CohortAttendance } from "@bridgeway/domain";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { apiError, json, stubApi, type RecordedRequest } from "../test/fake-api";
import { authStateFor } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { IDS, sessionId } from "../test/schedule-fixtures";
import { cellView } from "./attendance-grid";

const facilitator = { status: "signed-in", auth: authStateFor("FACILITATOR") } as const;
const PAGE = `/cohorts/${IDS.cohort}/attendance`;
const ATTENDANCE = `GET /api/cohorts/${IDS.cohort}/attendance`;

const cell = (
  session: number,
  overrides: Partial<CohortAttendance["participants"][number]["cells"][number]> = {},
) => ({
  sessionId: sessionId(session),
  expected: true,
  attended: true,
  minutes: 180,
  late: false,
  leftEarly: false,
  videoMinutes: overrides.minutes ?? 180,
  audioOnlyMinutes: 0,
  ...overrides,
});

/** The Evening track's week of November 16: three group sessions, 6–9 PM Eastern. */
function attendance(range: { from: string; to: string }): CohortAttendance {
  return {
    cohortId: IDS.cohort,
    cohortName: "Evening track",
    timeZone: "America/New_York",
    ...range,
    sessions: [
      {
        id: sessionId(1),
        kind: "GROUP_THERAPY",
        startsAt: "2026-11-16T23:00:00.000Z",
        endsAt: "2026-11-17T02:00:00.000Z",
        upcoming: false,
      },
      {
        id: sessionId(2),
        kind: "GROUP_THERAPY",
        startsAt: "2026-11-17T23:00:00.000Z",
        endsAt: "2026-11-18T02:00:00.000Z",
        upcoming: false,
      },
      {
        id: sessionId(3),
        kind: "PSYCHOEDUCATION",
        startsAt: "2026-11-19T23:00:00.000Z",
        endsAt: "2026-11-20T02:00:00.000Z",
        upcoming: false,
      },
    ],
    participants: [
      {
        participantId: IDS.jordan,
        displayName: "Jordan Lee",
        cells: [
          cell(1),
          cell(2, { minutes: 150, late: true, leftEarly: true }),
          cell(3, { attended: false, minutes: 0 }),
        ],
        weeks: [
          {
            weekStart: "2026-11-16",
            plannedHours: 9,
            attendedHours: 5.5,
            status: "below-minimum",
            flagged: true,
          },
        ],
      },
      {
        participantId: IDS.avery,
        displayName: "Avery Johnson",
        cells: [
          cell(1, { expected: false, attended: false, minutes: 0 }),
          cell(2, { expected: false }),
          cell(3),
        ],
        weeks: [
          {
            weekStart: "2026-11-16",
            plannedHours: 21,
            attendedHours: 21,
            status: "php-range",
            flagged: false,
          },
        ],
      },
      {
        participantId: IDS.sam,
        displayName: "Sam Ortiz",
        cells: [cell(1), cell(2), cell(3)],
        weeks: [
          {
            weekStart: "2026-11-16",
            plannedHours: 9,
            attendedHours: 9,
            status: "within-range",
            flagged: false,
          },
        ],
      },
    ],
  };
}

const answer = (request: RecordedRequest) =>
  json(
    200,
    attendance({ from: request.query.get("from") ?? "", to: request.query.get("to") ?? "" }),
  );

/** Wednesday, November 18, 2026, 10 AM Eastern: this week is November 16–22. */
function openPage(path = PAGE) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-18T15:00:00Z"));
  return renderApp(path, { auth: facilitator });
}

const ranges = (requests: RecordedRequest[]) =>
  requests
    .filter((r) => r.pathname === `/api/cohorts/${IDS.cohort}/attendance`)
    .map((r) => `${r.query.get("from")}..${r.query.get("to")}`);

const rowCells = (table: HTMLElement, name: string) => {
  const row = within(table).getByRole("rowheader", { name }).closest("tr") as HTMLElement;
  return within(row).getAllByRole("cell");
};

describe("the cohort attendance page", () => {
  it("opens on this week: weekly hours against the 9-hour minimum, and minutes per session", async () => {
    const { requests } = stubApi({ [ATTENDANCE]: answer });
    openPage();

    expect(
      await screen.findByRole("heading", { level: 1, name: "Attendance: Evening track" }),
    ).toBeTruthy();
    expect(ranges(requests)).toEqual(["2026-11-16..2026-11-22"]);

    const hours = screen.getByRole("table", {
      name: "Hours attended per week, against planned hours and the 9-hour IOP minimum",
    });
    expect(within(hours).getByRole("columnheader", { name: "Week of Mon, Nov 16" })).toBeTruthy();
    const [jordanWeek] = rowCells(hours, "Jordan Lee");
    expect(jordanWeek?.textContent).toBe("5.5 hoursof 9 hours plannedBelow minimum");
    expect(jordanWeek?.className).toContain("hours--danger");
    const [averyWeek] = rowCells(hours, "Avery Johnson");
    expect(averyWeek?.textContent).toBe("21 hoursof 21 hours plannedPartial hospitalisation range");
    expect(averyWeek?.className).not.toContain("hours--danger");
    const [samWeek] = rowCells(hours, "Sam Ortiz");
    expect(samWeek?.textContent).toBe("9 hoursof 9 hours planned");

    const grid = screen.getByRole("table", {
      name: "Minutes attended per session, November 16, 2026 to November 22, 2026",
    });
    expect(
      within(grid)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual([
      "Participant",
      "Mon, Nov 166:00 PMGroup therapy",
      "Tue, Nov 176:00 PMGroup therapy",
      "Thu, Nov 196:00 PMPsychoeducation",
    ]);
    expect(rowCells(grid, "Jordan Lee").map((c) => c.textContent)).toEqual([
      "180 min",
      "150 minLateLeft early",
      "Absent",
    ]);
    expect(rowCells(grid, "Avery Johnson").map((c) => c.textContent)).toEqual([
      "—Not expected",
      "180 minNot expected",
      "180 min",
    ]);

    expect(
      screen.getByText(/Minutes in the room within the scheduled time\./).textContent,
    ).toContain(
      "Late: arrived more than 10 minutes after the start. Left early: left more than 10 minutes before the end.",
    );

    const csv = screen.getByRole("link", { name: "Download CSV" });
    expect(csv.getAttribute("href")).toBe(
      `/api/cohorts/${IDS.cohort}/attendance.csv?from=2026-11-16&to=2026-11-22`,
    );
    expect(csv.hasAttribute("download")).toBe(true);
  });

  it("moves week by week, and the fields and CSV link follow", async () => {
    const { requests } = stubApi({ [ATTENDANCE]: answer });
    const { user } = openPage();
    const range = await screen.findByRole("region", { name: "Date range" });

    await user.click(within(range).getByRole("button", { name: "Previous week" }));
    await screen.findByRole("table", {
      name: "Minutes attended per session, November 9, 2026 to November 15, 2026",
    });
    expect(within(range).getByLabelText<HTMLInputElement>("From").value).toBe("2026-11-09");
    expect(within(range).getByLabelText<HTMLInputElement>("To").value).toBe("2026-11-15");
    expect(within(range).getByRole("link", { name: "Download CSV" }).getAttribute("href")).toBe(
      `/api/cohorts/${IDS.cohort}/attendance.csv?from=2026-11-09&to=2026-11-15`,
    );

    await user.click(within(range).getByRole("button", { name: "Next week" }));
    await user.click(within(range).getByRole("button", { name: "Next week" }));
    await waitFor(() =>
      expect(ranges(requests)).toEqual([
        "2026-11-16..2026-11-22",
        "2026-11-09..2026-11-15",
        "2026-11-23..2026-11-29",
      ]),
    );
  });

  it("shows a chosen range, and checks it before asking", async () => {
    const { requests } = stubApi({ [ATTENDANCE]: answer });
    const { user } = openPage();
    const range = await screen.findByRole("region", { name: "Date range" });
    const from = within(range).getByLabelText("From");
    const to = within(range).getByLabelText("To");

    await user.clear(to);
    await user.type(to, "2026-11-01");
    await user.click(within(range).getByRole("button", { name: "Show" }));
    expect((await within(range).findByRole("alert")).textContent).toBe(
      "Check the dates marked below.",
    );
    expect(to.getAttribute("aria-invalid")).toBe("true");
    expect(within(range).getByText("The end date comes before the start.")).toBeTruthy();
    expect(ranges(requests)).toEqual(["2026-11-16..2026-11-22"]);

    await user.clear(from);
    await user.type(from, "2026-11-02");
    await user.clear(to);
    await user.type(to, "2026-11-15");
    await user.click(within(range).getByRole("button", { name: "Show" }));

    await screen.findByRole("table", {
      name: "Minutes attended per session, November 2, 2026 to November 15, 2026",
    });
    expect(within(range).queryByRole("alert")).toBeNull();
    expect(within(range).getByRole("button", { name: "Previous 14 days" })).toBeTruthy();
    expect(ranges(requests)).toEqual(["2026-11-16..2026-11-22", "2026-11-02..2026-11-15"]);
  });

  it("starts from a range in the address", async () => {
    const { requests } = stubApi({ [ATTENDANCE]: answer });
    openPage(`${PAGE}?from=2026-11-02&to=2026-11-08`);

    expect(await screen.findByRole("heading", { name: "Attendance: Evening track" })).toBeTruthy();
    expect(ranges(requests)).toEqual(["2026-11-02..2026-11-08"]);
  });

  it("shows the server's objections to a range next to the dates", async () => {
    stubApi({
      [ATTENDANCE]: apiError(400, "invalid_input", "Check the dates.", {
        to: "Choose at most 92 days.",
      }),
    });
    openPage();
    const range = await screen.findByRole("region", { name: "Date range" });

    expect(await within(range).findByText("Choose at most 92 days.")).toBeTruthy();
    expect(within(range).getByLabelText("To").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("says when nobody was enrolled in the dates", async () => {
    stubApi({
      [ATTENDANCE]: json(200, {
        ...attendance({ from: "2026-11-16", to: "2026-11-22" }),
        participants: [],
      }),
    });
    openPage();

    expect(await screen.findByText("No one was enrolled in these dates.")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("says a cohort that is not the facilitator's was not found", async () => {
    stubApi({ [ATTENDANCE]: apiError(404, "not_found", "Not found.") });
    openPage();

    expect(await screen.findByRole("heading", { level: 1, name: "Cohort not found" })).toBeTruthy();
  });
});

describe("an attendance cell", () => {
  const session = {
    id: sessionId(1),
    kind: "GROUP_THERAPY" as const,
    startsAt: "",
    endsAt: "",
    upcoming: false,
  };

  it("shows minutes whenever the person was there, flagged late or early", () => {
    expect(cellView(cell(1, { minutes: 170, late: true }), session)).toEqual({
      kind: "attended",
      minutes: 170,
      late: true,
      leftEarly: false,
      expected: true,
    });
    expect(cellView(cell(1), { ...session, upcoming: true }).kind).toBe("attended");
  });

  it("tells upcoming, absent and not expected apart", () => {
    const missed = cell(1, { attended: false, minutes: 0 });
    expect(cellView(missed, { ...session, upcoming: true })).toEqual({ kind: "upcoming" });
    expect(cellView(missed, session)).toEqual({ kind: "absent" });
    expect(cellView({ ...missed, expected: false }, session)).toEqual({ kind: "not-expected" });
    expect(cellView(undefined, session)).toEqual({ kind: "not-expected" });
  });
});
