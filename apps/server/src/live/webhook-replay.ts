import type { createClient } from "redis";

/** How old a webhook may be and still be accepted; LiveKit sends them within seconds. */
export const WEBHOOK_MAX_AGE_SECONDS = 5 * 60;
/** How far ahead of our clock a webhook may claim to be (clock skew between two servers). */
export const WEBHOOK_MAX_SKEW_SECONDS = 60;

/**
 * Remembers which signed webhooks were already acted on, so a captured request sent again is
 * refused. A webhook id only has to be remembered for as long as its age would let it through.
 */
export type WebhookReplayGuard = {
  /** True the first time `id` is seen; false for every later sighting within `ttlSeconds`. */
  firstSighting(id: string, ttlSeconds: number): Promise<boolean>;
};

/** One process: ids in memory, dropped once they are too old to pass the age check anyway. */
export function createMemoryReplayGuard(now: () => Date): WebhookReplayGuard {
  const seen = new Map<string, number>();
  return {
    firstSighting(id, ttlSeconds) {
      const at = now().getTime();
      for (const [key, expires] of seen) {
        if (expires > at) break;
        seen.delete(key);
      }
      const expires = seen.get(id);
      if (expires !== undefined && expires > at) return Promise.resolve(false);
      seen.delete(id);
      seen.set(id, at + ttlSeconds * 1000);
      return Promise.resolve(true);
    },
  };
}

type Redis = ReturnType<typeof createClient>;

/** Several processes behind a load balancer: one SET NX per id in the shared Redis. */
export function createRedisReplayGuard(redis: Redis, prefix: string): WebhookReplayGuard {
  return {
    async firstSighting(id, ttlSeconds) {
      const set = await redis.set(`${prefix}${id}`, "1", { NX: true, EX: ttlSeconds });
      return set === "OK";
    },
  };
}
