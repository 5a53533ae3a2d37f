import {
  MAX_POST_LENGTH,
  MAX_THREAD_TITLE,
  type BoardKind,
  type ThreadSummary,
} from "@bridgeway/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-client";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import {
  checkFieldsMessage,
  fieldError,
  problemFromError,
  unplacedFields,
  type FormProblem,
} from "../forms/form-problem";
import { useSignedIn } from "../session/auth-context";
import { refreshForums, useForumsApi } from "./use-forums";

/** What a failed new thread says: inline field errors, or the announcements rule. */
function newThreadProblem(error: unknown, t: TFunction<"forums">): FormProblem {
  if (error instanceof ApiError && error.status === 403) {
    return { message: t("board.onlyFacilitatorsPost"), fields: {} };
  }
  return problemFromError(error);
}

/** Checked here first so that a person hears what is missing without a round trip. */
function localProblem(title: string, body: string, t: TFunction<"forums">): FormProblem | null {
  const fields: Record<string, string> = {};
  if (title.trim() === "") fields.title = t("newThread.titleRequired");
  else if (title.trim().length > MAX_THREAD_TITLE)
    fields.title = t("newThread.titleTooLong", { max: MAX_THREAD_TITLE });
  if (body.trim() === "") fields.body = t("newThread.bodyRequired");
  else if (body.trim().length > MAX_POST_LENGTH)
    fields.body = t("newThread.bodyTooLong", { max: MAX_POST_LENGTH });
  return Object.keys(fields).length > 0 ? { message: checkFieldsMessage(), fields } : null;
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
  const { t } = useTranslation("forums");
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
    onError: (error) => setProblem(newThreadProblem(error, t)),
  });

  return (
    <form
      className="form inline-form"
      noValidate
      onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
        event.preventDefault();
        const local = localProblem(title, body, t);
        setProblem(local);
        if (!local) create.mutate();
      }}
    >
      <FormAlert problem={problem} extra={unplacedFields(problem, ["title", "body"])} />
      <Field label={t("newThread.titleLabel")} error={fieldError(problem, "title")}>
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
      <Field
        label={t("newThread.bodyLabel")}
        hint={t("markdownHint")}
        error={fieldError(problem, "body")}
      >
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
        <SubmitButton pending={create.isPending} pendingLabel={t("newThread.posting")}>
          {t("newThread.post")}
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("newThread.cancel")}
        </button>
      </div>
    </form>
  );
}
