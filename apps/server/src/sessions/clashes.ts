import { intervalsOverlap, sessionKindInfo } from "@bridgeway/domain";
import type { Db } from "../db/database";
import type { OccurrenceRecord } from "./occurrence-repository";
import type { PeopleRepository } from "../people/people-repository";
import type { SessionDirectory } from "./session-directory";

const DAY_MS = 86_400_000;

export type Candidate = { startsAt: Date; endsAt: Date };

export type Clash = {
  personId: string;
  personName: string;
  existing: OccurrenceRecord;
};

/** "Mon, Nov 23, 6:00 PM EST" in the session's zone. */
export function formatWhen(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(instant);
}

export function describeClash(clash: Clash): string {
  const what = sessionKindInfo(clash.existing.kind).label;
  const where = clash.existing.cohortName ? ` (${clash.existing.cohortName})` : "";
  return `${clash.personName} is already booked for ${what}${where} on ${formatWhen(clash.existing.startsAt, clash.existing.timeZone)}.`;
}

/**
 * The time a session holds: a session ended early holds only up to its end, so the rest of its
 * booked slot is free for another booking.
 */
export function occupied(session: { startsAt: Date; endsAt: Date; endedAt: Date | null }): {
  startsAt: Date;
  endsAt: Date;
} {
  const endsAt =
    session.endedAt && session.endedAt.getTime() < session.endsAt.getTime()
      ? session.endedAt
      : session.endsAt;
  return { startsAt: session.startsAt, endsAt };
}

/**
 * The first double-booking the candidate meetings would cause for any of the people, ignoring
 * cancelled sessions and the sessions named in `ignore` (the ones being moved).
 */
export async function findClash(
  deps: { peopleRepo: PeopleRepository; directory: SessionDirectory },
  candidates: readonly Candidate[],
  people: { facilitatorIds: readonly string[]; participantIds: readonly string[] },
  options: { ignore?: readonly string[]; db?: Db } = {},
): Promise<Clash | null> {
  if (candidates.length === 0) return null;
  const from = new Date(Math.min(...candidates.map((c) => c.startsAt.getTime())) - DAY_MS);
  const to = new Date(Math.max(...candidates.map((c) => c.endsAt.getTime())) + DAY_MS);
  const ignore = new Set(options.ignore ?? []);
  const check = async (personId: string, sessions: OccurrenceRecord[]): Promise<Clash | null> => {
    for (const existing of sessions) {
      if (existing.status === "CANCELLED" || ignore.has(existing.id)) continue;
      if (candidates.some((c) => intervalsOverlap(c, occupied(existing)))) {
        const person = await deps.peopleRepo.person(personId, options.db);
        return { personId, personName: person?.displayName ?? "Someone", existing };
      }
    }
    return null;
  };
  for (const id of new Set(people.facilitatorIds)) {
    const clash = await check(
      id,
      await deps.directory.sessionsOfFacilitator(id, from, to, options.db),
    );
    if (clash) return clash;
  }
  for (const id of new Set(people.participantIds)) {
    const clash = await check(
      id,
      await deps.directory.sessionsOfParticipant(id, from, to, options.db),
    );
    if (clash) return clash;
  }
  return null;
}
