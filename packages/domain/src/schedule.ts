import { z } from "zod";
import {
  CohortInputSchema,
  WeekdaySchema,
  WEEKDAYS,
  WeeklyPatternSchema,
  type Weekday,
} from "./cohorts";
import { BoundedInstantSchema, IsoDateSchema, TimeZoneSchema } from "./dates";
import { localeSchema } from "./locale";
import { refuseUnsafeName } from "./text";
import { EnrollmentPhaseSchema, isWithinEnrollment, type EnrollmentPhase } from "./enrollments";
import { CredentialKindSchema, EmailSchema, LicenseStateSchema, PersonNameSchema } from "./people";
import { AccountStatusSchema } from "./accounts";
import { SessionKindSchema, sessionKindInfo, type SessionKind } from "./session-kinds";

/** The usual IOP minimum: below this a week is flagged. */
export const IOP_MIN_WEEKLY_HOURS = 9;
/** At or above this a week is partial-hospitalisation territory, and is flagged too. */
export const PHP_WEEKLY_HOURS = 20;

export type WeeklyHoursStatus = "below-minimum" | "within-range" | "php-range";

export function weeklyHoursStatus(hours: number): WeeklyHoursStatus {
  if (hours < IOP_MIN_WEEKLY_HOURS) return "below-minimum";
  if (hours >= PHP_WEEKLY_HOURS) return "php-range";
  return "within-range";
}

/** How far ahead cohort meetings are generated as stored sessions. */
export const SCHEDULE_HORIZON_WEEKS = 8;

/** The join button opens this long before a session starts, and closes when it ends. */
export const JOIN_OPENS_BEFORE_MS = 10 * 60 * 1000;

export type JoinWindow = "not-yet" | "open" | "ended";

export function joinWindow(startsAt: Date, endsAt: Date, now: Date): JoinWindow {
  if (now.getTime() >= endsAt.getTime()) return "ended";
  if (now.getTime() >= startsAt.getTime() - JOIN_OPENS_BEFORE_MS) return "open";
  return "not-yet";
}

/**
 * What someone who comes to the room too early is told: how long until it opens (minutes, or
 * whole hours once it is two hours or more away) and that it opens ten minutes before the start.
 */
export function roomNotOpenYetMessage(untilOpenMs: number): string {
  const minutes = Math.max(1, Math.ceil(untilOpenMs / 60_000));
  const wait =
    minutes >= 120
      ? `about ${Math.round(minutes / 60)} hours`
      : `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
  return `The room opens in ${wait}, ${JOIN_OPENS_BEFORE_MS / 60_000} minutes before the start.`;
}

/** Whether two half-open intervals [start, end) overlap: back-to-back sessions do not. */
export function intervalsOverlap(
  a: { startsAt: Date; endsAt: Date },
  b: { startsAt: Date; endsAt: Date },
): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** Weekdays in calendar order, Monday first. */
export function inCalendarOrder(days: readonly Weekday[]): Weekday[] {
  return WEEKDAYS.filter((d) => days.includes(d));
}

/**
 * Which of the cohort's meeting days a participant in `phase` attends when nobody chose: the
 * first `phase` of them in calendar order (all of them when the cohort meets fewer days).
 */
export function defaultPhaseDays(
  cohortDays: readonly Weekday[],
  phase: EnrollmentPhase,
): Weekday[] {
  return inCalendarOrder(cohortDays).slice(0, phase);
}

/** Why `days` cannot be a phase's attendance days for this cohort, or null when they can. */
export function phaseDaysProblem(
  cohortDays: readonly Weekday[],
  phase: EnrollmentPhase,
  days: readonly Weekday[],
): string | null {
  const outside = days.filter((d) => !cohortDays.includes(d));
  if (outside.length > 0) return `The cohort does not meet on ${outside.join(", ")}.`;
  if (new Set(days).size !== days.length) return "Each day may appear once.";
  const expected = Math.min(phase, cohortDays.length);
  if (days.length !== expected) {
    return `Phase ${phase} attends ${expected} of the cohort's ${cohortDays.length} meeting days; ${days.length} were chosen.`;
  }
  return null;
}

export type PhasePeriod = { phase: EnrollmentPhase; days: Weekday[]; effectiveFrom: string };

/** The phase period in effect on `date` (YYYY-MM-DD): the latest one starting on or before it. */
export function phaseOn(periods: readonly PhasePeriod[], date: string): PhasePeriod | undefined {
  let found: PhasePeriod | undefined;
  for (const period of periods) {
    if (period.effectiveFrom <= date && (!found || period.effectiveFrom > found.effectiveFrom)) {
      found = period;
    }
  }
  return found;
}

/** The weekday code of a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): Weekday {
  const index = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return WEEKDAYS[(index + 6) % 7] ?? "MO";
}

/** Add days to a `YYYY-MM-DD` date. */
export function addDaysToDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday on or before a `YYYY-MM-DD` date: weeks run Monday to Sunday. */
export function weekStartOf(date: string): string {
  const index = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDaysToDate(date, -((index + 6) % 7));
}

/** Session kinds booked one at a time with a participant, rather than generated for a cohort. */
export const BOOKABLE_SESSION_KINDS = ["INDIVIDUAL", "FAMILY", "MEDICATION_MANAGEMENT"] as const;
export const BookableSessionKindSchema = z.enum(BOOKABLE_SESSION_KINDS, {
  error:
    "Book individual, family or medication management sessions; group sessions come from a cohort's pattern.",
});

export const GROUP_SESSION_KINDS = ["GROUP_THERAPY", "SKILLS_GROUP", "PSYCHOEDUCATION"] as const;
export const GroupSessionKindSchema = z.enum(GROUP_SESSION_KINDS);

/** Shortest and longest bookable session. */
export const MIN_SESSION_MINUTES = 15;
export const MAX_SESSION_MINUTES = 240;

const DurationSchema = z
  .int({ error: "Duration must be a whole number of minutes." })
  .min(MIN_SESSION_MINUTES, { error: `Sessions last at least ${MIN_SESSION_MINUTES} minutes.` })
  .max(MAX_SESSION_MINUTES, { error: `Sessions last at most ${MAX_SESSION_MINUTES} minutes.` });

/** An instant with an explicit offset, e.g. 2026-11-24T18:00:00-05:00 or ...Z. */
export const InstantSchema = BoundedInstantSchema;

// ---- Requests ------------------------------------------------------------------------------

export const CreateProgramInputSchema = z.strictObject({
  name: z
    .string({ error: "Name is required." })
    .trim()
    .min(1, { error: "Name is required." })
    .max(200)
    .superRefine(refuseUnsafeName),
  description: z.string().trim().max(2000).default(""),
});
export type CreateProgramInput = z.infer<typeof CreateProgramInputSchema>;

export const CreateFacilitatorInputSchema = z.strictObject({
  email: EmailSchema,
  firstName: PersonNameSchema,
  lastName: PersonNameSchema,
  timeZone: TimeZoneSchema,
  credential: CredentialKindSchema,
  licenseState: LicenseStateSchema,
  licenseExpiresOn: IsoDateSchema,
  /** The language of the invitation email (and the account); English when not given. */
  locale: localeSchema.optional(),
});
export type CreateFacilitatorInput = z.infer<typeof CreateFacilitatorInputSchema>;

export const UpdateFacilitatorInputSchema = z
  .strictObject({
    firstName: PersonNameSchema,
    lastName: PersonNameSchema,
    credential: CredentialKindSchema,
    licenseState: LicenseStateSchema,
    licenseExpiresOn: IsoDateSchema,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: "Send at least one field to change." });
export type UpdateFacilitatorInput = z.infer<typeof UpdateFacilitatorInputSchema>;

export const CreateParticipantInputSchema = z.strictObject({
  email: EmailSchema,
  firstName: PersonNameSchema,
  lastName: PersonNameSchema,
  preferredName: PersonNameSchema.optional(),
  timeZone: TimeZoneSchema,
  /** The person's language: their invitation email, reminders and screens. English when not given. */
  locale: localeSchema.optional(),
});
export type CreateParticipantInput = z.infer<typeof CreateParticipantInputSchema>;

const FacilitatorAssignment = {
  leadFacilitatorId: z.uuid({ error: "Choose the lead facilitator." }),
  coFacilitatorIds: z.array(z.uuid()).max(3).default([]),
};

export const CreateCohortInputSchema = CohortInputSchema.safeExtend({
  ...FacilitatorAssignment,
  groupSessionKind: GroupSessionKindSchema.default("GROUP_THERAPY"),
}).refine((c) => !c.coFacilitatorIds.includes(c.leadFacilitatorId), {
  error: "The lead facilitator cannot also be a co-facilitator.",
  path: ["coFacilitatorIds"],
});
export type CreateCohortInput = z.infer<typeof CreateCohortInputSchema>;

export const UpdateCohortInputSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, { error: "Name is required." })
      .max(200)
      .superRefine(refuseUnsafeName),
    capacity: z.int().min(1).max(30),
    endsOn: IsoDateSchema,
    weeklyPattern: WeeklyPatternSchema,
    leadFacilitatorId: z.uuid(),
    coFacilitatorIds: z.array(z.uuid()).max(3),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: "Send at least one field to change." });
export type UpdateCohortInput = z.infer<typeof UpdateCohortInputSchema>;

export const EnrollParticipantInputSchema = z
  .strictObject({
    participantUserId: z.uuid({ error: "Choose a participant." }),
    phase: EnrollmentPhaseSchema.default(4),
    startsOn: IsoDateSchema,
    plannedDischargeOn: IsoDateSchema,
    days: z.array(WeekdaySchema).optional(),
  })
  .refine((e) => e.plannedDischargeOn > e.startsOn, {
    error: "The planned discharge date must be after the start date.",
    path: ["plannedDischargeOn"],
  });
export type EnrollParticipantInput = z.infer<typeof EnrollParticipantInputSchema>;

export const StepDownInputSchema = z.strictObject({
  effectiveFrom: IsoDateSchema,
  /** Defaults to the next step down. */
  phase: EnrollmentPhaseSchema.optional(),
  days: z.array(WeekdaySchema).optional(),
});
export type StepDownInput = z.infer<typeof StepDownInputSchema>;

export const BookSessionInputSchema = z.strictObject({
  kind: BookableSessionKindSchema,
  participantUserId: z.uuid({ error: "Choose a participant." }),
  /** Defaults to the person booking, who must be a facilitator. */
  facilitatorUserId: z.uuid().optional(),
  startsAt: InstantSchema,
  durationMinutes: DurationSchema,
  timeZone: TimeZoneSchema.optional(),
  /** Family therapy: who of the family to invite (default: everyone with consent). */
  familyUserIds: z.array(z.uuid()).max(8).optional(),
});
export type BookSessionInput = z.infer<typeof BookSessionInputSchema>;

/** A multi-family group for a cohort: its participants and their consenting families. */
export const BookMultiFamilyInputSchema = z.strictObject({
  startsAt: InstantSchema,
  durationMinutes: DurationSchema,
});
export type BookMultiFamilyInput = z.infer<typeof BookMultiFamilyInputSchema>;

export const RescheduleSessionInputSchema = z
  .strictObject({
    startsAt: InstantSchema,
    durationMinutes: DurationSchema,
    leadFacilitatorId: z.uuid(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: "Send at least one field to change." });
export type RescheduleSessionInput = z.infer<typeof RescheduleSessionInputSchema>;

export const CancelSessionInputSchema = z.strictObject({
  reason: z
    .string({ error: "Say why the session is cancelled." })
    .trim()
    .min(1, { error: "Say why the session is cancelled." })
    .max(500, { error: "Keep the reason under 500 characters." }),
});
export type CancelSessionInput = z.infer<typeof CancelSessionInputSchema>;

/** At most this many days of sessions in one listing. */
export const MAX_SESSION_RANGE_DAYS = 62;

export const SessionRangeQuerySchema = z
  .strictObject({
    from: IsoDateSchema,
    to: IsoDateSchema,
    cohortId: z.uuid().optional(),
  })
  .refine((q) => q.to >= q.from, {
    error: "The end date must not be before the start date.",
    path: ["to"],
  })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= MAX_SESSION_RANGE_DAYS, {
    error: `Ask for at most ${MAX_SESSION_RANGE_DAYS} days at a time.`,
    path: ["to"],
  });
export type SessionRangeQuery = z.infer<typeof SessionRangeQuerySchema>;

// ---- Answers -------------------------------------------------------------------------------

export const SESSION_STATUSES = ["SCHEDULED", "CANCELLED"] as const;
export const SessionStatusSchema = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

const PersonRefSchema = z.object({ id: z.uuid(), displayName: z.string() });
const ClinicianRefSchema = PersonRefSchema.extend({ credential: CredentialKindSchema.nullable() });

export const SessionSummarySchema = z.object({
  id: z.uuid(),
  kind: SessionKindSchema,
  status: SessionStatusSchema,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  timeZone: z.string(),
  cohort: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  lead: ClinicianRefSchema.nullable(),
  /** For one-to-one and family sessions; never shown to other participants. */
  participant: PersonRefSchema.nullable(),
  cancelReason: z.string().nullable(),
  /** Changed from what the cohort's pattern gave it. */
  rescheduled: z.boolean(),
  /** When a facilitator ended the live room, if they did: the session is over for everyone. */
  endedAt: z.iso.datetime().nullable(),
});
export type SessionSummary = z.infer<typeof SessionSummarySchema>;

export const SessionListSchema = z.object({ sessions: z.array(SessionSummarySchema) });

/** Who is expected at a session (`GET /api/sessions/:id/roster`). */
export const SessionRosterSchema = z.object({
  people: z.array(
    z.object({ id: z.uuid(), displayName: z.string(), phase: EnrollmentPhaseSchema.nullable() }),
  ),
});
export type SessionRoster = z.infer<typeof SessionRosterSchema>;
export type RosterPerson = SessionRoster["people"][number];

export const PlannedWeekSchema = z.object({
  weekStart: IsoDateSchema,
  plannedHours: z.number(),
  status: z.enum(["below-minimum", "within-range", "php-range"]),
});
export type PlannedWeek = z.infer<typeof PlannedWeekSchema>;

/**
 * Why a week is planned below the IOP minimum: a step-down to fewer days, sessions cancelled
 * (holidays apart), a holiday closure, or an enrolment that starts or ends part-way through it.
 */
export const SHORT_WEEK_REASONS = [
  "step-down",
  "cancellations",
  "holidays",
  "partial-week",
] as const;
export type ShortWeekReason = (typeof SHORT_WEEK_REASONS)[number];

export const PlannedEnrollmentWeekSchema = PlannedWeekSchema.extend({
  reasons: z.array(z.enum(SHORT_WEEK_REASONS)),
});
export type PlannedEnrollmentWeek = z.infer<typeof PlannedEnrollmentWeekSchema>;

export const EnrollmentSummarySchema = z.object({
  id: z.uuid(),
  participant: PersonRefSchema,
  phase: EnrollmentPhaseSchema,
  days: z.array(WeekdaySchema),
  startsOn: IsoDateSchema,
  plannedDischargeOn: IsoDateSchema,
  status: z.enum(["ACTIVE", "DISCHARGED", "WITHDRAWN"]),
  phases: z.array(
    z.object({
      phase: EnrollmentPhaseSchema,
      days: z.array(WeekdaySchema),
      effectiveFrom: IsoDateSchema,
    }),
  ),
  plannedThisWeek: PlannedWeekSchema,
  /** Every week of the enrolment, Monday to Sunday in the clinic's zone. */
  plannedWeeks: z.array(PlannedEnrollmentWeekSchema),
});
export type EnrollmentSummary = z.infer<typeof EnrollmentSummarySchema>;

export const CohortDetailSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  program: z.object({ id: z.uuid(), name: z.string() }),
  timeZone: z.string(),
  capacity: z.number().int(),
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
  weeklyPattern: WeeklyPatternSchema,
  recurrenceRule: z.string(),
  groupSessionKind: SessionKindSchema,
  lead: ClinicianRefSchema.nullable(),
  coFacilitators: z.array(ClinicianRefSchema),
  enrollments: z.array(EnrollmentSummarySchema),
});
export type CohortDetail = z.infer<typeof CohortDetailSchema>;

export const CohortListItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  programName: z.string(),
  timeZone: z.string(),
  schedule: z.string(),
  enrolled: z.number().int(),
  capacity: z.number().int(),
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
});
export const CohortListSchema = z.object({ cohorts: z.array(CohortListItemSchema) });
export type CohortListItem = z.infer<typeof CohortListItemSchema>;

export const FacilitatorListItemSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  credential: CredentialKindSchema,
  licenseState: LicenseStateSchema,
  licenseExpiresOn: IsoDateSchema,
  status: AccountStatusSchema,
});
export const FacilitatorListSchema = z.object({ facilitators: z.array(FacilitatorListItemSchema) });
export type FacilitatorListItem = z.infer<typeof FacilitatorListItemSchema>;

export const ParticipantListItemSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  timeZone: z.string(),
  activeCohort: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  status: AccountStatusSchema,
});
export const ParticipantListSchema = z.object({ participants: z.array(ParticipantListItemSchema) });
export type ParticipantListItem = z.infer<typeof ParticipantListItemSchema>;

export const ProgramListSchema = z.object({
  programs: z.array(z.object({ id: z.uuid(), name: z.string(), description: z.string() })),
});

export const CalendarFeedSchema = z.object({
  /** The full secret URL; only present right after it was created. */
  url: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.iso.datetime().nullable(),
});
export type CalendarFeed = z.infer<typeof CalendarFeedSchema>;

/** Hours of a session, for planned-hours arithmetic. */
export function sessionHours(startsAt: Date, endsAt: Date): number {
  return (endsAt.getTime() - startsAt.getTime()) / 3_600_000;
}

/** Whether a kind is booked one-off (as opposed to generated from a cohort's pattern). */
export function isBookableKind(kind: SessionKind): boolean {
  return (
    (BOOKABLE_SESSION_KINDS as readonly string[]).includes(kind) &&
    sessionKindInfo(kind).shape !== "cohort-group"
  );
}

/** When an enrollment expects the participant at group meetings. */
export type EnrollmentWindow = {
  startsOn: string;
  plannedDischargeOn: string;
  /** Discharge or withdrawal date; nothing is expected after it. */
  endedOn: string | null;
  phases: readonly PhasePeriod[];
};

/**
 * Whether the participant is expected at a cohort meeting on `date` (the meeting's local date
 * in the cohort's zone): within the enrollment, on a day their phase in effect that day attends.
 */
export function expectedOn(enrollment: EnrollmentWindow, date: string): boolean {
  if (!isWithinEnrollment(enrollment, date)) return false;
  const period = phaseOn(enrollment.phases, date);
  return period !== undefined && period.days.includes(weekdayOf(date));
}
