import express, { Router } from "express";
import { AttendanceRangeQuerySchema, DomainError, IsoDateSchema } from "@bridgeway/domain";
import { WebhookReceiver } from "livekit-server-sdk";
import { z } from "zod";
import type { MediaConfig } from "../config";
import type { Clock } from "../clock";
import { badRequest, conflict, notFound, unauthenticated } from "../http/errors";
import { idParam } from "../http/params";
import { actorContext, requireAuth } from "../http/request-context";
import { parseInput } from "../http/validate";
import type { Logger } from "../logger";
import { attendanceCsv } from "./attendance-csv";
import type { AttendanceService } from "./attendance-service";
import type { LiveRepository } from "./live-repository";
import {
  WEBHOOK_MAX_AGE_SECONDS,
  WEBHOOK_MAX_SKEW_SECONDS,
  type WebhookReplayGuard,
} from "./webhook-replay";

const WeekQuerySchema = z.strictObject({ weekStart: IsoDateSchema.optional() });
const ROOM_NAME = /^session-([0-9a-f-]{36})$/;
/** Bridgeway mints LiveKit identities from user ids; anything else is someone it did not admit. */
const UserIdentitySchema = z.uuid();

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
 * with the SDK's WebhookReceiver; anything unsigned or altered is refused, and so is a signed one
 * sent again (an id already acted on) or too old to be a fresh notice.
 */
export function livekitWebhookRoutes(deps: {
  media: MediaConfig;
  live: LiveRepository;
  clock: Clock;
  logger: Logger;
  replays: WebhookReplayGuard;
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
        throw badRequest("The webhook body is missing.", { body: "Required." });
      }
      let event;
      try {
        event = await receiver.receive(body, req.get("authorization"));
      } catch {
        throw unauthenticated("The webhook signature is not valid.");
      }
      // The signature covers the body, but a captured request stays validly signed forever.
      const createdAt = Number(event.createdAt);
      const age = deps.clock.now().getTime() / 1000 - createdAt;
      if (
        !event.id ||
        !createdAt ||
        age > WEBHOOK_MAX_AGE_SECONDS ||
        age < -WEBHOOK_MAX_SKEW_SECONDS
      ) {
        throw new DomainError("unauthenticated", "The webhook is too old or has no id.", {
          fields: { createdAt: "Must be within the last five minutes." },
        });
      }
      if (
        !(await deps.replays.firstSighting(
          event.id,
          WEBHOOK_MAX_AGE_SECONDS + WEBHOOK_MAX_SKEW_SECONDS,
        ))
      ) {
        throw conflict("This webhook was already received.", { id: "Already received." });
      }
      const room = ROOM_NAME.exec(event.room?.name ?? "");
      const sessionId = room?.[1];
      const identity = UserIdentitySchema.safeParse(event.participant?.identity);
      const userId = identity.success ? identity.data : undefined;
      const at = new Date(createdAt * 1000);
      // Only people let into the session count: a LiveKit identity that is no attendee (a
      // recorder, a load-test publisher, a session that does not exist) records nothing.
      const attendee =
        sessionId && userId && event.event.startsWith("participant_")
          ? await deps.live.attendee(sessionId, userId)
          : null;
      if (sessionId) {
        if (event.event === "participant_joined" && userId && attendee)
          await deps.live.openSpan(sessionId, userId, at, "LIVEKIT");
        if (event.event === "participant_left" && userId && attendee)
          await deps.live.closeSpan(sessionId, userId, at, "LIVEKIT");
        if (event.event === "room_finished") await deps.live.closeAllSpans(sessionId, at);
      }
      deps.logger.info({ event: event.event, sessionId }, "livekit webhook");
      res.json({ ok: true });
    },
  );
  return router;
}
