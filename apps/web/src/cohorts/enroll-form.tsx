import {
  defaultPhaseDays,
  ENROLLMENT_PHASES,
  EnrollParticipantInputSchema,
  inCalendarOrder,
  phaseDaysProblem,
  type CohortDetail,
  type EnrollmentPhase,
  type EnrollParticipantInput,
  type ParticipantListItem,
  type Weekday,
} from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import type { PathValue } from "react-hook-form";
import { useServices } from "../app/services-context";
import { phaseLabel } from "../format/format";
import { formatWeekdays, weekdayName } from "../format/session-time";
import { CheckboxGroup, Field, FormAlert, SubmitButton } from "../forms/fields";
import {
  CHECK_FIELDS_MESSAGE,
  problemFromZod,
  unplacedFields,
  type FormProblem,
} from "../forms/form-problem";
import { checkedSchema, keepMessage, useZodForm } from "../forms/use-zod-form";
import { scheduleChanged } from "../sessions/use-sessions";

export type EnrollValues = {
  participantUserId: string;
  phase: EnrollmentPhase;
  startsOn: string;
  plannedDischargeOn: string;
  days: Weekday[];
};

/** The enrollment request; no days chosen means the phase's usual days. */
export function toEnrollInput(
  values: EnrollValues,
  cohortDays: readonly Weekday[],
): { ok: true; input: EnrollParticipantInput } | { ok: false; problem: FormProblem } {
  const fields: Record<string, string> = {};
  if (values.startsOn === "") fields.startsOn = "Choose a start date.";
  if (values.plannedDischargeOn === "")
    fields.plannedDischargeOn = "Choose a planned discharge date.";
  const parsed = EnrollParticipantInputSchema.safeParse({
    participantUserId: values.participantUserId,
    phase: values.phase,
    startsOn: values.startsOn,
    plannedDischargeOn: values.plannedDischargeOn,
    ...(values.days.length > 0 ? { days: values.days } : {}),
  });
  const daysProblem =
    values.days.length > 0 ? phaseDaysProblem(cohortDays, values.phase, values.days) : null;
  if (daysProblem !== null) fields.days = daysProblem;
  if (!parsed.success || Object.keys(fields).length > 0) {
    const fromSchema = parsed.success ? {} : problemFromZod(parsed.error).fields;
    return {
      ok: false,
      problem: { message: CHECK_FIELDS_MESSAGE, fields: { ...fromSchema, ...fields } },
    };
  }
  return { ok: true, input: parsed.data };
}

/** Enrolls a participant of the clinic in this cohort at a phase, from a start date. */
export function EnrollForm({
  cohort,
  participants,
  defaultStart,
  onDone,
}: {
  cohort: CohortDetail;
  participants: readonly ParticipantListItem[];
  defaultStart: string;
  onDone: (message: string) => void;
}) {
  const { cohortsApi, queryClient } = useServices();
  const cohortDays = inCalendarOrder(cohort.weeklyPattern.days);
  const empty: EnrollValues = {
    participantUserId: "",
    phase: 4,
    startsOn: defaultStart,
    plannedDischargeOn: "",
    days: [],
  };
  const form = useZodForm({
    schema: checkedSchema((values: EnrollValues) => toEnrollInput(values, cohortDays)),
    defaultValues: empty,
    translate: keepMessage,
  });
  const { problem } = form;
  const values = form.watch();
  const enroll = useMutation({
    mutationFn: (input: EnrollParticipantInput) => cohortsApi.enroll(cohort.id, input),
    onSuccess: async (enrollment) => {
      await scheduleChanged(queryClient);
      form.reset(empty);
      onDone(
        `${enrollment.participant.displayName} is enrolled at ${phaseLabel(enrollment.phase)} (${formatWeekdays(enrollment.days)}).`,
      );
    },
    onError: (error) => form.fail(error),
  });

  // The fields stay controlled (a phase change clears the days): they write through the form.
  function set<K extends keyof EnrollValues>(name: K, value: EnrollValues[K]) {
    form.setValue(name, value as PathValue<EnrollValues, K>);
  }

  const onSubmit = form.submitWith((input) => {
    if (!enroll.isPending) enroll.mutate(input);
  });

  const enrolledIds = new Set(cohort.enrollments.map((e) => e.participant.id));
  const candidates = participants.filter((p) => !enrolledIds.has(p.id));
  const usual = formatWeekdays(defaultPhaseDays(cohortDays, values.phase));
  const error = form.error;

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-busy={enroll.isPending}>
      <FormAlert
        problem={problem}
        extra={unplacedFields(problem, [
          "participantUserId",
          "phase",
          "startsOn",
          "plannedDischargeOn",
          "days",
        ])}
      />
      <Field label="Participant" error={error("participantUserId")}>
        {(control) => (
          <select
            {...control}
            value={values.participantUserId}
            onChange={(event) => set("participantUserId", event.target.value)}
          >
            <option value="">Choose a participant</option>
            {candidates.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
                {p.activeCohort ? ` (now in ${p.activeCohort.name})` : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Phase" error={error("phase")}>
        {(control) => (
          <select
            {...control}
            value={values.phase}
            onChange={(event) => {
              set("phase", Number(event.target.value) as EnrollmentPhase);
              set("days", []);
            }}
          >
            {ENROLLMENT_PHASES.map((phase) => (
              <option key={phase} value={phase}>
                {phaseLabel(phase)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field-pair">
        <Field label="Start date" error={error("startsOn")}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.startsOn}
              onChange={(event) => set("startsOn", event.target.value)}
            />
          )}
        </Field>
        <Field label="Planned discharge" error={error("plannedDischargeOn")}>
          {(control) => (
            <input
              {...control}
              type="date"
              min={values.startsOn || undefined}
              value={values.plannedDischargeOn}
              onChange={(event) => set("plannedDischargeOn", event.target.value)}
            />
          )}
        </Field>
      </div>
      <CheckboxGroup
        legend="Days attended (optional)"
        hint={`Leave all unticked for the usual days of this phase: ${usual}.`}
        choices={cohortDays.map((day) => ({ value: day, label: weekdayName(day) }))}
        selected={values.days}
        onChange={(days) => set("days", days)}
        error={error("days")}
        inline
      />
      <div className="actions">
        <SubmitButton pending={enroll.isPending} pendingLabel="Enrolling…">
          Enroll participant
        </SubmitButton>
      </div>
    </form>
  );
}
