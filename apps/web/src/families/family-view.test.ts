import { describe, expect, it } from "vitest";
import { familyMember } from "../test/fixtures";
import {
  actionsFor,
  describeKinds,
  EMPTY_INVITE,
  invitationLinkProblem,
  sharingExplained,
  statusLabel,
  toInviteInput,
} from "./family-view";

const JORDAN = "00000000-0000-4000-8000-000000000003";

const filled = {
  ...EMPTY_INVITE,
  email: "  Robin.Lee@Family.example ",
  firstName: "Robin",
  lastName: "Lee",
  relationship: "SIBLING" as const,
};

describe("a participant's family, as the screens show it", () => {
  it("names each status in words and offers what can be done with it", () => {
    expect(statusLabel("consent-withdrawn")).toBe("Consent withdrawn");
    expect(actionsFor(familyMember())).toEqual(["change-consent", "withdraw"]);
    expect(actionsFor(familyMember({ status: "consent-withdrawn", sessionKinds: [] }))).toEqual([
      "give-consent",
    ]);
    const invitation = { userId: null, invitationId: "00000000-0000-4000-8000-0000000000a1" };
    expect(actionsFor(familyMember({ ...invitation, status: "invited" }))).toEqual(["revoke"]);
    expect(actionsFor(familyMember({ ...invitation, status: "expired" }))).toEqual(["reinvite"]);
    // A cancelled invitation never became an account: it can only be sent again.
    expect(actionsFor(familyMember({ ...invitation, status: "consent-withdrawn" }))).toEqual([
      "reinvite",
    ]);
  });

  it("says which sessions consent covers in plain words, in a fixed order", () => {
    expect(describeKinds(["MULTI_FAMILY", "FAMILY"])).toBe(
      "Family therapy and multi-family groups",
    );
    expect(describeKinds(["MULTI_FAMILY"])).toBe("Multi-family groups");
    expect(describeKinds([])).toBe("No sessions");
  });

  it("says what a family member never sees, naming whose record it is", () => {
    expect(sharingExplained({ kind: "self" }).willNot[0]).toBe(
      "Your notes, assessments or safety plan",
    );
    const forJordan = sharingExplained({ kind: "other", firstName: "Jordan" });
    expect(forJordan.willNot.join(" ")).toContain("Jordan's chat messages");
    expect(forJordan.willNot.join(" ")).toContain("Jordan's schedule");
    expect(forJordan.will.join(" ")).toContain("family board");
  });
});

describe("the invitation request", () => {
  it("sends a participant's own invitation without naming them", () => {
    expect(toInviteInput(filled, undefined)).toEqual({
      ok: true,
      input: {
        email: "robin.lee@family.example",
        firstName: "Robin",
        lastName: "Lee",
        relationship: "SIBLING",
        sessionKinds: ["FAMILY", "MULTI_FAMILY"],
      },
    });
  });

  it("names the participant and needs their agreement when a clinician invites for them", () => {
    const refused = toInviteInput(filled, JORDAN);
    expect(refused.ok ? null : Object.keys(refused.problem.fields)).toEqual([
      "participantConsented",
    ]);
    const agreed = toInviteInput({ ...filled, participantConsented: true }, JORDAN);
    expect(agreed.ok && agreed.input).toMatchObject({
      participantUserId: JORDAN,
      participantConsented: true,
    });
  });

  it("marks each missing or wrong field", () => {
    const result = toInviteInput(
      { ...EMPTY_INVITE, email: "not-an-email", sessionKinds: [] },
      undefined,
    );
    expect(result.ok ? null : result.problem.fields).toEqual({
      email: "Enter a valid email address.",
      firstName: "Name is required.",
      lastName: "Name is required.",
      relationship: "Choose how they are related.",
      sessionKinds: "Choose at least one kind of session they may join.",
    });
  });
});

describe("an invitation link the server turns down", () => {
  it("tells expired, used, withdrawn and unknown links apart by the server's words", () => {
    const kind = (status: number, message: string) =>
      invitationLinkProblem({ status, message })?.kind ?? null;
    expect(
      kind(404, "This invitation has expired. Ask for a new one: links work for 7 days."),
    ).toBe("expired");
    expect(
      kind(404, "This invitation was already used. Sign in with your email and password."),
    ).toBe("used");
    expect(kind(409, "This email already has a Bridgeway account. Sign in instead.")).toBe("used");
    expect(kind(404, "This invitation was withdrawn.")).toBe("withdrawn");
    expect(kind(404, "This invitation link is not valid. Ask for a new one.")).toBe("invalid");
  });

  it("leaves connection and server failures to a retry, not to a dead end", () => {
    expect(
      invitationLinkProblem({ status: 503, message: "Try again in a few minutes." }),
    ).toBeNull();
    expect(invitationLinkProblem(null)).toBeNull();
  });

  it("gives a next step for every dead link", () => {
    const expired = invitationLinkProblem({ status: 404, message: "This invitation has expired." });
    expect(expired?.message).toContain("Ask the person who invited you, or their clinic");
  });
});
