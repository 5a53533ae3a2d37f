import { isoDateInZone, type ChatRoomKind } from "@bridgeway/domain";
import { formatClock } from "../format/session-time";

const KIND_LABELS: Record<ChatRoomKind, string> = {
  cohort: "Cohort chat",
  staff: "Staff room",
  session: "Session chat",
  thread: "Private thread",
};

export function roomKindLabel(kind: ChatRoomKind): string {
  return KIND_LABELS[kind];
}

/** "6:02 PM" today, "Nov 22, 6:02 PM" on another day, in the viewer's zone. */
export function formatChatTime(instant: string, now: Date, timeZone: string): string {
  const time = formatClock(instant, timeZone);
  const day = isoDateInZone(new Date(instant), timeZone);
  if (day === isoDateInZone(now, timeZone)) return time;
  const date = new Intl.DateTimeFormat("en-US", {
    month: "short",
    day: "numeric",
    timeZone,
  }).format(Date.parse(instant));
  return `${date}, ${time}`;
}

/** "1 unread", "12 unread" */
export function unreadLabel(count: number): string {
  return `${count} unread`;
}

/** "12 of 4000 characters" */
export function characterCount(length: number, max: number): string {
  return `${length} of ${max} characters`;
}
