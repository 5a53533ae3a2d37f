import type { Clock } from "../clock";
import type { OccurrenceRepository } from "../sessions/occurrence-repository";
import type { SessionDirectory } from "../sessions/session-directory";
import type { PushRepository } from "./push-repository";
import type { PushNotify } from "./push-service";

/** A session is announced from a minute before its start… */
const EARLY_MS = 60_000;
/** …until five minutes after: a server that was down longer does not announce stale starts. */
const LATE_MS = 5 * 60_000;

/**
 * The background job that tells people's devices "your session is starting", once per session
 * start (claimed in the database, so several processes send it once between them).
 */
export function createSessionStartPushes(deps: {
  occurrenceRepo: OccurrenceRepository;
  directory: SessionDirectory;
  repo: PushRepository;
  clock: Clock;
  notify: PushNotify;
}) {
  const { occurrenceRepo, directory, repo, clock, notify } = deps;
  return {
    async sweep(): Promise<void> {
      const now = clock.now();
      const sessions = await occurrenceRepo.occurrences({
        from: new Date(now.getTime() - LATE_MS),
        to: new Date(now.getTime() + EARLY_MS + 1),
      });
      for (const session of sessions) {
        const startsIn = session.startsAt.getTime() - now.getTime();
        if (session.status !== "SCHEDULED" || session.endedAt !== null) continue;
        if (startsIn > EARLY_MS || startsIn < -LATE_MS) continue;
        if (!(await repo.claimSessionStart(session.id, session.startsAt, now))) continue;
        const people = await directory.peopleIn(session);
        notify(
          [...people.participantIds, ...people.familyIds, ...people.facilitatorIds],
          "session-starting",
          `/sessions/${session.id}/room`,
        );
      }
    },
  };
}
