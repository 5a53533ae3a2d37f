import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, json, stubApi, type FakeResponse } from "../test/fake-api";
import { authStateFor, participantHome } from "../test/fixtures";
import { renderApp } from "../test/render-app";

const signedOut = { status: "signed-out", reason: "none" } as const;

async function fillAndSubmit(
  user: ReturnType<typeof renderApp>["user"],
  email = "jordan.lee@riverbend.example",
  password = "bridgeway-demo",
) {
  if (email) await user.type(screen.getByLabelText("Email"), email);
  if (password) await user.type(screen.getByLabelText("Password"), password);
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("sign-in page", () => {
  it("shows the server's field errors next to their fields after a 400", async () => {
    stubApi({
      "POST /api/auth/login": apiError(400, "invalid_input", "Check email.", {
        email: "Email is too long.",
      }),
    });
    const { user } = renderApp("/sign-in", { auth: signedOut });
    await fillAndSubmit(user);

    const email = await screen.findByLabelText("Email");
    await waitFor(() => expect(email.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText("Email is too long.").id).toBe(email.getAttribute("aria-describedby"));
    expect(screen.getByRole("alert").textContent).toBe("Check the fields marked below.");
    await waitFor(() => expect(document.activeElement).toBe(email));
  });

  it("says the email and password don't match an account after a 401", async () => {
    stubApi({
      "POST /api/auth/login": apiError(401, "invalid_credentials", "No match."),
    });
    const { user, location } = renderApp("/sign-in", { auth: signedOut });
    await fillAndSubmit(user);

    expect((await screen.findByRole("alert")).textContent).toBe(
      "That email and password don't match an account. Check them and try again.",
    );
    expect(location()).toBe("/sign-in");
  });

  it("asks the person to wait when sign-in is rate limited", async () => {
    stubApi({
      "POST /api/auth/login": {
        ...apiError(429, "rate_limited", "Too many sign-in attempts."),
        headers: { "retry-after": "540" },
      },
    });
    const { user } = renderApp("/sign-in", { auth: signedOut });
    await fillAndSubmit(user);

    expect((await screen.findByRole("alert")).textContent).toMatch(
      /Too many sign-in attempts.*Wait about 9 minutes, then try again\./,
    );
  });

  it("says Bridgeway can't be reached when the connection fails", async () => {
    stubApi({
      "POST /api/auth/login": () => Promise.reject(new TypeError("Failed to fetch")),
    });
    const { user } = renderApp("/sign-in", { auth: signedOut });
    await fillAndSubmit(user);

    expect((await screen.findByRole("alert")).textContent).toBe(
      "Can't reach Bridgeway. Check your connection and try again.",
    );
  });

  it("points out empty fields without asking the server", async () => {
    const { requests } = stubApi({});
    const { user } = renderApp("/sign-in", { auth: signedOut });
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(screen.getByText("Email is required.")).toBeTruthy();
    expect(screen.getByText("Password is required.")).toBeTruthy();
    expect(requests.filter((r) => r.pathname === "/api/auth/login")).toHaveLength(0);
  });

  it("disables the button and shows progress while signing in", async () => {
    let answer: (response: FakeResponse) => void = () => undefined;
    stubApi({
      "POST /api/auth/login": () => new Promise<FakeResponse>((resolve) => (answer = resolve)),
      "GET /api/home": json(200, participantHome),
    });
    const { user, location } = renderApp("/sign-in", { auth: signedOut });
    await fillAndSubmit(user);

    const button = await screen.findByRole("button", { name: "Signing in…" });
    expect(button).toHaveProperty("disabled", true);

    answer(json(200, authStateFor("PARTICIPANT")));
    await waitFor(() => expect(location()).toBe("/participant"));
    expect(await screen.findByRole("heading", { level: 1, name: "Welcome, Jordan" })).toBeTruthy();
  });

  it("sends each role to its own home after signing in", async () => {
    stubApi({
      "POST /api/auth/login": json(200, authStateFor("FACILITATOR")),
      "GET /api/home": json(200, { role: "FACILITATOR", license: null, cohorts: [] }),
    });
    const { user, location } = renderApp("/sign-in", { auth: signedOut });
    await fillAndSubmit(user, "dana.whitfield@riverbend.example");

    await waitFor(() => expect(location()).toBe("/facilitator"));
  });

  it("asks for the authenticator code after the password, and signs in only with it", async () => {
    const { requests } = stubApi({
      "POST /api/auth/login": json(200, { mfaPending: "code", csrfToken: "pending-token" }),
      "POST /api/auth/mfa/verify": ({ body }) =>
        (body as { code: string }).code === "123456"
          ? json(200, authStateFor("PARTICIPANT"))
          : apiError(400, "invalid_input", "That code is not right.", {
              code: "Not a valid code.",
            }),
      "GET /api/home": json(200, participantHome),
    });
    const { user, location } = renderApp("/sign-in", { auth: signedOut });
    await fillAndSubmit(user);

    expect(await screen.findByRole("heading", { level: 1, name: "Enter your sign-in code" }));
    const code = screen.getByLabelText("Code from your authenticator app");
    await user.type(code, "654321");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByText("Not a valid code.")).toBeTruthy();
    expect(location()).toBe("/sign-in");

    await user.type(screen.getByLabelText("Code from your authenticator app"), "123456");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(location()).toBe("/participant"));
    const verify = requests.filter((r) => r.pathname === "/api/auth/mfa/verify");
    expect(verify.map((r) => r.headers["x-csrf-token"])).toEqual([
      "pending-token",
      "pending-token",
    ]);
  });

  it("says the demo clinic's accounts sign in without an authenticator app when it is loaded", async () => {
    stubApi({ "GET /api/auth/sign-in-options": json(200, { demoClinicWithoutMfa: true }) });
    renderApp("/sign-in", { auth: signedOut });
    expect(
      await screen.findByText(/Demo clinic: its accounts sign in with a password alone/),
    ).toBeTruthy();
  });

  it("explains a sign-out after 30 minutes without activity", () => {
    stubApi({});
    renderApp("/sign-in", { auth: { status: "signed-out", reason: "idle" } });

    expect(screen.getByRole("status").textContent).toBe(
      "You were signed out after 30 minutes without activity, to protect your privacy.",
    );
  });

  it("labels its fields and tells password managers what they hold", () => {
    stubApi({});
    renderApp("/sign-in", { auth: signedOut });

    expect(screen.getByLabelText("Email").getAttribute("autocomplete")).toBe("username");
    expect(screen.getByLabelText("Password").getAttribute("autocomplete")).toBe("current-password");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Sign in to Bridgeway");
  });
});
