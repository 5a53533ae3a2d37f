import type { Server as HttpServer, IncomingMessage } from "node:http";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import {
  SIGN_IN_END_CODES,
  SIGN_IN_IDLE_TIMEOUT_MS,
  SIGN_IN_TOUCH_INTERVAL_MS,
  type Actor,
  type ClientToServerEvents,
  type InterServerEvents,
  type LiveError,
  type RealtimeErrorCode,
  type ServerToClientEvents,
  type SignInEndReason,
  type SocketData,
} from "@bridgeway/domain";
import { createClient } from "redis";
import { Server, type Socket } from "socket.io";
import { SIGN_IN_CACHE_TTL_MS } from "../auth/sign-in-cache";
import type { RevocationBus } from "../auth/sign-in-revocations";
import type { SignInService } from "../auth/sign-ins";
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import { boundedRecoveryAdapter, RECOVERY_MAX_EVENTS } from "./bounded-recovery-adapter";
import { createEventRoutes, type EventHandler } from "./event-handler";
import {
  adapterRedisOptions,
  closeRedis,
  resilientAdapter,
  type RedisHealth,
} from "./redis-resilience";

export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

export type RealtimeSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/**
 * Re-checks what one socket of this process may still be in, takes it out of what it may not,
 * and forgets any authorisation it cached. Features (chat, live) register one each.
 */
export type AccessCheck = (socket: RealtimeSocket) => Promise<void>;

export type Realtime = {
  kind: "memory" | "redis";
  io: RealtimeServer;
  /**
   * Handles a client event from every socket (see `createEventRoutes`): registered once, run
   * after the socket's sign-in is checked.
   */
  on: EventHandler;
  /** Runs as every socket connects (and again when one recovers). */
  onConnection(handler: (socket: RealtimeSocket) => void): void;
  /** Adds a check run on a person's sockets whenever their access changes, and on recovery. */
  onAccessCheck(check: AccessCheck): void;
  /**
   * Someone's access changed: every server process re-checks that person's sockets at once and
   * takes them out of the rooms they may no longer be in. Resolves when this process is done.
   */
  recheckAccess(userId: string): Promise<void>;
  /**
   * Since when this process has heard every access change (`recheckAccess` on any process): its
   * start, or when Redis last came back. Undefined while Redis is down, when news may be lost.
   */
  accessNewsSince(): Date | undefined;
  close(): Promise<void>;
};

/** How long a dropped client may be away and still resume with what it missed. */
export const RECOVERY_WINDOW_MS = 2 * 60 * 1000;

/**
 * A socket's expiry timer re-reads its sign-in at least this often, so a clock change or a
 * missed revocation can never keep a socket open for long past its sign-in.
 */
const EXPIRY_CHECK_MAX_MS = 5 * 60 * 1000;
/** A timer that fires while the sign-in is still active waits at least this long to look again. */
const EXPIRY_CHECK_MIN_MS = 250;

/**
 * At most how long a socket's events go on without re-reading its sign-in, while this process
 * has heard every revocation since the last read: a revocation closes the socket itself, and the
 * expiry timer re-reads the sign-in when it would end. Without that news, only the sign-in
 * cache's few seconds. One read a minute also records the socket's activity
 * (SIGN_IN_TOUCH_INTERVAL_MS).
 */
export const SOCKET_SIGN_IN_TRUST_MS = SIGN_IN_TOUCH_INTERVAL_MS;

/** What this process remembers about a socket's sign-in; never sent anywhere. */
type Guard = {
  token: string;
  /** When the sign-in was last read and found active. */
  checkedAt: number;
  /** How long that read holds while revocations are heard (see `trustFor`). */
  trustMs: number;
  /** When the sign-in ends unless there is activity, as of the last check. */
  ends: { idle: Date; absolute: Date };
  timer: NodeJS.Timeout | undefined;
  /** Events run one after another, in the order they arrived, each after its sign-in check. */
  queue: Promise<void>;
  /** Acknowledgements of events still waiting for that check; refused if the socket is closed. */
  pending: Set<(reply: unknown) => void>;
  ended: boolean;
};

const SIGN_IN_ENDED: LiveError = {
  code: "session_expired",
  message: "Your session ended. Sign in again.",
};

class RealtimeAuthError extends Error {
  readonly data: { code: RealtimeErrorCode };
  constructor(code: RealtimeErrorCode, message: string) {
    super(message);
    this.data = { code };
  }
}

function originAllowed(req: IncomingMessage, publicOrigin: string | undefined): boolean {
  const origin = req.headers.origin;
  // Non-browser clients send no Origin; they still need a valid sign-in cookie.
  if (!origin) return true;
  if (publicOrigin) return origin === publicOrigin;
  const host = req.headers.host;
  return origin === `http://${host}` || origin === `https://${host}`;
}

export async function createRealtime(deps: {
  httpServer: HttpServer;
  signIns: SignInService;
  revocations: RevocationBus;
  clock: Clock;
  redisUrl: string | undefined;
  /** Namespaces this deployment's Redis keys and stream. */
  redisKeyPrefix: string;
  publicOrigin: string | undefined;
  logger: Logger;
  /** Follows whether Redis is up, for the health check and the log. */
  redisHealth?: RedisHealth;
}): Promise<Realtime> {
  const { signIns, logger, clock } = deps;
  let redis: ReturnType<typeof createClient> | undefined;
  if (deps.redisUrl) {
    redis = createClient(adapterRedisOptions(deps.redisUrl));
    // Logged once per outage, with what failed, by redisHealth.
    redis.on("error", () => undefined);
    deps.redisHealth?.track(redis, "socket.io adapter");
    await redis.connect();
  }
  const adapterClient = redis;
  /** When the adapter lost Redis: events published since then reached no other process. */
  let interruptedSince: Date | undefined;
  /** Since when no news from other processes can have been missed (see `accessNewsSince`). */
  let heardAllSince = clock.now();

  const io: RealtimeServer = new Server(deps.httpServer, {
    path: "/socket.io",
    serveClient: false,
    connectionStateRecovery: {
      maxDisconnectionDuration: RECOVERY_WINDOW_MS,
      skipMiddlewares: false,
    },
    allowRequest: (req, callback) => {
      callback(null, originAllowed(req, deps.publicOrigin));
    },
    ...(adapterClient
      ? {
          adapter: resilientAdapter(
            createAdapter(adapterClient, {
              streamName: `${deps.redisKeyPrefix}socket.io`,
              sessionKeyPrefix: `${deps.redisKeyPrefix}sio:session:`,
              maxLen: RECOVERY_MAX_EVENTS,
            }),
            () => adapterClient.isReady,
          ),
        }
      : { adapter: boundedRecoveryAdapter() }),
  });

  if (adapterClient) {
    const interrupted = () => {
      interruptedSince ??= clock.now();
    };
    adapterClient.on("error", interrupted);
    adapterClient.on("reconnecting", interrupted);
    adapterClient.on("ready", () => {
      const since = interruptedSince;
      if (!since) return;
      interruptedSince = undefined;
      heardAllSince = clock.now();
      // Everyone, on every process this one reaches now (its own sockets at least), catches up
      // from the database: what other processes published while Redis was down never came.
      io.emit("realtime:resync", { since: since.toISOString() });
    });
  }

  const guards = new WeakMap<RealtimeSocket, Guard>();
  const routes = createEventRoutes(logger);

  io.use((socket, next) => {
    const token = signIns.tokenFromCookieHeader(socket.request.headers.cookie);
    signIns
      .check(token, { touch: true })
      .then((check) => {
        if (check.status === "none") {
          next(new RealtimeAuthError("unauthenticated", "Sign in to connect."));
          return;
        }
        if (check.status === "ended") {
          next(new RealtimeAuthError("session_expired", "Your session ended. Sign in again."));
          return;
        }
        if (check.status === "mfa-pending") {
          next(new RealtimeAuthError("unauthenticated", "Finish signing in to connect."));
          return;
        }
        const { actor, signIn } = check.auth;
        if (token === undefined) throw new Error("an active sign-in without a token");
        // Merged, not replaced: a recovered socket keeps the room it was in.
        Object.assign(socket.data, {
          userId: actor.userId,
          role: actor.role,
          organizationId: actor.organizationId,
          signInId: signIn.id,
        });
        guards.set(socket, {
          token,
          checkedAt: clock.now().getTime(),
          trustMs: trustFor(SOCKET_SIGN_IN_TRUST_MS),
          ends: signInEnds(signIn),
          timer: undefined,
          queue: Promise.resolve(),
          pending: new Set(),
          ended: false,
        });
        next();
      })
      .catch((error: unknown) => {
        logger.error(
          { err: error instanceof Error ? error.name : typeof error },
          "socket auth failed",
        );
        next(new Error("Could not check your session. Try again."));
      });
  });

  const accessChecks: AccessCheck[] = [];

  const logFailure = (what: string) => (error: unknown) => {
    logger.warn({ err: error instanceof Error ? error.name : typeof error }, what);
  };

  /** Tells the socket why its sign-in ended, then closes it; it cannot recover this connection. */
  function endSocket(socket: RealtimeSocket, reason: SignInEndReason): void {
    const guard = guards.get(socket);
    if (guard) {
      guard.ended = true;
      clearTimeout(guard.timer);
      // Answered before the socket closes, so no request is left waiting for a reply.
      for (const ack of guard.pending) ack({ ok: false, error: SIGN_IN_ENDED });
      guard.pending.clear();
    }
    if (!socket.connected) return;
    // Local delivery is written at once; a plain emit would go out through the Redis adapter
    // first (for recovery offsets) and arrive after the socket had closed.
    io.local.to(socket.id).emit("session:ended", { reason, code: SIGN_IN_END_CODES[reason] });
    socket.disconnect(true);
  }

  /** Sockets of this process in a room (a copy: ending them changes the room). */
  function localSockets(room: string): RealtimeSocket[] {
    const ids = [...(io.of("/").adapter.rooms.get(room) ?? [])];
    return ids.flatMap((id) => {
      const socket = io.sockets.sockets.get(id);
      return socket ? [socket] : [];
    });
  }

  // Every process hears every revocation (Redis pub/sub when there are several), and closes its
  // own sockets of the ended sign-ins: sign-out, expiry found by any request, deactivation.
  deps.revocations.subscribe((revocation) => {
    const room =
      "signInId" in revocation ? `session:${revocation.signInId}` : `user:${revocation.userId}`;
    for (const socket of localSockets(room)) endSocket(socket, revocation.reason);
  });

  /**
   * Re-reads the socket's sign-in when it should end (idle or absolute limit) and closes the
   * socket if it has; activity elsewhere (another tab) only moves the next look later.
   */
  function scheduleExpiry(socket: RealtimeSocket, ends: { idle: Date; absolute: Date }): void {
    const guard = guards.get(socket);
    if (!guard || guard.ended) return;
    clearTimeout(guard.timer);
    const endsAt = Math.min(ends.idle.getTime(), ends.absolute.getTime());
    const delay = Math.min(
      EXPIRY_CHECK_MAX_MS,
      Math.max(EXPIRY_CHECK_MIN_MS, endsAt - clock.now().getTime()),
    );
    guard.ends = ends;
    guard.timer = setTimeout(() => {
      signIns
        .check(guard.token, { touch: false })
        .then((check) => {
          if (check.status !== "active") endSocket(socket, "expired");
          else scheduleExpiry(socket, signInEnds(check.auth.signIn));
        })
        .catch(logFailure("socket session check failed"));
    }, delay);
    guard.timer.unref();
  }

  /**
   * Every event first checks the socket's sign-in (re-read when the last read no longer holds,
   * see `signInReadHolds`) and counts as activity, except the presence ping. An ended sign-in
   * refuses the event with `session_expired` and closes the socket.
   */
  function guardEvents(socket: RealtimeSocket): void {
    socket.use((packet, next) => {
      const guard = guards.get(socket);
      if (!guard) return;
      const [event] = packet;
      const last: unknown = packet.at(-1);
      const ack = typeof last === "function" ? (last as (reply: unknown) => void) : undefined;
      if (ack) guard.pending.add(ack);
      /** Takes the acknowledgement back; false if the socket was closed and already answered. */
      const claim = () => !ack || guard.pending.delete(ack);
      guard.queue = guard.queue
        .then(async () => {
          if (guard.ended) return;
          const now = clock.now().getTime();
          if (!signInReadHolds(guard, now, deps.revocations.heardAllSince()?.getTime())) {
            const check = await signIns.check(guard.token, { touch: event !== "presence:ping" });
            if (check.status !== "active") {
              endSocket(socket, "expired");
              return;
            }
            guard.checkedAt = now;
            guard.trustMs = trustFor(SOCKET_SIGN_IN_TRUST_MS);
            scheduleExpiry(socket, signInEnds(check.auth.signIn));
          }
          if (!claim()) return;
          // A socket that closed meanwhile is not answered (socket.io would not emit either).
          if (!socket.connected) return;
          if (!routes.dispatch(socket, packet)) next();
        })
        .catch((error: unknown) => {
          logFailure("socket event session check failed")(error);
          if (claim()) ack?.({ ok: false, error: { code: "unavailable", message: "Try again." } });
        });
    });
  }

  async function runAccessChecks(socket: RealtimeSocket): Promise<void> {
    for (const check of accessChecks) await check(socket);
  }

  async function recheckLocal(userId: string): Promise<void> {
    await Promise.all(
      localSockets(`user:${userId}`).map((socket) =>
        runAccessChecks(socket).catch(logFailure("socket access check failed")),
      ),
    );
  }

  io.on("access:changed", (payload) => {
    if (typeof payload.userId === "string") void recheckLocal(payload.userId);
  });

  const connectionHandlers: ((socket: RealtimeSocket) => void)[] = [];
  // Listeners shared by every socket (socket.io calls them with the socket as `this`): a
  // closure per socket for each would be memory every idle connection pays.
  function forgetGuard(this: RealtimeSocket): void {
    const guard = guards.get(this);
    if (guard) clearTimeout(guard.timer);
  }
  io.on("connection", (socket) => {
    guardEvents(socket);
    for (const handler of connectionHandlers) handler(socket);
    void socket.join([`session:${socket.data.signInId}`, `user:${socket.data.userId}`]);
    socket.on("presence:ping", answerPing);
    socket.on("disconnect", forgetGuard);
    const guard = guards.get(socket);
    if (guard) scheduleExpiry(socket, guard.ends);
    // A recovered socket gets back the rooms it had when it dropped; access may have changed
    // while it was away.
    if (socket.recovered) {
      runAccessChecks(socket).catch(logFailure("socket access check failed"));
    }
  });

  return {
    kind: redis ? "redis" : "memory",
    io,
    on: routes.on,
    onConnection(handler) {
      connectionHandlers.push(handler);
    },
    onAccessCheck(check) {
      accessChecks.push(check);
    },
    async recheckAccess(userId) {
      // The other processes are told first, so they work while this one does.
      if (redis) io.serverSideEmit("access:changed", { userId });
      await recheckLocal(userId);
    },
    accessNewsSince() {
      return interruptedSince === undefined ? heardAllSince : undefined;
    },
    async close() {
      await io.close();
      if (redis) await closeRedis(redis);
    },
  };
}

/**
 * How long one check made for a socket may be trusted: between half and all of `maxMs`, drawn
 * afresh at each check, so that a group who connected together (a session starting on the hour)
 * do not all check again in the same second.
 */
export function trustFor(maxMs: number, random: () => number = Math.random): number {
  return Math.round(maxMs * (0.5 + random() / 2));
}

/**
 * Whether a socket's last read of its sign-in still holds at `now`: for the sign-in cache's few
 * seconds, and for the read's `trustMs` while every revocation has been heard since the read
 * (`heardAllSince`); never past the idle or absolute end the read found.
 */
export function signInReadHolds(
  read: { checkedAt: number; trustMs: number; ends: { idle: Date; absolute: Date } },
  now: number,
  heardAllSince: number | undefined,
): boolean {
  const age = now - read.checkedAt;
  if (age < 0 || now >= Math.min(read.ends.idle.getTime(), read.ends.absolute.getTime())) {
    return false;
  }
  if (age < SIGN_IN_CACHE_TTL_MS) return true;
  return heardAllSince !== undefined && read.checkedAt >= heardAllSince && age < read.trustMs;
}

/** Who is acting through a socket, as its sign-in said when it connected. */
export function actorOf(socket: { data: SocketData }): Actor {
  const { userId, role, organizationId } = socket.data;
  return { userId, role, organizationId };
}

/** The presence ping, answered with the server's clock. */
function answerPing(ack: unknown): void {
  if (typeof ack !== "function") return;
  (ack as (reply: { serverTime: string }) => void)({ serverTime: new Date().toISOString() });
}

function signInEnds(signIn: { lastSeenAt: Date; expiresAt: Date }): {
  idle: Date;
  absolute: Date;
} {
  return {
    idle: new Date(signIn.lastSeenAt.getTime() + SIGN_IN_IDLE_TIMEOUT_MS),
    absolute: signIn.expiresAt,
  };
}
