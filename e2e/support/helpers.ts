import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./environment";

export const DEMO = {
  admin: "admin@riverbend.example",
  facilitator: "dana.whitfield@riverbend.example",
  participant: "jordan.lee@riverbend.example",
  family: "pat.lee@riverbend.example",
} as const;

/** Signs in through the sign-in form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A 360-pixel phone, the narrowest screen the app is made for. */
export const PHONE = { width: 360, height: 740 } as const;

/** Signs a person in, in a browser context of their own, and waits for their home. */
export async function personAt(
  browser: Browser,
  email: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  return page;
}

/**
 * Fails with a readable list when axe finds serious or critical WCAG A/AA problems. The page is
 * judged from its top: axe's target-size rule measures what is visible now, and on a page scrolled
 * part way the sticky crisis bar lies over the navigation as it is meant to, which is no defect.
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  await page.evaluate(() => {
    (document.scrollingElement ?? document.documentElement).scrollTop = 0;
  });
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  expect(serious, serious.join("\n")).toEqual([]);
}

/** Whether the page fits the viewport's width with no sideways scrolling. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}
