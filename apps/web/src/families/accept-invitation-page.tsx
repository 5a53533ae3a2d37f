import {
  AcceptInvitationSchema,
  homePathForRole,
  InvitationTokenSchema,
  MIN_PASSWORD_LENGTH,
  type InvitationPreview,
} from "@bridgeway/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useSearchParams } from "react-router";
import { ApiError } from "../api/api-client";
import { useServices } from "../app/services-context";
import { PasswordChoiceForm } from "../account/password-choice-form";
import { schemaMessageInActiveLanguage } from "../forms/form-problem";
import { useZodForm } from "../forms/use-zod-form";
import { activeLocale } from "../i18n/i18n";
import { useFormat } from "../i18n/use-format";
import { useAuthStatus } from "../sign-in/auth-context";
import { PageHeading } from "../shell/page-heading";
import { PublicLayout } from "../shell/public-layout";
import { ErrorState, LoadingState } from "../shell/status-states";
import {
  incompleteInvitationLink,
  invitationLinkProblem,
  relationshipText,
  type LinkProblem,
} from "./family-view";
import { SharingExplained } from "./sharing-explained";
import "./families.css";

/** The browser's own zone: whoever opens the link has no account (and so no zone) yet. */
function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

function ProblemView({ problem }: { problem: LinkProblem }) {
  const { t } = useTranslation("families");
  const status = useAuthStatus();
  const headingId = useId();
  const signedIn = status.status === "signed-in";
  return (
    <section className="card card--warning" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {problem.title}
      </h2>
      <p>{problem.message}</p>
      <p>
        {signedIn ? (
          <Link className="button" to={homePathForRole(status.auth.user.role)}>
            {t("accept.goHome")}
          </Link>
        ) : problem.kind === "used" ? (
          <Link className="button" to="/sign-in">
            {t("accept.signIn")}
          </Link>
        ) : (
          <Link to="/sign-in">{t("accept.haveAccount")}</Link>
        )}
      </p>
    </section>
  );
}

/** Someone else is signed in on this browser: the new account must not mix with theirs. */
function SignedInElsewhere({ name }: { name: string }) {
  const { t } = useTranslation("families");
  const { signIn } = useServices();
  const headingId = useId();
  const signOut = useMutation({ mutationFn: () => signIn.signOut() });
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t("accept.signedInAs", { name })}
      </h2>
      <p>{t("accept.signedInBody")}</p>
      {signOut.isError && (
        <p className="field__error" role="alert">
          {t("accept.signOutFailed")}
        </p>
      )}
      <button
        type="button"
        className="button"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate()}
      >
        {signOut.isPending ? t("accept.signingOut") : t("accept.signOut")}
      </button>
    </section>
  );
}

/** Accepting an invitation: its token and the new password typed twice. */
const AcceptFormSchema = AcceptInvitationSchema.extend({ confirmPassword: z.string() });

function AcceptForm({
  token,
  preview,
  onAccepted,
  onLinkProblem,
}: {
  token: string;
  preview: InvitationPreview;
  onAccepted: () => void;
  onLinkProblem: (problem: LinkProblem) => void;
}) {
  const { t } = useTranslation("families");
  const { familiesApi, signIn } = useServices();
  const form = useZodForm({
    schema: AcceptFormSchema,
    defaultValues: { token, password: "", confirmPassword: "" },
    // The schema words its messages in English; in another language the page says its own.
    translate: (field, english) =>
      field === "password" && activeLocale() !== "en"
        ? t("accept.passwordTooShort", { min: MIN_PASSWORD_LENGTH })
        : schemaMessageInActiveLanguage(english),
    check: ({ password, confirmPassword }) => ({
      confirmPassword:
        confirmPassword === ""
          ? t("accept.typeAgain")
          : confirmPassword !== password
            ? t("accept.notSame")
            : undefined,
    }),
  });
  const accept = useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      familiesApi.accept(input.token, input.password),
    onSuccess: (auth) => {
      onAccepted();
      signIn.signedIn(auth);
    },
    onError: (error) => {
      const linkProblem =
        error instanceof ApiError && error.code !== "invalid_input"
          ? invitationLinkProblem(error, t)
          : null;
      if (linkProblem) onLinkProblem(linkProblem);
      else form.fail(error);
    },
  });

  return (
    <PasswordChoiceForm
      form={form}
      onValid={(values) => accept.mutate({ token: values.token, password: values.password })}
      pending={accept.isPending}
      className="form card"
      title={<h2 className="card__title">{t("accept.choose")}</h2>}
      username={preview.email}
      password={{
        name: "password",
        label: t("accept.password"),
        hint: t("accept.passwordHint", { min: MIN_PASSWORD_LENGTH }),
      }}
      again={{ name: "confirmPassword", label: t("accept.again") }}
      submitLabel={t("accept.submit")}
      pendingLabel={t("accept.pending")}
      showLabel={t("accept.showPasswords")}
    >
      <p>
        {t("accept.willSignInBefore")}
        <strong translate="no">{preview.email}</strong>
        {t("accept.willSignInAfter")}
      </p>
    </PasswordChoiceForm>
  );
}

function Invitation({ token }: { token: string }) {
  const { t } = useTranslation("families");
  const format = useFormat();
  const { familiesApi } = useServices();
  const status = useAuthStatus();
  const [accepted, setAccepted] = useState(false);
  const [lateProblem, setLateProblem] = useState<LinkProblem | null>(null);
  const headingId = useId();
  const preview = useQuery({
    queryKey: ["invitation-preview", token],
    queryFn: ({ signal }) => familiesApi.preview(token, signal),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  if (accepted && status.status === "signed-in") {
    return <Navigate to={homePathForRole(status.auth.user.role)} replace />;
  }
  if (lateProblem) return <ProblemView problem={lateProblem} />;
  if (preview.isPending) return <LoadingState label={t("accept.checking")} />;
  if (preview.isError) {
    const problem = invitationLinkProblem(
      preview.error instanceof ApiError ? preview.error : null,
      t,
    );
    if (problem) return <ProblemView problem={problem} />;
    return (
      <ErrorState
        title={t("accept.checkError")}
        error={preview.error}
        onRetry={() => void preview.refetch()}
        retrying={preview.isFetching}
      />
    );
  }
  const invitation = preview.data;
  const who = invitation.participantFirstName;
  return (
    <div className="accept">
      <section className="card" aria-labelledby={headingId}>
        <h2 id={headingId} className="card__title">
          {t("accept.invitedTitle", { who, clinic: invitation.clinicName })}
        </h2>
        <p className="accept__lead">{t("accept.lead", { name: invitation.firstName, who })}</p>
        <dl className="facts">
          <div className="facts__item">
            <dt>{t("accept.invitedAs")}</dt>
            <dd>{relationshipText(invitation.relationship, t)}</dd>
          </div>
          <div className="facts__item">
            <dt>{t("accept.worksUntil")}</dt>
            <dd>{format.moment(invitation.expiresAt, browserZone())}</dd>
          </div>
        </dl>
        <SharingExplained whose={{ kind: "other", firstName: who }} who="" toReader />
      </section>
      {status.status === "signed-in" && !accepted ? (
        <SignedInElsewhere name={status.auth.user.displayName} />
      ) : (
        <AcceptForm
          token={token}
          preview={invitation}
          onAccepted={() => setAccepted(true)}
          onLinkProblem={setLateProblem}
        />
      )}
    </div>
  );
}

/**
 * `/family/accept?token=…`: the link in an invitation email. No sign-in needed: it shows who
 * invited whom, what the family member will see, and creates their account with a password.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation("families");
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token") ?? "";
  const wellFormed = InvitationTokenSchema.safeParse(token).success;
  return (
    <PublicLayout>
      <PageHeading>{t("accept.pageTitle")}</PageHeading>
      {wellFormed ? (
        <Invitation token={token} />
      ) : (
        <ProblemView problem={incompleteInvitationLink(t)} />
      )}
    </PublicLayout>
  );
}
