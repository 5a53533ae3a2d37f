import { expect, test, type Page } from "@playwright/test";
import {
  DEMO,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  signIn,
} from "../support/helpers";

type RoleCase = {
  role: string;
  email: string;
  home: RegExp;
  heading: RegExp;
  /** Something only this role's home shows, read from the seeded demo clinic. */
  shows: (page: Page) => Promise<void>;
};

const ROLES: RoleCase[] = [
  {
    role: "clinic admin",
    email: DEMO.admin,
    home: /\/admin$/,
    heading: /Riverbend Behavioral Health/,
    shows: async (page) => {
      await expect(page.getByRole("rowheader", { name: "Evening track" })).toBeVisible();
      await expect(page.getByText("Marcus Reyes")).toBeVisible();
    },
  },
  {
    role: "facilitator",
    email: DEMO.facilitator,
    home: /\/facilitator$/,
    heading: /Welcome, Dana/,
    shows: async (page) => {
      await expect(page.getByRole("rowheader", { name: "Jordan Lee" })).toBeVisible();
      await expect(page.getByText("LCSW").first()).toBeVisible();
    },
  },
  {
    role: "participant",
    email: DEMO.participant,
    home: /\/participant$/,
    heading: /Welcome, Jordan/,
    shows: async (page) => {
      await expect(page.getByText("Evening track").first()).toBeVisible();
      const crisis = page.getByRole("complementary", { name: "Crisis support" });
      await expect(crisis.getByRole("link", { name: "Call 988" })).toHaveAttribute(
        "href",
        "tel:988",
      );
      await expect(crisis.getByRole("link", { name: "Text 988" })).toHaveAttribute(
        "href",
        "sms:988",
      );
    },
  },
  {
    role: "family member",
    email: DEMO.family,
    home: /\/family$/,
    heading: /Welcome, Pat/,
    shows: async (page) => {
      await expect(page.getByText("Jordan").first()).toBeVisible();
      // Nothing of Jordan's care: no cohort, schedule or clinicians.
      await expect(page.getByText("Evening track")).toHaveCount(0);
      await expect(page.getByText("Whitfield")).toHaveCount(0);
      // Support for the family member themselves, 988 first.
      await expect(
        page
          .getByRole("region", { name: "Support for you" })
          .getByRole("link", { name: /^Call 988/ }),
      ).toHaveAttribute("href", "tel:988");
    },
  },
];

for (const { role, email, home, heading, shows } of ROLES) {
  test(`a ${role} signs in, lands on their home, and signs out`, async ({ page }) => {
    await signIn(page, email);
    await expect(page).toHaveURL(home);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await shows(page);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByText("You have signed out.")).toBeVisible();
    // The session ended on the server: going back does not get in.
    await page.goto(home.source.replace(/\\|\$/g, ""));
    await expect(page).toHaveURL(/\/sign-in$/);
    expect((await page.request.get("/api/auth/me")).status()).toBe(401);
  });

  test(`a ${role}'s home fits a 360-pixel phone`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, email);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await shows(page);
    await expectNoHorizontalScroll(page);
  });
}

test("a participant who opens the admin home is sent to their own", async ({ page }) => {
  await signIn(page, DEMO.participant);
  await expect(page).toHaveURL(/\/participant$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/participant$/);
  expect((await page.request.get("/api/audit-events")).status()).toBe(404);
});

test("the participant's crisis line stays one tap away while scrolling on a phone", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await signIn(page, DEMO.participant);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.mouse.wheel(0, 2000);
  await expect(page.getByRole("link", { name: "Call 988" }).first()).toBeInViewport();
});
