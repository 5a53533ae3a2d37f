import type { AuthState, MfaConfirmed, MfaEnrolment as Enrolment } from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { useServices } from "../app/services-context";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import { checkFieldsMessage, problemFromError, type FormProblem } from "../forms/form-problem";

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

function ScanAndConfirm({
  enrolment,
  onConfirmed,
}: {
  enrolment: Enrolment;
  onConfirmed: (result: MfaConfirmed) => void;
}) {
  const { t } = useTranslation("account");
  const { mfaApi } = useServices();
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const keyId = useId();
  const confirm = useMutation({
    mutationFn: (value: string) => mfaApi.confirmEnrolment(value),
    onSuccess: onConfirmed,
    onError: (error) => setProblem(problemFromError(error)),
  });

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirm.isPending) return;
    if (!/^\d{6}$/.test(code.replace(/\s+/g, ""))) {
      setProblem({
        message: checkFieldsMessage(),
        fields: { code: t("mfa.codeProblem") },
      });
      return;
    }
    setProblem(null);
    confirm.mutate(code);
  }

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
      <form className="form" noValidate onSubmit={onSubmit} aria-busy={confirm.isPending}>
        <FormAlert problem={problem} />
        <Field label={t("mfa.codeLabel")} error={problem?.fields.code}>
          {(control) => (
            <input
              {...control}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              value={code}
              onChange={(event) => setCode(event.target.value)}
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
