import { isoDateInZone, type IsoDate, type SessionSummary } from "@bridgeway/domain";

export type SessionDay = { date: IsoDate; sessions: SessionSummary[] };

/**
 * Sessions grouped by the day they start on in `timeZone` (the viewer's), days in order and
 * sessions by start within each day. Days without sessions are left out.
 */
export function groupSessionsByDay(
  sessions: readonly SessionSummary[],
  timeZone: string,
): SessionDay[] {
  const byDay = new Map<IsoDate, SessionSummary[]>();
  const sorted = [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const session of sorted) {
    const date = isoDateInZone(new Date(session.startsAt), timeZone);
    const day = byDay.get(date);
    if (day) day.push(session);
    else byDay.set(date, [session]);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, list]) => ({ date, sessions: list }));
}
