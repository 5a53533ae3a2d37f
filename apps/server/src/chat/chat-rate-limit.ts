import type { Clock } from "../clock";

/**
 * How fast one person may send chat messages: a burst of `burstMessages`, then `messagesPerSecond`
 * sustained; and, so a burst of long messages cannot flood either, a budget of `burstBytes` of
 * message text refilling at `bytesPerSecond`.
 */
export type ChatRateLimits = {
  burstMessages: number;
  messagesPerSecond: number;
  burstBytes: number;
  bytesPerSecond: number;
};

/** Ten quick messages, then two a second; about five full-length (4,000 character) messages. */
export const DEFAULT_CHAT_RATE_LIMITS: ChatRateLimits = {
  burstMessages: 10,
  messagesPerSecond: 2,
  burstBytes: 20_000,
  bytesPerSecond: 4_000,
};

/** Idle people's buckets are dropped once this many are held; a full bucket needs no memory. */
const PRUNE_ABOVE = 10_000;

type Bucket = { messages: number; bytes: number; at: number };

export type ChatRateLimiter = {
  /**
   * Takes one message of `bytes` from `userId`'s budget and answers true, or answers false and
   * takes nothing when the budget would go below zero.
   */
  take(userId: string, bytes: number): boolean;
};

/**
 * Token buckets per person, kept in this process: a person's socket lives on one process, so one
 * person's flood is refused where it arrives, before any database work, and costs others nothing.
 */
export function createChatRateLimiter(
  clock: Clock,
  limits: ChatRateLimits = DEFAULT_CHAT_RATE_LIMITS,
): ChatRateLimiter {
  const buckets = new Map<string, Bucket>();

  function refilled(bucket: Bucket, now: number): Bucket {
    const seconds = Math.max(0, (now - bucket.at) / 1000);
    return {
      messages: Math.min(
        limits.burstMessages,
        bucket.messages + seconds * limits.messagesPerSecond,
      ),
      bytes: Math.min(limits.burstBytes, bucket.bytes + seconds * limits.bytesPerSecond),
      at: now,
    };
  }

  function prune(now: number): void {
    for (const [userId, bucket] of buckets) {
      const current = refilled(bucket, now);
      if (current.messages >= limits.burstMessages && current.bytes >= limits.burstBytes) {
        buckets.delete(userId);
      }
    }
  }

  return {
    take(userId, bytes) {
      const now = clock.now().getTime();
      const stored = buckets.get(userId);
      const bucket = stored
        ? refilled(stored, now)
        : { messages: limits.burstMessages, bytes: limits.burstBytes, at: now };
      if (bucket.messages < 1 || bucket.bytes < bytes) {
        buckets.set(userId, bucket);
        return false;
      }
      buckets.set(userId, {
        ...bucket,
        messages: bucket.messages - 1,
        bytes: bucket.bytes - bytes,
      });
      if (buckets.size > PRUNE_ABOVE) prune(now);
      return true;
    },
  };
}
