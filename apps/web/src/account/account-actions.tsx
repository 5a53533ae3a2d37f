import type { AccountState, AccountStatus } from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { QUERY_KEYS } from "../api/query-keys";
import { useServices } from "../app/services-context";
import { ConfirmDialog } from "../forms/confirm-dialog";
import { problemFromError } from "../forms/form-problem";
import { HiddenContext } from "../shell/hidden-context";
import { useAccountsApi } from "./use-accounts-api";

const STATUS_LABEL: Record<AccountStatus, { text: string; badge: string }> = {
  invited: { text: "Invitation sent", badge: "badge--warning" },
  active: { text: "Active", badge: "badge--ok" },
  deactivated: { text: "Deactivated", badge: "badge--danger" },
};

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const label = STATUS_LABEL[status];
  return <span className={`badge ${label.badge}`}>{label.text}</span>;
}

type Action = "deactivate" | "reactivate" | "resend" | "end-sessions";

/**
 * An admin's buttons for one person's account: deactivate (after a confirmation: it signs them
 * out everywhere at once), reactivate, or send a new invitation while they have not set a password.
 */
export function AccountActions({
  person,
  onDone,
}: {
  person: { id: string; displayName: string; status: AccountStatus };
  onDone: (message: string) => void;
}) {
  const accounts = useAccountsApi();
  const { queryClient } = useServices();
  const [confirming, setConfirming] = useState(false);
  const run = useMutation({
    mutationFn: async (action: Action): Promise<AccountState | { ended: number }> => {
      switch (action) {
        case "end-sessions":
          return accounts.endAllSignIns(person.id);
        case "deactivate":
          return accounts.deactivate(person.id);
        case "reactivate":
          return accounts.reactivate(person.id);
        case "resend":
          return accounts.resendInvitation(person.id);
      }
    },
    onSuccess: async (_state, action) => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: [QUERY_KEYS.people] });
      onDone(
        action === "deactivate"
          ? `${person.displayName}'s account is deactivated; they were signed out everywhere.`
          : action === "reactivate"
            ? `${person.displayName}'s account is active again.`
            : action === "end-sessions"
              ? `${person.displayName} is signed out everywhere; they can sign in again.`
              : `A new invitation was sent to ${person.displayName}.`,
      );
    },
    onError: (error, action) => {
      if (action !== "deactivate") onDone(problemFromError(error).message);
    },
  });
  const who = <HiddenContext>{`for ${person.displayName}`}</HiddenContext>;
  return (
    <>
      {person.status === "deactivated" ? (
        <button
          type="button"
          className="button button--quiet button--small"
          disabled={run.isPending}
          onClick={() => run.mutate("reactivate")}
        >
          Reactivate{who}
        </button>
      ) : (
        <>
          {person.status === "invited" && (
            <button
              type="button"
              className="button button--quiet button--small"
              disabled={run.isPending}
              onClick={() => run.mutate("resend")}
            >
              Resend invitation{who}
            </button>
          )}
          {person.status === "active" && (
            <button
              type="button"
              className="button button--quiet button--small"
              disabled={run.isPending}
              onClick={() => run.mutate("end-sessions")}
            >
              Sign out everywhere{who}
            </button>
          )}
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => {
              run.reset();
              setConfirming(true);
            }}
          >
            Deactivate{who}
          </button>
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Deactivate ${person.displayName}'s account?`}
          confirmLabel="Deactivate"
          pendingLabel="Deactivating…"
          pending={run.isPending}
          error={run.isError ? problemFromError(run.error).message : null}
          danger
          onConfirm={() => run.mutate("deactivate")}
          onClose={() => setConfirming(false)}
        >
          <p>
            They are signed out everywhere at once and cannot sign in until the account is
            reactivated. Their records, and the notes they signed, stay under their name.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
