import {
  CreateProgramInputSchema,
  GROUP_SESSION_KINDS,
  MAX_COHORT_CAPACITY,
  sessionKindInfo,
  type FacilitatorListItem,
} from "@bridgeway/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type KeyboardEvent, type SyntheticEvent } from "react";
import { Link, useNavigate } from "react-router";
import type { Program } from "../api/cohorts-api";
import { QUERY_KEYS } from "../api/query-keys";
import { useServices } from "../app/services-context";
import { formatTimeZone } from "../format/format";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import { unplacedFields } from "../forms/form-problem";
import { TimeZoneField } from "../forms/time-zone-field";
import { checkedSchema, keepMessage, useZodForm } from "../forms/use-zod-form";
import { useFacilitators } from "../people/use-people";
import { useSignedIn } from "../sign-in/auth-context";
import { PageHeading } from "../shell/page-heading";
import { ErrorState, LoadingState } from "../shell/status-states";
import { scheduleChanged } from "../sessions/use-sessions";
import { todayIn } from "../time/zoned-time";
import { FacilitatorFields, PatternFields } from "./cohort-fields";
import { emptyCohortForm, toCreateCohortInput } from "./cohort-form";
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
  const form = useZodForm({
    schema: CreateProgramInputSchema,
    defaultValues: { name: "", description: "" },
  });
  const { problem } = form;
  // Controlled, not registered: these inputs sit inside the cohort form, whose fields have names.
  const values = form.watch();
  const panelId = useId();
  const groupLabelId = useId();
  const save = useMutation({
    mutationFn: (input: { name: string; description: string }) => cohortsApi.createProgram(input),
    onSuccess: (program) => {
      setOpen(false);
      form.reset();
      onAdded(program);
    },
    onError: (error) => form.fail(error),
  });

  // Not a <form>: a button or Enter saves the program, not the whole cohort form around it.
  function submit(event: SyntheticEvent) {
    form.submitWith((input) => save.mutate(input))(event);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      submit(event);
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
        <Field label="Program name" error={form.error("name")}>
          {(control) => (
            <input
              {...control}
              type="text"
              value={values.name}
              onKeyDown={onKeyDown}
              onChange={(event) => form.setValue("name", event.target.value)}
            />
          )}
        </Field>
        <Field label="Program description (optional)" error={form.error("description")}>
          {(control) => (
            <input
              {...control}
              type="text"
              value={values.description}
              onKeyDown={onKeyDown}
              onChange={(event) => form.setValue("description", event.target.value)}
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
  const form = useZodForm({
    schema: checkedSchema(toCreateCohortInput),
    defaultValues: {
      ...emptyCohortForm(user.timeZone),
      programId: programs.length === 1 ? (programs[0]?.id ?? "") : "",
    },
    translate: keepMessage,
  });
  const { problem } = form;
  // The program, zone, pattern and facilitator fields are controlled components.
  const values = form.watch();
  const [added, setAdded] = useState<string | null>(null);
  const today = todayIn(user.timeZone, new Date());

  const create = useMutation({
    mutationFn: (input: Parameters<typeof cohortsApi.createCohort>[0]) =>
      cohortsApi.createCohort(input),
    onSuccess: async (cohort) => {
      await scheduleChanged(queryClient);
      await navigate(`/cohorts/${cohort.id}`);
    },
    onError: (error) => form.fail(error),
  });

  const onSubmit = form.submitWith((input) => {
    if (!create.isPending) create.mutate(input);
  });

  const error = form.error;
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
              onChange={(event) => form.setValue("programId", event.target.value)}
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
            form.setValue("programId", program.id);
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
        {(control) => <input {...control} type="text" {...form.register("name")} />}
      </Field>
      <TimeZoneField
        value={values.timeZone}
        onChange={(zone) => form.setValue("timeZone", zone)}
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
            {...form.register("capacity")}
          />
        )}
      </Field>
      <div className="field-pair">
        <Field label="Start date" error={error("startsOn")}>
          {(control) => <input {...control} type="date" {...form.register("startsOn")} />}
        </Field>
        <Field label="End date" error={error("endsOn")}>
          {(control) => (
            <input
              {...control}
              type="date"
              min={values.startsOn || undefined}
              {...form.register("endsOn")}
            />
          )}
        </Field>
      </div>
      <PatternFields
        days={values.days}
        startTime={values.startTime}
        endTime={values.endTime}
        onDays={(days) => form.setValue("days", days)}
        onStartTime={(time) => form.setValue("startTime", time)}
        onEndTime={(time) => form.setValue("endTime", time)}
        error={error}
        zoneName={`In ${zoneName}, the cohort's time zone`}
      />
      <Field label="Kind of group" error={error("groupSessionKind")}>
        {(control) => (
          <select {...control} {...form.register("groupSessionKind")}>
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
            form.setValue("leadFacilitatorId", id);
            form.setValue(
              "coFacilitatorIds",
              values.coFacilitatorIds.filter((co) => co !== id),
            );
          }}
          onCo={(ids) => form.setValue("coFacilitatorIds", ids)}
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
