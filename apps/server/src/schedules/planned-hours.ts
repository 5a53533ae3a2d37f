import { addDaysToDate, sessionHours } from "@bridgeway/domain";
import { startOfLocalDay } from "./pattern-occurrences";
import type { ScheduleRepository } from "./schedule-repository";
import type { SessionDirectory } from "./session-directory";

/**
 * Hours a participant is planned to attend in a week: the group meetings their phase expects
 * plus sessions booked for them, cancelled ones excluded. Weeks run Monday to Sunday in the
 * clinic's time zone, the week payers count hours in.
 */
export function createPlannedHours(deps: {
  repo: ScheduleRepository;
  directory: SessionDirectory;
}) {
  return {
    async forWeek(
      participantId: string,
      weekStart: string,
      organizationId: string,
    ): Promise<{ weekStart: string; plannedHours: number }> {
      const zone = await deps.repo.organizationTimeZone(organizationId);
      const from = startOfLocalDay(weekStart, zone);
      const to = startOfLocalDay(addDaysToDate(weekStart, 7), zone);
      const sessions = await deps.directory.sessionsOfParticipant(participantId, from, to);
      const hours = sessions
        .filter((s) => s.status === "SCHEDULED" && s.startsAt >= from && s.startsAt < to)
        .reduce((sum, s) => sum + sessionHours(s.startsAt, s.endsAt), 0);
      return { weekStart, plannedHours: Math.round(hours * 100) / 100 };
    },
  };
}

export type PlannedHours = ReturnType<typeof createPlannedHours>;
