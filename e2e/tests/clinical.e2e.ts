import { expect, test, type Page } from "@playwright/test";
import {
  DEMO,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  personAt,
  PHONE,
} from "../support/helpers";

const SAM = "sam.patel@riverbend.example";
/** Answers the questionnaire on screen, one question at a time, as a participant would. */
async function answerQuestionnaire(page: Page, answers: readonly string[]): Promise<void> {
  for (const [index, answer] of answers.entries()) {
    await expect(
      page.getByRole("heading", { name: `Question ${index + 1} of ${answers.length}` }),
    ).toBeVisible();
    await page.getByRole("radio", { name: answer, exact: true }).check();
    const last = index === answers.length - 1;
    await page.getByRole("button", { name: last ? "Send my answers" : "Next" }).click();
  }
}

test("a PHQ-9 answer above 0 on question 9 alerts the facilitator at once, and the acknowledgement is recorded", async ({
  browser,
}) => {
  const dana = await personAt(browser, DEMO.facilitator);
  const sam = await personAt(browser, SAM, PHONE);

  // Sam's weekly PHQ-9 is due today: from the navigation, on a phone.
  await sam
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Check-ins" })
    .click();
  await expect(sam.getByRole("heading", { level: 1, name: "Check-ins" })).toBeVisible();
  await expectNoSeriousA11yViolations(sam);
  await sam.getByRole("link", { name: "Start the PHQ-9" }).click();

  // Sending too early names what is missing: the first question has no answer yet.
  await sam.getByRole("button", { name: "Next" }).click();
  await expect(sam.getByText("Choose one of the four answers to go on.")).toBeVisible();
  await expectNoHorizontalScroll(sam);

  // Eight answers of "several days" or none, and "several days" on question 9.
  await answerQuestionnaire(sam, [
    "Several days",
    "Several days",
    "Not at all",
    "Several days",
    "Not at all",
    "Not at all",
    "Not at all",
    "Not at all",
    "Several days",
  ]);

  // Sam is thanked, scored as published (4: minimal), and offered 988 and the safety plan.
  await expect(sam.getByRole("heading", { name: "Thank you for checking in" })).toBeVisible();
  await expect(sam.getByText("Your PHQ-9 score:")).toContainText("4");
  const help = sam.getByRole("region", { name: "Thank you for telling us" });
  await expect(help.getByRole("link", { name: "Call 988" })).toHaveAttribute("href", "tel:988");
  await expect(help.getByRole("link", { name: "Text 988" })).toHaveAttribute("href", /^sms:988/);
  await expect(help.getByRole("link", { name: "Open my safety plan" })).toBeVisible();
  await expectNoSeriousA11yViolations(sam);
  await expectNoHorizontalScroll(sam);

  // Dana, on her Today page, is told at once, without reloading.
  const notices = dana.getByRole("region", { name: "Crisis alert notices" });
  const phq9Notice = dana.getByRole("alert").filter({ hasText: "PHQ-9 question 9" });
  await expect(notices.getByRole("alert").filter({ hasText: "PHQ-9 question 9" })).toContainText(
    "Crisis alert: Sam",
  );
  await notices
    .getByRole("listitem")
    .filter({ has: phq9Notice })
    .getByRole("link", { name: "Go to alerts" })
    .click();

  await expect(dana.getByRole("heading", { level: 1, name: "Crisis alerts" })).toBeVisible();
  const card = dana
    .getByRole("article")
    .filter({ hasText: "PHQ-9 question 9" })
    .filter({ has: dana.getByRole("heading", { name: /Sam/ }) });
  await expect(card.getByText("Open", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(dana);
  await card.getByRole("textbox", { name: /Note/ }).fill("Called Sam; safe, plan reviewed.");
  await card.getByRole("button", { name: /^Acknowledge/ }).click();
  await expect(dana.getByText(/Alert for Sam .* acknowledged\./)).toBeVisible();

  // The acknowledgement is recorded: who, when and the note, and the alert is no longer open.
  const response = await dana.request.get("/api/alerts?status=all");
  expect(response.status()).toBe(200);
  const { alerts } = (await response.json()) as {
    alerts: {
      where: { kind: string; label: string };
      participant: { displayName: string };
      acknowledged: { by: string; at: string; note: string | null } | null;
    }[];
  };
  const phq9 = alerts.filter(
    (a) => a.where.kind === "assessment" && a.participant.displayName.startsWith("Sam"),
  );
  expect(phq9).toHaveLength(1);
  expect(phq9[0]?.acknowledged).toMatchObject({
    by: expect.stringMatching(/Dana/),
    note: "Called Sam; safe, plan reviewed.",
  });
  const open = await dana.request.get("/api/alerts?status=open");
  const stillOpen = ((await open.json()) as { alerts: { where: { kind: string } }[] }).alerts;
  expect(stillOpen.filter((a) => a.where.kind === "assessment")).toHaveLength(0);
});

test("the therapist adds to a participant's safety plan, and the participant reads it one tap from any page", async ({
  browser,
}) => {
  const strategy = `Walk the dog round the block ${Math.random().toString(36).slice(2, 7)}`;
  const dana = await personAt(browser, DEMO.facilitator);

  // From the cohort roster to Jordan's chart.
  await dana
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Cohorts" })
    .click();
  await dana.getByRole("link", { name: "Evening track" }).first().click();
  await dana.getByRole("link", { name: /^Chart of Jordan/ }).click();
  await expect(
    dana.getByRole("heading", { level: 1, name: /Clinical chart: Jordan/ }),
  ).toBeVisible();
  // Jordan's scores over time, as a chart with the table behind it (two weeks of history).
  await expect(dana.getByRole("img", { name: /PHQ-9 scores over time/ })).toBeVisible();
  await expect(
    dana.getByRole("table", { name: "PHQ-9 results, oldest first" }).getByRole("row"),
  ).not.toHaveCount(0);
  await expectNoSeriousA11yViolations(dana);

  const versionButton = dana.getByRole("button", { name: /^Save as version \d+$/ });
  await dana.getByRole("button", { name: "Edit the safety plan" }).click();
  const saveLabel = await versionButton.textContent();
  await dana.getByRole("button", { name: "Add a coping strategy" }).click();
  // The new row takes focus, so the therapist types straight into it.
  await dana.keyboard.type(strategy);
  await versionButton.click();
  const version = Number(/\d+/.exec(saveLabel ?? "")?.[0]);
  await expect(dana.getByText(new RegExp(`Version ${version}\\b`)).first()).toBeVisible();
  await expect(dana.getByText(strategy)).toBeVisible();

  // Jordan, on a phone, reaches it from the crisis bar on his home page.
  const jordan = await personAt(browser, DEMO.participant, PHONE);
  await jordan
    .getByRole("complementary", { name: "Crisis support" })
    .getByRole("link", { name: "My safety plan" })
    .click();
  await expect(jordan).toHaveURL(/\/participant\/safety$/);
  for (const step of [
    "Warning signs",
    "Things I can do on my own",
    "People and places that take my mind off things",
    "People I can ask for help",
    "Professionals and crisis lines",
    "Making my environment safe",
  ]) {
    await expect(jordan.getByRole("heading", { name: new RegExp(step) })).toBeVisible();
  }
  await expect(jordan.getByText(strategy)).toBeVisible();
  await expect(jordan.getByRole("link", { name: "Call 988" }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(jordan);
  await expectNoHorizontalScroll(jordan);
});
