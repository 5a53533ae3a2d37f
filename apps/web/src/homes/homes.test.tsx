import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, json, stubApi } from "../test/fake-api";
import {
  adminHome,
  facilitatorHome,
  familyHome,
  participantHome,
  signedInAs,
} from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { IDS, sessionList } from "../test/schedule-fixtures";

const AFTERCARE = `GET /api/participants/${IDS.jordan}/aftercare`;

describe("participant home", () => {
  it("says what will appear and what happens next when the participant is not enrolled", async () => {
    stubApi({
      "GET /api/home": json(200, { role: "PARTICIPANT", enrollments: [] }),
      [AFTERCARE]: json(200, { aftercare: [] }),
    });
    renderApp("/participant", { auth: signedInAs("PARTICIPANT") });

    expect(await screen.findByText("You are not enrolled in a program yet.")).toBeTruthy();
    expect(screen.getByText(/Your care team will add you\./)).toBeTruthy();
  });

  it("shows a discharged participant their discharge, aftercare plan, safety plan and 988", async () => {
    stubApi({
      "GET /api/home": json(200, { role: "PARTICIPANT", enrollments: [] }),
      [AFTERCARE]: json(200, {
        aftercare: [
          {
            enrollmentId: IDS.jordanEnrollment,
            dischargedOn: "2027-01-29",
            aftercare: {
              stepDownLevel: "Outpatient therapy",
              followUps: [{ with: "Dr. Ruiz", on: "2027-02-03", details: "" }],
              resources: ["Peer support group, Tuesdays"],
            },
          },
        ],
      }),
    });
    renderApp("/participant", { auth: signedInAs("PARTICIPANT") });

    const card = await screen.findByRole("article", {
      name: "Your program ended on January 29, 2027",
    });
    expect(card.textContent).toContain("Outpatient therapy");
    expect(card.textContent).toContain("Dr. Ruiz");
    expect(within(card).getByRole("link", { name: "My aftercare plan" }).getAttribute("href")).toBe(
      "/participant/aftercare",
    );
    expect(within(card).getByRole("link", { name: "My safety plan" }).getAttribute("href")).toBe(
      "/participant/safety",
    );
    expect(screen.queryByText("You are not enrolled in a program yet.")).toBeNull();
    const help = screen.getByRole("region", { name: "If you need help now" });
    expect(within(help).getByRole("link", { name: "Call 988" })).toBeTruthy();
  });

  it("shows today's phase and the next planned step-down with its date", async () => {
    const [current] = participantHome.enrollments;
    if (!current) throw new Error("fixture has an enrollment");
    stubApi({
      "GET /api/home": json(200, {
        ...participantHome,
        enrollments: [
          { ...current, nextPhase: { phase: 3, days: ["MO", "WE"], effectiveFrom: "2026-04-06" } },
        ],
      }),
    });
    renderApp("/participant", { auth: signedInAs("PARTICIPANT") });

    const card = await screen.findByRole("article", { name: "Evening track" });
    const phase = within(card).getByText("Your phase").nextElementSibling;
    expect(phase?.textContent).toBe(
      "4 days a weekNext change: 3 days a week (Mon, Wed) from April 6, 2026.",
    );
  });

  it("shows the program with its schedule, time zone, phase, dates and facilitators", async () => {
    stubApi({ "GET /api/home": json(200, participantHome) });
    renderApp("/participant", { auth: signedInAs("PARTICIPANT") });

    const card = await screen.findByRole("article", { name: "Evening track" });
    const text = card.textContent;
    expect(text).toContain("Adult Mental Health IOP");
    expect(text).toContain("Mon, Wed, Thu 6:00 PM–9:00 PM (Eastern Time)");
    expect(text).toContain("4 days a week");
    expect(text).toContain("March 2, 2026");
    expect(text).toContain("May 22, 2026");
    expect(text).toContain("Dana Whitfield, LCSW");
    expect(text).toContain("Marcus Reyes, LPC");
  });

  it("offers a call and a text to 988 on the home page itself", async () => {
    stubApi({ "GET /api/home": json(200, participantHome) });
    renderApp("/participant", { auth: signedInAs("PARTICIPANT") });

    const card = screen.getByRole("region", { name: "If you need help now" });
    expect(within(card).getByRole("link", { name: "Call 988" }).getAttribute("href")).toBe(
      "tel:988",
    );
    expect(within(card).getByRole("link", { name: "Text 988" }).getAttribute("href")).toBe(
      "sms:988",
    );
    await screen.findByRole("article", { name: "Evening track" });
  });

  it("announces loading, then offers a retry that works when loading fails", async () => {
    let calls = 0;
    stubApi({
      "GET /api/home": () => {
        calls += 1;
        return calls === 1
          ? apiError(503, "service_unavailable", "Bridgeway is not available right now.")
          : json(200, participantHome);
      },
      "GET /api/sessions": sessionList([]),
    });
    const { user } = renderApp("/participant", { auth: signedInAs("PARTICIPANT") });

    const program = await screen.findByRole("region", { name: "Your program" });
    expect(within(program).getByRole("status").textContent).toMatch(/Loading/);
    const alert = await within(program).findByRole("alert");
    expect(alert.textContent).toContain("Bridgeway is not available right now.");
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("article", { name: "Evening track" })).toBeTruthy();
  });
});

describe("facilitator home", () => {
  it("warns about a license that expires within 60 days", async () => {
    stubApi({ "GET /api/home": json(200, facilitatorHome) });
    renderApp("/facilitator", { auth: signedInAs("FACILITATOR") });

    const license = await screen.findByRole("region", { name: /Your license/ });
    expect(license.className).toContain("card--warning");
    expect(license.textContent).toContain("Expires soon");
    expect(license.textContent).toContain("Expires in 45 days");
    expect(license.textContent).toContain("May 1, 2026");
  });

  it("says Expired for a license past its date", async () => {
    stubApi({
      "GET /api/home": json(200, {
        ...facilitatorHome,
        license: { ...facilitatorHome.license, daysUntilExpiry: -3 },
      }),
    });
    renderApp("/facilitator", { auth: signedInAs("FACILITATOR") });

    const license = await screen.findByRole("region", { name: /Your license/ });
    expect(license.className).toContain("card--danger");
    expect(within(license).getByText("Expired")).toBeTruthy();
    expect(license.textContent).toContain("Expired 3 days ago");
  });

  it("lists each cohort's roster in a table with a caption and header cells", async () => {
    stubApi({ "GET /api/home": json(200, facilitatorHome) });
    renderApp("/facilitator", { auth: signedInAs("FACILITATOR") });

    const table = await screen.findByRole("table", { name: "Participants in Evening track" });
    expect(within(table).getByRole("columnheader", { name: "Name" }).getAttribute("scope")).toBe(
      "col",
    );
    const jordan = within(table).getByRole("rowheader", { name: "Jordan Lee" });
    expect(jordan.getAttribute("scope")).toBe("row");
    expect(jordan.closest("tr")?.textContent).toContain("4 days a week");
    const cohort = screen.getByRole("region", { name: "Evening track" });
    expect(cohort.textContent).toContain("Lead facilitator");
    expect(cohort.textContent).toContain("2 of 12 places");
  });

  it("explains that cohorts appear once an admin assigns them", async () => {
    stubApi({ "GET /api/home": json(200, { role: "FACILITATOR", license: null, cohorts: [] }) });
    renderApp("/facilitator", { auth: signedInAs("FACILITATOR") });

    expect(await screen.findByText("You are not facilitating any cohorts yet.")).toBeTruthy();
  });
});

describe("family home", () => {
  it("names who the family member supports and nothing else of their care", async () => {
    stubApi({ "GET /api/home": json(200, familyHome) });
    renderApp("/family", { auth: signedInAs("FAMILY") });

    const item = await screen.findByText(/You are supporting/);
    expect(item.textContent).toBe("You are supporting Jordan (Parent)");
    expect(screen.getByText(/you see only the sessions you are invited to/)).toBeTruthy();
  });

  it("says what will appear when nobody has invited them yet", async () => {
    stubApi({ "GET /api/home": json(200, { role: "FAMILY", supporting: [] }) });
    renderApp("/family", { auth: signedInAs("FAMILY") });

    expect(
      await screen.findByText("You are not linked to anyone in the program yet."),
    ).toBeTruthy();
  });
});

describe("admin home", () => {
  it("shows the clinic's counts, license alerts and cohorts", async () => {
    stubApi({ "GET /api/home": json(200, adminHome) });
    renderApp("/admin", { auth: signedInAs("ADMIN") });

    const table = await screen.findByRole("table", { name: "Cohorts in Adult Mental Health IOP" });
    const row = within(table).getByRole("rowheader", { name: "Evening track" }).closest("tr");
    expect(row?.textContent).toContain("Mon, Wed, Thu 6:00 PM–9:00 PM");
    expect(row?.textContent).toContain("Eastern Time");
    expect(row?.textContent).toContain("8 of 12");
    const glance = screen.getByRole("region", { name: "At a glance" });
    expect(within(glance).getByText("Participants").nextElementSibling?.textContent).toBe("8");
    const alerts = screen.getByRole("region", { name: "License alerts" });
    expect(alerts.textContent).toContain("Marcus Reyes");
    expect(alerts.textContent).toContain("expires in 45 days");
  });

  it("says when no license needs attention", async () => {
    stubApi({ "GET /api/home": json(200, { ...adminHome, licenseAlerts: [] }) });
    renderApp("/admin", { auth: signedInAs("ADMIN") });

    await waitFor(() =>
      expect(screen.getByText("No facilitator licenses need attention.")).toBeTruthy(),
    );
  });
});
