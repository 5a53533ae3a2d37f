import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, json, stubApi, type RecordedRequest } from "../test/fake-api";
import { signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { DEFAULT_AUDIT_QUERY, queryFromForm, sortBy } from "./audit-report-state";

const DANA = "00000000-0000-4000-8000-0000000000d1";
const JORDAN = "00000000-0000-4000-8000-0000000000a1";

const people = {
  people: [
    { id: DANA, name: "Dana Whitfield", role: "FACILITATOR" },
    { id: JORDAN, name: "Jordan Lee", role: "PARTICIPANT" },
  ],
};

function row(id: number) {
  return {
    id: String(id),
    occurredAt: "2026-12-01T15:00:00.000Z",
    actor: { id: DANA, name: "Dana Whitfield", role: "FACILITATOR" },
    action: "read",
    recordType: "safety-plan",
    recordId: JORDAN,
    participant: { id: JORDAN, name: "Jordan Lee" },
    outcome: "success",
  };
}

function reportAnswer(request: RecordedRequest) {
  const page = Number(request.query.get("page") ?? "1");
  return json(200, { rows: [row(page * 10), row(page * 10 + 1)], total: 120, page, pageSize: 50 });
}

describe("audit report state", () => {
  it("flips the order of the sorted column and starts a new column in its natural order", () => {
    const byTime = { ...DEFAULT_AUDIT_QUERY, page: 3 };
    expect(sortBy(byTime, "time")).toMatchObject({ sort: "time", order: "asc", page: 1 });
    expect(sortBy(byTime, "actor")).toMatchObject({ sort: "actor", order: "asc", page: 1 });
    expect(sortBy({ ...byTime, sort: "actor", order: "asc" }, "actor").order).toBe("desc");
  });

  it("turns the form into a query with only the filters that are set, back on page 1", () => {
    const query = queryFromForm(
      { from: "2026-12-01", to: "", actorId: DANA, participantId: "", action: "read" },
      { ...DEFAULT_AUDIT_QUERY, sort: "actor", order: "asc", page: 4 },
    );
    expect(query).toEqual({
      from: "2026-12-01",
      actorId: DANA,
      action: "read",
      sort: "actor",
      order: "asc",
      page: 1,
      pageSize: 50,
    });
  });
});

describe("audit page", () => {
  it("shows events with names, filters, sorts, pages and links the CSV of the same filters", async () => {
    const { requests } = stubApi({
      "GET /api/audit-events/people": json(200, people),
      "GET /api/audit-events/report": reportAnswer,
    });
    const { user } = renderApp("/admin/audit", { auth: signedInAs("ADMIN") });

    const table = await screen.findByRole("table", { name: "Audit events" });
    expect(within(table).getAllByText("Dana Whitfield")).toHaveLength(2);
    expect(within(table).getAllByText("Jordan Lee")).toHaveLength(2);
    expect(screen.getByText("Events 1 to 2 of 120.")).toBeTruthy();

    await user.selectOptions(await screen.findByLabelText("Person acting"), DANA);
    await user.selectOptions(screen.getByLabelText("Participant concerned"), JORDAN);
    await user.selectOptions(screen.getByLabelText("Action"), "read");
    await user.click(screen.getByRole("button", { name: "Show events" }));
    await waitFor(() => expect(requests.at(-1)?.query.get("actorId")).toBe(DANA));
    expect(requests.at(-1)?.query.get("participantId")).toBe(JORDAN);
    expect(requests.at(-1)?.query.get("action")).toBe("read");

    const personHeader = screen.getByRole("columnheader", { name: /Person acting/ });
    expect(personHeader.getAttribute("aria-sort")).toBe("none");
    await user.click(within(personHeader).getByRole("button"));
    await waitFor(() => expect(requests.at(-1)?.query.get("sort")).toBe("actor"));
    expect(requests.at(-1)?.query.get("order")).toBe("asc");
    await waitFor(() =>
      expect(
        screen.getByRole("columnheader", { name: /Person acting/ }).getAttribute("aria-sort"),
      ).toBe("ascending"),
    );

    await user.click(screen.getByRole("button", { name: "Next page" }));
    await waitFor(() => expect(requests.at(-1)?.query.get("page")).toBe("2"));
    expect(await screen.findByText("Page 2 of 3")).toBeTruthy();

    const csv = screen.getByRole("link", { name: "Download CSV" });
    const href = new URL(csv.getAttribute("href") ?? "", "http://localhost");
    expect(href.pathname).toBe("/api/audit-events/report.csv");
    expect(Object.fromEntries(href.searchParams)).toEqual({
      actorId: DANA,
      participantId: JORDAN,
      action: "read",
      sort: "actor",
      order: "asc",
    });
  });

  it("marks the date the server refuses, and checks the range before asking", async () => {
    stubApi({
      "GET /api/audit-events/people": json(200, people),
      "GET /api/audit-events/report": (request) =>
        request.query.get("from")
          ? apiError(400, "invalid_input", "Check from.", { from: "Use a date after 2000." })
          : json(200, { rows: [], total: 0, page: 1, pageSize: 50 }),
    });
    const { user } = renderApp("/admin/audit", { auth: signedInAs("ADMIN") });
    expect(await screen.findByText("No events match these filters.")).toBeTruthy();

    await user.type(screen.getByLabelText("From"), "2026-12-05");
    await user.type(screen.getByLabelText("To"), "2026-12-01");
    await user.click(screen.getByRole("button", { name: "Show events" }));
    expect(await screen.findByText("The end date must not be before the start date.")).toBeTruthy();

    await user.clear(screen.getByLabelText("To"));
    await user.click(screen.getByRole("button", { name: "Show events" }));
    expect(await screen.findByText("Use a date after 2000.")).toBeTruthy();
    expect(screen.getByLabelText("From").getAttribute("aria-invalid")).toBe("true");
  });

  it("is not open to clinicians", async () => {
    stubApi({ "GET /api/home": apiError(404, "not_found", "No.") });
    const { location } = renderApp("/admin/audit", { auth: signedInAs("FACILITATOR") });
    await waitFor(() => expect(location()).not.toBe("/admin/audit"));
  });

  it("asks the admin to confirm it is them before downloading the CSV, when the last confirmation is old", async () => {
    stubApi({
      "GET /api/audit-events/people": json(200, people),
      "GET /api/audit-events/report": reportAnswer,
      "GET /api/auth/reauthentication": json(200, { fresh: false, canUseCode: false }),
    });
    const { user } = renderApp("/admin/audit", { auth: signedInAs("ADMIN") });
    await screen.findByRole("table", { name: "Audit events" });

    await user.click(screen.getByRole("link", { name: "Download CSV" }));
    const dialog = await screen.findByRole("dialog", { name: "Confirm it is you" });
    expect(within(dialog).getByLabelText("Your password")).toBeTruthy();
  });
});
