import { CRISIS_LINE } from "@bridgeway/domain";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, json, stubApi } from "../test/fake-api";
import { facilitatorHome, participantHome, signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { sessionList } from "../test/schedule-fixtures";

describe("signed-in shell", () => {
  it("gives participants a crisis bar with real call and text links to 988", async () => {
    stubApi({ "GET /api/home": json(200, participantHome) });
    renderApp("/participant", { auth: signedInAs("PARTICIPANT") });

    const bar = screen.getByRole("complementary", { name: "Crisis support" });
    expect(bar.textContent).toContain("In crisis? Call or text 988");
    expect(within(bar).getByRole("link", { name: "Call 988" }).getAttribute("href")).toBe(
      CRISIS_LINE.callHref,
    );
    expect(within(bar).getByRole("link", { name: "Text 988" }).getAttribute("href")).toBe(
      CRISIS_LINE.textHref,
    );
    expect(CRISIS_LINE.callHref).toBe("tel:988");
    expect(CRISIS_LINE.textHref).toBe("sms:988");
    await screen.findByRole("heading", { name: "Evening track" });
  });

  it("keeps the crisis bar on a participant's page that does not exist", () => {
    stubApi({});
    renderApp("/no-such-page", { auth: signedInAs("PARTICIPANT") });

    expect(screen.getByRole("heading", { level: 1, name: "Page not found" })).toBeTruthy();
    expect(screen.getByRole("complementary", { name: "Crisis support" })).toBeTruthy();
  });

  it("shows no crisis bar to facilitators", async () => {
    stubApi({ "GET /api/home": json(200, facilitatorHome) });
    renderApp("/facilitator", { auth: signedInAs("FACILITATOR") });

    await screen.findByRole("heading", { name: "Evening track" });
    expect(screen.queryByRole("complementary", { name: "Crisis support" })).toBeNull();
  });

  it("shows the clinic, the person and their role, and marks Today as the current page", async () => {
    stubApi({ "GET /api/home": json(200, facilitatorHome), "GET /api/sessions": sessionList([]) });
    renderApp("/facilitator", { auth: signedInAs("FACILITATOR") });

    const header = screen.getByRole("banner");
    expect(header.textContent).toContain("Riverbend Behavioral Health");
    expect(header.textContent).toContain("Dana Whitfield");
    expect(header.textContent).toContain("Facilitator");
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: "Today" }).getAttribute("aria-current")).toBe(
      "page",
    );
    expect(
      within(nav).getByRole("link", { name: "Cohorts" }).getAttribute("aria-current"),
    ).toBeNull();
    expect(screen.getByRole("link", { name: "Skip to content" }).getAttribute("href")).toBe(
      "#main-content",
    );
    expect(screen.getByRole("main").id).toBe("main-content");
    await screen.findByRole("heading", { name: "Evening track" });
  });

  it("signs out on the server, forgets the page's data and returns to sign-in", async () => {
    const { requests } = stubApi({
      "GET /api/home": json(200, facilitatorHome),
      "POST /api/auth/logout": { status: 204 },
    });
    const { user, location, services } = renderApp("/facilitator", {
      auth: signedInAs("FACILITATOR"),
    });
    await screen.findByRole("heading", { name: "Evening track" });

    await user.click(screen.getByRole("button", { name: "Sign out" }));

    await waitFor(() => expect(location()).toBe("/sign-in"));
    const logout = requests.find((r) => r.path === "/api/auth/logout");
    expect(logout?.method).toBe("POST");
    expect(logout?.headers["x-csrf-token"]).toBe("csrf-facilitator");
    expect(services.queryClient.getQueryCache().findAll({ queryKey: ["home"] })).toHaveLength(0);
    expect(screen.getByRole("status").textContent).toBe("You have signed out.");
  });

  it("stays signed in and says why when sign-out cannot reach the server", async () => {
    stubApi({
      "GET /api/home": json(200, facilitatorHome),
      "POST /api/auth/logout": () => Promise.reject(new TypeError("Failed to fetch")),
      "GET /api/sessions": sessionList([]),
    });
    const { user, location } = renderApp("/facilitator", { auth: signedInAs("FACILITATOR") });
    await screen.findByRole("heading", { name: "Evening track" });

    await user.click(screen.getByRole("button", { name: "Sign out" }));

    expect((await screen.findByRole("alert")).textContent).toContain("Can't reach Bridgeway");
    expect(location()).toBe("/facilitator");
  });

  it("returns to sign-in when the server says the session has ended", async () => {
    stubApi({ "GET /api/home": apiError(401, "session_expired", "Your session ended.") });
    const { location } = renderApp("/facilitator", { auth: signedInAs("FACILITATOR") });

    await waitFor(() => expect(location()).toBe("/sign-in"));
    expect(screen.getByRole("status").textContent).toBe(
      "Your session ended. Sign in again to continue.",
    );
  });

  it.each([
    [
      "PARTICIPANT",
      "/participant",
      [
        ["My week", "/participant"],
        ["Calendar", "/calendar"],
        ["Chat", "/chat"],
        ["Forums", "/forums"],
        ["My family", "/my-family"],
        ["Check-ins", "/participant/check-ins"],
        ["My safety plan", "/participant/safety"],
        ["My treatment plan", "/participant/treatment-plan"],
      ],
    ],
    [
      "FACILITATOR",
      "/facilitator",
      [
        ["Today", "/facilitator"],
        ["Cohorts", "/cohorts"],
        ["Calendar", "/calendar"],
        ["Chat", "/chat"],
        ["Forums", "/forums"],
        ["Alerts", "/alerts"],
      ],
    ],
    [
      "ADMIN",
      "/admin",
      [
        ["Overview", "/admin"],
        ["Cohorts", "/cohorts"],
        ["Facilitators", "/facilitators"],
        ["Participants", "/participants"],
        ["Calendar", "/calendar"],
        ["Chat", "/chat"],
        ["Forums", "/forums"],
        ["Audit trail", "/admin/audit"],
      ],
    ],
    [
      "FAMILY",
      "/family",
      [
        ["Home", "/family"],
        ["Calendar", "/calendar"],
        ["Forums", "/forums"],
      ],
    ],
  ] as const)("gives a %s the main navigation of their role", (role, home, items) => {
    stubApi({});
    renderApp(home, { auth: signedInAs(role) });

    const nav = screen.getByRole("navigation", { name: "Main" });
    const links = within(nav).getAllByRole("link");
    expect(links.map((link) => [link.textContent, link.getAttribute("href")])).toEqual(items);
    expect(links[0]?.getAttribute("aria-current")).toBe("page");
    expect(links.slice(1).every((link) => !link.hasAttribute("aria-current"))).toBe(true);
  });

  it("marks Cohorts as where an admin is while on one cohort's page", () => {
    stubApi({});
    renderApp("/cohorts/00000000-0000-4000-8000-0000000000c1", { auth: signedInAs("ADMIN") });

    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: "Cohorts" }).getAttribute("aria-current")).toBe(
      "location",
    );
    expect(within(nav).getByRole("link", { name: "Overview" }).hasAttribute("aria-current")).toBe(
      false,
    );
  });

  it.each(["PARTICIPANT", "FACILITATOR", "FAMILY", "ADMIN"] as const)(
    "links a %s to their own account page from the header, marked current there",
    async (role) => {
      stubApi({ "GET /api/auth/sessions": json(200, { sessions: [] }) });
      const { user, location } = renderApp("/calendar", { auth: signedInAs(role) });
      const link = within(screen.getByRole("banner")).getByRole("link", { name: "Your account" });
      expect(link.getAttribute("href")).toBe("/account");
      expect(link.hasAttribute("aria-current")).toBe(false);
      await user.click(link);
      await waitFor(() => expect(location()).toBe("/account"));
      expect(
        within(screen.getByRole("banner"))
          .getByRole("link", { name: "Your account" })
          .getAttribute("aria-current"),
      ).toBe("page");
    },
  );

  it("takes a participant who opens a staff page to their own home", async () => {
    stubApi({ "GET /api/home": json(200, participantHome), "GET /api/sessions": sessionList([]) });
    const { location } = renderApp("/cohorts", { auth: signedInAs("PARTICIPANT") });

    await waitFor(() => expect(location()).toBe("/participant"));
  });
});
