import { describe, expect, it } from "vitest";
import { navCurrent, navItemsFor } from "./nav-items";

const labels = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((i) => i.label);

describe("main navigation", () => {
  it("gives each role its own items, home first", () => {
    expect(labels("PARTICIPANT")).toEqual([
      "My week",
      "Calendar",
      "Chat",
      "Forums",
      "My family",
      "Check-ins",
      "My safety plan",
      "My treatment plan",
    ]);
    expect(labels("FACILITATOR")).toEqual([
      "Today",
      "Cohorts",
      "Calendar",
      "Chat",
      "Forums",
      "Alerts",
    ]);
    expect(labels("ADMIN")).toEqual([
      "Overview",
      "Cohorts",
      "Facilitators",
      "Participants",
      "Calendar",
      "Chat",
      "Forums",
      "Audit trail",
    ]);
    expect(labels("FAMILY")).toEqual(["Home", "Calendar", "Forums"]);
    expect(navItemsFor("ADMIN")[0]?.to).toBe("/admin");
  });

  it("gives family members the forums (their family board) but no chat or alerts, and only clinicians the alerts", () => {
    const paths = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((i) => i.to);
    expect(paths("FAMILY").some((p) => ["/chat", "/alerts", "/my-family"].includes(p))).toBe(false);
    expect(paths("FAMILY")).toContain("/forums");
    expect(paths("PARTICIPANT")).toEqual([
      "/participant",
      "/calendar",
      "/chat",
      "/forums",
      "/my-family",
      "/participant/check-ins",
      "/participant/safety",
      "/participant/treatment-plan",
    ]);
    expect(paths("FACILITATOR")).toContain("/alerts");
    // Crisis alerts are clinical: clinic admins do not get them.
    expect(paths("ADMIN")).not.toContain("/alerts");
    // The audit trail is clinic operations: admins only.
    expect(paths("ADMIN")).toContain("/admin/audit");
    for (const role of ["PARTICIPANT", "FACILITATOR", "FAMILY"] as const) {
      expect(paths(role)).not.toContain("/admin/audit");
    }
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
