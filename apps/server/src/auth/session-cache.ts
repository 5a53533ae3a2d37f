import type { SessionWithUser } from "./session-repository";

/**
 * Recently checked sessions, so a busy page does not cost a database read per request. Entries
 * live a few seconds at most; sign-out and deactivation remove them at once on every process
 * (see session-revocations.ts), and anything the cache says has ended is re-read from the
 * database before a session is refused.
 */
export class SessionCache {
  private readonly entries = new Map<string, { value: SessionWithUser; cachedAt: number }>();

  constructor(
    private readonly ttlMs: number = SESSION_CACHE_TTL_MS,
    private readonly maxEntries: number = 10_000,
  ) {}

  get(sessionId: string, now: number): SessionWithUser | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (now - entry.cachedAt >= this.ttlMs || now < entry.cachedAt) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.value;
  }

  set(sessionId: string, value: SessionWithUser, now: number): void {
    this.entries.delete(sessionId);
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(sessionId, { value, cachedAt: now });
  }

  delete(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  deleteUser(userId: string): void {
    for (const [id, entry] of this.entries) {
      if (entry.value.session.userId === userId) this.entries.delete(id);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/** How long a checked session is trusted without asking the database again. */
export const SESSION_CACHE_TTL_MS = 5_000;
