import {
  defaultPhaseDays,
  ENROLLMENT_PHASES,
  inCalendarOrder,
  nextStepDownPhase,
  phaseDaysProblem,
  phaseOn,
  StepDownInputSchema,
  type CohortDetail,
  type EnrollmentPhase,
  type EnrollmentSummary,
  type PhasePeriod,
  type StepDownInput,
  type Weekday,
} from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useServices } from "../app/services-context";
import { formatCalendarDate, phaseLabel } from "../format/format";
import { formatWeekdays, weekdayName } from "../format/session-time";
import { CheckboxGroup, Field, FormAlert, SubmitButton } from "../forms/fields";
import { problemFromZod, unplacedFields, type FormProblem } from "../forms/form-problem";
import { checkedSchema, keepMessage, useZodForm } from "../forms/use-zod-form";
import { scheduleChanged } from "../sessions/use-sessions";
import { nextMondayAfter, todayIn } from "../time/zoned-time";

export type StepDownValues = { effectiveFrom: string; phase: EnrollmentPhase; days: Weekday[] };

/** The last planned period: a step-down already scheduled counts, even before it takes effect. */
function latestPeriod(enrollment: EnrollmentSummary): PhasePeriod | undefined {
  return [...enrollment.phases]
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
    .at(-1);
}

/** The phase the enrolment ends up in once every planned step-down has taken effect. */
export function latestPhase(enrollment: EnrollmentSummary): EnrollmentPhase {
  return latestPeriod(enrollment)?.phase ?? enrollment.phase;
}

/** The phases a step-down taking effect on `date` may choose: those below the one then in effect. */
export function stepDownChoices(enrollment: EnrollmentSummary, date: string): EnrollmentPhase[] {
  const from = phaseOn(enrollment.phases, date)?.phase ?? latestPhase(enrollment);
  return ENROLLMENT_PHASES.filter((p) => p < from);
}

/**
 * The Monday after today (or after the last planned step-down), the step below the last planned
 * phase, and that phase's usual days of the cohort's pattern.
 */
export function stepDownDefaults(
  enrollment: EnrollmentSummary,
  cohortDays: readonly Weekday[],
  today: string,
): StepDownValues | null {
  const latest = latestPeriod(enrollment);
  const phase = nextStepDownPhase(latest?.phase ?? enrollment.phase);
  if (phase === null) return null;
  const after = latest && latest.effectiveFrom > today ? latest.effectiveFrom : today;
  return {
    effectiveFrom: nextMondayAfter(after),
    phase,
    days: defaultPhaseDays(cohortDays, phase),
  };
}

/** The step-down request, or the problems to show next to each field. */
export function toStepDownInput(
  values: StepDownValues,
  cohortDays: readonly Weekday[],
): { ok: true; input: StepDownInput } | { ok: false; problem: FormProblem } {
  const parsed = StepDownInputSchema.safeParse(values);
  if (!parsed.success) return { ok: false, problem: problemFromZod(parsed.error) };
  const daysProblem = phaseDaysProblem(cohortDays, values.phase, values.days);
  if (daysProblem !== null) {
    return {
      ok: false,
      problem: { message: "Check the fields marked below.", fields: { days: daysProblem } },
    };
  }
  return { ok: true, input: parsed.data };
}

/** Moves a participant to a lower phase from a chosen date; earlier sessions stay as they are. */
export function StepDownForm({
  cohort,
  enrollment,
  onDone,
  onClose,
}: {
  cohort: CohortDetail;
  enrollment: EnrollmentSummary;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const { cohortsApi, queryClient } = useServices();
  const headingId = useId();
  const cohortDays = cohort.weeklyPattern.days;
  const today = todayIn(cohort.timeZone, new Date());
  const [defaults] = useState(() => stepDownDefaults(enrollment, cohortDays, today));
  const form = useZodForm({
    schema: checkedSchema((values: StepDownValues) => toStepDownInput(values, cohortDays)),
    defaultValues: defaults ?? {},
    translate: keepMessage,
  });
  const { problem } = form;
  // The fields are controlled: changing the date or the phase also changes what follows it.
  const values = form.watch();
  const name = enrollment.participant.displayName;
  const save = useMutation({
    mutationFn: (input: StepDownInput) => cohortsApi.stepDown(enrollment.id, input),
    onSuccess: async (_changed, input) => {
      await scheduleChanged(queryClient);
      const phase = input.phase ?? values.phase;
      const days = input.days ?? values.days;
      onDone(
        `${name} moves to ${phaseLabel(phase)} (${formatWeekdays(days)}) from ${formatCalendarDate(input.effectiveFrom)}.`,
      );
    },
    onError: (error) => form.fail(error),
  });
  const onSubmit = form.submitWith((input) => {
    if (!save.isPending) save.mutate(input);
  });

  if (defaults === null) {
    return (
      <p className="muted">
        {name} is already at the last step, {phaseLabel(latestPhase(enrollment))}.
      </p>
    );
  }
  const planned = enrollment.phases.filter((p) => p.effectiveFrom > today);

  const lower = stepDownChoices(enrollment, values.effectiveFrom);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId} className="card__title" tabIndex={-1}>
        Step down {name}
      </h3>
      <p className="muted">
        Now {phaseLabel(enrollment.phase)} ({formatWeekdays(enrollment.days)})
        {planned.map(
          (p) =>
            `; ${phaseLabel(p.phase)} (${formatWeekdays(p.days)}) from ${formatCalendarDate(p.effectiveFrom)}`,
        )}
        . Sessions before the date you choose are not changed.
      </p>
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={save.isPending}>
        <FormAlert
          problem={problem}
          extra={unplacedFields(problem, ["effectiveFrom", "phase", "days"])}
        />
        <Field label="Effective from" error={form.error("effectiveFrom")}>
          {(control) => (
            <input
              {...control}
              type="date"
              autoFocus
              value={values.effectiveFrom}
              onChange={(event) => {
                const effectiveFrom = event.target.value;
                // The choices follow the phase in effect on the new date.
                const choices = stepDownChoices(enrollment, effectiveFrom);
                const phase = choices.includes(values.phase) ? values.phase : choices[0];
                form.setValue("effectiveFrom", effectiveFrom);
                if (phase !== undefined && phase !== values.phase) {
                  form.setValue("phase", phase);
                  form.setValue("days", defaultPhaseDays(cohortDays, phase));
                }
              }}
            />
          )}
        </Field>
        <Field label="New phase" error={form.error("phase")}>
          {(control) => (
            <select
              {...control}
              value={values.phase}
              onChange={(event) => {
                const phase = Number(event.target.value) as EnrollmentPhase;
                form.setValue("phase", phase);
                form.setValue("days", defaultPhaseDays(cohortDays, phase));
              }}
            >
              {lower.map((phase) => (
                <option key={phase} value={phase}>
                  {phaseLabel(phase)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <CheckboxGroup
          legend="Days attended"
          hint={`Choose ${Math.min(values.phase, cohortDays.length)} of the cohort's meeting days.`}
          choices={inCalendarOrder(cohortDays).map((day) => ({
            value: day,
            label: weekdayName(day),
          }))}
          selected={values.days}
          onChange={(days) => form.setValue("days", days)}
          error={form.error("days")}
          inline
        />
        <div className="actions">
          <SubmitButton pending={save.isPending} pendingLabel="Saving…">
            Save step-down
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </section>
  );
}
