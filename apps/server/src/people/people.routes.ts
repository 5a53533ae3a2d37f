import { Router } from "express";
import {
  CreateFacilitatorInputSchema,
  CreateParticipantInputSchema,
  IsoDateSchema,
  UpdateFacilitatorInputSchema,
} from "@bridgeway/domain";
import { z } from "zod";
import { idParam } from "../http/params";
import { actorContext, requireAuth } from "../http/request-context";
import { parseInput } from "../http/validate";
import type { PeopleService } from "./people-service";
import type { SessionService } from "../sessions/session-service";

const WeekQuerySchema = z.strictObject({ weekStart: IsoDateSchema.optional() });

/** /api/facilitators, /api/participants */
export function peopleRoutes(
  people: PeopleService,
  sessions: SessionService,
  today: (zone: string) => string,
): Router {
  const router = Router();

  router.get("/facilitators", async (req, res) => {
    res.json({ facilitators: await people.listFacilitators(actorContext(req)) });
  });
  router.post("/facilitators", async (req, res) => {
    const context = actorContext(req);
    res
      .status(201)
      .json(
        await people.createFacilitator(context, parseInput(CreateFacilitatorInputSchema, req.body)),
      );
  });
  router.patch("/facilitators/:id", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    res.json(
      await people.updateFacilitator(
        context,
        id,
        parseInput(UpdateFacilitatorInputSchema, req.body),
      ),
    );
  });

  router.get("/participants", async (req, res) => {
    res.json({ participants: await people.listParticipants(actorContext(req)) });
  });
  router.post("/participants", async (req, res) => {
    const context = actorContext(req);
    res
      .status(201)
      .json(
        await people.createParticipant(context, parseInput(CreateParticipantInputSchema, req.body)),
      );
  });
  router.get("/participants/:id/planned-hours", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    const query = parseInput(WeekQuerySchema, req.query, "query");
    res.json(
      await sessions.plannedWeek(
        context,
        id,
        query.weekStart ?? today(requireAuth(req).user.timeZone),
      ),
    );
  });
  return router;
}
