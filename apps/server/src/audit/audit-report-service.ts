import {
  addDaysToDate,
  auditActionLabel,
  decide,
  MAX_AUDIT_EXPORT_ROWS,
  roleLabel,
  type Actor,
  type AuditFilter,
  type AuditPeople,
  type AuditReportPage,
  type AuditReportQuery,
} from "@bridgeway/domain";
import { badRequest, forbidden, notFound } from "../http/errors";
import { csvFile, spreadsheetSafe } from "../http/csv";
import { startOfLocalDay } from "../sessions/pattern-occurrences";
import type { AuditContext, AuditLog } from "./audit-log";
import type { AuditReportRepository, AuditRowFilter } from "./audit-report-repository";

type Context = AuditContext & { actor: Actor };

export const AUDIT_CSV_COLUMNS = [
  "Time (UTC)",
  "Person acting",
  "Role",
  "Person id",
  "Action",
  "Record type",
  "Record id",
  "Participant concerned",
  "Participant id",
  "Outcome",
] as const;

/**
 * The filters as the audit event of reading the report records them: ids, dates and choices
 * only, never names or anything clinical.
 */
export function describeAuditFilter(filter: AuditFilter, page?: number): string {
  const parts: string[] = [];
  if (filter.from) parts.push(`from=${filter.from}`);
  if (filter.to) parts.push(`to=${filter.to}`);
  if (filter.actorId) parts.push(`actor=${filter.actorId}`);
  if (filter.participantId) parts.push(`participant=${filter.participantId}`);
  if (filter.action) parts.push(`action=${filter.action}`);
  parts.push(`sort=${filter.sort}:${filter.order}`);
  if (page !== undefined) parts.push(`page=${page}`);
  return parts.join(";");
}

/** The clinic's audit trail for its admins: filtered, sorted, paged, exported; every look audited. */
export function createAuditReportService(deps: {
  reports: AuditReportRepository;
  audit: AuditLog;
}) {
  const { reports, audit } = deps;

  async function allow(context: Context, type: "audit-log" | "audit-export"): Promise<void> {
    const decision = decide(context.actor, "read", {
      type,
      organizationId: context.actor.organizationId,
    });
    if (decision === "allow") return;
    await audit.denied(context, "read", { type: type === "audit-log" ? "audit-report" : type });
    if (decision === "not-found") throw notFound("page");
    throw forbidden();
  }

  /** Days are the reader's own: `to` includes the whole of its day in their time zone. */
  function rowFilter(context: Context, timeZone: string, filter: AuditFilter): AuditRowFilter {
    return {
      organizationId: context.actor.organizationId,
      ...(filter.from ? { since: startOfLocalDay(filter.from, timeZone) } : {}),
      ...(filter.to ? { before: startOfLocalDay(addDaysToDate(filter.to, 1), timeZone) } : {}),
      ...(filter.actorId ? { actorId: filter.actorId } : {}),
      ...(filter.participantId ? { participantId: filter.participantId } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      sort: filter.sort,
      order: filter.order,
    };
  }

  return {
    async page(
      context: Context,
      timeZone: string,
      query: AuditReportQuery,
    ): Promise<AuditReportPage> {
      await allow(context, "audit-log");
      const filter = rowFilter(context, timeZone, query);
      const [total, rows] = await Promise.all([
        reports.count(filter),
        reports.rows(filter, {
          limit: query.pageSize,
          offset: (query.page - 1) * query.pageSize,
        }),
      ]);
      await audit.record(
        context,
        "read",
        { type: "audit-report", id: describeAuditFilter(query, query.page) },
        "success",
      );
      return { rows, total, page: query.page, pageSize: query.pageSize };
    },

    /** The whole filtered result as CSV, cells that a spreadsheet would run kept as text. */
    async csv(context: Context, timeZone: string, query: AuditFilter): Promise<string> {
      await allow(context, "audit-export");
      const filter = rowFilter(context, timeZone, query);
      const total = await reports.count(filter);
      if (total > MAX_AUDIT_EXPORT_ROWS) {
        throw badRequest(
          `That is ${total} events; export at most ${MAX_AUDIT_EXPORT_ROWS} at a time.`,
          { from: "Choose a shorter time range or narrower filters." },
        );
      }
      const rows = await reports.rows(filter, { limit: MAX_AUDIT_EXPORT_ROWS, offset: 0 });
      await audit.record(
        context,
        "read",
        { type: "audit-export", id: describeAuditFilter(query) },
        "success",
      );
      return csvFile(
        AUDIT_CSV_COLUMNS,
        rows.map((row) =>
          [
            row.occurredAt,
            row.actor?.name ?? "System",
            row.actor?.role ? roleLabel(row.actor.role) : "",
            row.actor?.id ?? "",
            auditActionLabel(row.action),
            row.recordType,
            row.recordId ?? "",
            row.participant?.name ?? "",
            row.participant?.id ?? "",
            row.outcome,
          ].map(spreadsheetSafe),
        ),
      );
    },

    /** The people the report can be filtered by (everyone in the clinic). */
    async people(context: Context): Promise<AuditPeople> {
      await allow(context, "audit-log");
      const people = await reports.people(context.actor.organizationId);
      await audit.record(context, "read", { type: "audit-report-people" }, "success");
      return { people };
    },
  };
}

export type AuditReportService = ReturnType<typeof createAuditReportService>;
