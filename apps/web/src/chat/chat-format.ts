import { isoDateInZone, LOCALE_TAGS, type ChatRoomKind, type Locale } from "@bridgeway/domain";
import type { TFunction } from "i18next";
import { formatClock } from "../format/session-time";
import { activeLocale, i18n } from "../i18n/i18n";

export function roomKindLabel(kind: ChatRoomKind, t: TFunction<"chat">): string {
  return t(`kind.${kind}`);
}

/**
 * A room's title in the reader's language. The server names rooms in English around a cohort's,
 * session's or person's name ("Evening track chat", "Private thread with Dana Whitfield"); the
 * name itself stays as it is.
 */
export function chatRoomTitle(
  room: { kind: ChatRoomKind; title: string },
  t: TFunction<"chat">,
): string {
  const { kind, title } = room;
  const around = (prefix: string, suffix: string) =>
    title.startsWith(prefix) &&
    title.endsWith(suffix) &&
    title.length > prefix.length + suffix.length
      ? title.slice(prefix.length, title.length - suffix.length)
      : null;
  const name =
    kind === "thread"
      ? around("Private thread with ", "")
      : around("", kind === "staff" ? " staff room" : " chat");
  if (name === null) return title;
  switch (kind) {
    case "thread":
      return t("roomTitle.thread", { name });
    case "staff":
      return t("roomTitle.staff", { name });
    case "cohort":
    case "session":
      return t("roomTitle.chat", { name });
  }
}

/** "6:02 PM" today, "Nov 22, 6:02 PM" on another day, in the viewer's zone. */
export function formatChatTime(
  instant: string,
  now: Date,
  timeZone: string,
  locale: Locale = activeLocale(),
): string {
  const time = formatClock(instant, timeZone, locale);
  const day = isoDateInZone(new Date(instant), timeZone);
  if (day === isoDateInZone(now, timeZone)) return time;
  const date = new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    month: "short",
    day: "numeric",
    timeZone,
  }).format(Date.parse(instant));
  return i18n.t("dayAndTime", { ns: "chat", lng: locale, date, time });
}

/** "1 unread", "12 unread" */
export function unreadLabel(count: number, t: TFunction<"chat">): string {
  return t("unread", { count });
}

/** "12 of 4000 characters" */
export function characterCount(length: number, max: number, t: TFunction<"chat">): string {
  return t("compose.count", { length, max });
}
