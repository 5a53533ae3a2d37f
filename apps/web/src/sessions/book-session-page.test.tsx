import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, json, stubApi } from "../test/fake-api";
import { authStateFor } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { facilitators, IDS, participants, sessionSummary } from "../test/schedule-fixtures";

const signedInAs = (role: Parameters<typeof authStateFor>[0]) =>
  ({ status: "signed-in", auth: authStateFor(role) }) as const;

const routes = {
  "GET /api/participants": json(200, { participants }),
  "GET /api/facilitators": json(200, { facilitators }),
};

describe("booking a session", () => {
  it("defaults the length by kind and books in the facilitator's own zone", async () => {
    const { requests } = stubApi({
      ...routes,
      "POST /api/sessions": json(
        201,
        sessionSummary({
          kind: "FAMILY",
          cohort: null,
          participant: { id: IDS.jordan, displayName: "Jordan Lee" },
        }),
      ),
    });
    const { user } = renderApp(`/sessions/new?participantId=${IDS.jordan}`, {
      auth: signedInAs("FACILITATOR"),
    });

    const length = await screen.findByLabelText<HTMLInputElement>("Length in minutes");
    expect(length.value).toBe("50");
    await user.selectOptions(screen.getByLabelText("Kind of session"), "FAMILY");
    expect(length.value).toBe("60");
    await user.selectOptions(screen.getByLabelText("Kind of session"), "MEDICATION_MANAGEMENT");
    expect(length.value).toBe("30");
    await user.selectOptions(screen.getByLabelText("Kind of session"), "FAMILY");
    expect(screen.getByLabelText<HTMLSelectElement>("Participant").value).toBe(IDS.jordan);
    fireEvent.change(screen.getByLabelText("Date"), { target: { value: "2027-03-15" } });
    fireEvent.change(screen.getByLabelText("Start time"), { target: { value: "16:00" } });
    await user.click(screen.getByRole("button", { name: "Book session" }));

    expect(await screen.findByRole("heading", { name: "Session booked" })).toBeTruthy();
    // March 15, 2027 is after the clocks go forward: New York is then 4 hours behind UTC.
    expect(requests.find((r) => r.method === "POST")?.body).toEqual({
      kind: "FAMILY",
      participantUserId: IDS.jordan,
      startsAt: "2027-03-15T16:00:00-04:00",
      durationMinutes: 60,
      timeZone: "America/New_York",
    });
  });

  it("shows a double-booking refusal prominently at the top", async () => {
    stubApi({
      ...routes,
      "POST /api/sessions": apiError(
        409,
        "conflict",
        "Jordan Lee is already booked from 4:00 PM to 5:00 PM on March 15.",
      ),
    });
    const { user } = renderApp("/sessions/new", { auth: signedInAs("ADMIN") });

    await user.selectOptions(await screen.findByLabelText("Participant"), IDS.jordan);
    fireEvent.change(screen.getByLabelText("Date"), { target: { value: "2027-03-15" } });
    fireEvent.change(screen.getByLabelText("Start time"), { target: { value: "16:00" } });
    await user.click(screen.getByRole("button", { name: "Book session" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Check the fields marked below.");

    await user.selectOptions(screen.getByLabelText("Clinician"), IDS.marcus);
    await user.click(screen.getByRole("button", { name: "Book session" }));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe(
        "Jordan Lee is already booked from 4:00 PM to 5:00 PM on March 15.",
      ),
    );
  });
});
