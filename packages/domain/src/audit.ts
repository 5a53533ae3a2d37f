import { z } from "zod";
import { IsoDateSchema } from "./dates";
import { RoleSchema } from "./roles";

/** What an audit event records being done. */
export const AUDIT_ACTIONS = [
  "read",
  "create",
  "update",
  "delete",
  "login",
  "login_failed",
  "logout",
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS, {
  error: `Action must be one of ${AUDIT_ACTIONS.join(", ")}.`,
});
export type AuditActionName = z.infer<typeof AuditActionSchema>;

const ACTION_LABELS: Record<AuditActionName, string> = {
  read: "Read",
  create: "Create",
  update: "Change",
  delete: "Delete",
  login: "Sign in",
  login_failed: "Failed sign-in",
  logout: "Sign out",
};

/** How the audit report names an action; an action it does not know is shown as stored. */
export function auditActionLabel(action: string): string {
  const known = AuditActionSchema.safeParse(action);
  return known.success ? ACTION_LABELS[known.data] : action;
}

export const AUDIT_SORTS = ["time", "actor", "action"] as const;
export type AuditSort = (typeof AUDIT_SORTS)[number];
export const AUDIT_ORDERS = ["asc", "desc"] as const;
export type AuditOrder = (typeof AUDIT_ORDERS)[number];

/** At most this many events on one page of the report. */
export const MAX_AUDIT_PAGE_SIZE = 200;
/** At most this many events in one CSV export; a wider one asks for narrower filters. */
export const MAX_AUDIT_EXPORT_ROWS = 50_000;

/**
 * The filters of the audit report: days `from`..`to` (inclusive, in the reader's time zone),
 * who acted, which participant the record concerns, what was done; then the order and page.
 */
const FILTER_SHAPE = {
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  actorId: z.uuid({ error: "Choose a person from the list." }).optional(),
  participantId: z.uuid({ error: "Choose a participant from the list." }).optional(),
  action: AuditActionSchema.optional(),
  sort: z.enum(AUDIT_SORTS, { error: `Sort by one of ${AUDIT_SORTS.join(", ")}.` }).default("time"),
  order: z.enum(AUDIT_ORDERS, { error: "Order must be asc or desc." }).default("desc"),
};

function fromBeforeTo(q: { from?: string | undefined; to?: string | undefined }): boolean {
  return !q.from || !q.to || q.to >= q.from;
}
const FROM_BEFORE_TO = { error: "The end date must not be before the start date.", path: ["to"] };

export const AuditFilterSchema = z.strictObject(FILTER_SHAPE).refine(fromBeforeTo, FROM_BEFORE_TO);
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AuditReportQuerySchema = z
  .strictObject({
    ...FILTER_SHAPE,
    page: z.coerce
      .number({ error: "Page must be a number." })
      .int({ error: "Page must be a whole number." })
      .min(1, { error: "Page must be 1 or more." })
      .max(100_000, { error: "Page must be 100000 or less." })
      .default(1),
    pageSize: z.coerce
      .number({ error: "Page size must be a number." })
      .int({ error: "Page size must be a whole number." })
      .min(1, { error: "Page size must be at least 1." })
      .max(MAX_AUDIT_PAGE_SIZE, { error: `Page size must be ${MAX_AUDIT_PAGE_SIZE} or fewer.` })
      .default(50),
  })
  .refine(fromBeforeTo, FROM_BEFORE_TO);
export type AuditReportQuery = z.infer<typeof AuditReportQuerySchema>;

const PersonRefSchema = z.object({ id: z.string(), name: z.string() });

/** One audit event as the report shows it: names beside ids, never clinical text. */
export const AuditReportRowSchema = z.object({
  id: z.string(),
  occurredAt: z.iso.datetime(),
  /** Null for the system or a failed sign-in by nobody known. */
  actor: PersonRefSchema.extend({ role: RoleSchema.nullable() }).nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  /** The participant the record is about, when the record names one. */
  participant: PersonRefSchema.nullable(),
  outcome: z.string(),
});
export type AuditReportRow = z.infer<typeof AuditReportRowSchema>;

export const AuditReportPageSchema = z.object({
  rows: z.array(AuditReportRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AuditReportPage = z.infer<typeof AuditReportPageSchema>;

/** The people of the clinic, for the report's "who acted" and "participant" filters. */
export const AuditPeopleSchema = z.object({
  people: z.array(z.object({ id: z.uuid(), name: z.string(), role: RoleSchema })),
});
export type AuditPeople = z.infer<typeof AuditPeopleSchema>;
