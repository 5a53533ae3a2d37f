import {
  isoDateInZone,
  modalityLabel,
  sessionKindInfo,
  SessionKindSchema,
  type CohortAttendance,
} from "@bridgeway/domain";
import { csvFile, spreadsheetSafe } from "../http/csv";

export const ATTENDANCE_CSV_COLUMNS = [
  "Participant",
  "Date",
  "Start",
  "Session",
  "Expected",
  "Planned minutes",
  "Attended minutes",
  "Modality",
  "Video minutes",
  "Audio-only minutes",
  "Late",
  "Left early",
  "Week of",
  "Week planned hours",
  "Week attended hours",
  "Below 9-hour minimum",
] as const;

const yesNo = (value: boolean) => (value ? "yes" : "no");

/**
 * Documented attendance hours: one row per participant and cohort session they were expected at
 * or attended, with that week's totals (all their sessions) against the IOP minimum, and how
 * each session was attended (video or audio-only minutes), since clinics bill them differently.
 */
export function attendanceCsv(grid: CohortAttendance): string {
  const zone = grid.timeZone;
  const time = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const rows: string[][] = [];
  for (const person of grid.participants) {
    for (const cell of person.cells) {
      if (!cell.expected && !cell.attended) continue;
      const session = grid.sessions.find((s) => s.id === cell.sessionId);
      if (!session) continue;
      const startsAt = new Date(session.startsAt);
      const date = isoDateInZone(startsAt, zone);
      const week = person.weeks.filter((w) => w.weekStart <= date).at(-1);
      const kind = SessionKindSchema.safeParse(session.kind);
      const planned = Math.round((Date.parse(session.endsAt) - startsAt.getTime()) / 60_000);
      rows.push([
        spreadsheetSafe(person.displayName),
        date,
        time.format(startsAt),
        kind.success ? sessionKindInfo(kind.data).label : session.kind,
        yesNo(cell.expected),
        String(planned),
        String(cell.minutes),
        modalityLabel({ video: cell.videoMinutes, "audio-only": cell.audioOnlyMinutes }),
        String(cell.videoMinutes),
        String(cell.audioOnlyMinutes),
        yesNo(cell.late),
        yesNo(cell.leftEarly),
        week?.weekStart ?? "",
        week ? String(week.plannedHours) : "",
        week ? String(week.attendedHours) : "",
        week ? yesNo(week.flagged) : "",
      ]);
    }
  }
  return csvFile(ATTENDANCE_CSV_COLUMNS, rows);
}
