import {
  AuditActionSchema,
  type AuditFilter,
  type AuditOrder,
  type AuditReportQuery,
  type AuditSort,
} from "@bridgeway/domain";

/** The filters as typed in the form: empty strings for "any". */
export type AuditFilterForm = {
  from: string;
  to: string;
  actorId: string;
  participantId: string;
  action: string;
};

export const EMPTY_AUDIT_FILTER_FORM: AuditFilterForm = {
  from: "",
  to: "",
  actorId: "",
  participantId: "",
  action: "",
};

export const DEFAULT_AUDIT_QUERY: AuditReportQuery = {
  sort: "time",
  order: "desc",
  page: 1,
  pageSize: 50,
};

/** Problems the form can see before asking the server (which checks everything again). */
export function auditFormProblems(form: AuditFilterForm): Record<string, string> {
  const problems: Record<string, string> = {};
  if (form.from && form.to && form.to < form.from) {
    problems.to = "The end date must not be before the start date.";
  }
  return problems;
}

/** The query for a submitted form: back to page 1, keeping the order chosen. */
export function queryFromForm(form: AuditFilterForm, current: AuditReportQuery): AuditReportQuery {
  const query: AuditReportQuery = {
    sort: current.sort,
    order: current.order,
    page: 1,
    pageSize: current.pageSize,
  };
  if (form.from) query.from = form.from;
  if (form.to) query.to = form.to;
  if (form.actorId) query.actorId = form.actorId;
  if (form.participantId) query.participantId = form.participantId;
  const action = AuditActionSchema.safeParse(form.action);
  if (action.success) query.action = action.data;
  return query;
}

/** The filters of a query, without its page: what the CSV export takes. */
export function filterOf(query: AuditReportQuery): AuditFilter {
  const filter: AuditFilter = { sort: query.sort, order: query.order };
  if (query.from) filter.from = query.from;
  if (query.to) filter.to = query.to;
  if (query.actorId) filter.actorId = query.actorId;
  if (query.participantId) filter.participantId = query.participantId;
  if (query.action) filter.action = query.action;
  return filter;
}

/**
 * Clicking a column: the same column flips its order; a new column starts newest-first for time
 * and A to Z for the others. Either way back to page 1.
 */
export function sortBy(query: AuditReportQuery, sort: AuditSort): AuditReportQuery {
  const order: AuditOrder =
    query.sort === sort
      ? query.order === "asc"
        ? "desc"
        : "asc"
      : sort === "time"
        ? "desc"
        : "asc";
  return { ...query, sort, order, page: 1 };
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** `aria-sort` of a column header. */
export function ariaSort(
  query: AuditReportQuery,
  sort: AuditSort,
): "ascending" | "descending" | "none" {
  if (query.sort !== sort) return "none";
  return query.order === "asc" ? "ascending" : "descending";
}
