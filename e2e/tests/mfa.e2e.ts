import { expect, request, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { choosePasswordFromInvitation } from "../support/accounts";
import { apiSignedIn } from "../support/api";
import { BASE_URL, DEMO_PASSWORD } from "../support/environment";
import { DEMO, expectNoSeriousA11yViolations, signIn } from "../support/helpers";

/** The code an authenticator app shows for `secret`, `aheadMs` from now. */
function appCode(secret: string, aheadMs = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + aheadMs });
}

test("a clinician sets up an authenticator app from their account, then signs in with a code from it", async ({
  browser,
}) => {
  // Two browser contexts, an accessibility scan and argon2 sign-ins on a loaded two-core machine.
  test.setTimeout(150_000);
  const tag = Math.random().toString(36).slice(2, 8);
  const email = `mfa.${tag}@riverbend.example`;
  const password = `copper-meadow-${tag}-kite`;

  await test.step("the admin adds the clinician, who chooses a password", async () => {
    const { api: admin, dispose } = await apiSignedIn(request, BASE_URL, DEMO.admin, DEMO_PASSWORD);
    await admin.created("/api/facilitators", {
      email,
      firstName: "Sky",
      lastName: `Mfa${tag}`,
      timeZone: "America/New_York",
      credential: "LCSW",
      licenseState: "NY",
      licenseExpiresOn: "2030-01-31",
    });
    await dispose();
    await choosePasswordFromInvitation(email, password);
  });

  let secret = "";
  const first = await browser.newContext();
  try {
    await test.step("on the account page, scan (or type the key) and confirm a first code", async () => {
      const page = await first.newPage();
      await signIn(page, email, password);
      await expect(page).toHaveURL(/\/facilitator$/);
      await page.goto("/account");
      const card = page.getByRole("region", { name: /Authenticator app/ });
      await card.getByRole("button", { name: "Set up an authenticator app" }).click();
      await expect(
        card.getByRole("img", { name: /QR code for your authenticator app/ }),
      ).toBeVisible();
      secret = (await card.getByTestId("mfa-secret").textContent())?.trim() ?? "";
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await expectNoSeriousA11yViolations(page);

      await card.getByLabel("6-digit code from your app").fill("000000");
      await card.getByRole("button", { name: "Confirm the code" }).click();
      await expect(card.getByText("Not a valid code.")).toBeVisible();
      await card.getByLabel("6-digit code from your app").fill(appCode(secret));
      await card.getByRole("button", { name: "Confirm the code" }).click();
      const codes = card.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
      await expect(codes).toHaveCount(10);
      await expectNoSeriousA11yViolations(page);
      await card.getByRole("button", { name: "Done" }).click();
      await expect(card.getByText(/10 of your recovery codes are left/)).toBeVisible();
    });
  } finally {
    await first.close();
  }

  const second = await browser.newContext();
  try {
    await test.step("signing in again asks for a code after the password", async () => {
      const page = await second.newPage();
      await signIn(page, email, password);
      await expect(
        page.getByRole("heading", { level: 1, name: "Enter your sign-in code" }),
      ).toBeVisible();
      // Nothing is open yet: the home page sends the person back to the code.
      await page.goto("/facilitator");
      await expect(page).toHaveURL(/\/sign-in$/);
      const code = page.getByLabel("Code from your authenticator app");
      // The enrolment code's time step is used up; the app's next code is the one to type.
      await code.fill(appCode(secret, 30_000));
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page).toHaveURL(/\/facilitator$/);
    });
  } finally {
    await second.close();
  }
});
