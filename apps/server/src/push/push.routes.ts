import { PushSubscriptionInputSchema, PushUnsubscribeInputSchema } from "@bridgeway/domain";
import { Router } from "express";
import { actorContext } from "../http/request-context";
import { parseInput } from "../http/validate";
import type { PushService } from "./push-service";

/** The signed-in person's notifications on the device they are using. */
export function pushRoutes(push: PushService): Router {
  const router = Router();
  router.get("/config", (req, res) => {
    actorContext(req);
    res.json(push.config());
  });
  router.put("/subscription", async (req, res) => {
    const context = actorContext(req);
    const input = parseInput(PushSubscriptionInputSchema, req.body);
    await push.subscribe(context, input);
    res.status(204).end();
  });
  router.delete("/subscription", async (req, res) => {
    const context = actorContext(req);
    const input = parseInput(PushUnsubscribeInputSchema, req.body);
    await push.unsubscribe(context, input.endpoint);
    res.status(204).end();
  });
  return router;
}
