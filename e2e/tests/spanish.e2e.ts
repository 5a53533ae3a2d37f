import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { Api } from "../support/api";
import {
  groupOfOurOwn,
  invitationLinkFor,
  multiFamilyGroupNow,
  type GroupCast,
} from "../support/families";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, PHONE } from "../support/helpers";
import { expectNoUntranslatedText, untranslatedText } from "../support/untranslated";

/**
 * The participant's pages checked in Spanish, each on a 360 px phone: every string translated,
 * accessible, no sideways scroll. Add a page here when its area is translated; `heading` is the
 * page's h1 in Spanish (a string or a pattern), which says the page has loaded.
 */
const SPANISH_PAGES: { path: string; heading: string | RegExp }[] = [
  { path: "/participant", heading: /^Hola, / },
  { path: "/participant/check-ins", heading: "Chequeos" },
  { path: "/participant/safety", heading: "Mi plan de seguridad" },
  { path: "/participant/treatment-plan", heading: "Mi plan de tratamiento" },
  { path: "/participant/aftercare", heading: "Mi plan de cuidado posterior" },
  { path: "/calendar", heading: "Calendario" },
  { path: "/chat", heading: "Chat" },
  { path: "/forums", heading: "Foros" },
  { path: "/my-family", heading: "Mi familia" },
  { path: "/account", heading: "Tu cuenta" },
];

async function expectSpanishPage(page: Page, heading: string | RegExp): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  // Nothing still loading: a spinner's words would be checked instead of the page's.
  await expect(page.locator(".state--loading")).toHaveCount(0);
  await expectNoUntranslatedText(page);
  await expectNoHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page);
}

test.describe("Spanish for participants", () => {
  // One participant per worker, their cohort's facilitator having asked for a PHQ-9 today (so
  // check-ins has one to answer); each test signs in on a phone of its own.
  let cast: GroupCast;
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(60_000);
    cast = await groupOfOurOwn(browser);
    const staff = await browser.newContext();
    try {
      const participant = new Api(staff.request);
      await participant.signIn(cast.participant.email, cast.participant.password);
      const me = await participant.get<{ user: { id: string } }>("/api/auth/me");
      await staff.clearCookies();
      const facilitator = new Api(staff.request);
      await facilitator.signIn(cast.facilitator.email, cast.facilitator.password);
      await facilitator.created(`/api/participants/${me.user.id}/assessments`, {
        instrument: "PHQ9",
        cadence: "ONCE",
        firstDueOn: new Date().toLocaleDateString("en-CA", { timeZone: "America/New_York" }),
      });
    } finally {
      await staff.close();
    }
  });

  /** A phone whose browser prefers Spanish, signed in as the participant, who chose Spanish. */
  async function spanishPhone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: "es-MX", viewport: PHONE });
    const participant = new Api(context.request);
    await participant.signIn(cast.participant.email, cast.participant.password);
    const chose = await participant.write("PUT", "/api/auth/me/locale", { locale: "es" });
    expect(chose.status).toBe(200);
    return { context, page: await context.newPage() };
  }

  test("a participant on a phone signs in, chooses Spanish on their account, and 988 answers in Spanish", async ({
    browser,
  }) => {
    // The language is chosen below: start from English, as a new account does.
    const elsewhere = await browser.newContext();
    const reset = new Api(elsewhere.request);
    await reset.signIn(cast.participant.email, cast.participant.password);
    expect((await reset.write("PUT", "/api/auth/me/locale", { locale: "en" })).status).toBe(200);
    await elsewhere.close();

    const context = await browser.newContext({ locale: "es-MX", viewport: PHONE });
    const page = await context.newPage();
    // Before sign-in the browser's language decides.
    await page.goto("/sign-in");
    await expectSpanishPage(page, "Inicia sesión en Bridgeway");

    await page.getByRole("button", { name: "Iniciar sesión" }).click();
    await expect(page.getByText("Escribe tu correo electrónico.")).toBeVisible();
    await page.getByLabel("Correo electrónico", { exact: true }).fill(cast.participant.email);
    await page.getByLabel("Contraseña", { exact: true }).fill(cast.participant.password);
    await page.getByRole("button", { name: "Iniciar sesión" }).click();

    // The account says English until the person chooses: the check finds the English words.
    await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect(await untranslatedText(page)).not.toEqual([]);

    // Chosen once on the account page, kept on the account.
    await page.getByRole("link", { name: "Your account" }).click();
    await page.getByRole("combobox", { name: "Language" }).selectOption("es");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("status").filter({ hasText: "Listo." })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Idioma" })).toHaveValue("es");

    // 988 answers in Spanish: press 2 on a call, text AYUDA.
    await page.goto("/participant");
    const crisis = page.getByRole("complementary", { name: "Ayuda en crisis" });
    await expect(crisis.getByRole("link", { name: "Llama al 988 y marca 2" })).toHaveAttribute(
      "href",
      "tel:988",
    );
    await expect(crisis.getByRole("link", { name: "Envía AYUDA al 988" })).toHaveAttribute(
      "href",
      "sms:988?&body=AYUDA",
    );
    await expect(page.getByRole("navigation", { name: "Principal" })).toContainText("Mi semana");

    await context.close();
  });

  for (const { path, heading } of SPANISH_PAGES) {
    test(`${path} reads in Spanish on a phone`, async ({ browser }) => {
      const { context, page } = await spanishPhone(browser);
      await page.goto(path);
      await expectSpanishPage(page, heading);
      await context.close();
    });
  }

  test("a participant answers a PHQ-9 in its published Spanish, one question at a time", async ({
    browser,
  }) => {
    const { context, page } = await spanishPhone(browser);
    await page.goto("/participant/check-ins");
    await page.getByRole("link", { name: "Empezar el PHQ-9" }).click();
    await expectSpanishPage(page, "¿Cómo te has sentido?");
    await expect(
      page.getByRole("group", { name: "Poco interés o placer en hacer cosas" }),
    ).toBeVisible();
    for (let question = 1; question <= 9; question += 1) {
      await expect(page.getByRole("heading", { name: `Pregunta ${question} de 9` })).toBeVisible();
      await page.getByRole("radio", { name: "Ningún día", exact: true }).check();
      await page
        .getByRole("button", { name: question === 9 ? "Enviar mis respuestas" : "Siguiente" })
        .click();
    }
    await expect(page.getByRole("heading", { name: "Gracias por hacer tu chequeo" })).toBeVisible();
    await expect(page.getByText("Tu puntuación en el PHQ-9:")).toContainText("0 de 27");
    await expectSpanishPage(page, "¿Cómo te has sentido?");
    await context.close();
  });
});

test.describe("Spanish for family members", () => {
  test("a family member on a phone asks for a password link, accepts the invitation and reads their pages in Spanish", async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const cast = await groupOfOurOwn(browser);
    const email = `familia.${Math.random().toString(36).slice(2, 8)}@family.example`;
    const password = "una-contraseña-larga-de-familia";
    const context = await browser.newContext({ locale: "es-MX", viewport: PHONE });
    const staff = await browser.newContext();
    try {
      const page = await context.newPage();
      // Before sign-in the browser's language decides, on every public page.
      await page.goto("/forgot-password");
      await expectSpanishPage(page, "¿Olvidaste tu contraseña?");
      await page.getByRole("button", { name: "Enviarme un enlace" }).click();
      await expect(page.getByText("Escribe tu correo electrónico.")).toBeVisible();

      // The participant invites a family member to both kinds of family session, and the
      // cohort has a multi-family group today, so the family home has a session to show.
      const participant = new Api(staff.request);
      await participant.signIn(cast.participant.email, cast.participant.password);
      await participant.created("/api/families/invitations", {
        email,
        firstName: "Sol",
        lastName: "Familia",
        relationship: "PARENT",
        sessionKinds: ["FAMILY", "MULTI_FAMILY"],
      });
      await participant.write("POST", "/api/auth/logout");
      await multiFamilyGroupNow(staff, cast);

      await page.goto(await invitationLinkFor(email));
      await expectSpanishPage(page, "Participa en las sesiones familiares");
      await expect(page.getByRole("heading", { name: "Lo que nunca verás" })).toBeVisible();
      await page.getByLabel("Contraseña", { exact: true }).fill(password);
      await page.getByLabel("Escribe otra vez la contraseña").fill(password);
      await page.getByRole("button", { name: "Aceptar la invitación" }).click();
      await expect(page).toHaveURL(/\/family$/);

      // The account speaks Spanish once chosen (the invitation was sent in English).
      const family = new Api(context.request);
      const chose = await family.write("PUT", "/api/auth/me/locale", { locale: "es" });
      expect(chose.status).toBe(200);
      await page.reload();
      await expectSpanishPage(page, "Hola, Sol");
      await expect(page.getByText("Acompañas a")).toBeVisible();
      await expect(page.getByRole("article", { name: "Grupo multifamiliar" })).toBeVisible();
      const support = page.getByRole("region", { name: "Apoyo para ti" });
      await expect(
        support.getByRole("link", { name: /^Enviar un mensaje al 988/ }),
      ).toHaveAttribute("href", "sms:988?&body=AYUDA");

      await page.getByRole("link", { name: "foro de familias" }).click();
      await expectSpanishPage(page, "Foros");
      await page.locator('main a[href^="/forums/boards/"]').first().click();
      await expectSpanishPage(page, "Foro");

      await page.goto("/calendar");
      await expectSpanishPage(page, "Calendario");
      await page.goto("/account");
      await expectSpanishPage(page, "Tu cuenta");
    } finally {
      await staff.close();
      await context.close();
    }
  });
});
