import {
  addDaysToDate,
  attendanceSummary,
  minutesByModality,
  cohortClinicians,
  enrollmentOverlaps,
  sessionHours,
  weekStartOf,
  weeklyHoursStatus,
  type Actor,
  type CohortAttendance,
  type SessionAttendance,
  type WeeklyAttendance,
} from "@bridgeway/domain";
import type { AuditContext, AuditLog } from "../audit/audit-log";
import type { Clock } from "../clock";
import { notFound } from "../http/errors";
import { guard } from "../audit/guard";
import { startOfLocalDay } from "../sessions/pattern-occurrences";
import type { PeopleRepository } from "../people/people-repository";
import type { CohortRepository } from "../cohorts/cohort-repository";
import type { OccurrenceRepository } from "../sessions/occurrence-repository";
import type { SessionDirectory } from "../sessions/session-directory";
import type { LiveRepository } from "./live-repository";

type Context = AuditContext & { actor: Actor };

/** Minutes attended per session and hours per week, from the time people spent in the room. */
export function createAttendanceService(deps: {
  live: LiveRepository;
  peopleRepo: PeopleRepository;
  cohortRepo: CohortRepository;
  occurrenceRepo: OccurrenceRepository;
  directory: SessionDirectory;
  audit: AuditLog;
  clock: Clock;
}) {
  const { live, peopleRepo, cohortRepo, occurrenceRepo, directory, audit, clock } = deps;

  /** A participant's planned and attended hours in the week starting `weekStart`. */
  async function weekOf(
    participantId: string,
    organizationId: string,
    weekStart: string,
  ): Promise<WeeklyAttendance> {
    const zone = await peopleRepo.organizationTimeZone(organizationId);
    const from = startOfLocalDay(weekStart, zone);
    const to = startOfLocalDay(addDaysToDate(weekStart, 7), zone);
    const sessions = (await directory.sessionsOfParticipant(participantId, from, to)).filter(
      (s) => s.status === "SCHEDULED" && s.startsAt >= from && s.startsAt < to,
    );
    const spans = await live.spans({
      sessionIds: sessions.map((s) => s.id),
      userId: participantId,
    });
    const now = clock.now();
    const rows = sessions.map((s) => {
      const summary = attendanceSummary(
        spans.filter((x) => x.sessionId === s.id),
        s,
        now,
      );
      return {
        sessionId: s.id,
        kind: s.kind,
        startsAt: s.startsAt.toISOString(),
        plannedMinutes: Math.round(sessionHours(s.startsAt, s.endsAt) * 60),
        attendedMinutes: summary.minutes,
        late: summary.late,
        leftEarly: summary.leftEarly,
      };
    });
    const round = (h: number) => Math.round(h * 100) / 100;
    const attendedHours = round(rows.reduce((n, r) => n + r.attendedMinutes, 0) / 60);
    return {
      participantId,
      weekStart,
      plannedHours: round(rows.reduce((n, r) => n + r.plannedMinutes, 0) / 60),
      attendedHours,
      status: weeklyHoursStatus(attendedHours),
      sessions: rows,
    };
  }

  return {
    async forSession(context: Context, sessionId: string): Promise<SessionAttendance> {
      const occurrence = await occurrenceRepo.occurrence(sessionId);
      if (!occurrence) throw notFound("session");
      const people = await directory.peopleIn(occurrence);
      // Attendance is a record of its own: whoever may not read it (even someone in the
      // session) finds none, rather than learning it exists.
      await guard(
        audit,
        context,
        "read",
        {
          type: "attendance",
          organizationId: occurrence.organizationId,
          facilitatorIds: people.facilitatorIds,
          participantId: null,
        },
        { type: "attendance", id: sessionId },
        "session",
      );
      const [spans, attendees] = await Promise.all([
        live.spans({ sessionIds: [sessionId] }),
        live.attendees(sessionId),
      ]);
      const ids = [
        ...new Set([
          ...people.participantIds,
          ...attendees.map((a) => a.userId),
          ...spans.map((s) => s.userId),
        ]),
      ];
      const now = clock.now();
      const rows: SessionAttendance["people"] = [];
      for (const userId of ids) {
        const attendee = attendees.find((a) => a.userId === userId);
        const person = attendee ? null : await peopleRepo.person(userId);
        const mine = spans.filter((s) => s.userId === userId);
        const summary = attendanceSummary(mine, occurrence, now);
        rows.push({
          userId,
          displayName: attendee?.displayName ?? person?.displayName ?? "Unknown",
          role:
            attendee?.role ??
            (people.facilitatorIds.includes(userId) ? "facilitator" : "participant"),
          expected: people.participantIds.includes(userId),
          ...summary,
          joins: mine.map((s) => ({
            joinedAt: s.joinedAt.toISOString(),
            leftAt: s.leftAt?.toISOString() ?? null,
            modality: s.modality,
          })),
        });
      }
      await audit.record(context, "read", { type: "attendance", id: sessionId }, "success");
      return {
        sessionId,
        startsAt: occurrence.startsAt.toISOString(),
        endsAt: occurrence.endsAt.toISOString(),
        people: rows.sort(
          (a, b) => a.role.localeCompare(b.role) || a.displayName.localeCompare(b.displayName),
        ),
      };
    },

    async forWeek(
      context: Context,
      participantId: string,
      date: string,
    ): Promise<WeeklyAttendance> {
      const participant = await peopleRepo.person(participantId);
      if (!participant || participant.role !== "PARTICIPANT") throw notFound("participant");
      await guard(
        audit,
        context,
        "read",
        {
          type: "attendance",
          organizationId: participant.organizationId,
          facilitatorIds: await peopleRepo.careTeamOf(participantId),
          participantId,
        },
        { type: "attendance", id: participantId },
        "participant",
      );
      const week = await weekOf(participantId, participant.organizationId, weekStartOf(date));
      await audit.record(context, "read", { type: "attendance", id: participantId }, "success");
      return week;
    },

    /** The cohort grid: participants by sessions over [from, to], and weekly hours per person. */
    async forCohort(
      context: Context,
      cohortId: string,
      range: { from: string; to: string },
    ): Promise<CohortAttendance> {
      const cohort = await cohortRepo.cohort(cohortId);
      if (!cohort) throw notFound("cohort");
      await guard(
        audit,
        context,
        "read",
        {
          type: "attendance",
          organizationId: cohort.organizationId,
          facilitatorIds: cohortClinicians(cohort),
          participantId: null,
        },
        { type: "attendance", id: cohortId },
        "cohort",
      );
      const zone = cohort.timeZone;
      const from = startOfLocalDay(range.from, zone);
      const to = startOfLocalDay(addDaysToDate(range.to, 1), zone);
      const sessions = (
        await occurrenceRepo.occurrences({ cohortIds: [cohortId], from, to })
      ).filter((s) => s.cohortId === cohortId && s.status === "SCHEDULED" && s.startsAt >= from);
      const enrollments = (await cohortRepo.enrollments({ cohortIds: [cohortId] })).filter((e) =>
        enrollmentOverlaps(e, range.from, range.to),
      );
      const spans = await live.spans({ sessionIds: sessions.map((s) => s.id) });
      const now = clock.now();
      const expectedBySession = new Map(
        sessions.map((s) => [s.id, new Set(directory.expectedParticipants(s, enrollments))]),
      );
      const weekStarts: string[] = [];
      for (let w = weekStartOf(range.from); w <= range.to; w = addDaysToDate(w, 7)) {
        weekStarts.push(w);
      }
      const participants: CohortAttendance["participants"] = [];
      for (const e of enrollments) {
        const id = e.participant.id;
        const cells = sessions.map((s) => {
          const theirs = spans.filter((x) => x.sessionId === s.id && x.userId === id);
          const summary = attendanceSummary(theirs, s, now);
          const byModality = minutesByModality(theirs, s, now);
          return {
            sessionId: s.id,
            expected: expectedBySession.get(s.id)?.has(id) ?? false,
            attended: summary.attended,
            minutes: summary.minutes,
            late: summary.late,
            leftEarly: summary.leftEarly,
            audioOnlyMinutes: byModality["audio-only"],
            videoMinutes: byModality.video,
          };
        });
        const weeks = [];
        for (const weekStart of weekStarts) {
          const week = await weekOf(id, cohort.organizationId, weekStart);
          const over = startOfLocalDay(addDaysToDate(weekStart, 7), zone) <= now;
          weeks.push({
            weekStart,
            plannedHours: week.plannedHours,
            attendedHours: week.attendedHours,
            status: week.status,
            flagged: over && week.plannedHours > 0 && week.status === "below-minimum",
          });
        }
        participants.push({
          participantId: id,
          displayName: e.participant.displayName,
          cells,
          weeks,
        });
      }
      await audit.record(context, "read", { type: "attendance", id: cohortId }, "success");
      return {
        cohortId,
        cohortName: cohort.name,
        timeZone: zone,
        from: range.from,
        to: range.to,
        sessions: sessions.map((s) => ({
          id: s.id,
          kind: s.kind,
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
          upcoming: s.startsAt > now,
        })),
        participants: participants.sort((a, b) => a.displayName.localeCompare(b.displayName)),
      };
    },
  };
}

export type AttendanceService = ReturnType<typeof createAttendanceService>;
