import type { Server as HttpServer, IncomingMessage } from "node:http";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import type {
  ClientToServerEvents,
  InterServerEvents,
  RealtimeErrorCode,
  ServerToClientEvents,
  SessionEndReason,
  SocketData,
} from "@bridgeway/domain";
import { createClient } from "redis";
import { Server, type Socket } from "socket.io";
import type { SessionService } from "../auth/sessions";
import type { Logger } from "../logger";

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

export type Realtime = {
  kind: "memory" | "redis";
  io: RealtimeServer;
  /** Adds listeners to every socket as it connects (and again when one recovers). */
  onConnection(handler: (socket: RealtimeSocket) => void): void;
  /** Tells every socket of a sign-in session, on any server process, that it ended, and drops them. */
  endSession(sessionId: string, reason: SessionEndReason): Promise<void>;
  close(): Promise<void>;
};

/** How long a dropped client may be away and still resume with what it missed. */
export const RECOVERY_WINDOW_MS = 2 * 60 * 1000;

class RealtimeAuthError extends Error {
  readonly data: { code: RealtimeErrorCode };
  constructor(code: RealtimeErrorCode, message: string) {
    super(message);
    this.data = { code };
  }
}

function originAllowed(req: IncomingMessage, publicOrigin: string | undefined): boolean {
  const origin = req.headers.origin;
  // Non-browser clients send no Origin; they still need a valid session cookie.
  if (!origin) return true;
  if (publicOrigin) return origin === publicOrigin;
  const host = req.headers.host;
  return origin === `http://${host}` || origin === `https://${host}`;
}

export async function createRealtime(deps: {
  httpServer: HttpServer;
  sessions: SessionService;
  redisUrl: string | undefined;
  /** Namespaces this deployment's Redis keys and stream. */
  redisKeyPrefix: string;
  publicOrigin: string | undefined;
  logger: Logger;
}): Promise<Realtime> {
  const { sessions, logger } = deps;
  let redis: ReturnType<typeof createClient> | undefined;
  if (deps.redisUrl) {
    redis = createClient({ url: deps.redisUrl });
    redis.on("error", (error: Error) => logger.warn({ err: error.name }, "redis connection error"));
    await redis.connect();
  }

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
    ...(redis
      ? {
          adapter: createAdapter(redis, {
            streamName: `${deps.redisKeyPrefix}socket.io`,
            sessionKeyPrefix: `${deps.redisKeyPrefix}sio:session:`,
          }),
        }
      : {}),
  });

  io.use((socket, next) => {
    const token = sessions.tokenFromCookieHeader(socket.request.headers.cookie);
    sessions
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
        const { actor, session } = check.auth;
        // Merged, not replaced: a recovered socket keeps the room it was in.
        Object.assign(socket.data, {
          userId: actor.userId,
          role: actor.role,
          organizationId: actor.organizationId,
          authSessionId: session.id,
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

  const connectionHandlers: ((socket: RealtimeSocket) => void)[] = [];
  io.on("connection", (socket) => {
    for (const handler of connectionHandlers) handler(socket);
    void socket.join([`session:${socket.data.authSessionId}`, `user:${socket.data.userId}`]);
    socket.on("presence:ping", (ack) => {
      if (typeof ack !== "function") return;
      ack({ serverTime: new Date().toISOString() });
    });
  });

  return {
    kind: redis ? "redis" : "memory",
    io,
    onConnection(handler) {
      connectionHandlers.push(handler);
    },
    endSession(sessionId, reason) {
      const room = `session:${sessionId}`;
      io.to(room).emit("session:ended", { reason });
      io.in(room).disconnectSockets(true);
      return Promise.resolve();
    },
    async close() {
      await io.close();
      if (redis?.isOpen) await redis.quit();
    },
  };
}
