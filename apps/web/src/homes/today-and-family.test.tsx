import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { applyLocale } from "../i18n/i18n";
import { catalogueStrings } from "../i18n/catalogue";
import { familyHome as englishFamilyHome } from "../i18n/locales/en/family-home";
import { json, stubApi } from "../test/fake-api";
import { authStateFor, facilitatorHome, familyHome, signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { IDS, sessionId, sessionList, sessionSummary } from "../test/schedule-fixtures";

describe("facilitator's Today", () => {
  it("lists today's sessions with time, kind and cohort, and opens a roster on demand", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T15:00:00Z"));
    const { requests } = stubApi({
      "GET /api/home": json(200, facilitatorHome),
      "GET /api/sessions": sessionList([sessionSummary()]),
      [`GET /api/sessions/${sessionId(1)}/roster`]: json(200, {
        people: [
          { id: IDS.jordan, displayName: "Jordan Lee", phase: 4 },
          { id: IDS.avery, displayName: "Avery Johnson", phase: 2 },
        ],
      }),
    });
    const { user } = renderApp("/facilitator", { auth: signedInAs("FACILITATOR") });

    const today = await screen.findByRole("region", { name: "Today" });
    const card = await within(today).findByRole("article", { name: "Group therapy" });
    expect(card.textContent).toContain("6:00 PM–9:00 PM EST");
    expect(card.textContent).toContain("Evening track");
    expect(today.textContent).toContain("Monday, November 23");
    const asked = requests.find((r) => r.pathname === "/api/sessions");
    expect([asked?.query.get("from"), asked?.query.get("to")]).toEqual([
      "2026-11-23",
      "2026-11-23",
    ]);
    expect(
      within(card)
        .getByRole("link", { name: /^Open session/ })
        .getAttribute("href"),
    ).toBe(`/sessions/${sessionId(1)}`);
    expect(requests.some((r) => r.pathname.endsWith("/roster"))).toBe(false);

    const toggle = within(card).getByRole("button", { name: /^Show roster/ });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    await user.click(toggle);

    expect(await within(card).findByText("Avery Johnson")).toBeTruthy();
    expect(card.textContent).toContain("Jordan Lee · 4 days a week");
    expect(
      within(card)
        .getByRole("button", { name: /^Hide roster/ })
        .getAttribute("aria-expanded"),
    ).toBe("true");
  });

  it("on an empty day, points to the next session in the facilitator's zone", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-22T15:00:00Z")); // Sunday
    const { requests } = stubApi({
      "GET /api/home": json(200, facilitatorHome),
      "GET /api/sessions": (request) =>
        request.query.get("from") === "2026-11-22"
          ? sessionList([])
          : sessionList([
              sessionSummary({ id: sessionId(2), status: "CANCELLED" }),
              sessionSummary({
                startsAt: "2026-11-24T23:00:00.000Z",
                endsAt: "2026-11-25T02:00:00.000Z",
              }),
            ]),
    });
    renderApp("/facilitator", { auth: signedInAs("FACILITATOR") });

    const today = await screen.findByRole("region", { name: "Today" });
    const next = await within(today).findByText(/Your next session/);
    expect(next.textContent).toContain(
      "Your next session: Group therapy, Evening track, on Tuesday, November 24, 6:00 PM–9:00 PM EST.",
    );
    expect(
      within(next)
        .getByRole("link", { name: /^Open the next session/ })
        .getAttribute("href"),
    ).toBe(`/sessions/${sessionId(1)}`);
    const asked = requests
      .filter((r) => r.pathname === "/api/sessions")
      .map((r) => r.query.get("from"));
    expect(asked).toEqual(["2026-11-22", "2026-11-23"]);
  });

  it("says so when there are no sessions today, and still links each cohort", async () => {
    stubApi({
      "GET /api/home": json(200, facilitatorHome),
      "GET /api/sessions": sessionList([]),
    });
    renderApp("/facilitator", { auth: signedInAs("FACILITATOR") });

    expect(await screen.findByText("No sessions today.")).toBeTruthy();
    expect(
      await screen.findByText(/Nothing is scheduled for you in the next 62 days/),
    ).toBeTruthy();
    const cohort = await screen.findByRole("region", { name: "Evening track" });
    expect(within(cohort).getByRole("link", { name: "Evening track" }).getAttribute("href")).toBe(
      `/cohorts/${IDS.cohort}`,
    );
    expect(screen.getByRole("link", { name: "Book a session" }).getAttribute("href")).toBe(
      "/sessions/new",
    );
  });
});

describe("family member's sessions", () => {
  it("offers support for the family member themselves: 988 first, phone lines a tap away", async () => {
    stubApi({
      "GET /api/home": json(200, familyHome),
      "GET /api/sessions": sessionList([]),
    });
    renderApp("/family", { auth: signedInAs("FAMILY") });

    const support = await screen.findByRole("region", { name: "Support for you" });
    const items = within(support).getAllByRole("listitem");
    expect(within(items[0] as HTMLElement).getByRole("heading").textContent).toBe(
      "988 Suicide & Crisis Lifeline",
    );
    expect(
      within(support)
        .getByRole("link", { name: "Call 988 (988 Suicide & Crisis Lifeline)" })
        .getAttribute("href"),
    ).toBe("tel:988");
    expect(
      within(support)
        .getByRole("link", { name: "Call 1-800-662-4357 (SAMHSA National Helpline)" })
        .getAttribute("href"),
    ).toBe("tel:+18006624357");
    const nami = within(support).getByRole("link", { name: "nami.org (opens in a new tab)" });
    expect(nami.getAttribute("href")).toBe("https://www.nami.org");
    expect(nami.getAttribute("rel")).toBe("noopener noreferrer");
  });

  it("says whose care team will invite them when no family session is scheduled", async () => {
    const { requests } = stubApi({
      "GET /api/home": json(200, familyHome),
      "GET /api/sessions": sessionList([]),
    });
    renderApp("/family", { auth: signedInAs("FAMILY") });

    expect(
      await screen.findByText(
        "No family sessions are scheduled. Jordan's care team will invite you.",
      ),
    ).toBeTruthy();
    const asked = requests.find((r) => r.pathname === "/api/sessions");
    const from = asked?.query.get("from") ?? "";
    const to = asked?.query.get("to") ?? "";
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(13);
  });

  it("shows a family session with its join state and never the participant's group", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T15:00:00Z"));
    stubApi({
      "GET /api/home": json(200, familyHome),
      "GET /api/sessions": sessionList([
        sessionSummary({
          kind: "FAMILY",
          startsAt: "2026-11-25T22:00:00.000Z",
          endsAt: "2026-11-25T23:00:00.000Z",
        }),
      ]),
    });
    renderApp("/family", { auth: signedInAs("FAMILY") });

    const card = await screen.findByRole("article", { name: "Family therapy" });
    expect(card.textContent).toContain("5:00 PM–6:00 PM EST");
    expect(card.textContent).not.toContain("Evening track");
    expect(within(card).getByRole("button", { name: "Join opens at 4:50 PM" })).toBeTruthy();
  });
});

describe("family member's home in Spanish", () => {
  afterEach(() => applyLocale("en"));

  it("says whom they support, their sessions and their own support in Spanish, with no English left", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T15:00:00Z"));
    stubApi({
      "GET /api/home": json(200, familyHome),
      "GET /api/sessions": sessionList([]),
    });
    renderApp("/family", {
      auth: { status: "signed-in", auth: authStateFor("FAMILY", { locale: "es" }) },
    });

    expect(await screen.findByRole("heading", { level: 1, name: /^Hola, / })).toBeTruthy();
    const supporting = screen.getByRole("region", { name: "A quién acompañas" });
    expect(
      await within(supporting).findByText(/Para proteger la privacidad de Jordan/),
    ).toBeTruthy();
    expect(within(supporting).getByRole("link", { name: "foro de familias" })).toBeTruthy();
    expect(
      await screen.findByText(
        "No hay sesiones familiares programadas. El equipo de atención de Jordan te invitará.",
      ),
    ).toBeTruthy();
    const support = screen.getByRole("region", { name: "Apoyo para ti" });
    expect(
      within(support)
        .getByRole("link", {
          name: "Enviar un mensaje al 988 (Línea 988 de Prevención del Suicidio y Crisis)",
        })
        .getAttribute("href"),
    ).toBe("sms:988?&body=AYUDA");
    expect(
      within(support).getByRole("link", { name: "nami.org (se abre en una pestaña nueva)" }),
    ).toBeTruthy();
    const text = document.body.textContent;
    for (const english of catalogueStrings(englishFamilyHome)) {
      if (/[a-z]{3}/i.test(english) && !english.includes("{{")) expect(text).not.toContain(english);
    }
    expect(text).not.toMatch(/\b(You|Your|Call|Text|Support)\b/);
  });
});
