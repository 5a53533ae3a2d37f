import { act, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { json, stubApi } from "../test/fake-api";
import { authStateFor, participantHome } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { sessionId, sessionList, sessionSummary } from "../test/schedule-fixtures";

function signedInParticipant(timeZone = "America/New_York") {
  const auth = authStateFor("PARTICIPANT");
  return { status: "signed-in", auth: { ...auth, user: { ...auth.user, timeZone } } } as const;
}

/** Fakes the clock (and the 30-second re-check) from `iso` on; other timers stay real. */
function clockAt(iso: string) {
  vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
  vi.setSystemTime(new Date(iso));
}

describe("My week", () => {
  it("asks for today and the next six days in the participant's own zone", async () => {
    clockAt("2026-11-24T03:30:00Z"); // still Monday the 23rd, 10:30 PM, in New York
    const { requests } = stubApi({
      "GET /api/home": json(200, participantHome),
      "GET /api/sessions": sessionList([]),
    });
    renderApp("/participant", { auth: signedInParticipant() });

    expect(await screen.findByText("No sessions in the next 7 days.")).toBeTruthy();
    const asked = requests.find((r) => r.pathname === "/api/sessions");
    expect(asked?.query.get("from")).toBe("2026-11-23");
    expect(asked?.query.get("to")).toBe("2026-11-29");
  });

  it("groups sessions under the day they fall on in the viewer's zone, not in UTC", async () => {
    clockAt("2026-11-23T15:00:00Z");
    stubApi({
      "GET /api/home": json(200, participantHome),
      "GET /api/sessions": sessionList([
        // 10:30 PM Monday in Los Angeles, though already Tuesday in New York and in UTC.
        sessionSummary({
          id: sessionId(1),
          kind: "INDIVIDUAL",
          cohort: null,
          startsAt: "2026-11-24T06:30:00.000Z",
          endsAt: "2026-11-24T07:20:00.000Z",
          timeZone: "America/Los_Angeles",
        }),
        sessionSummary({
          id: sessionId(2),
          startsAt: "2026-11-24T23:00:00.000Z",
          endsAt: "2026-11-25T02:00:00.000Z",
        }),
      ]),
    });
    renderApp("/participant", { auth: signedInParticipant("America/Los_Angeles") });

    const monday = await screen.findByRole("region", { name: "Monday, November 23" });
    const tuesday = screen.getByRole("region", { name: "Tuesday, November 24" });
    expect(within(monday).getByRole("article").textContent).toContain("10:30 PM–11:20 PM PST");
    expect(within(monday).getByRole("heading", { level: 4 }).textContent).toBe(
      "Individual therapy",
    );
    const group = within(tuesday).getByRole("article");
    expect(group.textContent).toContain("3:00 PM–6:00 PM PST");
    // The group meets in New York: its own time is shown too.
    expect(group.textContent).toContain("In Eastern Time: 6:00 PM–9:00 PM EST");
    expect(group.textContent).toContain("Group therapy");
    expect(group.textContent).toContain("Evening track");
    expect(group.textContent).toContain("Led by Dana Whitfield, LCSW");
    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings.indexOf("Monday, November 23")).toBeLessThan(
      headings.indexOf("Tuesday, November 24"),
    );
  });

  it("gives the group's own day as well as its time when that is another day for the viewer", async () => {
    clockAt("2026-11-23T15:00:00Z");
    stubApi({
      "GET /api/home": json(200, participantHome),
      "GET /api/sessions": sessionList([sessionSummary()]),
    });
    renderApp("/participant", { auth: signedInParticipant("Asia/Tokyo") });

    const tuesday = await screen.findByRole("region", { name: "Tuesday, November 24" });
    const card = within(tuesday).getByRole("article");
    expect(card.textContent).toContain("8:00 AM–11:00 AM GMT+9");
    expect(card.textContent).toContain("In Eastern Time: Mon, Nov 23, 6:00 PM–9:00 PM EST");
  });

  it("keeps Join disabled with its opening time, opens it within 30 seconds of 10 minutes before, then says Ended", async () => {
    clockAt("2026-11-23T22:49:00Z"); // 5:49 PM in New York; the group starts at 6:00 PM
    stubApi({
      "GET /api/home": json(200, participantHome),
      "GET /api/sessions": sessionList([sessionSummary()]),
    });
    renderApp("/participant", { auth: signedInParticipant() });

    const waiting = await screen.findByRole("button", { name: "Join opens at 5:50 PM" });
    expect((waiting as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole("link", { name: /^Join/ })).toBeNull();

    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    const join = screen.getByRole("link", { name: /^Join Group therapy at 6:00 PM/ });
    expect(join.getAttribute("href")).toBe(`/sessions/${sessionId(1)}`);
    expect(screen.queryByRole("button", { name: /Join opens/ })).toBeNull();

    await act(async () => {
      await vi.advanceTimersByTimeAsync(3 * 60 * 60_000 + 15 * 60_000);
    });
    expect(screen.queryByRole("link", { name: /^Join/ })).toBeNull();
    expect(screen.getByText("Ended")).toBeTruthy();
  });

  it("shows a cancelled session as cancelled, with its reason and no way to join", async () => {
    clockAt("2026-11-23T22:55:00Z");
    stubApi({
      "GET /api/home": json(200, participantHome),
      "GET /api/sessions": sessionList([
        sessionSummary({ status: "CANCELLED", cancelReason: "Facilitator unwell" }),
      ]),
    });
    renderApp("/participant", { auth: signedInParticipant() });

    const card = await screen.findByRole("article", { name: /Group therapy/ });
    expect(within(card).getByText("Cancelled")).toBeTruthy();
    expect(card.textContent).toContain("Reason: Facilitator unwell");
    expect(within(card).queryByRole("link", { name: /^Join/ })).toBeNull();
    expect(within(card).queryByRole("button")).toBeNull();
  });

  it("keeps the program card and the crisis card when sessions cannot be loaded", async () => {
    stubApi({ "GET /api/home": json(200, participantHome) });
    renderApp("/participant", { auth: signedInParticipant() });

    const week = screen.getByRole("region", { name: "My week" });
    expect((await within(week).findByRole("alert")).textContent).toContain(
      "We couldn't load your sessions",
    );
    expect(await screen.findByRole("article", { name: "Evening track" })).toBeTruthy();
    expect(screen.getByRole("region", { name: "If you need help now" })).toBeTruthy();
  });
});
