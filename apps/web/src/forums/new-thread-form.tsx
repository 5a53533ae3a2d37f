import {
  MAX_POST_LENGTH,
  MAX_THREAD_TITLE,
  type BoardKind,
  type ThreadSummary,
} from "@bridgeway/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-client";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import { problemFromError, unplacedFields, type FormProblem } from "../forms/form-problem";
import { useZodForm } from "../forms/use-zod-form";
import { useSignedIn } from "../sign-in/auth-context";
import { refreshForums, useForumsApi } from "./use-forums";

/** What a failed new thread says: inline field errors, or the announcements rule. */
function newThreadProblem(error: unknown, t: TFunction<"forums">): FormProblem {
  if (error instanceof ApiError && error.status === 403) {
    return { message: t("board.onlyFacilitatorsPost"), fields: {} };
  }
  return problemFromError(error);
}

/** Checked here first so that a person hears what is missing without a round trip. */
function newThreadSchema(t: TFunction<"forums">) {
  const text = (max: number, required: string, tooLong: string) =>
    z
      .string()
      .refine((value) => value.trim() !== "", { error: required })
      .refine((value) => value.trim().length <= max, { error: tooLong });
  return z.object({
    title: text(
      MAX_THREAD_TITLE,
      t("newThread.titleRequired"),
      t("newThread.titleTooLong", { max: MAX_THREAD_TITLE }),
    ),
    body: text(
      MAX_POST_LENGTH,
      t("newThread.bodyRequired"),
      t("newThread.bodyTooLong", { max: MAX_POST_LENGTH }),
    ),
  });
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
  const form = useZodForm({
    schema: newThreadSchema(t),
    defaultValues: { title: "", body: "" },
    // The schema's messages are the catalogue's own.
    translate: (_field, message) => message,
    describe: (error) => newThreadProblem(error, t),
  });
  const { problem } = form;
  const create = useMutation({
    mutationFn: (input: { title: string; body: string }) =>
      forumsApi.createThread(kind, boardId, input),
    onSuccess: async (thread) => {
      await refreshForums(queryClient, user.id);
      onCreated(thread);
    },
    onError: (error) => form.fail(error),
  });

  return (
    <form
      className="form inline-form"
      noValidate
      onSubmit={form.submitWith((input) => create.mutate(input))}
    >
      <FormAlert problem={problem} extra={unplacedFields(problem, ["title", "body"])} />
      <Field label={t("newThread.titleLabel")} error={form.error("title")}>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={MAX_THREAD_TITLE + 50}
            {...form.register("title")}
          />
        )}
      </Field>
      <Field label={t("newThread.bodyLabel")} hint={t("markdownHint")} error={form.error("body")}>
        {(control) => <textarea {...control} rows={6} {...form.register("body")} />}
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
