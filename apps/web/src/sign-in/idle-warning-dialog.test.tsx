import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { json, stubApi } from "../test/fake-api";
import { authStateFor, facilitatorHome } from "../test/fixtures";
import { renderApp } from "../test/render-app";

describe("idle warning dialog", () => {
  it("counts down to the sign-out and lets the person stay signed in", async () => {
    const { requests } = stubApi({
      "POST /api/auth/keepalive": () => json(200, authStateFor("FACILITATOR")),
    });
    const { user } = renderApp("/a-page-with-no-requests", {
      auth: { status: "signed-in", auth: authStateFor("FACILITATOR", { idleInMs: 90_000 }) },
    });

    const dialog = await screen.findByRole("dialog", { name: "Are you still there?" });
    const countdown = () =>
      /you will be signed out in (\d:\d\d)\./.exec(dialog.textContent)?.[1] ?? "none";
    expect(dialog.textContent).toMatch(
      /^Are you still there\?For your privacy, you will be signed out in 1:[23]\d\./,
    );
    const first = countdown();
    await waitFor(() => expect(countdown()).not.toBe(first), { timeout: 2500 });
    await waitFor(() =>
      expect(dialog.querySelector("[aria-live='polite']")?.textContent).toBe(
        "For your privacy, you will be signed out in 2 minutes unless you choose to stay signed in.",
      ),
    );

    await user.click(within(dialog).getByRole("button", { name: "Stay signed in" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const keepalive = requests.find((r) => r.path === "/api/auth/keepalive");
    expect(keepalive?.headers["x-csrf-token"]).toBe("csrf-facilitator");
  });

  it("offers only sign-out when the 12-hour limit is near", async () => {
    stubApi({ "POST /api/auth/logout": { status: 204 } });
    const { user, location } = renderApp("/a-page-with-no-requests", {
      auth: {
        status: "signed-in",
        auth: authStateFor("FACILITATOR", { absoluteInMs: 60_000 }),
      },
    });

    const dialog = await screen.findByRole("dialog", { name: "Your session is ending" });
    expect(dialog.textContent).toContain("Your session reaches its 12-hour limit");
    expect(within(dialog).queryByRole("button", { name: "Stay signed in" })).toBeNull();

    await user.click(within(dialog).getByRole("button", { name: "Sign out now" }));
    await waitFor(() => expect(location()).toBe("/sign-in"));
  });
});

it("stays open while the page only refreshes what it shows, and closes when a write shows activity", async () => {
  stubApi({
    "GET /api/home": json(200, facilitatorHome),
    "POST /api/things": json(200, {}),
  });
  const { services } = renderApp("/facilitator", {
    auth: { status: "signed-in", auth: authStateFor("FACILITATOR", { idleInMs: 90_000 }) },
  });

  // The home loading by itself is not the person being there: the warning stays.
  await screen.findByRole("heading", { name: "Evening track" });
  expect(screen.getByRole("dialog", { name: "Are you still there?" })).toBeTruthy();

  // A write made elsewhere on the page is activity: the server moved the idle deadline.
  await services.api.write("POST", "/api/things", {}, z.object({}));
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
});

it("keeps 988 one tap away for participants while the modal warning covers the page", async () => {
  stubApi({});
  renderApp("/a-page-with-no-requests", {
    auth: { status: "signed-in", auth: authStateFor("PARTICIPANT", { idleInMs: 90_000 }) },
  });

  const dialog = await screen.findByRole("dialog", { name: "Are you still there?" });
  expect(within(dialog).getByRole("link", { name: "Call 988" }).getAttribute("href")).toBe(
    "tel:988",
  );
  expect(within(dialog).getByRole("link", { name: "text 988" }).getAttribute("href")).toBe(
    "sms:988",
  );
});
