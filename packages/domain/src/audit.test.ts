import { describe, expect, it } from "vitest";
import { AuditReportQuerySchema, auditActionLabel } from "./audit";

describe("audit report query", () => {
  it("sorts newest first, 50 to a page, when nothing is asked", () => {
    expect(AuditReportQuerySchema.parse({})).toEqual({
      sort: "time",
      order: "desc",
      page: 1,
      pageSize: 50,
    });
  });

  it("reads page numbers from the query string", () => {
    const query = AuditReportQuerySchema.parse({ page: "3", pageSize: "20", sort: "actor" });
    expect(query).toMatchObject({ page: 3, pageSize: 20, sort: "actor", order: "desc" });
  });

  it("names the field that is wrong", () => {
    const issues = (input: Record<string, unknown>) => {
      const result = AuditReportQuerySchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
    };
    expect(issues({ from: "2026-12-05", to: "2026-12-01" })).toEqual(["to"]);
    expect(issues({ actorId: "someone" })).toEqual(["actorId"]);
    expect(issues({ action: "peek" })).toEqual(["action"]);
    expect(issues({ sort: "outcome" })).toEqual(["sort"]);
    expect(issues({ pageSize: "500" })).toEqual(["pageSize"]);
    expect(issues({ recordBody: "x" })).toEqual([""]);
  });

  it("labels the actions people see in the report", () => {
    expect(auditActionLabel("login_failed")).toBe("Failed sign-in");
    expect(auditActionLabel("update")).toBe("Change");
    expect(auditActionLabel("something-new")).toBe("something-new");
  });
});
