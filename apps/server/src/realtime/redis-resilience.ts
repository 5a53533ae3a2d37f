import { MemoryStore, type Options, type Store } from "express-rate-limit";
import type { RedisClientOptions } from "redis";
import type { Logger } from "../logger";

/**
 * What Bridgeway does when Redis is down (decided for issue 11):
 * - Live delivery: each process still delivers to its own sockets at once; delivery to other
 *   processes stops until Redis is back (clients catch up from the database on reconnect).
 * - Reconnects: connection-state recovery needs Redis; without it a socket connects as new and
 *   the client catches up from the database. Nothing waits on Redis for more than a second.
 * - Sign-in rate limits: counted per process in memory while Redis is down.
 * - Session revocation: news of a sign-out does not reach other processes; each process reads
 *   sessions from the database at least every few seconds (the session cache's lifetime) and
 *   re-checks chat room access just as often, so a revoked session lasts that long at most.
 * - Health: `/api/health` answers 200 `{status: "degraded", redis: "down"}`: the process still
 *   serves, and taking every process out of a load balancer over shared Redis would turn a
 *   degraded service into an outage.
 */

/** How long a Redis command may take before we go on without it. */
export const REDIS_COMMAND_TIMEOUT_MS = 1_000;

/**
 * Client options for commands that someone waits on (rate limits, revocation news): fail at
 * once while disconnected instead of queueing until Redis returns, reconnect quickly.
 */
export function failFastRedisOptions(url: string): RedisClientOptions {
  return {
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000),
    },
  };
}

/**
 * Options for the socket.io adapter's client: its blocking stream reader (a copy of this client)
 * must wait for the connection rather than fail in a tight loop, so commands do queue, but a
 * bounded number, and every command we wait on goes through `bounded` below.
 */
export function adapterRedisOptions(url: string): RedisClientOptions {
  return {
    url,
    commandsQueueMaxLength: 1_000,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000),
    },
  };
}

export class RedisUnavailableError extends Error {
  constructor(what: string) {
    super(`Redis is unavailable (${what})`);
    this.name = "RedisUnavailableError";
  }
}

/** Closes a client: politely while Redis answers; at once while it is down (quit would wait). */
export async function closeRedis(client: {
  isReady: boolean;
  isOpen: boolean;
  quit(): Promise<unknown>;
  destroy(): void;
}): Promise<void> {
  if (client.isReady) await client.quit();
  else if (client.isOpen) client.destroy();
}

/** Runs a Redis command only while Redis is ready, and gives up on it after `timeoutMs`. */
export function bounded<T>(
  ready: () => boolean,
  what: string,
  command: () => Promise<T>,
  timeoutMs = REDIS_COMMAND_TIMEOUT_MS,
): Promise<T> {
  if (!ready()) return Promise.reject(new RedisUnavailableError(what));
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new RedisUnavailableError(`${what} timed out`)),
      timeoutMs,
    );
    command().then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new RedisUnavailableError(what));
      },
    );
  });
}

type RedisEvents = {
  isReady: boolean;
  on(event: "ready" | "end" | "reconnecting", listener: () => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
};

/**
 * Whether Redis is up, as the clients that use it see it, with one log line per change saying
 * what failed and what that means for the service.
 */
export type RedisHealth = {
  track(client: RedisEvents, role: string): void;
  /** "up" or "down"; undefined when this deployment runs without Redis. */
  status(): "up" | "down" | undefined;
};

export function createRedisHealth(logger: Logger): RedisHealth {
  const clients: { client: RedisEvents; role: string; down: boolean }[] = [];
  return {
    track(client, role) {
      const entry = { client, role, down: !client.isReady };
      clients.push(entry);
      const wentDown = (error?: Error) => {
        if (entry.down) return;
        entry.down = true;
        logger.error(
          {
            redis: role,
            ...(error ? { err: { class: error.constructor.name, message: error.message } } : {}),
          },
          "redis is unavailable: live delivery stays within each process, rate limits are counted per process, until it is back",
        );
      };
      client.on("error", (error) => wentDown(error));
      client.on("reconnecting", () => wentDown());
      client.on("end", () => wentDown());
      client.on("ready", () => {
        if (!entry.down) return;
        entry.down = false;
        logger.info({ redis: role }, "redis is available again");
      });
    },
    status() {
      if (clients.length === 0) return undefined;
      return clients.some((c) => c.down || !c.client.isReady) ? "down" : "up";
    },
  };
}

/**
 * A rate-limit store that counts in Redis while it answers, and in this process's memory when it
 * does not, so a Redis outage neither blocks sign-in nor turns limits off.
 */
export function storeWithFallback(primary: Store, ready: () => boolean, logger: Logger): Store {
  const fallback = new MemoryStore();
  const run = async <T>(what: string, redis: () => Promise<T>, local: () => Promise<T>) => {
    try {
      return await bounded(ready, what, redis);
    } catch (error) {
      if (!(error instanceof RedisUnavailableError)) {
        logger.warn(
          { err: { class: error instanceof Error ? error.constructor.name : typeof error } },
          "rate limit store failed; counting in memory",
        );
      }
      return local();
    }
  };
  return {
    localKeys: false,
    ...(primary.prefix === undefined ? {} : { prefix: primary.prefix }),
    init(options: Options) {
      // RedisStore's init only loads its script; a failure shows up again on first use.
      void Promise.resolve(primary.init?.(options)).catch(() => undefined);
      fallback.init(options);
    },
    increment: (key) =>
      run(
        "rate limit",
        async () => primary.increment(key),
        () => fallback.increment(key),
      ),
    decrement: (key) =>
      run(
        "rate limit",
        async () => {
          await primary.decrement(key);
        },
        () => fallback.decrement(key),
      ),
    resetKey: (key) =>
      run(
        "rate limit",
        async () => {
          await primary.resetKey(key);
        },
        () => fallback.resetKey(key),
      ),
  };
}

type RecoveryAdapter = {
  publishAndReturnOffset(message: unknown): Promise<string>;
  restoreSession(pid: string, offset: string): Promise<unknown>;
  persistSession(session: unknown): void;
};

/**
 * The Redis streams adapter, made not to wait on a Redis that is down: publishing (which each
 * broadcast awaits before delivering to this process's own sockets) and restoring a session
 * (which a reconnecting socket awaits) give up at once while Redis is down and after a second
 * when it hangs. A failed publish still delivers locally; a failed restore connects the socket
 * as new, and the client catches up from the database.
 */
export function resilientAdapter<F extends (nsp: never) => unknown>(
  factory: F,
  ready: () => boolean,
): F {
  // socket.io calls the factory with `new`, so it must be a function, not an arrow; returning
  // an object from it makes that object the result.
  const wrapped = function (nsp: never) {
    const adapter = factory(nsp) as RecoveryAdapter;
    const publish = adapter.publishAndReturnOffset.bind(adapter);
    const restore = adapter.restoreSession.bind(adapter);
    const persist = adapter.persistSession.bind(adapter);
    adapter.publishAndReturnOffset = (message) => bounded(ready, "publish", () => publish(message));
    adapter.restoreSession = (pid, offset) =>
      bounded(ready, "restore session", () => restore(pid, offset));
    adapter.persistSession = (session) => {
      if (ready()) persist(session);
    };
    return adapter;
  };
  return wrapped as F;
}
