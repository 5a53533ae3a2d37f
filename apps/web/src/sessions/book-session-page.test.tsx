import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { apiError, json, stubApi } from "../test/fake-api";
import { familyMember as member, PAT_USER_ID as PAT, signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { facilitators, IDS, participants, sessionSummary } from "../test/schedule-fixtures";
import { description } from "../test/described-by";

const KIM = "00000000-0000-4000-8000-0000000000f2";

const routes = {
  "GET /api/participants": json(200, { participants }),
  "GET /api/facilitators": json(200, { facilitators }),
  "GET /api/families": json(200, {
    members: [
      member({}),
      member({ userId: KIM, firstName: "Kim", relationship: "SIBLING" }),
      // Not offered: consent covers only multi-family groups, or was withdrawn, or not accepted.
      member({
        userId: "00000000-0000-4000-8000-0000000000f3",
        firstName: "Lou",
        sessionKinds: ["MULTI_FAMILY"],
      }),
      member({
        userId: "00000000-0000-4000-8000-0000000000f4",
        firstName: "Ray",
        status: "consent-withdrawn",
        sessionKinds: [],
      }),
      member({
        userId: null,
        invitationId: "00000000-0000-4000-8000-0000000000a1",
        firstName: "Ash",
        status: "invited",
        expiresAt: "2026-12-01T15:00:00.000Z",
      }),
    ],
  }),
};

describe("booking a session", () => {
  it("defaults the length by kind and books in the facilitator's own zone", async () => {
    const { requests } = stubApi({
      ...routes,
      "POST /api/sessions": json(
        201,
        sessionSummary({
          kind: "FAMILY",
          cohort: null,
          participant: { id: IDS.jordan, displayName: "Jordan Lee" },
        }),
      ),
    });
    const { user } = renderApp(`/sessions/new?participantId=${IDS.jordan}`, {
      auth: signedInAs("FACILITATOR"),
    });

    const length = await screen.findByLabelText<HTMLInputElement>("Length in minutes");
    expect(length.value).toBe("50");
    await user.selectOptions(screen.getByLabelText("Kind of session"), "FAMILY");
    expect(length.value).toBe("60");
    await user.selectOptions(screen.getByLabelText("Kind of session"), "MEDICATION_MANAGEMENT");
    expect(length.value).toBe("30");
    await user.selectOptions(screen.getByLabelText("Kind of session"), "FAMILY");
    expect(screen.getByLabelText<HTMLSelectElement>("Participant").value).toBe(IDS.jordan);
    // Only family members whose consent covers family therapy can be invited; all are chosen.
    const invitees = await screen.findByRole("group", { name: "Family members to invite" });
    expect(
      within(invitees)
        .getAllByRole("checkbox")
        .map((c) => c.parentElement?.textContent),
    ).toEqual(["Pat Lee (Parent)", "Kim Lee (Sibling)"]);
    await user.click(within(invitees).getByLabelText("Kim Lee (Sibling)"));
    fireEvent.change(screen.getByLabelText("Date"), { target: { value: "2027-03-15" } });
    fireEvent.change(screen.getByLabelText("Start time"), { target: { value: "16:00" } });
    await user.click(screen.getByRole("button", { name: "Book session" }));

    expect(await screen.findByRole("heading", { name: "Session booked" })).toBeTruthy();
    // March 15, 2027 is after the clocks go forward: New York is then 4 hours behind UTC.
    expect(requests.find((r) => r.method === "POST")?.body).toEqual({
      kind: "FAMILY",
      participantUserId: IDS.jordan,
      startsAt: "2027-03-15T16:00:00-04:00",
      durationMinutes: 60,
      timeZone: "America/New_York",
      familyUserIds: [PAT],
    });
    expect(requests.find((r) => r.pathname === "/api/families")?.query.get("participantId")).toBe(
      IDS.jordan,
    );
  });

  it("needs a family member for family therapy, and points to inviting one when none has consent", async () => {
    const { requests } = stubApi({
      ...routes,
      "GET /api/families": json(200, { members: [] }),
    });
    const { user } = renderApp(`/sessions/new?participantId=${IDS.jordan}`, {
      auth: signedInAs("FACILITATOR"),
    });
    await user.selectOptions(await screen.findByLabelText("Kind of session"), "FAMILY");
    expect(
      (await screen.findByRole("link", { name: "Invite a family member" })).getAttribute("href"),
    ).toBe(`/participants/${IDS.jordan}/family`);
    fireEvent.change(screen.getByLabelText("Date"), { target: { value: "2027-03-15" } });
    fireEvent.change(screen.getByLabelText("Start time"), { target: { value: "16:00" } });
    await user.click(screen.getByRole("button", { name: "Book session" }));
    expect(await screen.findByText(/No one in Jordan's family has consent/)).toBeTruthy();
    expect(screen.getByText("Choose at least one family member to invite.")).toBeTruthy();
    expect(requests.some((r) => r.method === "POST")).toBe(false);
  });

  it("shows the server's refusal of a family member next to the family field", async () => {
    stubApi({
      ...routes,
      "POST /api/sessions": apiError(400, "invalid_input", "Check familyUserIds.", {
        familyUserIds: "Someone chosen has no consent for family sessions.",
      }),
    });
    const { user } = renderApp(`/sessions/new?participantId=${IDS.jordan}`, {
      auth: signedInAs("FACILITATOR"),
    });
    await user.selectOptions(await screen.findByLabelText("Kind of session"), "FAMILY");
    const invitees = await screen.findByRole("group", { name: "Family members to invite" });
    fireEvent.change(screen.getByLabelText("Date"), { target: { value: "2027-03-15" } });
    fireEvent.change(screen.getByLabelText("Start time"), { target: { value: "16:00" } });
    await user.click(screen.getByRole("button", { name: "Book session" }));
    await waitFor(() =>
      expect(invitees.textContent).toContain("Someone chosen has no consent for family sessions."),
    );
    expect(invitees.getAttribute("aria-invalid")).toBe("true");
  });

  it("shows a double-booking refusal prominently at the top", async () => {
    stubApi({
      ...routes,
      "POST /api/sessions": apiError(
        409,
        "conflict",
        "Jordan Lee is already booked from 4:00 PM to 5:00 PM on March 15.",
      ),
    });
    const { user } = renderApp("/sessions/new", { auth: signedInAs("ADMIN") });

    await user.selectOptions(await screen.findByLabelText("Participant"), IDS.jordan);
    fireEvent.change(screen.getByLabelText("Date"), { target: { value: "2027-03-15" } });
    fireEvent.change(screen.getByLabelText("Start time"), { target: { value: "16:00" } });
    await user.click(screen.getByRole("button", { name: "Book session" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Check the fields marked below.");

    await user.selectOptions(screen.getByLabelText("Clinician"), IDS.marcus);
    await user.click(screen.getByRole("button", { name: "Book session" }));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe(
        "Jordan Lee is already booked from 4:00 PM to 5:00 PM on March 15.",
      ),
    );
  });
});

describe("booking a session as an admin", () => {
  it("asks for the clinician and the start before sending, then books for the clinician chosen", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T15:00:00Z"));
    const { requests } = stubApi({
      ...routes,
      "POST /api/sessions": json(201, sessionSummary({ cohort: null })),
    });
    const { user } = renderApp(`/sessions/new?participantId=${IDS.jordan}`, {
      auth: signedInAs("ADMIN"),
    });
    await user.click(await screen.findByRole("button", { name: "Book session" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Check the fields marked below.");
    expect(document.activeElement).toBe(alert);
    const clinician = screen.getByLabelText("Clinician");
    expect(clinician.getAttribute("aria-invalid")).toBe("true");
    expect(description(clinician)).toContain("Choose the clinician.");
    expect(description(screen.getByLabelText("Start time"))).toContain("Choose a start time.");
    expect(requests.some((r) => r.method === "POST")).toBe(false);

    await user.selectOptions(clinician, IDS.marcus);
    fireEvent.change(screen.getByLabelText("Date"), { target: { value: "2026-12-01" } });
    fireEvent.change(screen.getByLabelText("Start time"), { target: { value: "10:00" } });
    await user.click(screen.getByRole("button", { name: "Book session" }));

    expect(await screen.findByRole("heading", { name: "Session booked" })).toBeTruthy();
    expect(requests.find((r) => r.method === "POST")?.body).toEqual({
      kind: "INDIVIDUAL",
      participantUserId: IDS.jordan,
      facilitatorUserId: IDS.marcus,
      startsAt: "2026-12-01T10:00:00-05:00",
      durationMinutes: 50,
      timeZone: "America/New_York",
    });
  });
});
