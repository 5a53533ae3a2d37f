import { expect } from "@playwright/test";
import { Api } from "../support/api";
import { groupOfOurOwn, multiFamilyGroupNow } from "../support/families";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, PHONE } from "../support/helpers";
import { expectNoUntranslatedText } from "../support/untranslated";
import { test } from "../support/live";

/**
 * The live room in Spanish. Two browsers send camera video to each other, so this runs in the
 * video project, taking turns with the other video tests (see playwright.config.ts).
 */
test.describe("Spanish in the live room", () => {
  test("a participant in Spanish is let into a session by a facilitator and reads the room in Spanish", async ({
    browser,
  }) => {
    // Two browsers with cameras: generous, but bounded.
    test.setTimeout(180_000);
    const cast = await groupOfOurOwn(browser);
    const staff = await browser.newContext({ permissions: ["camera", "microphone"] });
    const own = await browser.newContext({
      locale: "es-MX",
      viewport: PHONE,
      permissions: ["camera", "microphone"],
    });
    try {
      const sessionId = await multiFamilyGroupNow(staff, cast);
      const room = `/sessions/${sessionId}/room`;
      const participant = new Api(own.request);
      await participant.signIn(cast.participant.email, cast.participant.password);
      const chose = await participant.write("PUT", "/api/auth/me/locale", { locale: "es" });
      expect(chose.status).toBe(200);

      const page = await own.newPage();
      await page.goto(room);
      await expect(
        page.getByRole("heading", { level: 1, name: "Prepárate para entrar" }),
      ).toBeVisible();
      await page.getByRole("button", { name: "Entrar a la sesión" }).click();
      await expect(
        page.getByRole("heading", { name: "Esperando a que el facilitador te deje entrar" }),
      ).toBeVisible();

      const facilitator = await staff.newPage();
      await facilitator.goto(room);
      await facilitator.getByRole("button", { name: "Join session" }).click();
      const manage = facilitator.getByRole("complementary", { name: "Manage the room" });
      await manage.getByRole("button", { name: "Admit all" }).click();

      const controls = page.getByRole("group", { name: "Tus controles" });
      await expect(controls).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        `Grupo multifamiliar · ${cast.cohortName}`,
      );
      await expect(page.locator("li[data-user-id]")).toHaveCount(2);
      // The connection settles before the check, so a passing "Conectando…" is not what is read.
      await expect(page.locator(".room-banner")).toHaveText("", { timeout: 60_000 });
      await expectNoUntranslatedText(page);
      await expectNoHorizontalScroll(page);
      await expectNoSeriousA11yViolations(page);

      await controls.getByRole("button", { name: "Chat" }).click();
      const chat = page.getByRole("complementary", { name: "Chat de la sesión" });
      await expect(chat.getByText("Todavía no hay mensajes.")).toBeVisible();
      await chat.getByLabel("Tu mensaje").fill("Hola a todos");
      await chat.getByRole("button", { name: "Enviar" }).click();
      await expect(chat.getByText("Hola a todos")).toBeVisible();
      await expect(chat.locator(".chat__author").first()).toHaveText("Tú");
      await expectNoUntranslatedText(page, { allow: ["Hola a todos"] });

      await controls.getByRole("button", { name: "Salir de la sesión" }).click();
      await expect(page.getByRole("heading", { name: "Saliste de la sesión" })).toBeVisible();
    } finally {
      await own.close();
      await staff.close();
    }
  });
});
