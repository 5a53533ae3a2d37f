import { expect, test, type Page } from "@playwright/test";
import {
  DEMO,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  personAt,
  PHONE,
} from "../support/helpers";

// Demo participants no other browser test changes: Riley steps down, Casey is discharged.
const RILEY = "riley.chen@riverbend.example";
const CASEY = "casey.nguyen@riverbend.example";
/** "December 7, 2026" for a YYYY-MM-DD date, as the app writes calendar dates. */
const longDate = (iso: string) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );

async function openEveningTrack(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Evening track" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /Evening track/ })).toBeVisible();
}

test("a scheduled step-down shows on the participant's phone as the next change, with today's phase kept", async ({
  browser,
}) => {
  const dana = await personAt(browser, DEMO.facilitator);
  await openEveningTrack(dana);
  await dana.getByRole("button", { name: "Step down Riley Chen" }).click();
  const form = dana.getByRole("region", { name: "Step down Riley Chen" });
  const effectiveFrom = await form.getByLabel("Effective from").inputValue();
  await expect(form.getByLabel("New phase")).toHaveValue("3");
  await form.getByRole("button", { name: "Save step-down" }).click();
  await expect(dana.getByText(/Riley Chen moves to 3 days a week/)).toBeVisible();

  // The second step-down starts from the one just planned, and offers only the phase below it.
  await dana.getByRole("button", { name: "Step down Riley Chen" }).click();
  const again = dana.getByRole("region", { name: "Step down Riley Chen" });
  await expect(again).toContainText(
    `3 days a week (Mon, Wed, Thu) from ${longDate(effectiveFrom)}`,
  );
  await expect(again.getByLabel("New phase")).toHaveValue("2");
  // Each week ahead, with its planned hours, one disclosure per participant.
  const riley = dana.getByRole("rowheader", { name: "Riley Chen" }).locator("xpath=..");
  await riley.locator("summary").click();
  await expect(riley.getByRole("listitem").first()).toContainText(/^Week of .+: [\d.]+ hours?/);
  await expectNoSeriousA11yViolations(dana);
  await again.getByRole("button", { name: "Close" }).click();
  await dana.context().close();

  const participant = await personAt(browser, RILEY, PHONE);
  const program = participant.getByRole("article", { name: "Evening track" });
  const phase = program.getByRole("definition").filter({ hasText: "days a week" });
  await expect(phase).toContainText("4 days a week");
  await expect(phase).toContainText(
    `Next change: 3 days a week (Mon, Wed, Thu) from ${longDate(effectiveFrom)}.`,
  );
  await expect(participant.getByRole("link", { name: "Call 988" }).first()).toBeVisible();
  await expectNoHorizontalScroll(participant);
  await expectNoSeriousA11yViolations(participant);
  await participant.context().close();
});

test("a discharged participant's home shows the discharge, the aftercare plan, the safety plan and 988", async ({
  browser,
}) => {
  const dana = await personAt(browser, DEMO.facilitator);
  await openEveningTrack(dana);
  await dana.getByRole("link", { name: "Chart of Casey Nguyen" }).click();
  await dana.getByRole("button", { name: "Start discharge of Casey Nguyen" }).click();
  await dana.getByLabel("Completed the program").check();
  await dana.getByLabel("Discharge summary").fill("Completed the program; goals met.");
  await dana.getByLabel("Level of care after discharge").selectOption("Outpatient therapy");
  const dischargedOn = await dana.getByLabel("Discharge date").inputValue();
  await dana.getByRole("button", { name: "Discharge…" }).click();
  await dana.getByRole("button", { name: "Discharge and close the enrollment" }).click();
  await expect(dana.getByText(/Casey Nguyen is discharged from Evening track/)).toBeVisible();
  await dana.context().close();

  const casey = await personAt(browser, CASEY, PHONE);
  const card = casey.getByRole("article", {
    name: `Your program ended on ${longDate(dischargedOn)}`,
  });
  await expect(card).toContainText("Outpatient therapy");
  await expect(casey.getByText("You are not enrolled in a program yet.")).toHaveCount(0);
  await expect(card.getByRole("link", { name: "My safety plan" })).toBeVisible();
  await expect(casey.getByRole("link", { name: "Call 988" }).first()).toHaveAttribute(
    "href",
    "tel:988",
  );
  await expectNoHorizontalScroll(casey);
  await expectNoSeriousA11yViolations(casey);

  await card.getByRole("link", { name: "My aftercare plan" }).click();
  await expect(casey.getByRole("heading", { level: 1, name: "My aftercare plan" })).toBeVisible();
  await expect(casey.getByText("Outpatient therapy")).toBeVisible();
  await casey.context().close();
});

test("attendance on a phone opens on this week, and its captions wrap inside the screen", async ({
  browser,
}) => {
  const dana = await personAt(browser, DEMO.facilitator, PHONE);
  await openEveningTrack(dana);
  await dana.getByRole("link", { name: "Open attendance of Evening track" }).click();
  await expect(dana.getByRole("heading", { level: 1, name: /^Attendance/ })).toBeVisible();
  const range = dana.getByRole("region", { name: "Date range" });
  const from = await range.getByLabel("From").inputValue();
  // This week: it starts on the Monday on or before today.
  const daysBack = (new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7;
  expect(daysBack).toBe(0);
  expect(Date.now() - Date.parse(`${from}T00:00:00Z`)).toBeLessThan(8 * 86_400_000);
  expect(Date.now() - Date.parse(`${from}T00:00:00Z`)).toBeGreaterThan(-86_400_000);
  const caption = dana.getByText(/^Hours attended per week/);
  await expect(caption).toBeVisible();
  const box = await caption.boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
  await expectNoHorizontalScroll(dana);
  await expectNoSeriousA11yViolations(dana);
  await dana.context().close();
});
