import { describe, expect, it } from "vitest";
import { navCurrent, navItemsFor } from "./nav-items";

const labels = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((i) => i.label);

describe("main navigation", () => {
  it("gives each role its own items, home first", () => {
    expect(labels("PARTICIPANT")).toEqual(["My week", "Calendar"]);
    expect(labels("FACILITATOR")).toEqual(["Today", "Cohorts", "Calendar"]);
    expect(labels("ADMIN")).toEqual([
      "Overview",
      "Cohorts",
      "Facilitators",
      "Participants",
      "Calendar",
    ]);
    expect(labels("FAMILY")).toEqual(["Home", "Calendar"]);
    expect(navItemsFor("ADMIN")[0]?.to).toBe("/admin");
  });

  it("marks the page itself as current and a page inside a section as its location", () => {
    const cohorts = { label: "Cohorts", to: "/cohorts" };
    expect(navCurrent("/cohorts", cohorts)).toBe("page");
    expect(navCurrent("/cohorts/", cohorts)).toBe("page");
    expect(navCurrent("/cohorts/abc", cohorts)).toBe("location");
    expect(navCurrent("/cohortsx", cohorts)).toBeUndefined();
    expect(navCurrent("/calendar", cohorts)).toBeUndefined();
  });
});
