import {
  RescheduleSessionInputSchema,
  type FacilitatorListItem,
  type RescheduleSessionInput,
  type SessionSummary,
} from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useServices } from "../app/services-context";
import { formatTimeZone } from "../format/format";
import { formatSessionWhen } from "../format/session-time";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import {
  CHECK_FIELDS_MESSAGE,
  problemFromZod,
  unplacedFields,
  type FormProblem,
} from "../forms/form-problem";
import { checkedSchema, keepMessage, useZodForm } from "../forms/use-zod-form";
import { facilitatorOption, leadChoices } from "../people/facilitator-labels";
import { instantToLocal, localDateTimeToInstant } from "../time/zoned-time";
import { scheduleChanged } from "./use-sessions";

export type RescheduleValues = {
  date: string;
  time: string;
  durationMinutes: string;
  leadId: string;
};

export function rescheduleDefaults(session: SessionSummary): RescheduleValues {
  const { date, time } = instantToLocal(session.startsAt, session.timeZone);
  const minutes = Math.round((Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60_000);
  return { date, time, durationMinutes: String(minutes), leadId: session.lead?.id ?? "" };
}

/**
 * The change to send for one meeting: only what differs from it now, the new date and time read
 * in the session's own zone (the cohort's). A problem when nothing changed or a field is wrong.
 */
export function toRescheduleInput(
  session: SessionSummary,
  values: RescheduleValues,
): { ok: true; input: RescheduleSessionInput } | { ok: false; problem: FormProblem } {
  const before = rescheduleDefaults(session);
  const fields: Record<string, string> = {};
  const candidate: Record<string, unknown> = {};
  if (values.date !== before.date || values.time !== before.time) {
    const startsAt =
      values.date === "" || values.time === ""
        ? null
        : localDateTimeToInstant(values.date, values.time, session.timeZone);
    if (startsAt === null) fields.startsAt = "Choose a new date and time.";
    else candidate.startsAt = startsAt;
  }
  if (values.durationMinutes !== before.durationMinutes) {
    candidate.durationMinutes = Number(values.durationMinutes);
  }
  if (values.leadId !== before.leadId && values.leadId !== "") {
    candidate.leadFacilitatorId = values.leadId;
  }
  if (Object.keys(fields).length > 0)
    return { ok: false, problem: { message: CHECK_FIELDS_MESSAGE, fields } };
  if (Object.keys(candidate).length === 0) {
    return {
      ok: false,
      problem: {
        message: "Nothing has changed. Change the date, time, length or lead first.",
        fields: {},
      },
    };
  }
  const parsed = RescheduleSessionInputSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, problem: problemFromZod(parsed.error) };
  return { ok: true, input: parsed.data };
}

/** Moves one meeting, changes its length or its lead; the rest of the series stays as it is. */
export function RescheduleForm({
  session,
  viewerZone,
  facilitators,
  today,
  onDone,
  onClose,
}: {
  session: SessionSummary;
  viewerZone: string;
  /** Who may lead it; undefined while they load, and then the lead cannot be changed yet. */
  facilitators: readonly FacilitatorListItem[] | undefined;
  today: string;
  onDone: (changed: SessionSummary) => void;
  onClose: () => void;
}) {
  const { sessionsApi, queryClient } = useServices();
  const form = useZodForm({
    schema: checkedSchema((values: RescheduleValues) => toRescheduleInput(session, values)),
    defaultValues: rescheduleDefaults(session),
    translate: keepMessage,
  });
  const { problem } = form;
  // The preview below follows the date, time and length as they are typed.
  const values = form.watch();
  const save = useMutation({
    mutationFn: (input: RescheduleSessionInput) => sessionsApi.reschedule(session.id, input),
    onSuccess: async (changed) => {
      await scheduleChanged(queryClient);
      onDone(changed);
    },
    onError: (error) => form.fail(error),
  });

  const onSubmit = form.submitWith((input) => {
    if (!save.isPending) save.mutate(input);
  });

  const zoneName = formatTimeZone(session.timeZone);
  const startsAt = localDateTimeToInstant(values.date, values.time, session.timeZone);
  const minutes = Number(values.durationMinutes);
  const preview =
    startsAt !== null && Number.isInteger(minutes) && minutes > 0
      ? formatSessionWhen(
          startsAt,
          new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(),
          viewerZone,
        )
      : null;
  const error = form.error;

  return (
    <form className="form inline-form" noValidate onSubmit={onSubmit} aria-busy={save.isPending}>
      <FormAlert
        problem={problem}
        extra={unplacedFields(problem, ["startsAt", "durationMinutes", "leadFacilitatorId"])}
      />
      <p className="muted">
        Only this meeting changes. The date and time are in {zoneName}, the group&apos;s time zone.
      </p>
      <div className="field-pair">
        <Field label="New date" error={error("startsAt")}>
          {(control) => <input {...control} type="date" autoFocus {...form.register("date")} />}
        </Field>
        <Field label="New start time" hint={`${zoneName}.`}>
          {(control) => <input {...control} type="time" {...form.register("time")} />}
        </Field>
      </div>
      <Field label="Length in minutes" error={error("durationMinutes")}>
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            min={15}
            max={240}
            step={5}
            {...form.register("durationMinutes")}
          />
        )}
      </Field>
      {facilitators && (
        <Field label="Lead for this meeting" error={error("leadFacilitatorId")}>
          {(control) => (
            <select
              {...control}
              value={values.leadId}
              onChange={(event) => form.setValue("leadId", event.target.value)}
            >
              {values.leadId === "" && <option value="">Choose the lead</option>}
              {leadChoices(facilitators, today, values.leadId).map(
                ({ facilitator: f, expired }) => (
                  <option key={f.id} value={f.id} disabled={expired}>
                    {facilitatorOption(f, today)}
                  </option>
                ),
              )}
            </select>
          )}
        </Field>
      )}
      {preview !== null && <p className="notice">Your time: {preview}</p>}
      <div className="actions">
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save changes
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
