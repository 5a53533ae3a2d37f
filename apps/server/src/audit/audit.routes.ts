import { Router } from "express";
import { decide } from "@bridgeway/domain";
import { z } from "zod";
import { forbidden, notFound } from "../http/errors";
import { auditContext, requireAuth } from "../http/request-context";
import { parseInput } from "../http/validate";
import type { AuditLog } from "./audit-log";

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

/** Admins read their clinic's audit trail, newest first, a page at a time. */
export function auditRoutes(audit: AuditLog): Router {
  const router = Router();
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
