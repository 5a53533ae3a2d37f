/**
 * First parts of React Query keys, shared so that a change in one place can refresh every
 * listing it affects. Each key goes on with the signed-in person's id: one person's data must
 * never be shown to the next one signed in.
 */
export const QUERY_KEYS = {
  home: "home",
  sessions: "sessions",
  cohorts: "cohorts",
  people: "people",
  calendarFeed: "calendar-feed",
  families: "families",
  clinical: "clinical",
  attendance: "attendance",
} as const;
