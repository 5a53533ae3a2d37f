import {
  CreateProgramInputSchema,
  GROUP_SESSION_KINDS,
  MAX_COHORT_CAPACITY,
  sessionKindInfo,
  type FacilitatorListItem,
} from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type KeyboardEvent, type SubmitEvent } from "react";
import { Link, useNavigate } from "react-router";
import type { Program } from "../api/cohorts-api";
import { QUERY_KEYS } from "../api/query-keys";
import { useServices } from "../app/services-context";
import { formatTimeZone } from "../format/format";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import {
  problemFromError,
  problemFromZod,
  unplacedFields,
  type FormProblem,
} from "../forms/form-problem";
import { TimeZoneField } from "../forms/time-zone-field";
import { useFacilitators } from "../people/use-people";
import { useSignedIn } from "../sign-in/auth-context";
import { PageHeading } from "../shell/page-heading";
import { ErrorState, LoadingState } from "../shell/status-states";
import { scheduleChanged } from "../sessions/use-sessions";
import { todayIn } from "../time/zoned-time";
import { FacilitatorFields, PatternFields } from "./cohort-fields";
import {
  emptyCohortForm,
  toCreateCohortInput,
  type CohortFormValues,
  type GroupKind,
} from "./cohort-form";
import { usePrograms } from "./use-cohorts";

const FORM_FIELDS = [
  "programId",
  "name",
  "timeZone",
  "capacity",
  "startsOn",
  "endsOn",
  "weeklyPattern",
  "weeklyPattern.days",
  "weeklyPattern.startTime",
  "weeklyPattern.endTime",
  "groupSessionKind",
  "leadFacilitatorId",
  "coFacilitatorIds",
];

/** Adding a program from inside the cohort form: its own small set of fields, not a form. */
function AddProgram({ onAdded }: { onAdded: (program: Program) => void }) {
  const { cohortsApi } = useServices();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const panelId = useId();
  const groupLabelId = useId();
  const save = useMutation({
    mutationFn: (input: { name: string; description: string }) => cohortsApi.createProgram(input),
    onSuccess: (program) => {
      setOpen(false);
      setName("");
      setDescription("");
      setProblem(null);
      onAdded(program);
    },
    onError: (error) => setProblem(problemFromError(error)),
  });

  function submit() {
    const parsed = CreateProgramInputSchema.safeParse({ name, description });
    if (!parsed.success) {
      setProblem(problemFromZod(parsed.error));
      return;
    }
    save.mutate(parsed.data);
  }

  // Enter in these fields saves the program, not the whole cohort form around them.
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      submit();
    }
  }

  return (
    <div className="inline-add">
      <button
        type="button"
        className="button button--quiet"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        Add a program
      </button>
      <div
        id={panelId}
        className="inline-add__panel"
        role="group"
        aria-labelledby={groupLabelId}
        hidden={!open}
      >
        <p id={groupLabelId} className="inline-add__title">
          New program
        </p>
        {problem && problem.fields.name === undefined && (
          <p className="field__error" role="alert">
            {problem.message}
          </p>
        )}
        <Field label="Program name" error={problem?.fields.name}>
          {(control) => (
            <input
              {...control}
              type="text"
              value={name}
              onKeyDown={onKeyDown}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field label="Program description (optional)" error={problem?.fields.description}>
          {(control) => (
            <input
              {...control}
              type="text"
              value={description}
              onKeyDown={onKeyDown}
              onChange={(event) => setDescription(event.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={submit}
            disabled={save.isPending}
          >
            {save.isPending ? "Saving program…" : "Save program"}
          </button>
        </div>
      </div>
    </div>
  );
}

function NewCohortForm({
  programs,
  facilitators,
}: {
  programs: readonly Program[];
  facilitators: readonly FacilitatorListItem[];
}) {
  const { user } = useSignedIn();
  const { cohortsApi, queryClient } = useServices();
  const navigate = useNavigate();
  const [values, setValues] = useState<CohortFormValues>(() => ({
    ...emptyCohortForm(user.timeZone),
    programId: programs.length === 1 ? (programs[0]?.id ?? "") : "",
  }));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const today = todayIn(user.timeZone, new Date());

  const create = useMutation({
    mutationFn: (input: Parameters<typeof cohortsApi.createCohort>[0]) =>
      cohortsApi.createCohort(input),
    onSuccess: async (cohort) => {
      await scheduleChanged(queryClient);
      await navigate(`/cohorts/${cohort.id}`);
    },
    onError: (error) => setProblem(problemFromError(error)),
  });

  function set<K extends keyof CohortFormValues>(name: K, value: CohortFormValues[K]) {
    setValues((current) => ({ ...current, [name]: value }));
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const result = toCreateCohortInput(values);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    create.mutate(result.input);
  }

  const error = (name: string) => problem?.fields[name];
  const zoneName = formatTimeZone(values.timeZone);

  return (
    <form className="form card" noValidate onSubmit={onSubmit} aria-busy={create.isPending}>
      <FormAlert problem={problem} extra={unplacedFields(problem, FORM_FIELDS)} />
      <div className="field-with-action">
        <Field label="Program" error={error("programId")}>
          {(control) => (
            <select
              {...control}
              value={values.programId}
              onChange={(event) => set("programId", event.target.value)}
            >
              <option value="">Choose a program</option>
              {programs.map((program) => (
                <option key={program.id} value={program.id}>
                  {program.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <AddProgram
          onAdded={(program) => {
            // Shown at once, so the select can hold the new program before any refetch.
            queryClient.setQueryData<Program[]>(
              [QUERY_KEYS.cohorts, user.id, "programs"],
              (old) => [...(old ?? []), program],
            );
            set("programId", program.id);
            setAdded(program.name);
          }}
        />
        {added !== null && (
          <p className="field__hint" role="status">
            Program &ldquo;{added}&rdquo; added and chosen.
          </p>
        )}
      </div>
      <Field label="Cohort name" hint="For example: Adults, evening track." error={error("name")}>
        {(control) => (
          <input
            {...control}
            type="text"
            value={values.name}
            onChange={(event) => set("name", event.target.value)}
          />
        )}
      </Field>
      <TimeZoneField
        value={values.timeZone}
        onChange={(zone) => set("timeZone", zone)}
        error={error("timeZone")}
      />
      <Field
        label="Capacity"
        hint={`Participants at most; usually 8 to 12, up to ${MAX_COHORT_CAPACITY}.`}
        error={error("capacity")}
      >
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_COHORT_CAPACITY}
            value={values.capacity}
            onChange={(event) => set("capacity", event.target.value)}
          />
        )}
      </Field>
      <div className="field-pair">
        <Field label="Start date" error={error("startsOn")}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.startsOn}
              onChange={(event) => set("startsOn", event.target.value)}
            />
          )}
        </Field>
        <Field label="End date" error={error("endsOn")}>
          {(control) => (
            <input
              {...control}
              type="date"
              min={values.startsOn || undefined}
              value={values.endsOn}
              onChange={(event) => set("endsOn", event.target.value)}
            />
          )}
        </Field>
      </div>
      <PatternFields
        days={values.days}
        startTime={values.startTime}
        endTime={values.endTime}
        onDays={(days) => set("days", days)}
        onStartTime={(time) => set("startTime", time)}
        onEndTime={(time) => set("endTime", time)}
        error={error}
        zoneName={`In ${zoneName}, the cohort's time zone`}
      />
      <Field label="Kind of group" error={error("groupSessionKind")}>
        {(control) => (
          <select
            {...control}
            value={values.groupSessionKind}
            onChange={(event) => set("groupSessionKind", event.target.value as GroupKind)}
          >
            {GROUP_SESSION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {sessionKindInfo(kind).label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {facilitators.length === 0 ? (
        <p className="field__error">
          No facilitators yet. <Link to="/facilitators">Add a facilitator</Link> first: every cohort
          needs a lead.
        </p>
      ) : (
        <FacilitatorFields
          facilitators={facilitators}
          leadId={values.leadFacilitatorId}
          coIds={values.coFacilitatorIds}
          onLead={(id) => {
            set("leadFacilitatorId", id);
            set(
              "coFacilitatorIds",
              values.coFacilitatorIds.filter((co) => co !== id),
            );
          }}
          onCo={(ids) => set("coFacilitatorIds", ids)}
          endsOn={values.endsOn}
          today={today}
          error={error}
        />
      )}
      <div className="actions">
        <SubmitButton pending={create.isPending} pendingLabel="Creating cohort…">
          Create cohort
        </SubmitButton>
        <Link className="button button--secondary" to="/cohorts">
          Cancel
        </Link>
      </div>
    </form>
  );
}

/** An admin sets up a cohort: program, zone, capacity, dates, weekly pattern, facilitators. */
export function NewCohortPage() {
  const programs = usePrograms();
  const facilitators = useFacilitators();
  return (
    <>
      <PageHeading>New cohort</PageHeading>
      <p className="page-back">
        <Link to="/cohorts">Back to cohorts</Link>
      </p>
      {programs.isPending || facilitators.isPending ? (
        <LoadingState label="Loading programs and facilitators…" />
      ) : programs.isError || facilitators.isError ? (
        <ErrorState
          title="We couldn't load programs and facilitators"
          error={programs.error ?? facilitators.error}
          onRetry={() => {
            void programs.refetch();
            void facilitators.refetch();
          }}
          retrying={programs.isFetching || facilitators.isFetching}
        />
      ) : (
        <NewCohortForm programs={programs.data} facilitators={facilitators.data} />
      )}
    </>
  );
}
