import {
  AuditPeopleSchema,
  AuditReportPageSchema,
  type AuditFilter,
  type AuditPeople,
  type AuditReportPage,
  type AuditReportQuery,
} from "@bridgeway/domain";
import type { ApiClient } from "./api-client";

/** The query string of a filter (and page): only what is set, so defaults stay the server's. */
export function auditSearch(query: Partial<AuditReportQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    params.set(key, String(value));
  }
  return params.toString();
}

/** The clinic's audit report, for admins. */
export function createAuditApi(api: ApiClient) {
  return {
    report(query: AuditReportQuery, signal?: AbortSignal): Promise<AuditReportPage> {
      return api.get(
        `/api/audit-events/report?${auditSearch(query)}`,
        AuditReportPageSchema,
        signal,
      );
    },
    people(signal?: AbortSignal): Promise<AuditPeople> {
      return api.get("/api/audit-events/people", AuditPeopleSchema, signal);
    },
  };
}

/** The CSV export of the filtered report: a plain link, downloaded by the browser with the cookie. */
export function auditCsvPath(filter: AuditFilter): string {
  return `/api/audit-events/report.csv?${auditSearch(filter)}`;
}

export type AuditApi = ReturnType<typeof createAuditApi>;
