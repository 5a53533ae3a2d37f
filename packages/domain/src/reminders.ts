import { z } from "zod";
import { isoDateInZone, minutesOfDay, TimeOfDaySchema, type TimeOfDay } from "./dates";
import { addDaysToDate } from "./schedule";

/** Reminders go out a day and an hour before a session starts (minutes before the start). */
export const REMINDER_LEAD_MINUTES = [24 * 60, 60] as const;
export type ReminderLead = (typeof REMINDER_LEAD_MINUTES)[number];

export const REMINDER_CHANNELS = ["EMAIL", "SMS"] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

/** A mobile number in E.164 form, as SMS providers take it. */
export const PhoneNumberSchema = z
  .string({ error: "Enter a mobile number." })
  .trim()
  .transform((value) => value.replace(/[\s().-]/g, ""))
  .pipe(
    z.string().regex(/^\+[1-9]\d{7,14}$/, {
      error: "Use the full number with its country code, such as +1 555 123 4567.",
    }),
  );

export const QuietHoursSchema = z
  .strictObject({ start: TimeOfDaySchema, end: TimeOfDaySchema })
  .refine((q) => q.start !== q.end, {
    error: "Quiet hours must start and end at different times.",
    path: ["end"],
  });
export type QuietHours = z.infer<typeof QuietHoursSchema>;

/** What a person chose about their session reminders. */
export const ReminderPreferencesSchema = z
  .strictObject({
    enabled: z.boolean({ error: "Say whether reminders are on." }),
    byEmail: z.boolean({ error: "Say whether reminders come by email." }),
    bySms: z.boolean({ error: "Say whether reminders come by text message." }),
    phone: PhoneNumberSchema.nullable(),
    quietHours: QuietHoursSchema.nullable(),
  })
  .superRefine((p, ctx) => {
    if (p.bySms && p.phone === null) {
      ctx.addIssue({
        code: "custom",
        path: ["phone"],
        message: "Enter a mobile number for text message reminders.",
      });
    }
    if (p.enabled && !p.byEmail && !p.bySms) {
      ctx.addIssue({
        code: "custom",
        path: ["byEmail"],
        message: "Choose email, text message or both, or turn reminders off.",
      });
    }
  });
export type ReminderPreferences = z.infer<typeof ReminderPreferencesSchema>;
export type ReminderPreferencesInput = z.input<typeof ReminderPreferencesSchema>;

export const DEFAULT_REMINDER_PREFERENCES: ReminderPreferences = {
  enabled: true,
  byEmail: true,
  bySms: false,
  phone: null,
  quietHours: null,
};

/** The channels a reminder goes out on under these preferences. */
export function reminderChannels(preferences: ReminderPreferences): ReminderChannel[] {
  if (!preferences.enabled) return [];
  const channels: ReminderChannel[] = [];
  if (preferences.byEmail) channels.push("EMAIL");
  if (preferences.bySms && preferences.phone !== null) channels.push("SMS");
  return channels;
}

function localTimeOfDay(instant: Date, timeZone: string): TimeOfDay {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${part("hour")}:${part("minute")}`;
}

/** Whether `instant` falls in the quiet hours, read as wall-clock time in `timeZone`. */
export function inQuietHours(instant: Date, timeZone: string, quiet: QuietHours | null): boolean {
  if (quiet === null) return false;
  const now = minutesOfDay(localTimeOfDay(instant, timeZone));
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  // A span such as 22:00–07:00 crosses midnight.
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * Which reminder of a session is due at `now`, if any: the one with the shortest lead whose time
 * has come, so a server that was down for the day-before reminder sends the hour-before one only.
 * `superseded` are the earlier leads that are no longer worth sending. Nothing once it started.
 */
export function dueReminder(
  startsAt: Date,
  now: Date,
): { lead: ReminderLead; superseded: ReminderLead[] } | null {
  if (now >= startsAt) return null;
  const due = REMINDER_LEAD_MINUTES.filter(
    (lead) => startsAt.getTime() - lead * 60_000 <= now.getTime(),
  );
  const lead = due.at(-1);
  if (lead === undefined) return null;
  return { lead, superseded: due.filter((l) => l !== lead) };
}

/**
 * Which day a reminder sent at `now` names, in the person's own zone: the session is today,
 * tomorrow, or later (a reminder then gives the date). The words are the server's, per language.
 */
export function reminderDay(
  startsAt: Date,
  now: Date,
  timeZone: string,
): "today" | "tomorrow" | "later" {
  const day = isoDateInZone(startsAt, timeZone);
  const today = isoDateInZone(now, timeZone);
  if (day === today) return "today";
  return day === addDaysToDate(today, 1) ? "tomorrow" : "later";
}

/** What the account page shows and saves: the preferences as stored, and how they apply. */
export const ReminderPreferencesDtoSchema = z.object({
  enabled: z.boolean(),
  byEmail: z.boolean(),
  bySms: z.boolean(),
  phone: z.string().nullable(),
  quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
  /** The zone reminder times and quiet hours are read in. */
  timeZone: z.string(),
  /** False when no SMS provider is set up: texts are kept in a local outbox instead of sent. */
  smsDelivered: z.boolean(),
});
export type ReminderPreferencesDto = z.infer<typeof ReminderPreferencesDtoSchema>;

/** A participant is listed as "has not joined" this long after a session starts. */
export const NOT_JOINED_AFTER_MINUTES = 10;

/** Reminder rows with this lead are facilitators' check-ins, sent once per person per session. */
export const CHECK_IN_LEAD_MINUTES = 0;

/** For a session's facilitators: expected participants who have not joined 10 minutes in. */
export const NotJoinedSchema = z.object({
  sessionId: z.string(),
  /** When the list starts to fill (10 minutes after the start). */
  from: z.string(),
  people: z.array(
    z.object({ id: z.string(), displayName: z.string(), checkedInAt: z.string().nullable() }),
  ),
});
export type NotJoinedDto = z.infer<typeof NotJoinedSchema>;

export const CheckInInputSchema = z.strictObject({
  participantId: z.uuid({ error: "Say who to check in with." }),
});
export type CheckInInput = z.infer<typeof CheckInInputSchema>;
