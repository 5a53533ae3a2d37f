import { CompleteFollowUpSchema } from "@bridgeway/domain";
import { Router } from "express";
import { idParam } from "../http/params";
import { actorContext } from "../http/request-context";
import { parseInput } from "../http/validate";
import type { FollowUpService } from "./follow-up-service";

/** Follow-ups after missed sessions, for the care team, and the cohort page's attendance flags. */
export function followUpRoutes(followUps: FollowUpService): Router {
  const router = Router();
  router.get("/follow-ups", async (req, res) => {
    res.json(await followUps.openTasks(actorContext(req)));
  });
  router.post("/follow-ups/:id/done", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    const input = parseInput(CompleteFollowUpSchema, req.body);
    res.json(await followUps.complete(context, id, input));
  });
  router.get("/cohorts/:id/attendance-flags", async (req, res) => {
    res.json(await followUps.cohortFlags(actorContext(req), idParam(req.params)));
  });
  return router;
}
