import {
  addDaysToDate,
  ApiErrorBodySchema,
  AuditPeopleSchema,
  AuditReportPageSchema,
  isoDateInZone,
  type AuditReportPage,
} from "@bridgeway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { signedInClient, TestClient } from "../testing/http-client";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";
import { createAuditLog, type AuditContext } from "./audit-log";
import { createAuditRepository } from "./audit-repository";

const [DANA] = DEMO_ACCOUNTS.facilitators;
const [JORDAN, SAM] = DEMO_ACCOUNTS.participants;

type Person = { id: string; organizationId: string; timeZone: string };

/** The cells of a CSV whose cells hold no comma, quote or line break (true of this data). */
const plainCsvRows = (text: string) =>
  text
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => line.split(","));

describe.each(databaseKinds())("the audit report on %s", (kind) => {
  let server: TestServer;
  let admin: TestClient;
  let adminUser: Person;
  let dana: Person;
  let jordan: Person;
  let sam: Person;
  let jordanEnrollmentId: string;

  const report = async (query: Record<string, string>): Promise<AuditReportPage> => {
    const res = await admin.get(
      `/api/audit-events/report?${new URLSearchParams(query).toString()}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return AuditReportPageSchema.parse(res.body);
  };
  const fieldsOf = (body: unknown) => ApiErrorBodySchema.parse(body).error.fields ?? {};

  beforeAll(async () => {
    server = await startTestServer({ kind });
    const prisma = server.db.prisma;
    const person = (email: string) =>
      prisma.user.findUniqueOrThrow({
        where: { email },
        select: { id: true, organizationId: true, timeZone: true },
      });
    adminUser = await person(DEMO_ACCOUNTS.admin);
    dana = await person(DANA);
    jordan = await person(JORDAN);
    sam = await person(SAM);
    jordanEnrollmentId = (
      await prisma.enrollment.findFirstOrThrow({ where: { participantUserId: jordan.id } })
    ).id;

    // What Dana did, as the clinical services record it: ids only.
    const audit = createAuditLog(createAuditRepository(prisma));
    const as = (p: Person, role: "FACILITATOR" | "PARTICIPANT"): AuditContext => ({
      actor: { userId: p.id, role, organizationId: p.organizationId },
      requestId: "req-report",
    });
    await audit.record(
      as(dana, "FACILITATOR"),
      "read",
      { type: "safety-plan", id: jordan.id },
      "success",
    );
    await audit.record(
      as(dana, "FACILITATOR"),
      "update",
      { type: "treatment-plan", id: jordanEnrollmentId },
      "success",
    );
    await audit.record(
      as(dana, "FACILITATOR"),
      "read",
      { type: "assessment", id: sam.id },
      "success",
    );
    // A record id someone typed, that a spreadsheet would run as a formula.
    await audit.record(as(dana, "FACILITATOR"), "read", { type: "note", id: "=2+5" }, "success");
    await audit.record(as(jordan, "PARTICIPANT"), "login", { type: "auth-session" }, "success");

    admin = await signedInClient(server.url, DEMO_ACCOUNTS.admin, TEST_PASSWORD);
  });
  afterAll(async () => {
    await server.close();
  });

  it("filters by the person acting and the participant concerned, showing names", async () => {
    const page = await report({ actorId: dana.id, participantId: jordan.id });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.recordType).sort()).toEqual(["safety-plan", "treatment-plan"]);
    for (const row of page.rows) {
      expect(row.actor).toEqual({ id: dana.id, name: "Dana Whitfield", role: "FACILITATOR" });
      expect(row.participant).toEqual({ id: jordan.id, name: "Jordan Lee" });
    }
    // The treatment plan's record is Jordan's enrollment: the report still names Jordan.
    expect(page.rows.find((r) => r.recordType === "treatment-plan")?.recordId).toBe(
      jordanEnrollmentId,
    );
  });

  it("filters by action and by days in the admin's time zone", async () => {
    const logins = await report({ actorId: jordan.id, action: "login" });
    expect(logins.total).toBeGreaterThanOrEqual(1);
    expect(logins.rows.every((r) => r.action === "login" && r.actor?.id === jordan.id)).toBe(true);

    const today = isoDateInZone(new Date(), adminUser.timeZone);
    const yesterday = addDaysToDate(today, -1);
    const todays = await report({ actorId: dana.id, from: today, to: today });
    expect(todays.total).toBe(4);
    const before = await report({
      actorId: dana.id,
      from: addDaysToDate(today, -7),
      to: yesterday,
    });
    expect(before.total).toBe(0);
  });

  it("sorts by time, person and action either way, and pages through the result", async () => {
    // Reading the report adds events: compare a set that does not grow, Dana's.
    const oldest = await report({ actorId: dana.id, sort: "time", order: "asc" });
    const times = oldest.rows.map((r) => r.occurredAt);
    expect(times).toEqual([...times].sort());
    const newest = await report({ actorId: dana.id, sort: "time", order: "desc" });
    expect(newest.rows.map((r) => r.occurredAt)).toEqual([...times].reverse());

    const byAction = await report({ sort: "action", order: "desc", pageSize: "200" });
    const actions = byAction.rows.map((r) => r.action);
    expect(actions).toEqual([...actions].sort().reverse());

    const byPerson = await report({ sort: "actor", order: "asc", pageSize: "200" });
    const lastNames = byPerson.rows
      .filter((r) => r.actor)
      .map((r) => r.actor?.name.split(" ").at(-1) ?? "");
    expect(lastNames).toEqual([...lastNames].sort((a, b) => a.localeCompare(b)));
    // The system and unknown actors come after the people.
    const firstSystem = byPerson.rows.findIndex((r) => r.actor === null);
    if (firstSystem >= 0)
      expect(byPerson.rows.slice(firstSystem).every((r) => r.actor === null)).toBe(true);

    const first = await report({ actorId: dana.id, pageSize: "3", page: "1" });
    const second = await report({ actorId: dana.id, pageSize: "3", page: "2" });
    expect(first.total).toBe(4);
    expect(second.total).toBe(4);
    expect(first.rows).toHaveLength(3);
    expect(second.rows).toHaveLength(1);
    expect(first.rows.map((r) => r.id)).not.toContain(second.rows[0]?.id);
  });

  it("answers 400 naming the field for a bad filter", async () => {
    const bad = async (query: string) => {
      const res = await admin.get(`/api/audit-events/report?${query}`);
      expect(res.status).toBe(400);
      return Object.keys(fieldsOf(res.body));
    };
    expect(await bad("from=2026-13-01")).toEqual(["from"]);
    expect(await bad("from=2026-12-05&to=2026-12-01")).toEqual(["to"]);
    expect(await bad("actorId=dana")).toEqual(["actorId"]);
    expect(await bad("action=peek")).toEqual(["action"]);
    expect(await bad("sort=outcome")).toEqual(["sort"]);
    expect(await bad("order=sideways")).toEqual(["order"]);
    expect(await bad("pageSize=1000")).toEqual(["pageSize"]);
    expect(await bad("colour=red")).toEqual(["colour"]);
    const csv = await admin.get(`/api/audit-events/report.csv?participantId=jordan`);
    expect(csv.status).toBe(400);
    expect(Object.keys(fieldsOf(csv.body))).toEqual(["participantId"]);
  });

  it("exports the filtered result as CSV with names, formula-like cells kept as text", async () => {
    const res = await admin.get(
      `/api/audit-events/report.csv?actorId=${dana.id}&sort=time&order=asc`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="audit-trail-/);
    expect(typeof res.body).toBe("string");
    const rows = plainCsvRows(String(res.body));
    expect(rows[0]).toEqual([
      "Time (UTC)",
      "Person acting",
      "Role",
      "Person id",
      "Action",
      "Record type",
      "Record id",
      "Participant concerned",
      "Participant id",
      "Outcome",
    ]);
    const data = rows.slice(1);
    expect(data).toHaveLength(4);
    expect(data.every((r) => r[1] === "Dana Whitfield" && r[2] === "Facilitator")).toBe(true);
    expect(data.map((r) => r[7])).toEqual(["Jordan Lee", "Jordan Lee", "Sam Patel", ""]);
    expect(data[3]?.[6]).toBe("'=2+5");
  });

  it("lists the clinic's people for the filters", async () => {
    const res = await admin.get("/api/audit-events/people");
    expect(res.status).toBe(200);
    const { people } = AuditPeopleSchema.parse(res.body);
    expect(people).toContainEqual({ id: dana.id, name: "Dana Whitfield", role: "FACILITATOR" });
    expect(people).toContainEqual({ id: jordan.id, name: "Jordan Lee", role: "PARTICIPANT" });
  });

  it("audits reading and exporting the report with its filters and no names", async () => {
    await report({ participantId: jordan.id, action: "read", from: "2026-01-01" });
    await admin.get(`/api/audit-events/report.csv?participantId=${jordan.id}`);
    const events = await server.db.prisma.auditEvent.findMany({
      where: { actorUserId: adminUser.id, recordType: { in: ["audit-report", "audit-export"] } },
      orderBy: { id: "desc" },
      take: 2,
    });
    expect(events.map((e) => e.recordType)).toEqual(["audit-export", "audit-report"]);
    expect(events[1]?.recordId).toBe(
      `from=2026-01-01;participant=${jordan.id};action=read;sort=time:desc;page=1`,
    );
    expect(events[0]?.recordId).toBe(`participant=${jordan.id};sort=time:desc`);
    for (const event of events) {
      expect(event.action).toBe("read");
      expect(event.recordId).not.toMatch(/Jordan|Lee/);
    }
  });

  it("hides the report from everyone but admins, and records the refused attempt", async () => {
    for (const email of [DANA, JORDAN, DEMO_ACCOUNTS.family[0]]) {
      const client = await signedInClient(server.url, email, TEST_PASSWORD);
      expect((await client.get("/api/audit-events/report")).status).toBe(404);
      expect((await client.get("/api/audit-events/report.csv")).status).toBe(404);
      expect((await client.get("/api/audit-events/people")).status).toBe(404);
    }
    const refused = await server.db.prisma.auditEvent.count({
      where: { actorUserId: dana.id, outcome: "denied", recordType: "audit-export" },
    });
    expect(refused).toBe(1);
    const stranger = new TestClient(server.url);
    expect((await stranger.get("/api/audit-events/report")).status).toBe(401);
  });
});
