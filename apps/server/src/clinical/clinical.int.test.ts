import {
  ApiErrorBodySchema,
  type AftercareDto,
  type AssessmentHistory,
  type AssessmentResultDto,
  type CohortAttendance,
  type CohortSeverities,
  type CrisisAlertDto,
  type SafetyPlanDto,
  type SessionNoteDto,
  type TreatmentPlanDto,
} from "@bridgeway/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { fixtures } from "../testing/fixtures";
import { signedInClient, type TestClient } from "../testing/http-client";
import { LiveClient } from "../testing/live-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

const [JORDAN, SAM] = DEMO_ACCOUNTS.participants;
const [DANA, MARCUS] = DEMO_ACCOUNTS.facilitators;
const [PAT] = DEMO_ACCOUNTS.family;
const ADMIN = DEMO_ACCOUNTS.admin;
const opened: LiveClient[] = [];

afterEach(() => {
  for (const live of opened.splice(0)) live.close();
});

const fieldsOf = (body: unknown) => ApiErrorBodySchema.parse(body).error.fields ?? {};

describe.each(databaseKinds())("the clinical record on %s", (kind) => {
  // Wednesday 25 November 2026, 10:00 in New York; the demo cohort started on 9 November.
  const clock = new ManualClock(new Date("2026-11-25T15:00:00Z"));
  let server: TestServer;
  let ids: Record<"jordan" | "sam" | "dana" | "pat", string>;
  let cohortId = "";
  let outsider: TestClient;

  beforeAll(async () => {
    server = await startTestServer({ kind, clock });
    const idOf = async (email: string) =>
      (await server.db.prisma.user.findUniqueOrThrow({ where: { email } })).id;
    ids = {
      jordan: await idOf(JORDAN),
      sam: await idOf(SAM),
      dana: await idOf(DANA),
      pat: await idOf(PAT),
    };
    cohortId = (
      await server.db.prisma.cohort.findFirstOrThrow({ where: { name: "Evening track" } })
    ).id;
    // A clinician of another cohort in the same clinic, treating someone else.
    const make = fixtures(server.db.prisma, TEST_PASSWORD);
    const org = (await server.db.prisma.user.findUniqueOrThrow({ where: { email: DANA } }))
      .organizationId;
    const gil = await make.user(org, "FACILITATOR", "Gil");
    const quinn = await make.user(org, "PARTICIPANT", "Quinn");
    await make.cohort(org, [gil.id], [quinn.id]);
    outsider = await signedInClient(server.url, gil.email, TEST_PASSWORD);
  });
  afterAll(async () => {
    await server.close();
  });

  const sign = (email: string) => signedInClient(server.url, email, TEST_PASSWORD);
  const reads = (type: string) =>
    server.db.prisma.auditEvent.count({
      where: { recordType: type, action: "read", outcome: "success" },
    });

  it("lets a participant complete an assigned PHQ-9, refusing incomplete or out-of-range answers by item", async () => {
    const jordan = await sign(JORDAN);
    const before = await reads("assessment");
    const history = (
      await jordan.get<AssessmentHistory>(`/api/participants/${ids.jordan}/assessments`)
    ).body;
    expect(await reads("assessment")).toBe(before + 1);
    expect(history.due.map((d) => [d.instrument, d.dueOn])).toEqual([
      ["PHQ9", "2026-11-25"],
      ["GAD7", "2026-11-25"],
    ]);
    expect(history.results.filter((r) => r.instrument === "PHQ9").map((r) => r.total)).toEqual([
      13, 9,
    ]);
    const phq = history.due[0]?.id ?? "";

    const missing = await jordan.post(`/api/assessments/${phq}/responses`, {
      answers: [1, 1, 1, 1, 1, 1, 1, 1],
    });
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toEqual({ "answers.8": "Answer question 9." });
    const outOfRange = await jordan.post(`/api/assessments/${phq}/responses`, {
      answers: [1, 1, 4, 1, 1, 1, 1, 1, 0],
    });
    expect(fieldsOf(outOfRange.body)).toEqual({
      "answers.2": "Question 3: choose one of the four answers.",
    });
    expect(await server.db.prisma.assessmentResponse.count({ where: { assignmentId: phq } })).toBe(
      0,
    );

    const done = await jordan.post<AssessmentResultDto>(`/api/assessments/${phq}/responses`, {
      answers: [1, 1, 1, 1, 1, 1, 0, 0, 0],
    });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ total: 6, severity: "mild", safetyConcern: false });
    expect(
      (
        await jordan.post(`/api/assessments/${phq}/responses`, {
          answers: [0, 0, 0, 0, 0, 0, 0, 0, 0],
        })
      ).status,
    ).toBe(409);
    // Weekly: the next one is due a week after this one was.
    const next = (
      await jordan.get<AssessmentHistory>(`/api/participants/${ids.jordan}/assessments`)
    ).body.due;
    expect(next.map((d) => [d.instrument, d.dueOn])).toEqual([
      ["GAD7", "2026-11-25"],
      ["PHQ9", "2026-12-02"],
    ]);
    // Nobody else answers for Jordan, not even Jordan's clinician.
    const gad = next[0]?.id ?? "";
    expect(
      (
        await (
          await sign(DANA)
        ).post(`/api/assessments/${gad}/responses`, { answers: [0, 0, 0, 0, 0, 0, 0] })
      ).status,
    ).toBe(403);
    expect(
      (
        await (
          await sign(SAM)
        ).post(`/api/assessments/${gad}/responses`, { answers: [0, 0, 0, 0, 0, 0, 0] })
      ).status,
    ).toBe(404);
  });

  it("alerts the care team at once when PHQ-9 item 9 is above 0, shows the participant 988, and records the acknowledgement", async () => {
    const dana = await sign(DANA);
    const danaLive = new LiveClient(server.url, dana.cookieHeader());
    const sam = await sign(SAM);
    const samLive = new LiveClient(server.url, sam.cookieHeader());
    opened.push(danaLive, samLive);
    await Promise.all([danaLive.connected(), samLive.connected()]);
    const due = (await sam.get<AssessmentHistory>(`/api/participants/${ids.sam}/assessments`)).body
      .due;
    const phq = due.find((d) => d.instrument === "PHQ9")?.id ?? "";
    const alert = danaLive.waitFor<CrisisAlertDto>("alert:crisis");
    const support = samLive.waitFor<{ crisisLine: string; safetyPlanPath: string }>(
      "crisis:support",
    );
    // A low total (minimal) with item 9 at "several days".
    const done = await sam.post<AssessmentResultDto>(`/api/assessments/${phq}/responses`, {
      answers: [0, 1, 0, 0, 0, 0, 0, 0, 1],
    });
    expect(done.body).toMatchObject({ total: 2, severity: "minimal", safetyConcern: true });
    const raised = await alert;
    expect(raised).toMatchObject({
      source: "phq9",
      participant: { id: ids.sam },
      where: { kind: "assessment", ref: done.body.id, label: "PHQ-9 question 9" },
      acknowledged: null,
    });
    expect(await support).toEqual({ crisisLine: "988", safetyPlanPath: "/participant/safety" });

    // It stays open until a clinician acknowledges it, and the acknowledgement is recorded.
    const open = (await dana.get<{ alerts: CrisisAlertDto[] }>("/api/alerts")).body.alerts;
    expect(open.find((a) => a.id === raised.id)?.acknowledged).toBeNull();
    const ack = await dana.post<CrisisAlertDto>(`/api/alerts/${raised.id}/acknowledge`, {
      note: "Called Sam; safe tonight, plan reviewed.",
    });
    expect(ack.status).toBe(200);
    expect(ack.body.acknowledged).toMatchObject({ by: "Dana Whitfield" });
    const stored = await server.db.prisma.crisisAlert.findUniqueOrThrow({
      where: { id: raised.id },
    });
    expect(stored.acknowledgedById).toBe(ids.dana);
    expect(stored.acknowledgedAt).not.toBeNull();
  });

  it("shows clinicians scores over time and the cohort's current severities", async () => {
    const dana = await sign(DANA);
    const history = (
      await dana.get<AssessmentHistory>(`/api/participants/${ids.jordan}/assessments`)
    ).body;
    const phq = history.results.filter((r) => r.instrument === "PHQ9");
    expect(phq.map((r) => r.total)).toEqual([13, 9, 6]);
    expect(phq.map((r) => r.completedAt)).toEqual([...phq.map((r) => r.completedAt)].sort());
    const glance = (await dana.get<CohortSeverities>(`/api/cohorts/${cohortId}/severities`)).body;
    const jordan = glance.participants.find((p) => p.participantId === ids.jordan);
    expect(jordan?.latest.PHQ9).toMatchObject({ total: 6, severity: "mild" });
    expect(jordan?.latest.GAD7).toMatchObject({ total: 8, severity: "mild" });
    expect(glance.participants.find((p) => p.participantId === ids.sam)?.latest.PHQ9).toMatchObject(
      { total: 2, safetyConcern: true },
    );
    // Assigning: a new series, a duplicate refused, a date in the past refused.
    const gad = await dana.post(`/api/participants/${ids.sam}/assessments`, {
      instrument: "GAD7",
      cadence: "EVERY_2_WEEKS",
      firstDueOn: "2026-11-26",
    });
    expect(gad.status).toBe(201);
    const again = await dana.post(`/api/participants/${ids.sam}/assessments`, {
      instrument: "GAD7",
      cadence: "WEEKLY",
      firstDueOn: "2026-11-26",
    });
    expect(again.status).toBe(409);
    const past = await dana.post(`/api/participants/${ids.jordan}/assessments`, {
      instrument: "PHQ9",
      cadence: "sometimes",
      firstDueOn: "2026-11-01",
    });
    expect(Object.keys(fieldsOf(past.body))).toEqual(["cadence"]);
    expect((await outsider.get(`/api/cohorts/${cohortId}/severities`)).status).toBe(404);
  });

  it("versions the safety plan, which the participant reads but only their clinicians write", async () => {
    const jordan = await sign(JORDAN);
    const dana = await sign(DANA);
    const current = (
      await jordan.get<{ plan: SafetyPlanDto }>(`/api/participants/${ids.jordan}/safety-plan`)
    ).body.plan;
    expect(current).toMatchObject({ version: 1, authoredBy: "Dana Whitfield" });
    expect(current.content.warningSigns).toContain("Skipping meals");
    const content = {
      ...current.content,
      copingStrategies: [...current.content.copingStrategies, "Call my sister"],
    };
    expect(
      (
        await jordan.request("PUT", `/api/participants/${ids.jordan}/safety-plan`, {
          json: { content, basedOn: 1 },
        })
      ).status,
    ).toBe(403);
    const saved = await dana.request("PUT", `/api/participants/${ids.jordan}/safety-plan`, {
      json: { content, basedOn: 1 },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2 });
    // Someone who started from version 1 does not overwrite version 2.
    const stale = await (
      await sign(MARCUS)
    ).request("PUT", `/api/participants/${ids.jordan}/safety-plan`, {
      json: { content, basedOn: 1 },
    });
    expect(stale.status).toBe(409);
    const bad = await dana.request("PUT", `/api/participants/${ids.jordan}/safety-plan`, {
      json: { content: { ...content, warningSigns: [""], unknown: 1 }, basedOn: 2 },
    });
    expect(Object.keys(fieldsOf(bad.body)).sort()).toEqual([
      "content.unknown",
      "content.warningSigns.0",
    ]);
    const versions = (
      await dana.get<{ versions: SafetyPlanDto[] }>(
        `/api/participants/${ids.jordan}/safety-plan/versions`,
      )
    ).body.versions;
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(
      (await jordan.get<{ plan: SafetyPlanDto }>(`/api/participants/${ids.jordan}/safety-plan`))
        .body.plan.content.copingStrategies,
    ).toContain("Call my sister");
    // Before a plan is written it reads as empty, not missing.
    expect((await (await sign(SAM)).get(`/api/participants/${ids.sam}/safety-plan`)).body).toEqual({
      plan: null,
    });
  });

  it("keeps a group note with DAP parts for those who attended; signing locks it and changes become addenda", async () => {
    // Monday 16 November, 18:00 in New York: last week's group meeting.
    clock.set(new Date("2026-11-16T23:00:00Z"));
    const session = await server.db.prisma.sessionOccurrence.findFirstOrThrow({
      where: { cohortId, startsAt: new Date("2026-11-16T23:00:00Z") },
    });
    const people = await Promise.all(
      [DANA, JORDAN, SAM].map(async (email) => {
        const client = await sign(email);
        const live = new LiveClient(server.url, client.cookieHeader());
        opened.push(live);
        await live.connected();
        return { client, live };
      }),
    );
    const [dana, jordan, sam] = people as [
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
    ];
    expect((await dana.live.join(session.id, "Dana")).ok).toBe(true);
    for (const [person, name, id] of [
      [jordan, "Jordan", ids.jordan],
      [sam, "Sam", ids.sam],
    ] as const) {
      expect((await person.live.join(session.id, name)).ok).toBe(true);
      expect(
        (await dana.live.request("room:admit", { sessionId: session.id, userId: id })).ok,
      ).toBe(true);
    }
    clock.advance(20 * 60_000);
    await jordan.live.request("room:leave", { sessionId: session.id });
    clock.advance(25 * 60_000);
    await sam.live.request("room:leave", { sessionId: session.id });

    // Before the note exists, and for people who are not its clinicians.
    const danaNow = await sign(DANA);
    const empty = await danaNow.get<{ note: SessionNoteDto | null; attended: { id: string }[] }>(
      `/api/sessions/${session.id}/note`,
    );
    expect(empty.body.note).toBeNull();
    expect(empty.body.attended.map((a) => a.id).sort()).toEqual([ids.jordan, ids.sam].sort());
    for (const other of [await sign(JORDAN), await sign(PAT), await sign(ADMIN), outsider]) {
      expect((await other.get(`/api/sessions/${session.id}/note`)).status).toBe(404);
    }

    const note = {
      topic: "Noticing thinking traps",
      interventions: ["CBT: cognitive restructuring", "Psychoeducation"],
      summary: "Group practised catching all-or-nothing thoughts.",
      parts: [
        {
          participantId: ids.jordan,
          data: "Shared a thought record about work.",
          assessment: "Engaged; mood brighter than last week.",
          plan: "Continue thought records; review Thursday.",
        },
      ],
    };
    const notAttended = await danaNow.request("PUT", `/api/sessions/${session.id}/note`, {
      json: { ...note, parts: [{ ...note.parts[0], participantId: ids.pat }] },
    });
    expect(fieldsOf(notAttended.body)).toEqual({
      "parts.0.participantId": "This person did not attend the session.",
    });
    const incomplete = await danaNow.request("PUT", `/api/sessions/${session.id}/note`, {
      json: { ...note, parts: [{ ...note.parts[0], plan: " " }], interventions: [] },
    });
    expect(Object.keys(fieldsOf(incomplete.body)).sort()).toEqual([
      "interventions",
      "parts.0.plan",
    ]);
    const draft = await danaNow.request("PUT", `/api/sessions/${session.id}/note`, { json: note });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ status: "draft", parts: [{ displayName: "Jordan Lee" }] });

    const signed = await danaNow.post<SessionNoteDto>(`/api/sessions/${session.id}/note/sign`);
    expect(signed.body.status).toBe("signed");
    expect(signed.body.signed).toMatchObject({ by: "Dana Whitfield" });
    const edit = await danaNow.request("PUT", `/api/sessions/${session.id}/note`, {
      json: { ...note, summary: "Rewritten after signing" },
    });
    expect(edit.status).toBe(409);
    expect((await danaNow.post(`/api/sessions/${session.id}/note/sign`)).status).toBe(409);

    clock.advance(60 * 60_000);
    const marcus = await sign(MARCUS);
    const addendum = await marcus.post<SessionNoteDto>(`/api/sessions/${session.id}/note/addenda`, {
      text: "Jordan called after group; reports sleeping better.",
      participantId: ids.jordan,
    });
    expect(addendum.status).toBe(201);
    expect(addendum.body.summary).toBe(note.summary);
    expect(addendum.body.addenda).toEqual([
      expect.objectContaining({
        author: "Marcus Reyes",
        participantId: ids.jordan,
        createdAt: clock.now().toISOString(),
      }),
    ]);
    const before = await reads("clinical-note");
    await marcus.get(`/api/sessions/${session.id}/note`);
    expect(await reads("clinical-note")).toBe(before + 1);
  });

  it("builds the cohort's attendance grid and CSV, flagging a week under the 9-hour minimum", async () => {
    clock.set(new Date("2026-11-25T15:00:00Z"));
    const dana = await sign(DANA);
    const grid = await dana.get<CohortAttendance>(
      `/api/cohorts/${cohortId}/attendance?from=2026-11-16&to=2026-11-22`,
    );
    expect(grid.status).toBe(200);
    expect(grid.body.sessions).toHaveLength(3);
    const monday = grid.body.sessions[0]?.id;
    const row = (id: string) => grid.body.participants.find((p) => p.participantId === id);
    expect(row(ids.jordan)?.cells.find((c) => c.sessionId === monday)).toMatchObject({
      expected: true,
      attended: true,
      minutes: 20,
      late: false,
      leftEarly: true,
    });
    expect(row(ids.sam)?.cells.find((c) => c.sessionId === monday)?.minutes).toBe(45);
    expect(row(ids.jordan)?.weeks).toEqual([
      expect.objectContaining({
        weekStart: "2026-11-16",
        attendedHours: 0.33,
        status: "below-minimum",
        flagged: true,
      }),
    ]);

    const csv = await fetch(
      `${server.url}/api/cohorts/${cohortId}/attendance.csv?from=2026-11-16&to=2026-11-22`,
      { headers: { cookie: dana.cookieHeader() } },
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toContain(
      "attendance-2026-11-16-to-2026-11-22.csv",
    );
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "Participant,Date,Start,Session,Expected,Planned minutes,Attended minutes,Modality,Video minutes,Audio-only minutes,Late,Left early,Week of,Week planned hours,Week attended hours,Below 9-hour minimum",
    );
    expect(lines).toContain(
      `Jordan Lee,2026-11-16,18:00,Group therapy,yes,180,20,video,20,0,no,yes,2026-11-16,${row(ids.jordan)?.weeks[0]?.plannedHours ?? ""},0.33,yes`,
    );

    expect(
      fieldsOf(
        (await dana.get(`/api/cohorts/${cohortId}/attendance?from=2026-11-22&to=2026-11-16`)).body,
      ),
    ).toEqual({ to: "The end date comes before the start." });
    expect(
      Object.keys(
        fieldsOf(
          (await dana.get(`/api/cohorts/${cohortId}/attendance?from=2026-01-01&to=2026-11-16`))
            .body,
        ),
      ),
    ).toEqual(["to"]);
    expect(
      (
        await (
          await sign(JORDAN)
        ).get(`/api/cohorts/${cohortId}/attendance?from=2026-11-16&to=2026-11-22`)
      ).status,
    ).toBe(404);
    expect(
      (await outsider.get(`/api/cohorts/${cohortId}/attendance.csv?from=2026-11-16&to=2026-11-22`))
        .status,
    ).toBe(404);
    expect(
      (
        await (
          await sign(ADMIN)
        ).get(`/api/cohorts/${cohortId}/attendance?from=2026-11-16&to=2026-11-22`)
      ).status,
    ).toBe(200);
  });

  it("reviews the treatment plan on a cadence; the participant reads and acknowledges each version", async () => {
    const jordan = await sign(JORDAN);
    const dana = await sign(DANA);
    const plan = (
      await jordan.get<{ plan: TreatmentPlanDto }>(`/api/participants/${ids.jordan}/treatment-plan`)
    ).body.plan;
    expect(plan).toMatchObject({
      version: 1,
      reviewEveryDays: 14,
      reviewDue: false,
      acknowledgedAt: null,
    });
    expect(plan.phases).toEqual([expect.objectContaining({ phase: 4 })]);
    expect(
      (
        await jordan.post(`/api/enrollments/${plan.enrollmentId}/treatment-plan/acknowledge`, {
          version: 1,
        })
      ).status,
    ).toBe(204);
    // Jordan cannot rewrite the plan; Sam cannot read it.
    expect(
      (
        await jordan.request("PUT", `/api/enrollments/${plan.enrollmentId}/treatment-plan`, {
          json: { content: plan.content, reviewEveryDays: 14, basedOn: 1 },
        })
      ).status,
    ).toBe(403);
    expect(
      (await (await sign(SAM)).get(`/api/enrollments/${plan.enrollmentId}/treatment-plan`)).status,
    ).toBe(404);

    // Reviews due: everyone in Dana's cohorts without a plan, not Jordan (due in 3 days).
    const due = (
      await dana.get<{ reviews: { participantId: string; nextReviewOn: string | null }[] }>(
        "/api/treatment-plans/reviews-due",
      )
    ).body.reviews;
    expect(due.some((r) => r.participantId === ids.sam && r.nextReviewOn === null)).toBe(true);
    expect(due.some((r) => r.participantId === ids.jordan)).toBe(false);
    clock.advance(3 * 86_400_000);
    const danaLater = await sign(DANA);
    const dueLater = (
      await danaLater.get<{ reviews: { participantId: string }[] }>(
        "/api/treatment-plans/reviews-due",
      )
    ).body.reviews;
    expect(dueLater.some((r) => r.participantId === ids.jordan)).toBe(true);

    const reviewed = await danaLater.request(
      "PUT",
      `/api/enrollments/${plan.enrollmentId}/treatment-plan`,
      {
        json: { content: plan.content, reviewEveryDays: 21, basedOn: 1 },
      },
    );
    expect(reviewed.body).toMatchObject({
      version: 2,
      nextReviewOn: "2026-12-19",
      acknowledgedAt: null,
    });
    const missingObjective = await danaLater.request(
      "PUT",
      `/api/enrollments/${plan.enrollmentId}/treatment-plan`,
      {
        json: {
          content: {
            problems: [
              {
                problem: "Sleep",
                goals: [{ goal: "Sleep 7 hours", objectives: [], interventions: ["CBT-I"] }],
              },
            ],
          },
          reviewEveryDays: 21,
          basedOn: 2,
        },
      },
    );
    expect(fieldsOf(missingObjective.body)).toEqual({
      "content.problems.0.goals.0.objectives": "Give each goal at least one measurable objective.",
    });
    const jordanLater = await sign(JORDAN);
    const stale = await jordanLater.post(
      `/api/enrollments/${plan.enrollmentId}/treatment-plan/acknowledge`,
      {
        version: 1,
      },
    );
    expect(stale.status).toBe(409);
    expect(
      (
        await jordanLater.post(`/api/enrollments/${plan.enrollmentId}/treatment-plan/acknowledge`, {
          version: 2,
        })
      ).status,
    ).toBe(204);
    clock.set(new Date("2026-11-25T15:00:00Z"));
  });

  it("lets only the participant acknowledge a plan and only clinicians list reviews due, auditing each refusal", async () => {
    const enrollment = await server.db.prisma.enrollment.findFirstOrThrow({
      where: { participantUserId: ids.jordan },
    });
    const refusals = () =>
      server.db.prisma.auditEvent.count({
        where: { recordType: "treatment-plan", outcome: "denied" },
      });
    const before = await refusals();
    const dana = await sign(DANA);
    const current = (
      await dana.get<{ plan: TreatmentPlanDto }>(`/api/enrollments/${enrollment.id}/treatment-plan`)
    ).body.plan;
    // Acknowledging is the participant's word that they read it: their clinician cannot give it.
    expect(
      (
        await dana.post(`/api/enrollments/${enrollment.id}/treatment-plan/acknowledge`, {
          version: current.version,
        })
      ).status,
    ).toBe(403);
    for (const email of [JORDAN, PAT, ADMIN]) {
      expect((await (await sign(email)).get("/api/treatment-plans/reviews-due")).status).toBe(404);
    }
    expect(await refusals()).toBe(before + 4);
  });

  it("discharges with a summary and aftercare plan that the participant keeps reading", async () => {
    const dana = await sign(DANA);
    const enrollment = await server.db.prisma.enrollment.findFirstOrThrow({
      where: { participantUserId: ids.sam, cohortId },
    });
    const input = {
      reason: "COMPLETED",
      dischargedOn: "2026-11-25",
      summary: "Completed eight weeks; PHQ-9 from 8 to 2. Safety concern on 25 Nov addressed.",
      aftercare: {
        stepDownLevel: "Outpatient therapy",
        followUps: [
          { with: "Dr. Kim, outpatient therapist", on: "2026-12-02", details: "Video visit" },
        ],
        resources: ["SMART Recovery Thursday meeting"],
      },
    };
    const early = await dana.post(`/api/enrollments/${enrollment.id}/discharge`, {
      ...input,
      dischargedOn: "2020-01-01",
    });
    expect(Object.keys(fieldsOf(early.body))).toEqual(["dischargedOn"]);
    const sam = await sign(SAM);
    expect((await sam.post(`/api/enrollments/${enrollment.id}/discharge`, input)).status).toBe(404);
    const done = await dana.post(`/api/enrollments/${enrollment.id}/discharge`, input);
    expect(done.status).toBe(201);
    expect(
      (await server.db.prisma.enrollment.findUniqueOrThrow({ where: { id: enrollment.id } }))
        .status,
    ).toBe("DISCHARGED");
    // Once discharged, the former care team reads the record but writes nothing more.
    expect((await dana.post(`/api/enrollments/${enrollment.id}/discharge`, input)).status).toBe(
      403,
    );
    expect((await dana.get(`/api/enrollments/${enrollment.id}/discharge`)).body).toMatchObject({
      summary: input.summary,
    });

    // Sam keeps the aftercare plan and safety plan, not the clinical summary.
    const aftercare = (
      await sam.get<{ aftercare: AftercareDto[] }>(`/api/participants/${ids.sam}/aftercare`)
    ).body.aftercare;
    expect(aftercare).toEqual([
      { enrollmentId: enrollment.id, dischargedOn: "2026-11-25", aftercare: input.aftercare },
    ]);
    expect((await sam.get(`/api/enrollments/${enrollment.id}/discharge`)).status).toBe(404);
    expect((await sam.get(`/api/participants/${ids.sam}/safety-plan`)).status).toBe(200);
    // The clinicians who treated Sam still have the record after discharge.
    expect((await dana.get(`/api/participants/${ids.sam}/assessments`)).status).toBe(200);
  });

  it("shows nothing of the clinical record to another participant, a family member, an admin or another cohort's clinician", async () => {
    const enrollment = await server.db.prisma.enrollment.findFirstOrThrow({
      where: { participantUserId: ids.jordan },
    });
    const paths = [
      `/api/participants/${ids.jordan}/assessments`,
      `/api/participants/${ids.jordan}/safety-plan`,
      `/api/participants/${ids.jordan}/safety-plan/versions`,
      `/api/participants/${ids.jordan}/treatment-plan`,
      `/api/participants/${ids.jordan}/aftercare`,
      `/api/enrollments/${enrollment.id}/treatment-plan`,
      `/api/enrollments/${enrollment.id}/discharge`,
      `/api/cohorts/${cohortId}/severities`,
    ];
    for (const [who, client] of [
      ["Sam", await sign(SAM)],
      ["Pat (with consent for family sessions)", await sign(PAT)],
      ["the admin", await sign(ADMIN)],
      ["Gil (another cohort)", outsider],
    ] as const) {
      const statuses = await Promise.all(paths.map(async (p) => [p, (await client.get(p)).status]));
      expect(statuses, who).toEqual(paths.map((p) => [p, 404]));
    }
    // Jordan reads their own plans and scores, but not clinicians' notes (covered above).
    const jordan = await sign(JORDAN);
    for (const p of paths.slice(0, 2)) expect((await jordan.get(p)).status).toBe(200);
    expect((await jordan.get(`/api/participants/${ids.jordan}/safety-plan/versions`)).status).toBe(
      403,
    );
    // Refusals are audited too.
    expect(
      await server.db.prisma.auditEvent.count({
        where: { outcome: "denied", recordType: "safety-plan" },
      }),
    ).toBeGreaterThan(0);
  });
});
