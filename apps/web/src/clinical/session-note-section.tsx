import {
  COMMON_INTERVENTIONS,
  type SessionNoteDto,
  type SessionNoteInput,
  type SessionNoteState,
  type SessionSummary,
} from "@bridgeway/domain";
import { z } from "zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type SyntheticEvent } from "react";
import { ApiError, describeError } from "../api/api-client";
import { formatMoment } from "../format/session-time";
import { ConfirmDialog } from "../forms/confirm-dialog";
import { CheckboxGroup, Field, FormAlert, SubmitButton, SubmitOrCancel } from "../forms/fields";
import { problemFromError, type FormProblem } from "../forms/form-problem";
import { checkedSchema, flattenErrors, keepMessage, useZodForm } from "../forms/use-zod-form";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../sign-in/auth-context";
import {
  byPerson,
  checkNote,
  draftFromNote,
  missingParts,
  type DapDraft,
  type NoteDraft,
} from "./session-note-form";
import { clinicalChanged, clinicalKey, useClinicalApi, useSessionNote } from "./use-clinical";
import "./clinical.css";

const DAP_FIELDS = [
  { key: "data", label: "Data", hint: "What was observed and said." },
  { key: "assessment", label: "Assessment", hint: "Your clinical impression." },
  { key: "plan", label: "Plan", hint: "Next steps for this person." },
] as const satisfies readonly { key: keyof DapDraft; label: string; hint: string }[];

const PLACED = /^(topic|interventions(\.\d+)?|summary|parts\.[^.]+\.(data|assessment|plan))$/;

/** A note that did not pass the checks, here or on the server, with its fields by person. */
class NoteProblem extends Error {
  override name = "NoteProblem";
  constructor(readonly problem: FormProblem) {
    super(problem.message);
  }
}

/** A note that passed the checks, and whose part each of its parts is (see `byPerson`). */
type CheckedNote = { input: SessionNoteInput; partIds: string[] };

/** The group note while it is a draft: written, saved, and signed after a confirmation. */
function NoteEditor({
  sessionId,
  state,
  onSigned,
}: {
  sessionId: string;
  state: SessionNoteState;
  onSigned: () => void;
}) {
  const clinicalApi = useClinicalApi();
  const queryClient = useQueryClient();
  const { user } = useSignedIn();
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { attended } = state;
  const form = useZodForm({
    schema: checkedSchema((values: NoteDraft) => {
      const checked = checkNote(values, attended);
      return checked.ok
        ? { ok: true as const, input: { input: checked.input, partIds: checked.partIds } }
        : checked;
    }),
    defaultValues: draftFromNote(state.note, state.attended),
    translate: keepMessage,
    describe: (error) => (error instanceof NoteProblem ? error.problem : problemFromError(error)),
  });
  const { problem } = form;
  // The fields are controlled: the confirmation names who has no part yet.
  const draft = form.watch();
  const formRef = useRef<HTMLFormElement>(null);
  /** Set by the confirmation just before it submits the note's form: save, then sign. */
  const signing = useRef(false);

  /** Saves the checked note; with `sign`, signs it once saved. */
  const save = useMutation({
    mutationFn: async ({ sign, input, partIds }: CheckedNote & { sign: boolean }) => {
      try {
        let note = await clinicalApi.saveNote(sessionId, input);
        if (sign) note = await clinicalApi.signNote(sessionId);
        return note;
      } catch (error) {
        if (error instanceof ApiError && error.code === "invalid_input") {
          const found = problemFromError(error);
          throw new NoteProblem({ ...found, fields: byPerson(found.fields, partIds) });
        }
        throw error;
      }
    },
    onSuccess: (note, { sign }) => {
      queryClient.setQueryData<SessionNoteState>(clinicalKey(user.id, "note", sessionId), {
        note,
        attended,
      });
      void clinicalChanged(queryClient);
      setConfirming(false);
      if (sign) onSigned();
      else setNotice(`Draft saved at ${formatMoment(note.updatedAt, user.timeZone)}.`);
    },
    onError: (error) => {
      setConfirming(false);
      setNotice(null);
      form.fail(error);
    },
  });
  // Every field's message, by name with parts by person (`parts.<participant id>.plan`).
  const fields = flattenErrors(form.formState.errors);
  const missing = missingParts(draft, attended);

  function onSubmit(event: SyntheticEvent) {
    const sign = signing.current;
    signing.current = false;
    if (save.isPending) {
      event.preventDefault();
      return;
    }
    setNotice(null);
    form.submitWith((checked) => save.mutate({ sign, ...checked }))(event);
  }

  /** Signs from the confirmation: the note's form is checked and saved first, as always. */
  function onConfirmSign() {
    // A note that does not pass goes back to the form, where its problems are marked.
    if (!checkNote(form.getValues(), attended).ok) setConfirming(false);
    signing.current = true;
    formRef.current?.requestSubmit();
  }

  const setPart = (id: string, change: Partial<DapDraft>) =>
    form.setValue("parts", {
      ...draft.parts,
      [id]: { ...(draft.parts[id] ?? { data: "", assessment: "", plan: "" }), ...change },
    });

  // The confirmation is a form of its own, so it sits beside the note's form, not inside it:
  // a submit inside a nested form would bubble to the note's onSubmit and save it again.
  return (
    <>
      <form
        ref={formRef}
        className="form note-editor"
        noValidate
        onSubmit={onSubmit}
        aria-busy={save.isPending}
      >
        <FormAlert
          problem={problem}
          extra={Object.entries(fields)
            .filter(([name]) => !PLACED.test(name))
            .map(([, message]) => message)}
        />
        <div className="status-slot" role="status">
          {notice && <p className="notice">{notice}</p>}
        </div>
        <Field label="Topic" error={fields.topic}>
          {(control) => (
            <input
              {...control}
              value={draft.topic}
              maxLength={200}
              onChange={(event) => form.setValue("topic", event.target.value)}
            />
          )}
        </Field>
        <CheckboxGroup
          legend="Interventions"
          hint="Tick what the group practised; add others below."
          error={
            fields.interventions ??
            Object.entries(fields).find(([n]) => /^interventions\.\d+$/.test(n))?.[1]
          }
          choices={COMMON_INTERVENTIONS.map((i) => ({ value: i, label: i }))}
          selected={draft.interventions}
          onChange={(interventions) => form.setValue("interventions", interventions)}
        />
        <Field label="Other interventions (one per line)">
          {(control) => (
            <textarea
              {...control}
              rows={2}
              value={draft.otherInterventions}
              onChange={(event) => form.setValue("otherInterventions", event.target.value)}
            />
          )}
        </Field>
        <Field label="Group summary" error={fields.summary}>
          {(control) => (
            <textarea
              {...control}
              rows={4}
              maxLength={10_000}
              value={draft.summary}
              onChange={(event) => form.setValue("summary", event.target.value)}
            />
          )}
        </Field>
        <h3 className="section-subtitle">Individual notes (DAP)</h3>
        {attended.length === 0 ? (
          <p className="muted">
            Nobody&apos;s attendance was recorded in this session, so there are no individual parts.
          </p>
        ) : (
          <p className="muted">
            One part for each person who attended. A part left empty is not saved.
          </p>
        )}
        {attended.map((person) => {
          const part = draft.parts[person.id] ?? { data: "", assessment: "", plan: "" };
          return (
            <fieldset key={person.id} className="plan-edit note-part">
              <legend className="plan-edit__legend">{person.displayName}</legend>
              {fields[`parts.${person.id}.participantId`] && (
                <p className="field__error">{fields[`parts.${person.id}.participantId`]}</p>
              )}
              {DAP_FIELDS.map((f) => (
                <Field
                  key={f.key}
                  label={`${f.label} for ${person.displayName}`}
                  hint={f.hint}
                  error={fields[`parts.${person.id}.${f.key}`]}
                >
                  {(control) => (
                    <textarea
                      {...control}
                      rows={3}
                      maxLength={10_000}
                      value={part[f.key]}
                      onChange={(event) => setPart(person.id, { [f.key]: event.target.value })}
                    />
                  )}
                </Field>
              ))}
            </fieldset>
          );
        })}
        <div className="actions">
          <SubmitButton pending={save.isPending && !confirming} pendingLabel="Saving…">
            Save draft
          </SubmitButton>
          <button
            type="button"
            className="button button--secondary"
            disabled={save.isPending}
            onClick={() => {
              setNotice(null);
              setConfirming(true);
            }}
          >
            Sign…
          </button>
        </div>
      </form>
      {confirming && (
        <ConfirmDialog
          title="Sign this note?"
          confirmLabel="Sign the note"
          pendingLabel="Signing…"
          pending={save.isPending}
          error={
            save.isError && !(save.error instanceof NoteProblem) ? describeError(save.error) : null
          }
          onConfirm={onConfirmSign}
          onClose={() => setConfirming(false)}
        >
          <p>
            Signed notes are locked. What is on the form now is saved and signed with your name and
            the time; any later change is an addendum.
          </p>
          {missing.length > 0 && (
            <p className="dialog__warning">
              No individual part for: {missing.map((p) => p.displayName).join(", ")}.
            </p>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}

/** An addendum as typed: its text, and whom it is about ("" for the whole note). */
const AddendumValuesSchema = z.object({ text: z.string(), about: z.string() });
type AddendumValues = z.infer<typeof AddendumValuesSchema>;

function AddendumForm({
  sessionId,
  attended,
  onAdded,
  onCancel,
}: {
  sessionId: string;
  attended: SessionNoteState["attended"];
  onAdded: (note: SessionNoteDto) => void;
  onCancel: () => void;
}) {
  const clinicalApi = useClinicalApi();
  const form = useZodForm({
    schema: AddendumValuesSchema,
    defaultValues: { text: "", about: "" },
    translate: keepMessage,
    check: ({ text }) =>
      text.trim() === "" ? { root: "Write the addendum.", text: "Write the addendum." } : {},
  });
  const { problem } = form;
  const ref = useRef<HTMLTextAreaElement | null>(null);
  useEffect(() => ref.current?.focus(), []);
  const add = useMutation({
    mutationFn: ({ text, about }: AddendumValues) =>
      clinicalApi.addAddendum(sessionId, {
        text,
        ...(about === "" ? {} : { participantId: about }),
      }),
    onSuccess: onAdded,
    onError: (error) => form.fail(error),
  });
  const onSubmit = form.submitWith((values) => {
    if (!add.isPending) add.mutate(values);
  });
  const { ref: registerTextRef, ...textField } = form.register("text");
  return (
    <form className="form inline-form" noValidate aria-busy={add.isPending} onSubmit={onSubmit}>
      <FormAlert problem={problem} />
      <Field label="Addendum" error={form.error("text")}>
        {(control) => (
          <textarea
            {...control}
            {...textField}
            ref={(element) => {
              registerTextRef(element);
              ref.current = element;
            }}
            rows={3}
            maxLength={10_000}
          />
        )}
      </Field>
      {attended.length > 0 && (
        <Field label="About" error={form.error("participantId")}>
          {(control) => (
            <select {...control} {...form.register("about")}>
              <option value="">The whole note</option>
              {attended.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <SubmitOrCancel pending={add.isPending} pendingLabel="Adding…" onCancel={onCancel}>
        Add addendum
      </SubmitOrCancel>
    </form>
  );
}

/** A signed note, read-only, with its addenda and a way to add one. */
function SignedNote({
  sessionId,
  state,
  note,
  justSigned,
}: {
  sessionId: string;
  state: SessionNoteState;
  note: SessionNoteDto;
  /** Signed a moment ago on this page: say so, where the keyboard now is. */
  justSigned: boolean;
}) {
  const { user } = useSignedIn();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const addendaRef = useRef<HTMLHeadingElement>(null);
  const signedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (justSigned) signedRef.current?.focus();
  }, [justSigned]);
  const [returned, setReturned] = useState(0);
  useEffect(() => {
    if (returned > 0) addendaRef.current?.focus();
  }, [returned]);
  const nameOf = (id: string | null) =>
    id === null
      ? null
      : (state.attended.find((p) => p.id === id)?.displayName ??
        note.parts.find((p) => p.participantId === id)?.displayName ??
        "someone who attended");
  return (
    <div className="stack stack--tight">
      <p ref={signedRef} tabIndex={-1} className="notice note-signed">
        {justSigned && "Note signed. "}Signed by {note.signed?.by ?? note.author.displayName}
        {note.signed && `, ${formatMoment(note.signed.at, user.timeZone)}`}. Signed notes are
        locked; add an addendum to change anything.
      </p>
      <dl className="facts">
        <div className="facts__item">
          <dt>Topic</dt>
          <dd>{note.topic}</dd>
        </div>
        <div className="facts__item">
          <dt>Interventions</dt>
          <dd>
            <ul className="plain-list">
              {note.interventions.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div className="facts__item">
          <dt>Group summary</dt>
          <dd className="note-text">{note.summary}</dd>
        </div>
        <div className="facts__item">
          <dt>Written by</dt>
          <dd>{note.author.displayName}</dd>
        </div>
      </dl>
      <h3 className="section-subtitle">Individual notes (DAP)</h3>
      {note.parts.length === 0 ? (
        <p className="muted">No individual parts were written.</p>
      ) : (
        note.parts.map((part) => (
          <section key={part.participantId} className="note-part" aria-label={part.displayName}>
            <h4 className="note-part__name">{part.displayName}</h4>
            <dl className="facts">
              {DAP_FIELDS.map((f) => (
                <div key={f.key} className="facts__item">
                  <dt>{f.label}</dt>
                  <dd className="note-text">{part[f.key]}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))
      )}
      <h3 ref={addendaRef} tabIndex={-1} className="section-subtitle">
        Addenda
      </h3>
      <div className="status-slot" role="status">
        {notice && <p className="notice">{notice}</p>}
      </div>
      {note.addenda.length === 0 ? (
        <p className="muted">No addenda.</p>
      ) : (
        <ol className="card-list addenda">
          {note.addenda.map((a) => {
            const about = nameOf(a.participantId);
            return (
              <li key={a.id} className="addendum">
                <p className="addendum__meta">
                  {a.author},{" "}
                  <time dateTime={a.createdAt}>{formatMoment(a.createdAt, user.timeZone)}</time>
                  {about && <span className="badge badge--info">About {about}</span>}
                </p>
                <p className="note-text">{a.text}</p>
              </li>
            );
          })}
        </ol>
      )}
      {adding ? (
        <AddendumForm
          sessionId={sessionId}
          attended={state.attended}
          onAdded={(updated) => {
            queryClient.setQueryData<SessionNoteState>(clinicalKey(user.id, "note", sessionId), {
              note: updated,
              attended: state.attended,
            });
            setAdding(false);
            setNotice("Addendum added.");
            setReturned((n) => n + 1);
          }}
          onCancel={() => {
            setAdding(false);
            setReturned((n) => n + 1);
          }}
        />
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setNotice(null);
              setAdding(true);
            }}
          >
            Add addendum
          </button>
        </div>
      )}
    </div>
  );
}

function NoteBody({ sessionId, state }: { sessionId: string; state: SessionNoteState }) {
  const [signedNow, setSignedNow] = useState(false);
  if (state.note?.status === "signed") {
    return (
      <SignedNote sessionId={sessionId} state={state} note={state.note} justSigned={signedNow} />
    );
  }
  return <NoteEditor sessionId={sessionId} state={state} onSigned={() => setSignedNow(true)} />;
}

/**
 * The session's group note, for its clinicians once the session has started: one note (topic,
 * interventions, summary) with a DAP part for each person who attended; signed, then locked.
 */
export function SessionNoteSection({ session, now }: { session: SessionSummary; now: Date }) {
  const { user } = useSignedIn();
  const started = Date.parse(session.startsAt) <= now.getTime();
  const show = user.role === "FACILITATOR" && started && session.status !== "CANCELLED";
  return show ? <SessionNoteCard sessionId={session.id} /> : null;
}

function SessionNoteCard({ sessionId }: { sessionId: string }) {
  const headingId = useId();
  const query = useSessionNote(sessionId);
  // Not one of this clinician's sessions: the note is not theirs to see.
  if (query.isError && query.error instanceof ApiError && query.error.status === 404) return null;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        Session note
        {query.data?.note?.status === "signed" && <span className="badge badge--ok">Signed</span>}
        {query.data?.note?.status === "draft" && <span className="badge badge--info">Draft</span>}
      </h2>
      <QueryView
        query={query}
        loadingLabel="Loading the session note…"
        errorTitle="We couldn't load the session note"
      >
        {(state) => <NoteBody sessionId={sessionId} state={state} />}
      </QueryView>
    </section>
  );
}
