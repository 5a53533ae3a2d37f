import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { NotJoinedDto, ReminderPreferencesDto } from "@bridgeway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseConfig } from "../config";
import { fixtures } from "../testing/fixtures";
import { mailsTo as messagesTo } from "../testing/outbox";
import { signedInClient } from "../testing/http-client";
import { ManualClock } from "../testing/manual-clock";
import { PLAN_SLICE } from "./reminder-service";
import { createTestDatabase, databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

const HOUR = 60 * 60 * 1000;

type World = Awaited<ReturnType<typeof makeWorld>>;

/** A clinic of its own (Chicago), a cohort with one clinician and two participants. */
async function makeWorld(server: TestServer) {
  const f = fixtures(server.db.prisma, TEST_PASSWORD);
  const org = await f.organization();
  const clinician = await f.user(org.id, "FACILITATOR");
  const ana = await f.user(org.id, "PARTICIPANT", "Ana");
  const ben = await f.user(org.id, "PARTICIPANT", "Ben");
  const cohort = await f.cohort(org.id, [clinician.id], [ana.id, ben.id]);
  const program = await server.db.prisma.program.findFirstOrThrow({
    where: { id: cohort.programId },
  });
  return { org, clinician, ana, ben, cohort, program };
}

/** A one-off meeting of the world's cohort (everyone enrolled is expected). */
async function meeting(server: TestServer, world: World, startsAt: Date) {
  return server.db.prisma.sessionOccurrence.create({
    data: {
      organizationId: world.org.id,
      cohortId: world.cohort.id,
      kind: "GROUP_THERAPY",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * HOUR),
      timeZone: "America/Chicago",
    },
  });
}

describe.each(databaseKinds())("session reminders on %s", (kind) => {
  // Monday 7 December 2026, 06:00 in Chicago.
  const clock = new ManualClock(new Date("2026-12-07T12:00:00Z"));
  const outbox = mkdtempSync(join(tmpdir(), "bw-outbox-"));
  const smsOutbox = mkdtempSync(join(tmpdir(), "bw-sms-"));
  let server: TestServer;
  let world: World;

  beforeAll(async () => {
    server = await startTestServer({
      kind,
      clock,
      env: { OUTBOX_DIR: outbox, SMS_OUTBOX_DIR: smsOutbox },
    });
    world = await makeWorld(server);
  });
  afterAll(async () => {
    await server.close();
    rmSync(outbox, { recursive: true, force: true });
    rmSync(smsOutbox, { recursive: true, force: true });
  });

  const signIn = (email: string) => signedInClient(server.url, email, TEST_PASSWORD);

  it("sends a day ahead and an hour ahead, once each, in the person's zone, with no clinical detail", async () => {
    // Tuesday 8 December, 6:00 PM in Chicago.
    const startsAt = new Date("2026-12-09T00:00:00Z");
    const session = await meeting(server, world, startsAt);
    clock.set(new Date(startsAt.getTime() - 25 * HOUR));
    await server.jobs.runDue();
    expect(messagesTo(outbox, world.ana.email)).toHaveLength(0);

    clock.set(new Date(startsAt.getTime() - 24 * HOUR));
    await server.jobs.runDue();
    await server.jobs.runDue();
    const dayBefore = messagesTo(outbox, world.ana.email);
    expect(dayBefore).toHaveLength(1);
    expect(dayBefore[0]).toContain(
      "You have a session tomorrow at 6:00 PM. Open Bridgeway to join:",
    );
    expect(dayBefore[0]).toContain(`${server.url}/sessions/${session.id}/room`);
    expect(dayBefore[0]).toContain("Subject: Session reminder");
    for (const secret of [world.program.name, world.cohort.name, "therapy", "Therapy", "group"]) {
      expect(dayBefore[0]).not.toContain(secret);
    }
    // The clinician is reminded too.
    expect(messagesTo(outbox, world.clinician.email)).toHaveLength(1);

    clock.set(new Date(startsAt.getTime() - HOUR + 60_000));
    await server.jobs.runDue();
    await server.jobs.runDue();
    const all = messagesTo(outbox, world.ana.email);
    expect(all).toHaveLength(2);
    expect(all[1]).toContain("You have a session at 6:00 PM.");
    const rows = await server.db.prisma.reminderDelivery.findMany({
      where: { sessionId: session.id, userId: world.ana.id },
    });
    expect(rows.map((r) => [r.leadMinutes, r.channel, r.status]).sort()).toEqual([
      [1440, "EMAIL", "SENT"],
      [60, "EMAIL", "SENT"],
    ]);
  });

  it("lets a person choose text messages, refuses a number without its country code, and keeps quiet hours", async () => {
    const ben = await signIn(world.ben.email);
    const defaults = await ben.get<ReminderPreferencesDto>("/api/reminder-preferences");
    expect(defaults.status).toBe(200);
    expect(defaults.body).toMatchObject({
      enabled: true,
      byEmail: true,
      bySms: false,
      timeZone: "America/Chicago",
      smsDelivered: false,
    });
    const bad = await ben.request("PUT", "/api/reminder-preferences", {
      json: { enabled: true, byEmail: false, bySms: true, phone: "555 1234", quietHours: null },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { fields: Record<string, string> } }).error.fields.phone).toMatch(
      /country code/,
    );

    const saved = await ben.request<ReminderPreferencesDto>("PUT", "/api/reminder-preferences", {
      json: {
        enabled: true,
        byEmail: false,
        bySms: true,
        phone: "+1 312 555 0100",
        quietHours: { start: "16:30", end: "17:30" },
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.phone).toBe("+13125550100");
    const audited = await server.db.prisma.auditEvent.count({
      where: { actorUserId: world.ben.id, recordType: "reminder-preferences", action: "update" },
    });
    expect(audited).toBe(1);

    // Wednesday 9 December, 6:00 PM in Chicago; its hour-before reminder falls at 5:00 PM,
    // inside Ben's quiet hours.
    const startsAt = new Date("2026-12-10T00:00:00Z");
    await meeting(server, world, startsAt);
    clock.set(new Date(startsAt.getTime() - HOUR));
    await server.jobs.runDue();
    expect(messagesTo(smsOutbox, "+13125550100")).toHaveLength(0);
    clock.set(new Date(startsAt.getTime() - 30 * 60_000));
    await server.jobs.runDue();
    const texts = messagesTo(smsOutbox, "+13125550100");
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain("You have a session at 6:00 PM.");
    // Email is off for Ben: nothing went to his inbox for this session.
    expect(messagesTo(outbox, world.ben.email).join("\n")).not.toContain("6:00 PM on");
  });

  it("sends nothing for a cancelled session, nor the old time of a moved one", async () => {
    const startsAt = new Date("2026-12-11T00:00:00Z");
    const cancelled = await meeting(server, world, startsAt);
    const moved = await meeting(server, world, new Date("2026-12-11T01:00:00Z"));
    // A reminder stored before the change, as a process that stopped mid-sweep would leave it.
    await server.db.prisma.reminderDelivery.create({
      data: {
        userId: world.ana.id,
        sessionId: cancelled.id,
        leadMinutes: 60,
        channel: "EMAIL",
        sessionStartsAt: startsAt,
        status: "PENDING",
        createdAt: clock.now(),
      },
    });
    await server.db.prisma.sessionOccurrence.update({
      where: { id: cancelled.id },
      data: { status: "CANCELLED", cancelReason: "Clinician unwell" },
    });
    await server.db.prisma.sessionOccurrence.update({
      where: { id: moved.id },
      // Moved to 8:00 PM.
      data: {
        startsAt: new Date("2026-12-11T02:00:00Z"),
        endsAt: new Date("2026-12-11T05:00:00Z"),
      },
    });
    const before = messagesTo(outbox, world.ana.email).length;
    clock.set(new Date("2026-12-11T00:30:00Z"));
    await server.jobs.runDue();
    const after = messagesTo(outbox, world.ana.email).slice(before);
    expect(after).toHaveLength(1);
    expect(after[0]).toContain("You have a session at 8:00 PM.");
    const stored = await server.db.prisma.reminderDelivery.findFirstOrThrow({
      where: { sessionId: cancelled.id, userId: world.ana.id },
    });
    expect(stored).toMatchObject({ status: "SKIPPED", reason: "cancelled" });
  });

  it("plans one sweep's reminders for many sessions at once, each person only for their own", async () => {
    // Two more clinics' cohorts and a one-to-one booking, all due in the same sweep.
    const other = await makeWorld(server);
    const third = await makeWorld(server);
    const startsAt = new Date("2026-12-20T00:00:00Z");
    const first = await meeting(server, other, startsAt);
    const second = await meeting(server, third, new Date(startsAt.getTime() + HOUR));
    const oneToOne = await server.db.prisma.sessionOccurrence.create({
      data: {
        organizationId: third.org.id,
        kind: "INDIVIDUAL",
        startsAt: new Date(startsAt.getTime() + 2 * HOUR),
        endsAt: new Date(startsAt.getTime() + 3 * HOUR),
        timeZone: "America/Chicago",
        leadFacilitatorId: third.clinician.id,
        participantUserId: third.ben.id,
      },
    });
    // More bookings than the planner reads at once, so the sweep takes several slices.
    const bookings = Array.from({ length: PLAN_SLICE }, (_, i) => ({
      id: randomUUID(),
      organizationId: other.org.id,
      kind: "INDIVIDUAL" as const,
      startsAt: new Date(startsAt.getTime() + 3 * HOUR + i * 60_000),
      endsAt: new Date(startsAt.getTime() + 3 * HOUR + (i + 1) * 60_000),
      timeZone: "America/Chicago",
      leadFacilitatorId: other.clinician.id,
      participantUserId: other.ana.id,
    }));
    await server.db.prisma.sessionOccurrence.createMany({ data: bookings });
    clock.set(new Date(startsAt.getTime() - 20 * HOUR));
    await server.jobs.runDue();
    const planned = async (sessionId: string) =>
      (
        await server.db.prisma.reminderDelivery.findMany({
          where: { sessionId, leadMinutes: 1440 },
        })
      )
        .map((r) => r.userId)
        .sort();
    const ids = (...people: { id: string }[]) => people.map((p) => p.id).sort();
    expect(await planned(first.id)).toEqual(ids(other.clinician, other.ana, other.ben));
    expect(await planned(second.id)).toEqual(ids(third.clinician, third.ana, third.ben));
    expect(await planned(oneToOne.id)).toEqual(ids(third.clinician, third.ben));
    for (const booking of bookings) {
      expect(await planned(booking.id)).toEqual(ids(other.clinician, other.ana));
    }
  });

  it("sends nothing to a person who turned reminders off", async () => {
    const ana = await signIn(world.ana.email);
    const off = await ana.request("PUT", "/api/reminder-preferences", {
      json: { enabled: false, byEmail: true, bySms: false, phone: null, quietHours: null },
    });
    expect(off.status).toBe(200);
    const startsAt = new Date("2026-12-12T00:00:00Z");
    await meeting(server, world, startsAt);
    const before = messagesTo(outbox, world.ana.email).length;
    clock.set(new Date(startsAt.getTime() - 30 * 60_000));
    await server.jobs.runDue();
    expect(messagesTo(outbox, world.ana.email)).toHaveLength(before);
    expect(messagesTo(outbox, world.clinician.email).join("\n")).toContain("at 6:00 PM");
  });

  it("sends only the latest reminder when an earlier one was held back", async () => {
    const startsAt = new Date("2026-12-13T00:00:00Z");
    const session = await meeting(server, world, startsAt);
    // The day-before reminder, stored but given back unsent (quiet hours) until now.
    await server.db.prisma.reminderDelivery.create({
      data: {
        userId: world.clinician.id,
        sessionId: session.id,
        leadMinutes: 1440,
        channel: "EMAIL",
        sessionStartsAt: startsAt,
        status: "PENDING",
        createdAt: clock.now(),
      },
    });
    clock.set(new Date(startsAt.getTime() - 50 * 60_000));
    await server.jobs.runDue();
    const about = messagesTo(outbox, world.clinician.email).filter((m) =>
      m.includes(`/sessions/${session.id}/room`),
    );
    expect(about).toHaveLength(1);
    expect(about[0]).toContain("You have a session at 6:00 PM.");
    const rows = await server.db.prisma.reminderDelivery.findMany({
      where: { sessionId: session.id, userId: world.clinician.id },
      orderBy: { leadMinutes: "asc" },
    });
    expect(rows.map((r) => [r.leadMinutes, r.status, r.reason])).toEqual([
      [60, "SENT", null],
      [1440, "SKIPPED", "superseded"],
    ]);
  });

  it("lists who has not joined 10 minutes in for the facilitators, and sends one check-in", async () => {
    const startsAt = new Date("2026-12-14T00:00:00Z");
    const session = await meeting(server, world, startsAt);
    await server.db.prisma.liveAttendee.create({
      data: {
        sessionId: session.id,
        userId: world.ana.id,
        role: "participant",
        displayName: "Ana",
        status: "ADMITTED",
      },
    });
    // Signed in at the moment the test looks from (sessions time out).
    clock.set(new Date(startsAt.getTime() + 5 * 60_000));
    const clinician = await signIn(world.clinician.email);
    const path = `/api/sessions/${session.id}/not-joined`;
    // Ben takes reminders by text message only; check-ins follow that choice.
    const ben = await signIn(world.ben.email);
    const chosen = await ben.request("PUT", "/api/reminder-preferences", {
      json: { enabled: true, byEmail: false, bySms: true, phone: "+13125550100", quietHours: null },
    });
    expect(chosen.status).toBe(200);
    const early = await clinician.get<NotJoinedDto>(path);
    expect(early.status).toBe(200);
    expect(early.body.people).toEqual([]);

    clock.set(new Date(startsAt.getTime() + 11 * 60_000));
    const late = await clinician.get<NotJoinedDto>(path);
    expect(late.body.people).toEqual([
      {
        id: world.ben.id,
        displayName: expect.stringContaining("Ben") as unknown,
        checkedInAt: null,
      },
    ]);
    const ana = await signIn(world.ana.email);
    expect((await ana.get(path)).status).toBe(404);

    const checkIns = `/api/sessions/${session.id}/check-ins`;
    expect((await clinician.post(checkIns, { participantId: "nobody" })).status).toBe(400);
    expect((await clinician.post(checkIns, { participantId: world.ana.id })).status).toBe(409);
    expect((await ana.post(checkIns, { participantId: world.ben.id })).status).toBe(404);
    const before = messagesTo(smsOutbox, "+13125550100").length;
    expect((await clinician.post(checkIns, { participantId: world.ben.id })).status).toBe(204);
    expect((await clinician.post(checkIns, { participantId: world.ben.id })).status).toBe(409);
    const texts = messagesTo(smsOutbox, "+13125550100").slice(before);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain("Your session started at 6:00 PM and we're holding your place.");
    const after = await clinician.get<NotJoinedDto>(path);
    expect(after.body.people[0]?.checkedInAt).toBe(clock.now().toISOString());
    // The sweep never sends a check-in as a reminder.
    await server.jobs.runDue();
    expect(messagesTo(smsOutbox, "+13125550100").slice(before)).toHaveLength(1);
  });

  it("writes reminders and the check-in in Spanish to a participant who chose Spanish, the time as Spanish writes it", async () => {
    const f = fixtures(server.db.prisma, TEST_PASSWORD);
    const clinician = await f.user(world.org.id, "FACILITATOR", "Lucía");
    const carla = await f.user(world.org.id, "PARTICIPANT", "Carla");
    const cohort = await f.cohort(world.org.id, [clinician.id], [carla.id]);
    // Sunday 20 December, 6:00 PM in Chicago.
    const startsAt = new Date("2026-12-21T00:00:00Z");
    const session = await server.db.prisma.sessionOccurrence.create({
      data: {
        organizationId: world.org.id,
        cohortId: cohort.id,
        kind: "GROUP_THERAPY",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * HOUR),
        timeZone: "America/Chicago",
      },
    });
    clock.set(new Date(startsAt.getTime() - 24 * HOUR));
    const chose = await (
      await signIn(carla.email)
    ).request("PUT", "/api/auth/me/locale", { json: { locale: "es" } });
    expect(chose.status).toBe(200);

    await server.jobs.runDue();
    const dayBefore = messagesTo(outbox, carla.email);
    expect(dayBefore).toHaveLength(1);
    expect(dayBefore[0]).toContain("Subject: Recordatorio de sesión");
    expect(dayBefore[0]).toMatch(
      /Tienes una sesión mañana a las 6:00 p\.\s?m\. Abre Bridgeway para unirte: /,
    );
    expect(dayBefore[0]).toContain(`${server.url}/sessions/${session.id}/room`);
    const words = dayBefore[0]?.replace(/https?:\/\/\S+/g, "") ?? "";
    for (const leftover of ["You have", "session", "tomorrow", "PM", cohort.name, "terapia"]) {
      expect(words).not.toContain(leftover);
    }
    // The clinician's screens are English, and so is their reminder.
    expect(messagesTo(outbox, clinician.email)[0]).toContain(
      "You have a session tomorrow at 6:00 PM.",
    );

    clock.set(new Date(startsAt.getTime() - HOUR + 60_000));
    await server.jobs.runDue();
    const hourBefore = messagesTo(outbox, carla.email);
    expect(hourBefore).toHaveLength(2);
    expect(hourBefore[1]).toMatch(/Tienes una sesión a las 6:00 p\.\s?m\. Abre Bridgeway/);

    clock.set(new Date(startsAt.getTime() + 11 * 60_000));
    const lucia = await signIn(clinician.email);
    const checkIn = await lucia.post(`/api/sessions/${session.id}/check-ins`, {
      participantId: carla.id,
    });
    expect(checkIn.status).toBe(204);
    const all = messagesTo(outbox, carla.email);
    expect(all).toHaveLength(3);
    expect(all[2]).toContain("Subject: Tu sesión ya empezó");
    expect(all[2]).toMatch(
      /Tu sesión empezó a las 6:00 p\.\s?m\. y te estamos guardando el lugar\. Abre Bridgeway para unirte: /,
    );
  });
});

describe.each(databaseKinds())("session reminders across a restart on %s", (kind) => {
  it("sends a reminder missed while the server was down late, only the latest one, and only if the session has not started", async () => {
    const clock = new ManualClock(new Date("2026-12-07T12:00:00Z"));
    const outbox = mkdtempSync(join(tmpdir(), "bw-outbox-"));
    const dataDir = mkdtempSync(join(tmpdir(), "bw-pglite-"));
    const created = kind === "postgres" ? await createTestDatabase("postgres") : undefined;
    const database: DatabaseConfig = created?.config ?? { kind: "pglite", dataDir };
    const env = { OUTBOX_DIR: outbox };
    try {
      const first = await startTestServer({ kind, database, clock, env });
      const world = await makeWorld(first);
      const soon = new Date("2026-12-09T00:00:00Z");
      const earlier = new Date("2026-12-08T22:00:00Z");
      await meeting(first, world, soon);
      await meeting(first, world, earlier);
      clock.set(new Date("2026-12-07T20:00:00Z"));
      await first.jobs.runDue();
      await first.close();

      // Down through both day-before reminders and the start of the earlier session.
      clock.set(new Date(soon.getTime() - 30 * 60_000));
      const second = await startTestServer({
        kind,
        database,
        clock,
        env: { ...env, DEMO_SEED: "false" },
      });
      try {
        await second.jobs.runDue();
        const sent = messagesTo(outbox, world.ana.email);
        expect(sent).toHaveLength(1);
        expect(sent[0]).toContain("You have a session at 6:00 PM.");
        const rows = await second.db.prisma.reminderDelivery.findMany({
          where: { userId: world.ana.id },
          orderBy: { leadMinutes: "asc" },
        });
        expect(rows.map((r) => [r.leadMinutes, r.status, r.reason])).toEqual([
          [60, "SENT", null],
          [1440, "SKIPPED", "superseded"],
        ]);
      } finally {
        await second.close();
      }
    } finally {
      await created?.drop();
      rmSync(outbox, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.runIf(process.env.DATABASE_URL)("session reminders from two server processes", () => {
  it("sends each reminder once when both processes sweep at the same moment", async () => {
    const clock = new ManualClock(new Date("2026-12-07T12:00:00Z"));
    const outbox = mkdtempSync(join(tmpdir(), "bw-outbox-"));
    const created = await createTestDatabase("postgres");
    const env = { OUTBOX_DIR: outbox };
    const a = await startTestServer({ database: created.config, clock, env });
    const b = await startTestServer({
      database: created.config,
      clock,
      env: { ...env, DEMO_SEED: "false" },
    });
    try {
      const world = await makeWorld(a);
      const starts = [0, 1, 2, 3].map((h) => new Date(Date.UTC(2026, 11, 8, 20 + h)));
      for (const startsAt of starts) await meeting(a, world, startsAt);
      clock.set(new Date("2026-12-07T21:00:00Z"));
      await Promise.all([a.jobs.runDue(), b.jobs.runDue(), a.jobs.runDue(), b.jobs.runDue()]);
      clock.set(new Date("2026-12-08T19:30:00Z"));
      await Promise.all([a.jobs.runDue(), b.jobs.runDue(), a.jobs.runDue(), b.jobs.runDue()]);
      // Four sessions, a day-before and an hour-before reminder each (the first's day-before
      // one was already past its hour when first swept, so it is the only one it gets).
      const sent = await a.db.prisma.reminderDelivery.groupBy({
        by: ["sessionId", "leadMinutes", "channel"],
        where: { userId: world.ana.id, status: "SENT" },
        _count: true,
      });
      expect(sent.every((g) => g._count === 1)).toBe(true);
      expect(messagesTo(outbox, world.ana.email)).toHaveLength(sent.length);
      expect(sent.length).toBeGreaterThanOrEqual(5);
    } finally {
      await b.close();
      await a.close();
      await created.drop();
      rmSync(outbox, { recursive: true, force: true });
    }
  });
});
