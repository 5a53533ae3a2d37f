import type { AssessmentHistory, CrisisAlertDto } from "@bridgeway/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fixtures } from "../testing/fixtures";
import { signedInClient } from "../testing/http-client";
import { LiveClient } from "../testing/live-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

const opened: LiveClient[] = [];
afterEach(() => {
  for (const live of opened.splice(0)) live.close();
});

/*
 * A clinic of its own: Ada is its admin; Farah runs one cohort (with Pat in it), Gil another.
 * Sky was in Gil's cohort in early November and was discharged; nobody treats Sky now.
 */
describe.each(databaseKinds())("care relationships on %s", (kind) => {
  const clock = new ManualClock(new Date("2026-11-05T15:00:00Z"));
  let server: TestServer;
  let people: Record<"ada" | "farah" | "gil" | "pat" | "sky", { id: string; email: string }>;
  let farahsCohort = "";
  let gilsCohort = "";

  beforeAll(async () => {
    server = await startTestServer({ kind, clock });
    const make = fixtures(server.db.prisma, TEST_PASSWORD);
    const org = (await make.organization()).id;
    people = {
      ada: await make.user(org, "ADMIN", "Ada"),
      farah: await make.user(org, "FACILITATOR", "Farah"),
      gil: await make.user(org, "FACILITATOR", "Gil"),
      pat: await make.user(org, "PARTICIPANT", "Pat"),
      sky: await make.user(org, "PARTICIPANT", "Sky"),
    };
    farahsCohort = (await make.cohort(org, [people.farah.id], [people.pat.id])).id;
    gilsCohort = (await make.cohort(org, [people.gil.id], [people.sky.id])).id;
  });
  afterAll(async () => {
    await server.close();
  });

  const sign = (who: keyof typeof people) =>
    signedInClient(server.url, people[who].email, TEST_PASSWORD);
  const enrollmentsOf = (participantUserId: string) =>
    server.db.prisma.enrollment.findMany({ where: { participantUserId } });
  const close = async (participantUserId: string, endedOn: string) => {
    await server.db.prisma.enrollment.updateMany({
      where: { participantUserId, status: "ACTIVE" },
      data: { status: "DISCHARGED", endedOn: new Date(`${endedOn}T00:00:00Z`) },
    });
  };
  const historyOf = async (who: keyof typeof people, participantId: string) =>
    (await sign(who)).get<AssessmentHistory>(`/api/participants/${participantId}/assessments`);

  it("refuses a facilitator who enrolls a stranger into their own cohort, and keeps the stranger's record closed to them", async () => {
    // Sky's past: Gil assigned a PHQ-9 and Sky completed it, then Sky was discharged.
    const gil = await sign("gil");
    const assigned = await gil.post<{ id: string }>(
      `/api/participants/${people.sky.id}/assessments`,
      {
        instrument: "PHQ9",
        cadence: "WEEKLY",
        firstDueOn: "2026-11-05",
      },
    );
    expect(assigned.status).toBe(201);
    const sky = await sign("sky");
    expect(
      (
        await sky.post(`/api/assessments/${assigned.body.id}/responses`, {
          answers: [1, 1, 1, 1, 1, 0, 0, 0, 0],
        })
      ).status,
    ).toBe(201);
    await close(people.sky.id, "2026-11-06");

    // Five weeks later Farah tries to give herself Sky's record by enrolling Sky.
    clock.set(new Date("2026-12-10T15:00:00Z"));
    const farah = await sign("farah");
    const before = await enrollmentsOf(people.sky.id);
    const attack = await farah.post(`/api/cohorts/${farahsCohort}/enrollments`, {
      participantUserId: people.sky.id,
      phase: 2,
      startsOn: "2026-12-10",
      plannedDischargeOn: "2027-02-01",
    });
    expect(attack.status).toBe(403);
    expect(await enrollmentsOf(people.sky.id)).toEqual(before);
    for (const path of ["assessments", "safety-plan", "treatment-plan", "aftercare"]) {
      expect((await farah.get(`/api/participants/${people.sky.id}/${path}`)).status, path).toBe(
        404,
      );
    }
    // Nor can she add herself to the cohort that treated Sky, or a colleague to her own.
    expect(
      (
        await farah.request("PATCH", `/api/cohorts/${gilsCohort}`, {
          json: { coFacilitatorIds: [people.farah.id] },
        })
      ).status,
    ).toBe(404);
    const recruit = await farah.request("PATCH", `/api/cohorts/${farahsCohort}`, {
      json: { coFacilitatorIds: [people.gil.id] },
    });
    expect(recruit.status).toBe(403);
    expect(
      await server.db.prisma.cohortFacilitator.count({ where: { cohortId: farahsCohort } }),
    ).toBe(1);
    // Changing her cohort otherwise is still hers to do.
    expect(
      (await farah.request("PATCH", `/api/cohorts/${farahsCohort}`, { json: { capacity: 11 } }))
        .status,
    ).toBe(200);
    // And a refusal is audited.
    expect(
      await server.db.prisma.auditEvent.count({
        where: { actorUserId: people.farah.id, outcome: "denied" },
      }),
    ).toBeGreaterThanOrEqual(6);
  });

  it("closes the record to the former care team 30 days after discharge", async () => {
    // Sky was discharged from Gil's cohort on 6 November: it is now 10 December.
    clock.set(new Date("2026-12-10T15:00:00Z"));
    expect((await historyOf("gil", people.sky.id)).status).toBe(404);
    clock.set(new Date("2026-12-05T15:00:00Z"));
    expect((await historyOf("gil", people.sky.id)).status).toBe(200);
  });

  it("opens the whole record, earlier results included, to the care team the clinic assigns, and keeps it read only for 30 days after discharge", async () => {
    clock.set(new Date("2026-12-10T15:00:00Z"));
    const ada = await sign("ada");
    const enrolled = await ada.post(`/api/cohorts/${farahsCohort}/enrollments`, {
      participantUserId: people.sky.id,
      phase: 2,
      startsOn: "2026-12-10",
      plannedDischargeOn: "2027-02-01",
    });
    expect(enrolled.status).toBe(201);
    const history = await historyOf("farah", people.sky.id);
    expect(history.status).toBe(200);
    expect(history.body.results.map((r) => r.total)).toEqual([5]);
    const farah = await sign("farah");
    const assign = await farah.post<{ id: string }>(
      `/api/participants/${people.sky.id}/assessments`,
      {
        instrument: "GAD7",
        cadence: "WEEKLY",
        firstDueOn: "2026-12-11",
      },
    );
    expect(assign.status).toBe(201);

    await close(people.sky.id, "2026-12-11");
    clock.set(new Date("2026-12-20T15:00:00Z"));
    const after = await sign("farah");
    expect((await after.get(`/api/participants/${people.sky.id}/assessments`)).status).toBe(200);
    expect(
      (
        await after.post(`/api/participants/${people.sky.id}/assessments`, {
          instrument: "PHQ9",
          cadence: "WEEKLY",
          firstDueOn: "2026-12-21",
        })
      ).status,
    ).toBe(403);
    expect((await after.post(`/api/assessments/${assign.body.id}/cancel`)).status).toBe(403);

    clock.set(new Date("2027-01-11T15:00:00Z"));
    expect((await historyOf("farah", people.sky.id)).status).toBe(404);
  });

  it("refuses a participant who assigns themselves a PHQ-9 or GAD-7", async () => {
    clock.set(new Date("2026-12-10T15:00:00Z"));
    const pat = await sign("pat");
    const before = await server.db.prisma.assessmentAssignment.count({
      where: { participantUserId: people.pat.id },
    });
    for (const instrument of ["PHQ9", "GAD7"]) {
      const self = await pat.post(`/api/participants/${people.pat.id}/assessments`, {
        instrument,
        cadence: "WEEKLY",
        firstDueOn: "2026-12-11",
      });
      expect(self.status, instrument).toBe(403);
    }
    expect(
      await server.db.prisma.assessmentAssignment.count({
        where: { participantUserId: people.pat.id },
      }),
    ).toBe(before);
    // Pat still sees what is due and completes it once Farah assigns it.
    const farah = await sign("farah");
    expect(
      (
        await farah.post(`/api/participants/${people.pat.id}/assessments`, {
          instrument: "PHQ9",
          cadence: "WEEKLY",
          firstDueOn: "2026-12-10",
        })
      ).status,
    ).toBe(201);
    const due = (await pat.get<AssessmentHistory>(`/api/participants/${people.pat.id}/assessments`))
      .body.due;
    expect(due.map((d) => d.instrument)).toEqual(["PHQ9"]);
  });

  it("keeps crisis alerts, PHQ-9 question 9 included, from admins: not listed, not sent, not acknowledged", async () => {
    clock.set(new Date("2026-12-10T16:00:00Z"));
    const [farah, ada, pat] = [await sign("farah"), await sign("ada"), await sign("pat")];
    const farahLive = new LiveClient(server.url, farah.cookieHeader());
    const adaLive = new LiveClient(server.url, ada.cookieHeader());
    opened.push(farahLive, adaLive);
    await Promise.all([farahLive.connected(), adaLive.connected()]);
    const due = (await pat.get<AssessmentHistory>(`/api/participants/${people.pat.id}/assessments`))
      .body.due;
    const phq = due.find((d) => d.instrument === "PHQ9")?.id ?? "";
    const alert = farahLive.waitFor<CrisisAlertDto>("alert:crisis");
    expect(
      (
        await pat.post(`/api/assessments/${phq}/responses`, {
          answers: [0, 0, 0, 0, 0, 0, 0, 0, 2],
        })
      ).status,
    ).toBe(201);
    const raised = await alert;
    expect(raised.participant.id).toBe(people.pat.id);
    // A round trip on Ada's socket: anything sent to her before it would have arrived first.
    await adaLive.request("room:leave", { sessionId: raised.id });
    expect(adaLive.events.filter((e) => e.event === "alert:crisis")).toEqual([]);

    expect((await ada.get("/api/alerts")).status).toBe(404);
    expect((await ada.get("/api/alerts?status=open")).status).toBe(404);
    const ack = await ada.post(`/api/alerts/${raised.id}/acknowledge`, { note: "seen" });
    expect(ack.status).toBe(404);
    expect(
      (await server.db.prisma.crisisAlert.findUniqueOrThrow({ where: { id: raised.id } }))
        .acknowledgedAt,
    ).toBeNull();
    // The care team lists and acknowledges it.
    const listed = (await farah.get<{ alerts: CrisisAlertDto[] }>("/api/alerts")).body.alerts;
    expect(listed.map((a) => a.id)).toContain(raised.id);
    expect((await farah.post(`/api/alerts/${raised.id}/acknowledge`, { note: "" })).status).toBe(
      200,
    );
  });
});
