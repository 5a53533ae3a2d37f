import type {
  CohortAttendanceFlags,
  CompleteFollowUpInput,
  FollowUpTaskDto,
  NotJoinedDto,
  ReminderPreferences,
  ReminderPreferencesDto,
} from "@bridgeway/domain";
import { z } from "zod";
import type { ApiClient } from "./api-client";

const PreferencesSchema = z.object({
  enabled: z.boolean(),
  byEmail: z.boolean(),
  bySms: z.boolean(),
  phone: z.string().nullable(),
  quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
  timeZone: z.string(),
  smsDelivered: z.boolean(),
}) satisfies z.ZodType<ReminderPreferencesDto>;

const FollowUpSchema = z.object({
  id: z.string(),
  participant: z.object({ id: z.string(), displayName: z.string() }),
  session: z.object({ id: z.string(), startsAt: z.string(), timeZone: z.string() }),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
  doneNote: z.string().nullable(),
}) satisfies z.ZodType<FollowUpTaskDto>;

const FlagsSchema = z.object({
  cohortId: z.string(),
  flags: z.array(
    z.object({
      participantId: z.string(),
      displayName: z.string(),
      weekStart: z.string(),
      missedSessions: z.number(),
      attendedHours: z.number(),
      concerns: z.array(z.enum(["missed-sessions", "below-minimum"])),
    }),
  ),
}) satisfies z.ZodType<CohortAttendanceFlags>;

const NotJoinedSchema = z.object({
  sessionId: z.string(),
  from: z.string(),
  people: z.array(
    z.object({ id: z.string(), displayName: z.string(), checkedInAt: z.string().nullable() }),
  ),
}) satisfies z.ZodType<NotJoinedDto>;

/** Reminder preferences, follow-ups after missed sessions, and a cohort's attendance flags. */
export function createRemindersApi(api: ApiClient) {
  return {
    preferences(signal?: AbortSignal): Promise<ReminderPreferencesDto> {
      return api.get("/api/reminder-preferences", PreferencesSchema, signal);
    },
    savePreferences(input: ReminderPreferences): Promise<ReminderPreferencesDto> {
      return api.write("PUT", "/api/reminder-preferences", input, PreferencesSchema);
    },
    followUps(signal?: AbortSignal): Promise<FollowUpTaskDto[]> {
      return api.get("/api/follow-ups", z.array(FollowUpSchema), signal);
    },
    completeFollowUp(id: string, input: CompleteFollowUpInput): Promise<FollowUpTaskDto> {
      return api.write(
        "POST",
        `/api/follow-ups/${encodeURIComponent(id)}/done`,
        input,
        FollowUpSchema,
      );
    },
    notJoined(sessionId: string, signal?: AbortSignal): Promise<NotJoinedDto> {
      return api.get(
        `/api/sessions/${encodeURIComponent(sessionId)}/not-joined`,
        NotJoinedSchema,
        signal,
      );
    },
    /** A one-tap check-in with someone who has not joined a live session. */
    checkIn(sessionId: string, participantId: string): Promise<void> {
      return api.writeNoContent(
        "POST",
        `/api/sessions/${encodeURIComponent(sessionId)}/check-ins`,
        { participantId },
      );
    },
    attendanceFlags(cohortId: string, signal?: AbortSignal): Promise<CohortAttendanceFlags> {
      return api.get(
        `/api/cohorts/${encodeURIComponent(cohortId)}/attendance-flags`,
        FlagsSchema,
        signal,
      );
    },
  };
}

export type RemindersApi = ReturnType<typeof createRemindersApi>;
