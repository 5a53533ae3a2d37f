import { sessionKindInfo, type SessionSummary } from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type SubmitEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { describeError } from "../api/api-client";
import { useServices } from "../app/services-context";
import { formatTimeZone } from "../format/format";
import { formatSessionWhen } from "../format/session-time";
import { CHECK_FIELDS_MESSAGE, problemFromError, type FormProblem } from "../forms/form-problem";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import { facilitatorOption } from "../people/facilitator-labels";
import { useFacilitators, useParticipants } from "../people/use-people";
import { useSignedIn } from "../session/auth-context";
import { PageHeading } from "../shell/page-heading";
import { LoadingState } from "../shell/status-states";
import { localDateTimeToInstant, todayIn } from "../time/zoned-time";
import {
  DEFAULT_DURATION_MINUTES,
  toBookSessionInput,
  type BookableKind,
  type BookSessionValues,
} from "./book-session-form";
import { useNow } from "./use-now";
import { scheduleChanged } from "./use-sessions";

const KINDS: BookableKind[] = ["INDIVIDUAL", "FAMILY", "MEDICATION_MANAGEMENT"];
const KNOWN_FIELDS = [
  "kind",
  "participantUserId",
  "facilitatorUserId",
  "date",
  "time",
  "startsAt",
  "durationMinutes",
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
  const [values, setValues] = useState<BookSessionValues>(() => ({
    kind: "INDIVIDUAL",
    participantUserId: initialParticipantId,
    date: todayIn(zone, new Date()),
    time: "",
    durationMinutes: String(DEFAULT_DURATION_MINUTES.INDIVIDUAL),
    facilitatorUserId: isAdmin ? "" : user.id,
  }));
  const [durationTouched, setDurationTouched] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const today = todayIn(zone, now);

  const book = useMutation({
    mutationFn: (input: Parameters<typeof sessionsApi.book>[0]) => sessionsApi.book(input),
    onSuccess: async (session) => {
      await scheduleChanged(queryClient);
      onBooked(session);
    },
    onError: (error) => setProblem(problemFromError(error)),
  });

  function set<K extends keyof BookSessionValues>(name: K, value: BookSessionValues[K]) {
    setValues((current) => ({ ...current, [name]: value }));
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (book.isPending) return;
    const result = toBookSessionInput(values, zone, user.id);
    // Admins book for a clinician; facilitators are the clinician unless they choose another.
    const noClinician = isAdmin && values.facilitatorUserId === "";
    if (!result.ok || noClinician) {
      const fields = result.ok ? {} : result.problem.fields;
      setProblem({
        message: CHECK_FIELDS_MESSAGE,
        fields: noClinician ? { ...fields, facilitatorUserId: "Choose the clinician." } : fields,
      });
      return;
    }
    setProblem(null);
    book.mutate(result.input);
  }

  if (participants.isPending) return <LoadingState label="Loading participants…" />;

  const error = (name: string) => problem?.fields[name];
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
  const unplaced = problem
    ? Object.entries(problem.fields)
        .filter(([name]) => !KNOWN_FIELDS.includes(name))
        .map(([, message]) => message)
    : [];

  return (
    <form className="form card" noValidate onSubmit={onSubmit} aria-busy={book.isPending}>
      <FormAlert problem={problem} extra={unplaced} />
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
              set("kind", kind);
              if (!durationTouched) set("durationMinutes", String(DEFAULT_DURATION_MINUTES[kind]));
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
            onChange={(event) => set("participantUserId", event.target.value)}
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
      <div className="field-pair">
        <Field label="Date" error={error("date")}>
          {(control) => (
            <input
              {...control}
              type="date"
              min={today}
              value={values.date}
              onChange={(event) => set("date", event.target.value)}
            />
          )}
        </Field>
        <Field
          label="Start time"
          hint={`${formatTimeZone(zone)}, your time zone.`}
          error={error("time") ?? error("startsAt")}
        >
          {(control) => (
            <input
              {...control}
              type="time"
              value={values.time}
              onChange={(event) => set("time", event.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label="Length in minutes" hint="Between 15 and 240." error={error("durationMinutes")}>
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            min={15}
            max={240}
            step={5}
            value={values.durationMinutes}
            onChange={(event) => {
              setDurationTouched(true);
              set("durationMinutes", event.target.value);
            }}
          />
        )}
      </Field>
      <Field
        label="Clinician"
        hint={isAdmin ? undefined : "You, unless you book for a colleague."}
        error={error("facilitatorUserId")}
      >
        {(control) => (
          <select
            {...control}
            value={values.facilitatorUserId}
            onChange={(event) => set("facilitatorUserId", event.target.value)}
          >
            {isAdmin ? (
              <option value="">Choose a clinician</option>
            ) : (
              <option value={user.id}>Me ({user.displayName})</option>
            )}
            {(facilitators.data ?? [])
              .filter((f) => f.id !== user.id)
              .map((f) => (
                <option key={f.id} value={f.id}>
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
