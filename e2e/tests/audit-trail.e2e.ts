import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import {
  DEMO,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  signIn,
} from "../support/helpers";

test("an admin sees their devices, opens the audit trail, filters it to their own sign-ins, sorts it and downloads it as CSV", async ({
  page,
}) => {
  // Several page loads and two accessibility scans on a loaded two-core machine.
  test.setTimeout(120_000);
  await signIn(page, DEMO.admin);
  // Signed in once the home has loaded; leaving the page earlier would abandon the sign-in.
  await expect(page).toHaveURL(/\/admin$/);

  await test.step("their account page names this browser and its network", async () => {
    await page.getByRole("banner").getByRole("link", { name: "Your account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    const devices = page.getByRole("region", { name: "Where you are signed in" });
    await expect(devices.getByText(/\(this browser\)/)).toBeVisible();
    await expect(devices.getByText(/^Chrome \d+ on /).first()).toBeVisible();
    await expect(devices.getByText(/This device's network · signed in/).first()).toBeVisible();
  });

  const table = page.getByRole("table", { name: "Audit events" });
  await test.step("the audit trail opens from the main navigation", async () => {
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Audit trail" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
    await expect(table).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  await test.step("filtered to the admin's own sign-ins, oldest first", async () => {
    const form = page.getByRole("form", { name: "Filter the audit trail" });
    await form.getByLabel("Person acting").selectOption({ label: "Alex Morgan (Clinic admin)" });
    await form.getByLabel("Action").selectOption({ label: "Sign in" });
    await form.getByRole("button", { name: "Show events" }).click();
    const rows = table.getByRole("row").filter({ has: page.getByRole("cell") });
    // The table keeps the previous rows until the filtered ones arrive: wait for every row to
    // match rather than counting rows that may still be the unfiltered ones.
    await expect(rows.filter({ hasNotText: "Sign in" })).toHaveCount(0);
    await expect(rows.filter({ hasNotText: "Alex Morgan" })).toHaveCount(0);
    await expect(rows.first()).toContainText("Alex Morgan");
    await expect(table).not.toHaveAttribute("aria-busy", "true");

    const time = table.getByRole("columnheader", { name: /Time/ });
    await expect(time).toHaveAttribute("aria-sort", "descending");
    await time.getByRole("button").click();
    await expect(time).toHaveAttribute("aria-sort", "ascending");
    await expectNoSeriousA11yViolations(page);
  });

  await test.step("the CSV holds the same filtered events", async () => {
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^audit-trail-.*\.csv$/);
    const text = await readFile(await download.path(), "utf8");
    const lines = text.split("\r\n").filter((line) => line !== "");
    expect(lines[0]).toBe(
      "Time (UTC),Person acting,Role,Person id,Action,Record type,Record id,Participant concerned,Participant id,Outcome",
    );
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1))
      expect(line).toMatch(/^[^,]+,Alex Morgan,Clinic admin,[^,]+,Sign in,/);
  });

  await test.step("on a 360 px phone the page and its account link fit", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await expect(
      page.getByRole("banner").getByRole("link", { name: "Your account" }),
    ).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});
