import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { Api } from "../support/api";
import { test } from "../support/live";
import { groupOfOurOwn, invitationLinkFor, multiFamilyGroupNow } from "../support/families";
import {
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  signIn,
} from "../support/helpers";

const PHONE = { width: 360, height: 740 };
const FAMILY_PASSWORD = "a-family-password-for-tests";

const controls = (page: Page) => page.getByRole("group", { name: "Your controls" });
const waitingHeading = (page: Page) =>
  page.getByRole("heading", { name: "Waiting for the facilitator to let you in" });
const tiles = (page: Page) => page.locator("li[data-user-id]");

async function newPerson(
  browser: Browser,
  opened: BrowserContext[],
  viewport?: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({
    permissions: ["camera", "microphone"],
    ...(viewport ? { viewport } : {}),
  });
  opened.push(context);
  return context.newPage();
}

async function idOf(page: Page): Promise<string> {
  const res = await page.request.get("/api/auth/me");
  expect(res.status()).toBe(200);
  return ((await res.json()) as { user: { id: string } }).user.id;
}

/** From the room's pre-join screen: keeps the suggested name (the first name) and joins. */
async function joinFromPrejoin(page: Page, firstName: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: "Get ready to join" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Name others will see" })).toHaveValue(firstName);
  await page.getByRole("button", { name: "Join session" }).click();
}

test("a participant invites a family member, who accepts from the email, joins a multi-family group from the waiting room, and goes to a breakout room and back", async ({
  browser,
}) => {
  // Three browsers with cameras on a small machine: generous, but bounded.
  test.setTimeout(180_000);
  const cast = await groupOfOurOwn(browser);
  const tag = Math.random().toString(36).slice(2, 8);
  const familyEmail = `sky.${tag}@family.example`;
  const familyName = `Sky Kin${tag}`;
  const opened: BrowserContext[] = [];
  try {
    const participant = await newPerson(browser, opened);
    const facilitator = await newPerson(browser, opened);
    const family = await newPerson(browser, opened, PHONE);

    await test.step("the participant invites a family member from My family", async () => {
      await signIn(participant, cast.participant.email, cast.participant.password);
      await participant
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "My family" })
        .click();
      await expect(participant.getByRole("heading", { level: 1, name: "My family" })).toBeVisible();
      const form = participant.getByRole("region", { name: "Invite a family member" });
      await form.getByLabel("First name").fill("Sky");
      await form.getByLabel("Last name").fill(`Kin${tag}`);
      await form.getByLabel("Email", { exact: true }).fill(familyEmail);
      await form.getByLabel("Relationship").selectOption("PARENT");
      await expect(form.getByLabel("Family therapy")).toBeChecked();
      await expect(form.getByLabel("Multi-family groups")).toBeChecked();
      await expect(form.getByRole("heading", { name: "What Sky will never see" })).toBeVisible();
      await expectNoSeriousA11yViolations(participant);
      await form.getByRole("button", { name: "Send invitation" }).click();
      await expect(
        participant.getByText(`We emailed an invitation to Sky at ${familyEmail}`),
      ).toBeVisible();
      const invited = participant.getByRole("article", { name: familyName });
      await expect(invited.getByText("Invited", { exact: true })).toBeVisible();
    });

    // A multi-family group of the participant's cohort, open to join now.
    const sessionId = await multiFamilyGroupNow(facilitator.context(), cast);
    const room = `/sessions/${sessionId}/room`;

    await test.step("the family member accepts from the emailed link and sets a password", async () => {
      const link = await invitationLinkFor(familyEmail);
      await family.goto(link);
      await expect(
        family.getByRole("heading", {
          name: `${cast.participant.firstName} invited you to join their family sessions at Riverbend Behavioral Health`,
        }),
      ).toBeVisible();
      await expect(family.getByText("Parent", { exact: true })).toBeVisible();
      await expectNoSeriousA11yViolations(family);
      await expectNoHorizontalScroll(family);
      await family.getByLabel("Password", { exact: true }).fill(FAMILY_PASSWORD);
      await family.getByLabel("Type the password again").fill(FAMILY_PASSWORD);
      await family.getByRole("button", { name: "Accept invitation" }).click();
      await expect(family).toHaveURL(/\/family$/);
      await expect(family.getByRole("heading", { level: 1, name: "Welcome, Sky" })).toBeVisible();
    });

    await test.step("the family home shows whom they support and the group, with a join button", async () => {
      await expect(
        family.getByText(`You are supporting ${cast.participant.firstName} (Parent)`),
      ).toBeVisible();
      const group = family.getByRole("article", { name: "Multi-family group" });
      await expect(group.getByRole("link", { name: /^Join/ })).toBeVisible();
      // Nothing of the participant's own care: not their group's name, not their clinician.
      await expect(family.getByText(cast.cohortName)).toHaveCount(0);
      await expectNoSeriousA11yViolations(family);
      await expectNoHorizontalScroll(family);
      await group.getByRole("link", { name: /^Join/ }).click();
      await family.getByRole("link", { name: "Join the video room" }).click();
      await expect(family).toHaveURL(new RegExp(`${room}$`));
      // The room's own introduction (the page left behind may still show the same title while
      // the room's code loads on a busy machine).
      await expect(family.locator(".prejoin .room-intro__title")).toHaveText("Multi-family group");
      // The room does not say which program the participant is in, as the family home does not.
      await expect(family.getByText(cast.cohortName)).toHaveCount(0);
      await joinFromPrejoin(family, "Sky");
      await expect(waitingHeading(family)).toBeVisible();
    });

    const manage = facilitator.getByRole("complementary", { name: "Manage the room" });
    const familyId = await idOf(family);
    const participantId = await idOf(participant);
    await test.step("the facilitator lets everyone in from the waiting room", async () => {
      await participant.goto(room);
      await joinFromPrejoin(participant, cast.participant.firstName);
      await expect(waitingHeading(participant)).toBeVisible();

      await facilitator.goto(room);
      await joinFromPrejoin(facilitator, cast.facilitator.firstName);
      await expect(manage.getByRole("heading", { name: "Waiting (2)" })).toBeVisible();
      // People are shown by first name and family label.
      const familyLabel = `${cast.participant.firstName}'s family`;
      const familyRow = manage.locator(`li.roster-row[data-person-id="${familyId}"]`);
      await expect(familyRow.locator(".roster-row__name")).toHaveText("Sky");
      await expect(familyRow.locator(".roster-row__family")).toHaveText(familyLabel);
      await manage.getByRole("button", { name: "Admit all" }).click();
      await expect(controls(family)).toBeVisible();
      await expect(controls(participant)).toBeVisible();
      await expect(tiles(family)).toHaveCount(3);
      await expect(family.getByRole("heading", { level: 1 })).toHaveText("Multi-family group");
      await expect(family.locator(`li[data-user-id="${participantId}"]`)).toContainText(
        `${cast.participant.firstName} · ${familyLabel}`,
      );
    });

    await test.step("the facilitator opens a breakout room per family with a timer", async () => {
      const breakouts = manage.getByRole("region", { name: "Breakout rooms" });
      await breakouts.getByRole("button", { name: "Open breakout rooms" }).click();
      await expect(breakouts.getByLabel("One room per family")).toBeChecked();
      await breakouts.getByLabel("Minutes").fill("5");
      await breakouts.getByRole("button", { name: "Open breakout rooms" }).click();

      const where = `You are in ${cast.participant.firstName}'s family's room`;
      for (const page of [family, participant]) {
        await expect(page.getByText(where, { exact: true })).toBeVisible();
        await expect(page.getByRole("timer").filter({ hasText: "Breakout rooms:" })).toHaveText(
          /^Breakout rooms: [45]:\d\d left$/,
        );
      }
      // Each family's room is its own: the facilitator stays in the main room.
      await expect(tiles(family)).toHaveCount(2);
      await expect(family.locator(`li[data-user-id="${participantId}"]`)).toBeVisible();
      await expect(tiles(facilitator)).toHaveCount(1);
      await expect(breakouts.getByText("You are in the main room.")).toBeVisible();
      await expectNoSeriousA11yViolations(family);
    });

    await test.step("closing the breakout rooms brings everyone back to the main room", async () => {
      await manage.getByRole("button", { name: "Close breakout rooms" }).click();
      for (const page of [family, participant]) {
        await expect(
          page.getByText("The breakout rooms are closed. You are back in the main room."),
        ).toBeVisible();
        await expect(page.getByRole("timer").filter({ hasText: "Breakout rooms:" })).toHaveCount(0);
      }
      await expect(tiles(family)).toHaveCount(3);
      await expect(tiles(facilitator)).toHaveCount(3);
    });
  } finally {
    for (const context of opened) await context.close();
  }
});

test("an invitation link that cannot be used says why, and what to do next", async ({
  browser,
}) => {
  const cast = await groupOfOurOwn(browser);
  const email = `late.${Math.random().toString(36).slice(2, 8)}@family.example`;
  const context = await browser.newContext({ viewport: PHONE });
  try {
    // The participant invites someone, who accepts: the link is then used up.
    const participant = new Api(context.request);
    await participant.signIn(cast.participant.email, cast.participant.password);
    await participant.created("/api/families/invitations", {
      email,
      firstName: "Lou",
      lastName: "Kin",
      relationship: "SIBLING",
      sessionKinds: ["MULTI_FAMILY"],
    });
    const link = await invitationLinkFor(email);
    await participant.write("POST", "/api/auth/logout");
    const page = await context.newPage();
    await page.goto(link);
    await page.getByLabel("Password", { exact: true }).fill(FAMILY_PASSWORD);
    await page.getByLabel("Type the password again").fill(FAMILY_PASSWORD);
    await page.getByRole("button", { name: "Accept invitation" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Welcome, Lou" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);

    await page.goto(link);
    await expect(
      page.getByRole("heading", { name: "This invitation was already used" }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in");
    await expectNoSeriousA11yViolations(page);
    await expectNoHorizontalScroll(page);

    await page.goto(`/family/accept?token=${"x".repeat(43)}`);
    const invalid = page.getByRole("heading", { name: "This invitation link doesn't work" });
    await expect(invalid).toBeVisible();
    await expect(page.getByText(/ask the person who invited you, or their clinic/)).toBeVisible();

    await page.goto("/family/accept");
    await expect(
      page.getByRole("heading", { name: "This invitation link is incomplete" }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await expectNoHorizontalScroll(page);
  } finally {
    await context.close();
  }
});
