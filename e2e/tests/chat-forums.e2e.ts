import { expect, test, type Page } from "@playwright/test";
import {
  DEMO,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  personAt,
} from "../support/helpers";

const SAM = "sam.patel@riverbend.example";

async function openCohortChat(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Chat" }).click();
  await page.getByRole("link", { name: /Evening track chat/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Evening track chat" })).toBeVisible();
}

test("two participants chat in their cohort room in real time, and a facilitator is alerted at once to crisis language", async ({
  browser,
}) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const dana = await personAt(browser, DEMO.facilitator);
  const jordan = await personAt(browser, DEMO.participant);
  const sam = await personAt(browser, SAM, { width: 360, height: 740 });

  await openCohortChat(jordan);
  await openCohortChat(sam);
  await expectNoSeriousA11yViolations(sam);
  await expectNoHorizontalScroll(sam);

  // Jordan writes; Sam sees it arrive without reloading, and answers with Enter.
  await jordan.getByLabel("Message", { exact: true }).fill(`Made it through the day ${tag}`);
  await jordan.getByRole("button", { name: "Send" }).click();
  const samMessages = sam.getByRole("log", { name: "Messages" });
  await expect(samMessages.getByText(`Made it through the day ${tag}`)).toBeVisible();
  await sam.getByLabel("Message", { exact: true }).fill(`Proud of you ${tag}`);
  await sam.getByLabel("Message", { exact: true }).press("Enter");
  await expect(
    jordan.getByRole("log", { name: "Messages" }).getByText(`Proud of you ${tag}`),
  ).toBeVisible();

  // Crisis language: Sam's message is still shared, Sam is offered 988 at once, and Dana,
  // on another page entirely, gets an alert without reloading.
  await dana
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Forums" })
    .click();
  await sam.getByLabel("Message", { exact: true }).fill(`Some nights I want to end my life ${tag}`);
  await sam.getByRole("button", { name: "Send" }).click();
  await expect(
    sam.getByRole("heading", { name: "You don't have to go through this alone" }),
  ).toBeVisible();
  const support = sam.getByRole("region", { name: "You don't have to go through this alone" });
  await expect(support.getByRole("link", { name: "Call 988" })).toHaveAttribute("href", "tel:988");
  await expect(support.getByRole("link", { name: "Text 988" })).toHaveAttribute("href", /^sms:988/);
  await expect(
    jordan.getByRole("log", { name: "Messages" }).getByText(`I want to end my life ${tag}`),
  ).toBeVisible();
  // Other tests may alert Dana at the same time: this one names the chat room.
  const notice = dana
    .getByRole("region", { name: "Crisis alert notices" })
    .getByRole("listitem")
    .filter({ hasText: "Evening track chat" });
  await expect(notice.getByRole("alert")).toContainText(/Crisis alert: Sam/);
  await notice.getByRole("link", { name: "Go to alerts" }).click();
  await expect(dana.getByRole("heading", { level: 1, name: "Crisis alerts" })).toBeVisible();
  const card = dana
    .getByRole("article", { name: /Sam Patel/ })
    .filter({ has: dana.getByRole("link", { name: "Evening track chat" }) });
  // The alert says where, never what was written.
  await expect(card.getByRole("link", { name: "Evening track chat" })).toBeVisible();
  await expect(card).not.toContainText("end my life");
  await expectNoSeriousA11yViolations(dana);
  await card.getByLabel(/Note \(optional\)/).fill("Called Sam; safe, plan reviewed.");
  await card.getByRole("button", { name: /Acknowledge/ }).click();
  await expect(dana.getByText(/Alert for Sam .* acknowledged\./)).toBeVisible();
  await expect(card.getByText("Open", { exact: true })).toHaveCount(0);
});

test("a participant starts a forum thread, another replies, and the reply shows for both", async ({
  browser,
}) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const jordan = await personAt(browser, DEMO.participant);
  const sam = await personAt(browser, SAM, { width: 360, height: 740 });

  await jordan
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Forums" })
    .click();
  await jordan.getByRole("link", { name: /^Evening track board/ }).click();
  await jordan.getByRole("button", { name: "New thread" }).click();
  await jordan.getByLabel("Title", { exact: true }).fill(`Grounding ideas ${tag}`);
  await jordan.getByLabel("Message", { exact: true }).fill("The **5-4-3-2-1** exercise helps me.");
  await jordan.getByRole("button", { name: "Post thread" }).click();
  await expect(
    jordan.getByRole("heading", { level: 1, name: `Grounding ideas ${tag}` }),
  ).toBeVisible();
  // Markdown is rendered, not shown raw.
  await expect(jordan.getByRole("article", { name: "Opening post" }).locator("strong")).toHaveText(
    "5-4-3-2-1",
  );

  await sam.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Forums" }).click();
  await sam.getByRole("link", { name: /^Evening track board/ }).click();
  await sam.getByRole("link", { name: `Grounding ideas ${tag}` }).click();
  await sam.getByLabel("Your reply", { exact: true }).fill(`Trying it tonight ${tag}`);
  await sam.getByRole("button", { name: "Post reply" }).click();
  await expect(sam.getByText(`Trying it tonight ${tag}`)).toBeVisible();
  await expectNoSeriousA11yViolations(sam);
  await expectNoHorizontalScroll(sam);

  await jordan.reload();
  await expect(jordan.getByText(`Trying it tonight ${tag}`)).toBeVisible();
});
