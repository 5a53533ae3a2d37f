import { CalendarFeedSchema, type CalendarFeed } from "@bridgeway/domain";
import type { ApiClient } from "./api-client";

/** The signed-in person's secret calendar (ICS) link. */
export function createCalendarFeedApi(api: ApiClient) {
  return {
    /** Whether a link is on; the link itself is never shown again after it was created. */
    get(signal?: AbortSignal): Promise<CalendarFeed> {
      return api.get("/api/calendar-feed", CalendarFeedSchema, signal);
    },
    /** A new link, answered once; any earlier link stops working. */
    create(): Promise<CalendarFeed> {
      return api.write("POST", "/api/calendar-feed", undefined, CalendarFeedSchema);
    },
    turnOff(): Promise<void> {
      return api.writeNoContent("DELETE", "/api/calendar-feed");
    },
  };
}

export type CalendarFeedApi = ReturnType<typeof createCalendarFeedApi>;
