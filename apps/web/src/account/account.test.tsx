import { FORGOT_PASSWORD_ANSWER } from "@bridgeway/domain";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { applyLocale } from "../i18n/i18n";
import { choosePublicLocale, clearPublicLocaleChoice } from "../i18n/public-locale";
import { apiError, json, stubApi } from "../test/fake-api";
import { authStateFor, signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { checkChangePassword, checkSetPassword, passwordLinkProblem } from "./password-forms";

const TOKEN = "a".repeat(43);
const signedOut = { status: "signed-out", reason: "none" } as const;

const preview = {
  purpose: "invitation",
  firstName: "Noa",
  email: "noa@riverbend.example",
  clinicName: "Riverbend Behavioral Health",
  expiresAt: "2026-12-01T15:00:00.000Z",
};

describe("password form checks", () => {
  it("asks for the password twice, the same both times", () => {
    const result = checkSetPassword(TOKEN, "tangerine-otter-lamp", "tangerine-otter-lam");
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problem.fields).toEqual({
        confirmPassword: "The two passwords are not the same.",
      });
  });

  it("refuses a short password before asking the server", () => {
    const result = checkSetPassword(TOKEN, "short", "short");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.fields.password).toMatch(/at least 12/);
  });

  it("refuses a new password that is the current one", () => {
    const result = checkChangePassword({
      currentPassword: "tangerine-otter-lamp",
      newPassword: "tangerine-otter-lamp",
      confirmPassword: "tangerine-otter-lamp",
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.fields.newPassword).toMatch(/different/);
  });

  it("tells used, expired and unknown links apart from the server's message", () => {
    expect(passwordLinkProblem({ status: 404, message: "This link was already used." })?.kind).toBe(
      "used",
    );
    expect(passwordLinkProblem({ status: 404, message: "This link has expired." })?.kind).toBe(
      "expired",
    );
    expect(passwordLinkProblem({ status: 404, message: "No." })?.kind).toBe("invalid");
    expect(passwordLinkProblem({ status: 500, message: "Boom" })).toBeNull();
  });
});

describe("set-password page", () => {
  it("lets an invited person choose their password and signs them in", async () => {
    const { requests } = stubApi({
      "GET /api/auth/password-links/preview": json(200, preview),
      "POST /api/auth/set-password": json(200, authStateFor("FACILITATOR")),
    });
    const { user, location } = renderApp(`/account/password?token=${TOKEN}`, { auth: signedOut });
    expect(await screen.findByText(/noa@riverbend.example/)).toBeTruthy();
    await user.type(screen.getByLabelText("Password"), "tangerine-otter-lamp");
    await user.type(screen.getByLabelText("Type the password again"), "tangerine-otter-lamp");
    await user.click(screen.getByRole("button", { name: "Save password and sign in" }));

    await waitFor(() => expect(location()).toBe("/facilitator"));
    expect(requests.find((r) => r.method === "POST")?.body).toEqual({
      token: TOKEN,
      password: "tangerine-otter-lamp",
    });
  });

  it("shows the server's refusal of a breached password next to the field", async () => {
    stubApi({
      "GET /api/auth/password-links/preview": json(200, preview),
      "POST /api/auth/set-password": apiError(400, "invalid_input", "Too common.", {
        password: "This password is too common: it appears in lists of breached passwords.",
      }),
    });
    const { user } = renderApp(`/account/password?token=${TOKEN}`, { auth: signedOut });
    await user.type(await screen.findByLabelText("Password"), "password1234");
    await user.type(screen.getByLabelText("Type the password again"), "password1234");
    await user.click(screen.getByRole("button", { name: "Save password and sign in" }));
    expect(await screen.findByText(/appears in lists of breached passwords/)).toBeTruthy();
    expect(screen.getByLabelText("Password").getAttribute("aria-invalid")).toBe("true");
  });

  it("says a used link was already used, with a way to get a new one", async () => {
    stubApi({
      "GET /api/auth/password-links/preview": apiError(
        404,
        "not_found",
        "This link was already used. Sign in with your email and password.",
      ),
    });
    renderApp(`/account/password?token=${TOKEN}`, { auth: signedOut });
    const heading = await screen.findByRole("heading", { name: "This link was already used" });
    const card = heading.closest("section") ?? document.body;
    expect(within(card).getByRole("link", { name: "Get a new link" })).toBeTruthy();
  });
});

describe("forgot-password page", () => {
  it("sends the email and shows the one answer the server gives", async () => {
    const { requests } = stubApi({
      "POST /api/auth/forgot-password": json(202, { message: FORGOT_PASSWORD_ANSWER }),
    });
    const { user } = renderApp("/forgot-password", { auth: signedOut });
    await user.type(await screen.findByLabelText("Email"), "Someone@Example.org");
    await user.click(screen.getByRole("button", { name: "Send me a link" }));
    expect(await screen.findByText(FORGOT_PASSWORD_ANSWER)).toBeTruthy();
    expect(requests.find((r) => r.method === "POST")?.body).toEqual({
      email: "someone@example.org",
      locale: "en",
    });
  });

  it("is linked from the sign-in page", async () => {
    stubApi({});
    renderApp("/sign-in", { auth: signedOut });
    expect(await screen.findByRole("link", { name: "Forgot your password?" })).toBeTruthy();
  });
});

describe("account page", () => {
  it("changes the password with the current one and says other sessions ended", async () => {
    const { requests } = stubApi({ "POST /api/auth/change-password": { status: 204 } });
    const { user } = renderApp("/account", { auth: signedInAs("PARTICIPANT") });
    await user.type(await screen.findByLabelText("Current password"), "correct-horse-battery");
    await user.type(screen.getByLabelText("New password"), "tangerine-otter-lamp");
    await user.type(screen.getByLabelText("Type the new password again"), "tangerine-otter-lamp");
    await user.click(screen.getByRole("button", { name: "Change password" }));
    expect(await screen.findByText(/signed out everywhere else/)).toBeTruthy();
    expect(requests.find((r) => r.method === "POST")?.body).toEqual({
      currentPassword: "correct-horse-battery",
      newPassword: "tangerine-otter-lamp",
    });
  });

  it("lists where the person is signed in and signs another browser out", async () => {
    const other = "b".repeat(64);
    let ended = false;
    const { requests } = stubApi({
      "GET /api/auth/sessions": () =>
        json(200, {
          sessions: [
            {
              id: "a".repeat(64),
              signedInAt: "2026-11-24T14:00:00.000Z",
              lastActiveAt: "2026-11-24T15:00:00.000Z",
              current: true,
              browser: "Firefox 121",
              os: "Linux",
              place: "This device's network",
            },
            ...(ended
              ? []
              : [
                  {
                    id: other,
                    signedInAt: "2026-11-23T14:00:00.000Z",
                    lastActiveAt: "2026-11-23T15:00:00.000Z",
                    current: false,
                    browser: "Safari 17",
                    os: "iOS 17.2",
                    place: "Network 203.0.113.x",
                  },
                ]),
          ],
        }),
      [`POST /api/auth/sessions/${other}/end`]: () => {
        ended = true;
        return { status: 204 };
      },
    });
    const { user } = renderApp("/account", { auth: signedInAs("FAMILY") });
    const region = await screen.findByRole("region", { name: "Where you are signed in" });
    expect(await within(region).findByText("Firefox 121 on Linux")).toBeTruthy();
    expect(within(region).getByText(/This device's network · signed in/)).toBeTruthy();
    const signOut = await within(region).findByRole("button", { name: "Sign it out" });
    expect(signOut.getAttribute("aria-describedby")).toBeTruthy();
    expect(
      document.getElementById(signOut.getAttribute("aria-describedby") ?? "")?.textContent,
    ).toMatch(/Safari 17 on iOS 17\.2.*Network 203\.0\.113\.x/);
    await user.click(signOut);
    await waitFor(() =>
      expect(within(region).queryByRole("button", { name: "Sign it out" })).toBeNull(),
    );
    expect(requests.some((r) => r.path === `/api/auth/sessions/${other}/end`)).toBe(true);
  });

  it("marks the current password when the server says it is wrong", async () => {
    stubApi({
      "POST /api/auth/change-password": apiError(400, "invalid_input", "Not right.", {
        currentPassword: "Not your current password.",
      }),
    });
    const { user } = renderApp("/account", { auth: signedInAs("FACILITATOR") });
    await user.type(await screen.findByLabelText("Current password"), "wrong-password-here");
    await user.type(screen.getByLabelText("New password"), "tangerine-otter-lamp");
    await user.type(screen.getByLabelText("Type the new password again"), "tangerine-otter-lamp");
    await user.click(screen.getByRole("button", { name: "Change password" }));
    expect(await screen.findByText("Not your current password.")).toBeTruthy();
  });
});

describe("account and password pages in Spanish", () => {
  afterEach(() => {
    clearPublicLocaleChoice();
    applyLocale("en");
  });

  it("shows a family member's account, password change and signed-in browsers in Spanish", async () => {
    stubApi({
      "GET /api/auth/mfa": json(200, { enabled: true, required: false, recoveryCodesLeft: 8 }),
      "GET /api/auth/sessions": json(200, {
        sessions: [
          {
            id: "a".repeat(64),
            signedInAt: "2026-11-24T14:00:00.000Z",
            lastActiveAt: "2026-11-24T15:00:00.000Z",
            current: true,
            browser: "Firefox 121",
            os: "Linux",
            place: "This device's network",
          },
          {
            id: "b".repeat(64),
            signedInAt: "2026-11-23T14:00:00.000Z",
            lastActiveAt: "2026-11-23T15:00:00.000Z",
            current: false,
            browser: null,
            os: "iOS 17.2",
            place: "Network 203.0.113.x",
          },
        ],
      }),
    });
    const { user } = renderApp("/account", {
      auth: { status: "signed-in", auth: authStateFor("FAMILY", { locale: "es" }) },
    });
    expect(await screen.findByRole("heading", { level: 1, name: "Tu cuenta" })).toBeTruthy();
    const region = await screen.findByRole("region", { name: "Dónde tienes la sesión abierta" });
    expect(await within(region).findByText("Firefox 121 en Linux")).toBeTruthy();
    expect(within(region).getByText(/La red de este dispositivo · sesión iniciada/)).toBeTruthy();
    expect(within(region).getByText(/Red 203\.0\.113\.x · sesión iniciada/)).toBeTruthy();
    expect(within(region).getByText("Un navegador en iOS 17.2")).toBeTruthy();
    expect(within(region).getByRole("button", { name: "Cerrar esa sesión" })).toBeTruthy();

    const change = screen.getByRole("region", { name: "Cambia tu contraseña" });
    await user.type(within(change).getByLabelText("Contraseña actual"), "correct-horse-battery");
    await user.type(within(change).getByLabelText("Contraseña nueva"), "short");
    await user.click(within(change).getByRole("button", { name: "Cambiar contraseña" }));
    expect(await within(change).findByText("Revisa los campos marcados abajo.")).toBeTruthy();
    expect(within(change).getByText("Usa al menos 12 caracteres.")).toBeTruthy();
    expect(within(change).getByText("Escribe otra vez la contraseña.")).toBeTruthy();
    expect(change.textContent).not.toMatch(/\b(the|your|password|characters)\b/i);
    const mfa = screen.getByRole("region", {
      name: "App de autenticación (inicio de sesión en dos pasos)",
    });
    expect(mfa.textContent).toContain("Te quedan 8 códigos de recuperación.");
    expect(
      within(mfa).getByRole("button", { name: "Desactivar la app de autenticación" }),
    ).toBeTruthy();
  });

  it("asks for a reset link in Spanish before sign-in, and asks the email in Spanish too", async () => {
    choosePublicLocale("es");
    const { requests } = stubApi({
      "POST /api/auth/forgot-password": json(202, { message: FORGOT_PASSWORD_ANSWER }),
    });
    const { user } = renderApp("/forgot-password", { auth: signedOut });
    expect(
      await screen.findByRole("heading", { level: 1, name: "¿Olvidaste tu contraseña?" }),
    ).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Enviarme un enlace" }));
    expect(await screen.findByText("Escribe tu correo electrónico.")).toBeTruthy();
    await user.type(screen.getByLabelText("Correo electrónico"), "someone@example.org");
    await user.click(screen.getByRole("button", { name: "Enviarme un enlace" }));
    expect(
      await screen.findByText(/Si ese correo pertenece a una cuenta de Bridgeway/),
    ).toBeTruthy();
    expect(requests.find((r) => r.method === "POST")?.body).toEqual({
      email: "someone@example.org",
      locale: "es",
    });
    expect(screen.getByRole("link", { name: "Volver a iniciar sesión" })).toBeTruthy();
  });

  it("explains an incomplete or used password link in Spanish", async () => {
    choosePublicLocale("es");
    stubApi({});
    renderApp("/account/password?token=short", { auth: signedOut });
    expect(
      await screen.findByRole("heading", { name: "Este enlace está incompleto" }),
    ).toBeTruthy();
    expect(screen.getByRole("link", { name: "Pedir un enlace nuevo" })).toBeTruthy();
    expect(passwordLinkProblem({ status: 404, message: "This link has expired." })?.title).toBe(
      "Este enlace venció",
    );
  });
});
