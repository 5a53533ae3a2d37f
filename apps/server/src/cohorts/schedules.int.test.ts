import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ApiErrorBodySchema,
  CohortDetailSchema,
  EnrollmentSummarySchema,
  PlannedWeekSchema,
  SessionListSchema,
  SessionSummarySchema,
  type CreateCohortInput,
  type SessionSummary,
} from "@bridgeway/domain";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../seed/demo-clinic";
import { fixtures } from "../testing/fixtures";
import { signedInClient, type TestClient } from "../testing/http-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds } from "../testing/test-databases";
import { acceptAccountInvitation } from "../testing/password-links";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

function localClock(instant: string, zone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(instant));
}

function errorOf(body: unknown) {
  return ApiErrorBodySchema.parse(body).error;
}

describe.each(databaseKinds())("schedules on %s", (kind) => {
  // The clinic's "today" is set in late winter 2027, so the 8-week horizon crosses the spring
  // daylight-saving changes in both the US (14 March) and the UK (28 March).
  const clock = new ManualClock(new Date("2027-02-22T12:00:00Z"));
  let server: TestServer;
  const outbox = mkdtempSync(join(tmpdir(), "bw-outbox-"));
  let admin: TestClient;
  let dana: TestClient;
  let ids: {
    programId: string;
    dana: string;
    marcus: string;
    expired: string;
    newcomer: string;
    newcomerEmail: string;
    other: string;
    otherEmail: string;
  };

  async function newParticipant(label: string) {
    const email = `${label}-${Math.random().toString(36).slice(2, 8)}@fixtures.example`;
    const res = await admin.post<{ id: string }>("/api/participants", {
      email,
      firstName: label,
      lastName: "Tester",
      timeZone: "America/Chicago",
    });
    expect(res.status).toBe(201);
    // New accounts choose their own password through the emailed link.
    await acceptAccountInvitation(server.url, outbox, email, TEST_PASSWORD);
    return { id: res.body.id, email };
  }

  /** A clinician of their own for each cohort, so cohorts of different tests never clash. */
  async function freshFacilitator(): Promise<string> {
    const res = await admin.post<{ id: string }>("/api/facilitators", {
      email: `clinician-${Math.random().toString(36).slice(2, 10)}@fixtures.example`,
      firstName: "Fresh",
      lastName: "Clinician",
      timeZone: "America/New_York",
      credential: "LCSW",
      licenseState: "NY",
      licenseExpiresOn: "2030-06-30",
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  function cohortInput(overrides: Partial<CreateCohortInput> = {}): CreateCohortInput {
    return {
      programId: ids.programId,
      name: `Cohort ${Math.random().toString(36).slice(2, 7)}`,
      timeZone: "America/New_York",
      capacity: 10,
      startsOn: "2027-03-01",
      endsOn: "2027-04-30",
      weeklyPattern: { days: ["MO", "WE", "TH"], startTime: "10:00", endTime: "13:00" },
      leadFacilitatorId: ids.marcus,
      coFacilitatorIds: [],
      groupSessionKind: "SKILLS_GROUP",
      ...overrides,
    };
  }

  async function createCohort(overrides: Partial<CreateCohortInput> = {}) {
    const lead = overrides.leadFacilitatorId ?? (await freshFacilitator());
    const res = await admin.post(
      "/api/cohorts",
      cohortInput({ ...overrides, leadFacilitatorId: lead }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return CohortDetailSchema.parse(res.body);
  }

  async function sessionsOf(client: TestClient, from: string, to: string, cohortId?: string) {
    const res = await client.get(
      `/api/sessions?from=${from}&to=${to}${cohortId ? `&cohortId=${cohortId}` : ""}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return SessionListSchema.parse(res.body).sessions;
  }

  beforeAll(async () => {
    server = await startTestServer({ kind, clock, env: { OUTBOX_DIR: outbox } });
    admin = await signedInClient(server.url, DEMO_ACCOUNTS.admin, TEST_PASSWORD);
    dana = await signedInClient(server.url, DEMO_ACCOUNTS.facilitators[0], TEST_PASSWORD);
    const program = await admin.post<{ id: string }>("/api/programs", { name: "Adolescent IOP" });
    expect(program.status).toBe(201);
    const facilitators = await admin.get<{ facilitators: { id: string; email: string }[] }>(
      "/api/facilitators",
    );
    const byEmail = (email: string) =>
      facilitators.body.facilitators.find((f) => f.email === email)?.id ?? "";
    const expired = await admin.post<{ id: string }>("/api/facilitators", {
      email: "lapsed@fixtures.example",
      firstName: "Lee",
      lastName: "Lapsed",
      timeZone: "America/New_York",
      credential: "LMFT",
      licenseState: "NY",
      licenseExpiresOn: "2027-03-10",
    });
    expect(expired.status).toBe(201);
    // Marcus's demo license expires 45 days after the seed date; renew it for these tests.
    const marcus = byEmail(DEMO_ACCOUNTS.facilitators[1]);
    expect(
      (
        await admin.request("PATCH", `/api/facilitators/${marcus}`, {
          json: { licenseExpiresOn: "2029-12-31" },
        })
      ).status,
    ).toBe(200);
    const newcomer = await newParticipant("Nia");
    const other = await newParticipant("Omar");
    ids = {
      programId: program.body.id,
      dana: byEmail(DEMO_ACCOUNTS.facilitators[0]),
      marcus,
      expired: expired.body.id,
      newcomer: newcomer.id,
      newcomerEmail: newcomer.email,
      other: other.id,
      otherEmail: other.email,
    };
  });
  afterAll(async () => {
    await server.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  it("keeps a New York cohort at 10:00 local on both sides of the spring change, and a London one too", async () => {
    const ny = await createCohort();
    const london = await createCohort({
      timeZone: "Europe/London",
      weeklyPattern: { days: ["TU"], startTime: "18:00", endTime: "20:00" },
    });
    const nySessions = await sessionsOf(admin, "2027-03-01", "2027-03-31", ny.id);
    expect(nySessions.length).toBe(14);
    for (const s of nySessions)
      expect(localClock(s.startsAt, "America/New_York")).toMatch(/10:00$/);
    // The UTC hour moves by one across 14 March: the wall clock does not.
    expect(nySessions.map((s) => s.startsAt)).toEqual(
      expect.arrayContaining(["2027-03-11T15:00:00.000Z", "2027-03-15T14:00:00.000Z"]),
    );
    const londonSessions = await sessionsOf(admin, "2027-03-01", "2027-04-10", london.id);
    for (const s of londonSessions)
      expect(localClock(s.startsAt, "Europe/London")).toMatch(/18:00$/);
    expect(londonSessions.map((s) => s.startsAt)).toEqual(
      expect.arrayContaining(["2027-03-23T18:00:00.000Z", "2027-03-30T17:00:00.000Z"]),
    );
  });

  it("shows an enrolled participant their own meetings in My week, and nobody else's", async () => {
    const cohort = await createCohort();
    const enroll = await admin.post(`/api/cohorts/${cohort.id}/enrollments`, {
      participantUserId: ids.newcomer,
      phase: 4,
      startsOn: "2027-03-01",
      plannedDischargeOn: "2027-04-23",
    });
    expect(enroll.status, JSON.stringify(enroll.body)).toBe(201);
    const nia = await signedInClient(server.url, ids.newcomerEmail, TEST_PASSWORD);
    const week = await sessionsOf(nia, "2027-03-01", "2027-03-07");
    expect(week.map((s) => localClock(s.startsAt, "America/Chicago"))).toEqual([
      "Mon, 01/03/2027, 09:00",
      "Wed, 03/03/2027, 09:00",
      "Thu, 04/03/2027, 09:00",
    ]);
    expect(week.every((s) => s.cohort?.id === cohort.id)).toBe(true);
    // A participant never reads another cohort's meetings, or the staff view of their own.
    const demoSession = (await sessionsOf(dana, "2027-02-22", "2027-02-28"))[0];
    expect(demoSession).toBeDefined();
    expect((await nia.get(`/api/sessions/${demoSession?.id ?? ""}`)).status).toBe(404);
    expect((await nia.get(`/api/cohorts/${cohort.id}`)).status).toBe(404);
    expect((await nia.get(`/api/sessions/${week[0]?.id ?? ""}/roster`)).status).toBe(404);
    expect((await nia.get(`/api/sessions/${week[0]?.id ?? ""}`)).status).toBe(200);
  });

  it("changes expected meetings only from the step-down date", async () => {
    const cohort = await createCohort({
      weeklyPattern: { days: ["MO", "TU", "WE", "TH"], startTime: "07:00", endTime: "10:00" },
      leadFacilitatorId: ids.dana,
    });
    const person = await newParticipant("Sol");
    const enroll = await admin.post(`/api/cohorts/${cohort.id}/enrollments`, {
      participantUserId: person.id,
      phase: 4,
      startsOn: "2027-03-01",
      plannedDischargeOn: "2027-04-30",
    });
    const enrollment = EnrollmentSummarySchema.parse(enroll.body);
    expect(enrollment.days).toEqual(["MO", "TU", "WE", "TH"]);
    const stepped = await dana.post(`/api/enrollments/${enrollment.id}/step-down`, {
      effectiveFrom: "2027-03-15",
    });
    expect(stepped.status, JSON.stringify(stepped.body)).toBe(200);
    const after = EnrollmentSummarySchema.parse(stepped.body);
    expect(after.phases.map((p) => [p.phase, p.effectiveFrom])).toEqual([
      [4, "2027-03-01"],
      [3, "2027-03-15"],
    ]);
    const sol = await signedInClient(server.url, person.email, TEST_PASSWORD);
    const weekday = (s: SessionSummary) => localClock(s.startsAt, "America/New_York").slice(0, 3);
    expect((await sessionsOf(sol, "2027-03-08", "2027-03-14")).map(weekday)).toEqual([
      "Mon",
      "Tue",
      "Wed",
      "Thu",
    ]);
    expect((await sessionsOf(sol, "2027-03-15", "2027-03-21")).map(weekday)).toEqual([
      "Mon",
      "Tue",
      "Wed",
    ]);
    // Planned hours follow: 12 hours before, 9 after.
    const before = await dana.get(
      `/api/participants/${person.id}/planned-hours?weekStart=2027-03-08`,
    );
    const later = await dana.get(
      `/api/participants/${person.id}/planned-hours?weekStart=2027-03-15`,
    );
    expect(PlannedWeekSchema.parse(before.body).plannedHours).toBe(12);
    expect(PlannedWeekSchema.parse(later.body)).toMatchObject({
      plannedHours: 9,
      status: "within-range",
    });
    // A step-down into the past is refused: it would rewrite what was expected.
    const past = await dana.post(`/api/enrollments/${enrollment.id}/step-down`, {
      effectiveFrom: "2027-02-01",
    });
    expect(past.status).toBe(400);
    expect(Object.keys(errorOf(past.body).fields ?? {})).toEqual(["effectiveFrom"]);
  });

  it("refuses to double-book a participant or a facilitator, naming who and when", async () => {
    const cohort = await createCohort({
      weeklyPattern: { days: ["MO"], startTime: "09:00", endTime: "12:00" },
    });
    const person = await newParticipant("Ada");
    await admin.post(`/api/cohorts/${cohort.id}/enrollments`, {
      participantUserId: person.id,
      phase: 2,
      startsOn: "2027-03-01",
      plannedDischargeOn: "2027-04-30",
    });
    // Monday 8 March 11:00 New York overlaps the 09:00-12:00 group.
    const clash = await admin.post("/api/sessions", {
      kind: "INDIVIDUAL",
      participantUserId: person.id,
      facilitatorUserId: ids.dana,
      startsAt: "2027-03-08T11:00:00-05:00",
      durationMinutes: 50,
    });
    expect(clash.status).toBe(409);
    expect(errorOf(clash.body).message).toMatch(
      /Ada Tester is already booked for Skills group .* Mon, Mar 8/,
    );
    // Back to back is fine.
    const after = await admin.post("/api/sessions", {
      kind: "INDIVIDUAL",
      participantUserId: person.id,
      facilitatorUserId: ids.dana,
      startsAt: "2027-03-08T12:00:00-05:00",
      durationMinutes: 50,
    });
    expect(after.status, JSON.stringify(after.body)).toBe(201);
    // Dana now has 12:00-12:50: a second participant at 12:30 clashes on her side.
    const other = await newParticipant("Ben");
    const busy = await admin.post("/api/sessions", {
      kind: "INDIVIDUAL",
      participantUserId: other.id,
      facilitatorUserId: ids.dana,
      startsAt: "2027-03-08T12:30:00-05:00",
      durationMinutes: 30,
    });
    expect(busy.status).toBe(409);
    expect(errorOf(busy.body).message).toMatch(
      /Dana Whitfield is already booked for Individual therapy/,
    );
  });

  it("cancels or moves one meeting and leaves the rest of the series alone", async () => {
    const cohort = await createCohort({
      weeklyPattern: { days: ["FR"], startTime: "09:00", endTime: "10:30" },
    });
    const before = await sessionsOf(admin, "2027-03-01", "2027-03-31", cohort.id);
    expect(before).toHaveLength(4);
    const [first, second, ...rest] = before;
    const cancelled = await admin.post(`/api/sessions/${first?.id ?? ""}/cancel`, {
      reason: "Facilitator training day",
    });
    expect(SessionSummarySchema.parse(cancelled.body)).toMatchObject({
      status: "CANCELLED",
      cancelReason: "Facilitator training day",
    });
    const moved = await admin.request("PATCH", `/api/sessions/${second?.id ?? ""}`, {
      json: { startsAt: "2027-03-11T09:00:00-05:00" },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(SessionSummarySchema.parse(moved.body)).toMatchObject({
      rescheduled: true,
      startsAt: "2027-03-11T14:00:00.000Z",
    });
    const after = await sessionsOf(admin, "2027-03-01", "2027-03-31", cohort.id);
    expect(after.map((s) => s.id).sort()).toEqual(before.map((s) => s.id).sort());
    for (const s of rest) expect(after.find((a) => a.id === s.id)).toEqual(s);
    // Cancelling twice says so; a cancelled meeting cannot be moved.
    expect(
      (await admin.post(`/api/sessions/${first?.id ?? ""}/cancel`, { reason: "again" })).status,
    ).toBe(409);
    // A pattern change later leaves the moved and the cancelled meetings as they are.
    const patched = await admin.request("PATCH", `/api/cohorts/${cohort.id}`, {
      json: { weeklyPattern: { days: ["FR"], startTime: "11:00", endTime: "12:30" } },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const repatterned = await sessionsOf(admin, "2027-03-01", "2027-03-31", cohort.id);
    expect(repatterned.find((s) => s.id === first?.id)?.status).toBe("CANCELLED");
    expect(repatterned.find((s) => s.id === second?.id)?.startsAt).toBe("2027-03-11T14:00:00.000Z");
    const untouched = repatterned.filter((s) => s.id !== first?.id && s.id !== second?.id);
    for (const s of untouched) expect(localClock(s.startsAt, "America/New_York")).toMatch(/11:00$/);
  });

  it("refuses a lead whose license will have expired by a session, saying why", async () => {
    const res = await admin.post("/api/cohorts", cohortInput({ leadFacilitatorId: ids.expired }));
    expect(res.status).toBe(400);
    const error = errorOf(res.body);
    expect(Object.keys(error.fields ?? {})).toEqual(["leadFacilitatorId"]);
    expect(error.message).toMatch(
      /Lee Lapsed's license \(LMFT, NY\) expires on 2027-03-10, before the meeting on/,
    );
    const booking = await admin.post("/api/sessions", {
      kind: "INDIVIDUAL",
      participantUserId: ids.other,
      facilitatorUserId: ids.expired,
      startsAt: "2027-03-12T15:00:00-05:00",
      durationMinutes: 50,
    });
    expect(booking.status).toBe(400);
    expect(errorOf(booking.body).fields).toHaveProperty("facilitatorUserId");
  });

  it("refuses a lead whose license has already expired, even for a cohort starting beyond the horizon", async () => {
    const lapsed = await admin.post<{ id: string }>("/api/facilitators", {
      email: `lapsed-${Math.random().toString(36).slice(2, 8)}@fixtures.example`,
      firstName: "Pat",
      lastName: "Past",
      timeZone: "America/New_York",
      credential: "LPC",
      licenseState: "NY",
      licenseExpiresOn: "2027-02-01",
    });
    expect(lapsed.status).toBe(201);
    const later = cohortInput({
      leadFacilitatorId: lapsed.body.id,
      startsOn: "2027-06-07",
      endsOn: "2027-07-30",
    });
    const res = await admin.post("/api/cohorts", later);
    expect(res.status).toBe(400);
    const error = errorOf(res.body);
    expect(Object.keys(error.fields ?? {})).toEqual(["leadFacilitatorId"]);
    expect(error.message).toMatch(/expired on 2027-02-01/);
    // Nor can an existing cohort be handed to them.
    const cohort = await createCohort({ startsOn: "2027-06-07", endsOn: "2027-07-30" });
    const change = await admin.request("PATCH", `/api/cohorts/${cohort.id}`, {
      json: { leadFacilitatorId: lapsed.body.id },
    });
    expect(change.status).toBe(400);
    expect(Object.keys(errorOf(change.body).fields ?? {})).toEqual(["leadFacilitatorId"]);
    expect(
      CohortDetailSchema.parse((await admin.get(`/api/cohorts/${cohort.id}`)).body).lead?.id,
    ).toBe(cohort.lead?.id);
  });

  it("plans hours for every week of an enrolment, flagging weeks ahead that drop below 9 and why", async () => {
    const cohort = await createCohort({
      weeklyPattern: { days: ["MO", "WE", "TH"], startTime: "18:00", endTime: "21:00" },
      startsOn: "2027-03-01",
      endsOn: "2027-06-30",
      leadFacilitatorId: await freshFacilitator(),
    });
    const person = await newParticipant("Wes");
    // Starts next week (the clinic's today is Monday 22 February), runs past the horizon.
    const enroll = await admin.post(`/api/cohorts/${cohort.id}/enrollments`, {
      participantUserId: person.id,
      phase: 3,
      startsOn: "2027-03-01",
      plannedDischargeOn: "2027-05-14",
    });
    expect(enroll.status, JSON.stringify(enroll.body)).toBe(201);
    const enrollmentId = EnrollmentSummarySchema.parse(enroll.body).id;
    const stepped = await admin.post(`/api/enrollments/${enrollmentId}/step-down`, {
      effectiveFrom: "2027-04-26",
    });
    expect(stepped.status, JSON.stringify(stepped.body)).toBe(200);
    const week = await sessionsOf(admin, "2027-03-08", "2027-03-14", cohort.id);
    const monday = week.find((s) => localClock(s.startsAt, "America/New_York").startsWith("Mon"));
    expect(
      (
        await admin.post(`/api/sessions/${monday?.id ?? ""}/cancel`, {
          reason: "Facilitator training day",
        })
      ).status,
    ).toBe(200);

    const detail = CohortDetailSchema.parse((await admin.get(`/api/cohorts/${cohort.id}`)).body);
    const weeks = detail.enrollments.find((e) => e.id === enrollmentId)?.plannedWeeks ?? [];
    expect(weeks.map((w) => [w.weekStart, w.plannedHours, w.status, w.reasons])).toEqual([
      ["2027-03-01", 9, "within-range", []],
      ["2027-03-08", 6, "below-minimum", ["cancellations"]],
      ["2027-03-15", 9, "within-range", []],
      ["2027-03-22", 9, "within-range", []],
      ["2027-03-29", 9, "within-range", []],
      ["2027-04-05", 9, "within-range", []],
      ["2027-04-12", 9, "within-range", []],
      // From here on, past the 8-week horizon, the weekly pattern stands in for meetings.
      ["2027-04-19", 9, "within-range", []],
      ["2027-04-26", 6, "below-minimum", ["step-down"]],
      ["2027-05-03", 6, "below-minimum", ["step-down"]],
      ["2027-05-10", 6, "below-minimum", ["step-down"]],
    ]);
  });

  it("flags planned hours below 9 and at 20 or more", async () => {
    const cohort = await createCohort({
      weeklyPattern: { days: ["MO", "WE"], startTime: "08:00", endTime: "11:00" },
    });
    const person = await newParticipant("Pia");
    await admin.post(`/api/cohorts/${cohort.id}/enrollments`, {
      participantUserId: person.id,
      phase: 2,
      startsOn: "2027-03-01",
      plannedDischargeOn: "2027-04-30",
    });
    const low = PlannedWeekSchema.parse(
      (await admin.get(`/api/participants/${person.id}/planned-hours?weekStart=2027-03-08`)).body,
    );
    expect(low).toEqual({ weekStart: "2027-03-08", plannedHours: 6, status: "below-minimum" });
    for (const day of ["09", "10", "11", "12", "13"]) {
      const res = await admin.post("/api/sessions", {
        kind: "INDIVIDUAL",
        participantUserId: person.id,
        facilitatorUserId: ids.marcus,
        startsAt: `2027-03-${day}T13:00:00-05:00`,
        durationMinutes: 180,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    // Any day inside the week gives that week.
    const high = PlannedWeekSchema.parse(
      (await admin.get(`/api/participants/${person.id}/planned-hours?weekStart=2027-03-10`)).body,
    );
    expect(high).toEqual({ weekStart: "2027-03-08", plannedHours: 21, status: "php-range" });
  });

  it("refuses a full cohort and a second active enrollment", async () => {
    const cohort = await createCohort({
      capacity: 1,
      weeklyPattern: { days: ["SA"], startTime: "09:00", endTime: "10:00" },
    });
    const a = await newParticipant("Fay");
    const b = await newParticipant("Gus");
    const body = (id: string) => ({
      participantUserId: id,
      phase: 2,
      startsOn: "2027-03-01",
      plannedDischargeOn: "2027-04-01",
    });
    expect((await admin.post(`/api/cohorts/${cohort.id}/enrollments`, body(a.id))).status).toBe(
      201,
    );
    const full = await admin.post(`/api/cohorts/${cohort.id}/enrollments`, body(b.id));
    expect(full.status).toBe(409);
    expect(errorOf(full.body).message).toMatch(/is full \(1 of 1 places\)/);
    const other = await createCohort({
      weeklyPattern: { days: ["SU"], startTime: "09:00", endTime: "10:00" },
    });
    const twice = await admin.post(`/api/cohorts/${other.id}/enrollments`, body(a.id));
    expect(twice.status).toBe(409);
    expect(errorOf(twice.body).message).toMatch(/already enrolled/);
  });

  it("keeps facilitators to their own cohorts and participants to their own schedule", async () => {
    const marcusOnly = await createCohort({
      leadFacilitatorId: ids.marcus,
      weeklyPattern: { days: ["SU"], startTime: "15:00", endTime: "16:00" },
    });
    expect((await dana.get(`/api/cohorts/${marcusOnly.id}`)).status).toBe(404);
    expect(
      (await dana.request("PATCH", `/api/cohorts/${marcusOnly.id}`, { json: { name: "Mine now" } }))
        .status,
    ).toBe(404);
    expect(
      (
        await dana.post(`/api/cohorts/${marcusOnly.id}/enrollments`, {
          participantUserId: ids.other,
          phase: 2,
          startsOn: "2027-03-01",
          plannedDischargeOn: "2027-04-01",
        })
      ).status,
    ).toBe(404);
    expect(
      (await dana.get(`/api/sessions?from=2027-03-01&to=2027-03-31&cohortId=${marcusOnly.id}`))
        .status,
    ).toBe(404);
    // Facilitators do not create cohorts; they may update their own.
    expect(
      (await dana.post("/api/cohorts", cohortInput({ leadFacilitatorId: ids.dana }))).status,
    ).toBe(403);
    const jordan = await signedInClient(server.url, DEMO_ACCOUNTS.participants[0], TEST_PASSWORD);
    expect((await jordan.get(`/api/participants/${ids.other}/planned-hours`)).status).toBe(404);
    expect((await jordan.get("/api/participants")).status).toBe(404);
    expect(
      (
        await jordan.post("/api/sessions", {
          kind: "INDIVIDUAL",
          participantUserId: ids.other,
          startsAt: "2027-03-08T11:00:00-05:00",
          durationMinutes: 50,
        })
      ).status,
    ).toBe(403);
    const pat = await signedInClient(server.url, DEMO_ACCOUNTS.family[0], TEST_PASSWORD);
    expect(await sessionsOf(pat, "2027-02-22", "2027-03-07")).toEqual([]);
    const jordanId = (await jordan.get<{ user: { id: string } }>("/api/auth/me")).body.user.id;
    expect((await pat.get(`/api/participants/${jordanId}/planned-hours`)).status).toBe(404);
    // Dana books only for her own participants.
    const notHers = await dana.post("/api/sessions", {
      kind: "INDIVIDUAL",
      participantUserId: ids.other,
      startsAt: "2027-03-09T11:00:00-05:00",
      durationMinutes: 50,
    });
    expect(notHers.status).toBe(400);
    expect(errorOf(notHers.body).fields).toHaveProperty("participantUserId");
    // Another clinic's admin sees nothing of this one.
    const f = fixtures(server.db.prisma, TEST_PASSWORD);
    const clinic = await f.organization();
    const theirAdmin = await f.user(clinic.id, "ADMIN");
    const them = await signedInClient(server.url, theirAdmin.email, TEST_PASSWORD);
    expect((await them.get(`/api/cohorts/${marcusOnly.id}`)).status).toBe(404);
    expect(await sessionsOf(them, "2027-03-01", "2027-03-31")).toEqual([]);
  });

  it.each([
    ["an unknown time zone", { timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    ["an end before the start", { startsOn: "2027-04-01", endsOn: "2027-03-01" }, "endsOn"],
    [
      "a pattern with no days",
      { weeklyPattern: { days: [], startTime: "10:00", endTime: "11:00" } },
      "weeklyPattern.days",
    ],
    ["capacity 0", { capacity: 0 }, "capacity"],
    ["capacity 10,000", { capacity: 10_000 }, "capacity"],
    [
      "an end time before the start time",
      { weeklyPattern: { days: ["MO"], startTime: "11:00", endTime: "10:00" } },
      "weeklyPattern.endTime",
    ],
  ] as const)(
    "refuses a cohort with %s, naming the field, and stores nothing",
    async (_name, overrides, field) => {
      const before = await server.db.prisma.cohort.count();
      const res = await admin.post("/api/cohorts", { ...cohortInput(), ...overrides });
      expect(res.status).toBe(400);
      expect(Object.keys(errorOf(res.body).fields ?? {})).toContain(field);
      expect(await server.db.prisma.cohort.count()).toBe(before);
    },
  );

  it("refuses malformed ids and ranges with the field named", async () => {
    const badId = await admin.get("/api/cohorts/not-an-id");
    expect(badId.status).toBe(400);
    expect(errorOf(badId.body).fields).toHaveProperty("id");
    const tooLong = await admin.get("/api/sessions?from=2027-01-01&to=2027-06-01");
    expect(tooLong.status).toBe(400);
    expect(errorOf(tooLong.body).fields).toHaveProperty("to");
    const noOffset = await admin.post("/api/sessions", {
      kind: "INDIVIDUAL",
      participantUserId: ids.other,
      facilitatorUserId: ids.dana,
      startsAt: "2027-03-08T11:00:00",
      durationMinutes: 50,
    });
    expect(Object.keys(errorOf(noOffset.body).fields ?? {})).toEqual(["startsAt"]);
    const group = await admin.post("/api/sessions", {
      kind: "GROUP_THERAPY",
      participantUserId: ids.other,
      facilitatorUserId: ids.dana,
      startsAt: "2027-03-08T11:00:00Z",
      durationMinutes: 50,
    });
    expect(Object.keys(errorOf(group.body).fields ?? {})).toEqual(["kind"]);
  });

  it("publishes a personal calendar feed at a secret URL that can be replaced and revoked", async () => {
    const jordan = await signedInClient(server.url, DEMO_ACCOUNTS.participants[0], TEST_PASSWORD);
    expect((await jordan.get("/api/calendar-feed")).body).toEqual({
      url: null,
      active: false,
      createdAt: null,
    });
    const created = await jordan.post<{ url: string }>("/api/calendar-feed");
    expect(created.status).toBe(201);
    const url = new URL(created.body.url);
    expect(url.pathname).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await fetch(new URL(url.pathname, server.url));
    expect(feed.headers.get("content-type")).toMatch(/text\/calendar/);
    const calendar = ICAL.Component.fromString(await feed.text());
    const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    const mine = await sessionsOf(jordan, "2027-02-22", "2027-02-28");
    expect(mine.length).toBeGreaterThan(0);
    for (const session of mine) {
      const event = events.find((e) => e.uid === `${session.id}@bridgeway`);
      expect(event?.startDate.toJSDate().toISOString()).toBe(session.startsAt);
      expect(event?.endDate.toJSDate().toISOString()).toBe(session.endsAt);
    }
    // Titles name only the kind of session: no cohort, program or people.
    const text = events.map((e) => `${e.summary} ${e.description}`).join("\n");
    expect(text).not.toMatch(/Evening track|Adult Mental Health|Whitfield|Jordan/);
    expect(events.map((e) => e.summary)).toContain("Group therapy");

    const replaced = await jordan.post<{ url: string }>("/api/calendar-feed");
    expect((await fetch(new URL(url.pathname, server.url))).status).toBe(404);
    const newPath = new URL(replaced.body.url).pathname;
    expect((await fetch(new URL(newPath, server.url))).status).toBe(200);
    expect((await jordan.request("DELETE", "/api/calendar-feed")).status).toBe(204);
    expect((await fetch(new URL(newPath, server.url))).status).toBe(404);
    expect((await fetch(new URL("/api/calendar/not-a-token.ics", server.url))).status).toBe(404);
  });
});
