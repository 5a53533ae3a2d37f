import {
  inCalendarOrder,
  UpdateCohortInputSchema,
  type CohortDetail,
  type FacilitatorListItem,
  type UpdateCohortInput,
  type Weekday,
} from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useServices } from "../app/services-context";
import { formatTimeZone } from "../format/format";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import { problemFromZod, unplacedFields, type FormProblem } from "../forms/form-problem";
import { checkedSchema, keepMessage, useZodForm } from "../forms/use-zod-form";
import { scheduleChanged } from "../sessions/use-sessions";
import { FacilitatorFields, PatternFields } from "./cohort-fields";

export type ScheduleValues = {
  days: Weekday[];
  startTime: string;
  endTime: string;
  endsOn: string;
  leadFacilitatorId: string;
  coFacilitatorIds: string[];
};

export function scheduleDefaults(cohort: CohortDetail): ScheduleValues {
  return {
    days: inCalendarOrder(cohort.weeklyPattern.days),
    startTime: cohort.weeklyPattern.startTime,
    endTime: cohort.weeklyPattern.endTime,
    endsOn: cohort.endsOn,
    leadFacilitatorId: cohort.lead?.id ?? "",
    coFacilitatorIds: cohort.coFacilitators.map((f) => f.id),
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** Only what changed: the whole weekly pattern when any part of it did. */
export function toUpdateCohortInput(
  cohort: CohortDetail,
  values: ScheduleValues,
): { ok: true; input: UpdateCohortInput } | { ok: false; problem: FormProblem } {
  const before = scheduleDefaults(cohort);
  const candidate: Record<string, unknown> = {};
  if (
    !sameSet(values.days, before.days) ||
    values.startTime !== before.startTime ||
    values.endTime !== before.endTime
  ) {
    candidate.weeklyPattern = {
      days: inCalendarOrder(values.days),
      startTime: values.startTime,
      endTime: values.endTime,
    };
  }
  if (values.endsOn !== before.endsOn) candidate.endsOn = values.endsOn;
  if (values.leadFacilitatorId !== before.leadFacilitatorId) {
    candidate.leadFacilitatorId = values.leadFacilitatorId;
  }
  const co = values.coFacilitatorIds.filter((id) => id !== values.leadFacilitatorId);
  if (!sameSet(co, before.coFacilitatorIds)) candidate.coFacilitatorIds = co;
  if (Object.keys(candidate).length === 0) {
    return { ok: false, problem: { message: "Nothing has changed yet.", fields: {} } };
  }
  const parsed = UpdateCohortInputSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, problem: problemFromZod(parsed.error) };
  return { ok: true, input: parsed.data };
}

const KNOWN = [
  "weeklyPattern",
  "weeklyPattern.days",
  "weeklyPattern.startTime",
  "weeklyPattern.endTime",
  "endsOn",
  "leadFacilitatorId",
  "coFacilitatorIds",
];

/**
 * Changes the cohort's weekly pattern, end date or (for admins) facilitators, for meetings to
 * come. Assigning clinicians gives them the enrolled people's records, so only the clinic's
 * admins see those fields.
 */
export function EditScheduleForm({
  cohort,
  facilitators,
  assignsStaff,
  today,
  onDone,
  onClose,
}: {
  cohort: CohortDetail;
  facilitators: readonly FacilitatorListItem[];
  assignsStaff: boolean;
  today: string;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const { cohortsApi, queryClient } = useServices();
  const form = useZodForm({
    schema: checkedSchema((values: ScheduleValues) => toUpdateCohortInput(cohort, values)),
    defaultValues: scheduleDefaults(cohort),
    translate: keepMessage,
  });
  const { problem } = form;
  // The pattern and facilitator fields are shared, controlled components.
  const values = form.watch();
  const save = useMutation({
    mutationFn: (input: UpdateCohortInput) => cohortsApi.updateCohort(cohort.id, input),
    onSuccess: async () => {
      await scheduleChanged(queryClient);
      onDone("Schedule saved. Meetings from now on follow it; past meetings keep their times.");
    },
    onError: (error) => form.fail(error),
  });

  const onSubmit = form.submitWith((input) => {
    if (!save.isPending) save.mutate(input);
  });

  const error = form.error;
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-busy={save.isPending}>
      <p className="notice">
        Changes apply to future meetings only. Meetings that have already happened keep their times.
      </p>
      <FormAlert problem={problem} extra={unplacedFields(problem, KNOWN)} />
      <PatternFields
        days={values.days}
        startTime={values.startTime}
        endTime={values.endTime}
        onDays={(days) => form.setValue("days", days)}
        onStartTime={(time) => form.setValue("startTime", time)}
        onEndTime={(time) => form.setValue("endTime", time)}
        error={error}
        zoneName={`In ${formatTimeZone(cohort.timeZone)}, the cohort's time zone`}
      />
      <Field label="End date" error={error("endsOn")}>
        {(control) => (
          <input {...control} type="date" min={cohort.startsOn} {...form.register("endsOn")} />
        )}
      </Field>
      {assignsStaff && (
        <FacilitatorFields
          facilitators={facilitators}
          leadId={values.leadFacilitatorId}
          coIds={values.coFacilitatorIds}
          onLead={(id) => {
            form.setValue("leadFacilitatorId", id);
            form.setValue(
              "coFacilitatorIds",
              values.coFacilitatorIds.filter((co) => co !== id),
            );
          }}
          onCo={(ids) => form.setValue("coFacilitatorIds", ids)}
          endsOn={values.endsOn}
          today={today}
          error={error}
        />
      )}
      <div className="actions">
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save schedule
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
