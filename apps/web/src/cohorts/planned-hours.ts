import { IOP_MIN_WEEKLY_HOURS, PHP_WEEKLY_HOURS, type PlannedWeek } from "@bridgeway/domain";

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
