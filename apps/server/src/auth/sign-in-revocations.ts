import type { SignInEndReason } from "@bridgeway/domain";
import { createClient } from "redis";
import { z } from "zod";
import type { Logger } from "../logger";
import { bounded, closeRedis, failFastRedisOptions } from "../realtime/redis-resilience";

/** Sign-ins that ended, and why: their sockets are told the reason before they are dropped. */
export type Revocation =
  { signInId: string; reason: SignInEndReason } | { userId: string; reason: SignInEndReason };

const ReasonSchema = z.enum(["signed-out", "expired", "access-revoked"]);

// On the Redis channel a sign-in's id is still called `sessionId`, so processes of the previous
// release keep understanding the messages during a rolling deploy.
const WireRevocationSchema = z.union([
  z.strictObject({ sessionId: z.string().min(1), reason: ReasonSchema }),
  z.strictObject({ userId: z.string().min(1), reason: ReasonSchema }),
]);
type WireRevocation = z.infer<typeof WireRevocationSchema>;

function toWire(revocation: Revocation): WireRevocation {
  return "signInId" in revocation
    ? { sessionId: revocation.signInId, reason: revocation.reason }
    : revocation;
}

function fromWire(wire: WireRevocation): Revocation {
  return "sessionId" in wire ? { signInId: wire.sessionId, reason: wire.reason } : wire;
}

/**
 * Tells every server process that sign-ins ended, so their caches drop them and their sockets
 * of those sign-ins are closed at once. One process needs nothing more than a function call;
 * several share a Redis channel.
 */
export type RevocationBus = {
  publish(revocation: Revocation): Promise<void>;
  subscribe(handler: (revocation: Revocation) => void): void;
  /**
   * Since when this process has heard every revocation: its start, or when its Redis
   * subscription last came back. Undefined while it is down, when revocations may be lost.
   */
  heardAllSince(): Date | undefined;
  close(): Promise<void>;
};

export function createLocalRevocationBus(now: () => Date = () => new Date()): RevocationBus {
  const handlers: ((revocation: Revocation) => void)[] = [];
  const since = now();
  return {
    publish(revocation) {
      for (const handler of handlers) handler(revocation);
      return Promise.resolve();
    },
    subscribe(handler) {
      handlers.push(handler);
    },
    heardAllSince: () => since,
    close: () => Promise.resolve(),
  };
}

export async function createRedisRevocationBus(options: {
  redisUrl: string;
  channel: string;
  logger: Logger;
  now?: () => Date;
}): Promise<RevocationBus> {
  const { logger, channel } = options;
  const now = options.now ?? (() => new Date());
  const publisher = createClient(failFastRedisOptions(options.redisUrl));
  const subscriber = publisher.duplicate();
  for (const client of [publisher, subscriber]) {
    client.on("error", (error: Error) =>
      logger.warn({ err: error.name }, "redis connection error"),
    );
  }
  // node-redis subscribes again by itself after a reconnect; what was published meanwhile is lost.
  let heardAllSince: Date | undefined;
  const interrupted = () => {
    heardAllSince = undefined;
  };
  subscriber.on("error", interrupted);
  subscriber.on("reconnecting", interrupted);
  subscriber.on("end", interrupted);
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const handlers: ((revocation: Revocation) => void)[] = [];
  await subscriber.subscribe(channel, (message) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      parsed = undefined;
    }
    const wire = WireRevocationSchema.safeParse(parsed);
    if (!wire.success) {
      logger.warn("ignored a malformed session revocation message");
      return;
    }
    const revocation = fromWire(wire.data);
    for (const handler of handlers) handler(revocation);
  });
  heardAllSince = now();
  // The subscription is restored as the client becomes ready again (before "ready" is emitted).
  subscriber.on("ready", () => {
    heardAllSince ??= now();
  });
  return {
    async publish(revocation) {
      // Local caches are cleared before the message leaves, so this process never lags.
      for (const handler of handlers) handler(revocation);
      // Sign-out never waits on Redis: when it is down, other processes learn of the end from
      // the database within their sign-in cache's few seconds (see redis-resilience.ts).
      await bounded(
        () => publisher.isReady,
        "revocation",
        () => publisher.publish(channel, JSON.stringify(toWire(revocation))),
      ).catch((error: unknown) =>
        logger.warn(
          { err: { class: error instanceof Error ? error.constructor.name : typeof error } },
          "session revocation not sent to other processes",
        ),
      );
    },
    subscribe(handler) {
      handlers.push(handler);
    },
    heardAllSince: () => heardAllSince,
    async close() {
      await Promise.all([closeRedis(subscriber), closeRedis(publisher)]);
    },
  };
}
