import { expect, test } from "@playwright/test";
import { Api } from "../support/api";
import {
  DEMO,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  signIn,
} from "../support/helpers";

test("a participant chooses text message reminders and quiet hours on their account page, on a phone-sized screen", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, DEMO.participant);
  await expect(page).toHaveURL(/\/participant$/);
  try {
    await page.goto("/account");
    const section = page.getByRole("region", { name: "Session reminders" });
    const save = section.getByRole("button", { name: "Save reminders" });
    await expect(save).toBeVisible();
    await expect(section.getByLabel(/Remind me of my sessions/)).toBeChecked();
    await expect(section.getByLabel("Email", { exact: true })).toBeChecked();

    await section.getByLabel("Text message").check();
    await section.getByLabel("Mobile number").fill("555 0100");
    await save.click();
    await expect(section.getByText(/with its country code/i).last()).toBeVisible();
    await expect(section.getByLabel("Mobile number")).toHaveAttribute("aria-invalid", "true");

    await section.getByLabel("Mobile number").fill("+1 212 555 0100");
    await section.getByLabel(/Keep quiet hours/).check();
    await section.getByLabel("Quiet from").fill("22:00");
    await section.getByLabel("Quiet until").fill("07:30");
    await save.click();
    await expect(section.getByText("Your reminder choices are saved.")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await expectNoHorizontalScroll(page);

    await page.reload();
    const reloaded = page.getByRole("region", { name: "Session reminders" });
    await expect(reloaded.getByLabel("Mobile number")).toHaveValue("+12125550100");
    await expect(reloaded.getByLabel("Text message")).toBeChecked();
    await expect(reloaded.getByLabel("Quiet from")).toHaveValue("22:00");
    await expect(reloaded.getByLabel("Quiet until")).toHaveValue("07:30");
  } finally {
    // Back to the defaults, so other tests see the demo participant as seeded.
    await new Api(page.request).write("PUT", "/api/reminder-preferences", {
      enabled: true,
      byEmail: true,
      bySms: false,
      phone: null,
      quietHours: null,
    });
  }
});
