import { z } from "zod";

/**
 * Chat rooms: one per cohort (its participants and facilitators), one staff-only room per
 * program, one per session (the in-room chat), and a private thread between a participant and
 * each of their own therapists. Rooms are named by keys; who may be in one follows from the
 * relationships, never from a stored member list that could drift.
 */
export const CHAT_ROOM_KINDS = ["cohort", "staff", "session", "thread"] as const;
export type ChatRoomKind = (typeof CHAT_ROOM_KINDS)[number];

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const ROOM_KEY = new RegExp(`^(cohort|staff|session):(${UUID})$|^thread:(${UUID}):(${UUID})$`);

export type ChatRoomRef =
  | { kind: "cohort"; cohortId: string }
  | { kind: "staff"; programId: string }
  | { kind: "session"; sessionId: string }
  | { kind: "thread"; participantId: string; facilitatorId: string };

export function parseRoomKey(key: string): ChatRoomRef | null {
  const m = ROOM_KEY.exec(key);
  if (!m) return null;
  if (m[1] === "cohort" && m[2]) return { kind: "cohort", cohortId: m[2] };
  if (m[1] === "staff" && m[2]) return { kind: "staff", programId: m[2] };
  if (m[1] === "session" && m[2]) return { kind: "session", sessionId: m[2] };
  if (m[3] && m[4]) return { kind: "thread", participantId: m[3], facilitatorId: m[4] };
  return null;
}

export function roomKey(ref: ChatRoomRef): string {
  switch (ref.kind) {
    case "cohort":
      return `cohort:${ref.cohortId}`;
    case "staff":
      return `staff:${ref.programId}`;
    case "session":
      return `session:${ref.sessionId}`;
    case "thread":
      return `thread:${ref.participantId}:${ref.facilitatorId}`;
  }
}

export const MAX_CHAT_MESSAGE_LENGTH = 4000;
/** Authors may edit or delete their own message for this long after sending it. */
export const CHAT_EDIT_WINDOW_MS = 15 * 60 * 1000;
export const CHAT_PAGE_SIZE = 50;
/** Catch-up answers at most this many messages a page; the client asks again while `hasMore`. */
export const CHAT_SINCE_PAGE_SIZE = 500;

export const RoomKeySchema = z
  .string({ error: "roomKey is required." })
  .refine((key) => parseRoomKey(key) !== null, { error: "Not a chat room." });

const BodySchema = z
  .string({ error: "A message is text." })
  .trim()
  .min(1, { error: "A message cannot be empty." })
  .max(MAX_CHAT_MESSAGE_LENGTH, {
    error: `Keep messages under ${MAX_CHAT_MESSAGE_LENGTH} characters.`,
  });
const MessageIdSchema = z.uuid({ error: "Not a valid message id." });

export const ChatSendSchema = z.strictObject({
  roomKey: RoomKeySchema,
  clientId: z.uuid({ error: "clientId must be a UUID the client made." }),
  body: BodySchema,
});
export const ChatRoomOnlySchema = z.strictObject({ roomKey: RoomKeySchema });
export const ChatHistorySchema = z.strictObject({
  roomKey: RoomKeySchema,
  /** A message id: answers older messages than it. */
  before: MessageIdSchema.optional(),
  limit: z.int().min(1).max(100).default(CHAT_PAGE_SIZE),
});
export const ChatSinceSchema = z.strictObject({
  roomKey: RoomKeySchema,
  after: MessageIdSchema,
  limit: z.int().min(1).max(CHAT_SINCE_PAGE_SIZE).default(CHAT_SINCE_PAGE_SIZE),
});
export const ChatTypingSchema = z.strictObject({ roomKey: RoomKeySchema, typing: z.boolean() });
export const ChatReadSchema = z.strictObject({
  roomKey: RoomKeySchema,
  messageId: MessageIdSchema,
});
export const ChatEditSchema = z.strictObject({ messageId: MessageIdSchema, body: BodySchema });
export const ChatMessageOnlySchema = z.strictObject({ messageId: MessageIdSchema });
export const ChatHideSchema = z.strictObject({
  messageId: MessageIdSchema,
  reason: z.string({ error: "Say why." }).trim().min(1, { error: "Say why." }).max(500),
});
export const ChatReportSchema = z.strictObject({
  messageId: MessageIdSchema,
  reason: z.string().trim().max(500).default(""),
});

export type ChatMessageDto = {
  id: string;
  clientId: string;
  roomKey: string;
  author: { userId: string; displayName: string };
  /** Empty when deleted, or hidden from someone who is not staff. */
  body: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  /** Set when a facilitator hid it; the reason only for staff. */
  hidden: { reason: string | null } | null;
};

export type ChatRoomSummary = {
  roomKey: string;
  kind: ChatRoomKind;
  title: string;
  unread: number;
  lastMessageAt: string | null;
};

export type ChatTyping = { roomKey: string; userId: string; displayName: string; typing: boolean };

/**
 * Server processes' clocks and the order messages are stored in may differ by this much: a
 * catch-up after an interruption starts this far before the interruption began.
 */
export const RESYNC_MARGIN_MS = 5_000;

/**
 * Where to catch up from after live delivery was interrupted from `since`: the newest message
 * the client has from before the interruption (less the margin), or, when it has none that old,
 * its oldest one. Undefined when it has no messages (its newest page is all it needs).
 */
export function resyncPoint(
  messages: Iterable<Pick<ChatMessageDto, "id" | "createdAt">>,
  since: string,
): string | undefined {
  const before = Date.parse(since) - RESYNC_MARGIN_MS;
  let point: Pick<ChatMessageDto, "id" | "createdAt"> | undefined;
  let oldest: Pick<ChatMessageDto, "id" | "createdAt"> | undefined;
  const earlier = (a: Pick<ChatMessageDto, "id" | "createdAt">, b: typeof a) =>
    a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
  for (const message of messages) {
    if (!oldest || earlier(message, oldest)) oldest = message;
    if (Date.parse(message.createdAt) < before && (!point || earlier(point, message)))
      point = message;
  }
  return (point ?? oldest)?.id;
}
