import {
  MAX_POST_LENGTH,
  MAX_THREAD_TITLE,
  type BoardKind,
  type ThreadSummary,
} from "@bridgeway/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type SubmitEvent } from "react";
import { ApiError } from "../api/api-client";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import {
  CHECK_FIELDS_MESSAGE,
  fieldError,
  problemFromError,
  unplacedFields,
  type FormProblem,
} from "../forms/form-problem";
import { useSignedIn } from "../session/auth-context";
import { MARKDOWN_HINT } from "./forum-parts";
import { refreshForums, useForumsApi } from "./use-forums";

export const ONLY_FACILITATORS_POST = "Only facilitators post announcements.";

/** What a failed new thread says: inline field errors, or the announcements rule. */
export function newThreadProblem(error: unknown): FormProblem {
  if (error instanceof ApiError && error.status === 403) {
    return { message: ONLY_FACILITATORS_POST, fields: {} };
  }
  return problemFromError(error);
}

/** Checked here first so that a person hears what is missing without a round trip. */
function localProblem(title: string, body: string): FormProblem | null {
  const fields: Record<string, string> = {};
  if (title.trim() === "") fields.title = "Give the thread a title.";
  else if (title.trim().length > MAX_THREAD_TITLE)
    fields.title = `Keep titles under ${MAX_THREAD_TITLE} characters.`;
  if (body.trim() === "") fields.body = "Write something.";
  else if (body.trim().length > MAX_POST_LENGTH)
    fields.body = `Keep posts under ${MAX_POST_LENGTH} characters.`;
  return Object.keys(fields).length > 0 ? { message: CHECK_FIELDS_MESSAGE, fields } : null;
}

/** Starting a thread on a board: title and body (markdown). */
export function NewThreadForm({
  kind,
  boardId,
  onCreated,
  onCancel,
}: {
  kind: BoardKind;
  boardId: string;
  onCreated: (thread: ThreadSummary) => void;
  onCancel: () => void;
}) {
  const forumsApi = useForumsApi();
  const queryClient = useQueryClient();
  const { user } = useSignedIn();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const create = useMutation({
    mutationFn: () => forumsApi.createThread(kind, boardId, { title, body }),
    onSuccess: async (thread) => {
      await refreshForums(queryClient, user.id);
      onCreated(thread);
    },
    onError: (error) => setProblem(newThreadProblem(error)),
  });

  return (
    <form
      className="form inline-form"
      noValidate
      onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
        event.preventDefault();
        const local = localProblem(title, body);
        setProblem(local);
        if (!local) create.mutate();
      }}
    >
      <FormAlert problem={problem} extra={unplacedFields(problem, ["title", "body"])} />
      <Field label="Title" error={fieldError(problem, "title")}>
        {(control) => (
          <input
            {...control}
            type="text"
            value={title}
            maxLength={MAX_THREAD_TITLE + 50}
            onChange={(event) => setTitle(event.target.value)}
          />
        )}
      </Field>
      <Field label="Message" hint={MARKDOWN_HINT} error={fieldError(problem, "body")}>
        {(control) => (
          <textarea
            {...control}
            rows={6}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
        )}
      </Field>
      <div className="actions">
        <SubmitButton pending={create.isPending} pendingLabel="Posting…">
          Post thread
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
