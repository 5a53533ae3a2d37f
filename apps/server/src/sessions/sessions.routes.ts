import { Router } from "express";
import {
  BookSessionInputSchema,
  CancelSessionInputSchema,
  RescheduleSessionInputSchema,
  SessionRangeQuerySchema,
} from "@bridgeway/domain";
import { idParam } from "../http/params";
import { actorContext, requireAuth } from "../http/request-context";
import { parseInput } from "../http/validate";
import type { SessionService } from "./session-service";

/** /api/sessions */
export function sessionRoutes(sessions: SessionService): Router {
  const router = Router();

  router.get("/", async (req, res) => {
    const context = actorContext(req);
    const query = parseInput(SessionRangeQuerySchema, req.query, "query");
    res.json({ sessions: await sessions.list(context, query, requireAuth(req).user.timeZone) });
  });
  router.post("/", async (req, res) => {
    const context = actorContext(req);
    res
      .status(201)
      .json(await sessions.book(context, parseInput(BookSessionInputSchema, req.body)));
  });
  router.get("/:id", async (req, res) => {
    const context = actorContext(req);
    res.json(await sessions.get(context, idParam(req.params)));
  });
  router.get("/:id/roster", async (req, res) => {
    const context = actorContext(req);
    res.json({ people: await sessions.roster(context, idParam(req.params)) });
  });
  router.patch("/:id", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    res.json(
      await sessions.reschedule(context, id, parseInput(RescheduleSessionInputSchema, req.body)),
    );
  });
  router.post("/:id/cancel", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    res.json(await sessions.cancel(context, id, parseInput(CancelSessionInputSchema, req.body)));
  });
  return router;
}
