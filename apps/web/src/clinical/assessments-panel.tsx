import {
  AssignAssessmentInputSchema,
  INSTRUMENTS,
  type AssessmentCadence,
  type AssessmentHistory,
  type AssignAssessmentInput,
  type Instrument,
} from "@bridgeway/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { describeError } from "../api/api-client";
import { formatCalendarDate } from "../format/format";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import {
  problemFromError,
  problemFromZod,
  unplacedFields,
  type FormProblem,
} from "../forms/form-problem";
import { HiddenContext } from "../shell/hidden-context";
import { TableScroll } from "../shell/table-scroll";
import { instrumentName } from "./severity";
import { clinicalChanged, useClinicalApi } from "./use-clinical";

export const CADENCE_LABELS: Record<AssessmentCadence, string> = {
  ONCE: "Once",
  WEEKLY: "Every week",
  EVERY_2_WEEKS: "Every 2 weeks",
  EVERY_4_WEEKS: "Every 4 weeks",
};

function AssignForm({
  participantId,
  name,
  today,
  onDone,
}: {
  participantId: string;
  name: string;
  today: string;
  onDone: (message: string) => void;
}) {
  const clinicalApi = useClinicalApi();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<{
    instrument: Instrument;
    cadence: AssessmentCadence;
    firstDueOn: string;
  }>({ instrument: "PHQ9", cadence: "WEEKLY", firstDueOn: today });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const assign = useMutation({
    mutationFn: (input: AssignAssessmentInput) => clinicalApi.assign(participantId, input),
    onSuccess: async (assigned) => {
      await clinicalChanged(queryClient);
      onDone(
        `${instrumentName(assigned.instrument)} assigned to ${name}, ${CADENCE_LABELS[assigned.cadence].toLowerCase()}, first due ${formatCalendarDate(assigned.dueOn)}.`,
      );
    },
    onError: (error) => setProblem(problemFromError(error)),
  });

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (assign.isPending) return;
    const parsed = AssignAssessmentInputSchema.safeParse(values);
    if (!parsed.success) {
      setProblem(problemFromZod(parsed.error));
      return;
    }
    setProblem(null);
    assign.mutate(parsed.data);
  }

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-busy={assign.isPending}>
      <FormAlert
        problem={problem}
        extra={unplacedFields(problem, ["instrument", "cadence", "firstDueOn"])}
      />
      <div className="field-trio">
        <Field label="Questionnaire" error={problem?.fields.instrument}>
          {(control) => (
            <select
              {...control}
              value={values.instrument}
              onChange={(event) =>
                setValues({ ...values, instrument: event.target.value as Instrument })
              }
            >
              {INSTRUMENTS.map((instrument) => (
                <option key={instrument} value={instrument}>
                  {instrumentName(instrument)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="How often" error={problem?.fields.cadence}>
          {(control) => (
            <select
              {...control}
              value={values.cadence}
              onChange={(event) =>
                setValues({ ...values, cadence: event.target.value as AssessmentCadence })
              }
            >
              {Object.entries(CADENCE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="First due on" error={problem?.fields.firstDueOn}>
          {(control) => (
            <input
              {...control}
              type="date"
              min={today}
              value={values.firstDueOn}
              onChange={(event) => setValues({ ...values, firstDueOn: event.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="actions">
        <SubmitButton pending={assign.isPending} pendingLabel="Assigning…">
          Assign
        </SubmitButton>
      </div>
    </form>
  );
}

/**
 * What is due for a participant, stopping a series, and assigning a questionnaire on a cadence.
 */
export function AssessmentsPanel({
  history,
  name,
  today,
}: {
  history: AssessmentHistory;
  name: string;
  today: string;
}) {
  const clinicalApi = useClinicalApi();
  const queryClient = useQueryClient();
  const captionId = useId();
  const [notice, setNotice] = useState<string | null>(null);
  const stop = useMutation({
    mutationFn: (id: string) => clinicalApi.stopAssessment(id),
    onSuccess: async (_done, id) => {
      await clinicalChanged(queryClient);
      const stopped = history.due.find((d) => d.id === id);
      setNotice(
        `${stopped ? instrumentName(stopped.instrument) : "The questionnaire"} stopped. Nothing more of it is due.`,
      );
    },
  });
  return (
    <>
      <div className="status-slot" role="status">
        {notice && <p className="notice">{notice}</p>}
      </div>
      {stop.isError && (
        <p className="form__error" role="alert">
          {describeError(stop.error)}
        </p>
      )}
      {history.due.length === 0 ? (
        <p className="muted">Nothing is assigned to {name} right now.</p>
      ) : (
        <TableScroll labelledBy={captionId}>
          <table className="table">
            <caption id={captionId}>Assigned to {name}</caption>
            <thead>
              <tr>
                <th scope="col">Questionnaire</th>
                <th scope="col">How often</th>
                <th scope="col">Next due</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {history.due.map((item) => {
                const label = instrumentName(item.instrument);
                return (
                  <tr key={item.id}>
                    <th scope="row">{label}</th>
                    <td>{CADENCE_LABELS[item.cadence]}</td>
                    <td>
                      {formatCalendarDate(item.dueOn)}
                      {item.dueOn < today && <span className="cell-note">Overdue</span>}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--quiet button--small"
                        disabled={stop.isPending}
                        onClick={() => {
                          setNotice(null);
                          stop.mutate(item.id);
                        }}
                      >
                        Stop<HiddenContext>{label}</HiddenContext>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h4 className="section-subtitle">Assign a questionnaire</h4>
      <AssignForm
        participantId={history.participantId}
        name={name}
        today={today}
        onDone={setNotice}
      />
    </>
  );
}
