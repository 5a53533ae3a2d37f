const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/;

/**
 * The instant (milliseconds since the epoch) that a wall-clock `date` (`YYYY-MM-DD`) and `time`
 * (`HH:MM`) name in a zone, given that zone's offset in minutes ahead of UTC at any instant
 * (web and server pass `tzOffset` from `@date-fns/tz`). Null for a date or time that is not
 * well formed.
 *
 * Daylight-saving changes are resolved the way calendars (and `Temporal`'s "compatible" mode)
 * do, whatever zone the machine itself runs in: a time that does not exist, in the hour skipped
 * in spring, moves forward by the length of the gap (02:30 becomes 03:30); a time that happens
 * twice, in the hour repeated in autumn, means the first of the two. `DST_CASES` lists examples.
 */
export function wallClockToEpochMs(
  date: string,
  time: string,
  offsetMinutesAt: (epochMs: number) => number,
): number | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const wallAsUtc = Date.UTC(
    Number(d[1]),
    Number(d[2]) - 1,
    Number(d[3]),
    Number(t[1]),
    Number(t[2]),
  );
  if (Number.isNaN(wallAsUtc)) return null;

  // Zones change offset at most once around any given day, so the offsets a day either side
  // are the only candidates.
  const before = offsetMinutesAt(wallAsUtc - DAY_MS);
  const after = offsetMinutesAt(wallAsUtc + DAY_MS);
  const fitting = [before, after]
    .map((offset) => wallAsUtc - offset * MINUTE_MS)
    .filter((instant) => offsetMinutesAt(instant) * MINUTE_MS === wallAsUtc - instant);
  // No candidate fits: the time was skipped. Reading it with the offset in force before the
  // change lands just as far after the change as the time was after the start of the gap.
  return fitting.length > 0 ? Math.min(...fitting) : wallAsUtc - before * MINUTE_MS;
}
