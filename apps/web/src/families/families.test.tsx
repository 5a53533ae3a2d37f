import type { FamilyMemberSummary, InvitationPreview } from "@bridgeway/domain";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { applyLocale } from "../i18n/i18n";
import { choosePublicLocale, clearPublicLocaleChoice } from "../i18n/public-locale";
import { apiError, json, stubApi } from "../test/fake-api";
import { authStateFor, familyHome, signedInAs, familyMember } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { cohortDetail, IDS, participants } from "../test/schedule-fixtures";

const signedOut = { status: "signed-out", reason: "none" } as const;

const PAT = "00000000-0000-4000-8000-0000000000f1";
const KIM = "00000000-0000-4000-8000-0000000000f2";
const ROBIN_INVITATION = "00000000-0000-4000-8000-0000000000a1";
const TOKEN = "A".repeat(43);

const members: FamilyMemberSummary[] = [
  familyMember(),
  familyMember({
    userId: null,
    invitationId: ROBIN_INVITATION,
    firstName: "Robin",
    email: "robin@family.example",
    relationship: "SIBLING",
    status: "invited",
    sessionKinds: ["MULTI_FAMILY"],
    expiresAt: "2026-11-30T16:00:00.000Z",
  }),
  familyMember({
    userId: KIM,
    firstName: "Kim",
    email: "kim@family.example",
    relationship: "SPOUSE_OR_PARTNER",
    status: "consent-withdrawn",
    sessionKinds: [],
  }),
];

const card = (name: string) => screen.findByRole("article", { name });

async function fillInvite(user: ReturnType<typeof renderApp>["user"], form: HTMLElement) {
  await user.type(within(form).getByLabelText("First name"), "Sky");
  await user.type(within(form).getByLabelText("Last name"), "Lee");
  await user.type(within(form).getByLabelText("Email"), "sky@family.example");
  await user.selectOptions(within(form).getByLabelText("Relationship"), "GRANDPARENT");
}

describe("a participant's family page", () => {
  it("lists each family member with their status and what they may join", async () => {
    stubApi({ "GET /api/families": json(200, { members }) });
    renderApp("/my-family", { auth: signedInAs("PARTICIPANT") });

    const pat = await card("Pat Lee");
    expect(within(pat).getByText("Active").className).toContain("badge--ok");
    expect(pat.textContent).toContain("Family therapy and multi-family groups");
    const robin = await card("Robin Lee");
    expect(within(robin).getByText("Invited")).toBeTruthy();
    expect(robin.textContent).toContain("The link works until November 30, 2026");
    const kim = await card("Kim Lee");
    expect(within(kim).getByText("Consent withdrawn")).toBeTruthy();
    expect(
      within(kim).getByRole("button", { name: "Give consent again for Kim Lee" }),
    ).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("My family");
  });

  it("invites a family member, saying plainly what they will and will never see", async () => {
    let listed = [familyMember()];
    const { requests } = stubApi({
      "GET /api/families": () => json(200, { members: listed }),
      "POST /api/families/invitations": (request) => {
        const invited = familyMember({
          userId: null,
          invitationId: ROBIN_INVITATION,
          firstName: "Sky",
          email: "sky@family.example",
          status: "invited",
          expiresAt: "2026-11-30T16:00:00.000Z",
        });
        listed = [familyMember(), invited];
        return json(201, { ...invited, ...(request.body as object) });
      },
    });
    const { user } = renderApp("/my-family", { auth: signedInAs("PARTICIPANT") });

    const form = await screen.findByRole("region", { name: "Invite a family member" });
    expect(within(form).getByRole("heading", { name: "What they will never see" })).toBeTruthy();
    expect(form.textContent).toContain("Your notes, assessments or safety plan");
    await fillInvite(user, form);
    expect(within(form).getByRole("heading", { name: "What Sky will see" })).toBeTruthy();
    await user.click(within(form).getByLabelText("Multi-family groups"));
    await user.click(within(form).getByRole("button", { name: "Send invitation" }));

    expect((await screen.findByRole("status", { name: "" })).textContent).toContain(
      "We emailed an invitation to Sky at sky@family.example",
    );
    expect(requests.find((r) => r.method === "POST")?.body).toEqual({
      email: "sky@family.example",
      firstName: "Sky",
      lastName: "Lee",
      relationship: "GRANDPARENT",
      sessionKinds: ["FAMILY"],
    });
    expect(await card("Sky Lee")).toBeTruthy();
    expect(within(form).getByLabelText<HTMLInputElement>("Email").value).toBe("");
  });

  it("shows the server's field errors next to their fields", async () => {
    stubApi({
      "GET /api/families": json(200, { members: [] }),
      "POST /api/families/invitations": apiError(
        409,
        "conflict",
        "This email already has a Bridgeway account.",
        { email: "Already in use." },
      ),
    });
    const { user } = renderApp("/my-family", { auth: signedInAs("PARTICIPANT") });
    const form = await screen.findByRole("region", { name: "Invite a family member" });
    await fillInvite(user, form);
    await user.click(within(form).getByRole("button", { name: "Send invitation" }));

    expect((await within(form).findByRole("alert")).textContent).toContain(
      "This email already has a Bridgeway account.",
    );
    const email = within(form).getByLabelText("Email");
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(within(form).getByText("Already in use.").id).toBe(
      email.getAttribute("aria-describedby")?.split(" ").at(-1),
    );
  });

  it("checks the form before sending: a relationship and at least one kind of session", async () => {
    const { requests } = stubApi({ "GET /api/families": json(200, { members: [] }) });
    const { user } = renderApp("/my-family", { auth: signedInAs("PARTICIPANT") });
    const form = await screen.findByRole("region", { name: "Invite a family member" });
    await user.click(within(form).getByLabelText("Family therapy"));
    await user.click(within(form).getByLabelText("Multi-family groups"));
    await user.click(within(form).getByRole("button", { name: "Send invitation" }));

    expect(within(form).getByText("Choose how they are related.")).toBeTruthy();
    expect(
      within(form)
        .getByRole("group", { name: "Sessions they may join" })
        .getAttribute("aria-invalid"),
    ).toBe("true");
    expect(requests.some((r) => r.method === "POST")).toBe(false);
  });

  it("withdraws consent only after a dialog says it takes effect at once, even in a live session", async () => {
    const { requests } = stubApi({
      "GET /api/families": json(200, { members }),
      [`POST /api/families/${PAT}/withdraw-consent`]: { status: 204 },
    });
    const { user } = renderApp("/my-family", { auth: signedInAs("PARTICIPANT") });
    const pat = await card("Pat Lee");
    await user.click(within(pat).getByRole("button", { name: "Withdraw consent for Pat Lee" }));

    const dialog = screen.getByRole("dialog", { name: "Withdraw consent for Pat Lee?" });
    expect(dialog.textContent).toContain("This takes effect at once.");
    expect(dialog.textContent).toContain(
      "If Pat is in a session right now, they leave it immediately.",
    );
    expect(requests.some((r) => r.method === "POST")).toBe(false);
    await user.click(within(dialog).getByRole("button", { name: "Withdraw consent" }));

    expect(await screen.findByText(/Consent for Pat Lee is withdrawn/)).toBeTruthy();
    expect(requests.find((r) => r.method === "POST")?.path).toBe(
      `/api/families/${PAT}/withdraw-consent`,
    );
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("says inside the dialog when withdrawing fails, and keeps it open", async () => {
    stubApi({
      "GET /api/families": json(200, { members }),
      [`POST /api/families/${PAT}/withdraw-consent`]: apiError(
        409,
        "conflict",
        "Consent was already withdrawn.",
      ),
    });
    const { user } = renderApp("/my-family", { auth: signedInAs("PARTICIPANT") });
    await user.click(
      within(await card("Pat Lee")).getByRole("button", { name: "Withdraw consent for Pat Lee" }),
    );
    const dialog = screen.getByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "Withdraw consent" }));
    expect((await within(dialog).findByRole("alert")).textContent).toBe(
      "Consent was already withdrawn.",
    );
  });

  it("changes which sessions a family member may join", async () => {
    const { requests } = stubApi({
      "GET /api/families": json(200, { members }),
      [`PUT /api/families/${PAT}/consent`]: { status: 204 },
    });
    const { user } = renderApp("/my-family", { auth: signedInAs("PARTICIPANT") });
    const pat = await card("Pat Lee");
    const toggle = within(pat).getByRole("button", { name: "Change consent for Pat Lee" });
    await user.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const kinds = within(pat).getByRole("group", { name: "Sessions Pat may join" });
    await user.click(within(kinds).getByLabelText("Multi-family groups"));
    await user.click(within(pat).getByRole("button", { name: "Save consent" }));

    expect(await screen.findByText("Pat may now join: family therapy.")).toBeTruthy();
    expect(requests.find((r) => r.method === "PUT")?.body).toEqual({ sessionKinds: ["FAMILY"] });
  });

  it("cancels a pending invitation", async () => {
    const { requests } = stubApi({
      "GET /api/families": json(200, { members }),
      [`POST /api/families/invitations/${ROBIN_INVITATION}/revoke`]: { status: 204 },
    });
    const { user } = renderApp("/my-family", { auth: signedInAs("PARTICIPANT") });
    await user.click(
      within(await card("Robin Lee")).getByRole("button", {
        name: "Cancel invitation to Robin Lee",
      }),
    );
    expect(await screen.findByText(/The invitation to Robin Lee is cancelled/)).toBeTruthy();
    expect(requests.filter((r) => r.method === "POST").map((r) => r.path)).toEqual([
      `/api/families/invitations/${ROBIN_INVITATION}/revoke`,
    ]);
  });

  it("is the participant's own: a family member is sent home", async () => {
    stubApi({ "GET /api/home": json(200, familyHome) });
    const { location } = renderApp("/my-family", { auth: signedInAs("FAMILY") });
    await waitFor(() => expect(location()).toBe("/family"));
  });
});

describe("a participant's family, for their clinician", () => {
  const page = `/participants/${IDS.jordan}/family?cohortId=${IDS.cohort}`;

  it("invites on the participant's behalf only once their agreement is confirmed", async () => {
    const { requests } = stubApi({
      "GET /api/participants": json(200, { participants }),
      "GET /api/families": json(200, { members: [] }),
      "POST /api/families/invitations": json(
        201,
        familyMember({
          userId: null,
          invitationId: ROBIN_INVITATION,
          firstName: "Sky",
          status: "invited",
        }),
      ),
    });
    const { user } = renderApp(page, { auth: signedInAs("FACILITATOR") });

    expect(
      await screen.findByRole("heading", { level: 1, name: "Family of Jordan Lee" }),
    ).toBeTruthy();
    expect(screen.getByRole("link", { name: "Back to the cohort" }).getAttribute("href")).toBe(
      `/cohorts/${IDS.cohort}`,
    );
    const form = screen.getByRole("region", { name: "Invite a family member" });
    expect(form.textContent).toContain("Jordan's notes, assessments or safety plan");
    await fillInvite(user, form);
    await user.click(within(form).getByRole("button", { name: "Send invitation" }));

    const agreed = within(form).getByLabelText("The participant agreed to this invitation");
    expect(agreed.getAttribute("aria-invalid")).toBe("true");
    expect(within(form).getByText(/Confirm that the participant agreed/)).toBeTruthy();
    expect(requests.some((r) => r.method === "POST")).toBe(false);

    await user.click(agreed);
    await user.click(within(form).getByRole("button", { name: "Send invitation" }));
    await screen.findByText(/We emailed an invitation to Sky/);
    expect(requests.find((r) => r.method === "POST")?.body).toMatchObject({
      participantUserId: IDS.jordan,
      participantConsented: true,
    });
    expect(requests.find((r) => r.pathname === "/api/families")?.query.get("participantId")).toBe(
      IDS.jordan,
    );
  });

  it("shows the server's refusal of the agreement next to its checkbox", async () => {
    stubApi({
      "GET /api/participants": json(200, { participants }),
      "GET /api/families": json(200, { members: [] }),
      "POST /api/families/invitations": apiError(400, "invalid_input", "Confirm.", {
        participantConsented: "The participant's consent is required.",
      }),
    });
    const { user } = renderApp(page, { auth: signedInAs("FACILITATOR") });
    const form = await screen.findByRole("region", { name: "Invite a family member" });
    await fillInvite(user, form);
    await user.click(within(form).getByLabelText("The participant agreed to this invitation"));
    await user.click(within(form).getByRole("button", { name: "Send invitation" }));
    expect(await within(form).findByText("The participant's consent is required.")).toBeTruthy();
  });

  it("withdraws consent for the participant named in the address", async () => {
    const { requests } = stubApi({
      "GET /api/participants": json(200, { participants }),
      "GET /api/families": json(200, { members }),
      [`POST /api/families/${PAT}/withdraw-consent`]: { status: 204 },
    });
    const { user } = renderApp(page, { auth: signedInAs("FACILITATOR") });
    await user.click(
      within(await card("Pat Lee")).getByRole("button", { name: "Withdraw consent for Pat Lee" }),
    );
    const dialog = screen.getByRole("dialog");
    expect(dialog.textContent).toContain("can no longer join Jordan's sessions");
    await user.click(within(dialog).getByRole("button", { name: "Withdraw consent" }));
    await screen.findByText(/Consent for Pat Lee is withdrawn/);
    expect(requests.find((r) => r.method === "POST")?.path).toBe(
      `/api/families/${PAT}/withdraw-consent?participantId=${IDS.jordan}`,
    );
  });

  it("gives a withdrawn consent again only with the participant's agreement, which the server requires", async () => {
    const { requests } = stubApi({
      "GET /api/participants": json(200, { participants }),
      "GET /api/families": json(200, { members }),
      [`PUT /api/families/${KIM}/consent`]: (request) =>
        (request.body as { participantConsented?: boolean }).participantConsented === true
          ? { status: 204 }
          : apiError(400, "invalid_input", "Consent was withdrawn.", {
              participantConsented: "The participant's consent is required.",
            }),
    });
    const { user } = renderApp(page, { auth: signedInAs("FACILITATOR") });
    const kim = await card("Kim Lee");
    await user.click(within(kim).getByRole("button", { name: "Give consent again for Kim Lee" }));
    await user.click(within(kim).getByRole("button", { name: "Give consent" }));
    expect(await within(kim).findByText("The participant's consent is required.")).toBeTruthy();
    expect(requests.filter((r) => r.method === "PUT")[0]?.body).toEqual({
      sessionKinds: ["FAMILY", "MULTI_FAMILY"],
    });

    await user.click(within(kim).getByLabelText("Jordan agreed to this"));
    await user.click(within(kim).getByRole("button", { name: "Give consent" }));
    expect(await screen.findByText(/Kim may now join/)).toBeTruthy();
    expect(requests.filter((r) => r.method === "PUT")[1]).toMatchObject({
      path: `/api/families/${KIM}/consent?participantId=${IDS.jordan}`,
      body: { sessionKinds: ["FAMILY", "MULTI_FAMILY"], participantConsented: true },
    });
  });

  it("says so when the participant is not in the clinician's care", async () => {
    stubApi({ "GET /api/participants": json(200, { participants }) });
    renderApp("/participants/00000000-0000-4000-8000-0000000000ff/family", {
      auth: signedInAs("FACILITATOR"),
    });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Participant not found" }),
    ).toBeTruthy();
  });

  it("is reached from each participant's row on the cohort page", async () => {
    stubApi({
      [`GET /api/cohorts/${IDS.cohort}`]: json(200, cohortDetail()),
      "GET /api/sessions": json(200, { sessions: [] }),
      "GET /api/participants": json(200, { participants }),
      "GET /api/facilitators": json(200, { facilitators: [] }),
    });
    renderApp(`/cohorts/${IDS.cohort}`, { auth: signedInAs("FACILITATOR") });
    const link = await screen.findByRole("link", { name: "Family of Jordan Lee" });
    expect(link.getAttribute("href")).toBe(
      `/participants/${IDS.jordan}/family?cohortId=${IDS.cohort}`,
    );
  });
});

const preview: InvitationPreview = {
  firstName: "Robin",
  email: "robin@family.example",
  relationship: "SIBLING",
  participantFirstName: "Jordan",
  clinicName: "Riverbend Behavioral Health",
  expiresAt: "2026-11-30T16:00:00.000Z",
};

describe("accepting an invitation", () => {
  const path = `/family/accept?token=${TOKEN}`;

  it("says who invited whom and what they will see, then creates the account and opens the family home", async () => {
    const { requests } = stubApi({
      "GET /api/families/invitations/preview": json(200, preview),
      "POST /api/families/invitations/accept": json(201, {
        ...authStateFor("FAMILY"),
        user: { ...authStateFor("FAMILY").user, firstName: "Robin", email: preview.email },
      }),
      "GET /api/home": json(200, familyHome),
    });
    const { user, location } = renderApp(path, { auth: signedOut });

    expect(
      await screen.findByRole("heading", {
        name: "Jordan invited you to join their family sessions at Riverbend Behavioral Health",
      }),
    ).toBeTruthy();
    expect(screen.getByText("Sibling")).toBeTruthy();
    expect(screen.getByText(/November 30, 2026/)).toBeTruthy();
    expect(screen.getByText("Jordan's notes, assessments or safety plan")).toBeTruthy();
    expect(requests[0]?.query.get("token")).toBe(TOKEN);

    await user.type(screen.getByLabelText("Password"), "a-long-family-password");
    await user.type(screen.getByLabelText("Type the password again"), "a-long-family-passwore");
    await user.click(screen.getByRole("button", { name: "Accept invitation" }));
    expect(screen.getByText("The two passwords are not the same.")).toBeTruthy();
    expect(requests.some((r) => r.method === "POST")).toBe(false);

    await user.clear(screen.getByLabelText("Type the password again"));
    await user.type(screen.getByLabelText("Type the password again"), "a-long-family-password");
    await user.click(screen.getByRole("button", { name: "Accept invitation" }));

    await waitFor(() => expect(location()).toBe("/family"));
    expect(requests.find((r) => r.method === "POST")?.body).toEqual({
      token: TOKEN,
      password: "a-long-family-password",
    });
    expect(await screen.findByRole("heading", { level: 1, name: "Welcome, Robin" })).toBeTruthy();
  });

  it("asks for a password of the domain's minimum length before sending", async () => {
    const { requests } = stubApi({
      "GET /api/families/invitations/preview": json(200, preview),
    });
    const { user } = renderApp(path, { auth: signedOut });
    const password = await screen.findByLabelText("Password");
    expect(screen.getByText(/At least 12 characters/)).toBeTruthy();
    await user.type(password, "short");
    await user.type(screen.getByLabelText("Type the password again"), "short");
    await user.click(screen.getByRole("button", { name: "Accept invitation" }));
    expect(screen.getByText("Use at least 12 characters.")).toBeTruthy();
    expect(password.getAttribute("aria-invalid")).toBe("true");
    expect(requests.some((r) => r.method === "POST")).toBe(false);
  });

  it("shows the server's password error next to the password", async () => {
    stubApi({
      "GET /api/families/invitations/preview": json(200, preview),
      "POST /api/families/invitations/accept": apiError(400, "invalid_input", "Check password.", {
        password: "That password is too common.",
      }),
    });
    const { user } = renderApp(path, { auth: signedOut });
    await user.type(await screen.findByLabelText("Password"), "a-long-family-password");
    await user.type(screen.getByLabelText("Type the password again"), "a-long-family-password");
    await user.click(screen.getByRole("button", { name: "Accept invitation" }));
    expect(await screen.findByText("That password is too common.")).toBeTruthy();
    expect(screen.getByLabelText("Password").getAttribute("aria-invalid")).toBe("true");
  });

  it.each([
    [
      "This invitation has expired. Ask for a new one: links work for 7 days.",
      "This invitation has expired",
      /Ask the person who invited you, or their clinic/,
    ],
    [
      "This invitation was already used. Sign in with your email and password.",
      "This invitation was already used",
      /Sign in with its email/,
    ],
    [
      "This invitation link is not valid. Ask for a new one.",
      "This invitation link doesn't work",
      /ask the person who invited you, or their clinic/,
    ],
  ])("turns a dead link (%s) into a clear state with a next step", async (message, title, next) => {
    stubApi({
      "GET /api/families/invitations/preview": apiError(404, "not_found", message),
    });
    renderApp(path, { auth: signedOut });
    const heading = await screen.findByRole("heading", { name: title });
    expect(heading.closest("section")?.textContent).toMatch(next);
    expect(screen.queryByLabelText("Password")).toBeNull();
  });

  it("sends someone whose link was already used to sign in", async () => {
    stubApi({
      "GET /api/families/invitations/preview": apiError(
        404,
        "not_found",
        "This invitation was already used. Sign in with your email and password.",
      ),
    });
    renderApp(path, { auth: signedOut });
    expect((await screen.findByRole("link", { name: "Sign in" })).getAttribute("href")).toBe(
      "/sign-in",
    );
  });

  it("says a cut-off link is incomplete without asking the server", async () => {
    const { requests } = stubApi({});
    renderApp("/family/accept?token=abc", { auth: signedOut });
    expect(
      await screen.findByRole("heading", { name: "This invitation link is incomplete" }),
    ).toBeTruthy();
    expect(requests.filter((r) => r.pathname.startsWith("/api/families"))).toEqual([]);
  });

  it("shows the expiry state when the link expires between opening and accepting", async () => {
    stubApi({
      "GET /api/families/invitations/preview": json(200, preview),
      "POST /api/families/invitations/accept": apiError(
        404,
        "not_found",
        "This invitation has expired. Ask for a new one: links work for 7 days.",
      ),
    });
    const { user } = renderApp(path, { auth: signedOut });
    await user.type(await screen.findByLabelText("Password"), "a-long-family-password");
    await user.type(screen.getByLabelText("Type the password again"), "a-long-family-password");
    await user.click(screen.getByRole("button", { name: "Accept invitation" }));
    expect(
      await screen.findByRole("heading", { name: "This invitation has expired" }),
    ).toBeTruthy();
  });

  it("asks someone signed in as another person to sign out first", async () => {
    const { requests } = stubApi({
      "GET /api/families/invitations/preview": json(200, preview),
      "POST /api/auth/logout": { status: 204 },
    });
    const { user, location } = renderApp(path, { auth: signedInAs("FACILITATOR") });
    expect(
      await screen.findByRole("heading", { name: "You are signed in as Dana Whitfield" }),
    ).toBeTruthy();
    expect(screen.queryByLabelText("Password")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Sign out" }));
    expect(await screen.findByLabelText("Password")).toBeTruthy();
    expect(location()).toBe("/family/accept");
    expect(requests.some((r) => r.path === "/api/auth/logout")).toBe(true);
  });
});

describe("family members elsewhere in the app", () => {
  it("get the forums, with the family board of their participant's group", async () => {
    stubApi({
      "GET /api/forums/boards": json(200, {
        boards: [
          {
            kind: "family",
            id: IDS.cohort,
            title: "Evening track family board",
            canPost: true,
            threadCount: 0,
          },
        ],
      }),
    });
    renderApp("/forums", { auth: signedInAs("FAMILY") });
    const board = await screen.findByRole("link", { name: "Evening track family board" });
    expect(board.getAttribute("href")).toBe(`/forums/boards/family/${IDS.cohort}`);
    expect(screen.getByText(/Family board, shared with the families of the group/)).toBeTruthy();
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: "Forums" }).getAttribute("aria-current")).toBe(
      "page",
    );
    expect(within(nav).queryByRole("link", { name: "Chat" })).toBeNull();
  });

  it("see on their home which sessions each person's consent lets them join", async () => {
    stubApi({
      "GET /api/home": json(200, familyHome),
      "GET /api/sessions": json(200, { sessions: [] }),
      "GET /api/families/supporting": json(200, {
        supporting: [
          {
            participantId: IDS.jordan,
            participantFirstName: "Jordan",
            sessionKinds: ["MULTI_FAMILY"],
          },
        ],
      }),
    });
    renderApp("/family", { auth: signedInAs("FAMILY") });
    expect(await screen.findByText("You may join: multi-family groups.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "family board" }).getAttribute("href")).toBe("/forums");
  });
});

describe("a participant's family page in Spanish", () => {
  afterEach(() => applyLocale("en"));
  const enEspañol = {
    status: "signed-in",
    auth: authStateFor("PARTICIPANT", { locale: "es" }),
  } as const;

  it("lists the family members, their status and what they may join in Spanish", async () => {
    stubApi({ "GET /api/families": json(200, { members }) });
    renderApp("/my-family", { auth: enEspañol });

    expect(await screen.findByRole("heading", { level: 1, name: "Mi familia" })).toBeTruthy();
    const pat = await card("Pat Lee");
    expect(within(pat).getByText("Activo").className).toContain("badge--ok");
    expect(within(pat).getByText("Madre o padre")).toBeTruthy();
    expect(pat.textContent).toContain("Terapia familiar y grupos multifamiliares");
    const robin = await card("Robin Lee");
    expect(robin.textContent).toContain("El enlace funciona hasta el 30 de noviembre de 2026");
    const kim = await card("Kim Lee");
    expect(within(kim).getByText("Consentimiento retirado")).toBeTruthy();
    expect(
      within(kim).getByRole("button", { name: "Dar consentimiento de nuevo para Kim Lee" }),
    ).toBeTruthy();
  });

  it("checks the invitation form and says what is missing in Spanish", async () => {
    const { requests } = stubApi({ "GET /api/families": json(200, { members: [] }) });
    const { user } = renderApp("/my-family", { auth: enEspañol });
    const form = await screen.findByRole("region", { name: "Invitar a un familiar" });
    expect(within(form).getByRole("heading", { name: "Lo que esa persona verá" })).toBeTruthy();
    expect(within(form).getByText("Tus notas, evaluaciones o plan de seguridad")).toBeTruthy();
    await user.click(within(form).getByRole("button", { name: "Enviar invitación" }));

    expect(within(form).getByText("Elige cómo se relaciona contigo.")).toBeTruthy();
    expect(within(form).getByText("Escribe su nombre.")).toBeTruthy();
    expect(within(form).getByLabelText("Correo electrónico")).toBeTruthy();
    expect(requests.some((r) => r.method === "POST")).toBe(false);
  });
});

describe("accepting an invitation in Spanish, before sign-in", () => {
  afterEach(() => {
    clearPublicLocaleChoice();
    applyLocale("en");
  });

  it("says who invited whom, asks for the password and says its problems in Spanish", async () => {
    choosePublicLocale("es");
    const { requests } = stubApi({ "GET /api/families/invitations/preview": json(200, preview) });
    const { user } = renderApp(`/family/accept?token=${TOKEN}`, { auth: signedOut });

    expect(
      await screen.findByRole("heading", {
        name: "Jordan te invitó a sus sesiones familiares en Riverbend Behavioral Health",
      }),
    ).toBeTruthy();
    expect(
      screen.getByRole("heading", { level: 1, name: "Participa en las sesiones familiares" }),
    ).toBeTruthy();
    expect(screen.getByText("Te invitaron como")).toBeTruthy();
    expect(screen.getByText(/30 de noviembre de 2026/)).toBeTruthy();
    await user.type(screen.getByLabelText("Contraseña"), "short");
    await user.click(screen.getByRole("button", { name: "Aceptar la invitación" }));
    expect(await screen.findByText("Revisa los campos marcados abajo.")).toBeTruthy();
    expect(screen.getByText("Usa al menos 12 caracteres.")).toBeTruthy();
    expect(screen.getByText("Escribe otra vez la contraseña.")).toBeTruthy();
    expect(requests.some((r) => r.method === "POST")).toBe(false);
    const main = screen.getByRole("main");
    expect(main.textContent).not.toMatch(/\b(you|your|the|password|invitation)\b/i);
  });

  it("explains a used invitation in Spanish", async () => {
    choosePublicLocale("es");
    stubApi({
      "GET /api/families/invitations/preview": apiError(
        404,
        "not_found",
        "This invitation was already used.",
      ),
    });
    renderApp(`/family/accept?token=${TOKEN}`, { auth: signedOut });
    expect(await screen.findByRole("heading", { name: "Esta invitación ya se usó" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Iniciar sesión" })).toBeTruthy();
  });
});
