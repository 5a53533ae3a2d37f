import {
  addDaysToDate,
  answersSchema,
  cadenceDays,
  cohortClinicians,
  decide,
  INSTRUMENT_DEFINITIONS,
  isActiveEnrollment,
  isoDateInZone,
  PHQ9_SAFETY_ITEM,
  scoreAssessment,
  type AssessmentAssignmentDto,
  type AssessmentHistory,
  type AssessmentResultDto,
  type AssignAssessmentInput,
  type CohortSeverities,
  type Severity,
} from "@bridgeway/domain";
import type { AlertService } from "../alerts/alert-service";
import type { AuditLog } from "../audit/audit-log";
import type { Clock } from "../clock";
import { badRequest, conflict, notFound } from "../http/errors";
import { fieldsFromZodError } from "../http/validate";
import type { Logger } from "../logger";
import { dateOnly } from "../db/dates";
import type { CohortRepository } from "../cohorts/cohort-repository";
import type { AssessmentRepository, StoredAssignment, StoredResult } from "./assessment-repository";
import type { ClinicalAccess, Context } from "./clinical-access";

const assignmentDto = (row: StoredAssignment): AssessmentAssignmentDto => ({
  id: row.id,
  instrument: row.instrument,
  cadence: row.cadence,
  dueOn: dateOnly(row.dueOn),
  completedAt: row.response?.completedAt.toISOString() ?? null,
});

const resultDto = (row: StoredResult): AssessmentResultDto => ({
  id: row.id,
  instrument: row.instrument,
  total: row.total,
  severity: row.severity as Severity,
  safetyConcern: row.safetyConcern,
  completedAt: row.completedAt.toISOString(),
  answers: row.answers,
});

/**
 * PHQ-9 and GAD-7: clinicians assign them on a cadence, participants complete them on their
 * phone, scores follow the published bands, and any PHQ-9 item 9 answer above 0 alerts the
 * care team at once and shows the participant 988 and their safety plan.
 */
export function createAssessmentService(deps: {
  assessments: AssessmentRepository;
  cohortRepo: CohortRepository;
  access: ClinicalAccess;
  alerts: AlertService;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
}) {
  const { assessments, cohortRepo, access, alerts, audit, clock, logger } = deps;

  return {
    async assign(
      context: Context,
      participantId: string,
      input: AssignAssessmentInput,
    ): Promise<AssessmentAssignmentDto> {
      const participant = await access.requirePersonal(
        context,
        "assessment-assignment",
        participantId,
        "create",
      );
      const today = isoDateInZone(clock.now(), participant.timeZone);
      if (input.firstDueOn < today) {
        throw badRequest("The first one cannot be due in the past.", {
          firstDueOn: "Choose today or a later date.",
        });
      }
      const open = await assessments.openAssignment(participantId, input.instrument);
      if (open) {
        throw conflict(
          `${INSTRUMENT_DEFINITIONS[input.instrument].name} is already assigned. Stop that one first to change how often.`,
          { instrument: "Already assigned." },
        );
      }
      const row = await audit.change(
        context,
        "create",
        "assessment-assignment",
        (tx) =>
          assessments.createAssignment(tx, {
            organizationId: participant.organizationId,
            participantUserId: participantId,
            instrument: input.instrument,
            cadence: input.cadence,
            dueOn: new Date(`${input.firstDueOn}T00:00:00Z`),
            assignedByUserId: context.actor.userId,
          }),
        (r) => r.id,
      );
      return assignmentDto(row);
    },

    /** Stops a series: what is due disappears and no further ones are assigned. */
    async cancel(context: Context, assignmentId: string): Promise<void> {
      const row = await assessments.assignment(assignmentId);
      if (!row || row.organizationId !== context.actor.organizationId) {
        throw notFound("assignment");
      }
      await access.requirePersonal(
        context,
        "assessment-assignment",
        row.participantUserId,
        "update",
      );
      if (row.cancelledAt) return;
      await audit.change(
        context,
        "update",
        "assessment-assignment",
        (tx) => assessments.cancelAssignment(tx, assignmentId, clock.now()),
        (r) => r.id,
      );
    },

    async history(context: Context, participantId: string): Promise<AssessmentHistory> {
      await access.requirePersonal(context, "assessment", participantId, "read");
      const [due, results] = await Promise.all([
        assessments.dueAssignments(participantId),
        assessments.results([participantId], "asc"),
      ]);
      await audit.record(context, "read", { type: "assessment", id: participantId }, "success");
      return {
        participantId,
        due: due.map(assignmentDto),
        results: results.map(resultDto),
      };
    },

    async complete(
      context: Context,
      assignmentId: string,
      rawAnswers: unknown[],
    ): Promise<AssessmentResultDto> {
      const assignment = await assessments.assignment(assignmentId);
      if (!assignment || assignment.organizationId !== context.actor.organizationId) {
        throw notFound("assignment");
      }
      // Answers are the participant's own: the policy lets nobody else, clinicians included,
      // complete a questionnaire for them.
      const participant = await access.requirePersonal(
        context,
        "assessment",
        assignment.participantUserId,
        "create",
      );
      if (assignment.cancelledAt)
        throw conflict("This questionnaire was withdrawn by your clinician.");
      if (assignment.answered) throw conflict("You already answered this questionnaire.");
      const parsed = answersSchema(assignment.instrument).safeParse(rawAnswers);
      if (!parsed.success) {
        const fields = Object.fromEntries(
          Object.entries(fieldsFromZodError(parsed.error)).map(([key, message]) => [
            key === "body" ? "answers" : `answers.${key}`,
            message,
          ]),
        );
        throw badRequest("Some answers are missing or not one of the choices.", fields);
      }
      const score = scoreAssessment(assignment.instrument, parsed.data);
      const now = clock.now();
      const repeatDays = cadenceDays(assignment.cadence);
      const today = isoDateInZone(now, participant.timeZone);
      const response = await audit.change(
        context,
        "create",
        "assessment",
        async (tx) => {
          const created = await assessments.createResult(tx, {
            organizationId: assignment.organizationId,
            participantUserId: assignment.participantUserId,
            instrument: assignment.instrument,
            assignmentId,
            answers: parsed.data,
            total: score.total,
            severity: score.severity,
            safetyConcern: score.safetyConcern,
            completedAt: now,
          });
          if (repeatDays !== null) {
            let next = addDaysToDate(dateOnly(assignment.dueOn), repeatDays);
            if (next <= today) next = addDaysToDate(today, repeatDays);
            await assessments.createAssignment(tx, {
              organizationId: assignment.organizationId,
              participantUserId: assignment.participantUserId,
              instrument: assignment.instrument,
              cadence: assignment.cadence,
              dueOn: new Date(`${next}T00:00:00Z`),
              assignedByUserId: assignment.assignedByUserId,
            });
          }
          return created;
        },
        (r) => r.id,
      );
      if (score.safetyConcern) {
        // Stored first, so the alert always points at a saved answer; raising it must not fail
        // the participant's submission, and it is logged (without any answers) if it does.
        await alerts
          .raise({
            organizationId: assignment.organizationId,
            participantId: assignment.participantUserId,
            source: "phq9",
            categories: ["suicide", "self-harm"],
            sourceRef: response.id,
            sourceLabel: `PHQ-9 question ${PHQ9_SAFETY_ITEM}`,
            sourceItemId: response.id,
          })
          .catch((error: unknown) => {
            logger.error(
              { err: error instanceof Error ? error.name : typeof error, responseId: response.id },
              "raising the PHQ-9 item 9 alert failed",
            );
          });
      }
      return resultDto(response);
    },

    /** Each participant's latest score per instrument, for the cohort's clinicians. */
    async cohortSeverities(context: Context, cohortId: string): Promise<CohortSeverities> {
      const cohort = await cohortRepo.cohort(cohortId);
      if (!cohort) throw notFound("cohort");
      const decision = decide(context.actor, "read", {
        type: "cohort-severities",
        organizationId: cohort.organizationId,
        facilitatorIds: cohortClinicians(cohort),
      });
      if (decision !== "allow") {
        // Another cohort's scores do not exist for the reader, whatever the policy's reason.
        await audit.denied(context, "read", { type: "assessment", id: cohortId });
        throw notFound("cohort");
      }
      const enrolled = (await cohortRepo.enrollments({ cohortIds: [cohortId] })).filter(
        isActiveEnrollment,
      );
      const ids = enrolled.map((e) => e.participant.id);
      const results = await assessments.results(ids, "desc");
      await audit.record(context, "read", { type: "assessment", id: cohortId }, "success");
      return {
        cohortId,
        participants: enrolled
          .map((e) => {
            const latest: CohortSeverities["participants"][number]["latest"] = {};
            for (const r of results) {
              if (r.participantUserId !== e.participant.id || latest[r.instrument]) continue;
              latest[r.instrument] = {
                total: r.total,
                severity: r.severity as Severity,
                completedAt: r.completedAt.toISOString(),
                safetyConcern: r.safetyConcern,
              };
            }
            return {
              participantId: e.participant.id,
              displayName: e.participant.displayName,
              latest,
            };
          })
          .sort((a, b) => a.displayName.localeCompare(b.displayName)),
      };
    },
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
