import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { apiError, json, stubApi } from "../test/fake-api";
import { authStateFor, participantHome, signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";

describe("authenticator app on the account page", () => {
  it("sets it up: QR code and key, a first code, then the recovery codes until Done", async () => {
    let enabled = false;
    const { requests } = stubApi({
      "GET /api/auth/mfa": () =>
        json(200, { enabled, required: false, recoveryCodesLeft: enabled ? 10 : 0 }),
      "POST /api/auth/mfa/enrolment": json(201, {
        secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
        otpauthUri: "otpauth://totp/Bridgeway:jordan?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
        qrCodeDataUrl: "data:image/svg+xml;base64,PHN2Zy8+",
      }),
      "POST /api/auth/mfa/enrolment/confirm": ({ body }) => {
        if ((body as { code: string }).code !== "123456")
          return apiError(400, "invalid_input", "That code is not right.", {
            code: "Not a valid code.",
          });
        enabled = true;
        return json(200, {
          recoveryCodes: Array.from({ length: 10 }, (_, i) => `abcde-fghj${"kmnpqrstuv"[i]}`),
          auth: authStateFor("PARTICIPANT"),
        });
      },
    });
    const { user } = renderApp("/account", { auth: signedInAs("PARTICIPANT") });
    const card = await screen.findByRole("region", { name: /Authenticator app/ });
    await user.click(
      await within(card).findByRole("button", { name: "Set up an authenticator app" }),
    );
    expect(await within(card).findByRole("img", { name: /QR code/ })).toBeTruthy();
    expect(within(card).getByText("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")).toBeTruthy();

    await user.type(within(card).getByLabelText("6-digit code from your app"), "12345");
    await user.click(within(card).getByRole("button", { name: "Confirm the code" }));
    expect(await within(card).findByText("Enter the 6 digits your app shows.")).toBeTruthy();
    const alert = within(card).getByRole("alert");
    expect(alert.textContent).toBe("Check the fields marked below.");
    await waitFor(() => expect(document.activeElement).toBe(alert));
    await user.type(within(card).getByLabelText("6-digit code from your app"), "6");
    await user.click(within(card).getByRole("button", { name: "Confirm the code" }));

    const codes = await within(card).findByRole("list", { name: "Recovery codes" });
    expect(within(codes).getAllByRole("listitem")).toHaveLength(10);
    // The short code never left the page; the whole one was sent as typed.
    expect(
      requests.filter((r) => r.pathname === "/api/auth/mfa/enrolment/confirm").map((r) => r.body),
    ).toEqual([{ code: "123456" }]);
    await user.click(within(card).getByRole("button", { name: "Done" }));
    expect(await within(card).findByText(/10 of your recovery codes are left/)).toBeTruthy();
  });

  it("asks for the password before turning it off, then turns it off", async () => {
    let confirmed = false;
    const { requests } = stubApi({
      "GET /api/auth/mfa": json(200, { enabled: true, required: false, recoveryCodesLeft: 8 }),
      "GET /api/auth/reauthentication": json(200, { fresh: false, canUseCode: true }),
      "POST /api/auth/reauthenticate": ({ body }) => {
        if ((body as { password?: string }).password !== "my-own-password")
          return apiError(400, "invalid_input", "That is not your password.", {
            password: "Not your password.",
          });
        confirmed = true;
        return { status: 204 };
      },
      "POST /api/auth/mfa/disable": () =>
        confirmed
          ? json(200, { enabled: false, required: false, recoveryCodesLeft: 0 })
          : apiError(403, "reauthentication_required", "Confirm it is you."),
    });
    const { user } = renderApp("/account", { auth: signedInAs("PARTICIPANT") });
    await user.click(await screen.findByRole("button", { name: "Turn off the authenticator app" }));

    const dialog = await screen.findByRole("dialog", { name: "Confirm it is you" });
    await user.type(within(dialog).getByLabelText("Your password"), "wrong-password");
    await user.click(within(dialog).getByRole("button", { name: "Confirm" }));
    expect(await within(dialog).findByText("Not your password.")).toBeTruthy();
    await user.clear(within(dialog).getByLabelText("Your password"));
    await user.type(within(dialog).getByLabelText("Your password"), "my-own-password");
    await user.click(within(dialog).getByRole("button", { name: "Confirm" }));

    expect(await screen.findByText(/Your authenticator app is turned off/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(requests.filter((r) => r.pathname === "/api/auth/mfa/disable")).toHaveLength(2);
  });

  it("keeps it on when the clinic requires it for the role", async () => {
    stubApi({
      "GET /api/auth/mfa": json(200, { enabled: true, required: true, recoveryCodesLeft: 10 }),
    });
    renderApp("/account", { auth: signedInAs("FACILITATOR") });
    expect(await screen.findByText(/Your clinic requires it for your role/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Turn off the authenticator app" })).toBeNull();
  });
});

describe("the sign-in code step", () => {
  const pending = {
    status: "mfa-pending",
    pending: { mfaPending: "code", csrfToken: "pending-token" },
  } as const;

  it("marks a code that is neither an app code nor a recovery code, then sends one that is", async () => {
    const { requests } = stubApi({
      "POST /api/auth/mfa/verify": json(200, authStateFor("PARTICIPANT")),
      "GET /api/home": json(200, participantHome),
    });
    const { user, location } = renderApp("/sign-in", { auth: pending });
    const code = await screen.findByLabelText("Code from your authenticator app");

    await user.type(code, "12 34");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    const message = await screen.findByText(
      "Enter the 6 digits your app shows, or a recovery code.",
    );
    expect(message.id).toBe(code.getAttribute("aria-describedby")?.split(" ").at(-1));
    expect(code.getAttribute("aria-invalid")).toBe("true");
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toBe("Check the fields marked below.");
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(requests.some((r) => r.pathname === "/api/auth/mfa/verify")).toBe(false);

    await user.type(code, " 56");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(location()).toBe("/participant"));
    expect(
      requests.filter((r) => r.pathname === "/api/auth/mfa/verify").map((r) => r.body),
    ).toEqual([{ code: "12 34 56" }]);
  });
});
