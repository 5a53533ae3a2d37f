/** How long a read of someone's place in a room may be reused when this process changed nothing. */
export const STANDING_TRUST_MS = 1_000;
/** Above this many sessions cached, expired entries are dropped as new sessions come in. */
const PRUNE_ABOVE_SESSIONS = 256;

type Entry<T> = { readAt: number; value: Promise<T> };
type Session<T> = { entries: Map<string, Entry<T>>; writes: number };

/** Taken before a read of a whole room; the read fills the cache only if nothing was written since. */
export type FillToken = { sessionId: string; writes: number; at: number };

/**
 * Short-lived reads of people's places in a room for the signal relay, which relays dozens of
 * offers, answers and candidates per join and would otherwise read two rows for each, queued
 * behind every other query of the room on the embedded database's one connection.
 *
 * A read (finished or still in flight) is shared for `STANDING_TRUST_MS`. Every write of this
 * process replaces (`set`) or drops (`forget`) what it changed once it has committed, so a read
 * begun before a change is never reused after it; a whole-room read fills the cache only when
 * no write came in meanwhile. What another process changed is seen within the trust window:
 * callers trust a cached place only to let something through, never to refuse.
 */
export function createStandingCache<T>(
  read: (sessionId: string, userId: string) => Promise<T>,
  now: () => number = () => performance.now(),
) {
  const sessions = new Map<string, Session<T>>();

  function session(sessionId: string, at: number): Session<T> {
    let found = sessions.get(sessionId);
    if (!found) {
      prune(at);
      found = { entries: new Map(), writes: 0 };
      sessions.set(sessionId, found);
    }
    return found;
  }

  function prune(at: number): void {
    if (sessions.size <= PRUNE_ABOVE_SESSIONS) return;
    for (const [sessionId, { entries }] of sessions) {
      for (const [userId, entry] of entries)
        if (at - entry.readAt >= STANDING_TRUST_MS) entries.delete(userId);
      if (entries.size === 0) sessions.delete(sessionId);
    }
  }

  function store(sessionId: string, userId: string, value: Promise<T>, at: number): void {
    const { entries } = session(sessionId, at);
    const entry: Entry<T> = { readAt: at, value };
    entries.set(userId, entry);
    value.catch(() => {
      if (entries.get(userId) === entry) entries.delete(userId);
    });
  }

  return {
    get(sessionId: string, userId: string): Promise<T> {
      const at = now();
      const known = sessions.get(sessionId)?.entries.get(userId);
      if (known && at - known.readAt < STANDING_TRUST_MS) return known.value;
      const value = read(sessionId, userId);
      store(sessionId, userId, value, at);
      return value;
    },

    /** This process wrote someone's place and it committed: it is what later reads see. */
    set(sessionId: string, userId: string, value: T): void {
      const at = now();
      session(sessionId, at).writes += 1;
      store(sessionId, userId, Promise.resolve(value), at);
    },

    /** After a write to one person's place (or, without `userId`, to the whole room). */
    forget(sessionId: string, userId?: string): void {
      const found = sessions.get(sessionId);
      if (!found) return;
      found.writes += 1;
      if (userId === undefined) found.entries.clear();
      else found.entries.delete(userId);
    },

    /** Before reading a whole room: see `fill`. */
    beginFill(sessionId: string): FillToken {
      const at = now();
      return { sessionId, writes: session(sessionId, at).writes, at };
    },

    /** A whole room as read since `token`, stored only if this process wrote nothing meanwhile. */
    fill(token: FillToken, places: Iterable<[userId: string, value: T]>): void {
      const found = sessions.get(token.sessionId);
      if (!found || found.writes !== token.writes) return;
      for (const [userId, value] of places)
        store(token.sessionId, userId, Promise.resolve(value), token.at);
    },

    /** Sessions with cached places (for tests of the pruning). */
    get size(): number {
      return sessions.size;
    },
  };
}
