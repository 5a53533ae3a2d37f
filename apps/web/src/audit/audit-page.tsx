import {
  AUDIT_ACTIONS,
  auditActionLabel,
  roleLabel,
  type AuditReportQuery,
  type AuditReportRow,
  type AuditSort,
} from "@bridgeway/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState, type SubmitEvent } from "react";
import { ApiError } from "../api/api-client";
import { auditCsvPath, createAuditApi } from "../api/audit-api";
import { useServices } from "../app/services-context";
import { formatMoment } from "../format/session-time";
import { Field, FormAlert, SubmitButton } from "../forms/fields";
import { problemFromError, type FormProblem } from "../forms/form-problem";
import { QueryView } from "../homes/query-view";
import { useSignedIn } from "../sign-in/auth-context";
import { useConfirmedDownload } from "../sign-in/use-confirmed-download";
import { PageHeading } from "../shell/page-heading";
import { EmptyState } from "../shell/status-states";
import { TableScroll } from "../shell/table-scroll";
import {
  ariaSort,
  auditFormProblems,
  DEFAULT_AUDIT_QUERY,
  EMPTY_AUDIT_FILTER_FORM,
  filterOf,
  pageCount,
  queryFromForm,
  sortBy,
  type AuditFilterForm,
} from "./audit-report-state";
import "./audit.css";

const AUDIT_KEY = "audit-report";

function useAuditApi() {
  const { api } = useServices();
  return useMemo(() => createAuditApi(api), [api]);
}

function FilterForm({
  current,
  serverProblem,
  onApply,
}: {
  current: AuditReportQuery;
  serverProblem: FormProblem | null;
  onApply: (query: AuditReportQuery) => void;
}) {
  const { user } = useSignedIn();
  const audit = useAuditApi();
  const people = useQuery({
    queryKey: [AUDIT_KEY, user.id, "people"],
    queryFn: ({ signal }) => audit.people(signal),
  });
  const [values, setValues] = useState<AuditFilterForm>(EMPTY_AUDIT_FILTER_FORM);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const shown = problem ?? serverProblem;
  const everyone = people.data?.people ?? [];
  const participants = everyone.filter((p) => p.role === "PARTICIPANT");
  const set = (key: keyof AuditFilterForm) => (value: string) =>
    setValues({ ...values, [key]: value });

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = auditFormProblems(values);
    if (Object.keys(problems).length > 0) {
      setProblem({ message: "Check the filters marked below.", fields: problems });
      return;
    }
    setProblem(null);
    onApply(queryFromForm(values, current));
  }

  function onClear() {
    setValues(EMPTY_AUDIT_FILTER_FORM);
    setProblem(null);
    onApply(queryFromForm(EMPTY_AUDIT_FILTER_FORM, current));
  }

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-label="Filter the audit trail">
      <FormAlert problem={shown} />
      {people.isError && (
        <p className="field__error" role="alert">
          We couldn&apos;t load the list of people, so you can filter by dates and action only.{" "}
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => void people.refetch()}
          >
            Try again
          </button>
        </p>
      )}
      <div className="audit-filters">
        <Field label="From" error={shown?.fields.from}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.from}
              onChange={(event) => set("from")(event.target.value)}
            />
          )}
        </Field>
        <Field label="To" error={shown?.fields.to}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.to}
              onChange={(event) => set("to")(event.target.value)}
            />
          )}
        </Field>
        <Field label="Person acting" error={shown?.fields.actorId}>
          {(control) => (
            <select
              {...control}
              value={values.actorId}
              onChange={(event) => set("actorId")(event.target.value)}
            >
              <option value="">Anyone</option>
              {everyone.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name} ({roleLabel(person.role)})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Participant concerned" error={shown?.fields.participantId}>
          {(control) => (
            <select
              {...control}
              value={values.participantId}
              onChange={(event) => set("participantId")(event.target.value)}
            >
              <option value="">Any or none</option>
              {participants.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Action" error={shown?.fields.action}>
          {(control) => (
            <select
              {...control}
              value={values.action}
              onChange={(event) => set("action")(event.target.value)}
            >
              <option value="">Any action</option>
              {AUDIT_ACTIONS.map((action) => (
                <option key={action} value={action}>
                  {auditActionLabel(action)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <SubmitButton pending={false} pendingLabel="Showing…">
          Show events
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onClear}>
          Clear filters
        </button>
      </div>
      <p className="muted">Dates are days in your time zone, {user.timeZone}, both included.</p>
    </form>
  );
}

const COLUMNS: { sort: AuditSort; label: string }[] = [
  { sort: "time", label: "Time" },
  { sort: "actor", label: "Person acting" },
  { sort: "action", label: "Action" },
];

function SortHeader({
  query,
  sort,
  label,
  onSort,
}: {
  query: AuditReportQuery;
  sort: AuditSort;
  label: string;
  onSort: (sort: AuditSort) => void;
}) {
  const state = ariaSort(query, sort);
  return (
    <th scope="col" aria-sort={state}>
      <button type="button" className="audit-sort" onClick={() => onSort(sort)}>
        {label}
        <span aria-hidden="true" className="audit-sort__mark">
          {state === "ascending" ? "▲" : state === "descending" ? "▼" : "↕"}
        </span>
        <span className="visually-hidden">
          {state === "none" ? ", sort by this" : ", change the order"}
        </span>
      </button>
    </th>
  );
}

function EventRow({ row, timeZone }: { row: AuditReportRow; timeZone: string }) {
  return (
    <tr>
      <td className="audit-nowrap">{formatMoment(row.occurredAt, timeZone)}</td>
      <td>
        {row.actor ? (
          <>
            {row.actor.name}
            {row.actor.role && <span className="muted"> ({roleLabel(row.actor.role)})</span>}
          </>
        ) : (
          <span className="muted">System</span>
        )}
      </td>
      <td>{auditActionLabel(row.action)}</td>
      <td>
        {row.recordType}
        {row.recordId && <span className="audit-record-id muted"> {row.recordId}</span>}
      </td>
      <td>{row.participant?.name ?? <span className="muted">None</span>}</td>
      <td>{row.outcome}</td>
    </tr>
  );
}

/** `/admin/audit`: who read or changed what and when, filtered, sorted, paged and exported. */
export function AuditPage() {
  const { user } = useSignedIn();
  const audit = useAuditApi();
  const download = useConfirmedDownload();
  const [query, setQuery] = useState<AuditReportQuery>(DEFAULT_AUDIT_QUERY);
  const report = useQuery({
    queryKey: [AUDIT_KEY, user.id, query],
    queryFn: ({ signal }) => audit.report(query, signal),
    placeholderData: keepPreviousData,
    // Every look is audited: not again just because the window regains focus.
    refetchOnWindowFocus: false,
  });
  const captionId = useId();
  const invalid =
    report.isError && report.error instanceof ApiError && report.error.code === "invalid_input"
      ? problemFromError(report.error)
      : null;

  return (
    <>
      <PageHeading>Audit trail</PageHeading>
      <p className="muted">
        Who read or changed which record, and when. Looking at this report and downloading it are
        recorded here too.
      </p>
      <div className="stack">
        <section className="card" aria-label="Filters">
          <FilterForm current={query} serverProblem={invalid} onApply={setQuery} />
        </section>
        <p className="actions">
          <a
            className="button button--secondary"
            href={auditCsvPath(filterOf(query))}
            download
            onClick={(event) => {
              // Exports need a recent password or code: ask first, then download.
              event.preventDefault();
              void download(auditCsvPath(filterOf(query)));
            }}
          >
            Download CSV
          </a>
        </p>
        {invalid ? null : (
          <QueryView
            query={report}
            loadingLabel="Loading the audit trail…"
            errorTitle="We couldn't load the audit trail"
          >
            {(data) => {
              if (data.total === 0) {
                return (
                  <EmptyState title="No events match these filters.">
                    <p>Widen the dates or clear a filter.</p>
                  </EmptyState>
                );
              }
              const pages = pageCount(data.total, data.pageSize);
              const first = (data.page - 1) * data.pageSize + 1;
              const last = first + data.rows.length - 1;
              return (
                <section aria-labelledby={captionId}>
                  <p role="status" className="muted">
                    {first === last
                      ? `Event ${first} of ${data.total}.`
                      : `Events ${first} to ${last} of ${data.total}.`}
                  </p>
                  <TableScroll labelledBy={captionId}>
                    <table className="table audit-table" aria-busy={report.isFetching}>
                      <caption id={captionId}>Audit events</caption>
                      <thead>
                        <tr>
                          {COLUMNS.map((column) => (
                            <SortHeader
                              key={column.sort}
                              query={query}
                              sort={column.sort}
                              label={column.label}
                              onSort={(sort) => setQuery(sortBy(query, sort))}
                            />
                          ))}
                          <th scope="col">Record</th>
                          <th scope="col">Participant concerned</th>
                          <th scope="col">Outcome</th>
                        </tr>
                      </thead>
                      <tbody>
                        {data.rows.map((row) => (
                          <EventRow key={row.id} row={row} timeZone={user.timeZone} />
                        ))}
                      </tbody>
                    </table>
                  </TableScroll>
                  {pages > 1 && (
                    <nav className="actions audit-pages" aria-label="Pages of the audit trail">
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={data.page <= 1}
                        onClick={() => setQuery({ ...query, page: data.page - 1 })}
                      >
                        Previous page
                      </button>
                      <span>
                        Page {data.page} of {pages}
                      </span>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={data.page >= pages}
                        onClick={() => setQuery({ ...query, page: data.page + 1 })}
                      >
                        Next page
                      </button>
                    </nav>
                  )}
                </section>
              );
            }}
          </QueryView>
        )}
      </div>
    </>
  );
}
