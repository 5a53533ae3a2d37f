import type { SignInWithUser } from "./sign-in-repository";

/**
 * Recently checked sign-ins, so a busy page does not cost a database read per request. Entries
 * live a few seconds at most; sign-out and deactivation remove them at once on every process
 * (see sign-in-revocations.ts), and anything the cache says has ended is re-read from the
 * database before a sign-in is refused.
 */
export class SignInCache {
  private readonly entries = new Map<string, { value: SignInWithUser; cachedAt: number }>();

  constructor(
    private readonly ttlMs: number = SIGN_IN_CACHE_TTL_MS,
    private readonly maxEntries: number = 10_000,
  ) {}

  get(signInId: string, now: number): SignInWithUser | undefined {
    const entry = this.entries.get(signInId);
    if (!entry) return undefined;
    if (now - entry.cachedAt >= this.ttlMs || now < entry.cachedAt) {
      this.entries.delete(signInId);
      return undefined;
    }
    return entry.value;
  }

  set(signInId: string, value: SignInWithUser, now: number): void {
    this.entries.delete(signInId);
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(signInId, { value, cachedAt: now });
  }

  delete(signInId: string): void {
    this.entries.delete(signInId);
  }

  deleteUser(userId: string): void {
    for (const [id, entry] of this.entries) {
      if (entry.value.signIn.userId === userId) this.entries.delete(id);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/** How long a checked sign-in is trusted without asking the database again. */
export const SIGN_IN_CACHE_TTL_MS = 5_000;
