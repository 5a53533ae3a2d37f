import {
  EditThreadSchema,
  MAX_POST_LENGTH,
  MAX_REPORT_REASON,
  MAX_THREAD_TITLE,
  EditReplySchema,
  type PostActions,
  type PostStatus,
} from "@bridgeway/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, describeError } from "../api/api-client";
import type { PostRef } from "../api/forums-api";
import { ConfirmDialog } from "../forms/confirm-dialog";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import { problemFromError, problemFromZod, type FormProblem } from "../forms/form-problem";
import { checkedSchema, keepMessage, useZodForm } from "../forms/use-zod-form";
import { useSignedIn } from "../sign-in/auth-context";
import { refreshForums, useForumsApi } from "./use-forums";

/** What to say when a change to a post fails, with what the person can do next. */
function editProblem(error: unknown, t: TFunction<"forums">): FormProblem {
  if (error instanceof ApiError && error.status === 409)
    return { message: t("actions.editConflict", { message: describeError(error) }), fields: {} };
  if (error instanceof ApiError && [403, 404].includes(error.status))
    return { message: t("actions.noLongerChangeable"), fields: {} };
  const problem = problemFromError(error);
  return Object.keys(problem.fields).length > 0
    ? problem
    : { message: t("actions.textKept", { message: problem.message }), fields: {} };
}

/** What the editor holds: a thread's title (unused for a reply) and the post's markdown. */
type EditValues = { title: string; body: string };

/**
 * An edit checked by the server's rules (`EditThreadSchema`, `EditReplySchema`). The values are
 * sent as typed; the problems are worded for the reader.
 */
function checkEdit(
  post: PostRef,
  { title, body }: EditValues,
  t: TFunction<"forums">,
  language: string,
): { ok: true; input: EditValues } | { ok: false; problem: FormProblem } {
  const checked =
    post.kind === "thread"
      ? EditThreadSchema.safeParse({ title, body })
      : EditReplySchema.safeParse({ body });
  if (checked.success) return { ok: true, input: { title, body } };
  const problem = problemFromZod(checked.error);
  // The schema words its messages in English; in another language, say them here.
  if (language === "en") return { ok: false, problem };
  return {
    ok: false,
    problem: {
      message: problem.message,
      fields: {
        ...(problem.fields.title !== undefined && {
          title:
            title.trim() === ""
              ? t("newThread.titleRequired")
              : t("newThread.titleTooLong", { max: MAX_THREAD_TITLE }),
        }),
        ...(problem.fields.body !== undefined && {
          body:
            body.trim() === ""
              ? t("newThread.bodyRequired")
              : t("newThread.bodyTooLong", { max: MAX_POST_LENGTH }),
        }),
      },
    },
  };
}

/**
 * The author's post opened for editing in place: the thread's title and body, or a reply's
 * body, from the markdown they wrote. Escape or Cancel closes it without saving.
 */
export function PostEditor({
  post,
  source,
  title,
  onDone,
}: {
  post: PostRef;
  source: string;
  /** The thread's current title; only for a thread's opening post. */
  title?: string;
  onDone: (saved: boolean) => void;
}) {
  const { t, i18n } = useTranslation("forums");
  const forumsApi = useForumsApi();
  const queryClient = useQueryClient();
  const { user } = useSignedIn();
  const form = useZodForm({
    schema: checkedSchema((values: EditValues) => checkEdit(post, values, t, i18n.language)),
    defaultValues: { title: title ?? "", body: source },
    translate: keepMessage,
    describe: (error) => editProblem(error, t),
  });
  const { setFocus } = form;
  useEffect(() => {
    setFocus("body");
  }, [setFocus]);
  const save = useMutation({
    mutationFn: async ({ title: draftTitle, body }: EditValues) => {
      if (post.kind === "thread") {
        const input = {
          ...(draftTitle !== title ? { title: draftTitle } : {}),
          ...(body !== source || draftTitle === title ? { body } : {}),
        };
        await forumsApi.editThread(post.id, input);
      } else {
        await forumsApi.editReply(post.id, body);
      }
    },
    onSuccess: async () => {
      await refreshForums(queryClient, user.id);
      onDone(true);
    },
    onError: (error) => form.fail(error),
  });
  return (
    <form
      className="form forum-editor"
      noValidate
      aria-label={post.kind === "thread" ? t("actions.editThread") : t("actions.editReply")}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !save.isPending) {
          event.preventDefault();
          onDone(false);
        }
      }}
      onSubmit={form.submitWith((values) => save.mutate(values))}
    >
      <FormAlert problem={form.problem} />
      {post.kind === "thread" && (
        <Field label={t("actions.titleLabel")} error={form.error("title")}>
          {(control) => <input {...control} className="field__input" {...form.register("title")} />}
        </Field>
      )}
      <Field
        label={post.kind === "thread" ? t("actions.message") : t("actions.replyText")}
        hint={t("markdownHint")}
        error={form.error("body")}
      >
        {(control) => <textarea {...control} rows={5} {...form.register("body")} />}
      </Field>
      <div className="actions">
        <SubmitButton pending={save.isPending} pendingLabel={t("actions.saving")}>
          {t("actions.save")}
        </SubmitButton>
        <button
          type="button"
          className="button button--secondary"
          disabled={save.isPending}
          onClick={() => onDone(false)}
        >
          {t("actions.cancel")}
        </button>
      </div>
    </form>
  );
}

type Dialog = "delete" | "report" | null;

/**
 * The buttons under a post: Edit, Delete (the author's own), Report (anyone else's), Hide or
 * Show (moderators). `what` names the post for screen readers ("reply by Sam P.").
 */
export function PostActionBar({
  post,
  actions,
  status,
  what,
  moderates,
  onEdit,
  onNotice,
  onDeleted,
}: {
  post: PostRef;
  actions: PostActions;
  status: PostStatus;
  what: string;
  moderates: boolean;
  onEdit: () => void;
  onNotice: (message: string) => void;
  onDeleted?: () => void;
}) {
  const { t, i18n } = useTranslation("forums");
  const forumsApi = useForumsApi();
  const queryClient = useQueryClient();
  const { user } = useSignedIn();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const reasonId = useId();
  const hintId = useId();
  const thread = post.kind === "thread";
  const close = () => {
    setDialog(null);
    setError(null);
  };

  const remove = useMutation({
    mutationFn: () => forumsApi.deletePost(post),
    onSuccess: async () => {
      close();
      await refreshForums(queryClient, user.id);
      onNotice(thread ? t("actions.threadDeleted") : t("actions.replyDeleted"));
      onDeleted?.();
    },
    onError: (e) => setError(t("actions.tryAgainOrCancel", { message: describeError(e) })),
  });
  const report = useMutation({
    mutationFn: () => forumsApi.report(post, reason),
    onSuccess: async () => {
      close();
      setReason("");
      await refreshForums(queryClient, user.id);
      onNotice(t("actions.reportThanks"));
    },
    onError: async (e) => {
      if (e instanceof ApiError && e.status === 409) {
        close();
        await refreshForums(queryClient, user.id);
        onNotice(describeError(e));
        return;
      }
      setError(
        e instanceof ApiError && e.code === "invalid_input"
          ? // The server names what is wrong with the reason, in English.
            i18n.language === "en"
            ? (Object.values(e.fields)[0] ?? e.message)
            : describeError(e)
          : t("actions.tryAgainOrCancel", { message: describeError(e) }),
      );
    },
  });
  const hide = useMutation({
    mutationFn: (hidden: boolean) => forumsApi.setHidden(post, hidden),
    onSuccess: async (_done, hidden) => {
      setError(null);
      await refreshForums(queryClient, user.id);
      onNotice(
        hidden
          ? t(thread ? "actions.threadHidden" : "actions.replyHidden")
          : t(thread ? "actions.threadShown" : "actions.replyShown"),
      );
    },
    onError: (e) => setError(t("actions.tryAgain", { message: describeError(e) })),
  });

  const canHide = moderates && status !== "deleted";
  if (
    !actions.canEdit &&
    !actions.canDelete &&
    !actions.canReport &&
    !actions.reportedByMe &&
    !canHide
  )
    return null;
  return (
    <div className="forum-post__actions">
      {actions.canEdit && (
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={t("actions.editWhat", { what })}
          data-edit
          onClick={onEdit}
        >
          {t("actions.edit")}
        </button>
      )}
      {actions.canDelete && (
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={t("actions.deleteWhat", { what })}
          onClick={() => setDialog("delete")}
        >
          {t("actions.delete")}
        </button>
      )}
      {actions.canReport && (
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={t("actions.reportWhat", { what })}
          onClick={() => setDialog("report")}
        >
          {t("actions.report")}
        </button>
      )}
      {actions.reportedByMe && (
        <span className="muted forum-post__reported">{t("actions.youReported")}</span>
      )}
      {canHide && (
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={
            status === "hidden" ? t("actions.showWhat", { what }) : t("actions.hideWhat", { what })
          }
          disabled={hide.isPending}
          onClick={() => hide.mutate(status !== "hidden")}
        >
          {status === "hidden" ? t("actions.showAgain") : t("actions.hide")}
        </button>
      )}
      {error && dialog === null && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {dialog === "delete" && (
        <ConfirmDialog
          title={thread ? t("actions.deleteThreadTitle") : t("actions.deleteReplyTitle")}
          confirmLabel={thread ? t("actions.deleteThread") : t("actions.deleteReply")}
          pendingLabel={t("actions.deleting")}
          pending={remove.isPending}
          error={error}
          danger
          onConfirm={() => remove.mutate()}
          onClose={close}
        >
          <p>{thread ? t("actions.deleteThreadText") : t("actions.deleteReplyText")}</p>
        </ConfirmDialog>
      )}
      {dialog === "report" && (
        <ConfirmDialog
          title={thread ? t("actions.reportThreadTitle") : t("actions.reportReplyTitle")}
          confirmLabel={t("actions.sendReport")}
          pendingLabel={t("actions.sending")}
          pending={report.isPending}
          error={error}
          onConfirm={() => report.mutate()}
          onClose={close}
        >
          <p>{t("actions.reportWho")}</p>
          <div className="field">
            <label className="field__label" htmlFor={reasonId}>
              {t("actions.reasonLabel")}
            </label>
            <p id={hintId} className="field__hint">
              {t("actions.reasonHint")}
            </p>
            <textarea
              id={reasonId}
              aria-describedby={hintId}
              rows={3}
              maxLength={MAX_REPORT_REASON}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
        </ConfirmDialog>
      )}
    </div>
  );
}
