import { Router } from "express";
import type { Database } from "../db/database";
import type { Logger } from "../logger";

export type HealthInfo = {
  db: "pglite" | "postgres";
  realtime: "memory" | "redis";
  media: "direct" | "livekit";
};

/** Liveness and what the process runs on. Answers 503 when the database does not respond. */
export function healthRoutes(deps: { db: Database; info: HealthInfo; logger: Logger }): Router {
  const router = Router();
  router.get("/", async (_req, res) => {
    try {
      await deps.db.sql.withConnection((c) => c.query("SELECT 1"));
      res.json({ status: "ok", ...deps.info });
    } catch (error) {
      deps.logger.error(
        { err: error instanceof Error ? error.name : typeof error },
        "health check failed",
      );
      res.status(503).json({
        error: { code: "service_unavailable", message: "The database is not responding." },
      });
    }
  });
  return router;
}
