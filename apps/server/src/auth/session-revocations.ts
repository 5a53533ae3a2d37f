import type { SessionEndReason } from "@bridgeway/domain";
import { createClient } from "redis";
import { z } from "zod";
import type { Logger } from "../logger";
import { bounded, failFastRedisOptions } from "../realtime/redis-resilience";

/** Sessions that ended, and why: their sockets are told the reason before they are dropped. */
export type Revocation =
  { sessionId: string; reason: SessionEndReason } | { userId: string; reason: SessionEndReason };

const ReasonSchema = z.enum(["signed-out", "expired", "access-revoked"]);

const RevocationSchema = z.union([
  z.strictObject({ sessionId: z.string().min(1), reason: ReasonSchema }),
  z.strictObject({ userId: z.string().min(1), reason: ReasonSchema }),
]);

/**
 * Tells every server process that sessions ended, so their caches drop them and their sockets
 * of those sessions are closed at once. One process needs nothing more than a function call;
 * several share a Redis channel.
 */
export type RevocationBus = {
  publish(revocation: Revocation): Promise<void>;
  subscribe(handler: (revocation: Revocation) => void): void;
  close(): Promise<void>;
};

export function createLocalRevocationBus(): RevocationBus {
  const handlers: ((revocation: Revocation) => void)[] = [];
  return {
    publish(revocation) {
      for (const handler of handlers) handler(revocation);
      return Promise.resolve();
    },
    subscribe(handler) {
      handlers.push(handler);
    },
    close: () => Promise.resolve(),
  };
}

export async function createRedisRevocationBus(options: {
  redisUrl: string;
  channel: string;
  logger: Logger;
}): Promise<RevocationBus> {
  const { logger, channel } = options;
  const publisher = createClient(failFastRedisOptions(options.redisUrl));
  const subscriber = publisher.duplicate();
  for (const client of [publisher, subscriber]) {
    client.on("error", (error: Error) =>
      logger.warn({ err: error.name }, "redis connection error"),
    );
  }
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const handlers: ((revocation: Revocation) => void)[] = [];
  await subscriber.subscribe(channel, (message) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      parsed = undefined;
    }
    const revocation = RevocationSchema.safeParse(parsed);
    if (!revocation.success) {
      logger.warn("ignored a malformed session revocation message");
      return;
    }
    for (const handler of handlers) handler(revocation.data);
  });
  return {
    async publish(revocation) {
      // Local caches are cleared before the message leaves, so this process never lags.
      for (const handler of handlers) handler(revocation);
      // Sign-out never waits on Redis: when it is down, other processes learn of the end from
      // the database within their session cache's few seconds (see redis-resilience.ts).
      await bounded(
        () => publisher.isReady,
        "revocation",
        () => publisher.publish(channel, JSON.stringify(revocation)),
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
    async close() {
      if (subscriber.isOpen) await subscriber.quit();
      if (publisher.isOpen) await publisher.quit();
    },
  };
}
