import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../support/helpers";

const MINUTE = 60_000;

test.describe("idle logoff", () => {
  test("warns before the 30-minute logoff, and staying signed in keeps the session", async ({
    page,
  }) => {
    await page.clock.install();
    await signIn(page, DEMO.facilitator);
    await expect(page.getByRole("heading", { level: 1, name: /Welcome, Dana/ })).toBeVisible();
    // Let the home finish loading before time moves on.
    await expect(page.getByRole("heading", { name: "Evening track" })).toBeVisible();

    await page.clock.fastForward(27 * MINUTE);
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await page.clock.fastForward(1.5 * MINUTE);
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("you will be signed out in");

    const keepalive = page.waitForResponse((r) => r.url().endsWith("/api/auth/keepalive"));
    await dialog.getByRole("button", { name: "Stay signed in" }).click();
    expect((await keepalive).status()).toBe(200);
    await expect(dialog).toBeHidden();
    expect((await page.request.get("/api/auth/me")).status()).toBe(200);
  });

  test("signs out after 30 minutes without activity and says why", async ({ page }) => {
    await page.clock.install();
    await signIn(page, DEMO.participant);
    await expect(page.getByRole("heading", { level: 1, name: /Welcome, Jordan/ })).toBeVisible();
    await expect(page.getByText("Evening track").first()).toBeVisible();

    await page.clock.fastForward(28.5 * MINUTE);
    await expect(page.getByRole("dialog")).toBeVisible();
    // The crisis line stays reachable even while the warning is open.
    await expect(page.getByRole("dialog").getByRole("link", { name: /988/ }).first()).toBeVisible();
    await page.clock.fastForward(2 * MINUTE);
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(
      page.getByText("You were signed out after 30 minutes without activity"),
    ).toBeVisible();
    // The page also ended the sign-in on the server (without waiting for it: an offline device
    // signs out too), so a reload does not sign back in once that request has arrived.
    await expect.poll(async () => (await page.request.get("/api/auth/me")).status()).toBe(401);
  });
});
