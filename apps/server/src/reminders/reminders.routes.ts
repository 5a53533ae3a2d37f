import { CheckInInputSchema, ReminderPreferencesSchema } from "@bridgeway/domain";
import { Router } from "express";
import { idParam } from "../http/params";
import { actorContext } from "../http/request-context";
import { parseInput } from "../http/validate";
import type { ReminderService } from "./reminder-service";

/** The signed-in person's own reminder choices. */
export function reminderRoutes(reminders: ReminderService): Router {
  const router = Router();
  router.get("/", async (req, res) => {
    res.json(await reminders.preferences(actorContext(req)));
  });
  router.put("/", async (req, res) => {
    const context = actorContext(req);
    const input = parseInput(ReminderPreferencesSchema, req.body);
    res.json(await reminders.savePreferences(context, input));
  });
  return router;
}

/** For a live session's facilitators: who has not joined, and a one-tap check-in. */
export function checkInRoutes(reminders: ReminderService): Router {
  const router = Router();
  router.get("/sessions/:id/not-joined", async (req, res) => {
    res.json(await reminders.notJoined(actorContext(req), idParam(req.params)));
  });
  router.post("/sessions/:id/check-ins", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    const input = parseInput(CheckInInputSchema, req.body);
    await reminders.checkIn(context, id, input);
    res.status(204).end();
  });
  return router;
}
