import {
  IOP_MIN_WEEKLY_HOURS,
  isoDateInZone,
  sessionKindInfo,
  SessionKindSchema,
  type CohortAttendance,
} from "@bridgeway/domain";
import { useId, type ReactNode } from "react";
import { formatCalendarDate } from "../format/format";
import { formatClock, formatHours, formatShortDay } from "../format/session-time";
import { TableScroll } from "../shell/table-scroll";

type Session = CohortAttendance["sessions"][number];
type Cell = CohortAttendance["participants"][number]["cells"][number];
type Week = CohortAttendance["participants"][number]["weeks"][number];

function kindLabel(kind: string): string {
  const parsed = SessionKindSchema.safeParse(kind);
  return parsed.success ? sessionKindInfo(parsed.data).label : kind;
}

export type CellView =
  | { kind: "upcoming" }
  | { kind: "not-expected" }
  | { kind: "absent" }
  | { kind: "attended"; minutes: number; late: boolean; leftEarly: boolean; expected: boolean };

/** What one cell of the grid says: upcoming, not expected, expected but absent, or minutes. */
export function cellView(cell: Cell | undefined, session: Session): CellView {
  if (cell?.attended) {
    return {
      kind: "attended",
      minutes: cell.minutes,
      late: cell.late,
      leftEarly: cell.leftEarly,
      expected: cell.expected,
    };
  }
  if (session.upcoming) return { kind: "upcoming" };
  return cell?.expected ? { kind: "absent" } : { kind: "not-expected" };
}

function GridCell({ view }: { view: CellView }) {
  switch (view.kind) {
    case "upcoming":
      return <td className="attendance-cell muted">Upcoming</td>;
    case "not-expected":
      return (
        <td className="attendance-cell muted">
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">Not expected</span>
        </td>
      );
    case "absent":
      return (
        <td className="attendance-cell attendance-cell--absent">
          <span className="badge badge--warning">Absent</span>
        </td>
      );
    case "attended":
      return (
        <td className="attendance-cell">
          <span className="attendance-cell__minutes">{view.minutes} min</span>
          {view.late && <span className="badge badge--info cell-badge">Late</span>}
          {view.leftEarly && <span className="badge badge--info cell-badge">Left early</span>}
          {!view.expected && <span className="cell-note">Not expected</span>}
        </td>
      );
  }
}

/**
 * A table's caption set above its scrolling box rather than inside the table: a caption inside
 * is as wide as the table, so on a phone its end scrolled out of sight with the columns.
 */
function TableCaption({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="attendance-caption">
      {children}
    </p>
  );
}

/** Participants by sessions: minutes in the room, with late and early-leave marks. */
export function SessionGrid({ data }: { data: CohortAttendance }) {
  const captionId = useId();
  return (
    <>
      <TableCaption id={captionId}>
        Minutes attended per session, {formatCalendarDate(data.from)} to{" "}
        {formatCalendarDate(data.to)}
      </TableCaption>
      <TableScroll labelledBy={captionId}>
        <table className="table attendance-grid" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">Participant</th>
              {data.sessions.map((s) => (
                <th key={s.id} scope="col" className="attendance-grid__session">
                  {formatShortDay(isoDateInZone(new Date(s.startsAt), data.timeZone))}
                  <span className="cell-note">{formatClock(s.startsAt, data.timeZone)}</span>
                  <span className="cell-note">{kindLabel(s.kind)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.participants.map((p) => (
              <tr key={p.participantId}>
                <th scope="row" className="attendance-grid__name">
                  {p.displayName}
                </th>
                {data.sessions.map((s) => (
                  <GridCell
                    key={s.id}
                    view={cellView(
                      p.cells.find((c) => c.sessionId === s.id),
                      s,
                    )}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function WeekCell({ week }: { week: Week | undefined }) {
  if (!week) return <td className="muted">—</td>;
  return (
    <td className={week.flagged ? "hours hours--danger" : "hours"}>
      <span className="hours__attended">{formatHours(week.attendedHours)}</span>
      <span className="cell-note">of {formatHours(week.plannedHours)} planned</span>
      {week.flagged && <span className="badge badge--danger cell-badge">Below minimum</span>}
      {!week.flagged && week.status === "php-range" && (
        <span className="badge badge--info cell-badge">Partial hospitalisation range</span>
      )}
    </td>
  );
}

/** Each participant's weekly attended hours against planned hours and the 9-hour minimum. */
export function WeeklyHours({ data }: { data: CohortAttendance }) {
  const captionId = useId();
  const weeks = [
    ...new Set(data.participants.flatMap((p) => p.weeks.map((w) => w.weekStart))),
  ].sort();
  return (
    <>
      <TableCaption id={captionId}>
        Hours attended per week, against planned hours and the {IOP_MIN_WEEKLY_HOURS}-hour IOP
        minimum
      </TableCaption>
      <TableScroll labelledBy={captionId}>
        <table className="table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">Participant</th>
              {weeks.map((w) => (
                <th key={w} scope="col">
                  Week of {formatShortDay(w)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.participants.map((p) => (
              <tr key={p.participantId}>
                <th scope="row">{p.displayName}</th>
                {weeks.map((w) => (
                  <WeekCell key={w} week={p.weeks.find((x) => x.weekStart === w)} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
