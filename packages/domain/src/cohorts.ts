import { z } from "zod";
import { daysBetween, IsoDateSchema, minutesOfDay, TimeOfDaySchema, TimeZoneSchema } from "./dates";
import { refuseUnsafeName } from "./text";

export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export const WeekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof WeekdaySchema>;

const WEEKDAY_LABELS: Record<Weekday, string> = {
  MO: "Mon",
  TU: "Tue",
  WE: "Wed",
  TH: "Thu",
  FR: "Fri",
  SA: "Sat",
  SU: "Sun",
};

/** The usual IOP group: 8-12 people. Multi-family groups may reach 30. */
export const DEFAULT_COHORT_CAPACITY = 12;
export const MAX_COHORT_CAPACITY = 30;

/**
 * When a cohort meets each week, as wall-clock times in the cohort's own time zone, so a group
 * at 18:00 stays at 18:00 across daylight-saving changes.
 */
export const WeeklyPatternSchema = z
  .object({
    days: z
      .array(WeekdaySchema)
      .min(1, { error: "Choose at least one day of the week." })
      .max(7)
      .refine((days) => new Set(days).size === days.length, {
        error: "Each day may appear once.",
      }),
    startTime: TimeOfDaySchema,
    endTime: TimeOfDaySchema,
  })
  .refine((p) => minutesOfDay(p.endTime) > minutesOfDay(p.startTime), {
    error: "The end time must be after the start time.",
    path: ["endTime"],
  });
export type WeeklyPattern = z.infer<typeof WeeklyPatternSchema>;

/** Length of each meeting in minutes. */
export function patternDurationMinutes(pattern: WeeklyPattern): number {
  return minutesOfDay(pattern.endTime) - minutesOfDay(pattern.startTime);
}

/** Hours a week a participant attending every meeting of the pattern spends in group. */
export function patternWeeklyHours(pattern: WeeklyPattern): number {
  return (pattern.days.length * patternDurationMinutes(pattern)) / 60;
}

/**
 * The pattern as an RFC 5545 recurrence rule (no DTSTART: the cohort's start date and time zone
 * supply it). Days are written in calendar order so equal patterns give equal rules.
 */
export function weeklyPatternToRRule(pattern: WeeklyPattern): string {
  const days = WEEKDAYS.filter((d) => pattern.days.includes(d));
  const [hour, minute] = pattern.startTime.split(":").map(Number);
  return `FREQ=WEEKLY;BYDAY=${days.join(",")};BYHOUR=${hour};BYMINUTE=${minute};BYSECOND=0`;
}

/** "Mon, Wed, Thu 18:00-21:00" */
export function describeWeeklyPattern(pattern: WeeklyPattern): string {
  const days = WEEKDAYS.filter((d) => pattern.days.includes(d)).map((d) => WEEKDAY_LABELS[d]);
  return `${days.join(", ")} ${pattern.startTime}-${pattern.endTime}`;
}

/** The longest a cohort may run (two years); longer tracks are a new cohort. */
export const MAX_COHORT_DAYS = 731;

const cohortFields = {
  programId: z.uuid(),
  name: z
    .string()
    .trim()
    .min(1, { error: "Name is required." })
    .max(200)
    .superRefine(refuseUnsafeName),
  timeZone: TimeZoneSchema,
  capacity: z
    .int({ error: "Capacity must be a whole number." })
    .min(1, { error: "Capacity must be at least 1." })
    .max(MAX_COHORT_CAPACITY, { error: `Capacity must be ${MAX_COHORT_CAPACITY} or fewer.` })
    .default(DEFAULT_COHORT_CAPACITY),
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
  weeklyPattern: WeeklyPatternSchema,
};

/** What an admin sends to create a cohort. */
export const CohortInputSchema = z
  .strictObject(cohortFields)
  .refine((c) => c.endsOn >= c.startsOn, {
    error: "The end date must not be before the start date.",
    path: ["endsOn"],
  })
  // Meetings are generated from the start date: a longer span would be unbounded work.
  .refine((c) => !(daysBetween(c.startsOn, c.endsOn) > MAX_COHORT_DAYS), {
    error: `A cohort runs for at most ${MAX_COHORT_DAYS} days; start another for the next run.`,
    path: ["endsOn"],
  });
export type CohortInput = z.infer<typeof CohortInputSchema>;

export const CohortSchema = z.object({ id: z.uuid(), ...cohortFields });
export type Cohort = z.infer<typeof CohortSchema>;

export const COHORT_FACILITATOR_ROLES = ["LEAD", "CO"] as const;
export const CohortFacilitatorRoleSchema = z.enum(COHORT_FACILITATOR_ROLES);
export type CohortFacilitatorRole = z.infer<typeof CohortFacilitatorRoleSchema>;
