import { Router } from "express";
import { z } from "zod";
import { notFound } from "../http/errors";
import { actorContext, auditContext } from "../http/request-context";
import type { CalendarFeeds } from "./calendar-feed";

const TokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/);

/** /api/calendar-feed (manage your own) and /api/calendar/<token>.ics (what calendar apps fetch). */
/** `origin` is the configured origin links are built from; never a request's Host header. */
export function calendarRoutes(feeds: CalendarFeeds, origin: () => string): Router {
  const router = Router();

  router.get("/calendar-feed", async (req, res) => {
    res.json(await feeds.status(actorContext(req)));
  });
  router.post("/calendar-feed", async (req, res) => {
    res.status(201).json(await feeds.create(actorContext(req), origin()));
  });
  router.delete("/calendar-feed", async (req, res) => {
    await feeds.revoke(actorContext(req));
    res.status(204).end();
  });
  router.get("/calendar/:file", async (req, res) => {
    const file = TokenSchema.safeParse(req.params.file);
    if (!file.success) throw notFound("calendar");
    const text = await feeds.ics(file.data.slice(0, -4), origin(), auditContext(req));
    res.type("text/calendar; charset=utf-8").send(text);
  });
  return router;
}
