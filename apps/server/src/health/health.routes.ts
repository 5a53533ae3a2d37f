import { Router } from "express";
import { sealAuditChain, verifyAuditTail } from "../audit/audit-repository";
import type { Database } from "../db/database";
import { serviceUnavailable } from "../http/errors";
import type { Logger } from "../logger";

export type HealthInfo = {
  db: "pglite" | "postgres";
  realtime: "memory" | "redis";
  media: "direct" | "livekit";
};

/**
 * Liveness and what the process runs on. Answers 503 when the database does not respond. When
 * Redis is down it answers 200 with `status: "degraded"` and `redis: "down"`: the process still
 * serves its own sockets and every request, and pulling all processes out of a load balancer
 * over a shared Redis would turn degraded into down. A broken audit chain (a changed, removed
 * or reordered audit row among the last 1,000) also answers `status: "degraded"`, with
 * `audit: "broken"`.
 */
export function healthRoutes(deps: {
  db: Database;
  info: HealthInfo;
  logger: Logger;
  /** Whether Redis is up; undefined without Redis. */
  redis?: () => "up" | "down" | undefined;
}): Router {
  const router = Router();
  // The audit chain's tail is checked at start (after chaining any rows from before the chain
  // existed) and again on each health request, one check at a time. Once broken it stays
  // "broken": evidence of tampering does not go away on its own.
  let auditBroken = false;
  let auditCheck: Promise<void> | undefined;
  const checkAudit = (): Promise<void> => {
    auditCheck ??= verifyAuditTail(deps.db.prisma)
      .then((verdict) => {
        if (!verdict.ok && !auditBroken) {
          auditBroken = true;
          deps.logger.error({ auditEventId: verdict.eventId }, "audit chain is broken");
        }
      })
      .finally(() => {
        auditCheck = undefined;
      });
    return auditCheck;
  };
  const started = sealAuditChain(deps.db.prisma).then(checkAudit);
  started.catch((error: unknown) => {
    deps.logger.error(
      { err: error instanceof Error ? error.name : typeof error },
      "audit chain check failed at start",
    );
  });
  router.get("/", async (_req, res) => {
    try {
      await deps.db.sql.withConnection((c) => c.query("SELECT 1"));
      await started.catch(() => undefined);
      await checkAudit();
      const redis = deps.redis?.();
      const audit = auditBroken ? "broken" : "ok";
      res.json({
        status: redis === "down" || auditBroken ? "degraded" : "ok",
        ...deps.info,
        ...(redis ? { redis } : {}),
        audit,
      });
    } catch (error) {
      deps.logger.error(
        { err: error instanceof Error ? error.name : typeof error },
        "health check failed",
      );
      throw serviceUnavailable("The database is not responding.");
    }
  });
  return router;
}
