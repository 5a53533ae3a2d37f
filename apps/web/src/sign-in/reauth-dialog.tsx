import type { ReauthenticateInput } from "@bridgeway/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { useServices } from "../app/services-context";
import { ConfirmDialog } from "../forms/confirm-dialog";
import { Field } from "../forms/fields";
import { problemFromError } from "../forms/form-problem";

/**
 * "Confirm it is you": shown when a sensitive action (signing a note, changing consent, an
 * export, deactivating an account) needs a password or code confirmed in the last 5 minutes.
 * Once confirmed, the action is sent again by itself.
 */
export function ReauthDialog() {
  const { reauthPrompt } = useServices();
  const open = useSyncExternalStore(reauthPrompt.subscribe, reauthPrompt.isOpen);
  return open ? <ReauthForm /> : null;
}

function ReauthForm() {
  const { t } = useTranslation("shell");
  const { mfaApi, reauthPrompt } = useServices();
  const [mode, setMode] = useState<"password" | "code">("password");
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const state = useQuery({
    queryKey: ["auth", "reauthentication"],
    queryFn: ({ signal }) => mfaApi.reauthenticationState(signal),
    staleTime: 0,
  });
  const confirm = useMutation({
    mutationFn: (input: ReauthenticateInput) => mfaApi.reauthenticate(input),
    onSuccess: () => reauthPrompt.answer(true),
    onError: (failure) => {
      const problem = problemFromError(failure);
      setError(Object.values(problem.fields)[0] ?? problem.message);
    },
  });

  function submit() {
    if (value.trim() === "") {
      setError(mode === "password" ? t("reauth.enterPassword") : t("reauth.enterCode"));
      return;
    }
    setError(null);
    confirm.mutate(mode === "password" ? { password: value } : { code: value });
  }

  const canUseCode = state.data?.canUseCode === true;
  return (
    <ConfirmDialog
      title={t("reauth.title")}
      confirmLabel={t("reauth.confirm")}
      pendingLabel={t("reauth.checking")}
      pending={confirm.isPending}
      error={error}
      onConfirm={submit}
      onClose={() => reauthPrompt.answer(false)}
    >
      <p>{t("reauth.text")}</p>
      {mode === "password" ? (
        <Field label={t("reauth.password")}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              // The dialog opened for this field: take the person straight to it.
              autoFocus
              value={value}
              onChange={(event) => setValue(event.target.value)}
            />
          )}
        </Field>
      ) : (
        <Field label={t("reauth.code")}>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              autoComplete="one-time-code"
              autoFocus
              value={value}
              onChange={(event) => setValue(event.target.value)}
            />
          )}
        </Field>
      )}
      {canUseCode && (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            setMode(mode === "password" ? "code" : "password");
            setValue("");
            setError(null);
          }}
        >
          {mode === "password" ? t("reauth.useCode") : t("reauth.usePassword")}
        </button>
      )}
    </ConfirmDialog>
  );
}
