import { CancelSessionInputSchema, type SessionSummary } from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useServices } from "../app/services-context";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import { useZodForm } from "../forms/use-zod-form";
import { scheduleChanged } from "./use-sessions";

/** Cancels one meeting, with the reason people will see; the rest of the series stays. */
export function CancelSessionForm({
  session,
  onDone,
  onClose,
}: {
  session: SessionSummary;
  onDone: (cancelled: SessionSummary) => void;
  onClose: () => void;
}) {
  const { sessionsApi, queryClient } = useServices();
  const form = useZodForm({ schema: CancelSessionInputSchema, defaultValues: { reason: "" } });
  const cancel = useMutation({
    mutationFn: (input: { reason: string }) => sessionsApi.cancel(session.id, input),
    onSuccess: async (cancelled) => {
      await scheduleChanged(queryClient);
      onDone(cancelled);
    },
    onError: (error) => form.fail(error),
  });
  const onSubmit = form.submitWith((input) => {
    if (!cancel.isPending) cancel.mutate(input);
  });

  return (
    <form className="form inline-form" noValidate onSubmit={onSubmit} aria-busy={cancel.isPending}>
      <FormAlert problem={form.problem} />
      <Field
        label="Reason for cancelling"
        hint="Everyone expected at the session sees this. Only this meeting is cancelled."
        error={form.error("reason")}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={500}
            // The panel opened for this: start typing at once.
            autoFocus
            {...form.register("reason")}
          />
        )}
      </Field>
      <div className="actions">
        <SubmitButton pending={cancel.isPending} pendingLabel="Cancelling…">
          Cancel this session
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Keep session
        </button>
      </div>
    </form>
  );
}
