import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { json, stubApi } from "../test/fake-api";
import { signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { IDS, sessionId, sessionSummary } from "../test/schedule-fixtures";

const path = `/sessions/${sessionId(1)}`;

describe("session page", () => {
  it("says when the video room opens, in the viewer's zone, before it does", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T15:00:00Z"));
    stubApi({ [`GET /api/sessions/${sessionId(1)}`]: json(200, sessionSummary()) });
    renderApp(path, { auth: signedInAs("PARTICIPANT") });

    expect(await screen.findByRole("heading", { level: 1, name: "Group therapy" })).toBeTruthy();
    expect(screen.getByText(/The video room opens here at 5:50 PM EST/)).toBeTruthy();
    const details = screen.getByRole("region", { name: "Details" });
    expect(details.textContent).toContain("Monday, November 23, 6:00 PM–9:00 PM EST");
    expect(details.textContent).toContain("Dana Whitfield, LCSW");
    expect(screen.queryByRole("region", { name: "Who is expected" })).toBeNull();
  });

  it("says the room is open from ten minutes before the start", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T22:51:00Z"));
    stubApi({ [`GET /api/sessions/${sessionId(1)}`]: json(200, sessionSummary()) });
    renderApp(path, { auth: signedInAs("PARTICIPANT") });

    expect(await screen.findByRole("heading", { name: "The video room is open" })).toBeTruthy();
  });

  it("says a session a facilitator ended early has ended, and when, with no way into the room", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-24T00:50:00Z"));
    stubApi({
      [`GET /api/sessions/${sessionId(1)}`]: json(
        200,
        sessionSummary({ endedAt: "2026-11-24T00:42:00.000Z" }),
      ),
    });
    renderApp(path, { auth: signedInAs("PARTICIPANT") });

    expect(
      await screen.findByRole("heading", { name: "This session ended at 7:42 PM" }),
    ).toBeTruthy();
    expect(screen.queryByRole("link", { name: /Join the video room/ })).toBeNull();
  });

  it("shows staff who is expected", async () => {
    stubApi({
      [`GET /api/sessions/${sessionId(1)}`]: json(
        200,
        sessionSummary({
          kind: "INDIVIDUAL",
          cohort: null,
          participant: { id: IDS.jordan, displayName: "Jordan Lee" },
        }),
      ),
      [`GET /api/sessions/${sessionId(1)}/roster`]: json(200, {
        people: [{ id: IDS.jordan, displayName: "Jordan Lee", phase: null }],
      }),
    });
    renderApp(path, { auth: signedInAs("FACILITATOR") });

    const roster = await screen.findByRole("region", { name: "Who is expected" });
    expect(await within(roster).findByText("Jordan Lee")).toBeTruthy();
    expect(screen.getByRole("region", { name: "Details" }).textContent).toContain(
      "ParticipantJordan Lee",
    );
  });

  it("says a session that is not the viewer's was not found", async () => {
    stubApi({});
    renderApp(path, { auth: signedInAs("PARTICIPANT") });

    expect(
      await screen.findByRole("heading", { level: 1, name: "Session not found" }),
    ).toBeTruthy();
  });
});
