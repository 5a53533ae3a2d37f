import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { json, stubApi } from "../test/fake-api";
import { familyMember, PAT_USER_ID, signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";

const PAT = PAT_USER_ID;
const pat = familyMember();

describe("changing a family member's consent", () => {
  it("asks for at least one kind of session before saving, then sends the kinds chosen", async () => {
    const { requests } = stubApi({
      "GET /api/families": json(200, { members: [pat] }),
      [`PUT /api/families/${PAT}/consent`]: { status: 204 },
    });
    const { user } = renderApp("/my-family", { auth: signedInAs("PARTICIPANT") });
    const card = await screen.findByRole("article", { name: "Pat Lee" });
    await user.click(within(card).getByRole("button", { name: "Change consent for Pat Lee" }));
    const kinds = within(card).getByRole("group", { name: "Sessions Pat may join" });
    await user.click(within(kinds).getByLabelText("Family therapy"));
    await user.click(within(kinds).getByLabelText("Multi-family groups"));
    await user.click(within(card).getByRole("button", { name: "Save consent" }));

    const alert = await within(card).findByRole("alert");
    expect(alert.textContent).toBe("Check the fields marked below.");
    expect(document.activeElement).toBe(alert);
    expect(kinds.getAttribute("aria-invalid")).toBe("true");
    expect(kinds.textContent).toContain(
      "Choose at least one kind of session, or withdraw consent instead.",
    );
    expect(requests.some((r) => r.method === "PUT")).toBe(false);

    await user.click(within(kinds).getByLabelText("Multi-family groups"));
    await user.click(within(card).getByRole("button", { name: "Save consent" }));
    expect(await screen.findByText("Pat may now join: multi-family groups.")).toBeTruthy();
    await waitFor(() =>
      expect(requests.find((r) => r.method === "PUT")?.body).toEqual({
        sessionKinds: ["MULTI_FAMILY"],
      }),
    );
  });
});
