import { Router, type Request } from "express";
import { z } from "zod";
import { notFound } from "../http/errors";
import { actorContext, auditContext } from "../http/request-context";
import type { CalendarFeeds } from "./calendar-feed";

const TokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/);

/** /api/calendar-feed (manage your own) and /api/calendar/<token>.ics (what calendar apps fetch). */
export function calendarRoutes(feeds: CalendarFeeds, publicOrigin: string | undefined): Router {
  const router = Router();
  const origin = (req: Request) =>
    publicOrigin ?? `${req.protocol}://${req.get("host") ?? "localhost"}`;

  router.get("/calendar-feed", async (req, res) => {
    res.json(await feeds.status(actorContext(req)));
  });
  router.post("/calendar-feed", async (req, res) => {
    res.status(201).json(await feeds.create(actorContext(req), origin(req)));
  });
  router.delete("/calendar-feed", async (req, res) => {
    await feeds.revoke(actorContext(req));
    res.status(204).end();
  });
  router.get("/calendar/:file", async (req, res) => {
    const file = TokenSchema.safeParse(req.params.file);
    if (!file.success) throw notFound("calendar");
    const text = await feeds.ics(file.data.slice(0, -4), origin(req), auditContext(req));
    res.type("text/calendar; charset=utf-8").send(text);
  });
  return router;
}
