import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { isoDateInZone } from "@bridgeway/domain";
import express, { type Express } from "express";
import type { Store } from "express-rate-limit";
import { pinoHttp } from "pino-http";
import { RedisStore } from "rate-limit-redis";
import { createClient } from "redis";
import { createAuditLog } from "./audit/audit-log";
import { auditRoutes } from "./audit/audit.routes";
import { authRoutes } from "./auth/auth.routes";
import { loginRateLimits } from "./auth/login-rate-limit";
import { createSessionRepository } from "./auth/session-repository";
import { createLocalRevocationBus, createRedisRevocationBus } from "./auth/session-revocations";
import { createSessionService, type SessionService } from "./auth/sessions";
import { createUserRepository } from "./auth/user-repository";
import { systemClock, type Clock } from "./clock";
import type { Config } from "./config";
import { openDatabase, type Database } from "./db/database";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "./db/migrate";
import { healthRoutes } from "./health/health.routes";
import { createHomeRepository } from "./home/home-repository";
import { createHomeService, homeRoutes } from "./home/home.routes";
import { errorHandler } from "./http/error-handler";
import { notFound } from "./http/errors";
import {
  csrfProtection,
  loadSession,
  noStore,
  requireJsonBody,
  securityHeaders,
} from "./http/security";
import { createLogger, type Logger } from "./logger";
import { createRealtime, type Realtime } from "./realtime/realtime";
import { calendarRoutes } from "./schedules/calendar.routes";
import { createCalendarFeeds } from "./schedules/calendar-feed";
import { createCohortService } from "./schedules/cohort-service";
import { cohortRoutes } from "./schedules/cohorts.routes";
import { createPeopleService } from "./schedules/people-service";
import { peopleRoutes } from "./schedules/people.routes";
import { createPlannedHours } from "./schedules/planned-hours";
import { createScheduleRepository } from "./schedules/schedule-repository";
import { createSessionDirectory } from "./schedules/session-directory";
import { createSessionService as createMeetingService } from "./schedules/session-service";
import { sessionRoutes } from "./schedules/sessions.routes";
import { seedDemoClinic } from "./seed/demo-clinic";
import { createAttendanceService } from "./live/attendance-service";
import { createLiveRepository } from "./live/live-repository";
import { createLiveService } from "./live/live-service";
import { registerLiveSockets } from "./live/live.socket";
import { attendanceRoutes, livekitWebhookRoutes } from "./live/live.routes";
import { createDirectMedia, createLivekitMedia } from "./live/media";
import { createAlertRepository } from "./alerts/alert-repository";
import { createFamilyRepository } from "./families/family-repository";
import { createFamilyService } from "./families/family-service";
import { familyRoutes } from "./families/families.routes";
import { createMailer } from "./mail/mailer";
import { createAlertService } from "./alerts/alert-service";
import { alertRoutes } from "./alerts/alerts.routes";
import { createChatAccess } from "./chat/chat-access";
import { createChatRepository } from "./chat/chat-repository";
import { createChatService } from "./chat/chat-service";
import { registerChatSockets } from "./chat/chat.socket";
import { createForumRepository } from "./forums/forum-repository";
import { createForumService } from "./forums/forum-service";
import { createAssessmentService } from "./clinical/assessment-service";
import { createClinicalAccess } from "./clinical/clinical-access";
import { clinicalRoutes } from "./clinical/clinical.routes";
import { createNoteService } from "./clinical/note-service";
import { createSafetyPlanService } from "./clinical/safety-plan-service";
import { createTreatmentPlanService } from "./clinical/treatment-plan-service";
import { forumRoutes } from "./forums/forums.routes";

const JSON_BODY_LIMIT = "64kb";
const SESSION_SWEEP_INTERVAL_MS = 10 * 60 * 1000;
/** Cohort meetings are generated ahead to the horizon; this keeps the horizon moving. */
const HORIZON_INTERVAL_MS = 6 * 60 * 60 * 1000;

export type RunningServer = {
  url: string;
  config: Config;
  app: Express;
  httpServer: HttpServer;
  db: Database;
  realtime: Realtime;
  sessions: SessionService;
  logger: Logger;
  close(): Promise<void>;
};

export type StartOptions = {
  clock?: Clock;
  logger?: Logger;
  /** Namespaces Redis keys and streams; tests give each server group its own. */
  redisKeyPrefix?: string;
  /** How long a dropped live connection may take to return (tests shorten it). */
  reconnectGraceMs?: number;
};

/** Keeps query strings (which can carry secrets) and long tokens out of request logs. */
export function loggableUrl(url: string | undefined): string {
  const path = (url ?? "").split("?")[0] ?? "";
  return path
    .split("/")
    .map((segment) => (/^[A-Za-z0-9_-]{40,}(\.\w+)?$/.test(segment) ? ":secret" : segment))
    .join("/");
}

/**
 * Opens the database, applies migrations, seeds the demo clinic when configured, and starts
 * HTTP and realtime on one port. Everything the process holds is released by `close()`.
 */
export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const redisKeyPrefix = options.redisKeyPrefix ?? "bw:";

  const db = await openDatabase(config.database);
  const cleanups: (() => Promise<void>)[] = [() => db.close()];
  try {
    const { applied, unknown } = await applyMigrations(db.sql, readMigrations(MIGRATIONS_DIR));
    if (applied.length > 0) logger.info({ applied }, "database migrations applied");
    if (unknown.length > 0)
      logger.warn({ unknown }, "database has migrations newer than this build");
    const audit = createAuditLog(db.prisma);
    const scheduleRepo = createScheduleRepository(db.prisma);
    const familyRepo = createFamilyRepository(db.prisma);
    const directory = createSessionDirectory(scheduleRepo, familyRepo);
    const plannedHours = createPlannedHours({ repo: scheduleRepo, directory });
    const cohorts = createCohortService({
      repo: scheduleRepo,
      directory,
      audit,
      clock,
      plannedHours,
    });
    if (config.demo.seed) {
      const seeded = await seedDemoClinic(db.prisma, {
        password: config.demo.password,
        now: clock.now(),
      });
      if (seeded) {
        // The demo cohort started weeks ago: store its meetings from its first day.
        for (const cohort of await scheduleRepo.cohorts({ endsOnOrAfter: "1970-01-01" })) {
          await cohorts.ensureMeetings(cohort, db.prisma);
        }
        logger.info("demo clinic seeded (sign-ins are listed in the README)");
      }
    }
    await cohorts.extendHorizon();

    let rateLimitStore: (name: string) => Store | undefined = () => undefined;
    if (config.redisUrl) {
      const redis = createClient({ url: config.redisUrl });
      redis.on("error", (error: Error) =>
        logger.warn({ err: error.name }, "redis connection error"),
      );
      await redis.connect();
      cleanups.push(async () => {
        if (redis.isOpen) await redis.quit();
      });
      rateLimitStore = (name) =>
        new RedisStore({
          prefix: `${redisKeyPrefix}rl:${name}:`,
          sendCommand: (...args: string[]) => redis.sendCommand(args),
        });
    }

    const revocations = config.redisUrl
      ? await createRedisRevocationBus({
          redisUrl: config.redisUrl,
          channel: `${redisKeyPrefix}session-revocations`,
          logger,
        })
      : createLocalRevocationBus();
    cleanups.push(() => revocations.close());
    const sessions = createSessionService({
      sessions: createSessionRepository(db.prisma, db.sql),
      clock,
      cookies: { secure: config.secureCookies },
      revocations,
    });
    const users = createUserRepository(db.prisma);

    const app = express();
    const httpServer = createServer(app);
    const realtime = await createRealtime({
      httpServer,
      sessions,
      redisUrl: config.redisUrl,
      redisKeyPrefix,
      publicOrigin: config.publicOrigin,
      logger,
    });
    cleanups.unshift(() => realtime.close());

    const liveRepo = createLiveRepository(db.prisma);
    const now = () => clock.now();
    const media =
      config.media.kind === "livekit"
        ? createLivekitMedia(config.media, now)
        : createDirectMedia(config.iceServers, now);
    const liveService = createLiveService({
      io: realtime.io,
      live: liveRepo,
      schedules: scheduleRepo,
      directory,
      media,
      audit,
      clock,
      logger,
      ...(options.reconnectGraceMs ? { reconnectGraceMs: options.reconnectGraceMs } : {}),
      families: familyRepo,
    });
    registerLiveSockets(realtime, liveService, logger);
    const alertService = createAlertService({
      alerts: createAlertRepository(db.prisma),
      schedules: scheduleRepo,
      io: realtime.io,
      audit,
      clock,
      logger,
    });
    const chatService = createChatService({
      io: realtime.io,
      chat: createChatRepository(db.prisma, db.sql),
      access: createChatAccess({ schedules: scheduleRepo, live: liveRepo }),
      schedules: scheduleRepo,
      alerts: alertService,
      audit,
      clock,
      logger,
    });
    registerChatSockets(realtime, chatService, logger);
    cleanups.unshift(() => {
      liveService.stop();
      return Promise.resolve();
    });

    app.disable("x-powered-by");
    // API answers are never cached (no-store), so entity tags would be work for nothing.
    app.set("etag", false);
    app.set("trust proxy", config.trustProxy);
    app.use(
      pinoHttp({
        logger,
        genReqId: (_req, res) => {
          const id = randomUUID();
          res.setHeader("X-Request-Id", id);
          return id;
        },
        serializers: {
          req: (req: { id: unknown; method: string; url: string }) => ({
            id: req.id,
            method: req.method,
            url: loggableUrl(req.url),
          }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
        autoLogging: { ignore: (req) => req.url === "/api/health" },
      }),
    );
    app.use(
      ...securityHeaders({
        secure: config.secureCookies,
        mediaOrigins: config.media.kind === "livekit" ? [config.media.url] : [],
      }),
    );

    const api = express.Router();
    api.use(noStore);
    api.use(
      "/health",
      healthRoutes({
        db,
        logger,
        info: { db: db.kind, realtime: realtime.kind, media: config.media.kind },
      }),
    );
    // Signed by LiveKit, not a browser: its own body type and no session cookie.
    api.use(livekitWebhookRoutes({ media: config.media, live: liveRepo, clock, logger }));
    api.use(requireJsonBody);
    api.use(express.json({ limit: JSON_BODY_LIMIT, strict: true }));
    api.use(loadSession(sessions));
    api.use(csrfProtection({ publicOrigin: config.publicOrigin }));
    api.use(
      "/auth",
      authRoutes({
        users,
        sessions,
        audit,
        realtime,
        loginLimits: loginRateLimits(rateLimitStore),
      }),
    );
    api.use(
      "/home",
      homeRoutes(createHomeService({ homes: createHomeRepository(db.prisma), audit, clock })),
    );
    api.use("/audit-events", auditRoutes(audit));
    const sessionService = createMeetingService({
      repo: scheduleRepo,
      directory,
      audit,
      plannedHours,
      families: familyRepo,
    });
    api.use(cohortRoutes(cohorts));
    api.use(
      peopleRoutes(createPeopleService({ repo: scheduleRepo, audit }), sessionService, (zone) =>
        isoDateInZone(clock.now(), zone),
      ),
    );
    api.use(
      attendanceRoutes(
        createAttendanceService({
          live: liveRepo,
          schedules: scheduleRepo,
          directory,
          audit,
          clock,
        }),
        (zone) => isoDateInZone(clock.now(), zone),
      ),
    );
    api.use("/sessions", sessionRoutes(sessionService));
    api.use("/alerts", alertRoutes(alertService));
    api.use(
      "/families",
      familyRoutes({
        families: createFamilyService({
          families: familyRepo,
          schedules: scheduleRepo,
          mailer: createMailer(config.mail, logger),
          audit,
          clock,
          onConsentWithdrawn: (familyUserId) => liveService.enforceAccess(familyUserId),
        }),
        sessions,
        publicOrigin: config.publicOrigin,
      }),
    );
    api.use(
      "/forums",
      forumRoutes(
        createForumService({
          forums: createForumRepository(db.prisma),
          schedules: scheduleRepo,
          alerts: alertService,
          audit,
          clock,
          logger,
          families: familyRepo,
        }),
      ),
    );
    api.use(
      calendarRoutes(
        createCalendarFeeds({ repo: scheduleRepo, directory, audit, clock }),
        config.publicOrigin,
      ),
    );
    const clinicalAccess = createClinicalAccess({
      prisma: db.prisma,
      schedules: scheduleRepo,
      audit,
    });
    api.use(
      clinicalRoutes({
        assessments: createAssessmentService({
          prisma: db.prisma,
          schedules: scheduleRepo,
          access: clinicalAccess,
          alerts: alertService,
          audit,
          clock,
          logger,
        }),
        safetyPlans: createSafetyPlanService({
          prisma: db.prisma,
          schedules: scheduleRepo,
          access: clinicalAccess,
          audit,
        }),
        notes: createNoteService({
          prisma: db.prisma,
          schedules: scheduleRepo,
          directory,
          audit,
          clock,
        }),
        treatmentPlans: createTreatmentPlanService({
          prisma: db.prisma,
          schedules: scheduleRepo,
          access: clinicalAccess,
          audit,
          clock,
        }),
      }),
    );
    api.use(() => {
      throw notFound("endpoint");
    });
    app.use("/api", api);
    serveWebApp(app, config.webDistDir);
    app.use(errorHandler(logger));

    const sweeper = setInterval(() => {
      sessions.sweep().catch((error: unknown) => {
        logger.warn(
          { err: error instanceof Error ? error.name : typeof error },
          "session sweep failed",
        );
      });
    }, SESSION_SWEEP_INTERVAL_MS);
    sweeper.unref();
    const horizon = setInterval(() => {
      cohorts.extendHorizon().catch((error: unknown) => {
        logger.warn(
          { err: error instanceof Error ? error.name : typeof error },
          "extending the schedule failed",
        );
      });
    }, HORIZON_INTERVAL_MS);
    horizon.unref();

    await new Promise<void>((resolve, reject) => {
      httpServer.once("error", reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const address = httpServer.address() as AddressInfo;
    const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${address.port}`,
      config,
      app,
      httpServer,
      db,
      realtime,
      sessions,
      logger,
      close() {
        closing ??= (async () => {
          clearInterval(sweeper);
          clearInterval(horizon);
          httpServer.closeAllConnections();
          // realtime.close() closes the HTTP server as well.
          for (const cleanup of cleanups) await cleanup();
        })();
        return closing;
      },
    };
  } catch (error) {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    throw error;
  }
}

/** The built single-page app on the same origin; its routes all fall back to index.html. */
function serveWebApp(app: Express, distDir: string): void {
  const index = join(distDir, "index.html");
  app.use(
    "/assets",
    express.static(join(distDir, "assets"), {
      immutable: true,
      maxAge: "365d",
      fallthrough: false,
    }),
  );
  app.use(express.static(distDir, { index: false, maxAge: 0 }));
  app.get(/^\/(?!api\/|socket\.io\/).*/, (req, res, next) => {
    if (!req.accepts("html")) return next();
    if (!existsSync(index)) {
      res
        .status(503)
        .type("text/plain")
        .send("The web app has not been built yet. Run `npm start` from the project folder.");
      return;
    }
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(index);
  });
}
