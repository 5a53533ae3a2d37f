import { expect, test } from "@playwright/test";
import {
  DEMO,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  signIn,
} from "../support/helpers";

test.describe("signing in", () => {
  test("the sign-in page is accessible and fits a 360-pixel phone", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(
      page.getByRole("heading", { level: 1, name: "Sign in to Bridgeway" }),
    ).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoSeriousA11yViolations(page);
  });

  test("a wrong password is refused with a message and no session", async ({ page }) => {
    await signIn(page, DEMO.admin, "not-the-right-password");
    await expect(page.getByRole("alert")).toContainText("don't match an account");
    await expect(page).toHaveURL(/\/sign-in$/);
    const me = await page.request.get("/api/auth/me");
    expect(me.status()).toBe(401);
  });

  test("empty fields are named before anything is sent", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Email is required.")).toBeVisible();
    await expect(page.getByLabel("Email", { exact: true })).toBeFocused();
  });

  test("can be done with the keyboard alone", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email", { exact: true }).focus();
    await page.keyboard.type(DEMO.facilitator);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
    await page.keyboard.type("e2e-demo-password");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/facilitator$/);
  });
});
