import { expect, test } from "@playwright/test";
import {
  DEMO,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  signIn,
} from "../support/helpers";

test("the app installs: a manifest with icons, and a service worker whose cache never holds API answers, opening offline", async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, DEMO.participant);
  await expect(page).toHaveURL(/\/participant$/);

  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  const manifest = await page.request.get(href ?? "");
  expect(manifest.headers()["content-type"]).toMatch(/application\/manifest\+json/);
  const body = (await manifest.json()) as {
    display: string;
    start_url: string;
    icons: { src: string; sizes: string; purpose: string }[];
  };
  expect(body).toMatchObject({ display: "standalone", start_url: "/" });
  expect(body.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
    "192x192 any",
    "512x512 any",
    "512x512 maskable",
  ]);
  for (const icon of body.icons) {
    const res = await page.request.get(icon.src);
    expect(res.headers()["content-type"]).toBe("image/png");
  }

  // The worker installs (its shell precached) and takes control of the page.
  const scope = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.scope;
  });
  expect(new URL(scope).pathname).toBe("/");
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);

  // Signed-in pages have made API calls through the worker: none of them is in its cache.
  await page.goto("/account");
  await expect(page.getByRole("region", { name: "Notifications on this device" })).toBeVisible();
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  expect(cached).toContain("/index.html");
  expect(cached.filter((path) => path.startsWith("/api") || path.startsWith("/socket.io"))).toEqual(
    [],
  );

  // The notifications switch: off until the person turns it on, and the page passes axe.
  await expect(page.getByRole("switch", { name: "Notifications on this device" })).toHaveAttribute(
    "aria-checked",
    "false",
  );
  await expectNoSeriousA11yViolations(page);
  await expectNoHorizontalScroll(page);

  // Offline, the shell still opens; API requests fail rather than answer from a cache.
  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page).toHaveTitle("Bridgeway");
    await expect(page.locator("#root")).not.toBeEmpty();
    const api = await page.evaluate(() =>
      fetch("/api/auth/me").then(
        (res) => `status ${res.status}`,
        () => "network error",
      ),
    );
    expect(api).toBe("network error");
  } finally {
    await context.setOffline(false);
  }
});
