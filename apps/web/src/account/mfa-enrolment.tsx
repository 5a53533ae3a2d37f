import {
  parseMfaCode,
  type AuthState,
  type MfaCodeInput,
  type MfaConfirmed,
  type MfaEnrolment as Enrolment,
} from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useServices } from "../app/services-context";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import { checkFieldsMessage, problemFromError } from "../forms/form-problem";
import { checkedSchema, keepMessage, useZodForm } from "../forms/use-zod-form";

/**
 * Setting up an authenticator app: a QR code (or a key to type), a first code to prove it
 * works, then the recovery codes, shown this once. Until the code is confirmed nothing changes.
 */
export function MfaEnrolment({
  onStarted,
  onDone,
  doneLabel,
}: {
  onStarted?: () => void;
  /** After the recovery codes were shown; `auth` is the (possibly new) session. */
  onDone: (auth: AuthState) => void;
  doneLabel: string;
}) {
  const { t } = useTranslation("account");
  const { mfaApi } = useServices();
  const [confirmed, setConfirmed] = useState<MfaConfirmed | null>(null);
  const start = useMutation({ mutationFn: () => mfaApi.startEnrolment(), onSuccess: onStarted });

  if (confirmed) {
    return (
      <RecoveryCodes
        codes={confirmed.recoveryCodes}
        doneLabel={doneLabel}
        onDone={() => onDone(confirmed.auth)}
      />
    );
  }
  if (!start.data) {
    return (
      <div className="stack">
        <p>{t("mfa.intro")}</p>
        {start.isError && (
          <p className="form__error" role="alert">
            {problemFromError(start.error).message}
          </p>
        )}
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={start.isPending}
            onClick={() => start.mutate()}
          >
            {start.isPending ? t("mfa.starting") : t("mfa.start")}
          </button>
        </div>
      </div>
    );
  }
  return <ScanAndConfirm enrolment={start.data} onConfirmed={setConfirmed} />;
}

/**
 * The first code from the app: six digits (a recovery code does not exist yet). It is sent as
 * typed; the server reads it with the same `parseMfaCode`.
 */
function firstCodeSchema(t: TFunction<"account">) {
  return checkedSchema((values: MfaCodeInput) =>
    parseMfaCode(values.code)?.kind === "totp"
      ? { ok: true as const, input: values }
      : {
          ok: false as const,
          problem: { message: checkFieldsMessage(), fields: { code: t("mfa.codeProblem") } },
        },
  );
}

function ScanAndConfirm({
  enrolment,
  onConfirmed,
}: {
  enrolment: Enrolment;
  onConfirmed: (result: MfaConfirmed) => void;
}) {
  const { t } = useTranslation("account");
  const { mfaApi } = useServices();
  const keyId = useId();
  const form = useZodForm({
    schema: firstCodeSchema(t),
    defaultValues: { code: "" },
    translate: keepMessage,
  });
  const confirm = useMutation({
    mutationFn: (value: string) => mfaApi.confirmEnrolment(value),
    onSuccess: onConfirmed,
    onError: (error) => form.fail(error),
  });

  return (
    <div className="stack">
      <ol className="steps">
        <li>{t("mfa.stepScan")}</li>
        <li>{t("mfa.stepType")}</li>
      </ol>
      <img
        className="mfa-qr"
        src={enrolment.qrCodeDataUrl}
        width={200}
        height={200}
        alt={t("mfa.qrAlt")}
      />
      <p id={keyId}>
        {t("mfa.cannotScan")}{" "}
        <code className="mfa-secret" data-testid="mfa-secret" translate="no">
          {enrolment.secret}
        </code>
      </p>
      <form
        className="form"
        noValidate
        onSubmit={form.submitWith(({ code }) => {
          if (!confirm.isPending) confirm.mutate(code);
        })}
        aria-busy={confirm.isPending}
      >
        <FormAlert problem={form.problem} />
        <Field label={t("mfa.codeLabel")} error={form.error("code")}>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              {...form.register("code")}
            />
          )}
        </Field>
        <div className="actions">
          <SubmitButton pending={confirm.isPending} pendingLabel={t("mfa.confirming")}>
            {t("mfa.confirm")}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}

function RecoveryCodes({
  codes,
  doneLabel,
  onDone,
}: {
  codes: readonly string[];
  doneLabel: string;
  onDone: () => void;
}) {
  const { t } = useTranslation("account");
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2
        id={headingId}
        ref={(node) => {
          // Announce the new step by taking the person to its heading, once.
          if (node && heading.current !== node) {
            heading.current = node;
            node.focus();
          }
        }}
        tabIndex={-1}
        className="card__title"
      >
        {t("mfa.codesTitle")}
      </h2>
      <p role="status">{t("mfa.codesIntro")}</p>
      <ul className="recovery-codes" aria-label={t("mfa.codesLabel")}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="button" onClick={onDone}>
          {doneLabel}
        </button>
      </div>
    </section>
  );
}
