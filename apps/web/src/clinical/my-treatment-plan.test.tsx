import type { AftercareDto, TreatmentPlanDto } from "@bridgeway/domain";
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { applyLocale } from "../i18n/i18n";
import { apiError, json, stubApi } from "../test/fake-api";
import { authStateFor } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { IDS } from "../test/schedule-fixtures";
import { treatmentPlan } from "./testing/clinical-fixtures";

const participant = { status: "signed-in", auth: authStateFor("PARTICIPANT") } as const;
const PLAN = `GET /api/participants/${IDS.jordan}/treatment-plan`;
const AFTERCARE = `GET /api/participants/${IDS.jordan}/aftercare`;
const ACKNOWLEDGE = `POST /api/enrollments/${IDS.jordanEnrollment}/treatment-plan/acknowledge`;

const aftercare: AftercareDto = {
  enrollmentId: IDS.jordanEnrollment,
  dischargedOn: "2027-01-29",
  aftercare: {
    stepDownLevel: "Outpatient therapy",
    followUps: [{ with: "Dr. Ruiz", on: "2027-02-03", details: "Bring the sleep diary" }],
    resources: ["Peer support group, Tuesdays"],
  },
};

describe("my treatment plan", () => {
  it("shows the plan and records that this version was read", async () => {
    let current: TreatmentPlanDto = treatmentPlan();
    const { requests } = stubApi({
      [PLAN]: () => json(200, { plan: current }),
      [AFTERCARE]: json(200, { aftercare: [] }),
      [ACKNOWLEDGE]: () => {
        current = { ...current, acknowledgedAt: "2026-11-24T15:05:00.000Z" };
        return { status: 204 };
      },
    });
    const { user } = renderApp("/participant/treatment-plan", { auth: participant });

    const plan = await screen.findByRole("region", { name: "What we are working on" });
    expect(plan.textContent).toContain(
      "Version 3, written by Dana Whitfield on November 23, 2026 at 3:00 PM EST. You review it together every 14 days; the next review is on December 7, 2026.",
    );
    expect(
      within(plan).getByRole("heading", { level: 3, name: "Problem 1: Low mood most days" }),
    ).toBeTruthy();
    expect(
      within(plan).getByRole("heading", { level: 4, name: "Goal 1: Get back to daily routines" }),
    ).toBeTruthy();
    expect(plan.textContent).toContain(
      "Walk 20 minutesMeasured by: 5 days a week, in a log. Target: December 14, 2026.",
    );
    expect(plan.textContent).toContain("Behavioral activation");
    expect(screen.queryByRole("link", { name: "Read your aftercare plan" })).toBeNull();

    const card = screen.getByRole("region", { name: "Have you read this version?" });
    await user.click(within(card).getByRole("button", { name: "Acknowledge version 3" }));

    const done = await screen.findByText(
      "You read and acknowledged version 3 on November 24, 2026 at 10:05 AM EST.",
    );
    expect(document.activeElement).toBe(done);
    expect(requests.find((r) => r.method === "POST")?.body).toEqual({ version: 3 });
    expect(screen.queryByRole("region", { name: "Have you read this version?" })).toBeNull();
  });

  it("asks to reload when the plan changed since it was opened, then offers the new version", async () => {
    let current: TreatmentPlanDto = treatmentPlan();
    const { requests } = stubApi({
      [PLAN]: () => json(200, { plan: current }),
      [ACKNOWLEDGE]: apiError(
        409,
        "conflict",
        "Your plan was updated. Read the new version, then acknowledge it.",
        { version: "Not the current version." },
      ),
    });
    const { user } = renderApp("/participant/treatment-plan", { auth: participant });

    await user.click(await screen.findByRole("button", { name: "Acknowledge version 3" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Your plan was updated since you opened it. Reload it to read the new version, then acknowledge that one.",
    );
    expect(screen.queryByRole("button", { name: "Acknowledge version 3" })).toBeNull();

    current = treatmentPlan({ version: 4, createdBy: "Marcus Reyes" });
    await user.click(screen.getByRole("button", { name: "Reload my plan" }));

    expect(await screen.findByRole("button", { name: "Acknowledge version 4" })).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByText(/Version 4, written by Marcus Reyes/)).toBeTruthy();
    expect(requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("says when the plan is not written yet", async () => {
    stubApi({ [PLAN]: json(200, { plan: null }) });
    renderApp("/participant/treatment-plan", { auth: participant });

    expect(await screen.findByText("Your treatment plan has not been written yet.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Acknowledge/ })).toBeNull();
  });

  it("points to the aftercare plan once the program has ended, and shows it", async () => {
    stubApi({
      [PLAN]: json(200, { plan: treatmentPlan({ acknowledgedAt: "2026-11-24T15:05:00.000Z" }) }),
      [AFTERCARE]: json(200, { aftercare: [aftercare] }),
    });
    const { user } = renderApp("/participant/treatment-plan", { auth: participant });

    await user.click(await screen.findByRole("link", { name: "Read your aftercare plan" }));

    const card = await screen.findByRole("article", {
      name: "After your program ended on January 29, 2027",
    });
    expect(card.textContent).toContain("Outpatient therapy");
    expect(card.textContent).toContain("February 3, 2027: Dr. RuizBring the sleep diary");
    expect(card.textContent).toContain("Peer support group, Tuesdays");
    expect(screen.getByRole("link", { name: "safety plan" }).getAttribute("href")).toBe(
      "/participant/safety",
    );
  });
});

describe("my treatment plan and aftercare in Spanish", () => {
  afterEach(() => applyLocale("en"));
  const participante = {
    status: "signed-in",
    auth: authStateFor("PARTICIPANT", { locale: "es" }),
  } as const;

  it("shows the plan in Spanish, with what the care team wrote as they wrote it, and acknowledges it", async () => {
    let current: TreatmentPlanDto = treatmentPlan();
    const { requests } = stubApi({
      [PLAN]: () => json(200, { plan: current }),
      [AFTERCARE]: json(200, { aftercare: [] }),
      [ACKNOWLEDGE]: () => {
        current = { ...current, acknowledgedAt: "2026-11-24T15:00:00.000Z" };
        return json(200, { plan: current });
      },
    });
    const { user } = renderApp("/participant/treatment-plan", { auth: participante });

    const plan = await screen.findByRole("region", { name: "En qué estamos trabajando" });
    expect(plan.textContent).toContain(
      "Versión 3, escrita por Dana Whitfield el 23 de noviembre de 2026, 3:00 p.m. EST. La revisan juntos cada 14 días; la próxima revisión es el 7 de diciembre de 2026.",
    );
    expect(within(plan).getByRole("heading", { level: 3 }).textContent).toBe(
      "Problema 1: Low mood most days",
    );
    expect(plan.textContent).toContain(
      "Cómo se mide: 5 days a week, in a log. Fecha meta: 14 de diciembre de 2026.",
    );
    expect(plan.textContent).toContain("Intervenciones");

    expect(screen.getByRole("heading", { name: "¿Ya leíste esta versión?" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Confirmar que leí la versión 3" }));
    expect(
      await screen.findByText(
        "Leíste y confirmaste la versión 3 el 24 de noviembre de 2026, 10:00 a.m. EST.",
      ),
    ).toBeTruthy();
    expect(requests.some((r) => r.method === "POST")).toBe(true);
  });

  it("shows the aftercare plan in Spanish, the level of care included", async () => {
    stubApi({ [AFTERCARE]: json(200, { aftercare: [aftercare] }) });
    renderApp("/participant/aftercare", { auth: participante });

    const card = await screen.findByRole("article", {
      name: "Después de que tu programa terminó el 29 de enero de 2027",
    });
    expect(within(card).getByText("Terapia ambulatoria")).toBeTruthy();
    expect(within(card).getByText("Citas de seguimiento")).toBeTruthy();
    expect(card.textContent).toContain("3 de febrero de 2027: Dr. Ruiz");
    expect(screen.getByRole("link", { name: "plan de seguridad" }).getAttribute("href")).toBe(
      "/participant/safety",
    );
  });
});
