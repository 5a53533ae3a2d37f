import { expect, test, type Page } from "@playwright/test";
import ICAL from "ical.js";
import { choosePasswordFromInvitation } from "../support/accounts";
import { DEMO, expectNoSeriousA11yViolations, signIn } from "../support/helpers";

/** YYYY-MM-DD of an instant in a zone. */
function dateIn(zone: string, instant = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function selectByText(page: Page, label: string, text: string | RegExp) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  if (!value) throw new Error(`no option "${String(text)}" in ${label}`);
  await select.selectOption(value);
}

test("an admin sets up a cohort and enrolls a participant, who sees the week in their own time and in their calendar", async ({
  browser,
}) => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const email = `nia.${suffix}@riverbend.example`;
  const password = `nia-lantern-${suffix}-harbor`;
  const today = dateIn("America/New_York");

  // The admin adds a participant who lives on the west coast.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO.admin);
  await admin
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Participants" })
    .click();
  const add = admin.getByRole("region", { name: "Add participant" });
  await add.getByLabel("First name", { exact: true }).fill("Nia");
  await add.getByLabel("Last name", { exact: true }).fill(`Tester${suffix}`);
  await add.getByLabel("Email", { exact: true }).fill(email);
  await add.getByLabel("Their time zone").selectOption("America/Los_Angeles");
  await add.getByRole("button", { name: "Add participant" }).click();
  await expect(
    admin.getByRole("rowheader", { name: new RegExp(`Nia Tester${suffix}`) }),
  ).toBeVisible();

  // ...then a morning cohort meeting Monday to Thursday at 10:00 New York time.
  await admin
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Cohorts" })
    .click();
  await admin.getByRole("link", { name: "New cohort" }).click();
  await selectByText(admin, "Program", "Adult Mental Health IOP");
  await admin.getByLabel("Cohort name").fill(`Morning track ${suffix}`);
  await admin.getByLabel("Time zone", { exact: true }).selectOption("America/New_York");
  await admin.getByLabel("Start date").fill(today);
  await admin.getByLabel("End date").fill(addDays(today, 70));
  const days = admin.getByRole("group", { name: "Meeting days" });
  for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday"])
    await days.getByLabel(day).check();
  await admin.getByLabel("Start time").fill("10:00");
  await admin.getByLabel("End time").fill("11:30");
  await selectByText(admin, "Lead facilitator", "Dana Whitfield");
  await expectNoSeriousA11yViolations(admin);
  await admin.getByRole("button", { name: "Create cohort" }).click();
  await expect(
    admin.getByRole("heading", { level: 1, name: `Morning track ${suffix}` }),
  ).toBeVisible();

  // ...and enrolls Nia, four days a week.
  const enroll = admin.getByRole("region", { name: "Enroll a participant" });
  await selectByText(admin, "Participant", new RegExp(`Tester${suffix}`));
  await enroll.getByLabel("Start date").fill(today);
  await enroll.getByLabel("Planned discharge").fill(addDays(today, 56));
  await enroll.getByRole("button", { name: "Enroll participant" }).click();
  await expect(admin.getByRole("rowheader", { name: new RegExp(`Tester${suffix}`) })).toBeVisible();
  await adminContext.close();
  // No one else knows her password: she chooses it from the invitation email.
  await choosePasswordFromInvitation(email, password);

  // Her week runs seven days from her own today; in the hours after midnight in New York that
  // is still yesterday in Los Angeles, before the cohort starts, so count the meeting days.
  const niaToday = dateIn("America/Los_Angeles");
  let expected = 0;
  for (let day = niaToday; day <= addDays(niaToday, 6); day = addDays(day, 1)) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (day >= today && weekday >= 1 && weekday <= 4) expected += 1;
  }
  expect(expected).toBeGreaterThanOrEqual(3);

  // Nia sees her week at 7:00 AM Pacific, which is 10:00 in New York.
  const niaContext = await browser.newContext({ timezoneId: "America/Los_Angeles" });
  const nia = await niaContext.newPage();
  await signIn(nia, email, password);
  await expect(nia.getByRole("heading", { level: 1, name: "Welcome, Nia" })).toBeVisible();
  const sessions = nia.getByRole("article", { name: "Group therapy" });
  await expect(sessions.first()).toBeVisible();
  expect(await sessions.count()).toBe(expected);
  for (const text of await sessions.allInnerTexts()) expect(text).toMatch(/7:00\s?AM/);
  await expectNoSeriousA11yViolations(nia);

  // Her calendar feed lists the same meetings at the same instants.
  const api = await nia.request.get(`/api/sessions?from=${niaToday}&to=${addDays(niaToday, 6)}`);
  const week = ((await api.json()) as { sessions: { id: string; startsAt: string }[] }).sessions;
  expect(week).toHaveLength(expected);
  await nia
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Calendar" })
    .click();
  await nia.getByRole("button", { name: "Create calendar link" }).click();
  const url = await nia.getByLabel("Your calendar link").inputValue();
  expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const feed = await nia.request.get(new URL(url).pathname);
  expect(feed.headers()["content-type"]).toMatch(/text\/calendar/);
  const events = ICAL.Component.fromString(await feed.text())
    .getAllSubcomponents("vevent")
    .map((e) => new ICAL.Event(e));
  for (const session of week) {
    const event = events.find((e) => e.uid === `${session.id}@bridgeway`);
    expect(event?.startDate.toJSDate().toISOString()).toBe(session.startsAt);
    expect(event?.summary).toBe("Group therapy");
  }
  await niaContext.close();
});
