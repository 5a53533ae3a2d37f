import { Router } from "express";
import { AcknowledgeAlertSchema, AlertListQuerySchema } from "@bridgeway/domain";
import { idParam } from "../http/params";
import { actorContext } from "../http/request-context";
import { parseInput } from "../http/validate";
import type { AlertService } from "./alert-service";

/** /api/alerts: the care team's list of crisis alerts, and acknowledging one. */
export function alertRoutes(alerts: AlertService): Router {
  const router = Router();
  router.get("/", async (req, res) => {
    const context = actorContext(req);
    const query = parseInput(AlertListQuerySchema, req.query, "query");
    res.json({ alerts: await alerts.list(context, query.status === "open") });
  });
  router.post("/:id/acknowledge", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    const input = parseInput(AcknowledgeAlertSchema, req.body ?? {});
    res.json(await alerts.acknowledge(context, id, input.note));
  });
  return router;
}
