import { Router } from "express";
import { AuditFilterSchema, AuditReportQuerySchema, decide } from "@bridgeway/domain";
import { z } from "zod";
import { forbidden, notFound } from "../http/errors";
import { actorContext, auditContext, requireAuth } from "../http/request-context";
import { parseInput } from "../http/validate";
import type { AuditLog } from "./audit-log";
import type { AuditReportService } from "./audit-report-service";

const ListQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: "Limit must be a number." })
    .int({ error: "Limit must be a whole number." })
    .min(1, { error: "Limit must be at least 1." })
    .max(200, { error: "Limit must be 200 or fewer." })
    .default(50),
  before: z
    .string()
    .regex(/^\d{1,18}$/, { error: "Before must be an event id from a previous page." })
    .optional(),
});

/**
 * Admins read their clinic's audit trail: GET / (newest first, a page at a time), and the report
 * GET /report (filtered, sorted, paged), GET /report.csv (the filtered result as a file) and
 * GET /people (who it can be filtered by).
 */
export function auditRoutes(audit: AuditLog, reports: AuditReportService): Router {
  const router = Router();
  router.get("/report", async (req, res) => {
    const context = actorContext(req);
    const query = parseInput(AuditReportQuerySchema, req.query, "query");
    res.json(await reports.page(context, requireAuth(req).user.timeZone, query));
  });
  router.get("/report.csv", async (req, res) => {
    const context = actorContext(req);
    const filter = parseInput(AuditFilterSchema, req.query, "query");
    const csv = await reports.csv(context, requireAuth(req).user.timeZone, filter);
    const file = `audit-trail-${filter.from ?? "start"}-to-${filter.to ?? "now"}.csv`;
    res
      .type("text/csv; charset=utf-8")
      .setHeader("Content-Disposition", `attachment; filename="${file}"`)
      .setHeader("Cache-Control", "no-store")
      .send(csv);
  });
  router.get("/people", async (req, res) => {
    res.json(await reports.people(actorContext(req)));
  });
  router.get("/", async (req, res) => {
    const auth = requireAuth(req);
    const decision = decide(auth.actor, "read", {
      type: "audit-log",
      organizationId: auth.actor.organizationId,
    });
    if (decision === "not-found") throw notFound("page");
    if (decision === "forbidden") throw forbidden();
    const page = parseInput(ListQuerySchema, req.query, "query");
    const events = await audit.read(auditContext(req), { type: "audit-log" }, () =>
      audit.list(auth.actor.organizationId, page),
    );
    const last = events.at(-1);
    res.json({ events, nextBefore: events.length === page.limit && last ? last.id : null });
  });
  return router;
}
