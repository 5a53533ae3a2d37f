import { randomBytes, randomUUID } from "node:crypto";
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
import { createAuditRepository } from "./audit/audit-repository";
import { createAuditReportRepository } from "./audit/audit-report-repository";
import { createAuditReportService } from "./audit/audit-report-service";
import { auditRoutes } from "./audit/audit.routes";
import { createAccountRepository } from "./auth/account-repository";
import { createAccountService } from "./auth/account-service";
import { accountRoutes } from "./auth/accounts.routes";
import { authRoutes } from "./auth/auth.routes";
import { createLoginThrottle, sharedDeviceSecret } from "./auth/login-rate-limit";
import { createMfaRepository } from "./auth/mfa-repository";
import { createSecretBox } from "./auth/mfa-secret-box";
import { createMfaService } from "./auth/mfa-service";
import { mfaRoutes, requireReauthentication } from "./auth/mfa.routes";
import { createSignInRepository } from "./auth/sign-in-repository";
import { createLocalRevocationBus, createRedisRevocationBus } from "./auth/sign-in-revocations";
import { createSignInService, type SignInService } from "./auth/sign-ins";
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
import { rejectUnstorableText } from "./http/text-input";
import {
  csrfProtection,
  loadSignIn,
  noStore,
  requireJsonBody,
  securityHeaders,
} from "./http/security";
import { createLogger, type Logger } from "./logger";
import { createRealtime, type Realtime } from "./realtime/realtime";
import {
  closeRedis,
  createRedisHealth,
  failFastRedisOptions,
  storeWithFallback,
} from "./realtime/redis-resilience";
import { createAccessControl, type AccessControl } from "./realtime/access-control";
import { calendarRoutes } from "./calendar/calendar.routes";
import { createCalendarFeeds } from "./calendar/calendar-feed";
import { createCalendarRepository } from "./calendar/calendar-repository";
import { createCohortRepository } from "./cohorts/cohort-repository";
import { createCohortService } from "./cohorts/cohort-service";
import { cohortRoutes } from "./cohorts/cohorts.routes";
import { createPlannedHours } from "./cohorts/planned-hours";
import { createPeopleRepository } from "./people/people-repository";
import { createPeopleService } from "./people/people-service";
import { peopleRoutes } from "./people/people.routes";
import { createOccurrenceRepository } from "./sessions/occurrence-repository";
import { createSessionDirectory } from "./sessions/session-directory";
import { createSessionService as createMeetingService } from "./sessions/session-service";
import { sessionRoutes } from "./sessions/sessions.routes";
import { demoClinicWithoutMfa, seedDemoClinic } from "./seed/demo-clinic";
import { createAttendanceService } from "./live/attendance-service";
import { createLiveRepository } from "./live/live-repository";
import { createLiveService } from "./live/live-service";
import { registerLiveSockets } from "./live/live.socket";
import { attendanceRoutes, livekitWebhookRoutes } from "./live/live.routes";
import { createMemoryReplayGuard, createRedisReplayGuard } from "./live/webhook-replay";
import { createDirectMedia, createLivekitMedia } from "./live/media";
import { createAlertRepository } from "./alerts/alert-repository";
import { createFamilyRepository } from "./families/family-repository";
import { createFamilyService } from "./families/family-service";
import { familyRoutes } from "./families/families.routes";
import { createMailer } from "./mail/mailer";
import { createFollowUpRepository } from "./follow-ups/follow-up-repository";
import { createFollowUpService } from "./follow-ups/follow-up-service";
import { followUpRoutes } from "./follow-ups/follow-ups.routes";
import { createMentionNotifier } from "./push/chat-mentions";
import { createPushRepository } from "./push/push-repository";
import { createPushService, type PushNotify } from "./push/push-service";
import { createSessionStartPushes } from "./push/session-start-pushes";
import { pushRoutes } from "./push/push.routes";
import { resolveVapidKeys } from "./push/vapid-keys";
import { createJobRunner, type JobRunner } from "./reminders/job-runner";
import { createReminderRepository } from "./reminders/reminder-repository";
import { createReminderService } from "./reminders/reminder-service";
import { checkInRoutes, reminderRoutes } from "./reminders/reminders.routes";
import { createSmsSender } from "./reminders/sms";
import { createAlertService } from "./alerts/alert-service";
import { alertRoutes } from "./alerts/alerts.routes";
import { createChatAccess } from "./chat/chat-access";
import { createChatRepository } from "./chat/chat-repository";
import { createChatService } from "./chat/chat-service";
import { createChatRateLimiter } from "./chat/chat-rate-limit";
import { registerChatSockets } from "./chat/chat.socket";
import { createForumRepository } from "./forums/forum-repository";
import { createForumService } from "./forums/forum-service";
import { createAssessmentRepository } from "./clinical/assessment-repository";
import { createAssessmentService } from "./clinical/assessment-service";
import { createClinicalAccess } from "./clinical/clinical-access";
import { clinicalRoutes } from "./clinical/clinical.routes";
import { createNoteRepository } from "./clinical/note-repository";
import { createNoteService } from "./clinical/note-service";
import { createSafetyPlanRepository } from "./clinical/safety-plan-repository";
import { createSafetyPlanService } from "./clinical/safety-plan-service";
import { createTreatmentPlanRepository } from "./clinical/treatment-plan-repository";
import { createTreatmentPlanService } from "./clinical/treatment-plan-service";
import { forumRoutes } from "./forums/forums.routes";
import { registerForumSockets } from "./forums/forums.socket";

const JSON_BODY_LIMIT = "64kb";
const SIGN_IN_SWEEP_INTERVAL_MS = 10 * 60 * 1000;
/**
 * The API takes small JSON bodies and answers in well under a second, so a request whose
 * headers take over 10 s, or whose whole request over 30 s, is a slow or hostile client. Socket.io
 * long-polling holds responses (not requests) open, and upgraded WebSockets are not requests, so
 * neither is cut. Idle keep-alive connections close after 65 s, longer than the 60 s of common
 * load balancers so that the balancer, not the server, closes them. Timeouts are checked every
 * second rather than Node's 30.
 */
export const HTTP_TIMEOUTS = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 65_000,
  connectionsCheckingInterval: 1_000,
} as const;
/** Cohort meetings are generated ahead to the horizon; this keeps the horizon moving. */
const HORIZON_INTERVAL_MS = 6 * 60 * 60 * 1000;

export type RunningServer = {
  url: string;
  config: Config;
  app: Express;
  httpServer: HttpServer;
  db: Database;
  realtime: Realtime;
  signIns: SignInService;
  /** Makes open sockets follow changes of access (deactivation, role change: `revokeUser`). */
  access: AccessControl;
  logger: Logger;
  /** Reminders and no-show reviews; tests run them at a moment of their own clock. */
  jobs: JobRunner;
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
    const audit = createAuditLog(createAuditRepository(db.prisma));
    const pushRepo = createPushRepository(db.prisma);
    const push = createPushService({
      repo: pushRepo,
      keys: resolveVapidKeys(config.push),
      subject: config.push.subject,
      audit,
      logger,
      anyEndpoint: config.env === "test",
    });
    // Other services tell people's devices without waiting for the push services to answer.
    const notify: PushNotify = (userIds, kind, url) => void push.notify(userIds, kind, url);
    const peopleRepo = createPeopleRepository(db.prisma);
    const cohortRepo = createCohortRepository(db.prisma);
    const occurrenceRepo = createOccurrenceRepository(db.prisma);
    const familyRepo = createFamilyRepository(db.prisma);
    const directory = createSessionDirectory({ cohortRepo, occurrenceRepo }, familyRepo);
    const plannedHours = createPlannedHours({ peopleRepo, directory });
    // Access control needs the live service, which is built later: bound once it exists.
    let staffRemoved: (userIds: readonly string[]) => Promise<void> = () => Promise.resolve();
    const cohorts = createCohortService({
      peopleRepo,
      cohortRepo,
      occurrenceRepo,
      directory,
      audit,
      clock,
      plannedHours,
      onStaffRemoved: (userIds) => staffRemoved(userIds),
    });
    if (config.demo.seed) {
      const seeded = await seedDemoClinic(db.prisma, {
        password: config.demo.password,
        now: clock.now(),
      });
      if (seeded) {
        // The demo cohort started weeks ago: store its meetings from its first day.
        for (const cohort of await cohortRepo.cohorts({ endsOnOrAfter: "1970-01-01" })) {
          await cohorts.ensureMeetings(cohort, db.prisma);
        }
        logger.info("demo clinic seeded (sign-ins are listed in the README)");
      }
    }
    await cohorts.extendHorizon();

    const redisHealth = createRedisHealth(logger);
    let rateLimitStore: (name: string) => Store | undefined = () => undefined;
    // Signs sign-in device cookies; one process may keep its own, several share one in Redis.
    let deviceSecret = randomBytes(32);
    let webhookReplays = createMemoryReplayGuard(() => clock.now());
    if (config.redisUrl) {
      // Fails fast while Redis is down instead of holding sign-ins until it returns.
      const redis = createClient(failFastRedisOptions(config.redisUrl));
      // Logged once per outage, with what failed, by redisHealth.
      redis.on("error", () => undefined);
      redisHealth.track(redis, "rate limits");
      await redis.connect();
      cleanups.push(() => closeRedis(redis));
      rateLimitStore = (name) =>
        storeWithFallback(
          new RedisStore({
            prefix: `${redisKeyPrefix}rl:${name}:`,
            sendCommand: (...args: string[]) => redis.sendCommand(args),
          }),
          () => redis.isReady,
          logger,
        );
      deviceSecret = await sharedDeviceSecret(redis, `${redisKeyPrefix}login-device-secret`);
      webhookReplays = createRedisReplayGuard(redis, `${redisKeyPrefix}livekit-webhook:`);
    }

    const revocations = config.redisUrl
      ? await createRedisRevocationBus({
          redisUrl: config.redisUrl,
          channel: `${redisKeyPrefix}session-revocations`,
          logger,
          now: () => clock.now(),
        })
      : createLocalRevocationBus(() => clock.now());
    cleanups.push(() => revocations.close());
    const signIns = createSignInService({
      signIns: createSignInRepository(db.prisma, db.sql),
      clock,
      cookies: { secure: config.secureCookies },
      revocations,
    });
    const users = createUserRepository(db.prisma);
    const mfa = createMfaService({
      repo: createMfaRepository(db.prisma),
      secrets: createSecretBox(config.mfaEncryptionKey),
      signIns,
      audit,
      clock,
    });
    const demoWithoutMfa = await demoClinicWithoutMfa(db.prisma);

    const app = express();
    const httpServer = createServer(HTTP_TIMEOUTS, app);
    // A client that sends its headers or body slowly is dropped in seconds, not Node's minutes.
    httpServer.keepAliveTimeout = HTTP_TIMEOUTS.keepAliveTimeout;
    const realtime = await createRealtime({
      httpServer,
      signIns,
      revocations,
      clock,
      redisUrl: config.redisUrl,
      redisKeyPrefix,
      publicOrigin: config.publicOrigin,
      logger,
      redisHealth,
    });
    cleanups.unshift(() => realtime.close());

    // Links in emails use the configured public origin, never a request's Host header; with
    // none configured, the address this server listens on (known once it listens).
    let listeningOrigin = `http://localhost:${config.port}`;
    const mailer = createMailer(config.mail, logger);
    // Ending sign-ins also closes their sockets through the revocation bus; closing them here
    // as well, on every process, keeps that true whatever the bus does.
    const endSockets = (room: string): Promise<void> => {
      realtime.io.in(room).disconnectSockets(true);
      return Promise.resolve();
    };
    const accounts = createAccountService({
      accounts: createAccountRepository(db.prisma),
      signIns,
      mailer,
      audit,
      clock,
      origin: () => config.publicOrigin ?? listeningOrigin,
      endSignInSockets: (signInId) => endSockets(`session:${signInId}`),
      endUserSockets: (userId) => endSockets(`user:${userId}`),
    });
    const accountRouters = accountRoutes({
      accounts,
      signIns,
      rateLimitStore,
      mfaStage: (userId) => mfa.signInStage(userId),
    });

    const liveRepo = createLiveRepository(db.prisma);
    const now = () => clock.now();
    const media =
      config.media.kind === "livekit"
        ? createLivekitMedia(config.media, now)
        : createDirectMedia(config.iceServers, now, config.turn);
    const liveService = createLiveService({
      io: realtime.io,
      live: liveRepo,
      peopleRepo,
      cohortRepo,
      occurrenceRepo,
      directory,
      media,
      audit,
      clock,
      logger,
      ...(options.reconnectGraceMs ? { reconnectGraceMs: options.reconnectGraceMs } : {}),
      families: familyRepo,
      notify,
    });
    registerLiveSockets(realtime, liveService, logger);
    const access = createAccessControl({
      realtime,
      signIns,
      enforceLive: (userId) => liveService.enforceAccess(userId),
      logger,
    });
    /** The change is already stored: a failure here is logged, not shown as a failed request. */
    const accessChanged =
      (reason: Parameters<AccessControl["changed"]>[1]) =>
      (userId: string): Promise<void> =>
        access.changed(userId, reason).catch((error: unknown) => {
          logger.error(
            { err: error instanceof Error ? error.name : typeof error, reason },
            "realtime access change failed",
          );
        });
    staffRemoved = async (userIds) => {
      await Promise.all(userIds.map(accessChanged("care_team_changed")));
    };
    const alertService = createAlertService({
      alerts: createAlertRepository(db.prisma),
      peopleRepo,
      io: realtime.io,
      audit,
      clock,
      logger,
      notify,
    });
    const chatAccess = createChatAccess({
      peopleRepo,
      cohortRepo,
      occurrenceRepo,
      live: liveRepo,
    });
    const chatService = createChatService({
      io: realtime.io,
      chat: createChatRepository(db.prisma, db.sql),
      access: chatAccess,
      accessNewsSince: () => realtime.accessNewsSince(),
      mentions: createMentionNotifier({
        peopleRepo,
        cohortRepo,
        access: chatAccess,
        notify,
      }),
      peopleRepo,
      alerts: alertService,
      audit,
      clock,
      logger,
    });
    registerChatSockets(realtime, chatService, createChatRateLimiter(clock, config.chatRateLimits));
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
        redis: () => redisHealth.status(),
      }),
    );
    // Signed by LiveKit, not a browser: its own body type and no sign-in cookie.
    api.use(
      livekitWebhookRoutes({
        media: config.media,
        live: liveRepo,
        clock,
        logger,
        replays: webhookReplays,
      }),
    );
    api.use(requireJsonBody);
    api.use(express.json({ limit: JSON_BODY_LIMIT, strict: true }));
    api.use(rejectUnstorableText);
    api.use(loadSignIn(signIns));
    api.use(csrfProtection({ publicOrigin: config.publicOrigin }));
    // Sensitive actions need a password or code confirmed on this sign-in in the last 5 minutes.
    const stepUp = requireReauthentication(mfa);
    api.post("/sessions/:id/note/sign", stepUp);
    api.put("/families/:id/consent", stepUp);
    api.get("/cohorts/:id/attendance.csv", stepUp);
    api.get("/audit-events/report.csv", stepUp);
    api.post("/accounts/:id/deactivate", stepUp);
    api.use(
      "/auth",
      authRoutes({
        users,
        signIns,
        audit,
        loginThrottle: createLoginThrottle({
          makeStore: rateLimitStore,
          deviceSecret,
          cookies: { secure: config.secureCookies },
        }),
        mfaStage: (userId) => mfa.signInStage(userId),
      }),
    );
    api.use(
      "/auth",
      mfaRoutes({
        mfa,
        signIns,
        audit,
        demoClinicWithoutMfa: () => demoWithoutMfa,
        rateLimitStore,
      }),
    );
    api.use("/auth", accountRouters.auth);
    api.use(accountRouters.admin);
    api.use(
      "/home",
      homeRoutes(createHomeService({ homes: createHomeRepository(db.prisma), audit, clock })),
    );
    api.use(
      "/audit-events",
      auditRoutes(
        audit,
        createAuditReportService({ reports: createAuditReportRepository(db.prisma), audit }),
      ),
    );
    const sessionService = createMeetingService({
      peopleRepo,
      cohortRepo,
      occurrenceRepo,
      directory,
      audit,
      plannedHours,
      families: familyRepo,
    });
    api.use(cohortRoutes(cohorts));
    api.use(
      peopleRoutes(
        createPeopleService({
          repo: peopleRepo,
          audit,
          invite: (userId) => accounts.inviteNewAccount(userId),
        }),
        sessionService,
        (zone) => isoDateInZone(clock.now(), zone),
      ),
    );
    api.use(
      attendanceRoutes(
        createAttendanceService({
          live: liveRepo,
          peopleRepo,
          cohortRepo,
          occurrenceRepo,
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
          peopleRepo,
          mailer,
          audit,
          clock,
          onConsentWithdrawn: accessChanged("consent_withdrawn"),
        }),
        signIns,
        origin: () => config.publicOrigin ?? listeningOrigin,
      }),
    );
    const forumService = createForumService({
      forums: createForumRepository(db.prisma),
      peopleRepo,
      cohortRepo,
      alerts: alertService,
      audit,
      clock,
      logger,
      families: familyRepo,
      io: realtime.io,
    });
    registerForumSockets(realtime, forumService);
    api.use("/forums", forumRoutes(forumService));
    api.use(
      calendarRoutes(
        createCalendarFeeds({ repo: createCalendarRepository(db.prisma), directory, audit, clock }),
        () => config.publicOrigin ?? listeningOrigin,
      ),
    );
    const clinicalAccess = createClinicalAccess({
      peopleRepo,
      audit,
      clock,
    });
    api.use(
      clinicalRoutes({
        assessments: createAssessmentService({
          assessments: createAssessmentRepository(db.prisma),
          cohortRepo,
          access: clinicalAccess,
          alerts: alertService,
          audit,
          clock,
          logger,
        }),
        safetyPlans: createSafetyPlanService({
          plans: createSafetyPlanRepository(db.prisma),
          peopleRepo,
          access: clinicalAccess,
          audit,
        }),
        notes: createNoteService({
          notes: createNoteRepository(db.prisma),
          peopleRepo,
          occurrenceRepo,
          directory,
          audit,
          clock,
        }),
        treatmentPlans: createTreatmentPlanService({
          plans: createTreatmentPlanRepository(db.prisma),
          peopleRepo,
          cohortRepo,
          access: clinicalAccess,
          audit,
          clock,
          onEnrollmentEnded: accessChanged("discharged"),
        }),
      }),
    );
    const reminders = createReminderService({
      repo: createReminderRepository(db.prisma),
      peopleRepo,
      occurrenceRepo,
      directory,
      mailer,
      sms: createSmsSender(config.sms, logger),
      audit,
      clock,
      logger,
      origin: () => config.publicOrigin ?? listeningOrigin,
    });
    api.use("/reminder-preferences", reminderRoutes(reminders));
    api.use("/push", pushRoutes(push));
    api.use(checkInRoutes(reminders));
    const followUps = createFollowUpService({
      repo: createFollowUpRepository(db.prisma),
      peopleRepo,
      cohortRepo,
      occurrenceRepo,
      directory,
      attendance: createAttendanceService({
        live: liveRepo,
        peopleRepo,
        cohortRepo,
        occurrenceRepo,
        directory,
        audit,
        clock,
      }),
      audit,
      clock,
      logger,
    });
    api.use(followUpRoutes(followUps));
    const sessionStarts = createSessionStartPushes({
      occurrenceRepo,
      directory,
      repo: pushRepo,
      clock,
      notify,
    });
    const jobs = createJobRunner({
      steps: [
        { name: "reminders", run: () => reminders.sweep() },
        { name: "session-start pushes", run: () => sessionStarts.sweep() },
        { name: "no-show review", run: () => followUps.review() },
      ],
      intervalMs: config.jobIntervalMs,
      logger,
    });
    api.use(() => {
      throw notFound("endpoint");
    });
    app.use("/api", api);
    serveWebApp(app, config.webDistDir);
    app.use(errorHandler(logger));

    const sweeper = setInterval(() => {
      signIns.sweep().catch((error: unknown) => {
        logger.warn(
          { err: error instanceof Error ? error.name : typeof error },
          "session sweep failed",
        );
      });
    }, SIGN_IN_SWEEP_INTERVAL_MS);
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
    jobs.start();

    await new Promise<void>((resolve, reject) => {
      httpServer.once("error", reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const address = httpServer.address() as AddressInfo;
    const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
    listeningOrigin = `http://${/^(0\.0\.0\.0|::)$/.test(address.address) ? "localhost" : host}:${address.port}`;

    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${address.port}`,
      config,
      app,
      httpServer,
      db,
      realtime,
      signIns,
      access,
      logger,
      jobs,
      close() {
        closing ??= (async () => {
          clearInterval(sweeper);
          clearInterval(horizon);
          await jobs.stop();
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
