import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, stubApi } from "../test/fake-api";
import { authStateFor, participantHome } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { sessionList, sessionSummary } from "../test/schedule-fixtures";
import { applyLocale } from "./i18n";
import { clearPublicLocaleChoice } from "./public-locale";

function signedIn(role: "PARTICIPANT" | "FACILITATOR", locale: "en" | "es") {
  return { status: "signed-in", auth: authStateFor(role, { locale }) } as const;
}

afterEach(() => {
  vi.restoreAllMocks();
  clearPublicLocaleChoice();
  applyLocale("en");
});

describe("pages in Spanish", () => {
  it("shows the sign-in page in the browser's language before anyone signs in", async () => {
    vi.spyOn(navigator, "languages", "get").mockReturnValue(["es-MX", "en-US"]);
    stubApi({ "GET /api/auth/sign-in-options": json(200, { demoClinicWithoutMfa: false }) });
    const { user } = renderApp("/sign-in", { auth: { status: "signed-out", reason: "idle" } });

    expect(
      await screen.findByRole("heading", { level: 1, name: "Inicia sesión en Bridgeway" }),
    ).toBeTruthy();
    expect(document.documentElement.lang).toBe("es");
    expect(screen.getByRole("status").textContent).toBe(
      "Cerramos tu sesión después de 30 minutos sin actividad, para proteger tu privacidad.",
    );
    await user.click(screen.getByRole("button", { name: "Iniciar sesión" }));
    expect(screen.getByText("Escribe tu correo electrónico.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "¿Olvidaste tu contraseña?" })).toBeTruthy();
  });

  it("switches the public pages with the picker, and remembers it on this device", async () => {
    stubApi({ "GET /api/auth/sign-in-options": json(200, { demoClinicWithoutMfa: false }) });
    const { user } = renderApp("/sign-in", { auth: { status: "signed-out", reason: "none" } });
    expect(await screen.findByRole("heading", { name: "Sign in to Bridgeway" })).toBeTruthy();

    await user.selectOptions(screen.getByLabelText("Language"), "es");
    expect(await screen.findByRole("heading", { name: "Inicia sesión en Bridgeway" })).toBeTruthy();
    expect(screen.getByLabelText("Correo electrónico")).toBeTruthy();
    expect(localStorage.getItem("bridgeway.locale")).toBe("es");
  });

  it("shows a Spanish-speaking participant My week, the crisis bar and the footer in Spanish", async () => {
    stubApi({
      "GET /api/home": json(200, participantHome),
      "GET /api/sessions": sessionList([
        sessionSummary({
          startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 2 * 86_400_000 + 3 * 3_600_000).toISOString(),
        }),
      ]),
    });
    renderApp("/participant", { auth: signedIn("PARTICIPANT", "es") });

    expect(await screen.findByRole("heading", { level: 1, name: "Hola, Jordan" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("es");
    expect(screen.getByRole("heading", { name: "Mi semana" })).toBeTruthy();
    expect(await screen.findByText("Terapia de grupo")).toBeTruthy();
    expect(screen.getByText(/^Puedes entrar a partir de las /)).toBeTruthy();
    expect(await screen.findByText("4 días por semana")).toBeTruthy();
    expect(screen.getByText("lun, mié, jue 6:00 p.m.–9:00 p.m.", { exact: false })).toBeTruthy();

    const crisis = screen.getByRole("complementary", { name: "Ayuda en crisis" });
    const call = within(crisis).getByRole("link", { name: "Llama al 988 y marca 2" });
    expect(call.getAttribute("href")).toBe("tel:988");
    const text = within(crisis).getByRole("link", { name: "Envía AYUDA al 988" });
    expect(text.getAttribute("href")).toBe("sms:988?&body=AYUDA");

    const nav = screen.getByRole("navigation", { name: "Principal" });
    expect(within(nav).getByRole("link", { name: "Mi semana" })).toBeTruthy();
    expect(within(nav).getByRole("link", { name: "Mi plan de seguridad" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Cerrar sesión" })).toBeTruthy();
    expect(screen.getByRole("contentinfo").textContent).toContain("marca 2 para español");
  });

  it("keeps staff screens in English whatever their account says", async () => {
    stubApi({ "GET /api/home": json(200, { role: "FACILITATOR", cohorts: [], today: [] }) });
    renderApp("/facilitator", { auth: signedIn("FACILITATOR", "es") });
    expect(await screen.findByRole("navigation", { name: "Main" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");
    expect(screen.getByRole("button", { name: "Sign out" })).toBeTruthy();
  });
});
