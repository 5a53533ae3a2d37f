import {
  CohortAttendanceFlagsSchema,
  FollowUpTaskListSchema,
  FollowUpTaskSchema,
  NotJoinedSchema,
  ReminderPreferencesDtoSchema,
  type CohortAttendanceFlags,
  type CompleteFollowUpInput,
  type FollowUpTaskDto,
  type NotJoinedDto,
  type ReminderPreferences,
  type ReminderPreferencesDto,
} from "@bridgeway/domain";
import type { ApiClient } from "./api-client";

/** Reminder preferences, follow-ups after missed sessions, and a cohort's attendance flags. */
export function createRemindersApi(api: ApiClient) {
  return {
    preferences(signal?: AbortSignal): Promise<ReminderPreferencesDto> {
      return api.get("/api/reminder-preferences", ReminderPreferencesDtoSchema, signal);
    },
    savePreferences(input: ReminderPreferences): Promise<ReminderPreferencesDto> {
      return api.write("PUT", "/api/reminder-preferences", input, ReminderPreferencesDtoSchema);
    },
    followUps(signal?: AbortSignal): Promise<FollowUpTaskDto[]> {
      return api.get("/api/follow-ups", FollowUpTaskListSchema, signal);
    },
    completeFollowUp(id: string, input: CompleteFollowUpInput): Promise<FollowUpTaskDto> {
      return api.write(
        "POST",
        `/api/follow-ups/${encodeURIComponent(id)}/done`,
        input,
        FollowUpTaskSchema,
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
        CohortAttendanceFlagsSchema,
        signal,
      );
    },
  };
}

export type RemindersApi = ReturnType<typeof createRemindersApi>;
