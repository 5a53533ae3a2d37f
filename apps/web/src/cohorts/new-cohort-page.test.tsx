import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { json, stubApi } from "../test/fake-api";
import { signedInAs } from "../test/fixtures";
import { renderApp } from "../test/render-app";
import { facilitators, programs } from "../test/schedule-fixtures";
import { description } from "../test/described-by";

describe("adding a program from the new cohort form", () => {
  it("asks for a name before saving, and Enter saves the program, not the cohort", async () => {
    const added = {
      id: "00000000-0000-4000-8000-0000000000b2",
      name: "Young adults",
      description: "Ages 18 to 25",
    };
    const { requests } = stubApi({
      "GET /api/programs": json(200, { programs }),
      "GET /api/facilitators": json(200, { facilitators }),
      "POST /api/programs": json(201, added),
    });
    const { user } = renderApp("/cohorts/new", { auth: signedInAs("ADMIN") });
    await user.click(await screen.findByRole("button", { name: "Add a program" }));
    await user.click(screen.getByRole("button", { name: "Save program" }));

    const name = screen.getByLabelText("Program name");
    await waitFor(() => expect(name.getAttribute("aria-invalid")).toBe("true"));
    expect(description(name)).toContain("Name is required.");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(requests.some((r) => r.method === "POST")).toBe(false);

    await user.type(name, "  Young adults");
    await user.type(
      screen.getByLabelText("Program description (optional)"),
      "Ages 18 to 25{Enter}",
    );
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLSelectElement>("Program").value).toBe(added.id),
    );
    expect(requests.filter((r) => r.method === "POST").map((r) => [r.pathname, r.body])).toEqual([
      ["/api/programs", { name: "Young adults", description: "Ages 18 to 25" }],
    ]);
    expect(screen.getByText("Program “Young adults” added and chosen.")).toBeTruthy();
  });
});
