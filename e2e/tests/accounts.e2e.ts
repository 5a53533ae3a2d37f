import { expect, test } from "@playwright/test";
import { passwordLinkFor } from "../support/accounts";
import { Api } from "../support/api";
import { DEMO_PASSWORD } from "../support/environment";
import { DEMO, expectNoSeriousA11yViolations, signIn } from "../support/helpers";

test("a new clinician chooses their own password from the invitation email, then signs in with it; the admin never knew it", async ({
  browser,
}) => {
  // Three browser contexts and an accessibility scan on a loaded two-core machine.
  test.setTimeout(150_000);
  const tag = Math.random().toString(36).slice(2, 8);
  const email = `invited.${tag}@riverbend.example`;
  const password = `lantern-harbor-${tag}-quiet`;
  const adminContext = await browser.newContext();
  const clinicianContext = await browser.newContext();
  try {
    await test.step("the admin adds the clinician, with no password field", async () => {
      const admin = await adminContext.newPage();
      await signIn(admin, DEMO.admin, DEMO_PASSWORD);
      // Signed in once the home has loaded; leaving the page earlier would abandon the sign-in.
      await expect(admin).toHaveURL(/\/admin$/);
      await admin.goto("/facilitators");
      const form = admin.getByRole("region", { name: "Add facilitator" });
      await expect(form.getByLabel(/password/i)).toHaveCount(0);
      await new Api(adminContext.request).created("/api/facilitators", {
        email,
        firstName: "Rowan",
        lastName: `Invited${tag}`,
        timeZone: "America/New_York",
        credential: "LPC",
        licenseState: "NY",
        licenseExpiresOn: "2030-01-31",
      });
      await admin.reload();
      const row = admin.getByRole("row", { name: new RegExp(`Rowan Invited${tag}`) });
      await expect(row.getByText("Invitation sent")).toBeVisible();
    });

    await test.step("the clinician follows the link and chooses a password", async () => {
      const page = await clinicianContext.newPage();
      await page.goto(await passwordLinkFor(email));
      await expect(page.getByRole("heading", { name: "Choose your password" })).toBeVisible();
      await expect(page.getByText(email)).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await page.getByLabel("Password", { exact: true }).fill("password1234");
      await page.getByLabel("Type the password again").fill("password1234");
      await page.getByRole("button", { name: "Save password and sign in" }).click();
      await expect(page.getByText(/appears in lists of breached passwords/).first()).toBeVisible();
      await page.getByLabel("Password", { exact: true }).fill(password);
      await page.getByLabel("Type the password again").fill(password);
      await page.getByRole("button", { name: "Save password and sign in" }).click();
      await expect(page).toHaveURL(/\/facilitator$/);
    });

    await test.step("the link works once; the password signs in", async () => {
      const again = await browser.newContext();
      try {
        const page = await again.newPage();
        await page.goto(await passwordLinkFor(email));
        await expect(
          page.getByRole("heading", { name: "This link was already used" }),
        ).toBeVisible();
        await signIn(page, email, password);
        await expect(page).toHaveURL(/\/facilitator$/);
      } finally {
        await again.close();
      }
    });
  } finally {
    await adminContext.close();
    await clinicianContext.close();
  }
});
