import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { applyLocale } from "../i18n/i18n";
import { apiError, json, stubApi } from "../test/fake-api";
import { authStateFor } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { IDS } from "../test/schedule-fixtures";
import { safetyPlan } from "./testing/clinical-fixtures";

const participant = { status: "signed-in", auth: authStateFor("PARTICIPANT") } as const;
const PLAN = `GET /api/participants/${IDS.jordan}/safety-plan`;

const STEPS = [
  "Step 1 Warning signs",
  "Step 2 Things I can do on my own",
  "Step 3 People and places that take my mind off things",
  "Step 4 People I can ask for help",
  "Step 5 Professionals and crisis lines",
  "Step 6 Making my environment safe",
] as const;

const stepList = (heading: string) =>
  screen.getByRole("heading", { level: 3, name: heading }).closest("li") as HTMLElement;

describe("my safety plan", () => {
  it("puts 988 first, then the six Stanley-Brown steps in order and what matters most", async () => {
    stubApi({ [PLAN]: json(200, { plan: safetyPlan() }) });
    renderApp("/participant/safety", { auth: participant });

    const plan = await screen.findByRole("region", { name: "My plan for hard moments" });
    expect(await within(plan).findByRole("heading", { name: STEPS[0] })).toBeTruthy();
    const help = screen.getByRole("region", { name: "If you need help now" });
    expect(help.compareDocumentPosition(plan) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(help).getByRole("link", { name: "Call 988" }).getAttribute("href")).toBe(
      "tel:988",
    );
    // Already on the plan: no link to itself.
    expect(within(help).queryByRole("link", { name: "Open my safety plan" })).toBeNull();

    expect(
      within(plan)
        .getAllByRole("heading", { level: 3 })
        .map((h) => h.textContent),
    ).toEqual([...STEPS, "What matters most to me"]);
    expect(plan.textContent).toContain(
      "Version 2, updated November 25, 2026 at 4:12 PM EST by Dana Whitfield.",
    );
    expect(
      within(stepList(STEPS[0]))
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Not sleeping", "Staying in my room"]);
    expect(
      within(stepList(STEPS[3])).getByRole("link", { name: "555-0101" }).getAttribute("href"),
    ).toBe("tel:5550101");
    const professionals = within(stepList(STEPS[4]));
    expect(professionals.getByRole("link", { name: "(555) 010-0199" }).getAttribute("href")).toBe(
      "tel:5550100199",
    );
    // 988 is always one of the crisis lines, even though nobody wrote it in.
    expect(professionals.getByText("988 Suicide & Crisis Lifeline")).toBeTruthy();
    expect(professionals.getByRole("link", { name: "Text 988" }).getAttribute("href")).toBe(
      "sms:988",
    );
    expect(stepList(STEPS[5]).textContent).toContain("Nothing written here yet.");
    expect(plan.textContent).toContain("My kids");
  });

  it("says the plan is not written yet, with 988 still at hand", async () => {
    stubApi({ [PLAN]: json(200, { plan: null }) });
    renderApp("/participant/safety", { auth: participant });

    expect(await screen.findByText("Your safety plan has not been written yet.")).toBeTruthy();
    expect(screen.getByText(/you can call or text 988 at any time/)).toBeTruthy();
    expect(screen.getByRole("region", { name: "If you need help now" })).toBeTruthy();
  });

  it("keeps 988 on the page when the plan cannot be loaded", async () => {
    stubApi({ [PLAN]: apiError(500, "internal", "Something went wrong.") });
    renderApp("/participant/safety", { auth: participant });

    expect((await screen.findByRole("alert")).textContent).toContain(
      "We couldn't load your safety plan",
    );
    const help = screen.getByRole("region", { name: "If you need help now" });
    expect(within(help).getByRole("link", { name: "Call 988" })).toBeTruthy();
  });
});

describe("my safety plan in Spanish", () => {
  afterEach(() => applyLocale("en"));
  const participante = {
    status: "signed-in",
    auth: authStateFor("PARTICIPANT", { locale: "es" }),
  } as const;

  it("shows 988 in Spanish first, then the six steps in Spanish, and what the person wrote as written", async () => {
    stubApi({ [PLAN]: json(200, { plan: safetyPlan() }) });
    renderApp("/participant/safety", { auth: participante });

    expect(
      await screen.findByRole("heading", { level: 1, name: "Mi plan de seguridad" }),
    ).toBeTruthy();
    const plan = await screen.findByRole("region", { name: "Mi plan para los momentos difíciles" });
    expect(
      (await within(plan).findAllByRole("heading", { level: 3 })).map((h) => h.textContent),
    ).toEqual([
      "Paso 1 Señales de alerta",
      "Paso 2 Cosas que puedo hacer por mi cuenta",
      "Paso 3 Personas y lugares que me ayudan a distraerme",
      "Paso 4 Personas a las que puedo pedir ayuda",
      "Paso 5 Profesionales y líneas de crisis",
      "Paso 6 Cómo hacer más seguro mi entorno",
      "Lo que más me importa",
    ]);
    expect(plan.textContent).toContain(
      "Versión 2, actualizada el 25 de noviembre de 2026, 4:12 p.m. EST por Dana Whitfield.",
    );
    expect(plan.textContent).toContain("Not sleeping");
    expect(plan.textContent).toContain("Aquí todavía no hay nada escrito.");
    expect(within(plan).getByText("Línea 988 de Prevención del Suicidio y Crisis")).toBeTruthy();
    expect(
      within(plan).getByRole("link", { name: "Envía AYUDA al 988" }).getAttribute("href"),
    ).toBe("sms:988?&body=AYUDA");

    const help = screen.getByRole("region", { name: "Si necesitas ayuda ahora" });
    expect(within(help).getByRole("link", { name: "Llama al 988 y marca 2" })).toBeTruthy();
    expect(help.textContent).toContain("Si estás en peligro inmediato, llama al 911.");
  });

  it("says in Spanish that the plan is not written yet, with 988 and press 2", async () => {
    stubApi({ [PLAN]: json(200, { plan: null }) });
    renderApp("/participant/safety", { auth: participante });

    expect(await screen.findByText("Tu plan de seguridad todavía no está escrito.")).toBeTruthy();
    expect(screen.getByText(/puedes llamar al 988 y marcar 2/)).toBeTruthy();
  });
});
