import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { json, stubApi } from "../test/fake-api";
import { signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import {
  cohortDetail,
  facilitators,
  IDS,
  participants,
  sessionId,
  sessionList,
  sessionSummary,
} from "../test/schedule-fixtures";
import { description } from "../test/described-by";

const routes = {
  [`GET /api/cohorts/${IDS.cohort}`]: json(200, cohortDetail()),
  "GET /api/facilitators": json(200, { facilitators }),
  "GET /api/participants": json(200, { participants }),
  "GET /api/sessions": sessionList([sessionSummary()]),
};

describe("rescheduling one meeting", () => {
  it("says at the top when nothing changed, marks a missing date, and sends only what changed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T15:00:00Z"));
    const { requests } = stubApi({
      ...routes,
      [`PATCH /api/sessions/${sessionId(1)}`]: json(200, sessionSummary({ rescheduled: true })),
    });
    const { user } = renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("ADMIN") });
    await user.click(await screen.findByRole("button", { name: /^Reschedule/ }));

    await user.click(screen.getByRole("button", { name: "Save changes" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(
      "Nothing has changed. Change the date, time, length or lead first.",
    );
    expect(document.activeElement).toBe(alert);

    fireEvent.change(screen.getByLabelText("New date"), { target: { value: "" } });
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe("Check the fields marked below."),
    );
    const date = screen.getByLabelText("New date");
    expect(date.getAttribute("aria-invalid")).toBe("true");
    expect(description(date)).toContain("Choose a new date and time.");
    expect(requests.some((r) => r.method === "PATCH")).toBe(false);

    fireEvent.change(date, { target: { value: "2026-11-24" } });
    fireEvent.change(screen.getByLabelText("New start time"), { target: { value: "17:30" } });
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() =>
      expect(requests.find((r) => r.method === "PATCH")?.body).toEqual({
        startsAt: "2026-11-24T17:30:00-05:00",
      }),
    );
  });
});
