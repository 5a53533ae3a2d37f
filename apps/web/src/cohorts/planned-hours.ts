import {
  IOP_MIN_WEEKLY_HOURS,
  PHP_WEEKLY_HOURS,
  type PlannedEnrollmentWeek,
  type PlannedWeek,
  type ShortWeekReason,
} from "@bridgeway/domain";

export type PlannedHoursWarning = { tone: "warning" | "danger"; text: string };

/**
 * What to flag about a participant's planned week: below the usual IOP minimum, or in
 * partial-hospitalisation territory. Null for a week within range.
 */
export function plannedHoursWarning(status: PlannedWeek["status"]): PlannedHoursWarning | null {
  switch (status) {
    case "below-minimum":
      return { tone: "warning", text: `Below the ${IOP_MIN_WEEKLY_HOURS}-hour IOP minimum` };
    case "php-range":
      return { tone: "danger", text: `${PHP_WEEKLY_HOURS}+ hours: partial hospitalisation range` };
    case "within-range":
      return null;
  }
}

const REASON_TEXT: Record<ShortWeekReason, string> = {
  "step-down": "step-down",
  cancellations: "cancelled sessions",
  holidays: "holiday closure",
  "partial-week": "enrolment starts or ends mid-week",
};

/** "step-down, cancelled sessions" for a short week, or null when nothing explains it. */
export function shortWeekReasons(reasons: readonly ShortWeekReason[]): string | null {
  return reasons.length === 0 ? null : reasons.map((r) => REASON_TEXT[r]).join(", ");
}

/** The weeks flagged outside the IOP range, from `today`'s week on (earlier weeks are history). */
export function flaggedWeeksAhead(
  weeks: readonly PlannedEnrollmentWeek[],
  weekStartToday: string,
): PlannedEnrollmentWeek[] {
  return weeks.filter((w) => w.weekStart >= weekStartToday && w.status !== "within-range");
}
