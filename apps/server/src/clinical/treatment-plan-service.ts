import {
  addDaysToDate,
  decide,
  DischargeInputSchema,
  isActiveEnrollment,
  isoDateInZone,
  reviewDue,
  TreatmentPlanContentSchema,
  type AftercareDto,
  type DischargeDto,
  type DischargeInput,
  type TreatmentPlanDto,
  type TreatmentPlanInput,
} from "@bridgeway/domain";
import type { AuditLog } from "../audit/audit-log";
import type { Clock } from "../clock";
import { isUniqueViolation } from "../http/error-handler";
import { badRequest, conflict, notFound } from "../http/errors";
import { dateOnly } from "../db/dates";
import type { EnrollmentRecord, CohortRepository } from "../cohorts/cohort-repository";
import type { PeopleRepository } from "../people/people-repository";
import type { ClinicalAccess, Context, PersonalRecordType } from "./clinical-access";
import type {
  StoredDischarge,
  StoredTreatmentPlan,
  TreatmentPlanRepository,
} from "./treatment-plan-repository";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Treatment plans per enrollment (problems, goals, measurable objectives, interventions), reviewed
 * on a cadence, read and acknowledged by the participant; and the discharge that closes the
 * enrollment with a summary and an aftercare plan the participant keeps.
 */
export function createTreatmentPlanService(deps: {
  plans: TreatmentPlanRepository;
  peopleRepo: PeopleRepository;
  cohortRepo: CohortRepository;
  access: ClinicalAccess;
  audit: AuditLog;
  clock: Clock;
  /** An enrollment ended: open sockets leave the cohort's rooms (realtime/access-control.ts). */
  onEnrollmentEnded?: (participantId: string) => Promise<void>;
}) {
  const { plans, peopleRepo, cohortRepo, access, audit, clock } = deps;

  async function requireEnrollment(
    context: Context,
    enrollmentId: string,
    type: PersonalRecordType,
    action: "read" | "create" | "update",
  ) {
    const enrollment = await cohortRepo.enrollment(enrollmentId);
    if (!enrollment) throw notFound("enrollment");
    const participant = await access.requirePersonal(
      context,
      type,
      enrollment.participant.id,
      action,
    );
    return { enrollment, participant, today: isoDateInZone(clock.now(), participant.timeZone) };
  }

  function planDto(
    row: StoredTreatmentPlan,
    createdBy: string,
    enrollment: EnrollmentRecord,
    today: string,
  ): TreatmentPlanDto {
    const nextReviewOn = dateOnly(row.nextReviewOn);
    return {
      id: row.id,
      enrollmentId: row.enrollmentId,
      participantId: row.participantUserId,
      version: row.version,
      content: TreatmentPlanContentSchema.parse(row.content),
      reviewEveryDays: row.reviewEveryDays,
      nextReviewOn,
      reviewDue: isActiveEnrollment(enrollment) && reviewDue(nextReviewOn, today),
      createdBy,
      createdAt: row.createdAt.toISOString(),
      acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
      phases: enrollment.phases.map((p) => ({
        phase: p.phase,
        days: p.days,
        effectiveFrom: p.effectiveFrom,
      })),
    };
  }

  async function authorName(id: string) {
    return (await peopleRepo.person(id))?.displayName ?? "A clinician";
  }

  async function current(context: Context, enrollmentId: string): Promise<TreatmentPlanDto | null> {
    const { enrollment, today } = await requireEnrollment(
      context,
      enrollmentId,
      "treatment-plan",
      "read",
    );
    const row = await plans.latest(enrollmentId);
    await audit.record(context, "read", { type: "treatment-plan", id: enrollmentId }, "success");
    return row ? planDto(row, await authorName(row.createdByUserId), enrollment, today) : null;
  }

  return {
    current,

    /** The plan of a participant's current enrollment (or their latest one). */
    async currentOfParticipant(
      context: Context,
      participantId: string,
    ): Promise<TreatmentPlanDto | null> {
      await access.requirePersonal(context, "treatment-plan", participantId, "read");
      const enrollments = await cohortRepo.enrollments({ participantId });
      const chosen =
        enrollments.find(isActiveEnrollment) ??
        [...enrollments].sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
      if (!chosen) {
        await audit.record(
          context,
          "read",
          { type: "treatment-plan", id: participantId },
          "success",
        );
        return null;
      }
      return current(context, chosen.id);
    },

    /** A new version (the first plan, or a review); the next review is due a cadence later. */
    async save(
      context: Context,
      enrollmentId: string,
      input: TreatmentPlanInput,
      basedOn: number | null,
    ): Promise<TreatmentPlanDto> {
      // Each version is created, never changed: only the current care team writes one.
      const { enrollment, participant, today } = await requireEnrollment(
        context,
        enrollmentId,
        "treatment-plan",
        "create",
      );
      if (!isActiveEnrollment(enrollment)) {
        throw conflict("This enrollment has ended; its treatment plan can no longer change.");
      }
      try {
        const row = await audit.change(
          context,
          "update",
          "treatment-plan",
          async (tx) => {
            const latest = await plans.latestVersion(tx, enrollmentId);
            if (latest !== basedOn) {
              throw conflict(
                "Someone saved a newer version of this plan. Reload it and make your changes again.",
                { basedOn: "Not the current version." },
              );
            }
            return plans.create(tx, {
              organizationId: participant.organizationId,
              enrollmentId,
              participantUserId: participant.id,
              version: (latest ?? 0) + 1,
              content: input.content,
              reviewEveryDays: input.reviewEveryDays,
              nextReviewOn: day(addDaysToDate(today, input.reviewEveryDays)),
              createdByUserId: context.actor.userId,
              createdAt: clock.now(),
            });
          },
          (r) => r.id,
        );
        return planDto(row, await authorName(row.createdByUserId), enrollment, today);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw conflict("Someone saved this plan at the same moment. Reload it and try again.");
        }
        throw error;
      }
    },

    /** The participant confirms they read the current version. */
    async acknowledge(context: Context, enrollmentId: string, version: number): Promise<void> {
      // The policy lets only the participant whose plan it is acknowledge it.
      await requireEnrollment(context, enrollmentId, "treatment-plan", "update");
      const latest = await plans.latest(enrollmentId);
      if (!latest) throw notFound("treatment plan");
      if (latest.version !== version) {
        throw conflict("Your plan was updated. Read the new version, then acknowledge it.", {
          version: "Not the current version.",
        });
      }
      if (latest.acknowledgedAt) return;
      await audit.change(
        context,
        "update",
        "treatment-plan",
        (tx) => plans.acknowledge(tx, latest.id, clock.now()),
        (r) => r.id,
      );
    },

    /** For a clinician: active enrollments in their cohorts whose plan is missing or due. */
    async reviewsDue(context: Context) {
      const queue = decide(context.actor, "read", {
        type: "treatment-plan-review-queue",
        organizationId: context.actor.organizationId,
      });
      if (queue !== "allow") {
        await audit.denied(context, "read", { type: "treatment-plan" });
        throw notFound("reviews");
      }
      const cohortIds = await cohortRepo.cohortIdsOf(context.actor.userId);
      const enrollments = (await cohortRepo.enrollments({ cohortIds })).filter(isActiveEnrollment);
      const reviews = await plans.nextReviews(enrollments.map((e) => e.id));
      const zone = await peopleRepo.organizationTimeZone(context.actor.organizationId);
      const today = isoDateInZone(clock.now(), zone);
      const due = enrollments.flatMap((e) => {
        const plan = reviews.find((p) => p.enrollmentId === e.id);
        const next = plan ? dateOnly(plan.nextReviewOn) : null;
        if (next && !reviewDue(next, today)) return [];
        return [
          {
            enrollmentId: e.id,
            participantId: e.participant.id,
            displayName: e.participant.displayName,
            nextReviewOn: next,
          },
        ];
      });
      await audit.record(context, "read", { type: "treatment-plan" }, "success");
      return due.sort((a, b) => (a.nextReviewOn ?? "").localeCompare(b.nextReviewOn ?? ""));
    },

    /** Closes the enrollment with a discharge summary and aftercare plan, in one step. */
    async discharge(
      context: Context,
      enrollmentId: string,
      input: DischargeInput,
    ): Promise<DischargeDto> {
      const { enrollment, participant } = await requireEnrollment(
        context,
        enrollmentId,
        "discharge-summary",
        "create",
      );
      if (!isActiveEnrollment(enrollment)) {
        throw conflict("This enrollment has already ended.");
      }
      if (input.dischargedOn < enrollment.startsOn) {
        throw badRequest("Discharge cannot come before the enrollment started.", {
          dischargedOn: `Choose ${enrollment.startsOn} or later.`,
        });
      }
      const now = clock.now();
      try {
        const row = await audit.change(
          context,
          "create",
          "discharge-summary",
          async (tx) => {
            const ended = await plans.endEnrollment(
              tx,
              enrollmentId,
              input.reason === "WITHDREW" ? "WITHDRAWN" : "DISCHARGED",
              day(input.dischargedOn),
            );
            if (!ended) throw conflict("This enrollment has already ended.");
            return plans.createDischarge(tx, {
              organizationId: participant.organizationId,
              enrollmentId,
              participantUserId: participant.id,
              reason: input.reason,
              dischargedOn: day(input.dischargedOn),
              summary: input.summary,
              aftercare: input.aftercare,
              createdByUserId: context.actor.userId,
              createdAt: now,
            });
          },
          (r) => r.id,
        );
        await deps.onEnrollmentEnded?.(participant.id);
        return dischargeDto(row, await authorName(row.createdByUserId));
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict("This enrollment has already ended.");
        throw error;
      }
    },

    async dischargeOf(context: Context, enrollmentId: string): Promise<DischargeDto> {
      await requireEnrollment(context, enrollmentId, "discharge-summary", "read");
      const row = await plans.discharge(enrollmentId);
      await audit.record(
        context,
        "read",
        { type: "discharge-summary", id: enrollmentId },
        "success",
      );
      if (!row) throw notFound("discharge");
      return dischargeDto(row, await authorName(row.createdByUserId));
    },

    /** A participant's aftercare plans, which they keep reading after discharge. */
    async aftercare(context: Context, participantId: string): Promise<AftercareDto[]> {
      await access.requirePersonal(context, "aftercare", participantId, "read");
      const rows = await plans.aftercareOf(participantId);
      await audit.record(context, "read", { type: "aftercare", id: participantId }, "success");
      return rows.map((r) => ({
        enrollmentId: r.enrollmentId,
        dischargedOn: dateOnly(r.dischargedOn),
        aftercare: DischargeInputSchema.shape.aftercare.parse(r.aftercare),
      }));
    },
  };

  function dischargeDto(row: StoredDischarge, createdBy: string): DischargeDto {
    return {
      enrollmentId: row.enrollmentId,
      participantId: row.participantUserId,
      reason: DischargeInputSchema.shape.reason.parse(row.reason),
      dischargedOn: dateOnly(row.dischargedOn),
      summary: row.summary,
      aftercare: DischargeInputSchema.shape.aftercare.parse(row.aftercare),
      createdBy,
      createdAt: row.createdAt.toISOString(),
    };
  }
}

export type TreatmentPlanService = ReturnType<typeof createTreatmentPlanService>;
