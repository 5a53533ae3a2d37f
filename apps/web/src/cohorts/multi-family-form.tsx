import {
  BookMultiFamilyInputSchema,
  type BookMultiFamilyInput,
  type CohortDetail,
} from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useServices } from "../app/services-context";
import { formatSessionWhen } from "../format/session-time";
import { FormAlert, SubmitButton } from "../forms/fields";
import { unplacedFields, type FormProblem } from "../forms/form-problem";
import { checkedSchema, keepMessage, useZodForm } from "../forms/use-zod-form";
import { checkedBooking, minutesFrom, readStart } from "../sessions/book-session-form";
import { LengthField, StartFields } from "../sessions/booking-fields";
import { scheduleChanged } from "../sessions/use-sessions";
import { todayIn } from "../time/zoned-time";

/** Multi-family groups usually run an hour and a half. */
const DEFAULT_MINUTES = 90;

type Values = { date: string; time: string; durationMinutes: string };

/**
 * The request for the form's values, the date and time read in the cohort's own zone (the
 * group meets in it), or the problems to show by each field.
 */
export function toMultiFamilyInput(
  values: Values,
  timeZone: string,
): { ok: true; input: BookMultiFamilyInput } | { ok: false; problem: FormProblem } {
  const { startsAt, fields } = readStart(values, timeZone);
  const parsed = BookMultiFamilyInputSchema.safeParse({
    startsAt: startsAt ?? "",
    durationMinutes: minutesFrom(values.durationMinutes),
  });
  return checkedBooking(parsed, fields, startsAt);
}

/**
 * Books a multi-family group for the cohort: its participants and the family members whose
 * consent covers multi-family groups are invited, and it joins everyone's schedule.
 */
export function MultiFamilyForm({
  cohort,
  onBooked,
}: {
  cohort: CohortDetail;
  onBooked: (sessionId: string, when: string) => void;
}) {
  const { familiesApi, queryClient } = useServices();
  const zone = cohort.timeZone;
  const today = todayIn(zone, new Date());
  const empty: Values = { date: today, time: "", durationMinutes: String(DEFAULT_MINUTES) };
  const form = useZodForm({
    schema: checkedSchema((values: Values) => toMultiFamilyInput(values, zone)),
    defaultValues: empty,
    translate: keepMessage,
  });
  const { problem } = form;
  const values = form.watch();
  const book = useMutation({
    mutationFn: (input: BookMultiFamilyInput) => familiesApi.bookMultiFamily(cohort.id, input),
    onSuccess: async (sessionId, input) => {
      await scheduleChanged(queryClient);
      const endsAt = new Date(
        Date.parse(input.startsAt) + input.durationMinutes * 60_000,
      ).toISOString();
      form.reset(empty);
      onBooked(sessionId, formatSessionWhen(input.startsAt, endsAt, zone));
    },
    onError: (error) => form.fail(error),
  });

  // The booking fields are shared, controlled components: they read and write through the form.
  function set(name: keyof Values, value: string) {
    form.setValue(name, value);
  }

  const onSubmit = form.submitWith((input) => {
    if (!book.isPending) book.mutate(input);
  });

  const error = form.error;
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-busy={book.isPending}>
      <FormAlert
        problem={problem}
        extra={unplacedFields(problem, ["date", "time", "startsAt", "durationMinutes"])}
      />
      <StartFields
        values={values}
        onChange={set}
        error={error}
        today={today}
        timeZone={zone}
        whoseZone="the group's"
      />
      <LengthField
        value={values.durationMinutes}
        onChange={(minutes) => set("durationMinutes", minutes)}
        error={error("durationMinutes")}
      />
      <div className="actions">
        <SubmitButton pending={book.isPending} pendingLabel="Booking…">
          Book multi-family group
        </SubmitButton>
      </div>
    </form>
  );
}
