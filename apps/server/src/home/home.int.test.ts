import { ApiErrorBodySchema, HomeSummarySchema, type HomeSummary } from "@bridgeway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { fixtures } from "../testing/fixtures";
import { signedInClient, TestClient } from "../testing/http-client";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

describe.each(databaseKinds())("role homes on %s", (kind) => {
  let server: TestServer;
  let otherCohortName: string;
  let otherClinicCohortName: string;

  beforeAll(async () => {
    server = await startTestServer({ kind });
    const f = fixtures(server.db.prisma, TEST_PASSWORD);
    // Same clinic, a cohort run by someone else with someone else enrolled.
    const demo = await server.db.prisma.organization.findFirstOrThrow();
    const otherFacilitator = await f.user(demo.id, "FACILITATOR");
    const otherParticipant = await f.user(demo.id, "PARTICIPANT");
    otherCohortName = (await f.cohort(demo.id, [otherFacilitator.id], [otherParticipant.id])).name;
    // Another clinic altogether.
    const clinic = await f.organization();
    const theirFacilitator = await f.user(clinic.id, "FACILITATOR");
    const theirParticipant = await f.user(clinic.id, "PARTICIPANT");
    otherClinicCohortName = (
      await f.cohort(clinic.id, [theirFacilitator.id], [theirParticipant.id])
    ).name;
  });
  afterAll(async () => {
    await server.close();
  });

  async function homeOf(email: string): Promise<HomeSummary> {
    const client = await signedInClient(server.url, email, TEST_PASSWORD);
    const res = await client.get("/api/home");
    expect(res.status).toBe(200);
    return HomeSummarySchema.parse(res.body);
  }

  it("refuses the home page without a session", async () => {
    const res = await new TestClient(server.url).get("/api/home");
    expect(res.status).toBe(401);
  });

  it("shows a participant their own enrollment, schedule and facilitators", async () => {
    const home = await homeOf(DEMO_ACCOUNTS.participants[0]);
    if (home.role !== "PARTICIPANT")
      throw new Error(`expected a participant home, got ${home.role}`);
    expect(home.enrollments).toHaveLength(1);
    expect(home.enrollments[0]).toMatchObject({
      cohortName: "Evening track",
      programName: "Adult Mental Health IOP",
      phase: 4,
      schedule: "Mon, Wed, Thu 18:00-21:00",
      timeZone: "America/New_York",
    });
    expect(home.enrollments[0]?.facilitators.map((f) => f.credential).sort()).toEqual([
      "LCSW",
      "LPC",
    ]);
    expect(JSON.stringify(home)).not.toContain(otherCohortName);
  });

  it("shows a facilitator only the cohorts they facilitate, with each person's phase", async () => {
    const home = await homeOf(DEMO_ACCOUNTS.facilitators[0]);
    if (home.role !== "FACILITATOR")
      throw new Error(`expected a facilitator home, got ${home.role}`);
    expect(home.cohorts.map((c) => c.name)).toEqual(["Evening track"]);
    expect(home.cohorts[0]?.myRole).toBe("LEAD");
    expect(home.cohorts[0]?.participants).toHaveLength(8);
    expect(home.cohorts[0]?.participants.map((p) => p.phase).sort()).toEqual([
      2, 2, 3, 3, 3, 4, 4, 4,
    ]);
    expect(home.license).toMatchObject({ credential: "LCSW", licenseState: "NY" });
    const text = JSON.stringify(home);
    expect(text).not.toContain(otherCohortName);
    expect(text).not.toContain(otherClinicCohortName);
  });

  it("records each roster a facilitator reads in the audit log", async () => {
    const email = DEMO_ACCOUNTS.facilitators[1];
    const user = await server.db.prisma.user.findUniqueOrThrow({ where: { email } });
    const cohort = await server.db.prisma.cohort.findFirstOrThrow({
      where: { name: "Evening track" },
    });
    const before = await server.db.prisma.auditEvent.count({
      where: {
        actorUserId: user.id,
        action: "read",
        recordType: "cohort-roster",
        recordId: cohort.id,
      },
    });
    await homeOf(email);
    const after = await server.db.prisma.auditEvent.count({
      where: {
        actorUserId: user.id,
        action: "read",
        recordType: "cohort-roster",
        recordId: cohort.id,
      },
    });
    expect(after).toBe(before + 1);
  });

  it("shows a family member only the first name of the person they support", async () => {
    const home = await homeOf(DEMO_ACCOUNTS.family[0]);
    if (home.role !== "FAMILY") throw new Error(`expected a family home, got ${home.role}`);
    expect(home.supporting).toEqual([{ participantFirstName: "Jordan", relationship: "PARENT" }]);
    const text = JSON.stringify(home);
    for (const hidden of ["Lee", "Evening track", "phase", "schedule", "Whitfield"]) {
      expect(text).not.toContain(hidden);
    }
  });

  it("shows an admin their clinic's programs, counts and license alerts", async () => {
    const home = await homeOf(DEMO_ACCOUNTS.admin);
    if (home.role !== "ADMIN") throw new Error(`expected an admin home, got ${home.role}`);
    expect(home.organization.name).toBe("Riverbend Behavioral Health");
    expect(home.counts).toMatchObject({ participants: 9, facilitators: 3, familyMembers: 2 });
    expect(home.programs.flatMap((p) => p.cohorts.map((c) => c.name))).toContain("Evening track");
    expect(home.programs.flatMap((p) => p.cohorts.map((c) => c.name))).not.toContain(
      otherClinicCohortName,
    );
    expect(home.licenseAlerts.map((a) => a.displayName)).toEqual(["Marcus Reyes"]);
    expect(home.licenseAlerts[0]?.daysUntilExpiry).toBe(45);
  });

  it("keeps showing today's phase after a step-down is scheduled, with the change and its date", async () => {
    const participant = await server.db.prisma.user.findUniqueOrThrow({
      where: { email: DEMO_ACCOUNTS.participants[0] },
    });
    const enrollment = await server.db.prisma.enrollment.findFirstOrThrow({
      where: { participantUserId: participant.id, status: "ACTIVE" },
    });
    const effectiveFrom = enrollment.plannedDischargeOn.toISOString().slice(0, 10);
    const dana = await signedInClient(server.url, DEMO_ACCOUNTS.facilitators[0], TEST_PASSWORD);
    const stepped = await dana.post(`/api/enrollments/${enrollment.id}/step-down`, {
      effectiveFrom,
    });
    expect(stepped.status, JSON.stringify(stepped.body)).toBe(200);

    const home = await homeOf(DEMO_ACCOUNTS.participants[0]);
    if (home.role !== "PARTICIPANT")
      throw new Error(`expected a participant home, got ${home.role}`);
    expect(home.enrollments[0]).toMatchObject({
      phase: 4,
      nextPhase: { phase: 3, effectiveFrom },
    });
    const roster = await homeOf(DEMO_ACCOUNTS.facilitators[0]);
    if (roster.role !== "FACILITATOR") throw new Error(`expected a facilitator home`);
    expect(roster.cohorts[0]?.participants.map((p) => p.phase).sort()).toEqual([
      2, 2, 3, 3, 3, 4, 4, 4,
    ]);
  });

  it.each([DEMO_ACCOUNTS.facilitators[0], DEMO_ACCOUNTS.participants[0], DEMO_ACCOUNTS.family[0]])(
    "answers the audit log as not found for %s",
    async (email) => {
      const client = await signedInClient(server.url, email, TEST_PASSWORD);
      const res = await client.get("/api/audit-events");
      expect(res.status).toBe(404);
      expect(ApiErrorBodySchema.parse(res.body).error.code).toBe("not_found");
    },
  );

  it("lets an admin page through the audit log, newest first, and records that read", async () => {
    const admin = await signedInClient(server.url, DEMO_ACCOUNTS.admin, TEST_PASSWORD);
    const first = await admin.get<{
      events: { id: string; action: string }[];
      nextBefore: string | null;
    }>("/api/audit-events?limit=2");
    expect(first.status).toBe(200);
    expect(first.body.events).toHaveLength(2);
    const [a, b] = first.body.events;
    expect(BigInt(a?.id ?? "0")).toBeGreaterThan(BigInt(b?.id ?? "0"));
    const second = await admin.get<{ events: { id: string }[] }>(
      `/api/audit-events?limit=2&before=${first.body.nextBefore ?? ""}`,
    );
    expect(BigInt(second.body.events[0]?.id ?? "0")).toBeLessThan(BigInt(b?.id ?? "0"));
    const reads = await server.db.prisma.auditEvent.count({
      where: { recordType: "audit-log", action: "read" },
    });
    expect(reads).toBeGreaterThanOrEqual(2);
  });
});
