import { SessionAwareAdapter } from "socket.io-adapter";

/**
 * How many broadcast events a process keeps for connection-state recovery, at most: as many as
 * the Redis streams adapter keeps in its stream (its `maxLen`), so both modes recover alike.
 * A client whose last event has fallen off is not recovered; it connects as new and catches up
 * from the database, as after a restart.
 */
export const RECOVERY_MAX_EVENTS = 10_000;

/** Trimmed in slices of this many, not on every broadcast: an array shift moves every element. */
const TRIM_SLACK = 1_000;

/**
 * socket.io's in-memory recovery adapter with a bound on what it keeps. The stock adapter keeps
 * every broadcast for the whole recovery window and a minute more: at a busy clinic's rate
 * (1,000 messages a second) hundreds of thousands of live objects that every full garbage
 * collection walks, which showed as p99 delivery spikes of 100–300 ms once the sockets had been
 * open for a minute.
 */
export function boundedRecoveryAdapter(maxEvents: number = RECOVERY_MAX_EVENTS) {
  return class BoundedSessionAwareAdapter extends SessionAwareAdapter {
    override broadcast(...args: Parameters<SessionAwareAdapter["broadcast"]>): void {
      super.broadcast(...args);
      // The stock adapter's own list (private in its types): the events kept, oldest first.
      const kept = (this as unknown as { packets: unknown[] }).packets;
      if (kept.length > maxEvents + Math.min(TRIM_SLACK, maxEvents)) {
        kept.splice(0, kept.length - maxEvents);
      }
    }
  };
}
