import { isoDateInZone, minutesOfDay } from "./dates";
import {
  addDaysToDate,
  expectedOn,
  IOP_MIN_WEEKLY_HOURS,
  phaseOn,
  sessionHours,
  weekdayOf,
  weekStartOf,
  weeklyHoursStatus,
  type PhasePeriod,
  type PlannedEnrollmentWeek,
  type ShortWeekReason,
  type WeeklyHoursStatus,
} from "./schedule";
import type { Weekday } from "./cohorts";
import type { EnrollmentPhase } from "./enrollments";

/** One stored session of the participant (a cohort meeting they are expected at, or a booking). */
export type PlannedSession = {
  startsAt: Date;
  endsAt: Date;
  status: "SCHEDULED" | "CANCELLED";
  cancelReason: string | null;
};

export type PlannedWeeksInput = {
  startsOn: string;
  /** The last day of the enrolment: its end if it ended, else the planned discharge. */
  lastDay: string;
  /** The cohort's zone: weeks run Monday to Sunday there, and sessions fall on its dates. */
  timeZone: string;
  phases: readonly PhasePeriod[];
  /** The participant's stored sessions (any status) within the enrolment. */
  sessions: readonly PlannedSession[];
  /**
   * Cohort meetings are stored up to (not including) this date; from it on, the weekly pattern
   * stands in for them, so weeks beyond the generated horizon are not shown as empty.
   */
  storedUntil: string;
  /** The cohort's last day: no meetings are projected after it. */
  patternEndsOn: string;
  pattern: { days: readonly Weekday[]; startTime: string; endTime: string };
};

const HOLIDAY_WORDS =
  /\b(holiday|holidays|bank holiday|thanksgiving|christmas|xmas|new year|easter|independence day|july 4|juneteenth|memorial day|labor day|labour day|mlk|martin luther king|veterans day|presidents day|clinic closed|closure)\b/i;

/** Whether a cancellation's reason names a holiday or closure rather than a one-off cancellation. */
export function isHolidayCancellation(reason: string | null): boolean {
  return reason !== null && HOLIDAY_WORDS.test(reason);
}

const round = (hours: number) => Math.round(hours * 100) / 100;

/**
 * Planned hours for each week (Monday to Sunday, in the clinic's zone) of an enrolment, each
 * classed against the IOP range, with the reasons a week falls below the minimum.
 */
export function plannedWeeks(input: PlannedWeeksInput): PlannedEnrollmentWeek[] {
  const { startsOn, lastDay, timeZone, phases } = input;
  if (lastDay < startsOn) return [];
  const firstPhase: EnrollmentPhase | undefined = phaseOn(phases, startsOn)?.phase;
  const meetingHours = Math.max(
    0,
    (minutesOfDay(input.pattern.endTime) - minutesOfDay(input.pattern.startTime)) / 60,
  );
  const window = { startsOn, plannedDischargeOn: lastDay, endedOn: null, phases };
  const byWeek = new Map<string, { hours: number; cancelled: number; holidays: number }>();
  const weekOf = (date: string) => {
    const key = weekStartOf(date);
    const found = byWeek.get(key) ?? { hours: 0, cancelled: 0, holidays: 0 };
    byWeek.set(key, found);
    return found;
  };

  for (const session of input.sessions) {
    const date = isoDateInZone(session.startsAt, timeZone);
    if (date < startsOn || date > lastDay) continue;
    const week = weekOf(date);
    if (session.status === "SCHEDULED")
      week.hours += sessionHours(session.startsAt, session.endsAt);
    else if (isHolidayCancellation(session.cancelReason)) week.holidays += 1;
    else week.cancelled += 1;
  }
  // Beyond the stored horizon, the pattern's meetings on the days the phase attends.
  const projectFrom = input.storedUntil > startsOn ? input.storedUntil : startsOn;
  const projectTo = input.patternEndsOn < lastDay ? input.patternEndsOn : lastDay;
  for (let date = projectFrom; date <= projectTo; date = addDaysToDate(date, 1)) {
    if (expectedOn(window, date) && input.pattern.days.length > 0) {
      weekOf(date).hours += meetingHours;
    }
  }

  const weeks: PlannedEnrollmentWeek[] = [];
  for (let start = weekStartOf(startsOn); start <= lastDay; start = addDaysToDate(start, 7)) {
    const end = addDaysToDate(start, 6);
    const found = byWeek.get(start) ?? { hours: 0, cancelled: 0, holidays: 0 };
    const plannedHours = round(found.hours);
    const status: WeeklyHoursStatus = weeklyHoursStatus(plannedHours);
    const reasons: ShortWeekReason[] = [];
    if (plannedHours < IOP_MIN_WEEKLY_HOURS) {
      const phase = phaseOn(phases, end > lastDay ? lastDay : end)?.phase;
      if (firstPhase !== undefined && phase !== undefined && phase < firstPhase)
        reasons.push("step-down");
      if (found.cancelled > 0) reasons.push("cancellations");
      if (found.holidays > 0) reasons.push("holidays");
      // Only a cut that takes meeting days away explains a short week.
      const cut = [0, 1, 2, 3, 4, 5, 6]
        .map((i) => addDaysToDate(start, i))
        .filter((d) => d < startsOn || d > lastDay);
      if (cut.some((d) => input.pattern.days.includes(weekdayOf(d)))) reasons.push("partial-week");
    }
    weeks.push({ weekStart: start, plannedHours, status, reasons });
  }
  return weeks;
}

/** The phase in effect on `today` and the next planned change after it, if any. */
export function phaseOutlook(
  periods: readonly PhasePeriod[],
  today: string,
): { current: PhasePeriod | undefined; next: PhasePeriod | undefined } {
  const sorted = [...periods].sort(byDate);
  const current = phaseOn(periods, today) ?? sorted[0];
  const after = current && current.effectiveFrom > today ? current.effectiveFrom : today;
  const next = sorted.find((p) => p.effectiveFrom > after);
  return { current, next };
}

const byDate = (a: PhasePeriod, b: PhasePeriod) => a.effectiveFrom.localeCompare(b.effectiveFrom);
