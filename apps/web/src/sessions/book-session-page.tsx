import {
  relationshipLabel,
  sessionKindInfo,
  type BookSessionInput,
  type FamilyMemberSummary,
  type SessionSummary,
} from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { describeError } from "../api/api-client";
import { useServices } from "../app/services-context";
import { formatSessionWhen } from "../format/session-time";
import { CHECK_FIELDS_MESSAGE, unplacedFields, type FormProblem } from "../forms/form-problem";
import { CheckboxGroup, Field, FormAlert, SubmitButton } from "../forms/fields";
import { checkedSchema, keepMessage, useZodForm } from "../forms/use-zod-form";
import { fullName } from "../families/family-view";
import { useFamilyMembers } from "../families/use-families";
import { facilitatorOption, leadChoices } from "../people/facilitator-labels";
import { useFacilitators, useParticipants } from "../people/use-people";
import { useSignedIn } from "../sign-in/auth-context";
import { PageHeading } from "../shell/page-heading";
import { LoadingState } from "../shell/status-states";
import { localDateTimeToInstant, todayIn } from "../time/zoned-time";
import {
  DEFAULT_DURATION_MINUTES,
  toBookSessionInput,
  type BookableKind,
  type BookSessionValues,
} from "./book-session-form";
import { LengthField, StartFields } from "./booking-fields";
import { useNow } from "./use-now";
import { scheduleChanged } from "./use-sessions";

/** Family members who may be invited to family therapy: accepted, with consent covering it. */
function consentingFamily(
  members: readonly FamilyMemberSummary[],
): (FamilyMemberSummary & { userId: string })[] {
  return members.filter(
    (m): m is FamilyMemberSummary & { userId: string } =>
      m.userId !== null && m.status === "active" && m.sessionKinds.includes("FAMILY"),
  );
}

const KINDS: BookableKind[] = ["INDIVIDUAL", "FAMILY", "MEDICATION_MANAGEMENT"];
const KNOWN_FIELDS = [
  "kind",
  "participantUserId",
  "facilitatorUserId",
  "date",
  "time",
  "startsAt",
  "durationMinutes",
  "familyUserIds",
];

function Booked({
  session,
  viewerZone,
  onAnother,
}: {
  session: SessionSummary;
  viewerZone: string;
  onAnother: () => void;
}) {
  return (
    <div className="card card--success" role="status">
      <h2 className="card__title">Session booked</h2>
      <p>
        {sessionKindInfo(session.kind).label}
        {session.participant ? ` with ${session.participant.displayName}` : ""},{" "}
        {formatSessionWhen(session.startsAt, session.endsAt, viewerZone)}.
      </p>
      <div className="actions">
        <Link className="button" to={`/sessions/${session.id}`}>
          Open session
        </Link>
        <button type="button" className="button button--secondary" onClick={onAnother}>
          Book another session
        </button>
      </div>
    </div>
  );
}

/** Booking an individual, family or medication-management session with one participant. */
export function BookSessionPage() {
  const { user } = useSignedIn();
  const [searchParams] = useSearchParams();
  const [booked, setBooked] = useState<SessionSummary | null>(null);
  const [formKey, setFormKey] = useState(0);
  const cohortId = searchParams.get("cohortId");
  return (
    <>
      <PageHeading>Book a session</PageHeading>
      <p className="page-back">
        {cohortId ? (
          <Link to={`/cohorts/${cohortId}`}>Back to the cohort</Link>
        ) : (
          <Link to={user.role === "ADMIN" ? "/cohorts" : "/facilitator"}>
            {user.role === "ADMIN" ? "Back to cohorts" : "Back to Today"}
          </Link>
        )}
      </p>
      {booked ? (
        <Booked
          session={booked}
          viewerZone={user.timeZone}
          onAnother={() => {
            setBooked(null);
            setFormKey(formKey + 1);
          }}
        />
      ) : (
        <BookSessionForm
          key={formKey}
          initialParticipantId={searchParams.get("participantId") ?? ""}
          onBooked={setBooked}
        />
      )}
    </>
  );
}

/**
 * Family therapy: which of the participant's family to invite. Only those whose consent covers
 * family therapy are listed; all of them are chosen until the booker says otherwise.
 */
function FamilyInvitees({
  participantId,
  participantName,
  chosen,
  onChange,
  error,
}: {
  participantId: string;
  participantName: string;
  chosen: readonly string[] | null;
  onChange: (next: string[]) => void;
  error: string | undefined;
}) {
  const members = useFamilyMembers(participantId);
  if (members.isPending) return <LoadingState label="Loading the participant's family…" />;
  if (members.isError) {
    return (
      <p className="form__error" role="alert">
        We couldn&apos;t load {participantName}&apos;s family. {describeError(members.error)}
      </p>
    );
  }
  const consenting = consentingFamily(members.data);
  const familyPage = `/participants/${encodeURIComponent(participantId)}/family`;
  if (consenting.length === 0) {
    return (
      <div className="field">
        <p className="field__label">Family members to invite</p>
        <p className="field__hint">
          No one in {participantName}&apos;s family has consent to join family therapy yet.{" "}
          <Link to={familyPage}>Invite a family member</Link> first, with {participantName}&apos;s
          agreement.
        </p>
        {error !== undefined && <p className="field__error">{error}</p>}
      </div>
    );
  }
  return (
    <CheckboxGroup
      legend="Family members to invite"
      hint={`Only family members with ${participantName}'s consent for family therapy are listed.`}
      choices={consenting.map((m) => ({
        value: m.userId,
        label: `${fullName(m)} (${relationshipLabel(m.relationship)})`,
      }))}
      selected={chosen ?? consenting.map((m) => m.userId)}
      onChange={onChange}
      error={error}
    />
  );
}

/** What the booking form holds: the family invited is null until the booker changes it. */
type BookingFormValues = Omit<BookSessionValues, "familyUserIds"> & {
  familyUserIds: string[] | null;
};

/**
 * The booking request, or the problems to show: those of `toBookSessionInput`, with everyone
 * who has consent invited unless the booker chose, and a clinician that an admin must choose.
 */
function toBookingInput(
  values: BookingFormValues,
  family: readonly FamilyMemberSummary[],
  timeZone: string,
  booker: { id: string; isAdmin: boolean },
): { ok: true; input: BookSessionInput } | { ok: false; problem: FormProblem } {
  const familyUserIds = values.familyUserIds ?? consentingFamily(family).map((m) => m.userId);
  const result = toBookSessionInput({ ...values, familyUserIds }, timeZone, booker.id);
  // Admins book for a clinician; facilitators are the clinician unless they choose another.
  const noClinician = booker.isAdmin && values.facilitatorUserId === "";
  if (result.ok && !noClinician) return result;
  const fields = result.ok ? {} : result.problem.fields;
  return {
    ok: false,
    problem: {
      message: CHECK_FIELDS_MESSAGE,
      fields: noClinician ? { ...fields, facilitatorUserId: "Choose the clinician." } : fields,
    },
  };
}

function BookSessionForm({
  initialParticipantId,
  onBooked,
}: {
  initialParticipantId: string;
  onBooked: (session: SessionSummary) => void;
}) {
  const { sessionsApi, queryClient } = useServices();
  const { user } = useSignedIn();
  const now = useNow();
  const zone = user.timeZone;
  const isAdmin = user.role === "ADMIN";
  const participants = useParticipants();
  const facilitators = useFacilitators();
  const form = useZodForm({
    // Checked on submit, when the family (loaded for the chosen participant) is known.
    schema: checkedSchema((values: BookingFormValues) =>
      toBookingInput(values, familyQuery.data ?? [], zone, { id: user.id, isAdmin }),
    ),
    defaultValues: {
      kind: "INDIVIDUAL",
      participantUserId: initialParticipantId,
      date: todayIn(zone, new Date()),
      time: "",
      durationMinutes: String(DEFAULT_DURATION_MINUTES.INDIVIDUAL),
      facilitatorUserId: isAdmin ? "" : user.id,
      familyUserIds: null,
    },
    translate: keepMessage,
  });
  const { problem } = form;
  // Changing the kind or the participant changes other fields, so they are all controlled.
  const values = form.watch();
  const [durationTouched, setDurationTouched] = useState(false);
  const familyQuery = useFamilyMembers(
    values.participantUserId === "" ? undefined : values.participantUserId,
    values.kind === "FAMILY" && values.participantUserId !== "",
  );
  const today = todayIn(zone, now);

  const book = useMutation({
    mutationFn: (input: Parameters<typeof sessionsApi.book>[0]) => sessionsApi.book(input),
    onSuccess: async (session) => {
      await scheduleChanged(queryClient);
      onBooked(session);
    },
    onError: (error) => form.fail(error),
  });

  const onSubmit = form.submitWith((input) => {
    if (!book.isPending) book.mutate(input);
  });

  if (participants.isPending) return <LoadingState label="Loading participants…" />;

  const error = form.error;
  const startsAt =
    values.date !== "" && values.time !== ""
      ? localDateTimeToInstant(values.date, values.time, zone)
      : null;
  const minutes = Number(values.durationMinutes);
  const preview =
    startsAt !== null && Number.isInteger(minutes) && minutes > 0
      ? formatSessionWhen(
          startsAt,
          new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(),
          zone,
        )
      : null;

  return (
    <form className="form card" noValidate onSubmit={onSubmit} aria-busy={book.isPending}>
      <FormAlert problem={problem} extra={unplacedFields(problem, KNOWN_FIELDS)} />
      {participants.isError && (
        <p className="form__error" role="alert">
          We couldn&apos;t load the participants you can book with.{" "}
          {describeError(participants.error)}
        </p>
      )}
      <Field label="Kind of session" error={error("kind")}>
        {(control) => (
          <select
            {...control}
            value={values.kind}
            onChange={(event) => {
              const kind = event.target.value as BookableKind;
              form.setValue("kind", kind);
              if (!durationTouched) {
                form.setValue("durationMinutes", String(DEFAULT_DURATION_MINUTES[kind]));
              }
            }}
          >
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {sessionKindInfo(kind).label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Participant" error={error("participantUserId")}>
        {(control) => (
          <select
            {...control}
            value={values.participantUserId}
            onChange={(event) => {
              form.setValue("participantUserId", event.target.value);
              form.setValue("familyUserIds", null);
            }}
          >
            <option value="">Choose a participant</option>
            {(participants.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
                {p.activeCohort ? ` (${p.activeCohort.name})` : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
      {values.kind === "FAMILY" && values.participantUserId !== "" && (
        <FamilyInvitees
          participantId={values.participantUserId}
          participantName={
            participants.data
              ?.find((p) => p.id === values.participantUserId)
              ?.displayName.split(" ")[0] ?? "the participant"
          }
          chosen={values.familyUserIds}
          onChange={(ids) => form.setValue("familyUserIds", ids)}
          error={error("familyUserIds")}
        />
      )}
      <StartFields
        values={values}
        onChange={(name, value) => form.setValue(name, value)}
        error={error}
        today={today}
        timeZone={zone}
        whoseZone="your"
      />
      <LengthField
        value={values.durationMinutes}
        onChange={(minutes) => {
          setDurationTouched(true);
          form.setValue("durationMinutes", minutes);
        }}
        error={error("durationMinutes")}
      />
      <Field
        label="Clinician"
        hint={isAdmin ? undefined : "You, unless you book for a colleague."}
        error={error("facilitatorUserId")}
      >
        {(control) => (
          <select
            {...control}
            value={values.facilitatorUserId}
            onChange={(event) => form.setValue("facilitatorUserId", event.target.value)}
          >
            {isAdmin ? (
              <option value="">Choose a clinician</option>
            ) : (
              <option value={user.id}>Me ({user.displayName})</option>
            )}
            {leadChoices(facilitators.data ?? [], today, values.facilitatorUserId)
              .filter(({ facilitator: f }) => f.id !== user.id)
              .map(({ facilitator: f, expired }) => (
                <option key={f.id} value={f.id} disabled={expired}>
                  {facilitatorOption(f, today)}
                </option>
              ))}
          </select>
        )}
      </Field>
      {preview !== null && (
        <p className="notice" aria-live="polite">
          {sessionKindInfo(values.kind).label}: {preview}
        </p>
      )}
      <div className="actions">
        <SubmitButton pending={book.isPending} pendingLabel="Booking…">
          Book session
        </SubmitButton>
      </div>
    </form>
  );
}
