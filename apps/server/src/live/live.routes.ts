import express, { Router } from "express";
import { AttendanceRangeQuerySchema, IsoDateSchema } from "@bridgeway/domain";
import { WebhookReceiver } from "livekit-server-sdk";
import { z } from "zod";
import type { MediaConfig } from "../config";
import type { Clock } from "../clock";
import { HttpError, notFound } from "../http/errors";
import { idParam } from "../http/params";
import { actorContext, requireAuth } from "../http/request-context";
import { parseInput } from "../http/validate";
import type { Logger } from "../logger";
import { attendanceCsv } from "./attendance-csv";
import type { AttendanceService } from "./attendance-service";
import type { LiveRepository } from "./live-repository";

const WeekQuerySchema = z.strictObject({ weekStart: IsoDateSchema.optional() });
const ROOM_NAME = /^session-([0-9a-f-]{36})$/;

/**
 * GET /api/sessions/:id/attendance, GET /api/participants/:id/attendance, and the cohort grid
 * GET /api/cohorts/:id/attendance (JSON) and GET /api/cohorts/:id/attendance.csv (export).
 */
export function attendanceRoutes(
  attendance: AttendanceService,
  today: (zone: string) => string,
): Router {
  const router = Router();
  router.get("/sessions/:id/attendance", async (req, res) => {
    const context = actorContext(req);
    res.json(await attendance.forSession(context, idParam(req.params)));
  });
  router.get("/participants/:id/attendance", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    const query = parseInput(WeekQuerySchema, req.query, "query");
    res.json(
      await attendance.forWeek(
        context,
        id,
        query.weekStart ?? today(requireAuth(req).user.timeZone),
      ),
    );
  });
  router.get("/cohorts/:id/attendance", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    const range = parseInput(AttendanceRangeQuerySchema, req.query, "query");
    res.json(await attendance.forCohort(context, id, range));
  });
  router.get("/cohorts/:id/attendance.csv", async (req, res) => {
    const context = actorContext(req);
    const id = idParam(req.params);
    const range = parseInput(AttendanceRangeQuerySchema, req.query, "query");
    const grid = await attendance.forCohort(context, id, range);
    const file = `attendance-${range.from}-to-${range.to}.csv`;
    res
      .type("text/csv; charset=utf-8")
      .setHeader("Content-Disposition", `attachment; filename="${file}"`)
      .setHeader("Cache-Control", "no-store")
      .send(attendanceCsv(grid));
  });
  return router;
}

/**
 * POST /api/livekit/webhook: LiveKit's signed notices of people joining and leaving rooms, the
 * source of attendance in LiveKit mode. The signature (a JWT over the body's SHA-256) is checked
 * with the SDK's WebhookReceiver; anything unsigned or altered is refused.
 */
export function livekitWebhookRoutes(deps: {
  media: MediaConfig;
  live: LiveRepository;
  clock: Clock;
  logger: Logger;
}): Router {
  const router = Router();
  const receiver =
    deps.media.kind === "livekit"
      ? new WebhookReceiver(deps.media.apiKey, deps.media.apiSecret)
      : null;
  router.post(
    "/livekit/webhook",
    express.text({ type: ["application/webhook+json", "application/json"], limit: "256kb" }),
    async (req, res) => {
      if (!receiver) throw notFound("endpoint");
      const body: unknown = req.body;
      if (typeof body !== "string" || body.length === 0) {
        throw new HttpError(400, "invalid_input", "The webhook body is missing.", {
          body: "Required.",
        });
      }
      let event;
      try {
        event = await receiver.receive(body, req.get("authorization"));
      } catch {
        throw new HttpError(401, "unauthenticated", "The webhook signature is not valid.");
      }
      const room = ROOM_NAME.exec(event.room?.name ?? "");
      const sessionId = room?.[1];
      const userId = event.participant?.identity;
      const at = event.createdAt ? new Date(Number(event.createdAt) * 1000) : deps.clock.now();
      if (sessionId) {
        if (event.event === "participant_joined" && userId)
          await deps.live.openSpan(sessionId, userId, at, "LIVEKIT");
        if (event.event === "participant_left" && userId)
          await deps.live.closeSpan(sessionId, userId, at, "LIVEKIT");
        if (event.event === "room_finished") await deps.live.closeAllSpans(sessionId, at);
      }
      deps.logger.info({ event: event.event, sessionId }, "livekit webhook");
      res.json({ ok: true });
    },
  );
  return router;
}
