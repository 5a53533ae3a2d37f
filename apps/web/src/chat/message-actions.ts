import { CHAT_EDIT_WINDOW_MS, type ChatMessageDto } from "@bridgeway/domain";

export type Viewer = { userId: string; staff: boolean };

export type MessageActions = {
  edit: boolean;
  delete: boolean;
  hide: boolean;
  report: boolean;
};

/** Whether the author may still change `message` at `now`: the 15 minutes after sending. */
export function withinEditWindow(message: ChatMessageDto, now: number): boolean {
  const sent = Date.parse(message.createdAt);
  return Number.isFinite(sent) && now - sent < CHAT_EDIT_WINDOW_MS;
}

/** What the viewer may do with a message, mirroring the server's rules. */
export function messageActions(
  message: ChatMessageDto,
  viewer: Viewer,
  now: number,
): MessageActions {
  const mine = message.author.userId === viewer.userId;
  const gone = message.deleted;
  const hidden = message.hidden !== null;
  const changeable = mine && !gone && withinEditWindow(message, now);
  return {
    edit: changeable && !hidden,
    delete: changeable,
    hide: viewer.staff && !mine && !gone && !hidden,
    report: !mine && !gone && !hidden,
  };
}

/** When the edit window of a message closes, to re-render the actions then. */
export function editWindowClosesAt(message: ChatMessageDto): number {
  return Date.parse(message.createdAt) + CHAT_EDIT_WINDOW_MS;
}

/**
 * What a message shows instead of (or besides) its text: deleted, hidden from the viewer, or
 * hidden with the reason for staff.
 */
export type MessageView =
  | { kind: "text"; body: string }
  | { kind: "deleted" }
  | { kind: "hidden" }
  | { kind: "hidden-for-staff"; reason: string | null; body: string };

export function messageView(message: ChatMessageDto, viewer: Viewer): MessageView {
  if (message.deleted) return { kind: "deleted" };
  if (message.hidden !== null) {
    return viewer.staff
      ? { kind: "hidden-for-staff", reason: message.hidden.reason, body: message.body }
      : { kind: "hidden" };
  }
  return { kind: "text", body: message.body };
}
