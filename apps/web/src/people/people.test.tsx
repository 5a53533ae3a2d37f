import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { apiError, json, stubApi } from "../test/fake-api";
import { signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { facilitators, IDS, participants } from "../test/schedule-fixtures";

describe("facilitators page", () => {
  it("lists licenses with how soon each expires, or that it has", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-20T15:00:00Z"));
    stubApi({ "GET /api/facilitators": json(200, { facilitators }) });
    renderApp("/facilitators", { auth: signedInAs("ADMIN") });

    const table = await screen.findByRole("table", { name: "Facilitators and their licenses" });
    const marcus = within(table).getByRole("rowheader", { name: "Marcus Reyes" }).closest("tr");
    expect(within(marcus ?? table).getByText("Expired").className).toContain("badge--danger");
    const dana = within(table).getByRole("rowheader", { name: "Dana Whitfield" }).closest("tr");
    expect(dana?.textContent).toContain("Licensed Clinical Social Worker (LCSW)");
    expect(dana?.textContent).toContain("Expires in 192 days");
  });

  it("lets facilitators read the list but not change it", async () => {
    stubApi({ "GET /api/facilitators": json(200, { facilitators }) });
    renderApp("/facilitators", { auth: signedInAs("FACILITATOR") });

    await screen.findByRole("table", { name: "Facilitators and their licenses" });
    expect(screen.queryByRole("button", { name: /Edit license/ })).toBeNull();
    expect(screen.queryByRole("button", { name: "Add facilitator" })).toBeNull();
  });

  it("saves only the license fields that changed", async () => {
    const { requests } = stubApi({
      "GET /api/facilitators": json(200, { facilitators }),
      [`PATCH /api/facilitators/${IDS.marcus}`]: json(200, {
        ...facilitators[1],
        licenseExpiresOn: "2028-12-15",
      }),
    });
    const { user } = renderApp("/facilitators", { auth: signedInAs("ADMIN") });
    await user.click(await screen.findByRole("button", { name: "Edit license of Marcus Reyes" }));
    const form = screen.getByRole("region", { name: "Edit license: Marcus Reyes" });
    const expiry = within(form).getByLabelText("License expires on");
    await user.clear(expiry);
    await user.type(expiry, "2028-12-15");
    await user.click(within(form).getByRole("button", { name: "Save license" }));

    expect(await screen.findByText(/Marcus Reyes's license is saved/)).toBeTruthy();
    expect(requests.find((r) => r.method === "PATCH")?.body).toEqual({
      licenseExpiresOn: "2028-12-15",
    });
  });

  it("offers reactivation for a deactivated clinician", async () => {
    const { requests } = stubApi({
      "GET /api/facilitators": json(200, {
        facilitators: [{ ...facilitators[1], status: "deactivated" }],
      }),
      [`POST /api/accounts/${IDS.marcus}/reactivate`]: json(200, {
        userId: IDS.marcus,
        status: "active",
      }),
    });
    const { user } = renderApp("/facilitators", { auth: signedInAs("ADMIN") });
    const table = await screen.findByRole("table", { name: "Facilitators and their licenses" });
    expect(within(table).getByText("Deactivated")).toBeTruthy();
    expect(within(table).queryByRole("button", { name: /^Deactivate/ })).toBeNull();
    await user.click(within(table).getByRole("button", { name: "Reactivate for Marcus Reyes" }));
    expect(await screen.findByText(/Marcus Reyes's account is active again/)).toBeTruthy();
    expect(requests.some((r) => r.path === `/api/accounts/${IDS.marcus}/reactivate`)).toBe(true);
  });

  it("warns when a new facilitator's license has already expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-20T15:00:00Z"));
    stubApi({ "GET /api/facilitators": json(200, { facilitators }) });
    const { user } = renderApp("/facilitators", { auth: signedInAs("ADMIN") });
    const form = await screen.findByRole("region", { name: "Add facilitator" });
    const expiry = within(form).getByLabelText("License expires on");
    await user.type(expiry, "2026-12-01");

    const describedBy = expiry.getAttribute("aria-describedby") ?? "";
    const description = describedBy
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");
    expect(description).toContain("This license expired on December 1, 2026.");
    await user.clear(expiry);
    await user.type(expiry, "2028-01-31");
    expect(within(form).queryByText(/This license expired/)).toBeNull();
  });

  it("shows the server's field errors on the add form", async () => {
    stubApi({
      "GET /api/facilitators": json(200, { facilitators }),
      "POST /api/facilitators": apiError(400, "invalid_input", "Check.", {
        email: "Someone already uses this email.",
      }),
    });
    const { user } = renderApp("/facilitators", { auth: signedInAs("ADMIN") });
    const form = await screen.findByRole("region", { name: "Add facilitator" });
    await user.type(within(form).getByLabelText("First name"), "Riley");
    await user.type(within(form).getByLabelText("Last name"), "Chen");
    await user.type(within(form).getByLabelText("Email"), "dana@riverbend.example");
    await user.selectOptions(within(form).getByLabelText("Credential"), "LMFT");
    await user.selectOptions(within(form).getByLabelText("License state"), "NY");
    await user.type(within(form).getByLabelText("License expires on"), "2028-01-31");
    await user.click(within(form).getByRole("button", { name: "Add facilitator" }));

    await waitFor(() =>
      expect(within(form).getByText("Someone already uses this email.")).toBeTruthy(),
    );
    expect(within(form).getByLabelText("Email").getAttribute("aria-invalid")).toBe("true");
  });
});

describe("participants page", () => {
  it("lists participants with their zone and current cohort", async () => {
    stubApi({ "GET /api/participants": json(200, { participants }) });
    renderApp("/participants", { auth: signedInAs("ADMIN") });

    const table = await screen.findByRole("table", { name: "Participants in the clinic" });
    const jordan = within(table).getByRole("rowheader", { name: "Jordan Lee" }).closest("tr");
    expect(jordan?.textContent).toContain("Eastern Time");
    expect(within(jordan ?? table).getByRole("link", { name: "Evening track" })).toBeTruthy();
    const sam = within(table).getByRole("rowheader", { name: "Sam Ortiz" }).closest("tr");
    expect(sam?.textContent).toContain("Central Time");
    expect(sam?.textContent).toContain("Not enrolled");
  });

  it("adds a participant in a time zone typed by name", async () => {
    const { requests } = stubApi({
      "GET /api/participants": json(200, { participants }),
      "POST /api/participants": json(201, {
        id: "00000000-0000-4000-8000-000000000009",
        displayName: "Alex Kim",
        email: "alex@example.org",
        timeZone: "Europe/London",
        activeCohort: null,
        status: "invited",
      }),
    });
    const { user } = renderApp("/participants", { auth: signedInAs("ADMIN") });
    const form = await screen.findByRole("region", { name: "Add participant" });
    await user.type(within(form).getByLabelText("First name"), "Alex");
    await user.type(within(form).getByLabelText("Last name"), "Kim");
    await user.type(within(form).getByLabelText("Email"), "alex@example.org");
    await user.selectOptions(within(form).getByLabelText("Their time zone"), "other");
    const zone = within(form).getByLabelText("IANA time zone name");
    await user.clear(zone);
    await user.type(zone, "Europe/London");
    await user.click(within(form).getByRole("button", { name: "Add participant" }));

    expect(await screen.findByText(/Alex Kim is added/)).toBeTruthy();
    expect(screen.getByText(/Invitation sent to alex@example.org/)).toBeTruthy();
    expect(requests.find((r) => r.method === "POST")?.body).toEqual({
      email: "alex@example.org",
      firstName: "Alex",
      lastName: "Kim",
      timeZone: "Europe/London",
    });
  });

  it("has no password field: new people choose their own from an emailed link", async () => {
    stubApi({ "GET /api/participants": json(200, { participants }) });
    renderApp("/participants", { auth: signedInAs("ADMIN") });
    const form = await screen.findByRole("region", { name: "Add participant" });
    expect(within(form).queryByLabelText(/password/i)).toBeNull();
    expect(within(form).getByText(/email them a link to choose their own password/)).toBeTruthy();
  });

  it("shows each account's standing and deactivates one after a confirmation", async () => {
    const { requests } = stubApi({
      "GET /api/participants": json(200, { participants }),
      [`POST /api/accounts/${IDS.jordan}/deactivate`]: json(200, {
        userId: IDS.jordan,
        status: "deactivated",
      }),
    });
    const { user } = renderApp("/participants", { auth: signedInAs("ADMIN") });
    const table = await screen.findByRole("table", { name: "Participants in the clinic" });
    const sam = within(table).getByRole("rowheader", { name: "Sam Ortiz" }).closest("tr");
    expect(sam?.textContent).toContain("Invitation sent");
    expect(
      within(sam ?? table).getByRole("button", { name: "Resend invitation for Sam Ortiz" }),
    ).toBeTruthy();

    await user.click(within(table).getByRole("button", { name: "Deactivate for Jordan Lee" }));
    const dialog = await screen.findByRole("dialog", { name: "Deactivate Jordan Lee's account?" });
    expect(requests.some((r) => r.method === "POST")).toBe(false);
    await user.click(within(dialog).getByRole("button", { name: "Deactivate" }));

    expect(await screen.findByText(/Jordan Lee's account is deactivated/)).toBeTruthy();
    expect(requests.filter((r) => r.method === "POST").map((r) => r.path)).toEqual([
      `/api/accounts/${IDS.jordan}/deactivate`,
    ]);
  });
});
