import { CompleteFollowUpSchema, type FollowUpTaskDto } from "@bridgeway/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link } from "react-router";
import { describeError } from "../api/api-client";
import { Field, FormAlert, SubmitOrCancel } from "../forms/fields";
import { unplacedFields } from "../forms/form-problem";
import { useZodForm } from "../forms/use-zod-form";
import { formatMoment } from "../format/session-time";
import { useSignedIn } from "../sign-in/auth-context";
import { HiddenContext } from "../shell/hidden-context";
import { LoadingState } from "../shell/status-states";
import { useRemindersApi } from "./use-reminders-api";

const KEY = "follow-ups";

function DoneForm({ task, onClose }: { task: FollowUpTaskDto; onClose: () => void }) {
  const api = useRemindersApi();
  const queries = useQueryClient();
  const { user } = useSignedIn();
  const form = useZodForm({ schema: CompleteFollowUpSchema, defaultValues: { note: "" } });
  const { problem } = form;
  const done = useMutation({
    mutationFn: (input: { note: string }) => api.completeFollowUp(task.id, input),
    onSuccess: () => {
      queries.setQueryData<FollowUpTaskDto[]>([KEY, user.id], (list) =>
        list?.filter((t) => t.id !== task.id),
      );
      onClose();
    },
    onError: (error) => form.fail(error),
  });
  const onSubmit = form.submitWith((input) => {
    if (!done.isPending) done.mutate(input);
  });

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-busy={done.isPending}>
      <FormAlert problem={problem} extra={unplacedFields(problem, ["note"])} />
      <Field
        label={`What you did for ${task.participant.displayName}`}
        hint="For example who you reached and what was agreed. The care team reads it."
        error={form.error("note")}
      >
        {(control) => (
          <textarea {...control} rows={3} maxLength={2000} {...form.register("note")} />
        )}
      </Field>
      <SubmitOrCancel pending={done.isPending} pendingLabel="Saving…" onCancel={onClose}>
        Mark done
      </SubmitOrCancel>
    </form>
  );
}

function FollowUpItem({ task, viewerZone }: { task: FollowUpTaskDto; viewerZone: string }) {
  const [open, setOpen] = useState(false);
  const labelId = useId();
  return (
    <li className="reviews-due__item">
      <span id={labelId}>
        <Link to={`/participants/${encodeURIComponent(task.participant.id)}/chart`}>
          {task.participant.displayName}
          <HiddenContext>chart</HiddenContext>
        </Link>{" "}
        <span className="cell-note">
          missed the session of {formatMoment(task.session.startsAt, viewerZone)}
        </span>
      </span>
      {open ? (
        <DoneForm task={task} onClose={() => setOpen(false)} />
      ) : (
        <button
          type="button"
          className="button button--secondary button--small"
          aria-describedby={labelId}
          onClick={() => setOpen(true)}
        >
          Mark done…
        </button>
      )}
    </li>
  );
}

/**
 * For a facilitator's Today page: participants of their cohorts who missed a session, until a
 * clinician of the care team marks the follow-up done with a note.
 */
export function FollowUpsCard() {
  const { user } = useSignedIn();
  const api = useRemindersApi();
  const headingId = useId();
  const query = useQuery({
    queryKey: [KEY, user.id],
    queryFn: ({ signal }) => api.followUps(signal),
  });
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        Follow up on missed sessions
        {query.data && query.data.length > 0 && (
          <span className="badge badge--warning">{query.data.length}</span>
        )}
      </h2>
      {query.isPending && <LoadingState label="Loading follow-ups…" />}
      {query.isError && (
        <p className="muted">
          We couldn&apos;t load the follow-ups. {describeError(query.error)}{" "}
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={query.isFetching}
            onClick={() => void query.refetch()}
          >
            Try again
          </button>
        </p>
      )}
      {query.isSuccess &&
        (query.data.length === 0 ? (
          <p className="muted">
            Nobody needs a follow-up. When a participant misses a session, they appear here.
          </p>
        ) : (
          <ul className="plain-list reviews-due">
            {query.data.map((task) => (
              <FollowUpItem key={task.id} task={task} viewerZone={user.timeZone} />
            ))}
          </ul>
        ))}
    </section>
  );
}
