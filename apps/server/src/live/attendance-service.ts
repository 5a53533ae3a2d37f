import {
  addDaysToDate,
  attendanceSummary,
  decide,
  sessionHours,
  weekStartOf,
  weeklyHoursStatus,
  type Actor,
  type SessionAttendance,
  type WeeklyAttendance,
} from "@bridgeway/domain";
import type { AuditContext, AuditLog } from "../audit/audit-log";
import type { Clock } from "../clock";
import { notFound } from "../http/errors";
import { guard } from "../schedules/access";
import { startOfLocalDay } from "../schedules/pattern-occurrences";
import type { ScheduleRepository } from "../schedules/schedule-repository";
import type { SessionDirectory } from "../schedules/session-directory";
import type { LiveRepository } from "./live-repository";

type Context = AuditContext & { actor: Actor };

/** Minutes attended per session and hours per week, from the time people spent in the room. */
export function createAttendanceService(deps: {
  live: LiveRepository;
  schedules: ScheduleRepository;
  directory: SessionDirectory;
  audit: AuditLog;
  clock: Clock;
}) {
  const { live, schedules, directory, audit, clock } = deps;

  return {
    async forSession(context: Context, sessionId: string): Promise<SessionAttendance> {
      const occurrence = await schedules.occurrence(sessionId);
      if (!occurrence) throw notFound("session");
      const people = await directory.peopleIn(occurrence);
      // Attendance is a record of its own: whoever may not take it (even someone in the
      // session) finds none, rather than learning it exists.
      const resource = {
        type: "session" as const,
        organizationId: occurrence.organizationId,
        ...people,
      };
      if (decide(context.actor, "update", resource) !== "allow") {
        await audit.denied(context, "read", { type: "attendance", id: sessionId });
        throw notFound("session");
      }
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
        const person = attendee ? null : await schedules.person(userId);
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
      const participant = await schedules.person(participantId);
      if (!participant || participant.role !== "PARTICIPANT") throw notFound("participant");
      await guard(
        audit,
        context,
        "read",
        {
          type: "participant",
          organizationId: participant.organizationId,
          participantId,
          facilitatorIds: await schedules.careTeamOf(participantId),
          familyIds: [],
        },
        { type: "attendance", id: participantId },
        "participant",
      );
      if (context.actor.role === "FAMILY") throw notFound("participant");
      const weekStart = weekStartOf(date);
      const zone = await schedules.organizationTimeZone(participant.organizationId);
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
      await audit.record(context, "read", { type: "attendance", id: participantId }, "success");
      return {
        participantId,
        weekStart,
        plannedHours: round(rows.reduce((n, r) => n + r.plannedMinutes, 0) / 60),
        attendedHours,
        status: weeklyHoursStatus(attendedHours),
        sessions: rows,
      };
    },
  };
}

export type AttendanceService = ReturnType<typeof createAttendanceService>;
