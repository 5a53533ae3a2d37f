import type { CohortAttendanceFlags, FollowUpTaskDto } from "@bridgeway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtures } from "../testing/fixtures";
import { signedInClient } from "../testing/http-client";
import { ManualClock } from "../testing/manual-clock";
import { databaseKinds } from "../testing/test-databases";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

const HOUR = 60 * 60 * 1000;

describe.each(databaseKinds())("no-show follow-up on %s", (kind) => {
  // Monday 7 December 2026, noon in Chicago.
  const clock = new ManualClock(new Date("2026-12-07T18:00:00Z"));
  let server: TestServer;
  let world: Awaited<ReturnType<typeof makeWorld>>;

  async function makeWorld() {
    const f = fixtures(server.db.prisma, TEST_PASSWORD);
    const org = await f.organization();
    const lead = await f.user(org.id, "FACILITATOR");
    const outsider = await f.user(org.id, "FACILITATOR");
    const came = await f.user(org.id, "PARTICIPANT", "Cam");
    const missed = await f.user(org.id, "PARTICIPANT", "Sam");
    const cohort = await f.cohort(org.id, [lead.id], [came.id, missed.id]);
    await f.cohort(org.id, [outsider.id], []);
    return { org, lead, outsider, came, missed, cohort };
  }

  /** A held two-hour meeting of the cohort: whoever is in `present` joined it. */
  async function heldMeeting(startsAt: Date, present: string[]) {
    const session = await server.db.prisma.sessionOccurrence.create({
      data: {
        organizationId: world.org.id,
        cohortId: world.cohort.id,
        kind: "GROUP_THERAPY",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * HOUR),
        timeZone: "America/Chicago",
      },
    });
    for (const userId of present) {
      await server.db.prisma.attendanceSpan.create({
        data: {
          sessionId: session.id,
          userId,
          joinedAt: startsAt,
          leftAt: new Date(startsAt.getTime() + 2 * HOUR),
          source: "DIRECT",
        },
      });
    }
    return session;
  }

  beforeAll(async () => {
    server = await startTestServer({ kind, clock });
    world = await makeWorld();
  });
  afterAll(async () => {
    await server.close();
  });

  const signIn = (email: string) => signedInClient(server.url, email, TEST_PASSWORD);

  it("raises one follow-up for the care team when a participant missed a held session, and closes it with a note", async () => {
    const session = await heldMeeting(new Date("2026-12-07T14:00:00Z"), [
      world.lead.id,
      world.came.id,
    ]);
    // Not over yet at 15:00: nothing is raised.
    clock.set(new Date("2026-12-07T15:00:00Z"));
    await server.jobs.runDue();
    expect(await server.db.prisma.followUpTask.count({ where: { sessionId: session.id } })).toBe(0);

    clock.set(new Date("2026-12-07T18:00:00Z"));
    await server.jobs.runDue();
    await server.jobs.runDue();
    const tasks = await server.db.prisma.followUpTask.findMany({
      where: { sessionId: session.id },
    });
    expect(tasks.map((t) => t.participantUserId)).toEqual([world.missed.id]);
    const [task] = tasks;
    if (!task) throw new Error("no task");
    expect(
      await server.db.prisma.auditEvent.count({
        where: { recordType: "follow-up-task", recordId: task.id, action: "create" },
      }),
    ).toBe(1);

    const lead = await signIn(world.lead.email);
    const list = await lead.get<FollowUpTaskDto[]>("/api/follow-ups");
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({
      id: task.id,
      participant: { id: world.missed.id },
      session: { id: session.id, startsAt: session.startsAt.toISOString() },
      doneAt: null,
    });
    expect(list.body[0]?.participant.displayName).toContain("Sam");

    // Another cohort's clinician neither sees nor closes it.
    const outsider = await signIn(world.outsider.email);
    expect((await outsider.get<FollowUpTaskDto[]>("/api/follow-ups")).body).toEqual([]);
    const refused = await outsider.post(`/api/follow-ups/${task.id}/done`, { note: "Called." });
    expect(refused.status).toBe(404);
    // A participant neither.
    const sam = await signIn(world.missed.email);
    expect((await sam.post(`/api/follow-ups/${task.id}/done`, { note: "x" })).status).toBe(404);

    const empty = await lead.post(`/api/follow-ups/${task.id}/done`, { note: "  " });
    expect(empty.status).toBe(400);
    expect((empty.body as { error: { fields: Record<string, string> } }).error.fields.note).toMatch(
      /Write what you did/,
    );
    expect(
      (await server.db.prisma.followUpTask.findUniqueOrThrow({ where: { id: task.id } })).doneAt,
    ).toBeNull();

    const done = await lead.post<FollowUpTaskDto>(`/api/follow-ups/${task.id}/done`, {
      note: "Reached Sam by phone; car trouble, joining Wednesday.",
    });
    expect(done.status).toBe(200);
    expect(done.body.doneAt).toBe(clock.now().toISOString());
    expect((await lead.get<FollowUpTaskDto[]>("/api/follow-ups")).body).toEqual([]);
    const again = await lead.post(`/api/follow-ups/${task.id}/done`, { note: "Twice." });
    expect(again.status).toBe(409);
    expect(
      await server.db.prisma.auditEvent.count({
        where: { recordType: "follow-up-task", recordId: task.id, actorUserId: world.lead.id },
      }),
    ).toBeGreaterThanOrEqual(2);
  });

  it("raises nothing for a session nobody held, or one that was cancelled", async () => {
    const empty = await heldMeeting(new Date("2026-12-06T14:00:00Z"), []);
    const cancelled = await heldMeeting(new Date("2026-12-05T14:00:00Z"), [world.lead.id]);
    await server.db.prisma.sessionOccurrence.update({
      where: { id: cancelled.id },
      data: { status: "CANCELLED" },
    });
    await server.jobs.runDue();
    expect(
      await server.db.prisma.followUpTask.count({
        where: { sessionId: { in: [empty.id, cancelled.id] } },
      }),
    ).toBe(0);
  });

  it("flags two missed sessions in a week, and a finished week under 9 hours, on the cohort page", async () => {
    // The week of Monday 30 November: Sam misses Tuesday and Thursday; Cam comes to both (4 h).
    await heldMeeting(new Date("2026-12-01T15:00:00Z"), [world.lead.id, world.came.id]);
    await heldMeeting(new Date("2026-12-03T15:00:00Z"), [world.lead.id, world.came.id]);
    await server.jobs.runDue();
    const lead = await signIn(world.lead.email);
    const res = await lead.get<CohortAttendanceFlags>(
      `/api/cohorts/${world.cohort.id}/attendance-flags`,
    );
    expect(res.status).toBe(200);
    const week = (id: string) =>
      res.body.flags.find((f) => f.participantId === id && f.weekStart === "2026-11-30");
    expect(week(world.missed.id)).toMatchObject({
      missedSessions: 2,
      concerns: ["missed-sessions", "below-minimum"],
    });
    expect(week(world.came.id)).toMatchObject({
      missedSessions: 0,
      attendedHours: 4,
      concerns: ["below-minimum"],
    });
    // This week (not over, one missed session) is not flagged.
    expect(res.body.flags.some((f) => f.weekStart === "2026-12-07")).toBe(false);

    const outsider = await signIn(world.outsider.email);
    const hidden = await outsider.get(`/api/cohorts/${world.cohort.id}/attendance-flags`);
    expect(hidden.status).toBe(404);
  });
});
