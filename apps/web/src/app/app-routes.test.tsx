import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, json, stubApi } from "../test/fake-api";
import { authStateFor, participantHome } from "../test/fixtures";
import { renderApp } from "../test/render-app";

describe("routes", () => {
  it("sends someone who is not signed in from a role home to sign-in", async () => {
    stubApi({ "GET /api/auth/me": apiError(401, "unauthenticated", "Sign in to continue.") });
    const { location } = renderApp("/participant");

    await waitFor(() => expect(location()).toBe("/sign-in"));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Sign in to Bridgeway");
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("sends a participant who opens the admin home to their own home", async () => {
    stubApi({
      "GET /api/auth/me": json(200, authStateFor("PARTICIPANT")),
      "GET /api/home": json(200, participantHome),
    });
    const { location } = renderApp("/admin");

    await waitFor(() => expect(location()).toBe("/participant"));
    expect(await screen.findByRole("heading", { level: 1, name: "Welcome, Jordan" })).toBeTruthy();
  });

  it("sends a signed-in person from sign-in and from / to their home", async () => {
    stubApi({
      "GET /api/auth/me": json(200, authStateFor("PARTICIPANT")),
      "GET /api/home": json(200, participantHome),
    });
    const { location } = renderApp("/");
    await waitFor(() => expect(location()).toBe("/participant"));
  });

  it("answers an unknown address with a not-found page that links to sign-in", async () => {
    stubApi({ "GET /api/auth/me": apiError(401, "unauthenticated", "Sign in to continue.") });
    renderApp("/does/not/exist");

    expect(await screen.findByRole("heading", { level: 1, name: "Page not found" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Go to sign in" }).getAttribute("href")).toBe(
      "/sign-in",
    );
  });

  it("says so, with a retry, when Bridgeway cannot be reached at start", async () => {
    let calls = 0;
    stubApi({
      "GET /api/auth/me": () => {
        calls += 1;
        return calls === 1
          ? Promise.reject(new TypeError("Failed to fetch"))
          : json(200, authStateFor("PARTICIPANT"));
      },
      "GET /api/home": json(200, participantHome),
    });
    const { user, location } = renderApp("/participant");

    expect((await screen.findByRole("alert")).textContent).toContain(
      "Can't reach Bridgeway. Check your connection and try again.",
    );
    await user.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(location()).toBe("/participant"));
    expect(await screen.findByRole("heading", { level: 1, name: "Welcome, Jordan" })).toBeTruthy();
  });
});
