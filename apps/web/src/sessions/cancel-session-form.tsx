import { CancelSessionInputSchema, type SessionSummary } from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type SubmitEvent } from "react";
import { useServices } from "../app/services-context";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import { problemFromError, problemFromZod, type FormProblem } from "../forms/form-problem";
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
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const cancel = useMutation({
    mutationFn: (input: { reason: string }) => sessionsApi.cancel(session.id, input),
    onSuccess: async (cancelled) => {
      await scheduleChanged(queryClient);
      onDone(cancelled);
    },
    onError: (error) => setProblem(problemFromError(error)),
  });

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (cancel.isPending) return;
    const parsed = CancelSessionInputSchema.safeParse({ reason });
    if (!parsed.success) {
      setProblem(problemFromZod(parsed.error));
      return;
    }
    setProblem(null);
    cancel.mutate(parsed.data);
  }

  return (
    <form className="form inline-form" noValidate onSubmit={onSubmit} aria-busy={cancel.isPending}>
      <FormAlert problem={problem} />
      <Field
        label="Reason for cancelling"
        hint="Everyone expected at the session sees this. Only this meeting is cancelled."
        error={problem?.fields.reason}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={500}
            // The panel opened for this: start typing at once.
            autoFocus
            value={reason}
            onChange={(event) => setReason(event.target.value)}
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
