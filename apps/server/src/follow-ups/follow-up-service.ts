import {
  addDaysToDate,
  attendanceConcerns,
  careTeamOf,
  decide,
  isoDateInZone,
  missedSession,
  weekStartOf,
  type Actor,
  type AttendanceFlag,
  type CohortAttendanceFlags,
  type CompleteFollowUpInput,
  type FollowUpTaskDto,
  type Resource,
} from "@bridgeway/domain";
import type { AuditContext, AuditLog } from "../audit/audit-log";
import type { Clock } from "../clock";
import { guard } from "../audit/guard";
import { conflict, notFound } from "../http/errors";
import type { Logger } from "../logger";
import type { AttendanceService } from "../live/attendance-service";
import { startOfLocalDay } from "../sessions/pattern-occurrences";
import { dateOnly } from "../db/dates";
import type { PeopleRepository } from "../people/people-repository";
import type { CohortRepository } from "../cohorts/cohort-repository";
import type { OccurrenceRepository } from "../sessions/occurrence-repository";
import type { SessionDirectory } from "../sessions/session-directory";
import type { FollowUpRecord, FollowUpRepository } from "./follow-up-repository";

type Context = AuditContext & { actor: Actor };

/** Sessions that ended this long ago are still reviewed (a server down for days catches up). */
const REVIEW_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
/** The cohort page looks at the current week and the three before it. */
const FLAG_WEEKS = 4;

/**
 * No-show follow-up. `review` is a job step: for each session that ended, once (whichever
 * process claims it), every expected participant who never joined gets a follow-up task for
 * their care team. The care team (`careTeamOf` in the domain) lists and closes the tasks.
 */
export function createFollowUpService(deps: {
  repo: FollowUpRepository;
  peopleRepo: PeopleRepository;
  cohortRepo: CohortRepository;
  occurrenceRepo: OccurrenceRepository;
  directory: SessionDirectory;
  attendance: AttendanceService;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
}) {
  const { repo, peopleRepo, cohortRepo, occurrenceRepo, directory, attendance, audit, clock } =
    deps;

  async function currentCareTeam(participantId: string): Promise<string[]> {
    const relationships = await peopleRepo.careRelationshipsOf(participantId);
    return careTeamOf(relationships, dateOnly(clock.now())).facilitatorIds;
  }

  /** The facts the policy needs about a follow-up: whose it is and their current care team. */
  async function taskResource(
    task: FollowUpRecord,
  ): Promise<Extract<Resource, { type: "follow-up-task" }>> {
    return {
      type: "follow-up-task",
      organizationId: task.organizationId,
      participantId: task.participantUserId,
      facilitatorIds: await currentCareTeam(task.participantUserId),
    };
  }

  async function toDto(task: FollowUpRecord): Promise<FollowUpTaskDto> {
    const participant = await peopleRepo.person(task.participantUserId);
    return {
      id: task.id,
      participant: {
        id: task.participantUserId,
        displayName: participant?.displayName ?? "Unknown",
      },
      session: {
        id: task.sessionId,
        startsAt: task.sessionStartsAt.toISOString(),
        timeZone: task.sessionTimeZone,
      },
      createdAt: task.createdAt.toISOString(),
      doneAt: task.doneAt?.toISOString() ?? null,
      doneNote: task.doneNote,
    };
  }

  return {
    async review(): Promise<void> {
      const now = clock.now();
      const ended = (
        await occurrenceRepo.occurrences({
          from: new Date(now.getTime() - REVIEW_WINDOW_MS),
          to: now,
        })
      ).filter((s) => s.status === "SCHEDULED" && (s.endedAt ?? s.endsAt) <= now);
      const reviewed = await repo.reviewed(ended.map((s) => s.id));
      for (const session of ended.filter((s) => !reviewed.has(s.id))) {
        const people = await directory.peopleIn(session);
        const attended = await repo.attendedBy(session.id);
        const missed = people.participantIds.filter((id) =>
          missedSession({
            expected: true,
            cancelled: false,
            held: attended.size > 0,
            over: true,
            attended: attended.has(id),
          }),
        );
        await audit.transaction(async (tx) => {
          if (!(await repo.claimReview(tx, session.id, now))) return;
          for (const participantUserId of missed) {
            const id = await repo.createTask(tx, {
              organizationId: session.organizationId,
              sessionId: session.id,
              participantUserId,
              now,
            });
            await audit.record({}, "create", { type: "follow-up-task", id }, "success", {
              organizationId: session.organizationId,
              writer: tx,
            });
          }
        });
      }
    },

    /** The open follow-ups of the caller's current patients. */
    async openTasks(context: Context): Promise<FollowUpTaskDto[]> {
      // The caseload (empty for anyone but a clinician) only narrows the query; which of its
      // tasks the caller sees is the policy's `follow-up-task` read.
      const caseload = await peopleRepo.caseloadOf(context.actor.userId);
      const tasks: FollowUpTaskDto[] = [];
      for (const task of await repo.openFor(caseload)) {
        if (decide(context.actor, "read", await taskResource(task)) !== "allow") continue;
        tasks.push(await toDto(task));
        await audit.record(context, "read", { type: "follow-up-task", id: task.id }, "success");
      }
      return tasks;
    },

    async complete(
      context: Context,
      id: string,
      input: CompleteFollowUpInput,
    ): Promise<FollowUpTaskDto> {
      const task = await repo.task(id);
      if (!task) throw notFound("follow-up");
      await guard(
        audit,
        context,
        "update",
        await taskResource(task),
        { type: "follow-up-task", id },
        "follow-up",
      );
      const closed = await audit.change(
        context,
        "update",
        "follow-up-task",
        (tx) =>
          repo.complete(tx, id, {
            at: clock.now(),
            byUserId: context.actor.userId,
            note: input.note,
          }),
        () => id,
      );
      if (!closed) throw conflict("Someone on the care team already closed this follow-up.");
      const done = await repo.task(id);
      if (!done) throw notFound("follow-up");
      return toDto(done);
    },

    /**
     * Participants of a cohort whose week is flagged: two missed sessions, or a finished week
     * under the IOP minimum. Read through the attendance grid, so the same people may see it.
     */
    async cohortFlags(context: Context, cohortId: string): Promise<CohortAttendanceFlags> {
      const cohort = await cohortRepo.cohort(cohortId);
      if (!cohort) throw notFound("cohort");
      const now = clock.now();
      const today = isoDateInZone(now, cohort.timeZone);
      const from = addDaysToDate(weekStartOf(today), -7 * (FLAG_WEEKS - 1));
      const grid = await attendance.forCohort(context, cohortId, { from, to: today });
      const missed = await repo.missedBetween(
        grid.participants.map((p) => p.participantId),
        startOfLocalDay(from, cohort.timeZone),
        now,
      );
      const flags: AttendanceFlag[] = [];
      for (const participant of grid.participants) {
        for (const week of participant.weeks) {
          const missedSessions = missed.filter(
            (m) =>
              m.participantId === participant.participantId &&
              weekStartOf(isoDateInZone(m.startsAt, cohort.timeZone)) === week.weekStart,
          ).length;
          const over = startOfLocalDay(addDaysToDate(week.weekStart, 7), cohort.timeZone) <= now;
          const concerns = attendanceConcerns({
            missedSessions,
            attendedHours: week.attendedHours,
            plannedHours: week.plannedHours,
            over,
          });
          if (concerns.length === 0) continue;
          flags.push({
            participantId: participant.participantId,
            displayName: participant.displayName,
            weekStart: week.weekStart,
            missedSessions,
            attendedHours: week.attendedHours,
            concerns,
          });
        }
      }
      return { cohortId, flags };
    },
  };
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;
