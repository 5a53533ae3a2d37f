import { expect, test, type Page } from "@playwright/test";
import {
  DEMO,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  personAt,
} from "../support/helpers";

const SAM = "sam.patel@riverbend.example";

async function openForums(page: Page) {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Forums" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Forums" })).toBeVisible();
}

test("an author edits and deletes their posts, another participant reports one, and a facilitator hides it from the reports list", async ({
  browser,
}) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const jordan = await personAt(browser, DEMO.participant);
  const sam = await personAt(browser, SAM, { width: 360, height: 740 });
  const dana = await personAt(browser, DEMO.facilitator);

  // Jordan starts a thread and replies to it.
  await openForums(jordan);
  await jordan.getByRole("link", { name: /^Evening track board/ }).click();
  await jordan.getByRole("button", { name: "New thread" }).click();
  await jordan.getByLabel("Title", { exact: true }).fill(`Weekend plans ${tag}`);
  await jordan.getByLabel("Message", { exact: true }).fill(`First **draft** ${tag}`);
  await jordan.getByRole("button", { name: "Post thread" }).click();
  const opening = jordan.getByRole("article", { name: "Opening post" });
  await expect(opening.getByText(`First draft ${tag}`)).toBeVisible();
  await jordan.getByLabel("Your reply", { exact: true }).fill(`Words I regret ${tag}`);
  await jordan.getByRole("button", { name: "Post reply" }).click();
  const jordansReply = jordan.getByRole("listitem").filter({ hasText: `Words I regret ${tag}` });
  await expect(jordansReply).toBeVisible();

  // Sam follows the thread on a phone.
  await openForums(sam);
  await sam.getByRole("link", { name: /^Evening track board/ }).click();
  await sam.getByRole("link", { name: `Weekend plans ${tag}` }).click();
  await expect(sam.getByText(`Words I regret ${tag}`)).toBeVisible();
  // Nobody else's post offers Edit or Delete to Sam.
  await expect(sam.getByRole("button", { name: /^Edit / })).toHaveCount(0);

  // Jordan edits the opening post in place, from its own markdown, by keyboard.
  const editThread = opening.getByRole("button", { name: /^Edit thread by/ });
  await editThread.focus();
  await jordan.keyboard.press("Enter");
  const editor = jordan.getByRole("form", { name: "Edit your thread" });
  const message = editor.getByLabel("Message", { exact: true });
  await expect(message).toBeFocused();
  await expect(message).toHaveValue(`First **draft** ${tag}`);
  await message.fill("");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor.getByText("Write something.")).toBeVisible();
  await expectNoSeriousA11yViolations(jordan);
  await message.fill(`Second **draft** ${tag}`);
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(opening.getByText(`Second draft ${tag}`)).toBeVisible();
  await expect(opening.getByText("(edited)")).toBeVisible();
  await expect(editThread).toBeFocused();
  // Sam sees the edit arrive without reloading.
  await expect(sam.getByText(`Second draft ${tag}`)).toBeVisible();

  // Escape closes an editor without saving.
  await jordansReply.getByRole("button", { name: /^Edit reply by/ }).click();
  const replyEditor = jordan.getByRole("form", { name: "Edit your reply" });
  await replyEditor.getByLabel("Reply text").fill("never saved");
  await jordan.keyboard.press("Escape");
  await expect(replyEditor).toHaveCount(0);
  await expect(jordansReply.getByText(`Words I regret ${tag}`)).toBeVisible();

  // Jordan deletes the reply after confirming; Sam sees it go live.
  await jordansReply.getByRole("button", { name: /^Delete reply by/ }).click();
  const confirm = jordan.getByRole("dialog", { name: "Delete your reply?" });
  await expect(confirm).toBeVisible();
  await expectNoSeriousA11yViolations(jordan);
  await confirm.getByRole("button", { name: "Delete reply" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(jordan.getByText("This post was deleted")).toBeVisible();
  await expect(sam.getByText("This post was deleted")).toBeVisible();
  await expect(sam.getByText(`Words I regret ${tag}`)).toHaveCount(0);

  // Sam reports the opening post with a reason; a second report is not offered.
  const samsOpening = sam.getByRole("article", { name: "Opening post" });
  await samsOpening.getByRole("button", { name: /^Report thread by/ }).click();
  const report = sam.getByRole("dialog", { name: "Report this thread?" });
  await report.getByLabel("Reason (optional)").fill(`Feels unkind ${tag}`);
  await expectNoSeriousA11yViolations(sam);
  await report.getByRole("button", { name: "Send report" }).click();
  await expect(sam.getByText("Thank you. The moderators will look at this post.")).toBeVisible();
  await expect(samsOpening.getByText("You reported this")).toBeVisible();
  await expect(samsOpening.getByRole("button", { name: /^Report/ })).toHaveCount(0);
  await expectNoHorizontalScroll(sam);

  // Dana sees the report with the post, who reported it, why and when, and hides the post.
  await openForums(dana);
  const reports = dana.getByRole("region", { name: "Reports to review" });
  const item = reports.getByRole("article").filter({ hasText: `Feels unkind ${tag}` });
  await expect(item.getByRole("link", { name: `Weekend plans ${tag}` })).toBeVisible();
  await expect(item.getByText(`Second draft ${tag}`)).toBeVisible();
  await expect(item.getByText(/Sam/)).toBeVisible();
  await expect(item.locator("time")).toBeVisible();
  await expectNoSeriousA11yViolations(dana);
  await item.getByRole("button", { name: "Hide post" }).click();
  await expect(reports.getByText("The post is hidden from the board's members")).toBeVisible();
  await expect(item).toHaveCount(0);

  // Sam's page shows it hidden without reloading; Dana still reads it, marked hidden.
  await expect(samsOpening.getByText("Hidden by a moderator")).toBeVisible();
  await expect(sam.getByText(`Second draft ${tag}`)).toHaveCount(0);
  await dana.goto(jordan.url());
  const danasOpening = dana.getByRole("article", { name: "Opening post" });
  await expect(danasOpening.getByText("Hidden by a moderator")).toBeVisible();
  await expect(danasOpening.getByText(`Second draft ${tag}`)).toBeVisible();
  await expect(danasOpening.getByRole("button", { name: /^Show thread by/ })).toBeVisible();
  await expectNoSeriousA11yViolations(dana);
});
